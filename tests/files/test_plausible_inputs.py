"""Inputs no patient can have are refused, naming the field (issue 12), and a CrCl above 150
mL/min is warned about. The ranges live once in resources/inputs/plausible.json, each bound with
its source; the loader, the window (which feeds the same loader) and the CLI all use them."""

from decimal import Decimal

import pytest
from conftest import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from helpers import run_cli, write_plan

from planner.files.formstate import check_form_state
from planner.domain.kidney import UMOL_PER_MG_DL
from planner.domain.plan import KidneyInput, PlanError
from planner.files.planfile import plan_from_dict, plan_to_dict
from planner.domain.profiles import load_plausible, load_profile
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

BASE = plan_to_dict(make_plan())


def kidney(**k):
    return {**BASE, "kidney": k}


def refused_fields(data) -> list[str]:
    with pytest.raises(PlanError) as exc:
        plan_from_dict(data)
    return [e.field for e in exc.value.errors]


def test_the_ranges_are_stated_once_with_a_source_for_each_bound():
    r = load_plausible()
    assert load_profile("gabapentin").plausible is load_profile("pregabalin").plausible is r
    for bound in (r.age_years, r.weight_kg, r.serum_creatinine_mg_dl):
        assert bound.low < bound.high and len(bound.source_low) > 40 and len(bound.source_high) > 40
    assert (r.age_years.high, r.weight_kg.high) == (122, 635)
    assert (r.serum_creatinine_mg_dl.low, r.serum_creatinine_mg_dl.high) == (Decimal("0.2"), Decimal("73.8"))
    assert "Calment" in r.age_years.source_high and "Minnoch" in r.weight_kg.source_high
    assert "doi:10.1007/s00467-010-1533-y" in r.serum_creatinine_mg_dl.source_low
    assert r.unreliable_crcl_above_ml_min.value == 150 and "issue 12" in r.unreliable_crcl_above_ml_min.source


CG = {"age_years": 58, "sex": "male", "weight_kg": 70}


@pytest.mark.parametrize("changes, field", [
    ({"serum_creatinine_mg_dl": 0.1}, "kidney.serum_creatinine_mg_dl"),
    ({"serum_creatinine_mg_dl": 0.19}, "kidney.serum_creatinine_mg_dl"),
    ({"serum_creatinine_mg_dl": 73.81}, "kidney.serum_creatinine_mg_dl"),
    ({"serum_creatinine_umol_l": 17.67}, "kidney.serum_creatinine_umol_l"),
    ({"serum_creatinine_umol_l": 6524}, "kidney.serum_creatinine_umol_l"),
    ({"serum_creatinine_mg_dl": 1, "weight_kg": 635.1}, "kidney.weight_kg"),
    ({"serum_creatinine_mg_dl": 1, "weight_kg": 0}, "kidney.weight_kg"),
    ({"serum_creatinine_mg_dl": 1, "age_years": 122.5}, "kidney.age_years"),
    ({"serum_creatinine_mg_dl": 1, "age_years": 0}, "kidney.age_years"),
])
def test_a_value_outside_the_range_is_refused_naming_the_field(changes, field):
    data = kidney(**{**CG, **changes})
    assert refused_fields(data) == [field]
    with pytest.raises(PlanError) as exc:
        plan_from_dict(data)
    assert "on record" in str(exc.value)


@pytest.mark.parametrize("changes", [
    {"serum_creatinine_mg_dl": 0.2}, {"serum_creatinine_mg_dl": 73.8}, {"serum_creatinine_umol_l": 17.68},
    {"serum_creatinine_umol_l": 6523.92}, {"serum_creatinine_mg_dl": 1, "weight_kg": 635},
    {"serum_creatinine_mg_dl": 1, "age_years": 122}, {"serum_creatinine_mg_dl": 1, "weight_kg": 0.5},
])
def test_the_bounds_themselves_are_accepted(changes):
    plan = plan_from_dict(kidney(**{**CG, **changes}))
    assert plan_from_dict(plan_to_dict(plan)) == plan


@settings(max_examples=80, deadline=None)
@given(age=st.decimals("1", "120", places=1), weight=st.decimals("1", "400", places=1),
       scr=st.one_of(st.decimals("0.2", "30", places=2).map(lambda x: ("serum_creatinine_mg_dl", x)),
                     st.integers(18, 2500).map(lambda x: ("serum_creatinine_umol_l", Decimal(x)))))
def test_every_value_valid_and_plausible_before_is_still_accepted(age, weight, scr):
    """Before issue 12: age 1-120, weight 1-400 kg, SCr 0.1-30 mg/dL or 10-2500 µmol/L. Every one
    of those that a person can have still loads, and the recovery form check takes it too."""
    key, value = scr
    k = {"age_years": float(age), "sex": "female", "weight_kg": float(weight), key: float(value)}
    plan = plan_from_dict(kidney(**k))
    assert plan.kidney.age_years == age and plan.kidney.weight_kg == weight
    form = {**BASE, "kidney": {**k, "haemodialysis": False}}
    assert check_form_state(form) is None


def test_the_umol_range_is_the_mg_range_times_the_labels_factor():
    r = load_plausible().serum_creatinine_mg_dl
    ok = plan_from_dict(kidney(**CG, serum_creatinine_umol_l=float(r.low * UMOL_PER_MG_DL)))
    assert ok.kidney.serum_creatinine_umol_l == Decimal("17.68")


def test_a_crcl_above_150_is_a_warning_that_says_why_it_may_be_wrong():
    s = compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=Decimal("150"))))
    assert "crcl-may-be-unreliable" not in {p.code for p in s.problems}
    s = compute_schedule(make_plan(kidney=KidneyInput(age_years=Decimal(58), sex="male", weight_kg=Decimal(70),
                                                      serum_creatinine_mg_dl=Decimal("0.2"))))
    [p] = [p for p in s.problems if p.code == "crcl-may-be-unreliable"]
    assert p.severity == "warning" and p.field == "kidney.serum_creatinine_mg_dl"
    assert "CrCl 398.6 mL/min" in problem_text(p) and "overestimates" in problem_text(p) and "little muscle" in problem_text(p)
    assert "the planner's, not the label's" in problem_text(p)


def test_the_cli_refuses_naming_the_field(tmp_path):
    path = write_plan(tmp_path, kidney(**CG, serum_creatinine_mg_dl=0.1))
    r = run_cli("check", path)
    assert r.returncode == 2
    assert "kidney.serum_creatinine_mg_dl: must be from 0.2 to 73.8 mg/dL" in r.stderr


def test_the_window_shows_the_refusal_under_the_field(win, qtbot):
    from test_window import type_into

    f = win.form
    f.kidney_mode.setCurrentIndex(f.kidney_mode.findData("cg"))
    type_into(qtbot, f.age, "58")
    f.sex.setCurrentIndex(f.sex.findData("male"))
    type_into(qtbot, f.weight, "70")
    type_into(qtbot, f.scr, "1")
    assert win.plan is not None
    type_into(qtbot, f.scr, "0.1" if f.scr.locale().decimalPoint() == "." else "0,1")
    assert win.plan is None
    message = f.error_text("kidney.serum_creatinine_mg_dl")
    assert "must be from 0.2 to 73.8 mg/dL" in message and "check the value and its unit" in message
    assert win.problems.item(0).text().startswith("Blocking: Serum creatinine:")
    f.scr.setFocus()
    win.grab().save("/tmp/patient-scr-refused.png")
    type_into(qtbot, f.weight, "700")
    assert "more than 0 and at most 635 kg" in f.error_text("kidney.weight_kg")
