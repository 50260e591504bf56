import os

# Qt must be told before it is first imported: tests never open a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace  # noqa: E402
from datetime import date  # noqa: E402

import pytest  # noqa: E402

from planner.core.plan import Plan  # noqa: E402


def make_plan(**changes) -> Plan:
    """A plain gabapentin plan (the label's postherpetic neuralgia start), changed as asked."""
    base = Plan(
        drug="gabapentin",
        start_date=date(2026, 12, 1),
        start_dose_mg=300,
        increment_mg=300,
        step_days=1,
        target_dose_mg=900,
        doses_per_day=3,
    )
    return replace(base, **changes)


@pytest.fixture
def plan_factory():
    return make_plan
