"""An override is bound to the value of the problem it was given for (issue 11, item 9).

Rule: an override covers a blocking problem only while the problem's code AND its value
(Problem.value, e.g. "peak 4200 mg/day, maximum 3600 mg/day") are those recorded. Any other
value, better or worse, needs a new decision. An override from an older file, with no value,
is read but covers nothing until decided again.
"""

import json
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import make_plan
from helpers import run_cli, write_plan

from planner.domain.plan import KidneyInput, OffLabel, Override, Patient, PlanError, StepEdit, Taper
from planner.files.planfile import dump_plan, parse_plan_text, plan_from_dict, plan_to_dict
from planner.domain.schedule import compute_schedule

TODAY = date(2026, 12, 1)  # the plans start on this day: no start-in-past warning
REASON = "Specialist pain clinic: higher dose agreed with the patient"
BASE = {
    "format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 300,
    "increment_mg": 300, "step_days": 3, "target_dose_mg": 4200, "doses_per_day": 3,
}


def schedule(**changes):
    return compute_schedule(make_plan(step_days=3, **changes), today=TODAY)


def test_an_override_covers_only_the_value_it_was_given_for():
    at_a = schedule(target_dose_mg=4200)
    [problem] = at_a.unresolved_blocking
    assert problem.code == "above-label-maximum"
    assert problem.value == "peak 4200 mg/day, maximum 3600 mg/day"
    override = Override(problem.code, REASON, problem.value)

    covered = schedule(target_dose_mg=4200, overrides=(override,))
    assert covered.exportable and covered.override_for(covered.blocking[0]) == override

    # The plan changes to a worse value of the same problem: blocking again, a new decision is needed.
    worse = schedule(target_dose_mg=4800, overrides=(override,))
    assert [p.code for p in worse.unresolved_blocking] == ["above-label-maximum"]
    assert not worse.exportable
    assert worse.stale_override_for(worse.blocking[0]) == override
    # A better but still blocking value is a different value too.
    assert not schedule(target_dose_mg=3900, overrides=(override,)).exportable

    # Back to the value it was given for: covered again.
    assert schedule(target_dose_mg=4200, overrides=(override,)).exportable


def test_a_lower_kidney_maximum_needs_a_new_decision():
    """The value holds the limit too: the same peak against a lower kidney maximum is another value."""
    s = schedule(target_dose_mg=1800, kidney=KidneyInput(crcl_ml_min=Decimal(45)))
    [p] = s.unresolved_blocking
    assert p.code == "above-kidney-maximum" and p.value == "peak 1800 mg/day, maximum 1400 mg/day"
    o = Override(p.code, REASON, p.value)
    assert schedule(target_dose_mg=1800, kidney=KidneyInput(crcl_ml_min=Decimal(45)), overrides=(o,)).exportable
    lower = schedule(target_dose_mg=1800, kidney=KidneyInput(crcl_ml_min=Decimal(20)), overrides=(o,))
    assert not lower.exportable


def _blocking_codes_in_source() -> set[str]:
    domain = Path(__file__).parent.parent.parent / "planner" / "domain"
    src = "".join(p.read_text("utf-8") for p in sorted(domain.glob("*.py")))
    return set(re.findall(r'Problem\(\s*"([a-z-]+)",\s*"blocking"', src))


def test_every_blocking_problem_has_a_value_an_override_can_bind_to():
    plans = [
        make_plan(increment_mg=0),  # increment-cannot-reach-target
        make_plan(start_dose_mg=900, target_dose_mg=300),  # target-below-start
        make_plan(target_dose_mg=4200),  # above-label-maximum
        make_plan(kidney=KidneyInput(age_years=Decimal(10), sex="female", weight_kg=Decimal(40),
                                     serum_creatinine_mg_dl=Decimal("0.6"))),  # age-outside-label
        make_plan(drug="pregabalin", indication="epilepsy", start_dose_mg=150, increment_mg=150, step_days=7,
                  target_dose_mg=300, doses_per_day=2, patient=Patient(date_of_birth=date(2009, 6, 1)),
                  kidney=KidneyInput(crcl_ml_min=Decimal(45))),  # kidney-age: 17, the kidney table from 18
        make_plan(patient=Patient(date_of_birth=date(1968, 3, 10)),
                  kidney=KidneyInput(age_years=Decimal(40), sex="male", weight_kg=Decimal(70),
                                     serum_creatinine_mg_dl=Decimal(1))),  # age-disagrees-with-birth-date
        make_plan(patient=Patient(date_of_birth=date(1950, 1, 1))),  # elderly-no-kidney-result
        make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(20))),  # above-kidney-maximum
        make_plan(taper=Taper(step_days=1, step_mg=300)),  # taper-too-short
        make_plan(indication="postherpetic_neuralgia", doses_per_day=2),  # fewer-doses-than-label
        make_plan(indication="epilepsy", start_dose_mg=900, doses_per_day=2),  # gap-between-doses
        make_plan(indication="postherpetic_neuralgia", start_dose_mg=1800, target_dose_mg=1800),  # above-label-start
        make_plan(drug="pregabalin", indication="spinal_cord_injury", start_dose_mg=150, increment_mg=150,
                  target_dose_mg=450, step_days=7, doses_per_day=2),  # raised-too-soon
        # Issue 14's plan shapes (planner.domain.segments, step_edits, checks_shapes):
        make_plan(kind="stop", doses_per_day=None, strengths_mg=(300,), current=(("morning", 250),),
                  taper=Taper(step_days=7, step_mg=100)),  # current-not-makeable
        make_plan(kind="start", maintenance="review"),  # review-date-missing
        make_plan(kind="start", maintenance="review", review_date=date(2026, 11, 1)),  # review-before-start
        make_plan(kind="start", maintenance="review", review_date=date(2026, 12, 2)),  # review-before-target
        make_plan(step_edits=(StepEdit(9, days=2),)),  # step-edit-no-step
        make_plan(step_edits=(StepEdit(1, total_mg=300, doses=(("bedtime", 400),)),)),  # step-edit-doses-sum
        make_plan(kind="change", current=(("bedtime", 900),), target_dose_mg=300),  # change-down-needs-taper
        make_plan(indication="off_label"),  # off-label-undeclared
        make_plan(indication="off_label", off_label=OffLabel(4000, "x"), target_dose_mg=4000),  # stated above label
        make_plan(indication="off_label", off_label=OffLabel(600, "x")),  # above-stated-maximum
    ]
    seen = {}
    for plan in plans:
        for p in compute_schedule(plan, today=TODAY).blocking:
            seen[p.code] = p.value
    assert set(seen) == _blocking_codes_in_source()
    assert all(isinstance(v, str) and 0 < len(v) <= 80 for v in seen.values()), seen


def test_the_value_round_trips_through_the_plan_file():
    s = schedule(target_dose_mg=4200)
    plan = replace(s.plan, overrides=(Override("above-label-maximum", REASON, s.blocking[0].value),))
    text = dump_plan(plan)
    assert json.loads(text)["overrides"] == [
        {"code": "above-label-maximum", "reason": REASON, "value": "peak 4200 mg/day, maximum 3600 mg/day"}]
    again = parse_plan_text(text)
    assert again.overrides == plan.overrides
    assert compute_schedule(again, today=TODAY).exportable


def test_an_old_override_without_a_value_opens_but_covers_nothing():
    plan = plan_from_dict({**BASE, "overrides": [{"code": "above-label-maximum", "reason": REASON}]})
    assert plan.overrides == (Override("above-label-maximum", REASON, None),)
    s = compute_schedule(plan, today=TODAY)
    assert not s.exportable
    from planner.text.problems import stale_override_text

    words = stale_override_text(s.stale_override_for(s.blocking[0]), s.blocking[0])
    assert "older version" in words and "decide again" in words and "peak 4200 mg/day" in words
    # Saving it again keeps it as it was (no value invented for it).
    assert "value" not in plan_to_dict(plan)["overrides"][0]


@pytest.mark.parametrize("value, why", [
    (2400, "must be text"),
    ("x" * 81, "longer than 80"),
    ("peak\n2400", "single line"),
])
def test_a_bad_value_is_refused_naming_the_field(value, why):
    with pytest.raises(PlanError) as e:
        plan_from_dict({**BASE, "overrides": [{"code": "above-label-maximum", "reason": REASON, "value": value}]})
    assert "overrides[0].value" in str(e.value) and why in str(e.value)


def test_cli_export_refuses_a_worse_value_and_writes_at_the_recorded_one(tmp_path):
    recorded = [{"code": "above-label-maximum", "reason": REASON, "value": "peak 4200 mg/day, maximum 3600 mg/day"}]
    worse = write_plan(tmp_path, {**BASE, "target_dose_mg": 4800, "overrides": recorded}, "worse.json")
    r = run_cli("export", worse, "-o", str(tmp_path / "worse.csv"), "--today", "2026-12-01")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "above-label-maximum" in r.stdout and not (tmp_path / "worse.csv").exists()
    assert ("above-label-maximum: An override was recorded for peak 4200 mg/day, maximum 3600 mg/day; "
            "the plan now has peak 4800 mg/day") in r.stderr

    same = write_plan(tmp_path, {**BASE, "overrides": recorded}, "same.json")
    r = run_cli("export", same, "-o", str(tmp_path / "same.csv"), "--today", "2026-12-01")
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert (tmp_path / "same.csv").exists()


def test_cli_check_json_gives_the_value_to_record(tmp_path):
    r = run_cli("check", write_plan(tmp_path, BASE), "--format", "json", "--today", "2026-12-01")
    assert r.returncode == 1
    [p] = [p for p in json.loads(r.stdout)["problems"] if p["severity"] == "blocking"]
    assert p["value"] == "peak 4200 mg/day, maximum 3600 mg/day"


# --- the window ---------------------------------------------------------------------------------


def _texts(win) -> str:
    return "\n".join(win.problems.item(i).text() for i in range(win.problems.count()))


def test_window_records_the_value_and_asks_again_when_it_changes(win, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    win.form.target.setValue(4200)
    assert win.record_override("above-label-maximum", "Specialist epilepsy clinic: reviewed weekly")
    [o] = win.plan.overrides
    assert o.value == win.schedule.blocking[0].value
    assert "Overridden by the prescriber for peak 4200 mg/day" in _texts(win)
    assert win.export(".csv", tmp_path / "a.csv")

    win.form.target.setValue(4800)
    assert not win.schedule.exportable
    text = _texts(win)
    assert ("An override was recorded for peak 4200 mg/day, maximum 3600 mg/day; "
            "the plan now has peak 4800 mg/day, maximum 3600 mg/day: decide again") in text
    assert "Overridden by the prescriber" not in text
    assert not win.export(".csv", tmp_path / "b.csv")
    assert not (tmp_path / "b.csv").exists() and "blocking problem" in said[-1]
    win.problems.grab().save(str(Path("/tmp") / "override-decide-again.png"))

    win.form.target.setValue(4200)
    assert win.schedule.exportable and "Overridden by the prescriber" in _texts(win)


def test_window_shows_an_old_override_without_a_value_as_not_counting(win, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({**BASE, "overrides": [{"code": "above-label-maximum", "reason": REASON}]}), "utf-8")
    assert win.open_plan(path)
    assert not win.schedule.exportable
    assert ("by an older version of the planner, without the value it covered, so it no longer counts"
            in _texts(win))


def test_printout_prints_the_value_the_override_was_given_for(qapp, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from planner.export.printout import PrintOptions, export_pdf

    s = schedule(target_dose_mg=4200)
    s = compute_schedule(replace(s.plan, overrides=(Override("above-label-maximum", REASON, s.blocking[0].value),)),
                         today=TODAY)
    export_pdf(s, tmp_path / "p.pdf", PrintOptions(printed_on=TODAY, part="clinician"))
    last = re.sub(r"\s+", " ", pypdf.PdfReader(str(tmp_path / "p.pdf")).pages[-1].extract_text())
    assert "Given for: peak 4200 mg/day, maximum 3600 mg/day." in last
