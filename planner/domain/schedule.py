"""The schedule engine: from a plan to the day-by-day doses, dispense totals and problems.

Every screen and printout draws from compute_schedule(); nothing else does dose
arithmetic. Doses are whole mg throughout, so a day's total equals the sum of its
doses equals the sum of their units exactly.

Its parts, by what they hold: kinds.py (what each kind of plan starts from and aims at),
segments.py (the plan's steps per kind, today's regimen, maintenance until review),
taper.py (the taper's steps, evenly re-split or in a cut order), step_edits.py (the
prescriber's edits to single steps), layout.py (the steps laid out day by day). The one
DoseMaker (_Builder.maker) makes every amount; _dispense below counts what the plan uses.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from planner.domain.days import (  # noqa: F401 - the schedule's data, named here for callers
    PHASES, Day, DispenseLine, Dose, Rounding, Schedule, Segment, Step,
)
from planner.domain import days as days_mod, layout, limits as limits_mod
from planner.domain.dialysis import DialysisSupplement, supplement_for_step
from planner.domain.kidney import KidneyAssessment, assess
from planner.domain.kinds import doses_per_day, required_fields, target_mg
from planner.domain.plan import SLOTS, SLOTS_FOR_DOSES, FieldError, Plan, PlanError
from planner.domain.problem import SEVERITIES, Problem
from planner.domain.problems import check
from planner.domain.regimen import chosen_indication, doses_for_gap, gap_rule, label_minimum
from planner.domain.profiles import Profile, load_profile
from planner.domain.segments import MAX_PLAN_DAYS, current_regimen, fit_review, plan_segments
from planner.domain.step_edits import apply_edits
from planner.domain.units import DoseMaker


def plan_forms(plan: Plan, profile: Profile):
    if plan.strengths_mg is None:
        return profile.forms
    return tuple(profile.form_for(s) for s in plan.strengths_mg)


class _Builder:
    def __init__(self, plan: Plan, profile: Profile) -> None:
        self.plan = plan
        self.profile = profile
        self.maker = DoseMaker(plan_forms(plan, profile))
        self.roundings: list[Rounding] = []
        self.fewer: list[tuple[int, int, int, int]] = []  # (day, total, doses given, doses wanted)
        # The label's regimen: the default fill gives at least its doses a day, and in
        # epilepsy enough doses that no gap exceeds the label's hours (regimen.py).
        self.kidney = assess(plan.kidney, profile, plan.indication) if plan.kidney is not None else None
        self.indication = chosen_indication(plan, profile)
        rule = gap_rule(plan, profile, self.kidney)
        self.gap_doses = doses_for_gap(plan, rule.value) if rule is not None else 0

    def floor(self, day: int) -> int:
        """The fewest doses the fill gives on this day: the label's regimen, the gap rule."""
        m = label_minimum(self.profile, self.indication, self.kidney, day)
        return min(self.n, max(m.doses if m else 1, self.gap_doses))

    @property
    def n(self) -> int:
        """The doses a day the plan gives (a stop plan: today's regimen's; kinds.doses_per_day)."""
        return doses_per_day(self.plan)

    # --- amounts ----------------------------------------------------------------------

    def makeable(self, wanted: Decimal | int, n: int, prefer_higher: bool) -> int | None:
        if wanted == int(wanted) and self.maker.split_at_most(int(wanted), n) is not None:
            return int(wanted)
        return self.maker.nearest_total(wanted, n, prefer_higher=prefer_higher)

    # --- days -------------------------------------------------------------------------

    def doses_for(self, total: int, n: int) -> tuple[tuple[Dose, ...], int]:
        split = self.maker.split_at_most(total, n)
        k = len(split.amounts)
        slots = SLOTS_FOR_DOSES[k]
        order = [s for s in self.plan.larger_dose_order if s in slots]
        by_slot = dict(zip(order, zip(split.amounts, split.units)))
        doses = tuple(
            Dose(s, self.plan.slot_time(s), by_slot[s][0], by_slot[s][1]) for s in SLOTS if s in by_slot
        )
        return doses, k

    def doses_at(self, slots: tuple[tuple[str, int], ...]) -> tuple[Dose, ...]:
        """Doses as given per time of day; an amount the strengths cannot make has no units
        (the engine reports it)."""
        given = dict(slots)
        return tuple(
            Dose(s, self.plan.slot_time(s), given[s], self.maker.units_for(given[s]) if self.maker.makeable(given[s])
                 else ())
            for s in SLOTS if given.get(s, 0) > 0
        )


def compute_schedule(plan: Plan, today: date | None = None) -> Schedule:
    """The whole plan, day by day, with its problems. Raises PlanError only for a plan
    too long to lay out; every clinical concern is a Problem in the result.
    today (default: the computer's date) is what a start date in the past is judged against."""
    profile = load_profile(plan.drug)
    missing = required_fields(plan)
    if missing:
        raise PlanError([FieldError(f, code="engine.missing-for-kind", values=(("kind", plan.kind),))
                         for f in missing])
    b = _Builder(plan, profile)
    kidney = b.kidney  # assessed once, for the fill and the checks alike

    found: list[Problem] = []  # what laying the plan out finds: checked like the rest
    current = current_regimen(b, found)
    segments = fit_review(b, apply_edits(b, plan_segments(b), found), found)
    days = layout.lay_out(b, segments)

    if kidney is not None and kidney.haemodialysis:
        days = _with_dialysis(days, profile, kidney, b.maker)

    days_t = tuple(days)
    # A stop plan's target is 0; the limits read the target the kind gives.
    aim = replace(plan, target_dose_mg=target_mg(plan))
    draft = Schedule(
        plan=plan, profile=profile, days=days_t, steps=days_mod.group_steps(days_t), dispense=_dispense(days, profile),
        kidney=kidney, limits=limits_mod.plan_limits(aim, profile, kidney), problems=(), roundings=tuple(b.roundings),
        current=current, review_date=plan.review_date if plan.maintenance == "review" and plan.kind != "stop" else None,
    )
    # The checker reads the draft; the result shares its days, steps and limits (nothing is computed again).
    problems = check(draft, b.maker, b.fewer, today if today is not None else date.today()) + tuple(found)
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    return replace(draft, problems=tuple(sorted(problems, key=lambda p: order[p.severity])))


def _with_dialysis(days: list[Day], profile: Profile, kidney: KidneyAssessment, maker: DoseMaker) -> list[Day]:
    """Each day's supplement after a haemodialysis session follows that day's dose (a stop day: none)."""
    found: dict[tuple[int, int], DialysisSupplement | None] = {}
    out = []
    for d in days:
        key = (d.total_mg, len(d.doses))
        if key not in found:
            found[key] = supplement_for_step(profile, kidney, maker, d.total_mg, len(d.doses))
        out.append(replace(d, dialysis=found[key]))
    return out


def _dispense(days: list[Day], profile: Profile) -> tuple[DispenseLine, ...]:
    """Capsules and tablets for the whole plan. The other half of a split tablet is the
    next half-dose if that comes within the label's time limit; otherwise it is thrown
    away and the next half takes a new tablet."""
    whole: dict[int, int] = {}
    open_half: dict[int, date] = {}  # strength -> date its other half was split off
    keep = profile.half_tablet_use_within_days.value if profile.half_tablet_use_within_days else 0
    forms = {}
    for d in days:
        for dose in d.doses:
            for u in dose.units:
                forms[u.strength_mg] = u.form
                full = int(u.count)
                whole[u.strength_mg] = whole.get(u.strength_mg, 0) + full
                if u.count - full:
                    split_on = open_half.pop(u.strength_mg, None)
                    if split_on is None or (d.date - split_on).days > keep:
                        whole[u.strength_mg] += 1
                        open_half[u.strength_mg] = d.date
    return tuple(DispenseLine(s, forms[s], whole[s]) for s in sorted(whole) if whole[s])
