"""Issue 16: the patient's pages of every example plan printed in Spanish hold no English
catalogue message, no English profile text and no English day or month name, and their doses
are the engine's. The page text is what the PDF holds (pypdf; normal and large print, the tick
chart on) and what the patient chart draws (matplotlib's texts, which the PDF holds as paths)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

import pytest

from planner.domain.schedule import compute_schedule
from planner.export.print_options import PrintOptions
from planner.export.printout.blocks import StepCard, TableRow
from planner.export.printout.content import plan_pages
from planner.export.printout.render import ensure_gui_app, render_pdf
from planner.files.planfile import example_names, load_example
from planner.text.catalogue import catalogue, read_messages, speaking
from planner.text.coverage import PROFILE_TEXTS
from planner.text.units import is_liquid

PRINTED = date(2026, 12, 1)
LANGUAGE = "es"
# Names a Spanish page prints as they are: brands, the registry's own English name (the
# Spanish text says it is its name in English), the example patients' and prescribers' names.
PROPER_NAMES = re.compile(r"North American Antiepileptic Drug Pregnancy Registry|Neurontin|Lyrica|Gralise|Horizant")
ENGLISH_DAYS_MONTHS = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|January|February|March|April|June|July|August|"
    r"September|October|November|December)\b")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def spanish_plan(name: str):
    return replace(load_example(name), handout_language=LANGUAGE)


class Template:
    """A message's template as a pattern: its literal parts in order, any text of up to GAP
    characters for each placeholder (the regex the issue asks for, placeholders as '.*?',
    matched part by part so a long page cannot make it backtrack for minutes)."""

    GAP = 300

    def __init__(self, template: str) -> None:
        raw = PLACEHOLDER.split(template)
        self.parts = []
        for i, p in enumerate(raw):
            words = " ".join(p.split())
            if not words:
                continue
            # A word boundary where the template has a space or its own edge, not where a
            # placeholder is glued on ('{count}½').
            start = r"\b" if re.match(r"\w", words) and (i == 0 or p[:1].isspace()) else ""
            end = r"\b" if re.search(r"\w$", words) and (i == len(raw) - 1 or p[-1:].isspace()) else ""
            self.parts.append(re.compile(start + r"\s".join(re.escape(w) for w in words.split(" ")) + end))

    def search(self, text: str) -> str | None:
        if not self.parts:
            return None
        for m in self.parts[0].finditer(text):
            pos = m.end()
            for part in self.parts[1:]:
                found = part.search(text, pos, pos + self.GAP + len(part.pattern))
                if found is None:
                    break
                pos = found.end()
            else:
                return text[m.start():pos]
        return None


def _template_regex(template: str) -> Template | None:
    """None when the template's words cannot tell a language: no literal word of three letters
    or more, or every word of it is also a Spanish word of the catalogue ('{drug} plan')."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(PLACEHOLDER.split(template)))}
    if not any(len(w) >= 3 for w in words) or words <= spanish_words():
        return None
    return Template(template)


@lru_cache(maxsize=None)
def spanish_words() -> frozenset[str]:
    from planner.text.catalogue import catalogue

    texts = [t for v in read_messages(LANGUAGE).values() for t in (v if isinstance(v, tuple) else (v,))]
    texts += list(catalogue(LANGUAGE).profile_texts.values())
    return frozenset(w.lower() for t in texts for w in re.findall(r"[A-Za-zÀ-ÿ]+", PLACEHOLDER.sub(" ", t)))


@lru_cache(maxsize=None)
def english_patterns() -> tuple[tuple[str, Template], ...]:
    """Every English catalogue message and profile text whose Spanish differs, as a regex."""
    en, es = read_messages("en"), read_messages(LANGUAGE)
    out = []
    for msgid, text in en.items():
        if msgid not in es:  # the window's messages (app.po): another helper's, not on paper
            continue
        forms = text if isinstance(text, tuple) else (text,)
        theirs = es[msgid] if isinstance(es[msgid], tuple) else (es[msgid],)
        for form in forms:
            if form in theirs:
                continue
            rx = _template_regex(form)
            if rx is not None:
                out.append((msgid, rx))
    from babel.messages.pofile import read_po
    from importlib import resources

    path = resources.files("planner.resources").joinpath("text", LANGUAGE, PROFILE_TEXTS)
    with path.open("rb") as fh:
        for m in read_po(fh):
            if m.id and m.string and m.string != m.id:
                rx = _template_regex(m.id)
                if rx is not None:
                    out.append((f"profile text {m.id[:40]!r}", rx))
    return tuple(out)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def chart_texts(schedule) -> str:
    """Every text the patient chart draws, tick labels included."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from planner.export.printout.chart_svg import chart_figure

    with speaking(LANGUAGE):
        fig = chart_figure(schedule, 7, 3)
        FigureCanvasAgg(fig).draw()
    return "\n".join(t.get_text() for t in fig.findobj(Text) if t.get_text())


def plan_names(plan) -> list[str]:
    """The names the plan gives (patient, prescriber, pharmacy): printed as written."""
    out = []
    for who in (plan.patient, plan.prescriber, plan.pharmacy):
        for field in ("name", "organisation"):
            if who is not None and getattr(who, field, None):
                out.append(getattr(who, field))
    return out


def english_left(text: str, names=()) -> list[str]:
    text = re.sub(r"\s+", " ", text)
    for name in names:
        text = text.replace(name, " ")
    text = PROPER_NAMES.sub(" ", text)
    found = [f"{what}: {m!r}" for what, rx in english_patterns() if (m := rx.search(text))]
    found += [f"English day or month name: {m.group(0)!r} in {text[max(0, m.start() - 30):m.end() + 30]!r}"
              for m in ENGLISH_DAYS_MONTHS.finditer(text)]
    return found


def test_the_patterns_find_english():
    """The check itself: an English page is caught, a Spanish one passes."""
    s = compute_schedule(load_example("gabapentin-stop-from-300-300-600"))
    english = " ".join(t for b in plan_pages(s, PrintOptions(tick_chart=True), PRINTED).blocks
                       for t in _block_strings(b))
    assert len(english_left(english)) > 20
    assert english_left("Tome 1 cápsula de 300 mg por la mañana. mar 1 dic 2026") == []


# A block's fields that are keys, not words on paper (tools/reading_grade.py's NOT_PROSE).
NOT_PROSE = {"phase", "colour", "tone", "slot", "audience", "date_sample", "total_sample", "slot_samples",
             "tick_labels", "slots", "schedule", "widest"}


def _block_strings(block) -> list[str]:
    import dataclasses

    if isinstance(block, str):
        return [block]
    if isinstance(block, (tuple, list)):
        return [t for x in block for t in _block_strings(x)]
    if not dataclasses.is_dataclass(block) or type(block).__module__.startswith(("planner.domain", "planner.files")):
        return []
    return [t for f in dataclasses.fields(block) if f.name not in NOT_PROSE
            for t in _block_strings(getattr(block, f.name))]


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("large", [False, True])
def test_no_english_on_the_spanish_patient_pages(name, large):
    ensure_gui_app()
    schedule = compute_schedule(spanish_plan(name))
    options = PrintOptions(large_print=large, tick_chart=True, printed_on=PRINTED,
                           paper="Letter" if large else "A4")
    data, _ = render_pdf(schedule, options)
    text = pdf_text(data)
    # The blocks too: what a line break in the PDF's text could hide from a pattern.
    with speaking(LANGUAGE):
        blocks = plan_pages(schedule, options, PRINTED).blocks
    text += "\n" + "\n".join(_block_strings(blocks)) + "\n" + chart_texts(schedule)
    assert english_left(text, plan_names(schedule.plan)) == []


# --- doses --------------------------------------------------------------------------------------

UNIT = re.compile(r"(\d+½|½|\d+) (cápsulas?|tabletas?) de (\d+) mg")
ML = re.compile(r"(\d+(?:\.\d+)?) mL")
FORMS = {"cápsula": "capsule", "cápsulas": "capsule", "tableta": "tablet", "tabletas": "tablet"}


def _count(text: str) -> Decimal:
    whole, half = text.replace("½", ""), "½" in text
    return Decimal(whole or 0) + (Decimal("0.5") if half else 0)


def worded_units(text: str) -> dict[tuple[str, int], Decimal]:
    out: dict[tuple[str, int], Decimal] = {}
    for count, form, mg in UNIT.findall(text):
        key = (FORMS[form], int(mg))
        out[key] = out.get(key, Decimal(0)) + _count(count)
    return out


def engine_units(units) -> dict[tuple[str, int], Decimal]:
    out: dict[tuple[str, int], Decimal] = {}
    for u in units:
        if not is_liquid(u):
            out[(u.form, u.strength_mg)] = out.get((u.form, u.strength_mg), Decimal(0)) + u.count
    return out


@pytest.mark.parametrize("name", example_names())
def test_the_spanish_dose_rows_are_the_engines(name):
    schedule = compute_schedule(spanish_plan(name))
    with speaking(LANGUAGE):
        blocks = plan_pages(schedule, PrintOptions(tick_chart=False), PRINTED).blocks
    rows = [d for b in blocks if isinstance(b, StepCard) for d in b.doses]
    engine = list(schedule.current or ()) + [d for st in schedule.steps for d in st.doses]
    assert len(rows) == len(engine) > 0
    for row, dose in zip(rows, engine):
        assert row.slot == dose.slot
        assert row.amount == f"{dose.mg} mg"
        assert worded_units(row.take) == engine_units(dose.units), row.take
        liquid = [u for u in dose.units if is_liquid(u)]
        if liquid and not engine_units(dose.units):
            assert Decimal(ML.search(row.take).group(1)) == sum(u.count for u in liquid)


@pytest.mark.parametrize("name", ["gabapentin-stop-from-300-300-600", "pregabalin-stop-liquid-taper"])
def test_the_spanish_taper_table_is_the_engines(name):
    schedule = compute_schedule(spanish_plan(name))
    with speaking(LANGUAGE):
        blocks = plan_pages(schedule, PrintOptions(), PRINTED).blocks
    rows = [b for b in blocks if isinstance(b, TableRow) and not b.header]
    steps = [st for st in schedule.steps if st.phase == "taper"]
    assert len(rows) == len(steps) > 0
    for row, st in zip(rows, steps):
        by_slot = {d.slot: d for d in st.doses}
        for slot, cell in zip(row.columns.slots, row.cells[2:]):
            if slot in by_slot:
                assert worded_units(cell) == engine_units(by_slot[slot].units), cell


def test_the_clinicians_page_names_the_handout_language_and_its_review():
    schedule = compute_schedule(spanish_plan("gabapentin-stop-from-300-300-600"))
    text = " ".join(_block_strings(plan_pages(schedule, PrintOptions(part="clinician"), PRINTED).blocks))
    assert "Spanish (Español)" in text
    assert not catalogue(LANGUAGE).reviewed
    assert "No qualified medical translator has reviewed" in text
    assert "For the prescriber and pharmacy" in text  # the window's language: English
    english = compute_schedule(load_example("gabapentin-stop-from-300-300-600"))
    text = " ".join(_block_strings(plan_pages(english, PrintOptions(part="clinician"), PRINTED).blocks))
    assert "English" in text and "reviewed" not in text


def test_spanish_dates_and_units_words():
    from planner.text.dates import long_date
    from planner.text.units import describe_units
    from planner.domain.units import Unit
    from planner.export.printout.words import units_text

    with speaking(LANGUAGE):
        assert long_date(date(2026, 12, 1)) == "martes 1 dic 2026"
        assert units_text((Unit(300, "capsule", Decimal(1)),)) == "1 cápsula de 300 mg"
        assert units_text((Unit(300, "capsule", Decimal(2)),)) == "2 cápsulas de 300 mg"
        assert units_text((Unit(600, "tablet", Decimal("0.5")),)) == "½ tableta de 600 mg"
        assert describe_units((Unit(600, "tablet", Decimal("1.5")),)) == "1½ tabletas de 600 mg"
        # es_US writes a decimal point, as in the US; never grouped, never rounded.
        from planner.text.numbers import fmt_decimal

        assert fmt_decimal(Decimal("1234.50")) == "1234.5"
        assert fmt_decimal(Decimal("0.125")) == "0.125"
    assert long_date(date(2026, 12, 1)) == "Tue 1 Dec 2026"
    assert units_text((Unit(300, "capsule", Decimal(2)),)) == "2 × 300 mg capsules"
