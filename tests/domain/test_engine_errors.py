"""What the engine refuses is a code with values in the domain, and the same words as ever
once planner.text words it (the window and the command line show the worded error)."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.plan import Plan, PlanError
from planner.domain.schedule import MAX_PLAN_DAYS, compute_schedule
from planner.text.errors import worded

LONG = Plan(drug="gabapentin", start_date=date(2026, 1, 5), start_dose_mg=100, increment_mg=1, step_days=30,
            target_dose_mg=1800, doses_per_day=3)


def test_a_plan_too_long_is_a_code_and_values_in_the_domain():
    with pytest.raises(PlanError) as exc:
        compute_schedule(LONG)
    (e,) = exc.value.errors
    assert (e.field, e.code, e.message) == ("increment_mg", "engine.too-long", "")
    assert dict(e.values)["max_days"] == MAX_PLAN_DAYS and dict(e.values)["days"] > MAX_PLAN_DAYS


def test_worded_it_reads_as_before():
    with pytest.raises(PlanError) as exc:
        compute_schedule(LONG)
    days = dict(exc.value.errors[0].values)["days"]
    assert str(worded(exc.value)) == (
        f"increment_mg: the plan would run for {days:,} days; the planner makes plans of at most 3,650 days "
        "(10 years). Check increment_mg and step_days")


def test_wording_leaves_worded_errors_alone():
    from planner.domain.plan import FieldError

    exc = PlanError([FieldError("drug", "is missing")], summary="drug: is missing")
    assert worded(exc).errors == exc.errors and str(worded(exc)) == "drug: is missing"
