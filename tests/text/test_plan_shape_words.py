"""The engine's refusal of a plan missing what its kind needs, in words naming the field."""

from datetime import date

import pytest

from planner.domain.plan import Plan, PlanError, Taper
from planner.domain.schedule import compute_schedule
from planner.text.errors import worded


def test_a_stop_plan_without_todays_regimen_is_refused_in_words():
    with pytest.raises(PlanError) as e:
        compute_schedule(Plan(drug="gabapentin", start_date=date(2026, 12, 1), kind="stop",
                              taper=Taper(step_days=7, step_mg=300)))
    assert str(worded(e.value)) == "current: a plan of kind stop needs this field"
