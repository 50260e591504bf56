"""A schedule as a FHIR R4 Bundle for the health record (issue 18): the patient, the
prescriber, the medication (coded with RxNorm where the profile holds a verified code) and ONE
MedicationRequest whose dosageInstruction holds one Dosage per engine step and time of day
(planner.export.fhir_dosage), with the plan's problems, overrides and course as notes
(planner.export.fhir_notes). A review date is also a Task (R4's MedicationRequest has no
element for it).

Written as plain JSON with the standard library: no FHIR library at run time (the tests
validate it with the fhir.resources R4B models). Ids are UUIDs from the plan's plan_id where it
has one (a re-export of an edited saved plan names the same resources, and the request's
identifier carries it); a plan without one (an example, `titration-planner new`) has no identity
to keep, so its ids come from its whole content and it gets no identifier: two such plans never
share an id, and the same plan exports byte for byte the same. Every word is the
clinician's, in the language in use (the window's), stated in each resource's `language`.
docs/fhir-mapping.md documents every mapping.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from planner.domain.plan import Patient, plan_identity
from planner.domain.products import products_used
from planner.domain.regimen import chosen_indication
from planner.domain.schedule import Schedule
from planner.export.fhir_dosage import dosages, form_word, product_text, quantity
from planner.export.fhir_notes import has_dialysis_supplement, notes, product_code
from planner.export.gate import refuse_unexportable
from planner.files.plan_writer import dump_plan
from planner.text.catalogue import current_language, profile_text, say
from planner.text.units import LIQUID_FORM, drug_name

FHIR_VERSION = "4.0.1"  # FHIR R4
COURSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy"
# The plan's identity as a URI (RFC 3986 urn:uuid), so a record can match a re-export to the first.
URI_SYSTEM = "urn:ietf:rfc:3986"


@dataclass(frozen=True)
class FhirOptions:
    authored_on: date | None = None  # the day the request is written (default: today)


def _plan_uuid(schedule: Schedule) -> uuid.UUID | None:
    """The plan's own identity, its plan_id (a UUID; one that is not is hashed into one); None
    for a plan without one. plan_identity's fallback (drug and patient) is NOT used: every
    example without a patient would share it, and a record matching by identifier would put
    one patient's order over another's."""
    plan = schedule.plan
    if not plan.plan_id or plan.plan_id.lower() == plan_identity(replace(plan, plan_id=None)):
        # None, or the fallback the window kept for a file without one (file_actions.load_plan):
        # that is the drug and patient, shared by every anonymous plan of the drug.
        return None
    ident = plan_identity(plan)
    try:
        return uuid.UUID(ident)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"titration-planner:{ident}")


def _root(schedule: Schedule) -> uuid.UUID:
    """What every resource id is derived from: the plan_id; without one, the whole plan as its
    file holds it (planner.files.plan_writer.dump_plan), so different plans never share ids."""
    own = _plan_uuid(schedule)
    if own is not None:
        return own
    return uuid.uuid5(uuid.NAMESPACE_URL, "titration-planner:plan-content:" + dump_plan(schedule.plan))


def _uuid(schedule: Schedule, what: str) -> str:
    """A resource's id: the same for every export of the plan."""
    return str(uuid.uuid5(_root(schedule), f"fhir/{what}"))


def _patient_key(schedule: Schedule) -> str:
    """The Patient's id key: the patient's details too, so a plan_id reused for another patient
    never gives two patients one Patient id (the Practitioner and Organizations: their names)."""
    p = schedule.plan.patient or Patient()
    dob = p.date_of_birth.isoformat() if p.date_of_birth else ""
    return "Patient/" + "\x1f".join((p.identifier or "", p.name or "", dob))


class _Bundle:
    """The Bundle's entries, each with its urn:uuid fullUrl (how a collection's resources
    reference each other)."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.entries: list[dict[str, Any]] = []

    def add(self, kind: str, resource: dict[str, Any], key: str | None = None) -> dict[str, str]:
        rid = _uuid(self.schedule, key or kind)
        self.entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": {"resourceType": kind, "id": rid, **resource}})
        return {"reference": f"urn:uuid:{rid}"}


def _patient(schedule: Schedule) -> dict[str, Any]:
    p = schedule.plan.patient
    out: dict[str, Any] = {}
    if p is not None and p.identifier:
        out["identifier"] = [{"value": p.identifier}]
    if p is not None and p.name:
        out["name"] = [{"text": p.name}]
    if p is not None and p.date_of_birth:
        out["birthDate"] = p.date_of_birth.isoformat()
    return out


def _phone(number: str | None) -> dict[str, Any]:
    return {"telecom": [{"system": "phone", "value": number}]} if number else {}


def _medication(schedule: Schedule) -> dict[str, Any]:
    """The plan's product, coded where the profile holds its RxNorm code; more than one product
    (a taper ending in the oral solution): the drug by its text alone, each product in a note."""
    used = products_used(schedule.days)
    texts = [product_text(schedule, s, f) for s, f in used]
    code: dict[str, Any] = {"text": say("fhir.list").join(texts) if texts else drug_name(schedule.profile)}
    if len(used) == 1:
        found = product_code(schedule, *used[0])
        if found is not None:
            code["coding"] = [{"system": found.system, "code": found.code, "display": found.display}]
    out: dict[str, Any] = {"code": code}
    forms = {f for _, f in used}
    if len(forms) == 1:
        out["form"] = {"text": form_word(forms.pop())}
    return out


def _dispense(schedule: Schedule, pharmacy: dict[str, str] | None) -> dict[str, Any] | None:
    """The pharmacy, and the quantity where the plan uses one product (the engine's count). Not
    with haemodialysis supplements: the engine's count is the daily doses only, and how many
    sessions fall in the plan is not known, so any number would be short (a note says so)."""
    out: dict[str, Any] = {}
    if len(schedule.dispense) == 1 and not has_dialysis_supplement(schedule):
        line = schedule.dispense[0]
        out["quantity"] = quantity(line.count, "mL") if line.form == LIQUID_FORM else \
            {"value": int(line.count), "unit": form_word(line.form)}
    if pharmacy is not None:
        out["performer"] = pharmacy
    return out or None


def _reason(schedule: Schedule) -> list[dict[str, Any]]:
    ind = chosen_indication(schedule.plan, schedule.profile)
    if ind is None:
        return []
    off = schedule.plan.off_label
    text = profile_text(ind.name)
    if off is not None and off.reason:
        text = say("fhir.reason.off-label", indication=text, reason=off.reason)
    return [{"text": text}]


def _course(schedule: Schedule) -> dict[str, Any]:
    """continuous: the patient keeps taking it after the plan's last day; acute: it ends (a stop)."""
    code = "continuous" if schedule.continues else "acute"
    return {"coding": [{"system": COURSE_SYSTEM, "code": code}], "text": say(f"fhir.course.{code}")}


def schedule_to_fhir(schedule: Schedule, authored_on: date | None = None) -> dict[str, Any]:
    """The plan as a FHIR R4 Bundle (type collection), as a JSON-ready dict. ValueError unless
    the schedule may be exported (it has days; every blocking problem has an override)."""
    refuse_unexportable(schedule)
    plan, language = schedule.plan, current_language()
    authored = (authored_on or date.today()).isoformat()
    b = _Bundle(schedule)
    patient = b.add("Patient", _patient(schedule), _patient_key(schedule))
    requester = pharmacy = None
    pr = plan.prescriber
    if pr is not None and pr.name:
        requester = b.add("Practitioner", {"name": [{"text": pr.name}], **_phone(pr.phone)},
                          f"Practitioner/{pr.name}")
    if pr is not None and pr.organisation:
        org = b.add("Organization", {"name": pr.organisation, **({} if requester else _phone(pr.phone))},
                    f"Organization/prescriber/{pr.organisation}")
        if requester is not None:
            b.add("PractitionerRole", {"practitioner": requester, "organization": org})
        else:
            requester = org
    ph = plan.pharmacy
    if ph is not None and ph.name:
        pharmacy = b.add("Organization", {"name": ph.name, **_phone(ph.phone)}, f"Organization/pharmacy/{ph.name}")
    medication = b.add("Medication", _medication(schedule))

    own = _plan_uuid(schedule)  # the plan's own identity only: see _plan_uuid
    identifier = [{"system": URI_SYSTEM, "value": f"urn:uuid:{own}"}] if own is not None else None
    request: dict[str, Any] = {
        "language": language,
        **({"identifier": identifier} if identifier else {}),
        "status": "active",
        "intent": "order",
        "medicationReference": medication,
        "subject": patient,
        "authoredOn": authored,
    }
    if requester is not None:
        request["requester"] = requester
    reason = _reason(schedule)
    if reason:
        request["reasonCode"] = reason
    request["courseOfTherapyType"] = _course(schedule)
    request["note"] = notes(schedule, product_text)
    request["dosageInstruction"] = dosages(schedule)
    dispense = _dispense(schedule, pharmacy)
    if dispense:
        request["dispenseRequest"] = dispense
    mr = b.add("MedicationRequest", request)

    if schedule.continues and schedule.review_date is not None:
        review = schedule.review_date.isoformat()
        task = {"language": language, "status": "requested", "intent": "plan",
                "code": {"text": say("fhir.task.review", drug=drug_name(schedule.profile, "fhir.task.review"))},
                "focus": mr, "for": patient, "authoredOn": authored,
                "restriction": {"period": {"start": review, "end": review}}}
        if requester is not None:
            task["requester"] = requester
        b.add("Task", task)
    return {"resourceType": "Bundle", "id": _uuid(schedule, "Bundle"), "language": language,
            "type": "collection", "entry": b.entries}


def schedule_to_fhir_json(schedule: Schedule, authored_on: date | None = None) -> tuple[bytes, int]:
    """The Bundle as UTF-8 JSON, and how many dosage lines it holds."""
    bundle = schedule_to_fhir(schedule, authored_on)
    request = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "MedicationRequest")
    text = json.dumps(bundle, indent=1, ensure_ascii=False) + "\n"
    return text.encode("utf-8"), len(request["dosageInstruction"])


__all__ = ["schedule_to_fhir", "schedule_to_fhir_json", "FhirOptions", "FHIR_VERSION"]
