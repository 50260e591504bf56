"""The prescriber's step edits (Plan.step_edits): a step's daily dose, its split, its length,
a hold after it; later steps follow in time; edits are marked; a step that does not exist
is a problem, not a crash."""

from dataclasses import replace
from datetime import date

from helpers import codes, doses_of

from planner.domain.plan import Plan, StepEdit
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

DAY1 = date(2026, 12, 1)


def plan(*edits: StepEdit) -> Plan:
    # 300, 600, 900, 1200 mg/day, two days each, three doses a day from day 1, then 1200 for 4 days.
    return Plan(drug="gabapentin", start_date=DAY1, kind="start", start_dose_mg=300, increment_mg=300, step_days=2,
                target_dose_mg=1200, doses_per_day=3, slot_fill="all", maintenance="days", maintenance_days=4,
                step_edits=edits)


def rows(s):
    return [(st.segment, st.first_day, st.last_day, st.total_mg, st.edited, st.hold) for st in s.steps]


def test_unedited_steps_are_numbered_from_1():
    s = compute_schedule(plan(), today=DAY1)
    assert rows(s) == [(1, 1, 2, 300, False, False), (2, 3, 4, 600, False, False), (3, 5, 6, 900, False, False),
                       (4, 7, 8, 1200, False, False), (5, 9, 12, 1200, False, False)]


def test_a_new_daily_dose_is_split_as_the_engine_splits_and_marked():
    s = compute_schedule(plan(StepEdit(2, total_mg=750)), today=DAY1)
    assert rows(s)[1] == (2, 3, 4, 700, True, False)  # 750 cannot be made: ties go down, as for any input
    edited = s.steps[1]
    assert sum(d.mg for d in edited.doses) == edited.total_mg and len(edited.doses) == 3
    assert rows(s)[2] == (3, 5, 6, 900, False, False)  # later steps keep their doses


def test_an_amount_the_strengths_cannot_make_is_rounded_and_recorded():
    s = compute_schedule(plan(StepEdit(2, total_mg=750)), today=DAY1)
    [r] = [r for r in s.roundings if r.field == "step_edits[0].total_mg"]
    assert r.wanted == 750 and r.used == s.steps[1].total_mg and r.day == 3


def test_explicit_doses_are_laid_out_as_given_and_their_sum_is_the_days_dose():
    s = compute_schedule(plan(StepEdit(3, doses=(("morning", 200), ("midday", 200), ("bedtime", 600)))), today=DAY1)
    st = s.steps[2]
    assert (st.total_mg, doses_of(st), st.edited) == (1000, [("morning", 200), ("midday", 200), ("bedtime", 600)],
                                                      True)


def test_doses_that_do_not_add_up_to_the_daily_dose_are_blocking():
    s = compute_schedule(plan(StepEdit(3, total_mg=900, doses=(("morning", 300), ("bedtime", 300)))), today=DAY1)
    p = next(p for p in s.blocking if p.code == "step-edit-doses-sum")
    assert p.field == "step_edits[0].doses" and "600 mg" in problem_text(p) and "900 mg/day" in problem_text(p)
    assert s.steps[2].total_mg == 600  # the doses as given


def test_a_new_length_moves_later_steps_in_time():
    s = compute_schedule(plan(StepEdit(1, days=5)), today=DAY1)
    assert rows(s)[:2] == [(1, 1, 5, 300, True, False), (2, 6, 7, 600, False, False)]
    assert s.days[5].date == date(2026, 12, 6) and s.days[5].total_mg == 600


def test_a_hold_is_inserted_after_the_step_at_its_dose():
    s = compute_schedule(plan(StepEdit(2, hold_days=7)), today=DAY1)
    assert rows(s)[1:4] == [(2, 3, 4, 600, False, False), (3, 5, 11, 600, False, True),
                            (4, 12, 13, 900, False, False)]
    assert [d.hold for d in s.days[4:11]] == [True] * 7


def test_edits_after_a_hold_number_the_steps_as_laid_out_after_it():
    # The hold becomes step 3, so step 4 is the 900 mg/day step.
    s = compute_schedule(plan(StepEdit(2, hold_days=7), StepEdit(4, days=1)), today=DAY1)
    assert rows(s)[3] == (4, 12, 12, 900, True, False)


def test_a_step_that_does_not_exist_is_a_problem_not_a_crash():
    s = compute_schedule(plan(StepEdit(9, total_mg=600)), today=DAY1)
    p = next(p for p in s.problems if p.code == "step-edit-no-step")
    assert p.severity == "blocking" and p.field == "step_edits[0].step"
    assert "step 9" in problem_text(p) and "5 steps" in problem_text(p)
    assert [st.total_mg for st in s.steps] == [300, 600, 900, 1200, 1200]  # the plan as without the edit


def test_an_edited_plan_is_checked_like_any_other():
    s = compute_schedule(plan(StepEdit(4, total_mg=4800)), today=DAY1)
    assert "above-label-maximum" in codes(s)


def test_maintenance_until_review_still_ends_on_the_review_date_after_a_longer_step():
    review = date(2027, 1, 31)
    base = Plan(drug="gabapentin", start_date=DAY1, kind="start", start_dose_mg=300, increment_mg=300, step_days=2,
                target_dose_mg=900, doses_per_day=3, maintenance="review", review_date=review)
    s = compute_schedule(base, today=DAY1)
    edited = compute_schedule(replace(base, step_edits=(StepEdit(1, days=10),)), today=DAY1)
    assert s.end_date == edited.end_date == review
    assert len(edited.days) == len(s.days)


def test_a_step_after_a_hold_is_its_own_row_even_at_the_same_dose():
    from planner.domain.days import Day, group_steps

    days = tuple(Day(n, date(2026, 12, n), "taper", 600, (), segment=seg, hold=hold)
                 for n, seg, hold in ((1, 1, False), (2, 2, True), (3, 3, False)))
    assert [(st.first_day, st.hold) for st in group_steps(days)] == [(1, False), (2, True), (3, False)]
