"""The FHIR export (issue 18): a FHIR R4 Bundle that the R4B models validate, whose one
MedicationRequest holds the engine's steps, each time of day one Dosage, no more and no fewer."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from conftest import make_plan
from fhir.resources.R4B.bundle import Bundle

from planner import cli
from planner.domain.liquid import LIQUID_FORM
from planner.domain.plan import KidneyInput, Override, Patient, Prescriber, StepEdit
from planner.domain.schedule import compute_schedule
from planner.export import fhir_dosage, registry
from planner.export.fhir import schedule_to_fhir, schedule_to_fhir_json
from planner.export.fhir_check import check_fhir
from planner.export.files import export_file
from planner.export.registry import format_for
from planner.files.planfile import load_plan_file
from planner.text.catalogue import speaking

TODAY = date(2026, 11, 20)
EXAMPLES = sorted(p.name for p in resources.files("planner.resources").joinpath("examples").iterdir()
                  if p.name.endswith(".json"))


def example(name: str):
    path = resources.files("planner.resources").joinpath("examples", name)
    return compute_schedule(load_plan_file(str(path)), today=TODAY)


def resources_of(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def request_of(bundle: dict) -> dict:
    (mr,) = resources_of(bundle, "MedicationRequest")
    return mr


def engine_lines(schedule):
    """(sequence, time, mg, mL or None, first day, last day or None) of every dose of every
    step, straight from the engine; a continuing plan's last step has no last day."""
    out = []
    for number, step in enumerate(schedule.steps, start=1):
        last = None if schedule.continues and step is schedule.steps[-1] else step.end.isoformat()
        for dose in step.doses:
            liquid = dose.units and all(u.form == LIQUID_FORM for u in dose.units)
            ml = sum(u.count for u in dose.units) if liquid else None
            out.append((number, f"{dose.time}:00", dose.mg, ml, step.start.isoformat(), last))
    return out


def fhir_lines(mr):
    out = []
    for d in mr["dosageInstruction"]:
        repeat = d["timing"]["repeat"]
        assert not ("when" in repeat and "timeOfDay" in repeat)  # tim-10
        assert (repeat["frequency"], repeat["period"], repeat["periodUnit"]) == (1, 1, "d")
        (time,) = repeat["timeOfDay"]
        by_unit = {r["doseQuantity"]["unit"]: r for r in d["doseAndRate"]}
        for r in d["doseAndRate"]:
            assert r["doseQuantity"]["system"] == "http://unitsofmeasure.org"
        mg = by_unit["mg"]["doseQuantity"]["value"]
        ml = Decimal(str(by_unit["mL"]["doseQuantity"]["value"])) if "mL" in by_unit else None
        if ml is not None:  # the mL as ordered, the mg as calculated from it
            assert by_unit["mL"]["type"]["coding"][0]["code"] == "ordered"
            assert by_unit["mg"]["type"]["coding"][0]["code"] == "calculated"
        period = repeat["boundsPeriod"]
        out.append((d["sequence"], time, mg, ml, period["start"], period.get("end")))
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_validates_as_r4_and_holds_the_engine_steps(name):
    s = example(name)
    data, count = schedule_to_fhir_json(s, TODAY)
    Bundle.model_validate_json(data)  # the R4B models: every element and type is FHIR's
    bundle = json.loads(data)
    assert bundle["type"] == "collection"
    mr = request_of(bundle)
    assert fhir_lines(mr) == engine_lines(s)  # every step and time of day: no missing, no extra
    assert count == len(mr["dosageInstruction"])
    assert {d["sequence"] for d in mr["dosageInstruction"]} == \
        {n for n, st in enumerate(s.steps, start=1) if st.doses}
    check_fhir(data, s, count)
    # Every reference points at an entry of the Bundle.
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert mr["subject"]["reference"] in urls and mr["medicationReference"]["reference"] in urls


def test_a_stop_ends_the_day_before_the_stop_day_and_says_so():
    s = example("gabapentin-phn-to-1800-with-taper.json")
    mr = request_of(schedule_to_fhir(s, TODAY))
    stop = s.days[-1]
    assert stop.total_mg == 0 and not s.continues
    assert max(d["timing"]["repeat"]["boundsPeriod"]["end"] for d in mr["dosageInstruction"]) == \
        s.days[-2].date.isoformat() == "2027-03-19"
    assert all("end" in d["timing"]["repeat"]["boundsPeriod"] for d in mr["dosageInstruction"])
    assert mr["courseOfTherapyType"]["coding"][0]["code"] == "acute"
    assert "Last dose on Fri 19 Mar 2027. From Sat 20 Mar 2027, no more gabapentin." in \
        [n["text"] for n in mr["note"]]


def test_a_continuing_plan_is_open_ended_and_its_review_is_a_note_and_a_task():
    s = example("gabapentin-change-900-to-1800.json")
    assert s.continues and s.review_date == date(2027, 1, 4)
    bundle = schedule_to_fhir(s, TODAY)
    mr = request_of(bundle)
    last = [d for d in mr["dosageInstruction"] if d["sequence"] == len(s.steps)]
    assert last and all("end" not in d["timing"]["repeat"]["boundsPeriod"] for d in last)
    assert all(d["text"].startswith(f"From day {s.steps[-1].first_day}, and on: ") for d in last)
    others = [d for d in mr["dosageInstruction"] if d["sequence"] != len(s.steps)]
    assert all("end" in d["timing"]["repeat"]["boundsPeriod"] for d in others)
    assert mr["courseOfTherapyType"]["coding"][0]["code"] == "continuous"
    assert any(n["text"].startswith("Review on Mon 4 Jan 2027. ") for n in mr["note"])
    (task,) = resources_of(bundle, "Task")
    assert task["restriction"]["period"] == {"start": "2027-01-04", "end": "2027-01-04"}
    assert task["focus"]["reference"].endswith(mr["id"])


def test_a_plan_that_continues_without_a_review_has_no_task():
    s = example("gabapentin-epilepsy-label-start.json")
    bundle = schedule_to_fhir(s, TODAY)
    assert s.continues and s.review_date is None and not resources_of(bundle, "Task")
    assert any(n["text"].startswith("After ") for n in request_of(bundle)["note"])


def test_problems_and_overrides_with_their_reasons_become_notes():
    s = compute_schedule(make_plan(target_dose_mg=4800), today=TODAY)
    blocking = s.unresolved_blocking
    assert blocking
    with pytest.raises(ValueError, match="blocking problems"):
        schedule_to_fhir(s, TODAY)  # never exported without the clinician's decision
    plan = replace(s.plan, overrides=tuple(Override(p.code, "Specialist pain clinic decision", p.value)
                                            for p in blocking) + (Override("unused-code", "kept from before"),))
    s = compute_schedule(plan, today=TODAY)
    notes = [n["text"] for n in request_of(schedule_to_fhir(s, TODAY))["note"]]
    for p in blocking:
        assert any(t.startswith(f"Blocking problem ({p.code}), overridden by the prescriber: ")
                   and t.endswith("Reason recorded: Specialist pain clinic decision") for t in notes)
    for p in s.problems:
        if p.severity == "warning":
            assert any(t.startswith(f"Warning ({p.code}): ") for t in notes)
    assert "Override recorded for unused-code (no such problem now): kept from before" in notes


def test_patient_prescriber_and_the_coded_medication():
    plan = make_plan(patient=Patient("Alex Example", date(1980, 4, 2), "NHS 943 476 5919"),
                     prescriber=Prescriber("Dr Sam Carter", "Riverside Pain Clinic", "01234 567890"))
    bundle = schedule_to_fhir(compute_schedule(plan, today=TODAY), TODAY)
    (patient,) = resources_of(bundle, "Patient")
    assert patient["name"] == [{"text": "Alex Example"}] and patient["birthDate"] == "1980-04-02"
    assert patient["identifier"] == [{"value": "NHS 943 476 5919"}]
    (doctor,) = resources_of(bundle, "Practitioner")
    (role,) = resources_of(bundle, "PractitionerRole")
    (org,) = resources_of(bundle, "Organization")
    assert org["name"] == "Riverside Pain Clinic" and role["organization"]["reference"].endswith(org["id"])
    mr = request_of(bundle)
    assert mr["requester"]["reference"].endswith(doctor["id"]) and mr["authoredOn"] == "2026-11-20"
    (med,) = resources_of(bundle, "Medication")
    assert med["code"]["coding"] == [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "310431",
                                      "display": "gabapentin 300 MG Oral Capsule"}]


def test_ids_are_the_same_for_every_export_of_the_plan():
    s = example("gabapentin-phn-default.json")
    assert schedule_to_fhir_json(s, TODAY) == schedule_to_fhir_json(s, TODAY)


def test_plans_without_a_plan_id_never_share_ids_and_carry_no_identifier():
    """Examples and `titration-planner new` output have no plan_id: their ids come from the whole
    plan, so two plans (even with no patient, even of the same drug) never name one resource,
    and no identifier lets a record put one patient's order over another's."""
    bundles = [schedule_to_fhir(example(n), TODAY) for n in EXAMPLES]
    bundles.append(schedule_to_fhir(compute_schedule(make_plan(), today=TODAY), TODAY))
    bundles.append(schedule_to_fhir(compute_schedule(make_plan(target_dose_mg=1200), today=TODAY), TODAY))
    for kind in ("MedicationRequest", "Patient", "Medication"):
        ids = [resources_of(b, kind)[0]["id"] for b in bundles]
        assert len(set(ids)) == len(bundles), kind
    assert len({b["id"] for b in bundles}) == len(bundles)
    assert all("identifier" not in request_of(b) for b in bundles)


def test_a_plan_id_is_the_identifier_and_names_the_same_request_after_an_edit():
    plan = make_plan(plan_id="6F1C2E3A-9B0D-4C5E-8A7B-1234567890AB",
                     patient=Patient("Alex Example", date(1980, 4, 2), "NHS 943 476 5919"))
    first = schedule_to_fhir(compute_schedule(plan, today=TODAY), TODAY)
    edited = schedule_to_fhir(compute_schedule(replace(plan, target_dose_mg=1800), today=TODAY), TODAY)
    for b in (first, edited):
        assert request_of(b)["identifier"] == [{"system": "urn:ietf:rfc:3986",
                                                 "value": "urn:uuid:6f1c2e3a-9b0d-4c5e-8a7b-1234567890ab"}]
    assert request_of(first)["id"] == request_of(edited)["id"]
    assert resources_of(first, "Patient")[0]["id"] == resources_of(edited, "Patient")[0]["id"]
    # The same plan_id for another patient (a plan copied as a template): never one Patient id.
    other = replace(plan, patient=Patient("Jo Example", date(1985, 9, 17), "NHS 401 023 2137"))
    moved = schedule_to_fhir(compute_schedule(other, today=TODAY), TODAY)
    assert resources_of(moved, "Patient")[0]["id"] != resources_of(first, "Patient")[0]["id"]


def test_a_liquid_taper_gives_ml_and_names_each_product_with_its_code():
    s = example("pregabalin-stop-liquid-taper.json")
    bundle = schedule_to_fhir(s, TODAY)
    (med,) = resources_of(bundle, "Medication")
    assert "coding" not in med["code"]  # two products: one Medication concept cannot hold both
    mr = request_of(bundle)
    liquid = [d for d in mr["dosageInstruction"] if len(d["doseAndRate"]) == 2]
    assert liquid and all("of the oral solution" in d["text"] for d in liquid)
    notes = [n["text"] for n in mr["note"]]
    assert any("RxNorm 898715" in t and "RxNorm 483448" in t for t in notes)


def test_a_product_with_no_verified_code_is_exported_by_its_text(monkeypatch):
    s = example("gabapentin-phn-default.json")
    form = s.profile.form_for(300)
    profile = replace(s.profile, forms=tuple(replace(f, rxnorm=None) if f is form else f for f in s.profile.forms))
    (med,) = resources_of(schedule_to_fhir(replace(s, profile=profile), TODAY), "Medication")
    assert med["code"] == {"text": "gabapentin 300 mg capsule"}


def test_holds_and_edited_steps_say_so():
    plan = make_plan(step_edits=(StepEdit(step=2, hold_days=3),))
    s = compute_schedule(plan, today=TODAY)
    mr = request_of(schedule_to_fhir(s, TODAY))
    held = [n for n, st in enumerate(s.steps, start=1) if st.hold]
    assert held
    for d in mr["dosageInstruction"]:
        assert d["text"].endswith("(a hold the prescriber set)") == (d["sequence"] in held)
    assert fhir_lines(mr) == engine_lines(s)


def test_a_dialysis_supplement_is_one_more_dosage_of_its_step():
    plan = make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True), target_dose_mg=300,
                     overrides=())
    s = compute_schedule(plan, today=TODAY)
    if not s.exportable:
        s = compute_schedule(replace(plan, overrides=tuple(Override(p.code, "checked", p.value)
                                                           for p in s.unresolved_blocking)), today=TODAY)
    steps = [st for st in s.steps if st.dialysis is not None and st.dialysis.units]
    assert steps
    data, count = schedule_to_fhir_json(s, TODAY)
    Bundle.model_validate_json(data)
    mr = request_of(json.loads(data))
    extra = [d for d in mr["dosageInstruction"] if "timeOfDay" not in d["timing"]["repeat"]]
    assert len(extra) == len(steps)
    assert all("haemodialysis" in d["timing"]["code"]["text"] for d in extra)
    check_fhir(data, s, count)
    # The engine's dispense counts the daily doses only: a quantity would leave the pharmacist
    # short of the supplements, so there is none, and a note says why.
    assert len(s.dispense) == 1 and "quantity" not in mr.get("dispenseRequest", {})
    notes = [n["text"] for n in mr["note"]]
    assert any(t.startswith("No quantity to dispense is stated") and "haemodialysis" in t for t in notes)
    assert any(t.startswith("Dispense for the whole plan: ") for t in notes)


def test_a_one_product_plan_without_dialysis_states_the_engines_quantity():
    s = compute_schedule(make_plan(), today=TODAY)
    (line,) = s.dispense
    mr = request_of(schedule_to_fhir(s, TODAY))
    assert mr["dispenseRequest"]["quantity"] == {"value": line.count, "unit": "capsule"}
    assert not any(n["text"].startswith("No quantity to dispense") for n in mr["note"])


def test_the_texts_are_in_the_language_in_use_and_say_which():
    s = example("gabapentin-stop-es.json")  # a Spanish handout: the record is still the clinician's
    bundle = schedule_to_fhir(s, TODAY)
    assert bundle["language"] == "en" and request_of(bundle)["language"] == "en"
    with speaking("es"):  # the window in Spanish
        bundle = schedule_to_fhir(s, TODAY)
    mr = request_of(bundle)
    assert mr["language"] == "es" and mr["dosageInstruction"][0]["text"].startswith("Días 1–")
    Bundle.model_validate(bundle)


def test_the_check_refuses_a_file_that_is_not_the_engines():
    s = example("gabapentin-phn-to-1800-with-taper.json")
    data, count = schedule_to_fhir_json(s, TODAY)
    bundle = json.loads(data)
    request_of(bundle)["dosageInstruction"][5]["doseAndRate"][0]["doseQuantity"]["value"] = 900
    with pytest.raises(ValueError, match="dosage line 6 is not what step 3 of the plan says"):
        check_fhir(json.dumps(bundle).encode(), s, count)
    request_of(bundle)["dosageInstruction"].pop()
    with pytest.raises(ValueError, match="29 dosage lines instead of 30"):
        check_fhir(json.dumps(bundle).encode(), s, count - 1)
    with pytest.raises(ValueError, match="cannot be read as JSON"):
        check_fhir(data[:-20], s, count)


def test_a_broken_mapping_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    s = example("gabapentin-change-900-to-1800.json")
    path = tmp_path / "plan.fhir.json"
    # Break the mapping once: the continuing last step given an end, as if the plan stopped there.
    monkeypatch.setattr(fhir_dosage, "open_ended", lambda schedule, step: False)
    with pytest.raises(ValueError, match="failed its check: dosage line"):
        export_file(s, path)
    assert list(tmp_path.iterdir()) == []


def test_the_suffix_chooses_fhir_and_a_plain_json_is_refused():
    assert format_for("out/plan.fhir.json").name == "fhir"
    assert format_for("PLAN.FHIR.JSON").name == "fhir"
    assert format_for("my.plan.fhir.json").name == "fhir"
    with pytest.raises(ValueError, match=r"'\.json' is the plan file's own ending.*\.fhir\.json"):
        format_for("plan.json")
    assert registry.FORMATS[".fhir.json"].count_text(1) == "1 dosage line"
    assert registry.FORMATS[".fhir.json"].count_text(30) == "30 dosage lines"
    with speaking("es"):
        assert registry.FORMATS[".fhir.json"].count_text(30) == "30 líneas de dosis"
        assert registry.FORMATS[".fhir.json"].description == "Registro FHIR R4 (*.fhir.json)"


def test_the_command_line_writes_the_fhir_file(tmp_path, capsys):
    ex = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-to-1800-with-taper.json"))
    out = tmp_path / "x.fhir.json"
    assert cli.main(["export", ex, "-o", str(out), "--today", "2026-11-20"]) == 0
    assert f"wrote {out} (30 dosage lines)" in capsys.readouterr().out
    bundle = json.loads(out.read_text("utf-8"))
    Bundle.model_validate(bundle)
    assert request_of(bundle)["authoredOn"] == "2026-11-20"
    assert cli.main(["export", ex, "-o", str(tmp_path / "x.json")]) == 2
    assert "the plan file's own ending" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.fhir.json"]



def test_the_fallback_identity_the_window_keeps_for_a_file_without_a_plan_id_is_not_an_identifier():
    # The window gives an example without plan_id its fallback identity (drug and patient) as plan_id,
    # so two anonymous gabapentin plans opened in the window would have shared one request identity.
    from dataclasses import replace as with_

    from planner.domain.plan import plan_identity
    from planner.export.fhir import schedule_to_fhir
    from planner.files.planfile import load_example

    bundles = []
    for name in ("gabapentin-kidney-30-59", "gabapentin-slow-two-year"):
        plan = load_example(name)
        assert plan.plan_id is None and plan.patient is None
        shown = with_(plan, plan_id=plan_identity(plan))  # as file_actions.load_plan keeps it
        bundles.append(schedule_to_fhir(compute_schedule(shown, today=TODAY), TODAY))
    requests = [next(e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "MedicationRequest")
                for b in bundles]
    assert requests[0]["id"] != requests[1]["id"]
    assert "identifier" not in requests[0] and "identifier" not in requests[1]
