"""The engine lays out each kind of plan (issue 14): start, change up or down from today's
regimen, stop from it, and start_and_stop (format version 1's shape)."""

from datetime import date, timedelta

import pytest
from helpers import codes, doses_of

from planner.domain.plan import Plan, PlanError, Taper
from planner.domain.schedule import compute_schedule

DAY1 = date(2026, 12, 1)
UNEVEN = (("morning", 300), ("midday", 300), ("bedtime", 600))
CUT_ORDER = ("midday", "morning", "evening", "bedtime")


def plan(**changes) -> Plan:
    return Plan(drug="gabapentin", start_date=DAY1, **changes)


def steps(s) -> list[tuple[int, int, str, list[tuple[str, int]]]]:
    """(first day, last day, total, doses) per row."""
    return [(st.first_day, st.last_day, st.total_mg, doses_of(st)) for st in s.steps]


def test_stop_from_an_uneven_regimen_cuts_in_the_stated_order():
    s = compute_schedule(plan(kind="stop", current=UNEVEN, taper=Taper(step_days=7, step_mg=300, order=CUT_ORDER)),
                         today=DAY1)
    assert steps(s) == [
        (1, 7, 900, [("morning", 300), ("bedtime", 600)]),  # midday gives up the whole 300
        (8, 14, 600, [("bedtime", 600)]),  # midday has none left: morning gives it
        (15, 21, 300, [("bedtime", 300)]),  # evening has none: bedtime
        (22, 22, 0, []),  # the first day without the medicine
    ]
    assert not s.continues
    assert s.end_date == DAY1 + timedelta(days=21)
    assert not s.has_blocking


def test_a_cut_larger_than_the_first_dose_takes_the_rest_from_the_next():
    s = compute_schedule(plan(kind="stop", current=UNEVEN,
                              taper=Taper(step_days=7, step_mg=400, order=CUT_ORDER)), today=DAY1)
    # 1200 -> 800: midday 300 and 100 of the morning's; -> 400: the morning's 200 and 200 of bedtime's.
    assert [(t, d) for _, _, t, d in steps(s)][:2] == [
        (800, [("morning", 200), ("bedtime", 600)]),
        (400, [("bedtime", 400)]),
    ]


def test_stop_without_an_order_re_splits_evenly_as_version_1_did():
    # 100 mg capsules only: with every strength, one product (300 mg capsules) gives the low
    # taper steps in fewer doses (tests/domain/test_products.py).
    s = compute_schedule(plan(kind="stop", current=UNEVEN, taper=Taper(step_days=7, step_mg=300),
                              strengths_mg=(100,)), today=DAY1)
    assert steps(s) == [
        (1, 7, 900, [("morning", 300), ("midday", 300), ("bedtime", 300)]),
        (8, 14, 600, [("morning", 200), ("midday", 200), ("bedtime", 200)]),
        (15, 21, 300, [("morning", 100), ("midday", 100), ("bedtime", 100)]),
        (22, 22, 0, []),
    ]


def test_todays_regimen_is_made_of_units_and_is_not_a_day():
    s = compute_schedule(plan(kind="stop", current=UNEVEN, taper=Taper(step_days=7, step_mg=300)), today=DAY1)
    assert [(d.slot, d.mg, [(u.strength_mg, u.count) for u in d.units]) for d in s.current] == [
        ("morning", 300, [(300, 1)]), ("midday", 300, [(300, 1)]), ("bedtime", 600, [(600, 1)])]
    assert s.days[0].date == DAY1 and s.days[0].total_mg == 900  # day 1 is the first change


def test_todays_regimen_the_strengths_cannot_make_is_blocking_and_the_plan_is_still_laid_out():
    s = compute_schedule(plan(kind="stop", strengths_mg=(300,), current=(("morning", 250), ("bedtime", 600)),
                              taper=Taper(step_days=7, step_mg=300)), today=DAY1)
    p = next(p for p in s.problems if p.code == "current-not-makeable")
    assert p.severity == "blocking" and p.field == "current" and p.values["amounts"] == (250,)
    assert [d.units for d in s.current][0] == ()
    assert s.days and s.days[-1].total_mg == 0


def test_change_up_starts_from_todays_dose_plus_the_increment():
    s = compute_schedule(plan(kind="change", current=(("morning", 300), ("midday", 300), ("bedtime", 300)),
                              target_dose_mg=1800, increment_mg=300, step_days=3, maintenance="days",
                              maintenance_days=7), today=DAY1)
    assert [(a, b, t) for a, b, t, _ in steps(s)] == [(1, 3, 1200), (4, 6, 1500), (7, 9, 1800), (10, 16, 1800)]
    assert doses_of(s.days[-1]) == [("morning", 600), ("midday", 600), ("bedtime", 600)]
    assert s.continues and not s.has_blocking


def test_change_down_reduces_by_the_tapers_step_to_the_target_then_continues():
    s = compute_schedule(plan(kind="change", current=(("morning", 600), ("midday", 600), ("bedtime", 600)),
                              target_dose_mg=900, taper=Taper(step_days=7, step_mg=300), maintenance="days",
                              maintenance_days=14), today=DAY1)
    assert [(st.first_day, st.last_day, st.total_mg, st.phase) for st in s.steps] == [
        (1, 7, 1500, "taper"), (8, 14, 1200, "taper"), (15, 21, 900, "taper"), (22, 35, 900, "maintenance")]
    assert s.days[-1].total_mg == 900 and s.continues
    assert "taper-too-short" not in codes(s)  # a change down does not stop the drug


def test_change_down_never_passes_the_target():
    s = compute_schedule(plan(kind="change", current=(("bedtime", 1200),), target_dose_mg=700,
                              taper=Taper(step_days=7, step_mg=300)), today=DAY1)
    assert [st.total_mg for st in s.steps] == [900, 700]


def test_change_down_without_a_taper_is_blocking_and_lays_out_nothing():
    s = compute_schedule(plan(kind="change", current=(("bedtime", 900),), target_dose_mg=300), today=DAY1)
    assert s.days == () and "change-down-needs-taper" in {p.code for p in s.blocking}


def test_start_until_review_runs_through_the_review_date_and_continues():
    review = date(2027, 3, 1)
    s = compute_schedule(plan(kind="start", start_dose_mg=300, increment_mg=300, step_days=2, target_dose_mg=900,
                              doses_per_day=3, maintenance="review", review_date=review,
                              taper=Taper(step_days=7, step_mg=300)), today=DAY1)
    assert s.end_date == review and s.review_date == review
    assert s.continues and s.days[-1].total_mg == 900 and s.days[-1].phase == "maintenance"
    assert all(d.phase != "taper" for d in s.days)  # a start plan never tapers


def test_maintenance_days_keeps_version_1s_length():
    s = compute_schedule(plan(kind="start", start_dose_mg=300, increment_mg=300, step_days=1, target_dose_mg=900,
                              doses_per_day=3, maintenance="days", maintenance_days=10), today=DAY1)
    assert len(s.days) == 13 and s.review_date is None and s.continues


def test_start_and_stop_is_version_1s_shape():
    s = compute_schedule(plan(start_dose_mg=300, increment_mg=300, step_days=1, target_dose_mg=900,
                              doses_per_day=3, maintenance_days=2, taper=Taper(step_days=2, step_mg=300)),
                         today=DAY1)
    assert [d.total_mg for d in s.days] == [300, 600, 900, 900, 900, 600, 600, 300, 300, 0]
    assert s.current == () and not s.continues


def test_a_stop_plans_doses_a_day_come_from_todays_regimen():
    s = compute_schedule(plan(kind="stop", current=(("morning", 400), ("bedtime", 400)), doses_per_day=4,
                              taper=Taper(step_days=7, step_mg=200)), today=DAY1)
    assert max(len(d.doses) for d in s.days) == 2


def test_a_plan_missing_what_its_kind_needs_names_the_field():
    with pytest.raises(PlanError) as e:
        compute_schedule(plan(kind="stop", taper=Taper(step_days=7, step_mg=300)), today=DAY1)
    assert [x.field for x in e.value.errors] == ["current"]
    assert e.value.errors[0].code == "engine.missing-for-kind"


def test_a_start_at_its_target_needs_no_increment():
    s = compute_schedule(plan(kind="start", start_dose_mg=900, step_days=3, target_dose_mg=900, doses_per_day=3,
                              maintenance="days", maintenance_days=4), today=DAY1)
    assert [d.total_mg for d in s.days] == [900] * 7


def test_a_start_and_stop_taper_follows_the_cut_order_from_the_maintenance_split():
    s = compute_schedule(plan(start_dose_mg=1000, increment_mg=0, step_days=2, target_dose_mg=1000,
                              doses_per_day=3, slot_fill="all",
                              taper=Taper(step_days=7, step_mg=300, order=("bedtime", "evening", "midday",
                                                                           "morning"))), today=DAY1)
    # 1000 is given 300 morning, 300 midday, 400 bedtime (larger doses at bedtime); bedtime is cut first.
    assert doses_of(s.days[0]) == [("morning", 300), ("midday", 300), ("bedtime", 400)]
    assert [(st.total_mg, doses_of(st)) for st in s.steps if st.phase == "taper"][:3] == [
        (700, [("morning", 300), ("midday", 300), ("bedtime", 100)]),
        (400, [("morning", 300), ("midday", 100)]),
        (100, [("morning", 100)]),
    ]
