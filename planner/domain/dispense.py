"""What to dispense for a whole plan: capsules and tablets by strength, the oral solution
in mL and bottles (each line a DispenseLine of days.py)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

from planner.domain.days import Day, DispenseLine
from planner.domain.liquid import LIQUID_FORM, plain
from planner.domain.profiles import Profile


def dispense(days: list[Day] | tuple[Day, ...], profile: Profile) -> tuple[DispenseLine, ...]:
    """Capsules and tablets, then the oral solution (if the plan uses it).

    The other half of a split tablet is the next half-dose if that comes within the label's
    time limit; otherwise it is thrown away and the next half takes a new tablet. The
    solution is dispensed as the mL the plan uses and the label's bottles that hold them
    (bottles=None where the profile states no bottle size)."""
    whole: dict[int, int] = {}
    open_half: dict[int, date] = {}  # strength -> date its other half was split off
    keep = profile.half_tablet_use_within_days.value if profile.half_tablet_use_within_days else 0
    forms = {}
    ml: dict[int, Decimal] = {}  # mg per mL -> mL over the plan
    for d in days:
        for dose in d.doses:
            for u in dose.units:
                if u.form == LIQUID_FORM:
                    ml[u.strength_mg] = ml.get(u.strength_mg, Decimal(0)) + u.count
                    continue
                forms[u.strength_mg] = u.form
                full = int(u.count)
                whole[u.strength_mg] = whole.get(u.strength_mg, 0) + full
                if u.count - full:
                    split_on = open_half.pop(u.strength_mg, None)
                    if split_on is None or (d.date - split_on).days > keep:
                        whole[u.strength_mg] += 1
                        open_half[u.strength_mg] = d.date
    lines = [DispenseLine(s, forms[s], whole[s]) for s in sorted(whole) if whole[s]]
    bottle = profile.oral_solution.bottle_ml
    for per_ml in sorted(ml):
        total = plain(ml[per_ml])
        # Whole bottles: a part bottle is a bottle.
        bottles = int((total / bottle).to_integral_value(rounding=ROUND_CEILING)) if bottle else None
        lines.append(DispenseLine(per_ml, LIQUID_FORM, total, bottles))
    return tuple(lines)
