"""The printout's phrases built from the engine's values: dates, doses, units, totals.
Every word comes from the catalogue (resources/text/<language>/printout.po). No Qt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.domain.schedule import Schedule, Step
from planner.domain.units import Unit
from planner.text.catalogue import say, say_n
from planner.text.dates import DAY_NAMES, MONTH_NAMES, long_date, plain_date
from planner.text.numbers import fmt_count
from planner.domain.profiles import Form
from planner.text.units import LIQUID_FORM, form_text, is_liquid, liquid_dispense_text, liquid_dose_text

SLOT_IDS = {"morning": "printout.slot.morning", "midday": "printout.slot.midday",
            "evening": "printout.slot.evening", "bedtime": "printout.slot.bedtime"}
PHASE_IDS = {"titration": "printout.phase.titration", "maintenance": "printout.phase.maintenance",
             "taper": "printout.phase.taper"}


def slot_name(slot: str) -> str:
    """'Morning'; a slot the catalogue does not name prints as it is."""
    return say(SLOT_IDS[slot]) if slot in SLOT_IDS else slot


def phase_words(phase: str) -> str:
    return say(PHASE_IDS[phase]) if phase in PHASE_IDS else phase


def date_range(start: date, end: date) -> str:
    """'Tue 1 Dec – Thu 3 Dec 2026'; the year on both ends when they differ."""
    if start == end:
        return long_date(start)
    if start.year == end.year:
        first = say("printout.date.no-year", weekday=DAY_NAMES[start.weekday()], day=start.day,
                    month=MONTH_NAMES[start.month - 1])
        return say("printout.date.range", start=first, end=long_date(end))
    return say("printout.date.range", start=long_date(start), end=long_date(end))


def day_numbers(step: Step) -> str:
    if step.days == 1:
        return say("printout.step.day", day=step.first_day)
    return say("printout.step.days", first=step.first_day, last=step.last_day)


def units_text(units: tuple[Unit, ...]) -> str:
    """What to swallow, in words, with the engine's counts and strengths:
    '1 × 300 mg capsule', '½ of a 600 mg tablet', '2 × 100 mg capsules and 1 × 400 mg capsule'."""
    parts = []
    for u in units:
        if is_liquid(u):  # PRODUCTS (issue 14): the oral solution in mL, never as a count of units
            parts.append(liquid_dose_text(u))
        elif u.count == Decimal("0.5"):
            parts.append(say("printout.units.half", strength_mg=u.strength_mg, form=u.form))
        else:
            # Plural by the count itself: 1½ tablets.
            parts.append(say_n("printout.units.count", 2 if u.count > 1 else 1, count=fmt_count(u.count),
                               strength_mg=u.strength_mg, form=u.form))
    return say("printout.list.and").join(parts)


def total_text(mg: int) -> str:
    return say("printout.total", mg=mg)


def mg_text(mg: int) -> str:
    return say("printout.mg", mg=mg)


def dispense_text(line, profile=None) -> str:
    """'30 × 300 mg capsule'; the oral solution in mL and bottles (give the profile for the
    drug's name and the label's bottle size): 'gabapentin oral solution 250 mg per 5 mL: 840 mL (2 bottles of 470 mL)'."""
    if line.form == LIQUID_FORM:
        return liquid_dispense_text(line, profile)
    return say("printout.dispense-line", count=line.count, strength_mg=line.strength_mg, form=line.form)


def days_text(n: int) -> str:
    return say_n("common.days", n)


def _strengths_text(schedule: Schedule) -> str:
    if schedule.dispense:
        pairs = [(d.strength_mg, d.form) for d in schedule.dispense]
    else:
        from planner.domain.schedule import plan_forms

        pairs = [(f.strength_mg, f.form) for f in plan_forms(schedule.plan, schedule.profile)]
    for st in schedule.dialysis_steps:
        pairs += [(u.strength_mg, u.form) for u in st.dialysis.units]
    # PRODUCTS (issue 14): the oral solution by the label's concentration ('oral solution 250 mg per 5 mL').
    return say("printout.list.comma").join(
        form_text(Form(form, s, False, "")) if form == LIQUID_FORM else say("printout.strength", strength_mg=s, form=form)
        for s, form in sorted(set(pairs)))


def medicine_text(schedule: Schedule) -> str:
    p = schedule.profile
    return say("printout.medicine", drug=p.display_name, brand=p.brand, strengths=_strengths_text(schedule))


def patient_name(schedule: Schedule) -> str | None:
    pt = schedule.plan.patient
    return pt.name if pt and pt.name else None


def plan_title(schedule: Schedule) -> str:
    """'Gabapentin plan for Ada Lovelace': the PDF's title."""
    who = patient_name(schedule)
    drug = schedule.profile.display_name
    return say("printout.title.for", drug=drug, patient=who) if who else say("printout.title", drug=drug)


def footer_text(schedule: Schedule, printed_on: date) -> str:
    return say("printout.footer", plan=plan_title(schedule), printed=plain_date(printed_on))


def page_number(page: int, pages: int) -> str:
    return say("printout.footer.page", page=page, pages=pages)


def dialysis_line(step: Step) -> str:
    """The step's supplement after each dialysis session, in the patient's words ('' if none)."""
    dz = step.dialysis
    if dz is None:
        return ""
    return say("printout.dialysis.step", hours=dz.session_hours, units=units_text(dz.units), mg=dz.mg)


__all__ = ["date_range", "day_numbers", "units_text", "total_text", "mg_text", "dispense_text", "days_text",
           "medicine_text", "patient_name", "plan_title", "footer_text", "page_number", "dialysis_line",
           "slot_name", "phase_words"]
