"""The schedule engine: from a plan to the day-by-day doses, dispense totals and problems.

Every screen and printout draws from compute_schedule(); nothing else does dose
arithmetic. Doses are whole mg throughout, so a day's total equals the sum of its
doses equals the sum of their units exactly.

Its parts, by what they hold: kinds.py (what each kind of plan starts from and aims at),
segments.py (the plan's steps per kind, today's regimen, maintenance until review),
taper.py (the taper's steps, evenly re-split or in a cut order), step_edits.py (the
prescriber's edits to single steps), layout.py (the steps laid out as runs of equal days,
days.Run: the work grows with the steps, not the days; the Schedule's days are made from the
runs at the end). The one DoseMaker (_Builder.maker) makes every amount; dispense.py counts
what the plan uses; products.py chooses the products and liquid.py the oral solution.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from planner.domain.days import (  # noqa: F401 - the schedule's data, named here for callers
    PHASES, Day, DispenseLine, Dose, Rounding, Run, Schedule, Segment, Step,
)
from planner.domain import days as days_mod, layout, limits as limits_mod
from planner.domain.dialysis import DialysisSupplement, supplement_for_step
from planner.domain.kidney import KidneyAssessment, assess
from planner.domain.kinds import doses_per_day, required_fields, target_mg
from planner.domain.plan import SLOTS, SLOTS_FOR_DOSES, FieldError, Plan, PlanError
from planner.domain.problem import SEVERITIES, Problem
from planner.domain.problems import check
from planner.domain.regimen import chosen_indication, doses_for_gap, gap_rule, label_minimum, regimen_steady_from
from planner.domain.profiles import Profile, load_profile
from planner.domain.segments import MAX_PLAN_DAYS, current_regimen, fit_review, plan_segments
from planner.domain.step_edits import apply_edits
from planner.domain.units import DoseMaker, dose_maker
# PRODUCTS helper (issue 14): products, oral solution, dispense
from planner.domain.dispense import dispense as _dispense
from planner.domain.liquid import plan_maker_all_liquid, with_liquid_taper_end
from planner.domain.products import choose_products


def plan_forms(plan: Plan, profile: Profile):
    if plan.strengths_mg is None:
        return profile.forms
    return tuple(profile.form_for(s) for s in plan.strengths_mg)


class _Builder:
    def __init__(self, plan: Plan, profile: Profile) -> None:
        self.plan = plan
        self.profile = profile
        # PRODUCTS (issue 14): a plan given wholly as the oral solution is laid out in mL (liquid.py).
        # Today's regimen is what the patient has now: capsules and tablets, even when the
        # plan moves to the oral solution.
        self.solid_maker = dose_maker(plan_forms(plan, profile))
        self.maker = plan_maker_all_liquid(plan, profile) or self.solid_maker
        self.times = dict(plan.slot_times)  # Plan.slot_time, read once
        self._doses: dict[tuple[int, int], tuple[tuple[Dose, ...], int]] = {}  # doses_for, by (total, n)
        self.roundings: list[Rounding] = []
        self.fewer: list[tuple[int, int, int, int]] = []  # (day, total, doses given, doses wanted)
        # The label's regimen: the default fill gives at least its doses a day, and in
        # epilepsy enough doses that no gap exceeds the label's hours (regimen.py).
        self.kidney = assess(plan.kidney, profile, plan.indication) if plan.kidney is not None else None
        self.indication = chosen_indication(plan, profile)
        rule = gap_rule(plan, profile, self.kidney)
        self.gap_doses = doses_for_gap(plan, rule.value) if rule is not None else 0
        # The label's first days have their own regimen (label_minimum's start days, the label's
        # start doses _keep_doses reads): from the day after them a day's number changes nothing.
        label = self.indication.label_start_mg if self.indication is not None else ()
        self.steady_from = max(regimen_steady_from(profile, self.indication), len(label) + 1)

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
        if (total, n) in self._doses:
            return self._doses[(total, n)]  # equal days share their doses (one tuple)
        split = self.maker.split_at_most(total, n)
        k = len(split.amounts)
        slots = SLOTS_FOR_DOSES[k]
        order = [s for s in self.plan.larger_dose_order if s in slots]
        by_slot = dict(zip(order, zip(split.amounts, split.units)))
        doses = tuple(
            Dose(s, self.times[s], by_slot[s][0], by_slot[s][1]) for s in SLOTS if s in by_slot
        )
        self._doses[(total, n)] = doses, k
        return doses, k

    def doses_at(self, slots: tuple[tuple[str, int], ...], maker=None) -> tuple[Dose, ...]:
        """Doses as given per time of day; an amount the strengths cannot make has no units
        (the engine reports it)."""
        given = dict(slots)
        m = maker or self.maker
        return tuple(
            Dose(s, self.times[s], given[s], m.units_for(given[s]) if m.makeable(given[s]) else ())
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
    # The days travel as runs of equal days (days.Run) until the Schedule hands them out.
    runs = layout.lay_out(b, segments)

    if kidney is not None and kidney.haemodialysis:
        runs = _with_dialysis(runs, profile, kidney, b.maker)
    # PRODUCTS (issue 14): the taper's last steps as the oral solution (liquid.py), then one
    # product where one will do, chosen for the whole plan (products.py).
    runs, liquid_roundings = with_liquid_taper_end(runs, plan, profile)
    b.roundings += liquid_roundings
    runs, chosen, fewer = choose_products(runs, b.maker.forms, plan, keep=_keep_doses(b))
    by_product = [_fewer_for_products(chosen, fewer)] if fewer else []

    # A stop plan's target is 0; the limits read the target the kind gives.
    aim = replace(plan, target_dose_mg=target_mg(plan))
    draft = Schedule(
        plan=plan, profile=profile, days=days_mod.days_of(runs), steps=days_mod.group_steps(runs),
        dispense=_dispense(runs, profile),
        kidney=kidney, limits=limits_mod.plan_limits(aim, profile, kidney), problems=(), roundings=tuple(b.roundings),
        current=current, review_date=plan.review_date if plan.maintenance == "review" and plan.kind != "stop" else None,
    )
    # The checker reads the draft; the result shares its days, steps and limits (nothing is computed again).
    problems = check(draft, b.maker, b.fewer, today if today is not None else date.today()) + tuple(found)
    problems += tuple(by_product)
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    return replace(draft, problems=tuple(sorted(problems, key=lambda p: order[p.severity])))


def _keep_doses(b: _Builder):
    """The fewest doses one product may give a day in (products.choose_products).

    The label divides its own doses (Neurontin 2.1: 600 mg on day 2 twice daily, 900 mg from
    day 3 three times daily), so a titration day at or above the label's dose for that day
    keeps the label's regimen (the engine's floor). A lower "grow" titration day, and a taper
    day, is spread only as evenly as the strengths allow: it may take fewer doses, never fewer
    than the epilepsy gap rule needs. The target and days the prescriber shaped keep theirs."""
    plan = b.plan
    label = b.indication.label_start_mg if b.indication is not None else ()

    def keep(d: Day | Run) -> int:
        if d.edited or d.hold:
            return len(d.doses)
        if d.phase == "taper":
            return max(1, b.gap_doses)
        grown = d.phase == "titration" and plan.slot_fill == "grow" and d.total_mg < target_mg(plan)
        if not grown:
            return len(d.doses)
        if label and d.total_mg < label[min(d.day, len(label)) - 1]:
            return max(1, b.gap_doses)
        return min(len(d.doses), b.floor(d.day))
    return keep


def _fewer_for_products(chosen, fewer) -> Problem:
    return Problem("fewer-doses-one-product", "warning", "strengths_mg",
                   values={"forms": tuple(chosen), "days": tuple(fewer)})




def _with_dialysis(runs: list[Run], profile: Profile, kidney: KidneyAssessment, maker: DoseMaker) -> list[Run]:
    """Each day's supplement after a haemodialysis session follows that day's dose (a stop day: none)."""
    found: dict[tuple[int, int], DialysisSupplement | None] = {}
    out = []
    for d in runs:
        key = (d.total_mg, len(d.doses))
        if key not in found:
            found[key] = supplement_for_step(profile, kidney, maker, d.total_mg, len(d.doses))
        out.append(replace(d, dialysis=found[key]))
    return out

