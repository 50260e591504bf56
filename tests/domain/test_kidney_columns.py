"""The kidney table's row AND column (Lyrica 2.7 Table 1, Neurontin 2.3 Table 1), exact limits, and
the words that say which row and column gave the limit."""

import json
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from conftest import make_plan
from planner.export.formats import schedule_to_dict, schedule_to_text
from planner.domain.kidney import assess, pick_column
from planner.text.kidney import column_choice_text, kidney_limit_text
from planner.text.numbers import fmt_mg
from planner.domain.plan import KidneyInput
from planner.domain.problems import daily_limits
from planner.text.problems import problem_text, limit_text
from planner.domain.profiles import Cited, ProfileError, _check_columns, load_profile
from planner.domain.schedule import compute_schedule

D = Decimal


def pregabalin(indication, target, crcl, doses=2, **more):
    return make_plan(drug="pregabalin", indication=indication, start_dose_mg=min(150, target), increment_mg=75,
                     target_dose_mg=target, doses_per_day=doses, kidney=KidneyInput(crcl_ml_min=D(crcl)), **more)


# Lyrica 2.7 Table 1: the indication's normal-function maximum heads the column.
@pytest.mark.parametrize("indication, limits", [
    ("diabetic_neuropathy", {"70": 300, "45": 150, "20": 75, "10": 50}),  # column 300: 300/150/75/25-50
    ("fibromyalgia", {"70": 450, "45": 225, "20": 150, "10": 75}),  # column 450: 450/225/100-150/50-75
    ("postherpetic_neuralgia", {"70": 600, "45": 300, "20": 150, "10": 75}),
    ("spinal_cord_injury", {"70": 600, "45": 300, "20": 150, "10": 75}),
    ("epilepsy", {"70": 600, "45": 300, "20": 150, "10": 75}),
    (None, {"70": 600, "45": 300, "20": 150, "10": 75}),  # no indication: the highest column
])
def test_pregabalin_limit_is_row_by_column(indication, limits):
    profile = load_profile("pregabalin")
    for crcl, mg in limits.items():
        a = assess(KidneyInput(crcl_ml_min=D(crcl)), profile, indication)
        assert a.max_daily_mg == mg, (indication, crcl)


@pytest.mark.parametrize("indication", ["postherpetic_neuralgia", "epilepsy", None])
def test_gabapentin_keeps_its_limits_through_the_same_columns(indication):
    # Its indications' maximum is 3600 mg/day: the highest column, the band's maximum, as before.
    profile = load_profile("gabapentin")
    for crcl, mg in {"70": 3600, "45": 1400, "20": 700, "15": 300, "7.5": 150}.items():
        a = assess(KidneyInput(crcl_ml_min=D(crcl)), profile, indication)
        assert (a.max_daily_mg, a.column_mg) == (mg, 3600)


def test_an_indication_maximum_between_columns_takes_the_largest_column_not_above_it():
    profile = load_profile("pregabalin")
    ind = profile.indication("fibromyalgia")
    odd = replace(profile, indications=(replace(ind, max_daily_mg=Cited(500, "test")),))
    index, head, why = pick_column(odd, "fibromyalgia")
    assert (index, head) == (2, 450) and "not above 500 mg/day" in column_choice_text(why)
    low = replace(profile, indications=(replace(ind, max_daily_mg=Cited(100, "test")),))
    assert pick_column(low, "fibromyalgia")[:2] == (0, 150)  # below every column: the lowest


def test_columns_that_do_not_span_the_band_are_a_profile_error():
    table = load_profile("pregabalin").kidney
    broken = replace(table, bands=(replace(table.bands[0], max_daily_mg=700),) + table.bands[1:])
    with pytest.raises(ProfileError, match="do not span"):
        _check_columns("pregabalin", broken)


def test_fibromyalgia_at_crcl_45_blocks_300_and_allows_225():
    assert "above-kidney-maximum" in {p.code for p in compute_schedule(pregabalin("fibromyalgia", 300, 45)).blocking}
    s = compute_schedule(pregabalin("fibromyalgia", 225, 45))
    assert not s.blocking


# --- exact arithmetic --------------------------------------------------------------------------

def test_proportional_limit_is_exact():
    # Neurontin 2.3 Table 1: below 15 mL/min the daily dose falls in proportion to CrCl.
    a = assess(KidneyInput(crcl_ml_min=D(5)), load_profile("gabapentin"), None)
    assert a.max_daily_mg == 100 and isinstance(a.max_daily_mg, Fraction)
    assert not 100 > a.max_daily_mg and 101 > a.max_daily_mg
    a = assess(KidneyInput(crcl_ml_min=D("0.3")), load_profile("gabapentin"), None)
    assert a.max_daily_mg == 6  # 300 x 0.3/15, not 5.99999...


@pytest.mark.parametrize("crcl, dose, blocked", [("5", 100, False), ("5", 200, True), ("10", 200, False),
                                                 ("10", 300, True), ("7.5", 100, False)])
def test_proportional_limit_blocks_only_above_it(crcl, dose, blocked):
    s = compute_schedule(make_plan(start_dose_mg=dose, increment_mg=0, target_dose_mg=dose, doses_per_day=1,
                                   kidney=KidneyInput(crcl_ml_min=D(crcl))))
    assert ("above-kidney-maximum" in {p.code for p in s.blocking}) is blocked


def test_a_limit_that_is_not_whole_is_shown_exactly_never_rounded_up():
    # A column of 100 mg/day at 15 mL/min, at CrCl 7: 100 x 7/15 = 46 2/3 mg/day.
    profile = load_profile("gabapentin")
    ind = profile.indication("postherpetic_neuralgia")
    low = replace(profile, indications=(replace(ind, max_daily_mg=Cited(900, "test")),))
    a = assess(KidneyInput(crcl_ml_min=D(7)), low, "postherpetic_neuralgia")
    assert a.max_daily_mg == Fraction(140, 3)
    assert "at most 46 2/3 mg/day" in kidney_limit_text(a) and "47" not in kidney_limit_text(a)
    assert fmt_mg(Fraction(140, 3)) == "46 2/3" and fmt_mg(Fraction(15, 2)) == "7.5"
    assert fmt_mg(Fraction(100)) == "100" and fmt_mg(Fraction(2, 3)) == "2/3"


# --- the words: which row and which column ---------------------------------------------------

def test_limit_words_name_row_column_and_section():
    s = compute_schedule(pregabalin("diabetic_neuropathy", 150, 45, doses=3))
    assert kidney_limit_text(s.kidney) == (
        "CrCl 45 mL/min: row 30-60 mL/min, column 300 mg/day (the maximum for neuropathic pain of diabetic "
        "peripheral neuropathy with normal kidney function) → at most 150 mg/day (Lyrica label, section 2.7)")


def test_a_range_cell_keeps_its_range_in_the_words_and_its_upper_end_as_the_limit():
    a = assess(KidneyInput(crcl_ml_min=D(20)), load_profile("pregabalin"), "fibromyalgia")
    assert a.max_daily_mg == 150
    assert "row 15-30 mL/min, column 450 mg/day" in kidney_limit_text(a)
    assert "→ 100-150 mg/day: at most 150 mg/day" in kidney_limit_text(a)


def test_no_indication_says_the_highest_column():
    a = assess(KidneyInput(crcl_ml_min=D(45)), load_profile("pregabalin"), None)
    assert "column 600 mg/day (no indication chosen: the highest column)" in kidney_limit_text(a)


def test_cli_text_and_json_and_chart_legend_say_row_and_column():
    s = compute_schedule(pregabalin("diabetic_neuropathy", 150, 45, doses=3))
    text = schedule_to_text(s)
    assert "Kidney limit: CrCl 45 mL/min: row 30-60 mL/min, column 300 mg/day" in text
    k = json.loads(json.dumps(schedule_to_dict(s)))["kidney"]
    assert (k["max_daily_mg"], k["max_daily_mg_text"], k["column_mg"]) == (150, "150", 300)
    assert "column 300 mg/day" in k["limit"]
    kidney = next(lim for lim in daily_limits(s) if lim.kind == "kidney-maximum")
    assert kidney.mg == 150 and "row 30-60, column 300 mg/day" in limit_text(kidney)


def test_the_window_says_row_and_column(win):
    plan = pregabalin("diabetic_neuropathy", 300, 45, doses=3)
    win.load_plan(plan, None)
    shown = win.form.kidney_result.text()
    assert "row 30-60 mL/min, column 300 mg/day" in shown and "at most 150 mg/day" in shown
    blocking = [p for p in win.schedule.problems if p.code == "above-kidney-maximum"]
    assert blocking and "column 300 mg/day" in problem_text(blocking[0])


def test_json_gives_every_limit_that_is_not_whole_exactly_in_words():
    # Gabapentin at CrCl 10 on the <=15 row: 100 x 10/15 = 66 2/3 mg/day at the bottom of the range.
    s = compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=D(10)), target_dose_mg=200,
                                   start_dose_mg=100, increment_mg=100, doses_per_day=1))
    k = json.loads(json.dumps(schedule_to_dict(s)))["kidney"]
    assert (k["min_daily_mg_text"], k["max_daily_mg_text"]) == ("66 2/3", "200")
    assert k["min_daily_mg"] <= Fraction(200, 3)  # cut, never rounded up
