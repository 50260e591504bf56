"""Issue 14's label checks: off-label use (always shown; stated maximum and reason required,
never above the label's maximum without a blocking problem), the SmPC's minimum titration
times for gabapentin, and a review more than 5 months after the start in PHN."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from planner.domain.check_steps import dosed_steps
from planner.domain.checks_labels import add_months, pace_problems
from planner.domain.plan import OFF_LABEL, OffLabel, Plan
from planner.domain.schedule import compute_schedule
from planner.domain.templates import label_template
from planner.text.problems import limit_text, problem_text

START = date(2027, 1, 4)
# The window's default before issue 14: +300 mg every day, 1800 mg/day on day 6.
OLD_DEFAULT = Plan(drug="gabapentin", start_date=START, start_dose_mg=300, increment_mg=300, step_days=1,
                   target_dose_mg=1800, doses_per_day=3, indication="postherpetic_neuralgia", kind="start",
                   maintenance="review", review_date=date(2027, 3, 1))


def problems(plan):
    return {p.code: p for p in compute_schedule(plan, today=START).problems}


def test_the_old_default_rises_too_fast():
    p = problems(OLD_DEFAULT)["titration-too-fast"]
    assert p.severity == "warning" and p.field == "step_days"
    assert p.source.startswith("Gabapentin SmPC (UK), section 4.2, peripheral neuropathic pain")
    assert (p.values["mg"], p.values["day"].day, p.values["earliest_day"]) == (1800, 6, 8)
    text = problem_text(p)
    assert "1800 mg/day on day 6" in text and "5 days after day 1" in text and "day 8 at the earliest" in text


@pytest.mark.parametrize("indication", ["postherpetic_neuralgia", "epilepsy"])
def test_the_templates_keep_the_pace(indication):
    plan = label_template("gabapentin", indication, START)
    assert "titration-too-fast" not in problems(plan)


@pytest.mark.parametrize("step_days,first_day_at_1800,warned", [(1, 6, True), (2, 11, False)])
def test_1800_no_sooner_than_day_8(step_days, first_day_at_1800, warned):
    plan = replace(OLD_DEFAULT, step_days=step_days)
    s = compute_schedule(plan, today=START)
    assert next(d.day for d in s.days if d.total_mg >= 1800) == first_day_at_1800
    assert ("titration-too-fast" in {p.code for p in s.problems}) == warned


def test_day_8_is_allowed_and_day_7_is_not():
    # 900 mg/day from day 1, +300 every 2 days: 1800 on day 7; with the first step 3 days: on day 8.
    fast = Plan(drug="gabapentin", start_date=START, start_dose_mg=900, increment_mg=300, step_days=2,
                target_dose_mg=1800, doses_per_day=3, indication="epilepsy", kind="start",
                maintenance="review", review_date=date(2027, 3, 1))
    s = compute_schedule(fast, today=START)
    assert next(d.day for d in s.days if d.total_mg >= 1800) == 7
    assert "titration-too-fast" in {p.code for p in s.problems}
    slower = replace(fast, increment_mg=450, step_days=7)  # 1350 on day 8, 1800 on day 15
    assert "titration-too-fast" not in problems(slower)
    at_day_8 = replace(fast, increment_mg=900, step_days=7)  # 1800 on day 8 exactly
    s = compute_schedule(at_day_8, today=START)
    assert next(d.day for d in s.days if d.total_mg >= 1800) == 8
    assert "titration-too-fast" not in {p.code for p in s.problems}


def test_2400_no_sooner_than_2_weeks():
    plan = replace(OLD_DEFAULT, start_dose_mg=900, increment_mg=300, step_days=2, target_dose_mg=2400,
                   indication="epilepsy")  # 1800 on day 7 is the first to fire
    p = problems(plan)["titration-too-fast"]
    assert p.values["mg"] == 1800
    plan = replace(plan, step_days=3)  # 1800 on day 10, 2400 on day 16: both in time
    assert "titration-too-fast" not in problems(plan)
    plan = replace(plan, start_dose_mg=1800, increment_mg=600, step_days=8)  # 1800 day 1, 2400 day 9
    p = problems(plan)["titration-too-fast"]
    assert p.values["mg"] == 1800 and p.values["day"].day == 1


def test_pregabalin_has_no_smpc_pace():
    plan = label_template("pregabalin", "postherpetic_neuralgia", START)
    assert "titration-too-fast" not in problems(replace(plan, step_days=1))


def test_change_plans_are_not_held_to_the_start_times():
    s = compute_schedule(OLD_DEFAULT, today=START)
    dosed = dosed_steps(s)
    assert pace_problems(s, dosed)
    for kind in ("change", "stop"):
        assert pace_problems(replace(s, plan=replace(OLD_DEFAULT, kind=kind)), dosed) == []


# --- the review ---------------------------------------------------------------------------


def test_review_more_than_5_months_after_the_start_is_a_warning():
    ok = replace(OLD_DEFAULT, step_days=3, review_date=date(2027, 6, 4))
    assert "review-beyond-reassessment" not in problems(ok)
    late = replace(ok, review_date=date(2027, 6, 5))
    p = problems(late)["review-beyond-reassessment"]
    assert p.severity == "warning" and p.field == "review_date"
    assert p.source.startswith("Gabapentin SmPC (UK), section 4.2, peripheral neuropathic pain")
    assert "5 months" in p.source and p.values["latest"] == date(2027, 6, 4)
    assert "more than 5 months" in problem_text(p) and "Fri 4 Jun 2027" in problem_text(p)


def test_the_review_rule_is_for_peripheral_neuropathic_pain_only():
    late = replace(OLD_DEFAULT, step_days=3, review_date=date(2028, 1, 1))
    assert "review-beyond-reassessment" not in problems(replace(late, indication="epilepsy", start_dose_mg=900))
    preg = replace(label_template("pregabalin", "postherpetic_neuralgia", START), review_date=date(2028, 1, 1))
    assert "review-beyond-reassessment" not in problems(preg)


def test_the_template_review_is_within_5_months():
    plan = label_template("gabapentin", "postherpetic_neuralgia", START)
    assert "review-beyond-reassessment" not in problems(plan)


def test_add_months():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 9, 30), 5) == date(2028, 2, 29)
    assert add_months(date(2027, 1, 4), 5) == date(2027, 6, 4)


# --- off-label use ----------------------------------------------------------------------------

OFF = replace(OLD_DEFAULT, step_days=3, indication=OFF_LABEL,
              off_label=OffLabel(max_daily_mg=1200, reason="painful diabetic neuropathy"))


def test_off_label_use_is_always_shown_with_reason_and_maximum():
    s = compute_schedule(replace(OFF, target_dose_mg=1200), today=START)
    found = {p.code: p for p in s.problems}
    p = found["off-label-use"]
    assert p.severity == "warning" and p.field == "indication"
    assert p.source == "Stated by the prescriber, off-label: painful diabetic neuropathy"
    assert "painful diabetic neuropathy" in problem_text(p) and "1200 mg/day" in problem_text(p)
    assert not s.has_blocking
    # The stated maximum is a limit of its own, beside the label's.
    assert s.limits.stated.mg == Decimal(1200) and s.limits.stated.kind == "stated-maximum"
    assert s.limits.stated in s.limits.lines
    assert s.limits.label_maximum.mg == 3600
    assert limit_text(s.limits.stated) == "stated maximum 1200 mg/day (off-label)"


def test_a_day_above_the_stated_maximum_is_blocking():
    p = problems(OFF)["above-stated-maximum"]
    assert p.severity == "blocking" and p.value == "peak 1800 mg/day, maximum 1200 mg/day"
    assert p.values["day"].total_mg == 1500


@pytest.mark.parametrize("drug,label,stated", [("gabapentin", 3600, 4800), ("pregabalin", 600, 900)])
def test_a_stated_maximum_above_the_label_is_blocking(drug, label, stated):
    base = label_template(drug, "epilepsy", START)
    plan = replace(base, indication=OFF_LABEL, off_label=OffLabel(stated, "trigeminal neuralgia"))
    p = problems(plan)["stated-maximum-above-label"]
    assert p.severity == "blocking" and p.field == "off_label.max_daily_mg"
    assert p.value == f"stated maximum {stated} mg/day, label maximum {label} mg/day"
    assert f"{label} mg/day" in problem_text(p)
    within = replace(plan, off_label=OffLabel(label, "trigeminal neuralgia"))
    assert "stated-maximum-above-label" not in problems(within)


@pytest.mark.parametrize("off_label,field", [
    (None, "off_label"),
    (OffLabel(None, "neuropathic pain"), "off_label.max_daily_mg"),
    (OffLabel(1200, None), "off_label.reason"),
    (OffLabel(1200, "  "), "off_label.reason"),
])
def test_an_off_label_plan_without_its_data_is_blocked(off_label, field):
    found = problems(replace(OFF, off_label=off_label, target_dose_mg=900))
    p = found["off-label-undeclared"]
    assert p.severity == "blocking" and p.field == field
    assert "off-label" in problem_text(p)
    assert "off-label-use" not in found


def test_a_label_indication_has_no_off_label_problem():
    found = problems(replace(OFF, indication="postherpetic_neuralgia"))
    assert not {"off-label-use", "off-label-undeclared", "above-stated-maximum"} & set(found)
