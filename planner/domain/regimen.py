"""The label's regimen for a plan: the fewest doses a day it gives, and how many doses the
epilepsy rule (no more than 12 hours between doses) needs with the plan's dose times.

Both the engine (to fill the day) and the checker (to judge a plan) read these, so what
the default fill makes and what the checker accepts cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.domain.kinds import doses_per_day
from planner.domain.plan import SLOTS_FOR_DOSES, Plan

if TYPE_CHECKING:
    from planner.domain.kidney import KidneyAssessment
    from planner.domain.profiles import Cited, Indication, Profile


@dataclass(frozen=True)
class DoseMinimum:
    doses: int
    source: str


def chosen_indication(plan: Plan, profile: "Profile") -> "Indication | None":
    return profile.indication(plan.indication) if plan.indication else None


def label_minimum(profile: "Profile", indication: "Indication | None",
                  kidney: "KidneyAssessment | None", day: int) -> DoseMinimum | None:
    """The fewest doses a day the label's regimen gives on this plan day.

    Without a chosen indication: the least of the drug's indications (every one of them
    divides the day at least this much). A kidney band whose own regimen gives fewer
    (gabapentin 30-59 twice daily, below 30 once daily) lowers it to the band's."""
    found: list[DoseMinimum] = []
    for ind in ([indication] if indication is not None else list(profile.indications)):
        m = ind.min_doses_per_day
        if m is None:
            continue
        n = m.value
        if day <= len(ind.min_doses_start_days):
            n = ind.min_doses_start_days[day - 1]
        found.append(DoseMinimum(n, m.source))
    if not found:
        return None
    least = min(found, key=lambda x: x.doses)
    band_min = kidney.band.min_doses_per_day if kidney is not None else None
    if band_min is not None and band_min.value < least.doses:
        least = DoseMinimum(band_min.value, band_min.source)
    return least


def regimen_steady_from(profile: "Profile", indication: "Indication | None") -> int:
    """The first plan day from which label_minimum no longer depends on the day (the label's
    start days are over), for the indications it reads."""
    read = [indication] if indication is not None else list(profile.indications)
    return 1 + max((len(ind.min_doses_start_days) for ind in read), default=0)


def gap_rule(plan: Plan, profile: "Profile", kidney: "KidneyAssessment | None") -> "Cited | None":
    """The label's longest time between doses for this plan, where it applies.

    The Neurontin label (2.2) sets it for the three-times-daily schedule in epilepsy. Where
    the kidney band's own regimen is once or twice daily (Neurontin 2.3 Table 1: CrCl 59 or
    less), the label's regimen itself has longer gaps, so the rule is not applied there."""
    ind = chosen_indication(plan, profile)
    rule = ind.max_hours_between_doses if ind is not None else None
    if rule is None or (kidney is not None and kidney.doses_per_day < 3):
        return None
    return rule


def minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def longest_gap_minutes(times: list[str]) -> int:
    """The longest time between consecutive doses over the day, overnight included."""
    ts = sorted(minutes(t) for t in times)
    return max([b - a for a, b in zip(ts, ts[1:])] + [ts[0] + 24 * 60 - ts[-1]])


def doses_for_gap(plan: Plan, hours: int) -> int:
    """The fewest doses a day (up to the plan's doses_per_day) whose slots, at the plan's
    dose times, leave no gap over hours; the plan's doses_per_day if none do."""
    n = doses_per_day(plan)
    for k in range(1, n + 1):
        if longest_gap_minutes([plan.slot_time(s) for s in SLOTS_FOR_DOSES[k]]) <= hours * 60:
            return k
    return n
