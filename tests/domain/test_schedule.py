"""The schedule engine against the label's own examples and the rules of the issue."""

from datetime import date
from decimal import Decimal

import pytest
from helpers import codes, doses_of, problem

from conftest import make_plan
from planner.domain.plan import PlanError, Taper
from planner.domain.schedule import MAX_PLAN_DAYS, compute_schedule
from planner.text.units import describe_units
from planner.text.problems import problem_text


def test_postherpetic_neuralgia_label_start_days_1_to_3():
    # Neurontin section 2.1: Day 1 300 mg once; Day 2 300 mg twice; Day 3 300 mg three times.
    s = compute_schedule(make_plan(indication="postherpetic_neuralgia"))
    d1, d2, d3 = s.days[:3]
    assert [d.total_mg for d in (d1, d2, d3)] == [300, 600, 900]
    assert doses_of(d1) == [("bedtime", 300)]
    assert doses_of(d2) == [("morning", 300), ("bedtime", 300)]
    assert doses_of(d3) == [("morning", 300), ("midday", 300), ("bedtime", 300)]
    for d in (d1, d2, d3):
        for dose in d.doses:
            assert describe_units(dose.units) == "1 × 300 mg capsule"
    assert [d.date for d in (d1, d2, d3)] == [date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)]
    assert not s.has_blocking


def test_epilepsy_label_start_300_three_times_from_day_1():
    # Neurontin section 2.2: 300 mg three times daily from day 1.
    s = compute_schedule(make_plan(indication="epilepsy", start_dose_mg=900, target_dose_mg=900,
                                   increment_mg=0, slot_fill="all", step_days=3))
    assert len(s.days) == 3
    for d in s.days:
        assert doses_of(d) == [("morning", 300), ("midday", 300), ("bedtime", 300)]
    assert "gap-between-doses" not in codes(s)


def test_grow_mode_in_epilepsy_gives_every_dose_from_day_1():
    # Issue 12: the default fill follows the label's regimen (Neurontin 2.2: three times daily
    # from day 1), so it no longer makes the 24-hour gap it used to warn about.
    s = compute_schedule(make_plan(indication="epilepsy"))
    assert all(len(d.doses) == 3 for d in s.days)
    assert "gap-between-doses" not in codes(s)


def test_clock_times_too_far_apart_warn_in_epilepsy():
    s = compute_schedule(make_plan(indication="epilepsy", slot_fill="all", start_dose_mg=900, increment_mg=0,
                                   slot_times=(("morning", "10:00"), ("midday", "13:00"),
                                               ("evening", "18:00"), ("bedtime", "20:00"))))
    p = problem(s, "gap-between-doses")
    assert p.field == "slot_times" and "14 hours" in problem_text(p)


def test_larger_doses_go_to_bedtime_first_and_order_is_configurable():
    s = compute_schedule(make_plan(start_dose_mg=1000, target_dose_mg=1000, increment_mg=0, slot_fill="all"))
    assert doses_of(s.days[0]) == [("morning", 300), ("midday", 300), ("bedtime", 400)]
    s = compute_schedule(make_plan(start_dose_mg=1000, target_dose_mg=1000, increment_mg=0, slot_fill="all",
                                   larger_dose_order=("morning", "midday", "evening", "bedtime")))
    assert doses_of(s.days[0]) == [("morning", 400), ("midday", 300), ("bedtime", 300)]


def test_doses_in_a_day_differ_by_at_most_one_unit():
    s = compute_schedule(make_plan(start_dose_mg=500, target_dose_mg=500, increment_mg=0,
                                   slot_fill="all", strengths_mg=(100,)))
    assert sorted(d.mg for d in s.days[0].doses) == [100, 200, 200]


def test_fewest_units_and_halves_only_of_scored_tablets():
    s = compute_schedule(make_plan(start_dose_mg=1800, target_dose_mg=1800, increment_mg=0, slot_fill="all"))
    assert all(describe_units(d.units) == "1 × 600 mg tablet" for d in s.days[0].doses)
    # Only 600 mg tablets: 900 mg/day as three doses of half a tablet.
    s = compute_schedule(make_plan(start_dose_mg=900, target_dose_mg=900, increment_mg=0, slot_fill="all",
                                   strengths_mg=(600,)))
    assert [describe_units(d.units) for d in s.days[0].doses] == ["½ × 600 mg tablet"] * 3
    assert s.days[0].doses[0].units[0].count == Decimal("0.5")
    # Capsules are never halved: 150 mg cannot be made from 100 and 300 mg capsules.
    s = compute_schedule(make_plan(start_dose_mg=150, target_dose_mg=150, increment_mg=0,
                                   doses_per_day=1, strengths_mg=(100, 300)))
    assert s.days[0].total_mg == 100


def test_an_amount_that_cannot_be_made_is_rounded_and_named():
    s = compute_schedule(make_plan(start_dose_mg=250, increment_mg=250, target_dose_mg=750,
                                   strengths_mg=(100, 300)))
    p = [x for x in s.problems if x.code == "rounded-dose" and x.field == "start_dose_mg"][0]
    assert p.severity == "warning"
    assert "250 → 200 mg/day" in problem_text(p)
    assert s.days[0].total_mg == 200
    # A tie rounds down (less drug) in titration: 750 between 700 and 800.
    target = [x for x in s.problems if x.code == "rounded-dose" and x.field == "target_dose_mg"][0]
    assert "750 → 700 mg/day" in problem_text(target)


def test_fewer_doses_when_a_day_cannot_be_split_in_all_mode():
    s = compute_schedule(make_plan(start_dose_mg=100, increment_mg=100, target_dose_mg=300,
                                   slot_fill="all", strengths_mg=(100,)))
    assert doses_of(s.days[0]) == [("bedtime", 100)]
    assert problem(s, "fewer-doses").severity == "warning"


def test_maintenance_follows_the_target_step():
    s = compute_schedule(make_plan(maintenance_days=10))
    assert len(s.days) == 13
    assert [d.phase for d in s.days[:4]] == ["titration"] * 3 + ["maintenance"]
    assert all(d.total_mg == 900 for d in s.days[2:])


def test_increments_stop_at_the_target():
    s = compute_schedule(make_plan(start_dose_mg=300, increment_mg=400, target_dose_mg=1200, step_days=2))
    # Daily totals: day 2 is its own step now, given twice daily as the label's day 2 is (issue 12).
    assert [d.total_mg for d in s.days] == [300, 300, 700, 700, 1100, 1100, 1200, 1200]


def test_taper_by_mg_never_rises_and_ends_at_zero():
    s = compute_schedule(make_plan(maintenance_days=7, taper=Taper(step_days=7, step_mg=300)))
    taper = [d.total_mg for d in s.days if d.phase == "taper"]
    assert taper == [600] * 7 + [300] * 7 + [0]
    assert s.days[-1].doses == ()
    assert "taper-too-short" not in codes(s)


def test_taper_by_percent_reaches_zero_in_ever_smaller_steps():
    s = compute_schedule(make_plan(start_dose_mg=1800, target_dose_mg=1800, increment_mg=0,
                                   taper=Taper(step_days=7, step_percent=Decimal(25))))
    path = [st.total_mg for st in s.steps if st.phase == "taper"]
    assert path[-1] == 0
    assert path == sorted(path, reverse=True) and len(set(path)) == len(path)
    assert path[0] == 1400  # 1800 x 0.75 = 1350, a tie between 1300 and 1400: the gentler cut


def test_taper_shorter_than_a_week_is_blocking():
    s = compute_schedule(make_plan(taper=Taper(step_days=1, step_mg=300)))
    p = problem(s, "taper-too-short")
    assert p.severity == "blocking" and p.field == "taper.step_days"
    assert "at least 7 days" in problem_text(p) and "900 → 600 → 300 → 0" in problem_text(p)


def test_stopping_at_once_is_a_taper_too_short():
    s = compute_schedule(make_plan(taper=Taper(step_days=7, step_mg=900)))
    assert "at once" in problem_text(problem(s, "taper-too-short"))


def test_above_label_maximum_is_blocking_and_names_the_limit():
    s = compute_schedule(make_plan(start_dose_mg=3000, increment_mg=600, target_dose_mg=4200, step_days=3))
    p = problem(s, "above-label-maximum")
    assert p.severity == "blocking" and p.field == "target_dose_mg"
    assert "3600 mg/day" in problem_text(p) and "section 2.3" in problem_text(p)


def test_indication_maximum_for_pregabalin_diabetic_neuropathy():
    s = compute_schedule(make_plan(drug="pregabalin", indication="diabetic_neuropathy", start_dose_mg=150,
                                   increment_mg=150, target_dose_mg=450, step_days=7))
    p = problem(s, "above-label-maximum")
    assert "300 mg/day" in problem_text(p) and "diabetic" in problem_text(p)


def test_recommended_dose_above_1800_in_postherpetic_neuralgia_warns():
    s = compute_schedule(make_plan(indication="postherpetic_neuralgia", target_dose_mg=2400))
    p = problem(s, "above-recommended-dose")
    assert p.severity == "warning" and "1800 mg/day" in problem_text(p)
    assert not s.has_blocking


def test_inputs_that_make_no_sense_are_blocking():
    s = compute_schedule(make_plan(increment_mg=0))
    assert problem(s, "increment-cannot-reach-target").field == "increment_mg"
    assert s.days == ()
    s = compute_schedule(make_plan(start_dose_mg=900, target_dose_mg=600))
    assert problem(s, "target-below-start").severity == "blocking"


def test_target_below_start_with_a_taper_is_a_reduction_plan():
    s = compute_schedule(make_plan(start_dose_mg=900, target_dose_mg=300, maintenance_days=3,
                                   taper=Taper(step_days=7, step_mg=300)))
    assert [st.total_mg for st in s.steps] == [900, 600, 300, 0]
    assert not s.has_blocking


def test_a_plan_too_long_is_unusable_input():
    with pytest.raises(PlanError) as exc:
        compute_schedule(make_plan(start_dose_mg=100, increment_mg=1, target_dose_mg=3600, step_days=30))
    assert exc.value.errors[0].field == "increment_mg"
    assert str(MAX_PLAN_DAYS) in str(exc.value).replace(",", "")


def test_dispense_counts_whole_units_and_pairs_halves():
    # 900 mg/day as three halves of a 600 mg tablet for 2 days: 6 halves from 3 tablets.
    s = compute_schedule(make_plan(start_dose_mg=900, target_dose_mg=900, increment_mg=0, slot_fill="all",
                                   strengths_mg=(600,), step_days=2))
    assert [(x.strength_mg, x.count) for x in s.dispense] == [(600, 3)]
    # One half a day, one day only: the other half is never used, still a whole tablet.
    s = compute_schedule(make_plan(start_dose_mg=300, target_dose_mg=300, increment_mg=0, doses_per_day=1,
                                   strengths_mg=(600,)))
    assert [(x.strength_mg, x.count) for x in s.dispense] == [(600, 1)]


def test_dispense_matches_the_units_of_every_day():
    s = compute_schedule(make_plan(maintenance_days=11))
    assert [(x.strength_mg, x.form, x.count) for x in s.dispense] == [(300, "capsule", 1 + 2 + 3 * 12)]


def test_steps_group_days_with_the_same_doses():
    s = compute_schedule(make_plan(maintenance_days=11, taper=Taper(step_days=7, step_mg=300)))
    assert [(st.phase, st.total_mg, st.days) for st in s.steps] == [
        ("titration", 300, 1), ("titration", 600, 1), ("titration", 900, 1),
        ("maintenance", 900, 11), ("taper", 600, 7), ("taper", 300, 7), ("taper", 0, 1),
    ]


def test_no_kidney_function_is_noted():
    s = compute_schedule(make_plan())
    assert problem(s, "no-kidney-function").severity == "note"


def test_more_doses_than_the_label_gives_warns():
    s = compute_schedule(make_plan(doses_per_day=4, start_dose_mg=1200, target_dose_mg=1200, increment_mg=0))
    assert problem(s, "more-doses-than-label").field == "doses_per_day"


def test_pregabalin_raised_above_300_too_soon_in_postherpetic_neuralgia():
    s = compute_schedule(make_plan(drug="pregabalin", indication="postherpetic_neuralgia", start_dose_mg=150,
                                   increment_mg=150, target_dose_mg=600, step_days=7, doses_per_day=2))
    p = problem(s, "raised-too-soon")
    # Blocking with an override since issue 12: the label raises the dose "only after" (Lyrica 2.3).
    assert p.severity == "blocking" and "300 mg/day" in problem_text(p)
    assert p.value == "7 days at 300 mg/day before going above, label 14"
    s = compute_schedule(make_plan(drug="pregabalin", indication="postherpetic_neuralgia", start_dose_mg=150,
                                   increment_mg=150, target_dose_mg=600, step_days=14, doses_per_day=2))
    assert "raised-too-soon" not in codes(s)


def test_doses_per_day_follow_the_indication():
    # Lyrica section 2.5: fibromyalgia in two divided doses.
    s = compute_schedule(make_plan(drug="pregabalin", indication="fibromyalgia", start_dose_mg=150,
                                   increment_mg=150, target_dose_mg=300, step_days=7, doses_per_day=3))
    p = problem(s, "more-doses-than-label")
    assert "up to 2" in problem_text(p) and "fibromyalgia" in problem_text(p)
    s = compute_schedule(make_plan(drug="pregabalin", indication="fibromyalgia", start_dose_mg=150,
                                   increment_mg=150, target_dose_mg=300, step_days=7, doses_per_day=2))
    assert "more-doses-than-label" not in codes(s)


def test_a_recorded_override_lets_a_blocking_plan_be_exported():
    from planner.domain.plan import Override

    s = compute_schedule(make_plan(target_dose_mg=4200, step_days=3))
    assert s.has_blocking and not s.exportable
    assert [p.code for p in s.unresolved_blocking] == ["above-label-maximum"]
    value = s.unresolved_blocking[0].value  # an override covers the value it was recorded for
    s = compute_schedule(make_plan(target_dose_mg=4200, step_days=3,
                                   overrides=(Override("above-label-maximum", "Specialist decision", value),)))
    assert s.has_blocking and s.unresolved_blocking == () and s.exportable
    # An override of a different problem resolves nothing.
    s = compute_schedule(make_plan(target_dose_mg=4200, step_days=3,
                                   overrides=(Override("taper-too-short", "n/a"),)))
    assert not s.exportable
