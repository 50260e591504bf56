"""The oral solution: doses in mL, measured with an oral syringe.

A liquid dose is Unit(strength_mg=<mg per mL>, form="oral solution", count=<mL, Decimal>),
so Unit.mg = mL x concentration as for capsules. A dose is always a whole number of the
syringe's scale intervals (resources/inputs/syringes.json) AND a whole number of mg: the
smallest such amount is the maker's quantum (gabapentin 50 mg/mL with a 5 mL syringe marked
every 0.2 mL: 10 mg = 0.2 mL; pregabalin 20 mg/mL: 4 mg = 0.2 mL).

LiquidMaker has the interface the engine uses from DoseMaker (split, split_at_most,
nearest_total, makeable, units_for, quantum, smallest, largest, pieces_for, forms), so the
engine lays a plan out in mL as it does in capsules.

A DOSE LARGER THAN THE SYRINGE HOLDS (DECISION): it is drawn up in several goes, full
syringes first and the rest last ('10 mL, then 2 mL'; draws()); the printout says so. The
plan's syringe is never swapped for a larger one behind the clinician's back: the 10 mL
syringe is the clinician's choice (Plan.liquid.syringe_ml). pieces_for() counts the draws.

Where the plan uses it (Plan.liquid): "all": every step is laid out in mL (the engine's
maker is a LiquidMaker); "taper_end": the taper's steps whose daily dose is at or below
below_mg are given in mL instead of capsules/tablets (with_liquid_taper_end): their daily
dose is the one the engine laid out; where the syringe cannot measure it exactly (pregabalin
75 mg/day = 3.75 mL, marks every 0.2 mL), the nearest measurable daily dose below the step
before is used and recorded as a Rounding, as the engine records one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib import resources

from planner.domain.days import Dose, Rounding, Run
from planner.domain.plan import SLOTS, Plan
from planner.domain.profiles import PROFILES_PACKAGE, Form, OralSolution, Profile, ProfileError
from planner.domain.units import Split, SplitsAtMost, Unit

LIQUID_FORM = "oral solution"


@dataclass(frozen=True)
class Syringe:
    capacity_ml: int
    interval_ml: Decimal  # the scale interval: the smallest step its marks measure
    source: str


@lru_cache(maxsize=1)
def load_syringes() -> dict[int, Syringe]:
    """The oral syringes by capacity (resources/inputs/syringes.json)."""
    text = resources.files(PROFILES_PACKAGE).joinpath("inputs", "syringes.json").read_text(encoding="utf-8")
    try:
        out = {}
        for s in json.loads(text)["syringes"]:
            syringe = Syringe(int(s["capacity_ml"]), Decimal(s["interval_ml"]), str(s["source"]))
            if syringe.interval_ml <= 0 or syringe.capacity_ml % syringe.interval_ml:
                raise ValueError(f"{syringe.capacity_ml} mL: interval {syringe.interval_ml} mL")
            out[syringe.capacity_ml] = syringe
        return out
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ProfileError(f"resources/inputs/syringes.json is malformed: {exc!r}") from exc


def _ml(mg: int | Fraction, mg_per_ml: int) -> Decimal:
    """mL for mg, exactly (the callers pass whole intervals, which end in a few decimals)."""
    f = Fraction(mg) / mg_per_ml
    return plain(Decimal(f.numerator) / Decimal(f.denominator))


def plain(x: Decimal) -> Decimal:
    """x without trailing zeros and without an exponent: 6, 3.8, 840 (not 8.4E+2)."""
    return x.quantize(Decimal(1)) if x == x.to_integral_value() else x.normalize()


class LiquidMaker(SplitsAtMost):
    """Makes daily doses of the oral solution in whole syringe intervals and whole mg."""

    def __init__(self, solution: OralSolution, syringe: Syringe) -> None:
        per_ml = Fraction(solution.mg, solution.per_ml)
        if per_ml.denominator != 1:
            # Unit.strength_mg is a whole mg per mL (both labels' solutions are).
            raise ProfileError(f"oral solution {solution.mg} mg per {solution.per_ml} mL is not whole mg per mL")
        self.mg_per_ml = int(per_ml)
        self.syringe = syringe
        self.quantum = (Fraction(syringe.interval_ml) * self.mg_per_ml).numerator
        self.smallest = self.quantum
        self.largest = syringe.capacity_ml * self.mg_per_ml  # one full syringe
        self.forms = (Form(LIQUID_FORM, self.mg_per_ml, False, syringe.source),)

    # --- one dose ---------------------------------------------------------------------

    def makeable(self, mg: int) -> bool:
        return mg >= 0 and mg % self.quantum == 0

    def ml_for(self, mg: int) -> Decimal:
        return _ml(mg, self.mg_per_ml)

    def units_for(self, mg: int) -> tuple[Unit, ...]:
        if not self.makeable(mg):
            raise ValueError(f"not measurable: {mg} mg")  # callers ask only for makeable amounts
        return (Unit(self.mg_per_ml, LIQUID_FORM, self.ml_for(mg)),)

    def pieces_for(self, mg: int) -> int:
        """How many times the syringe is drawn up for mg."""
        return len(draws(self.ml_for(mg), self.syringe.capacity_ml))

    # --- a day ----------------------------------------------------------------------

    def split(self, total: int, n: int) -> Split | None:
        """total as exactly n doses, as even as the syringe's marks allow (larger first)."""
        if n < 1 or total <= 0 or total % self.quantum or total < n * self.quantum:
            return None
        steps, extra = divmod(total // self.quantum, n)
        amounts = tuple((steps + (1 if i < extra else 0)) * self.quantum for i in range(n))
        return Split(amounts, tuple(self.units_for(a) for a in amounts))

    def nearest_total(self, wanted: int | Decimal, n: int, prefer_higher: bool = False) -> int | None:
        """The measurable daily dose nearest wanted (at least one quantum); ties go down unless prefer_higher."""
        q = self.quantum
        below = int(wanted // q) * q
        above = below if below == wanted else below + q
        candidates = [t for t in (below, above) if t > 0]
        if not candidates:
            return None
        return min(candidates, key=lambda t: (abs(t - wanted), -t if prefer_higher else t))


def draws(ml: Decimal, capacity_ml: int) -> tuple[Decimal, ...]:
    """How a dose is drawn up: full syringes first, the rest last (12 mL, 10 mL syringe: 10, 2)."""
    full, rest = divmod(ml, capacity_ml)
    return (Decimal(capacity_ml),) * int(full) + ((plain(rest),) if rest else ())


def liquid_maker(plan: Plan, profile: Profile) -> LiquidMaker | None:
    """The plan's oral-solution maker, or None when it uses no solution."""
    if plan.liquid is None:
        return None
    syringes = load_syringes()
    if plan.liquid.syringe_ml not in syringes:
        raise ProfileError(f"no oral syringe of {plan.liquid.syringe_ml} mL in resources/inputs/syringes.json")
    return LiquidMaker(profile.oral_solution, syringes[plan.liquid.syringe_ml])


def plan_maker_all_liquid(plan: Plan, profile: Profile) -> LiquidMaker | None:
    """The engine's maker for a plan given wholly as the solution (use "all"), else None."""
    return liquid_maker(plan, profile) if plan.liquid is not None and plan.liquid.use == "all" else None


def with_liquid_taper_end(days: list[Run], plan: Plan, profile: Profile) -> tuple[list[Run], list[Rounding]]:
    """The taper's days at or below plan.liquid.below_mg given as the solution (use "taper_end").
    days: runs of equal days (days.Run); a run's first day decides, its other days follow it."""
    liquid = plan.liquid
    if liquid is None or liquid.use != "taper_end" or liquid.below_mg is None:
        return days, []
    maker = liquid_maker(plan, profile)
    out: list[Run] = []
    roundings: list[Rounding] = []
    prev: Run | None = None  # the engine's day before, as laid out with capsules and tablets
    for d in days:
        if d.phase != "taper" or not d.doses or d.total_mg > liquid.below_mg:
            out.append(d)
        elif prev is not None and prev.phase == d.phase and prev.doses == d.doses:
            # The same step as the day before: the same doses in mL.
            out.append(replace(d, total_mg=out[-1].total_mg, doses=out[-1].doses, dialysis=out[-1].dialysis))
        else:
            total, doses = _liquid_day(maker, plan, d, out[-1].total_mg if out else None)
            if total != d.total_mg:
                roundings.append(Rounding("liquid.syringe_ml", d.day, Decimal(d.total_mg), total, d.phase))
            out.append(replace(d, total_mg=total, doses=doses, dialysis=_liquid_supplement(maker, d)))
        prev = d
    return out, roundings

def _liquid_day(maker: LiquidMaker, plan: Plan, d: Run, before: int | None) -> tuple[int, tuple[Dose, ...]]:
    """The day's doses in mL: its amounts where each is measurable, else its total re-split
    (the nearest measurable total below the day before where the total itself is not)."""
    if all(maker.makeable(x.mg) for x in d.doses):
        return d.total_mg, tuple(replace(x, units=maker.units_for(x.mg)) for x in d.doses)
    total = d.total_mg
    if not maker.makeable(total):
        total = maker.nearest_total(total, len(d.doses), prefer_higher=True)
        if before is not None and total >= before:
            total = max(total - maker.quantum, maker.quantum)  # a taper step stays below the one before
    split = maker.split_at_most(total, len(d.doses))
    slots = {x.slot: x for x in d.doses}
    order = [s for s in plan.larger_dose_order if s in slots]
    by_slot = dict(zip(order, zip(split.amounts, split.units)))
    doses = tuple(replace(slots[s], mg=by_slot[s][0], units=by_slot[s][1]) for s in SLOTS if s in by_slot)
    return total, doses


def _liquid_supplement(maker: LiquidMaker, d: Run):
    """A dialysis supplement stays what the capsules made of it where the syringe cannot measure it."""
    dz = d.dialysis
    if dz is None or not dz.units or not maker.makeable(dz.mg):
        return dz
    return replace(dz, units=maker.units_for(dz.mg))
