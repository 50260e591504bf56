"""The schedule engine: from a plan to the day-by-day doses, dispense totals and problems.

Every screen and printout draws from compute_schedule(); nothing else does dose
arithmetic. Doses are whole mg throughout, so a day's total equals the sum of its
doses equals the sum of their units exactly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from planner.domain.days import (  # noqa: F401 - the schedule's data, named here for callers
    PHASES, Day, DispenseLine, Dose, Rounding, Schedule, Segment, Step,
)
from planner.domain import days as days_mod, limits as limits_mod
from planner.domain.dialysis import DialysisSupplement, supplement_for_step
from planner.domain.kidney import KidneyAssessment, assess
from planner.domain.plan import SLOTS, SLOTS_FOR_DOSES, FieldError, Plan, PlanError
from planner.domain.problem import Problem
from planner.domain.problems import check
from planner.domain.regimen import chosen_indication, doses_for_gap, gap_rule, label_minimum
from planner.domain.profiles import Profile, load_profile
from planner.domain.units import DoseMaker
# PRODUCTS helper (issue 14): products, oral solution, dispense
from planner.domain.dispense import dispense as _dispense
from planner.domain.liquid import plan_maker_all_liquid, with_liquid_taper_end
from planner.domain.products import choose_products

# Ten years: longer than any titration, short enough that a typo (1 mg steps every
# 365 days) is caught as unusable input instead of building a million-day plan.
MAX_PLAN_DAYS = 3650


def plan_forms(plan: Plan, profile: Profile):
    if plan.strengths_mg is None:
        return profile.forms
    return tuple(profile.form_for(s) for s in plan.strengths_mg)


class _Builder:
    def __init__(self, plan: Plan, profile: Profile) -> None:
        self.plan = plan
        self.profile = profile
        # PRODUCTS (issue 14): a plan given wholly as the oral solution is laid out in mL (liquid.py).
        self.maker = plan_maker_all_liquid(plan, profile) or DoseMaker(plan_forms(plan, profile))
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
        return min(self.plan.doses_per_day, max(m.doses if m else 1, self.gap_doses))

    # --- amounts ----------------------------------------------------------------------

    def makeable(self, wanted: Decimal | int, n: int, prefer_higher: bool) -> int | None:
        if wanted == int(wanted) and self.maker.split_at_most(int(wanted), n) is not None:
            return int(wanted)
        return self.maker.nearest_total(wanted, n, prefer_higher=prefer_higher)

    def titration_segments(self) -> list[tuple[Segment, str, int]]:
        """(segment, input field, wanted mg) for titration and maintenance."""
        p = self.plan
        n = p.doses_per_day
        out: list[tuple[Segment, str, int]] = []
        if p.target_dose_mg >= p.start_dose_mg:
            amounts = [p.start_dose_mg]
            if p.increment_mg > 0:
                while amounts[-1] < p.target_dose_mg:
                    amounts.append(min(amounts[-1] + p.increment_mg, p.target_dose_mg))
                    if len(amounts) * p.step_days > MAX_PLAN_DAYS:
                        raise _too_long(p, len(amounts) * p.step_days)
            for k, wanted in enumerate(amounts):
                at_target = wanted == p.target_dose_mg
                doses = n if (p.slot_fill == "all" or at_target) else min(k + 1, n)
                field = "start_dose_mg" if k == 0 else ("target_dose_mg" if at_target else "increment_mg")
                exact = p.slot_fill == "all" or at_target
                out.append((Segment("titration", wanted, p.step_days, doses, exact), field, wanted))
            last = p.target_dose_mg
        else:
            # A target below the start, with a taper: hold the start dose, then reduce from it.
            last = p.start_dose_mg
        if p.maintenance_days:
            out.append((Segment("maintenance", last, p.maintenance_days, n, True), "target_dose_mg", last))
        return out

    def taper_segments(self, current: int) -> list[tuple[Segment, Decimal | int]]:
        t = self.plan.taper
        n = self.plan.doses_per_day
        out: list[tuple[Segment, Decimal | int]] = []
        while current > 0:
            if t.step_mg is not None:
                wanted: Decimal | int = current - t.step_mg
            else:
                wanted = Decimal(current) * (Decimal(100) - t.step_percent) / Decimal(100)
            if wanted <= 0:
                break
            if self.gap_doses:
                # Epilepsy: every step, the last before the stop too, splits into enough doses.
                used = self._nearest_split(wanted, self.gap_doses, current)
            else:
                # Ties round up here: the gentler cut. It stays below the current dose.
                used = self.maker.nearest_total(wanted, n, prefer_higher=True)
                if used is None or used >= current:
                    used = self._next_below(current, n)
            if used is None:
                break
            out.append((Segment("taper", used, t.step_days, n, False), wanted))
            current = used
        return out

    def _nearest_split(self, wanted: Decimal | int, k: int, current: int) -> int | None:
        """The amount below current nearest wanted (ties up) that splits into exactly k doses."""
        q = self.maker.quantum
        nearest_first = sorted(range(q, current, q), key=lambda t: (abs(t - wanted), -t))
        return next((t for t in nearest_first if self.maker.split(t, k) is not None), None)

    def _next_below(self, current: int, n: int) -> int | None:
        q = self.maker.quantum
        x = ((current - 1) // q) * q
        while x > 0:
            if self.maker.split_at_most(x, n) is not None:
                return x
            x -= q
        return None

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


def _too_long(plan: Plan, days: int) -> PlanError:
    field = "increment_mg" if plan.increment_mg else "step_days"
    return PlanError([FieldError(field, code="engine.too-long", values=(("days", days), ("max_days", MAX_PLAN_DAYS)))])


def compute_schedule(plan: Plan, today: date | None = None) -> Schedule:
    """The whole plan, day by day, with its problems. Raises PlanError only for a plan
    too long to lay out; every clinical concern is a Problem in the result.
    today (default: the computer's date) is what a start date in the past is judged against."""
    profile = load_profile(plan.drug)
    b = _Builder(plan, profile)
    kidney = b.kidney  # assessed once, for the fill and the checks alike

    cannot_reach = plan.target_dose_mg > plan.start_dose_mg and plan.increment_mg == 0
    below_without_taper = plan.target_dose_mg < plan.start_dose_mg and plan.taper is None
    days: list[Day] = []
    if not (cannot_reach or below_without_taper):
        days = _lay_out(b)

    if kidney is not None and kidney.haemodialysis:
        days = _with_dialysis(days, profile, kidney, b.maker)
    # PRODUCTS (issue 14): the taper's last steps as the oral solution (liquid.py), then one
    # product where one will do, chosen for the whole plan (products.py).
    days, liquid_roundings = with_liquid_taper_end(days, plan, profile)
    b.roundings += liquid_roundings
    days, chosen, fewer = choose_products(days, b.maker.forms, plan, keep=_keep_doses(b))
    by_product = [_fewer_for_products(chosen, fewer)] if fewer else []

    days_t = tuple(days)
    draft = Schedule(
        plan=plan, profile=profile, days=days_t, steps=days_mod.group_steps(days_t), dispense=_dispense(days, profile),
        kidney=kidney, limits=limits_mod.plan_limits(plan, profile, kidney), problems=(), roundings=tuple(b.roundings),
    )
    # The checker reads the draft; the result shares its days, steps and limits (nothing is computed again).
    return replace(draft, problems=check(draft, b.maker, b.fewer, today if today is not None else date.today())
                   + tuple(by_product))


def _keep_doses(b: _Builder):
    """The fewest doses one product may give a day in (products.choose_products).

    The label divides its own doses (Neurontin 2.1: 600 mg on day 2 twice daily, 900 mg from
    day 3 three times daily), so a titration day at or above the label's dose for that day
    keeps the label's regimen (the engine's floor). A lower "grow" titration day, and a taper
    day, is spread only as evenly as the strengths allow: it may take fewer doses, never fewer
    than the epilepsy gap rule needs. The target and days the prescriber shaped keep theirs."""
    plan = b.plan
    label = b.indication.label_start_mg if b.indication is not None else ()

    def keep(d: Day) -> int:
        if d.edited or d.hold:
            return len(d.doses)
        if d.phase == "taper":
            return max(1, b.gap_doses)
        grown = (d.phase == "titration" and plan.slot_fill == "grow" and plan.target_dose_mg is not None
                 and d.total_mg < plan.target_dose_mg)
        if not grown:
            return len(d.doses)
        if label and d.total_mg < label[min(d.day, len(label)) - 1]:
            return max(1, b.gap_doses)
        return min(len(d.doses), b.floor(d.day))
    return keep


def _fewer_for_products(chosen, fewer) -> Problem:
    return Problem("fewer-doses-one-product", "warning", "strengths_mg",
                   values={"forms": tuple(chosen), "days": tuple(fewer)})


def _lay_out(b: _Builder) -> list[Day]:
    plan = b.plan
    segments: list[tuple[Segment, str, Decimal | int]] = []
    current = 0
    day = 1
    for seg, field, wanted in b.titration_segments():
        used = b.makeable(wanted, seg.doses, prefer_higher=False)
        if used is None:
            # Not even one piece fits: use the smallest thing the strengths make.
            used = b.maker.smallest
        if used != wanted:
            b.roundings.append(Rounding(field, day, Decimal(wanted), used, seg.phase))
        segments.append((Segment(seg.phase, used, seg.days, seg.doses, seg.exact), field, wanted))
        current = used
        day += seg.days
    if plan.taper is not None:
        if not segments:
            current = b.makeable(plan.start_dose_mg, plan.doses_per_day, prefer_higher=False) or b.maker.smallest
        field = "taper.step_mg" if plan.taper.step_mg is not None else "taper.step_percent"
        for seg, wanted in b.taper_segments(current):
            if seg.total_mg != wanted:
                b.roundings.append(Rounding(field, day, Decimal(wanted), seg.total_mg, "taper"))
            segments.append((seg, field, wanted))
            day += seg.days
        # The last day of a taper is the first day without the medicine.
        segments.append((Segment("taper", 0, 1, 0, False), field, 0))
    total_days = sum(s.days for s, _, _ in segments)
    if total_days > MAX_PLAN_DAYS:
        raise _too_long(plan, total_days)

    days: list[Day] = []
    n = 1
    for number, (seg, _, _) in enumerate(segments, start=1):
        noted: set[int] = set()  # each shortfall once per step
        for _ in range(seg.days):
            if seg.total_mg == 0:
                doses, given, need = (), 0, 0
            else:
                if seg.phase == "taper":
                    ask, need = seg.doses, b.gap_doses
                elif seg.exact:
                    ask = need = seg.doses
                else:
                    # Grow mode adds a dose a step, but never gives fewer than the label's regimen.
                    need = b.floor(n)
                    ask = max(seg.doses, need)
                doses, given = b.doses_for(seg.total_mg, ask)
            if given < need and need not in noted:
                b.fewer.append((n, seg.total_mg, given, need))
                noted.add(need)
            days.append(Day(n, plan.start_date + timedelta(days=n - 1), seg.phase, seg.total_mg, doses,
                            segment=number))
            n += 1
    return days


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

