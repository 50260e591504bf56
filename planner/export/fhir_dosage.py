"""The FHIR export's dosage lines: one R4 Dosage per engine step and time of day.

Every amount, date and time comes from the engine's steps (planner.domain.schedule): nothing
here computes a dose. A step's doses are concurrent, so they share the step's number as their
`sequence` (FHIR R4, Dosage.sequence: "the same sequence number ... the dosages are
concurrent"); the steps follow each other in that order. The mapping is documented, element
by element, in docs/fhir-mapping.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.domain.schedule import Dose, Schedule, Step
from planner.domain.units import Unit
from planner.export.printout.words import AT_SLOT_IDS, units_text
from planner.text.catalogue import profile_text, say
from planner.text.numbers import fmt_decimal
from planner.text.units import LIQUID_FORM, is_liquid, oral_solution_text

UCUM = "http://unitsofmeasure.org"
DOSE_RATE_TYPE = "http://terminology.hl7.org/CodeSystem/dose-rate-type"
FORM_IDS = {"capsule": "fhir.form.capsule", "tablet": "fhir.form.tablet", LIQUID_FORM: "fhir.form.solution"}


def form_word(form: str) -> str:
    """'capsule', 'tablet', 'oral solution' in the language in use."""
    return say(FORM_IDS[form])


def fhir_number(x: Decimal | int) -> int | float:
    """A JSON number for a FHIR decimal: whole amounts as integers (6, not 6.0)."""
    x = Decimal(x)
    return int(x) if x == x.to_integral_value() else float(x)


def quantity(value: Decimal | int, unit: str) -> dict[str, Any]:
    """A UCUM quantity ('mg', 'mL'): the unit's code is its UCUM code."""
    return {"value": fhir_number(value), "unit": unit, "system": UCUM, "code": unit}


def _rate_type(code: str) -> dict[str, Any]:
    return {"coding": [{"system": DOSE_RATE_TYPE, "code": code}], "text": say(f"fhir.dose-rate.{code}")}


def liquid_ml(units: tuple[Unit, ...]) -> Decimal | None:
    """The mL of a dose given as the oral solution (None: capsules or tablets)."""
    if units and all(is_liquid(u) for u in units):
        return sum((u.count for u in units), Decimal(0))
    return None


def dose_and_rate(mg: int, units: tuple[Unit, ...]) -> list[dict[str, Any]]:
    """The dose in mg; a dose of the oral solution as ordered in mL, with its mg as calculated
    (FHIR R4 dose-rate-type: 'ordered' and 'calculated'), so the record keeps both."""
    ml = liquid_ml(units)
    if ml is None:
        return [{"doseQuantity": quantity(mg, "mg")}]
    return [{"type": _rate_type("ordered"), "doseQuantity": quantity(ml, "mL")},
            {"type": _rate_type("calculated"), "doseQuantity": quantity(mg, "mg")}]


def dose_text(schedule: Schedule, dose: Dose) -> str:
    """'300 mg (1 × 300 mg capsule) in the morning (08:00)'; the oral solution:
    '120 mg as 6 mL of the oral solution (20 mg/mL) at bedtime (22:00)'."""
    when = say(AT_SLOT_IDS[dose.slot]) if dose.slot in AT_SLOT_IDS else dose.slot
    ml = liquid_ml(dose.units)
    if ml is not None:
        return say("fhir.dose.liquid", mg=dose.mg, ml=fmt_decimal(ml), when=when, time=dose.time,
                   solution=oral_solution_text(schedule.profile.oral_solution))
    return say("fhir.dose", mg=dose.mg, units=units_text(dose.units), when=when, time=dose.time)


def open_ended(schedule: Schedule, step: Step) -> bool:
    """The step the patient keeps taking after the plan's last day: its period has no end."""
    return schedule.continues and step is schedule.steps[-1]


def step_text(schedule: Schedule, step: Step, dose: str) -> str:
    """A dosage line's words: the step's days, then the dose; a hold or an edited step says so."""
    if open_ended(schedule, step):
        text = say("fhir.dosage.from", first=step.first_day, dose=dose)
    elif step.days == 1:
        text = say("fhir.dosage.day", day=step.first_day, dose=dose)
    else:
        text = say("fhir.dosage.days", first=step.first_day, last=step.last_day, dose=dose)
    if step.hold:
        text = say("fhir.dosage.hold", text=text)
    elif step.edited:
        text = say("fhir.dosage.edited", text=text)
    return text


def bounds(schedule: Schedule, step: Step) -> dict[str, str]:
    """The step's first and last day; a continuing last step has no end (FHIR R4 Period: an
    absent end means the period is ongoing)."""
    period = {"start": step.start.isoformat()}
    if not open_ended(schedule, step):
        period["end"] = step.end.isoformat()
    return period


def step_dosages(schedule: Schedule, number: int, step: Step) -> list[dict[str, Any]]:
    """The step's Dosages: one per time of day, at its clock time, once a day; a haemodialysis
    supplement as one more, timed by the session (no clock time)."""
    out = []
    for dose in step.doses:
        out.append({
            "sequence": number,
            "text": step_text(schedule, step, dose_text(schedule, dose)),
            "timing": {"repeat": {"boundsPeriod": bounds(schedule, step), "frequency": 1, "period": 1,
                                  "periodUnit": "d", "timeOfDay": [f"{dose.time}:00"]}},
            "route": {"text": say("fhir.route.oral")},
            "doseAndRate": dose_and_rate(dose.mg, dose.units),
        })
    dz = step.dialysis
    if dz is not None and dz.units:
        when = say("fhir.dialysis.when", hours=dz.session_hours)
        dose = say("fhir.dose.dialysis", mg=dz.mg, units=units_text(dz.units), when=when)
        out.append({
            "sequence": number,
            "text": step_text(schedule, step, dose),
            "timing": {"repeat": {"boundsPeriod": bounds(schedule, step)}, "code": {"text": when}},
            "route": {"text": say("fhir.route.oral")},
            "doseAndRate": dose_and_rate(dz.mg, dz.units),
        })
    return out


def dosages(schedule: Schedule) -> list[dict[str, Any]]:
    """Every Dosage of the plan, step by step (the engine's steps, numbered from 1). The stop
    day (no doses) has none: the last dose step's period ends the day before it."""
    out: list[dict[str, Any]] = []
    for number, step in enumerate(schedule.steps, start=1):
        out += step_dosages(schedule, number, step)
    return out


def product_text(schedule: Schedule, strength: int, form: str) -> str:
    """'gabapentin 300 mg capsule'; 'gabapentin oral solution 250 mg per 5 mL'."""
    drug = profile_text(schedule.profile.name)  # lower case: the name inside a list or a sentence
    if form == LIQUID_FORM:
        return say("fhir.product.solution", drug=drug, solution=oral_solution_text(schedule.profile.oral_solution))
    return say("fhir.product", drug=drug, strength_mg=strength, form=form_word(form))


__all__ = ["dosages", "step_dosages", "dose_and_rate", "dose_text", "quantity", "fhir_number", "liquid_ml",
           "open_ended", "product_text", "form_word", "UCUM"]
