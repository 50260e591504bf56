"""The plan's segments laid out as runs of equal days: each run's doses, the segment (step) it
belongs to, and the Roundings of amounts the strengths could not make.

A segment's days are alike except where the label's regimen depends on the day's number (its
first days, Builder.steady_from); those days are laid out one by one, the rest of the segment
as one run, so the work grows with the plan's steps, not with its days."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from planner.domain.builder import Builder
from planner.domain.days import Rounding, Run, Segment
from planner.domain.segments import MAX_PLAN_DAYS, too_long


def lay_out(b: Builder, segments: list[Segment]) -> list[Run]:
    plan = b.plan
    total_days = sum(s.days for s in segments)
    if total_days > MAX_PLAN_DAYS:
        raise too_long(plan, total_days)
    runs: list[Run] = []
    n = 1
    for number, seg in enumerate(segments, start=1):
        if seg.days and seg.field is not None and seg.wanted is not None and seg.wanted != seg.total_mg:
            b.roundings.append(Rounding(seg.field, n, Decimal(seg.wanted), seg.total_mg, seg.phase))
        noted: set[int] = set()  # each shortfall once per step
        end = n + seg.days
        while n < end:
            given = need = 0
            count = end - n  # the rest of the segment, unless this day's number decides its doses
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
            if n < b.steady_from:
                count = 1  # the label's first days: a day's number may change its doses or its products
            if given < need and need not in noted:
                b.fewer.append((n, seg.total_mg, given, need))
                noted.add(need)
            runs.append(Run(n, plan.start_date + timedelta(days=n - 1), count, seg.phase, seg.total_mg, doses,
                            segment=number, edited=seg.edited, hold=seg.hold))
            n += count
    return runs
