"""The printout's phrases built from the engine's values: dates, doses, units, totals.
Every word comes from the catalogue (resources/text/<language>/printout.po). No Qt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from planner.domain.schedule import Schedule, Step
from planner.domain.units import Unit
from planner.text.catalogue import say, say_n
from planner.text.dates import day_name, long_date, month_name, plain_date
from planner.domain.profiles import Form
from planner.text.catalogue import profile_text
from planner.text.units import (
    LIQUID_FORM, dispense_count_text, draw_up_text, drug_name, form_text, is_liquid, liquid_dispense_text,
    liquid_dose_text, strengths_of_form_text, unit_count_text,
)

SLOT_IDS = {"morning": "printout.slot.morning", "midday": "printout.slot.midday",
            "evening": "printout.slot.evening", "bedtime": "printout.slot.bedtime"}


def slot_name(slot: str) -> str:
    """'Morning'; a slot the catalogue does not name prints as it is."""
    return say(SLOT_IDS[slot]) if slot in SLOT_IDS else slot


def date_range(start: date, end: date) -> str:
    """'Tue 1 Dec – Thu 3 Dec 2026'; the year on both ends when they differ."""
    if start == end:
        return long_date(start)
    if start.year == end.year:
        first = say("printout.date.no-year", weekday=day_name(start), day=start.day,
                    month=month_name(start.month))
        return say("printout.date.range", start=first, end=long_date(end))
    return say("printout.date.range", start=long_date(start), end=long_date(end))


def day_numbers(step: Step) -> str:
    if step.days == 1:
        return say("printout.step.day", day=step.first_day)
    return say("printout.step.days", first=step.first_day, last=step.last_day)


def take_text(units: tuple[Unit, ...], syringe_ml: int | None = None) -> str:
    """The dose line's instruction: 'Take 1 × 300 mg capsule'; for the oral solution, how much
    to draw up in the oral syringe ('Draw up 5 mL in the oral syringe.')."""
    if syringe_ml is not None and len(units) == 1 and is_liquid(units[0]):
        return draw_up_text(units[0], syringe_ml)
    return say("printout.dose.take", units=units_text(units))


def units_text(units: tuple[Unit, ...]) -> str:
    """What to swallow, in words, with the engine's counts and strengths:
    '1 × 300 mg capsule', '½ of a 600 mg tablet', '2 × 100 mg capsules and 1 × 400 mg capsule'."""
    parts = []
    for u in units:
        if is_liquid(u):  # PRODUCTS (issue 14): the oral solution in mL, never as a count of units
            parts.append(liquid_dose_text(u))
        elif u.count == Decimal("0.5"):
            parts.append(say(f"units.half.{u.form}", strength_mg=u.strength_mg))
        else:
            # Plural by the count itself: 1½ tablets.
            parts.append(unit_count_text(u))
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
    return dispense_count_text(line.count, line.strength_mg, line.form)


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
    pairs += [(u.strength_mg, u.form) for d in schedule.current for u in d.units]  # what the patient has now
    # The oral solution by the label's concentration ('oral solution 250 mg per 5 mL').
    return say("printout.list.comma").join(
        form_text(Form(form, s, False, "")) if form == LIQUID_FORM else strengths_of_form_text(s, form)
        for s, form in sorted(set(pairs)))


def medicine_text(schedule: Schedule) -> str:
    p = schedule.profile
    return say("printout.medicine", drug=drug_name(p, "printout.medicine", display=True), brand=p.brand,
               strengths=_strengths_text(schedule))


def patient_name(schedule: Schedule) -> str | None:
    pt = schedule.plan.patient
    return pt.name if pt and pt.name else None


def plan_title(schedule: Schedule) -> str:
    """'Gabapentin plan for Ada Lovelace': the PDF's title."""
    who = patient_name(schedule)
    msgid = "printout.title.for" if who else "printout.title"
    return say(msgid, drug=drug_name(schedule.profile, msgid, display=True), patient=who) if who \
        else say(msgid, drug=drug_name(schedule.profile, msgid, display=True))


def footer_text(schedule: Schedule, printed_on: date) -> str:
    return say("printout.footer", plan=plan_title(schedule), printed=plain_date(printed_on))


def page_number(page: int, pages: int) -> str:
    return say("printout.footer.page", page=page, pages=pages)


AT_SLOT_IDS = {"morning": "printout.regimen.at.morning", "midday": "printout.regimen.at.midday",
               "evening": "printout.regimen.at.evening", "bedtime": "printout.regimen.at.bedtime"}
TIMES_A_DAY_IDS = {2: "printout.regimen.twice", 3: "printout.regimen.three-times", 4: "printout.regimen.four-times"}


def regimen_words(doses) -> str:
    """A day's doses in plain words: '600 mg three times a day', '600 mg at bedtime',
    '300 mg in the morning, 300 mg at midday and 600 mg at bedtime'."""
    if len(doses) in TIMES_A_DAY_IDS and len({d.mg for d in doses}) == 1:
        return say(TIMES_A_DAY_IDS[len(doses)], mg=doses[0].mg)
    parts = [say("printout.regimen.part", mg=d.mg, when=say(AT_SLOT_IDS[d.slot]) if d.slot in AT_SLOT_IDS
                 else d.slot) for d in doses]
    if len(parts) == 1:
        return parts[0]
    return say("printout.list.and").join([say("printout.list.comma").join(parts[:-1]), parts[-1]])


def plan_direction(schedule: Schedule) -> str:
    """What the plan does to the daily dose, from its kind and its days: 'start' (up from
    nothing), 'up', 'down' (a change to a lower dose) or 'stop' (down to nothing)."""
    kind = schedule.plan.kind
    totals = [d.total_mg for d in schedule.days]
    before = sum(d.mg for d in schedule.current)
    if kind == "stop" or (kind != "start" and totals and totals[-1] == 0 and not any(
            d.phase == "titration" for d in schedule.days)):
        return "stop"
    if kind == "change":
        return "down" if totals and totals[-1] < before else "up"
    return "start"


KIND_HEADING_IDS = {"start": "printout.kind.start", "up": "printout.kind.change", "down": "printout.kind.change",
                    "stop": "printout.kind.stop"}


def kind_heading(schedule: Schedule) -> str:
    """'Starting gabapentin', 'Changing your gabapentin dose', 'Stopping gabapentin slowly'."""
    direction = plan_direction(schedule)
    if direction == "start" and not schedule.continues:
        return say("printout.kind.start-and-stop", drug=drug_name(schedule.profile, "printout.kind.start-and-stop"))
    msgid = KIND_HEADING_IDS[direction]
    return say(msgid, drug=drug_name(schedule.profile, msgid))


# What a step's daily dose does compared with the step before: "start" (a plan's first
# step, nothing before it), "up", "same", "down" or "stop". The words and the colour bar
# follow it, never the engine's phase: a taper entered with start = target, or a change to
# a lower dose laid out as titration, still reads as coming down.
CHANGE_IDS = {"start": "pages.step.start", "up": "printout.phase.titration", "same": "printout.phase.maintenance",
              "down": "printout.phase.taper"}
# The painter colours a step card by phase: going down is the taper's colour.
CHANGE_PHASES = {"start": "titration", "up": "titration", "same": "maintenance", "down": "taper", "stop": "taper"}


def step_change(phase: str, total_mg: int, before_mg: int | None) -> str:
    """'start', 'up', 'same', 'down' or 'stop': the step's total against the one before
    (before_mg None: the plan's first step with no dose before it; a first step the engine
    lays out as a taper, below the plan's start dose, is coming down)."""
    if total_mg == 0:
        return "stop"
    if before_mg is None:
        return "down" if phase == "taper" else "start"
    return "up" if total_mg > before_mg else "down" if total_mg < before_mg else "same"


def step_changes(schedule: Schedule) -> list[str]:
    """step_change of each of the schedule's steps, the first against today's doses (change
    and stop plans) or nothing (a plan that starts the drug)."""
    before = sum(d.mg for d in schedule.current) if schedule.current else None
    out = []
    for st in schedule.steps:
        out.append(step_change(st.phase, st.total_mg, before))
        before = st.total_mg
    return out


def change_words(change: str) -> str:
    """'building up', 'staying on this dose', 'coming down', 'your starting dose'."""
    return say(CHANGE_IDS[change])


def purpose_text(schedule: Schedule) -> str:
    """What the medicine is for, in the patient's words, from the indication ('You take
    gabapentin for nerve pain after shingles.'). Off-label use, or an indication with no
    patient words: a neutral line. The off-label reason is the prescriber's clinical text
    for the pharmacist, never printed to the patient."""
    p, ind = schedule.profile, schedule.plan.indication
    purpose = None
    if ind:
        try:
            purpose = p.indication(ind).purpose
        except KeyError:
            purpose = None
    if purpose:
        return say("pages.purpose", drug=drug_name(p, "pages.purpose"), purpose=profile_text(purpose))
    return say("pages.purpose.other", drug=drug_name(p, "pages.purpose.other"))


def patient_details(schedule: Schedule, unnamed: str) -> str:
    """'Alex Example (born 2 Apr 1950, ID 12345)'; `unnamed` in place of a name not given."""
    pt = schedule.plan.patient
    name = patient_name(schedule) or unnamed
    extra = []
    if pt and pt.date_of_birth:
        extra.append(say("printout.patient.born", date=plain_date(pt.date_of_birth)))
    if pt and pt.identifier:
        extra.append(say("printout.patient.id", identifier=pt.identifier))
    if not extra:
        return name
    return say("printout.patient.with-details", name=name, details=say("printout.list.comma").join(extra))


def dialysis_line(step) -> str:
    """The step's (or a day's) supplement after each dialysis session, in the patient's words
    ('' if none)."""
    dz = step.dialysis
    if dz is None:
        return ""
    return say("printout.dialysis.step", hours=dz.session_hours, units=units_text(dz.units), mg=dz.mg)


__all__ = ["date_range", "day_numbers", "units_text", "total_text", "mg_text", "dispense_text", "days_text",
           "medicine_text", "patient_name", "plan_title", "footer_text", "page_number", "dialysis_line",
           "slot_name", "regimen_words", "plan_direction", "kind_heading", "step_change", "step_changes",
           "change_words", "purpose_text", "patient_details", "CHANGE_PHASES"]
