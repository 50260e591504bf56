"""The FHIR export's notes (MedicationRequest.note): what the record must say that no
structured element of FHIR R4 holds, or holds only in part: the plan's problems and the
clinician's overrides with their reasons, how the plan ends (a stop, or the dose it continues
at and the review), today's regimen before a change, the kidney limit, what to dispense (and,
with haemodialysis, that the supplements come on top of it), and
the products with their codes where the plan uses more than one. Worded in the language in
use (the clinician's: the window's); docs/fhir-mapping.md says which note holds what.
"""

from __future__ import annotations

from typing import Any

from planner.domain.products import products_used
from planner.domain.schedule import Schedule
from planner.export.printout.words import regimen_words
from planner.text.catalogue import say
from planner.text.dates import long_date
from planner.text.kidney import kidney_limit_text, kidney_row_text
from planner.text.problems import problem_text
from planner.text.units import LIQUID_FORM, dispense_count_text, drug_name, liquid_dispense_text


def product_code(schedule: Schedule, strength: int, form: str):
    """The product's RxNorm code from the profile (None where none was verified)."""
    profile = schedule.profile
    if form == LIQUID_FORM:
        return profile.oral_solution.rxnorm
    return profile.form_for(strength).rxnorm


def problem_notes(schedule: Schedule) -> list[str]:
    """Each problem, by severity; a blocking one with the override that let the plan be
    exported and the reason the clinician recorded; then overrides that cover no problem."""
    out = []
    used = set()
    for p in schedule.problems:
        if p.severity == "blocking":
            o = schedule.override_for(p)
            used.add(id(o))
            out.append(say("fhir.note.overridden", text=problem_text(p), code=p.code, reason=o.reason)
                       if o is not None else say("fhir.note.blocking", text=problem_text(p), code=p.code))
        else:
            out.append(say(f"fhir.note.{p.severity}", text=problem_text(p), code=p.code))
    for o in schedule.plan.overrides:
        if id(o) not in used:
            out.append(say("fhir.note.override-unused", code=o.code, reason=o.reason))
    return out


def course_note(schedule: Schedule) -> str:
    """How the plan ends: the last dose day and the stop; or the dose it continues at, until
    the review where there is one."""
    profile, last = schedule.profile, schedule.days[-1]
    if not schedule.continues:
        doses = [d for d in schedule.days if d.doses]
        return say("fhir.note.stop", last=long_date(doses[-1].date) if doses else long_date(last.date),
                   stop=long_date(last.date), drug=drug_name(profile, "fhir.note.stop"))
    regimen = regimen_words(last.doses)
    if schedule.review_date is not None:
        return say("fhir.note.review", review=long_date(schedule.review_date), regimen=regimen,
                   last=long_date(last.date))
    return say("fhir.note.continues", regimen=regimen, last=long_date(last.date))


def dispense_note(schedule: Schedule) -> str:
    lines = [liquid_dispense_text(x, schedule.profile) if x.form == LIQUID_FORM
             else dispense_count_text(x.count, x.strength_mg, x.form) for x in schedule.dispense]
    return say("fhir.note.dispense", lines=say("fhir.list").join(lines))


def has_dialysis_supplement(schedule: Schedule) -> bool:
    """A step with a supplement after each haemodialysis session: one more Dosage of that step."""
    return any(st.dialysis is not None and st.dialysis.units for st in schedule.steps)


def products_note(schedule: Schedule, product_text) -> str | None:
    """Where the plan uses more than one product: each with its RxNorm code (the Medication,
    one concept, cannot hold two)."""
    used = products_used(schedule.days)
    if len(used) < 2:
        return None
    parts = []
    for strength, form in used:
        code = product_code(schedule, strength, form)
        text = product_text(schedule, strength, form)
        parts.append(say("fhir.note.product.coded", product=text, code=code.code, display=code.display)
                     if code is not None else say("fhir.note.product.uncoded", product=text))
    return say("fhir.note.products", products=say("fhir.list").join(parts))


def notes(schedule: Schedule, product_text) -> list[dict[str, Any]]:
    """Every note of the MedicationRequest, as FHIR Annotations, in a fixed order."""
    texts = [course_note(schedule)]
    if schedule.current:
        texts.append(say("fhir.note.current", start=long_date(schedule.plan.start_date),
                         regimen=regimen_words(schedule.current)))
    if schedule.kidney is not None:
        k = schedule.kidney
        texts.append(say("fhir.note.kidney", row=kidney_row_text(k), limit=kidney_limit_text(k)))
    texts += problem_notes(schedule)
    if schedule.dispense:
        texts.append(dispense_note(schedule))
    if has_dialysis_supplement(schedule):
        # The engine's dispense counts the daily doses only; the request then has no quantity.
        texts.append(say("fhir.note.dispense-dialysis"))
    products = products_note(schedule, product_text)
    if products:
        texts.append(products)
    return [{"text": t} for t in texts]


__all__ = ["notes", "problem_notes", "course_note", "product_code", "has_dialysis_supplement"]
