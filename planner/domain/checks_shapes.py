"""The inputs of each kind of plan that cannot make one (the engine lays out no days for
them): a target the increment never reaches, a target below the start without a taper, a
change down without a taper. What laying out finds (today's regimen the strengths cannot
make, a review date before the target, a step edit naming no step) the engine reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.kinds import current_total
from planner.domain.problem import Problem

if TYPE_CHECKING:
    from planner.domain.days import Schedule


def shape_problems(s: "Schedule") -> list[Problem]:
    plan = s.plan
    if plan.kind == "stop":
        return []
    if plan.kind == "change":
        start, field = current_total(plan), "current"
    else:
        start, field = plan.start_dose_mg, "start_dose_mg"
    target = plan.target_dose_mg
    doses = {"start_mg": start, "target_mg": target}
    out: list[Problem] = []
    if target > start and not plan.increment_mg:
        out.append(Problem("increment-cannot-reach-target", "blocking", "increment_mg",
                           value=canonical.cannot_reach(start, target), values=doses))
    if target < start:
        if plan.kind == "change":
            if plan.taper is None:
                out.append(Problem("change-down-needs-taper", "blocking", "taper",
                                   value=canonical.target_below_start(target, start), values=doses))
        elif plan.taper is None or plan.kind == "start":
            # A start plan never tapers: a target below its start is a typo or a stop plan.
            out.append(Problem("target-below-start", "blocking", "target_dose_mg",
                               value=canonical.target_below_start(target, start), values=doses))
        else:
            # Words that say what the days do: how long the start dose is held, the first reduction.
            first = next((d for d in s.days if d.phase == "taper"), None)
            out.append(Problem("reduction-plan", "note", "target_dose_mg", values={
                **doses, "first_day": first.day if first else 1, "first_mg": first.total_mg if first else 0}))
    return out
