"""Kidney function: Cockcroft-Gault, every band of both labels and their edges."""

from decimal import Decimal

import pytest
from helpers import codes, problem

from conftest import make_plan
from planner.domain.kidney import assess, cockcroft_gault
from planner.domain.plan import KidneyInput
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

D = Decimal


def test_cockcroft_gault_worked_case():
    # (140 - 60) x 72 kg / (72 x 1.0 mg/dL) = 80 mL/min; x 0.85 for a woman = 68.
    assert cockcroft_gault(D(60), "male", D(72), D("1.0")) == D(80)
    assert cockcroft_gault(D(60), "female", D(72), D("1.0")) == D(68)


def test_cockcroft_gault_from_umol_per_litre():
    # 97 umol/L / 88.4 = 1.0973 mg/dL; (140 - 78) x 62 / (72 x 1.0973) x 0.85 = 41.36...
    a = assess(KidneyInput(age_years=D(78), sex="female", weight_kg=D(62), serum_creatinine_umol_l=D(97)),
               load_profile("gabapentin"), None)
    assert a.crcl_ml_min == D("41.3")  # cut, not rounded, to one decimal
    assert a.method == "cockcroft-gault"
    assert a.band.id == "30-59" and a.max_daily_mg == 1400 and a.doses_per_day == 2


@pytest.mark.parametrize("crcl, band, lo, hi, doses", [
    ("250", ">=60", 900, 3600, 3),
    ("60", ">=60", 900, 3600, 3),
    ("59.9", "30-59", 400, 1400, 2),
    ("30.1", "30-59", 400, 1400, 2),
    ("30", "15-29", 200, 700, 1),  # ">30-59": 30 itself takes the more restrictive band
    ("15.1", "15-29", 200, 700, 1),
    ("15", "<=15", 100, 300, 1),  # ">15-29": 15 itself takes the more restrictive band
])
def test_gabapentin_bands_and_edges(crcl, band, lo, hi, doses):
    a = assess(KidneyInput(crcl_ml_min=D(crcl)), load_profile("gabapentin"), None)
    assert (a.band.id, a.min_daily_mg, a.max_daily_mg, a.doses_per_day) == (band, lo, hi, doses)


def test_gabapentin_below_15_falls_in_proportion():
    # Table 1: 7.5 mL/min gets half the daily dose of 15 mL/min.
    a = assess(KidneyInput(crcl_ml_min=D("7.5")), load_profile("gabapentin"), None)
    assert a.max_daily_mg == 150 and a.min_daily_mg == 50
    a = assess(KidneyInput(crcl_ml_min=D(10)), load_profile("gabapentin"), None)
    assert a.max_daily_mg == 200


@pytest.mark.parametrize("crcl, band, hi, doses", [
    ("60.1", ">=60", 600, 3),
    ("60", "30-60", 300, 3),  # shared edge: the more restrictive band
    ("30.1", "30-60", 300, 3),
    ("30", "15-30", 150, 2),
    ("15", "15-30", 150, 2),
    ("14.9", "<15", 75, 1),
])
def test_pregabalin_bands_and_edges(crcl, band, hi, doses):
    a = assess(KidneyInput(crcl_ml_min=D(crcl)), load_profile("pregabalin"), None)
    assert (a.band.id, a.max_daily_mg, a.doses_per_day) == (band, hi, doses)


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_every_clearance_falls_in_exactly_one_band(drug):
    table = load_profile(drug).kidney
    for tenth in range(0, 2501):
        crcl = D(tenth) / 10
        assert sum(b.contains(crcl) for b in table.bands) == 1, crcl


def test_above_kidney_maximum_is_blocking_and_names_the_band():
    s = compute_schedule(make_plan(target_dose_mg=1800, kidney=KidneyInput(crcl_ml_min=D("41.3"))))
    p = problem(s, "above-kidney-maximum")
    assert p.severity == "blocking" and p.field == "target_dose_mg"
    assert "1400 mg/day" in problem_text(p) and "CrCl 41.3 mL/min" in problem_text(p) and "30-59" in problem_text(p)


def test_more_doses_than_the_kidney_band_gives_warns():
    s = compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=D(20)), target_dose_mg=600))
    p = problem(s, "too-many-doses-for-kidney")
    assert p.field == "doses_per_day" and "1 dose" in problem_text(p)


def test_within_band_has_no_kidney_problem():
    s = compute_schedule(make_plan(doses_per_day=2, target_dose_mg=1200, kidney=KidneyInput(crcl_ml_min=D(45))))
    assert not {"above-kidney-maximum", "too-many-doses-for-kidney"} & codes(s)
    assert not s.has_blocking


def test_proportional_maximum_blocks_a_dose_above_it():
    s = compute_schedule(make_plan(start_dose_mg=200, target_dose_mg=200, increment_mg=0, doses_per_day=1,
                                   kidney=KidneyInput(crcl_ml_min=D("7.5"))))
    p = problem(s, "above-kidney-maximum")
    assert "150 mg/day" in problem_text(p)


def test_haemodialysis_supplement_follows_the_maintenance_column():
    # CrCl 15, 200 mg/day is the 4th column (100/125/150/200/300): supplement 250 mg.
    s = compute_schedule(make_plan(start_dose_mg=200, target_dose_mg=200, increment_mg=0, doses_per_day=1,
                                   kidney=KidneyInput(crcl_ml_min=D(15), haemodialysis=True)))
    dz = s.steps[0].dialysis
    assert dz.label_mg == 250 and dz.mg in (200, 300)
    p = problem(s, "dialysis-supplement")
    assert "250 mg" in problem_text(p) and "4-hour" in problem_text(p)
    # 300 mg/day is the last column: supplement 350, made exactly as... not with capsules: nearest 300.
    s = compute_schedule(make_plan(start_dose_mg=300, target_dose_mg=300, increment_mg=0, doses_per_day=1,
                                   kidney=KidneyInput(crcl_ml_min=D(15), haemodialysis=True)))
    dz = s.steps[0].dialysis
    assert dz.label_mg == 350 and dz.mg == 300  # a tie (300/400) goes to less drug
    assert problem(s, "dialysis-supplement").severity == "warning"


def test_pregabalin_dialysis_supplement_is_given_per_step():
    # Lyrica 2.7 Table 1: 75 mg once daily is in the "50-75 mg QD" row (75 or 100 mg) and the "75 mg QD"
    # row (100 or 150 mg); the row with the smaller supplement is taken, its lower amount printed and
    # the higher named.
    s = compute_schedule(make_plan(drug="pregabalin", start_dose_mg=75, target_dose_mg=75, increment_mg=0,
                                   doses_per_day=1, kidney=KidneyInput(crcl_ml_min=D(10), haemodialysis=True)))
    assert "dialysis-supplement-not-given" not in codes(s)
    dz = s.steps[0].dialysis
    assert (dz.label_mg, dz.label_higher_mg, dz.mg) == (75, 100, 75)
    assert "100 mg where the plan gives 75 mg" in problem_text(problem(s, "dialysis-supplement"))


def test_kidney_dosing_under_age_12_is_blocking():
    # One age problem (issue 12): under 12 no gabapentin indication is dosed in mg/day, which
    # says more than the kidney table's age; the kidney-age rule is in tests/label_rules/patient.py.
    s = compute_schedule(make_plan(kidney=KidneyInput(age_years=D(10), sex="male", weight_kg=D(30),
                                                      serum_creatinine_mg_dl=D("0.5"))))
    assert "kidney-age" not in {p.code for p in s.problems}
    p = problem(s, "age-outside-label")
    assert p.severity == "blocking" and p.field == "kidney.age_years"


def test_daily_limits_for_drawing_include_the_kidney_maximum():
    from planner.domain.problems import daily_limits

    s = compute_schedule(make_plan(indication="postherpetic_neuralgia", kidney=KidneyInput(crcl_ml_min=D("7.5"))))
    limits = {lim.kind: lim.mg for lim in daily_limits(s)}
    assert limits == {"target": 900, "label-maximum": 3600, "recommended": 1800, "kidney-maximum": 150}
