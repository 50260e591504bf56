"""The plan's steps (segments) for each kind of plan, before step edits and before they are
laid out day by day.

- start: titrate from start_dose_mg by increment_mg every step_days to the target, then
  maintenance (until the review date, or maintenance_days). Never a taper.
- change: from today's regimen (Plan.current) to target_dose_mg. Up: day 1 is the current
  total plus the increment, rising every step_days; down: the taper's reductions every
  taper.step_days to the target (planner.domain.taper). Then maintenance.
- stop: the taper from today's regimen to zero, then the stop day.
- start_and_stop: format version 1's shape (titrate, hold maintenance_days, taper to zero).

Day 1 of a change or stop plan is its first change; today's regimen is not a day of it.
Maintenance until review is laid out with no length here: fit_review gives it its length
once the step edits are applied, so that it runs through the review date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from planner.domain import override_values as canonical
from planner.domain.builder import Builder
from planner.domain.days import Dose, Segment
from planner.domain.kinds import current_total, doses_per_day
from planner.domain.plan import SLOTS, FieldError, Plan, PlanError
from planner.domain.problem import Problem
from planner.domain.taper import taper_field, taper_steps


# Ten years: longer than any titration, short enough that a typo (1 mg steps every
# 365 days) is caught as unusable input instead of building a million-day plan.
MAX_PLAN_DAYS = 3650


def too_long(plan: Plan, days: int, field: str | None = None) -> PlanError:
    field = field or ("increment_mg" if plan.increment_mg else "step_days")
    return PlanError([FieldError(field, code="engine.too-long", values=(("days", days), ("max_days", MAX_PLAN_DAYS)))])


def current_regimen(b: Builder, found: list[Problem]) -> tuple[Dose, ...]:
    """Today's regimen as doses made of the plan's strengths; amounts they cannot make are
    kept as entered (no units) and reported."""
    plan = b.plan
    if plan.kind not in ("change", "stop") or not plan.current:
        return ()
    given = dict(plan.current)
    bad = tuple((s, given[s]) for s in SLOTS if given.get(s, 0) > 0 and not b.solid_maker.makeable(given[s]))
    if bad:
        # Blocking: the printout would show today's doses with nothing that makes them.
        found.append(Problem("current-not-makeable", "blocking", "current",
                             value=canonical.not_makeable(bad),
                             values={"amounts": tuple(mg for _, mg in bad), "forms": b.solid_maker.forms}))
    return b.doses_at(plan.current, b.solid_maker)


def plan_segments(b: Builder) -> list[Segment]:
    """The plan's segments by kind; empty where the inputs cannot make a plan (the checker
    says why)."""
    kind = b.plan.kind
    if kind == "change":
        return _change(b)
    if kind == "stop":
        return _stop(b)
    return _start(b)


def _titration(b: Builder, amounts: list[int], first_field: str, grow: bool) -> list[Segment]:
    p = b.plan
    n = b.n
    target = p.target_dose_mg
    out: list[Segment] = []
    for k, wanted in enumerate(amounts):
        at_target = wanted == target
        doses = min(k + 1, n) if grow and not at_target else n
        field = first_field if k == 0 else ("target_dose_mg" if at_target else "increment_mg")
        exact = not grow or at_target
        used = b.makeable(wanted, doses, prefer_higher=False)
        if used is None:
            # Not even one piece fits: use the smallest thing the strengths make.
            used = b.maker.smallest
        out.append(Segment("titration", used, p.step_days, doses, exact, field=field, wanted=wanted))
    return out


def _rising(b: Builder, first: int) -> list[int]:
    p = b.plan
    amounts = [first]
    while amounts[-1] < p.target_dose_mg:
        amounts.append(min(amounts[-1] + p.increment_mg, p.target_dose_mg))
        if len(amounts) * p.step_days > MAX_PLAN_DAYS:
            raise too_long(p, len(amounts) * p.step_days)
    return amounts


def _maintenance(b: Builder, last: Segment | None, total: int) -> list[Segment]:
    p = b.plan
    slots = last.slots if last is not None else None
    if p.maintenance == "review":
        return [Segment("maintenance", total, 0, b.n, True, slots=slots, until_review=True)]
    if p.maintenance_days:
        return [Segment("maintenance", total, p.maintenance_days, b.n, True, slots=slots,
                        field="target_dose_mg", wanted=total)]
    return []


def _start(b: Builder) -> list[Segment]:
    p = b.plan
    stop = p.kind == "start_and_stop"
    if p.target_dose_mg > p.start_dose_mg and p.increment_mg == 0:
        return []
    if p.target_dose_mg < p.start_dose_mg and not (stop and p.taper is not None):
        return []
    out: list[Segment] = []
    if p.target_dose_mg >= p.start_dose_mg:
        amounts = _rising(b, p.start_dose_mg) if p.increment_mg else [p.start_dose_mg]
        out = _titration(b, amounts, "start_dose_mg", grow=p.slot_fill == "grow")
        last_wanted = p.target_dose_mg
    else:
        # A target below the start, with a taper: hold the start dose, then reduce from it.
        last_wanted = p.start_dose_mg
    held = _maintenance(b, out[-1] if out else None, last_wanted)
    for seg in held:
        if seg.until_review or seg.wanted is not None:
            used = b.makeable(last_wanted, seg.doses, prefer_higher=False) or b.maker.smallest
            out.append(Segment(seg.phase, used, seg.days, seg.doses, True, until_review=seg.until_review,
                               field=seg.field, wanted=seg.wanted))
    if stop and p.taper is not None:
        current = out[-1].total_mg if out else (
            b.makeable(p.start_dose_mg, b.n, prefer_higher=False) or b.maker.smallest)
        slots = None
        if p.taper.order is not None:
            # The cut order starts from the doses of the day before the taper.
            slots = {d.slot: d.mg for d in b.doses_for(current, b.n)[0]}
        out += taper_steps(b, current, slots)
        # The last day of a taper is the first day without the medicine.
        out.append(Segment("taper", 0, 1, 0, False))
    return out


def _change(b: Builder) -> list[Segment]:
    p = b.plan
    now, target = current_total(p), p.target_dose_mg
    out: list[Segment] = []
    if target > now:
        if not p.increment_mg:
            return []
        out = _titration(b, _rising(b, min(now + p.increment_mg, target)), "increment_mg", grow=False)
    elif target < now:
        if p.taper is None:
            return []
        out = taper_steps(b, now, dict(p.current), floor=target)
    if out:
        return out + _maintenance(b, out[-1], out[-1].total_mg)
    # No change: today's regimen continues as it is.
    return _maintenance(b, Segment("maintenance", now, 0, b.n, True, slots=p.current), now)


def _stop(b: Builder) -> list[Segment]:
    p = b.plan
    out: list[Segment] = []
    if p.taper is not None:
        out = taper_steps(b, current_total(p), dict(p.current), floor=0)
    # The last day of a taper is the first day without the medicine (without a taper: at once).
    return out + [Segment("taper", 0, 1, 0, False, field=taper_field(b) if p.taper else None, wanted=0)]


def fit_review(b: Builder, segs: list[Segment], found: list[Problem]) -> list[Segment]:
    """Maintenance until review runs from the day after the steps before it through the
    review date. A review date before the start or before the target is reached is blocking:
    the paper would give a review the schedule contradicts (the clinician corrects the date,
    or records why)."""
    idx = next((i for i, s in enumerate(segs) if s.until_review), None)
    if idx is None:
        return segs
    p = b.plan
    review = p.review_date
    begins = p.start_date + timedelta(days=sum(s.days for s in segs[:idx]))
    j = idx
    while j > 0 and segs[j - 1].total_mg == segs[idx].total_mg:
        j -= 1
    reached = p.start_date + timedelta(days=sum(s.days for s in segs[:j]))
    values = {"review": review, "start": p.start_date, "reached": reached, "target_mg": segs[idx].total_mg}
    days = 0
    if review is None:
        found.append(Problem("review-date-missing", "blocking", "review_date",
                             value=canonical.review_date(None, "target", reached), values={}))
    elif review < p.start_date:
        found.append(Problem("review-before-start", "blocking", "review_date",
                             value=canonical.review_date(review, "start", p.start_date), values=values))
    elif review < reached:
        found.append(Problem("review-before-target", "blocking", "review_date",
                             value=canonical.review_date(review, "target", reached), values=values))
    else:
        days = max(0, (review - begins).days + 1)
        if days > MAX_PLAN_DAYS:
            raise too_long(p, days, "review_date")
    out = list(segs)
    out[idx] = replace(segs[idx], days=days)
    return out
