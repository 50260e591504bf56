"""Which recorded override covers a problem: the clinician's decision holds for the problem's
code at the value it was recorded for, and for nothing else."""

from __future__ import annotations

from planner.domain.problem import Problem


def covering_override(overrides, problem: Problem):
    """The override that covers this problem: recorded for its code AND its present value.
    One recorded for another value (or, from an older file, for no value) covers nothing:
    a changed problem needs a new decision."""
    return next((o for o in overrides
                 if o.code == problem.code and o.value is not None and o.value == problem.value), None)


def stale_override(overrides, problem: Problem):
    """An override of this problem's code that does not cover its present value, if any."""
    if covering_override(overrides, problem) is not None:
        return None
    return next((o for o in overrides if o.code == problem.code), None)
