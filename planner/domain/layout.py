"""The plan's segments laid out day by day: each day's doses, the segment (step) it belongs
to, and the Roundings of amounts the strengths could not make."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from planner.domain.builder import Builder
from planner.domain.days import Day, Rounding, Segment
from planner.domain.segments import MAX_PLAN_DAYS, too_long


def lay_out(b: Builder, segments: list[Segment]) -> list[Day]:
    plan = b.plan
    total_days = sum(s.days for s in segments)
    if total_days > MAX_PLAN_DAYS:
        raise too_long(plan, total_days)
    days: list[Day] = []
    n = 1
    for number, seg in enumerate(segments, start=1):
        if seg.days and seg.field is not None and seg.wanted is not None and seg.wanted != seg.total_mg:
            b.roundings.append(Rounding(seg.field, n, Decimal(seg.wanted), seg.total_mg, seg.phase))
        noted: set[int] = set()  # each shortfall once per step
        for _ in range(seg.days):
            given = need = 0
            if seg.total_mg == 0:
                doses = ()
            elif seg.slots is not None:
                doses = b.doses_at(seg.slots)  # as given: the checker judges the gaps
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
                            segment=number, edited=seg.edited, hold=seg.hold))
            n += 1
    return days
