"""What to dispense for a whole plan: capsules and tablets by strength, the oral solution
in mL and bottles (each line a DispenseLine of days.py)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, Decimal

from planner.domain.days import Day, DispenseLine, Run, runs_of
from planner.domain.liquid import LIQUID_FORM, plain
from planner.domain.profiles import Profile


def dispense(days: list[Run] | tuple[Day, ...], profile: Profile) -> tuple[DispenseLine, ...]:
    """Capsules and tablets, then the oral solution (if the plan uses it); days: Days, or the
    engine's runs of equal days (days.Run).

    The other half of a split tablet is the next half-dose if that comes within the label's
    time limit; otherwise it is thrown away and the next half takes a new tablet. The
    solution is dispensed as the mL the plan uses and the label's bottles that hold them
    (bottles=None where the profile states no bottle size)."""
    whole: dict[int, int] = {}
    open_half: dict[int, date] = {}  # strength -> date its other half was split off
    keep = profile.half_tablet_use_within_days.value if profile.half_tablet_use_within_days else 0
    forms = {}
    ml: dict[int, Decimal] = {}  # mg per mL -> mL over the plan
    for r in (d if isinstance(d, Run) else runs_of((d,))[0] for d in days):
        halves: list[int] = []  # the strength of each half a day of the run takes, in order
        for dose in r.doses:
            for u in dose.units:
                if u.form == LIQUID_FORM:
                    ml[u.strength_mg] = ml.get(u.strength_mg, Decimal(0)) + u.count * r.count
                    continue
                forms[u.strength_mg] = u.form
                full = int(u.count)
                whole[u.strength_mg] = whole.get(u.strength_mg, 0) + full * r.count
                if u.count - full:
                    halves.append(u.strength_mg)
        if halves:
            for s, n in _split_tablets(halves, r, open_half, keep).items():
                whole[s] = whole.get(s, 0) + n
    lines = [DispenseLine(s, forms[s], whole[s]) for s in sorted(whole) if whole[s]]
    bottle = profile.oral_solution.bottle_ml
    for per_ml in sorted(ml):
        total = plain(ml[per_ml])
        # Whole bottles: a part bottle is a bottle.
        bottles = int((total / bottle).to_integral_value(rounding=ROUND_CEILING)) if bottle else None
        lines.append(DispenseLine(per_ml, LIQUID_FORM, total, bottles))
    return tuple(lines)


def _split_tablets(halves: list[int], r: Run, open_half: dict[int, date], keep: int) -> dict[int, int]:
    """The tablets split over the run's days for the halves each day takes (open_half is
    brought up to the run's last day). Day by day until the days repeat what went before
    (what is open, and how many days ago it was split, the same at the start of two days);
    then the days between repeat to the run's end, counted, not walked."""
    split: dict[int, int] = {}
    seen: dict[tuple, tuple[int, dict[int, int]]] = {}  # state at a day's start -> (day index, split so far)
    i = 0
    while i < r.count:
        today = r.date.toordinal() + i
        state = tuple((s, today - open_half[s].toordinal() if s in open_half else None) for s in sorted(set(halves)))
        if state in seen:
            j, before = seen[state]
            period = i - j
            repeats = (r.count - i) // period
            if repeats:
                for s in split:
                    split[s] += (split[s] - before.get(s, 0)) * repeats
                i += period * repeats
                # What is open moves on with the days: the same distance back from the new day.
                for s in open_half:
                    if s in halves:
                        open_half[s] = date.fromordinal(open_half[s].toordinal() + period * repeats)
                seen.clear()
                continue
        seen[state] = (i, dict(split))
        day = date.fromordinal(today)
        for s in halves:
            split_on = open_half.pop(s, None)
            if split_on is None or (day - split_on).days > keep:
                split[s] = split.get(s, 0) + 1
                open_half[s] = day
        i += 1
    return split
