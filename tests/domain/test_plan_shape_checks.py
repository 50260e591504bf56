"""The checker on change and stop plans: the label's minimum taper length, the epilepsy
12-hour rule, review dates; and every new problem worded."""

from datetime import date

from helpers import codes

from planner.domain.plan import Plan, StepEdit, Taper
from planner.domain.regimen import longest_gap_minutes
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

DAY1 = date(2026, 12, 1)
UNEVEN = (("morning", 300), ("midday", 300), ("bedtime", 600))
CUT_ORDER = ("midday", "morning", "evening", "bedtime")


def plan(**changes) -> Plan:
    return Plan(drug="gabapentin", start_date=DAY1, **changes)


def test_a_stop_plan_faster_than_the_labels_minimum_is_blocking():
    # Neurontin 2.1 / profile taper_min_days: gabapentin over at least 7 days.
    s = compute_schedule(plan(kind="stop", current=(("bedtime", 600),), taper=Taper(step_days=3, step_mg=300)),
                         today=DAY1)
    p = next(p for p in s.blocking if p.code == "taper-too-short")
    assert p.values["taper_days"] == 3 and p.values["min_days"] == 7
    assert p.values["path"] == (600, 300, 0)  # from today's dose to the stop
    assert "600" in problem_text(p)


def test_a_stop_plan_at_once_is_blocking():
    s = compute_schedule(plan(kind="stop", current=(("bedtime", 600),)), today=DAY1)
    assert [d.total_mg for d in s.days] == [0]
    assert s.blocking and next(p for p in s.blocking if p.code == "taper-too-short").values["taper_days"] == 0


def test_a_stop_plan_over_the_minimum_passes():
    s = compute_schedule(plan(kind="stop", current=(("bedtime", 600),), taper=Taper(step_days=7, step_mg=300)),
                         today=DAY1)
    assert "taper-too-short" not in codes(s)


def test_an_epilepsy_stop_never_leaves_more_than_12_hours_between_doses():
    # Cutting midday first would leave morning 08:00 and bedtime 22:00: 14 hours apart by day. The
    # taper re-splits evenly into enough doses instead (Neurontin 2.2: no more than 12 hours).
    s = compute_schedule(plan(kind="stop", indication="epilepsy", current=UNEVEN,
                              taper=Taper(step_days=7, step_mg=300, order=CUT_ORDER)), today=DAY1)
    dosed = [d for d in s.days if d.doses]
    assert dosed and all(longest_gap_minutes([x.time for x in d.doses]) <= 12 * 60 for d in dosed)
    assert [st.total_mg for st in s.steps] == [900, 600, 300, 0]
    assert "gap-between-doses" not in codes(s)


def test_the_gap_check_applies_to_stop_plans():
    s = compute_schedule(plan(kind="stop", indication="epilepsy", current=(("morning", 300), ("bedtime", 300)),
                              taper=Taper(step_days=7, step_mg=200)), today=DAY1)
    p = next(p for p in s.blocking if p.code == "gap-between-doses")
    assert p.field == "current"  # its doses a day come from today's regimen


def _start(**changes) -> Plan:
    return plan(kind="start", start_dose_mg=300, increment_mg=300, step_days=2, target_dose_mg=900, doses_per_day=3,
                maintenance="review", **changes)


def test_a_review_before_the_target_is_reached_is_blocking():
    s = compute_schedule(_start(review_date=date(2026, 12, 4)), today=DAY1)  # 900 from 5 Dec
    p = next(p for p in s.blocking if p.code == "review-before-target")
    assert p.field == "review_date" and p.values["reached"] == date(2026, 12, 5)
    assert "Sat 5 Dec 2026" in problem_text(p)


def test_a_review_before_the_start_is_blocking():
    s = compute_schedule(_start(review_date=date(2026, 11, 30)), today=DAY1)
    assert "review-before-start" in {p.code for p in s.blocking}


def test_a_review_on_the_day_the_target_is_reached_is_fine():
    s = compute_schedule(_start(review_date=date(2026, 12, 5)), today=DAY1)
    assert not {"review-before-target", "review-before-start"} & codes(s)


def test_maintenance_until_review_without_a_date_is_blocking():
    s = compute_schedule(_start(), today=DAY1)
    assert "review-date-missing" in {p.code for p in s.blocking}


def test_every_new_problem_is_worded():
    plans = [
        plan(kind="stop", strengths_mg=(300,), current=(("morning", 250),), taper=Taper(step_days=7, step_mg=100)),
        _start(), _start(review_date=date(2026, 11, 1)), _start(review_date=date(2026, 12, 2)),
        _start(review_date=date(2027, 1, 1), step_edits=(StepEdit(9, days=2),
                                                        StepEdit(1, total_mg=300, doses=(("bedtime", 400),)))),
        plan(kind="change", current=(("bedtime", 900),), target_dose_mg=300),
    ]
    new = {"current-not-makeable", "review-date-missing", "review-before-start", "review-before-target",
           "step-edit-no-step", "step-edit-doses-sum", "change-down-needs-taper"}
    seen = set()
    for p in (p for pl in plans for p in compute_schedule(pl, today=DAY1).problems if p.code in new):
        text = problem_text(p)
        assert text and "{" not in text
        seen.add(p.code)
    assert seen == new
