"""What the checks read of a schedule step by step: every day of a step has the step's dose,
so "the first day above 1800 mg", "the highest dose", "how many days at 900 mg" are asked once
a step, not once a day (a two-year plan has 800 days and 35 steps). A problem still names the
Day it is about (the step's first day, the same object as in Schedule.days)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.domain.days import Day, Schedule, Step


def dosed_steps(s: "Schedule") -> list["Step"]:
    """The steps whose days have a dose (not the stop day), in order."""
    return [st for st in s.steps if st.total_mg > 0]


def first_day(s: "Schedule", steps: list["Step"], where: Callable[["Step"], bool]) -> "Day | None":
    """The first day of the first of steps where `where` holds."""
    st = next((st for st in steps if where(st)), None)
    return s.days[st.first_day - 1] if st is not None else None


def peak_mg(steps: list["Step"]) -> int:
    return max((st.total_mg for st in steps), default=0)
