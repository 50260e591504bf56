"""Label-start templates (issue 14): a new plan for a drug and indication, from the label's
start, pace and target cited in the profile (resources/profiles/*.json, each indication's
"template"), which the clinician then changes.

- start: the label's start dose, its steps and its target; the label's day-by-day start
  (gabapentin PHN: 300 mg on day 1, 600 on day 2) as step edits that shorten the first steps;
  then the plan continues at the target until a review.
- change: from today's regimen (current) to the target (default: the template's), up at the
  template's pace or down by the drug's default taper; then continues until a review.
- stop: from today's regimen to zero by the drug's default taper.
- start_and_stop: the start, held for the same interval a review would come after, then the
  default taper (format version 1's shape).

Project choices, stated in the profile beside their numbers ("template_defaults"): the review
comes review_after_target_days (4 weeks) after the day the target is first taken; the default
taper is practice, not label (NHS Fife leaflet: gabapentin 300 mg, pregabalin 75 mg a week),
cutting the times of day in the reverse of the order a titration adds them (bedtime last).
An indication without a template (off-label) leaves the start, pace and target empty for the
clinician, and its off_label data (maximum, reason) to be stated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from planner.domain.plan import OFF_LABEL, PLAN_KINDS, OffLabel, Plan, StepEdit, Taper
from planner.domain.profiles import Indication, Profile, load_profile
from planner.domain.template_profile import LabelTemplate

# A percentage taper could in principle never reach its target: count this many steps at most.
_MAX_STEPS = 1000


def template_for(profile: Profile, indication_id: str | None) -> LabelTemplate | None:
    """The indication's label template, or None (no indication, or off-label)."""
    if indication_id is None:
        return None
    return profile.indication(indication_id).template


def label_template(drug: str, indication: str | None, start_date: date, kind: str = "start", *,
                   current: tuple[tuple[str, int], ...] | None = None, target_mg: int | None = None,
                   review_date: date | None = None) -> Plan:
    """A new plan of this kind from the label's template for the drug and indication.

    Raises KeyError for a drug or indication the profiles do not have, ValueError for an
    unknown kind. current (today's regimen) is for change and stop plans; target_mg replaces
    the template's target; review_date replaces the default review."""
    if kind not in PLAN_KINDS:
        raise ValueError(kind)
    profile = load_profile(drug)
    ind: Indication | None = profile.indication(indication) if indication is not None else None
    t = ind.template if ind is not None else None
    defaults = profile.template_defaults
    taper = Taper(step_days=defaults.taper.step_days, step_mg=defaults.taper.step_mg, order=defaults.taper_order) \
        if defaults is not None else None
    plan = Plan(
        drug=profile.id,
        start_date=start_date,
        indication=indication,
        kind=kind,
        off_label=OffLabel() if indication == OFF_LABEL else None,
        doses_per_day=t.doses_per_day.value if t is not None else profile.usual_doses_per_day.value,
    )
    pace = dict(increment_mg=t.increment_mg.value, step_days=t.step_days.value) if t is not None else {}
    target = target_mg if target_mg is not None else (t.target_mg.value if t is not None else None)

    if kind in ("start", "start_and_stop"):
        plan = replace(plan, **pace, target_dose_mg=target, step_edits=_first_steps(t))
        if t is not None:
            plan = replace(plan, start_dose_mg=t.start_mg.value, slot_fill=t.slot_fill)
        if kind == "start":
            plan = replace(plan, maintenance="review")
        else:
            hold = defaults.review_after_target_days.value if defaults is not None else 0
            plan = replace(plan, maintenance="days", maintenance_days=hold, taper=taper)
    elif kind == "change":
        plan = replace(plan, **pace, current=current, target_dose_mg=target, taper=taper, slot_fill="all",
                       maintenance="review")
    else:  # stop: today's doses set the split; nothing to reach but zero
        plan = replace(plan, current=current, taper=taper, doses_per_day=None, maintenance="days")

    if plan.maintenance == "review":
        plan = replace(plan, review_date=review_date if review_date is not None else default_review_date(plan, profile))
    return plan


def _first_steps(t: LabelTemplate | None) -> tuple[StepEdit, ...]:
    if t is None:
        return ()
    return tuple(StepEdit(step=k, days=days) for k, days in enumerate(t.first_steps_days, start=1))


def default_review_date(plan: Plan, profile: Profile) -> date | None:
    """The review a template offers: review_after_target_days after the plan day the target is
    first taken (from the plan's own start, steps and step edits' lengths). None where the plan
    lacks the numbers to say (the clinician fills the date)."""
    defaults = profile.template_defaults
    day = target_day(plan)
    if defaults is None or day is None:
        return None
    return plan.start_date + timedelta(days=day - 1 + defaults.review_after_target_days.value)


def target_day(plan: Plan) -> int | None:
    """The plan day (day 1 = start date) the target dose is first taken, as the plan's numbers
    lay it out (holds inserted by step edits are not counted). None when a number is missing."""
    target = plan.target_dose_mg
    if target is None:
        return None
    if plan.kind in ("start", "start_and_stop"):
        if None in (plan.start_dose_mg, plan.increment_mg, plan.step_days):
            return None
        return _day_after_steps(_steps_up(plan.start_dose_mg, target, plan.increment_mg), plan)
    if plan.kind == "change":
        if not plan.current:
            return None
        now = sum(mg for _, mg in plan.current)
        if target > now:
            if not plan.increment_mg or not plan.step_days:
                return None
            # Day 1 is the first change (issue 14's decision): the first step up is taken on day 1.
            changes = -(-(target - now) // plan.increment_mg)
            return 1 + (changes - 1) * plan.step_days
        if target < now:
            steps = _steps_down(now, target, plan.taper)
            return None if steps is None else 1 + (steps - 1) * plan.taper.step_days
        return 1
    return None


def _steps_up(start: int, target: int, increment: int) -> int:
    """How many doses the climb takes, the start included (1 when the start is the target)."""
    if target <= start or increment <= 0:
        return 1
    return 1 + -(-(target - start) // increment)


def _day_after_steps(steps: int, plan: Plan) -> int:
    lengths = {e.step: e.days for e in plan.step_edits if e.days is not None}
    return 1 + sum(lengths.get(k, plan.step_days) for k in range(1, steps))


def _steps_down(now: int, target: int, taper: Taper | None) -> int | None:
    if taper is None:
        return None
    if taper.step_mg is not None:
        return -(-(now - target) // taper.step_mg)
    if taper.step_percent is None:
        return None
    x, n = Decimal(now), 0
    while x > target and n < _MAX_STEPS:
        x = x * (Decimal(100) - taper.step_percent) / Decimal(100)
        n += 1
    return n
