"""Which products a plan uses: one product where one will do.

The engine lays the plan out with every allowed solid form (plan.strengths_mg, or every
capsule and tablet of the drug). Then the whole plan, not each dose, gets its products:

THE RULE. Among the subsets of the allowed forms, the chosen one makes EVERY day of the plan
as that layout has it: the same daily total and the same number of doses each day (daily
doses never change). A day keeps its amounts per time of day where the subset makes each of
them; only where it cannot is the day re-split, as evenly as the subset allows, over the same
times of day (larger amounts where plan.larger_dose_order puts them, as the engine does).
A day whose split the prescriber set (an edited step, a hold) or a taper that cuts a stated
time of day first (Taper.order) is never re-split: a subset that cannot make its amounts is
not a candidate. A haemodialysis supplement keeps its amount and must be made by the subset too.
A day whose number of doses the engine chose only to spread a low titration dose (keep(day)
below its doses: a "grow" titration day below the target) may instead be given in fewer
doses (never fewer than keep(day), which holds the epilepsy gap rule's doses) when the
subset cannot make it in as many: 300 mg/day in one 300 mg capsule, not three 100 mg
capsules. Each such day is returned so the checker warns about it (problem fewer-doses).
Among the candidates, the winner has
  1. the fewest different products, then
  2. the fewest halves of tablets over the whole plan, then
  3. the fewest units (capsules, tablets, halves) over the whole plan (the fewest a day, on average), then
  4. the fewest days given in fewer doses than the engine laid out.
Halves are only of scored tablets (DoseMaker makes them only of those).
TIES (equal on all three): the fewest tablets over the plan (a capsule is not split or
crushed by mistake), then the lower strengths (sorted, compared in order): a lower strength
also makes the smaller doses of a later change without a new product.

Days given as the oral solution (liquid.py) are left as they are; the rule is about the
capsules and tablets of the other days.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from collections.abc import Callable
from itertools import combinations

from planner.domain.days import Dose, Run
from planner.domain.plan import SLOTS, SLOTS_FOR_DOSES, Plan
from planner.domain.profiles import Form
from planner.domain.liquid import LIQUID_FORM
from planner.domain.units import DoseMaker, Unit, dose_maker


def products_used(days) -> tuple[tuple[int, str], ...]:
    """(strength mg, form) of every product the days' doses and supplements take, by strength."""
    found: set[tuple[int, str]] = set()
    for d in days:
        for dose in d.doses:
            found.update((u.strength_mg, u.form) for u in dose.units)
        if d.dialysis is not None:
            found.update((u.strength_mg, u.form) for u in d.dialysis.units)
    return tuple(sorted(found))


def _solid(d: Run) -> bool:
    return bool(d.doses) and all(u.form != LIQUID_FORM for dose in d.doses for u in dose.units)


def _fixed(plan: Plan, d: Run) -> bool:
    """The prescriber set this day's split: it may not be re-split."""
    ordered_taper = d.phase == "taper" and plan.taper is not None and plan.taper.order is not None
    return d.edited or d.hold or ordered_taper


def _count(units: tuple[Unit, ...]) -> tuple[int, int, int]:
    """(halves, units, tablets) a dose takes: 1½ tablets is one whole and one half."""
    halves = pieces = tablets = 0
    for u in units:
        whole = int(u.count)
        half = 1 if u.count - whole else 0
        halves += half
        pieces += whole + half
        if u.form == "tablet":
            tablets += whole + half
    return halves, pieces, tablets


class _Layout:
    """One subset's doses for each distinct day shape, and what they cost over the plan."""

    def __init__(self, plan: Plan, maker: DoseMaker) -> None:
        self.plan = plan
        self.maker = maker

    def day(self, key: tuple, doses: tuple[Dose, ...], fixed: bool, keep: int) -> tuple[Dose, ...] | None:
        m = self.maker
        if all(m.makeable(x.mg) for x in doses):
            return tuple(replace(x, units=m.units_for(x.mg)) for x in doses)
        if fixed:
            return None
        total = sum(x.mg for x in doses)
        for k in range(len(doses), max(keep, 1) - 1, -1):
            split = m.split(total, k)
            if split is None:
                continue
            # The day's own times of day, or (fewer doses) the ones the engine gives k doses.
            slots = {x.slot for x in doses} if k == len(doses) else set(SLOTS_FOR_DOSES[k])
            order = [s for s in self.plan.larger_dose_order if s in slots]
            by_slot = dict(zip(order, zip(split.amounts, split.units)))
            return tuple(Dose(s, self.plan.slot_time(s), *by_slot[s]) for s in SLOTS if s in by_slot)
        return None


# What _Layout.day made of a day's doses with a set of forms, and its (halves, units, tablets):
# the same for every plan with the same times of day and order of larger doses, so kept for
# the program's life (an edit changes a few days' doses, not the whole plan's).
_LAYOUTS: dict[tuple, tuple[tuple[Dose, ...], tuple[int, int, int]] | None] = {}
_LAYOUTS_KEPT = 50_000


def _laid_out(plan: Plan, maker: DoseMaker, key: tuple, doses: tuple[Dose, ...]):
    """_Layout(plan, maker).day for the day, and what its doses take (_count); None where the
    forms cannot make it."""
    memo = (maker.forms, tuple((x.slot, x.time, x.mg) for x in doses), key[1], key[2],
            plan.larger_dose_order, plan.slot_times)
    if memo in _LAYOUTS:
        return _LAYOUTS[memo]
    made = _Layout(plan, maker).day(key, doses, key[1], key[2])
    found = None if made is None else (made, _count(tuple(u for x in made for u in x.units)))
    if len(_LAYOUTS) >= _LAYOUTS_KEPT:
        _LAYOUTS.clear()
    _LAYOUTS[memo] = found
    return found


Fewer = tuple[int, int, int, int]  # (day, total mg, doses given, doses laid out), as the engine records


def choose_products(days: list[Run], forms: tuple[Form, ...], plan: Plan,
                    keep: Callable[[Run], int] | None = None) -> tuple[list[Run], tuple[Form, ...], list[Fewer]]:
    """The days (runs of equal days, days.Run) re-made with the chosen products (see the
    module's rule), those products, and the days given in fewer doses than laid out (once per
    run of equal days). keep(run): the fewest doses its days may be given in; default: as many as they have."""
    keep = keep or (lambda d: len(d.doses))
    shapes: Counter = Counter()  # days of each shape over the plan
    first: dict[tuple, Run] = {}
    supplements: set[int] = set()
    keys = [_key(plan, d, keep) if _solid(d) else None for d in days]  # None: not capsules and tablets
    for d, key in zip(days, keys):
        if key is None:
            continue
        shapes[key] += d.count
        first.setdefault(key, d)
        if d.dialysis is not None and d.dialysis.units:
            supplements.add(d.dialysis.mg)
    if not shapes or len(forms) < 2:
        return days, forms, []

    for size in range(1, len(forms) + 1):
        best = None
        for subset in combinations(forms, size):
            maker = dose_maker(subset)
            if not all(maker.makeable(mg) for mg in supplements):
                continue
            made: dict[tuple, tuple[Dose, ...]] = {}
            cost = [0, 0, 0, 0]
            for key, n in shapes.items():
                found = _laid_out(plan, maker, key, first[key].doses)
                if found is None:
                    break
                doses, counts = found
                made[key] = doses
                for i, c in enumerate(counts):
                    cost[i] += c * n
                cost[3] += n if len(doses) < len(first[key].doses) else 0
            else:
                halves, pieces, tablets, fewer = cost
                score = (halves, pieces, fewer, tablets, tuple(sorted(f.strength_mg for f in subset)))
                if best is None or score < best[0]:
                    best = (score, subset, maker, made)
        if best is not None:
            _, subset, maker, made = best
            out = _remade(days, keys, maker, made)
            return out, subset, _fewer(days, out)
    return days, forms, []  # not reached: the whole set makes its own layout


def _key(plan: Plan, d: Run, keep: Callable[[Run], int]) -> tuple:
    return (tuple((x.slot, x.mg) for x in d.doses), _fixed(plan, d), min(keep(d), len(d.doses)))


def _fewer(before: list[Run], after: list[Run]) -> list[Fewer]:
    """Each way a day lost doses, once, at its first day (the engine notes a shortfall so)."""
    out: list[Fewer] = []
    for b, a in zip(before, after):
        item = (a.day, a.total_mg, len(a.doses), len(b.doses))
        if item[2] < item[3] and not any(o[1:] == item[1:] for o in out):
            out.append(item)
    return out


def _remade(days: list[Run], keys: list[tuple | None], maker: DoseMaker, made: dict) -> list[Run]:
    out = []
    for d, key in zip(days, keys):
        if key is None:
            out.append(d)
            continue
        new = replace(d, doses=made[key])
        if d.dialysis is not None and d.dialysis.units:
            new = replace(new, dialysis=replace(d.dialysis, units=maker.units_for(d.dialysis.mg)))
        out.append(new)
    return out


def total_units(days) -> Decimal:
    """Capsules and tablets (a half counts ½) the days' doses take: for tests and comparisons."""
    return sum((u.count for d in days for x in d.doses for u in x.units if u.form != LIQUID_FORM), Decimal(0))
