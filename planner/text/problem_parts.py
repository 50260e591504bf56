"""The pieces several problem messages share, in words: a plan day, a list cut short, the
drug in an indication, a number of doses, a run of days, the strengths on hand."""

from __future__ import annotations

from planner.domain.profiles import Form
from planner.text.catalogue import say
from planner.text.units import form_text


def in_running_text(name: str) -> str:
    """An indication's name inside a sentence: 'Postherpetic neuralgia' -> 'postherpetic neuralgia'."""
    return name[:1].lower() + name[1:]


def when(d) -> str:
    """A plan day (a Day) and its date: 'day 8 (2026-12-08)'."""
    return say("problem.part.when", day=d.day, date=d.date.isoformat())


def listing(items: list[str], most: int = 4) -> str:
    """The first items, and how many more."""
    shown = say("problem.part.item-separator").join(items[:most])
    return shown + (say("problem.part.and-more", n=len(items) - most) if len(items) > most else "")


def where(drug: str, indication: str | None) -> str:
    """The drug, in the indication where one is chosen."""
    if indication is None:
        return drug
    return say("problem.part.drug-in-indication", drug=drug, indication=in_running_text(indication))


def doses_in_words(n: int) -> str:
    """'one dose' ... 'four doses', then '5 doses'."""
    return say(f"problem.part.doses.{n}") if 1 <= n <= 4 else say("problem.part.doses.n", n=n)


def up_to_doses(n: int) -> str:
    """'1 dose' or 'up to 3 doses'."""
    return say("problem.part.one-dose") if n == 1 else say("problem.part.up-to-doses", n=n)


def span(st) -> str:
    """A Step's days: 'day 3' or 'days 3-9'."""
    if st.days == 1:
        return say("problem.part.day-span", first=st.first_day)
    return say("problem.part.days-span", first=st.first_day, last=st.last_day)


def strengths(forms: tuple[Form, ...]) -> str:
    """The strengths a plan is made from, smallest first: '100 mg capsule, 300 mg capsule'."""
    return say("problem.part.strength-separator").join(form_text(f) for f in sorted(forms, key=lambda f: f.strength_mg))


def path(amounts) -> str:
    """Daily doses step by step: '600 → 300 → 0'."""
    return say("problem.part.path-arrow").join(str(x) for x in amounts)
