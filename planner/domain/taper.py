"""The taper's steps: reductions by taper.step_mg, or by taper.step_percent of the day's
current total, every taper.step_days, down to zero (stop) or to a change plan's target.

Two ways to take each step's cut:

- Taper.order None (format version 1's taper): the day's new total is the makeable total
  nearest the wanted one (ties up: the gentler cut), split evenly again into the plan's
  doses a day.
- Taper.order given (a cut order): the first time of day in the order that still has a dose
  gives up the cut, up to its whole dose; what is left of the cut comes from the next time
  of day in the order, and so on. The other doses stay as they are. Each dose is then made
  of the patient's units: where an amount cannot be made, the nearest makeable amount is
  used (ties keep the larger one, the gentler cut; 0 where nothing is nearer). If that
  rounding undoes the whole cut, the first time of day in the order that still has a dose
  drops to the next amount below that the units make, so every step reduces the day's
  total. A change plan's last step aims exactly at its target.

In epilepsy (the label's longest time between doses applies, regimen.gap_rule) no step
before the stop may leave a gap over the label's hours: from the first ordered step that
would, the taper continues as format version 1's epilepsy taper (each step split evenly
into enough doses for the gap rule, the last step before the stop too).

Where the day's total differs from the wanted total, the step carries the wanted amount
and the layout records a Rounding.
"""

from __future__ import annotations

from decimal import Decimal

from planner.domain.builder import Builder
from planner.domain.days import Segment
from planner.domain.plan import SLOTS
from planner.domain.regimen import gap_rule, longest_gap_minutes


def taper_field(b: Builder) -> str:
    return "taper.step_mg" if b.plan.taper.step_mg is not None else "taper.step_percent"


def _wanted_after_cut(b: Builder, total: int) -> Decimal | int:
    t = b.plan.taper
    if t.step_mg is not None:
        return total - t.step_mg
    return Decimal(total) * (Decimal(100) - t.step_percent) / Decimal(100)


def taper_steps(b: Builder, total: int, slots: dict[str, int] | None, floor: int = 0) -> list[Segment]:
    """The taper's steps from total (its doses per time of day where known) down to floor;
    the stop day itself (0 mg) is the caller's."""
    if b.plan.taper.order is not None and slots:
        return _ordered(b, dict(slots), floor)
    return even_steps(b, total, floor)


def even_steps(b: Builder, current: int, floor: int = 0) -> list[Segment]:
    """Format version 1's taper: each step's total split evenly again."""
    t = b.plan.taper
    n = b.n
    out: list[Segment] = []
    while current > floor:
        wanted = _wanted_after_cut(b, current)
        last = floor > 0 and wanted <= floor
        if last:
            wanted = floor
        if wanted <= 0:
            break
        used = _even_total(b, wanted, current, n)
        if used is not None and used < floor and not last:
            # The rounding overshot a change plan's target: this step goes to the target itself.
            last, wanted = True, floor
            used = _even_total(b, wanted, current, n)
        if used is None:
            break
        field = "target_dose_mg" if last else taper_field(b)
        out.append(Segment("taper", used, t.step_days, n, False, field=field, wanted=wanted))
        current = used
        if last:
            break
    return out


def _even_total(b: Builder, wanted: Decimal | int, current: int, n: int) -> int | None:
    if b.gap_doses:
        # Epilepsy: every step, the last before the stop too, splits into enough doses.
        return _nearest_split(b, wanted, b.gap_doses, current)
    # Ties round up here: the gentler cut. It stays below the current dose.
    used = b.maker.nearest_total(wanted, n, prefer_higher=True)
    if used is None or used >= current:
        used = _next_below(b, current, n)
    return used


def _ordered(b: Builder, current: dict[str, int], floor: int) -> list[Segment]:
    t = b.plan.taper
    rule = gap_rule(b.plan, b.profile, b.kidney)
    out: list[Segment] = []
    total = sum(current.values())
    while total > floor:
        wanted = _wanted_after_cut(b, total)
        last = floor > 0 and wanted <= floor
        if last:
            wanted = floor
        new = _cut(b, current, total - wanted, t.order)
        new_total = sum(new.values())
        if floor > 0 and new_total < floor and not last:
            # The rounding overshot the target: this step goes to the target itself.
            last, wanted = True, floor
            new = _cut(b, current, total - wanted, t.order)
            new_total = sum(new.values())
        if new_total == 0:
            break  # the stop
        if rule is not None and longest_gap_minutes([b.plan.slot_time(s) for s in new]) > rule.value * 60:
            return out + even_steps(b, total, floor)
        field = "target_dose_mg" if last else taper_field(b)
        out.append(Segment("taper", new_total, t.step_days, len(new), True,
                           slots=tuple((s, new[s]) for s in SLOTS if s in new), field=field, wanted=wanted))
        current, total = new, new_total
        if last:
            break
    return out


def _cut(b: Builder, current: dict[str, int], cut: Decimal | int, order: tuple[str, ...]) -> dict[str, int]:
    """The doses after taking cut from the times of day in order (module docstring)."""
    left = cut
    want: dict[str, Decimal | int] = dict(current)
    # Times of day the order leaves out come last, so every step can still cut.
    order = tuple(order) + tuple(s for s in SLOTS if s not in order)
    for s in order:
        if left <= 0:
            break
        have = want.get(s, 0)
        if have <= 0:
            continue
        take = min(have, left)
        want[s] = have - take
        left -= take
    made: dict[str, int] = {}
    for s in SLOTS:
        mg = nearest_amount(b, want.get(s, 0))
        if mg:
            made[s] = mg
    if sum(made.values()) >= sum(current.values()):
        for s in order:
            if made.get(s):
                lower = _amount_below(b, made[s])
                if lower:
                    made[s] = lower
                else:
                    del made[s]
                break
    return made


def nearest_amount(b: Builder, want: Decimal | int) -> int:
    """The makeable single dose nearest want (ties up; 0 where nothing is nearer)."""
    if want <= 0:
        return 0
    if want == int(want) and b.maker.makeable(int(want)):
        return int(want)
    up = b.maker.nearest_total(want, 1, prefer_higher=True)
    if up is None or abs(up - want) > want:
        return 0
    return up


def _amount_below(b: Builder, mg: int) -> int:
    q = b.maker.quantum
    x = ((mg - 1) // q) * q
    while x > 0 and not b.maker.makeable(x):
        x -= q
    return max(x, 0)


def _nearest_split(b: Builder, wanted: Decimal | int, k: int, current: int) -> int | None:
    """The amount below current nearest wanted (ties up) that splits into exactly k doses."""
    q = b.maker.quantum
    nearest_first = sorted(range(q, current, q), key=lambda t: (abs(t - wanted), -t))
    return next((t for t in nearest_first if b.maker.split(t, k) is not None), None)


def _next_below(b: Builder, current: int, n: int) -> int | None:
    q = b.maker.quantum
    x = ((current - 1) // q) * q
    while x > 0:
        if b.maker.split_at_most(x, n) is not None:
            return x
        x -= q
    return None
