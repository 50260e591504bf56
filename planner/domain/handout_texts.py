"""Which of a drug's patient texts the handout carries for one plan.

A profile's texts hold the fixed lists (how_to_take, serious_side_effects, safety_tips, ...)
and "notes": extra texts, each with its own source, that either join one of those lists
("place") or make a section of their own ("title", with an optional lead-in "intro"). A note may carry a small declared
condition ("when"), so the rule for who sees it lives in the profile beside the text, not
in the printout:

    "when": [{"age_under_years": 13}, {"age_unknown": true, "indication": ["epilepsy"]}]

"when" is a list of alternatives, any of which shows the note; each alternative's keys must
all hold. The keys:
  indication: [ids]        the plan's indication is one of these
  indication_has: name     the plan's indication carries this label number (e.g.
                           "max_hours_between_doses")
  age_under_years: n       the patient's age on the plan's start date is known and below n
  age_unknown: true/false  no age is known (no date of birth, no age typed for the kidneys)

A line may name a label number of the plan's indication in braces,
"{max_hours_between_doses}", so the number is stored once, in the indication, and the text
can never disagree with the rule the checker applies.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from planner.domain.checks_patient import patient_age as checked_age
from planner.domain.dates import completed_years
from planner.domain.plan import Plan
from planner.domain.profiles import Cited, Indication, Profile, ProfileError

CONDITION_KEYS = ("indication", "indication_has", "age_under_years", "age_unknown")
# The fixed lists of a profile's texts a note may join.
PLACES = ("how_to_take", "common_side_effects", "serious_side_effects", "safety_tips")


@dataclass(frozen=True)
class Note:
    id: str
    lines: tuple[str, ...]
    source: str
    place: str | None = None  # one of PLACES, or None for a section of its own
    title: str | None = None
    intro: str | None = None  # a section's lead-in sentence, printed before its bullets


def age_on(date_of_birth: date, on: date) -> int:
    """Whole years completed on the day `on` (the one rule, in core/dates)."""
    return completed_years(date_of_birth, on)


def patient_age(plan: Plan) -> Decimal | None:
    """The patient's age on the plan's start date, as the checks take it (checks_patient)."""
    age = checked_age(plan)
    return None if age is None else age.years


def _indication(plan: Plan, profile: Profile) -> Indication | None:
    if not plan.indication:
        return None
    try:
        return profile.indication(plan.indication)
    except KeyError:
        return None


def _holds(cond: dict[str, Any], ind: Indication | None, age: Decimal | None) -> bool:
    for key, want in cond.items():
        if key == "indication":
            ok = ind is not None and ind.id in want
        elif key == "indication_has":
            ok = ind is not None and getattr(ind, want, None) is not None
        elif key == "age_under_years":
            ok = age is not None and age < want
        elif key == "age_unknown":
            ok = (age is None) == bool(want)
        else:
            raise ProfileError(f"unknown condition {key!r} in a patient note")
        if not ok:
            return False
    return True


def _fill(line: str, ind: Indication | None, note_id: str) -> str:
    names = [name for _, name, _, _ in string.Formatter().parse(line) if name]
    values = {}
    for name in names:
        cited = getattr(ind, name, None) if ind is not None else None
        if not isinstance(cited, Cited):
            raise ProfileError(f"patient note {note_id!r} names {{{name}}}, which the indication does not carry")
        values[name] = cited.value
    return line.format(**values) if names else line


def notes(profile: Profile) -> list[dict[str, Any]]:
    """The profile's notes as stored, each checked for its form."""
    raw = (profile.texts or {}).get("notes", [])
    for n in raw:
        if not n.get("id") or not n.get("source") or not n.get("lines"):
            raise ProfileError(f"{profile.id}: a patient note needs an id, lines and a source: {n!r}")
        if (n.get("place") is None) == (n.get("title") is None):
            raise ProfileError(f"{profile.id}: patient note {n['id']!r} needs a place or a title, not both")
        if n.get("intro") is not None and n.get("title") is None:
            raise ProfileError(f"{profile.id}: patient note {n['id']!r} has an intro but no title")
        if n.get("place") is not None and n["place"] not in PLACES:
            raise ProfileError(f"{profile.id}: patient note {n['id']!r} has an unknown place {n['place']!r}")
        for cond in n.get("when", []):
            for key in cond:
                if key not in CONDITION_KEYS:
                    raise ProfileError(f"{profile.id}: patient note {n['id']!r} has an unknown condition {key!r}")
    return raw


def applicable_notes(plan: Plan, profile: Profile) -> list[Note]:
    """The notes this plan's handout carries, in the profile's order, numbers filled in."""
    ind = _indication(plan, profile)
    age = patient_age(plan)
    out = []
    for n in notes(profile):
        when = n.get("when")
        if when is not None and not any(_holds(c, ind, age) for c in when):
            continue
        lines = tuple(_fill(line, ind, n["id"]) for line in n["lines"])
        intro = _fill(n["intro"], ind, n["id"]) if n.get("intro") else None
        out.append(Note(n["id"], lines, n["source"], n.get("place"), n.get("title"), intro))
    return out


def section_lines(plan: Plan, profile: Profile, key: str) -> list[str]:
    """One of the fixed lists (how_to_take, safety_tips, ...) with the notes placed in it."""
    lines = list((profile.texts or {}).get(key) or [])
    for n in applicable_notes(plan, profile):
        if n.place == key:
            lines.extend(n.lines)
    return lines


def own_sections(plan: Plan, profile: Profile) -> list[Note]:
    """The notes with a heading of their own (title, intro, lines), in the profile's order."""
    return [n for n in applicable_notes(plan, profile) if n.title]


def handout_lines(plan: Plan, profile: Profile) -> list[str]:
    """Every line of advice the patient's pages carry for this plan (for checks and tests)."""
    t = profile.texts or {}
    out: list[str] = []
    for key in PLACES:
        out.extend(section_lines(plan, profile, key))
    for n in own_sections(plan, profile):
        out.extend(([n.intro] if n.intro else []) + list(n.lines))
    for key in ("missed_dose", "kidney_note"):
        if t.get(key):
            out.append(t[key])
    return out
