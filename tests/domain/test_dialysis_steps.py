"""The supplement after each haemodialysis session follows each step's dose (Neurontin 2.3 Table 1,
lower part; Lyrica 2.7 Table 1, lower part), and is never given on or after the stop."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from helpers import codes, problem

from conftest import make_plan
from planner.domain.dialysis import label_supplement
from planner.export.formats import schedule_to_csv, schedule_to_dict, schedule_to_text
from planner.domain.kidney import assess
from planner.domain.plan import KidneyInput, Taper
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.app.schedule_table import _units, _units_tip
from planner.text.problems import problem_text

D = Decimal


def gaba_match(crcl, total):
    profile = load_profile("gabapentin")
    k = assess(KidneyInput(crcl_ml_min=D(crcl), haemodialysis=True), profile, None)
    return label_supplement(profile.kidney.dialysis, k, total, 1)[0]


# Row 30-59: columns 400/600/800/1000/1400 -> supplements 125/150/200/250/350.
@pytest.mark.parametrize("total, supplement", [
    (400, 125), (600, 150), (650, 150), (1400, 350),
    (500, 125),  # exactly between 400 and 600: the lower column
    (700, 150), (900, 200), (1200, 250),  # the same ties
    (300, 125), (2000, 350),  # outside the row: the nearest end
])
def test_gabapentin_step_dose_is_matched_to_the_nearest_column_ties_to_the_lower(total, supplement):
    assert gaba_match("45", total) == supplement


def test_gabapentin_columns_are_scaled_below_15():
    # CrCl 7.5: the columns 100/125/150/200/300 become 50/62.5/75/100/150.
    assert gaba_match("7.5", 100) == 250 and gaba_match("7.5", 150) == 350 and gaba_match("7.5", 50) == 125


@pytest.mark.parametrize("total, doses, expected", [
    (25, 1, (25, 50)), (40, 1, (50, 75)), (50, 1, (50, 75)), (60, 1, (75, 100)), (75, 1, (75, 100)),
    (100, 1, None), (50, 2, None), (150, 2, None),
])
def test_pregabalin_supplement_by_once_daily_regimen(total, doses, expected):
    profile = load_profile("pregabalin")
    k = assess(KidneyInput(crcl_ml_min=D(10), haemodialysis=True), profile, None)
    got = label_supplement(profile.kidney.dialysis, k, total, doses)
    assert (got[:2] if got else None) == expected


def gaba_dialysis_with_taper():
    return compute_schedule(make_plan(start_dose_mg=100, increment_mg=100, step_days=7, target_dose_mg=200,
                                      doses_per_day=1, taper=Taper(step_days=7, step_mg=100),
                                      kidney=KidneyInput(crcl_ml_min=D(10), haemodialysis=True)))


def test_each_step_has_its_own_supplement_and_the_stop_none():
    s = gaba_dialysis_with_taper()
    assert [(st.total_mg, st.dialysis and st.dialysis.label_mg) for st in s.steps] == [
        (100, 200), (200, 350), (100, 200), (0, None)]
    assert all(d.dialysis == next(st for st in s.steps if st.first_day <= d.day <= st.last_day).dialysis
               for d in s.days)


def test_no_supplement_without_dialysis():
    s = compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=D(10)), start_dose_mg=100, increment_mg=100,
                                   target_dose_mg=200, doses_per_day=1))
    assert not s.dialysis_steps and "dialysis-supplement" not in codes(s)


def test_the_note_lists_every_step_and_the_higher_pregabalin_amount():
    s = compute_schedule(make_plan(drug="pregabalin", indication="diabetic_neuropathy", start_dose_mg=25,
                                   increment_mg=25, step_days=7, target_dose_mg=50, doses_per_day=1,
                                   kidney=KidneyInput(crcl_ml_min=D(10), haemodialysis=True)))
    p = problem(s, "dialysis-supplement")
    assert p.severity == "note" and "Lyrica label, section 2.7, Table 1, lower part" in problem_text(p)
    assert "days 1-7 (25 mg/day, regimen 25 mg once daily): 25 mg" in problem_text(p)
    assert "50 mg where the plan gives 25 mg" in problem_text(p) and "75 mg where the plan gives 50 mg" in problem_text(p)


def test_a_regimen_outside_the_label_table_warns():
    s = compute_schedule(make_plan(drug="pregabalin", indication="fibromyalgia", start_dose_mg=150,
                                   increment_mg=0, target_dose_mg=150, doses_per_day=2,
                                   kidney=KidneyInput(crcl_ml_min=D(20), haemodialysis=True)))
    p = problem(s, "dialysis-supplement-not-in-label")
    assert p.severity == "warning" and "150 mg/day in 2 doses" in problem_text(p)
    assert not s.dialysis_steps


def test_a_supplement_is_never_above_the_label_and_one_that_cannot_be_made_is_not_printed():
    # 800 mg tablets only: half a tablet (400 mg) would be 3 times the label's 125 mg.
    s = compute_schedule(make_plan(strengths_mg=(800,), start_dose_mg=400, increment_mg=0, target_dose_mg=400,
                                   doses_per_day=1, kidney=KidneyInput(crcl_ml_min=D(40), haemodialysis=True)))
    assert not s.dialysis_steps
    p = problem(s, "dialysis-supplement-not-made")
    assert p.severity == "warning" and "125 mg" in problem_text(p) and p.field == "strengths_mg"
    # 100 mg capsules only: 250 mg -> 200 mg, the largest amount below it, with a warning.
    s = compute_schedule(make_plan(strengths_mg=(100,), start_dose_mg=1000, increment_mg=0, target_dose_mg=1000,
                                   doses_per_day=2, kidney=KidneyInput(crcl_ml_min=D(40), haemodialysis=True)))
    dz = s.steps[0].dialysis
    assert (dz.label_mg, dz.mg) == (250, 200)
    assert problem(s, "dialysis-supplement").severity == "warning"


def test_cli_outputs_carry_the_supplement_per_step_and_none_after_the_stop():
    s = gaba_dialysis_with_taper()
    text = schedule_to_text(s)
    assert text.count("after each 4-hour haemodialysis session") == 3
    assert "haemodialysis session" not in text[text.index("stop: no more"):].split("Dispense")[0]
    days = json.loads(json.dumps(schedule_to_dict(s)))["days"]
    assert days[0]["dialysis_supplement"]["label_mg"] == 200 and "dialysis_supplement" not in days[-1]
    rows = list(csv.DictReader(io.StringIO(schedule_to_csv(s))))
    assert rows[0]["after_dialysis_mg"] == "200" and rows[-1]["after_dialysis_mg"] == ""
    assert rows[7]["after_dialysis_mg"] == "300"  # label 350: the capsules make 300 (told in a warning)


def test_window_table_shows_each_steps_supplement_not_on_the_stop_row():
    s = gaba_dialysis_with_taper()
    cells = [_units(st) for st in s.steps]
    assert cells[0].endswith("; after dialysis: 200 mg") and cells[1].endswith("; after dialysis: 300 mg")
    assert cells[-1] == "stop"
    tips = [_units_tip(st) for st in s.steps]
    # One product for the whole plan (issue 14): the 100 mg capsule makes 100 and 200 mg/day and the supplements.
    assert "300 mg (label 350 mg), 3 × 100 mg capsule" in tips[1] and tips[-1] is None


def test_printout_gives_the_supplement_in_each_step_and_never_after_the_stop(qapp, tmp_path):
    import pypdf

    from planner.export.printout import PrintOptions, export_pdf

    s = gaba_dialysis_with_taper()
    assert not s.unresolved_blocking  # 200 mg/day at CrCl 10 is exactly the limit (300 x 10/15)
    path = tmp_path / "dialysis.pdf"
    export_pdf(s, path, PrintOptions(part="all"))
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in pypdf.PdfReader(str(path)).pages]
    text = " ".join(pages)
    schedule_part = text[text.index("Your doses, day by day"):text.index("Your plan as a chart")]
    lines = [m.start() for m in re.finditer(r"After each dialysis session \(4 hours\): also take", schedule_part)]
    assert len(lines) == 3  # one per dosed step
    assert lines[-1] < schedule_part.index("stop taking")
    assert "also take" not in schedule_part[schedule_part.index("stop taking"):]
    clinician = pages[-1] if "For the prescriber" in pages[-1] else " ".join(pages[-2:])
    assert "step 1, 200 mg" in clinician and "step 3, 200 mg" in clinician and "none after the last dose" in clinician
    assert "Kidney limit" in clinician and "row <=15 mL/min" in clinician
