"""What each kind of plan (Plan.kind) starts from and aims at, read from the plan alone so the
engine and the checker agree.

start and start_and_stop begin with the drug on day 1; change and stop begin from today's
regimen (Plan.current), and day 1 is the first change from it.
"""

from __future__ import annotations

from planner.domain.plan import Plan

FROM_CURRENT = ("change", "stop")


def from_current(plan: Plan) -> bool:
    """The plan starts from what the patient takes today."""
    return plan.kind in FROM_CURRENT


def current_total(plan: Plan) -> int:
    """Today's daily dose (0 for plans that start the drug)."""
    return sum(mg for _, mg in plan.current or ()) if from_current(plan) else 0


def doses_per_day(plan: Plan) -> int:
    """How many doses a day the plan gives. A stop plan takes it from today's regimen; a
    change plan from doses_per_day where given, else from today's regimen."""
    taken = sum(1 for _, mg in plan.current or () if mg > 0)
    if plan.kind == "stop" or (plan.kind == "change" and plan.doses_per_day is None):
        return max(taken, 1)
    return plan.doses_per_day if plan.doses_per_day is not None else 1


def target_mg(plan: Plan) -> int:
    """The daily dose the plan aims at: a stop plan's is 0."""
    if plan.kind == "stop":
        return 0
    return plan.target_dose_mg if plan.target_dose_mg is not None else 0


def starting_mg(plan: Plan) -> int:
    """The dose the plan moves from: today's for change and stop plans, else the start dose."""
    if from_current(plan):
        return current_total(plan)
    return plan.start_dose_mg if plan.start_dose_mg is not None else 0


def tapers_to_zero(plan: Plan) -> bool:
    """The plan ends with the drug stopped."""
    return plan.kind == "stop" or (plan.kind == "start_and_stop" and plan.taper is not None)


def required_fields(plan: Plan) -> tuple[str, ...]:
    """The fields the engine needs for this kind of plan that are missing."""
    need = {
        "start": ("start_dose_mg", "step_days", "target_dose_mg", "doses_per_day"),
        "start_and_stop": ("start_dose_mg", "step_days", "target_dose_mg", "doses_per_day"),
        "change": ("current", "target_dose_mg"),
        "stop": ("current",),
    }[plan.kind]
    missing = [f for f in need if _absent(getattr(plan, f))]
    if missing:
        return tuple(missing)
    # Rising needs the increment and the step length; a plan that only holds or reduces does not.
    if plan.kind != "stop" and plan.target_dose_mg > starting_mg(plan):
        missing += [f for f in ("increment_mg", "step_days") if getattr(plan, f) is None]
    return tuple(missing)


def _absent(value) -> bool:
    return value is None or value == ()
