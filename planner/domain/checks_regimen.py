"""The label's rules for how the day's doses are given: how many doses a day (the label's
regimen for the indication, dose and kidney band) and the time between them (epilepsy)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain.problem import Problem, cite, when
from planner.domain.regimen import gap_rule, label_minimum, longest_gap_minutes

if TYPE_CHECKING:
    from planner.domain.profiles import Indication
    from planner.domain.days import Day, Schedule


def regimen_problems(s: "Schedule", days: list["Day"], indication: "Indication | None") -> list[Problem]:
    return _fewer_than_label(s, days, indication) + _gaps(s, days, indication)


def _fewer_than_label(s: "Schedule", days: list["Day"], indication: "Indication | None") -> list[Problem]:
    """doses_per_day below the label's regimen: the fill cannot give what the label does."""
    n = s.plan.doses_per_day
    worst = None
    for d in days:
        m = label_minimum(s.profile, indication, s.kidney, d.day)
        if m is not None and m.doses > n and (worst is None or m.doses > worst[1].doses):
            worst = (d, m)
    if worst is None:
        return []
    d, m = worst
    where = s.profile.name if indication is None else (
        f"{s.profile.name} in {indication.name[:1].lower() + indication.name[1:]}")
    return [Problem(
        "fewer-doses-than-label", "blocking", "doses_per_day",
        f"The plan gives {s.profile.name} in at most {_doses(n)} a day. From {when(d)} the label "
        f"divides {where} into {_doses(m.doses)} a day ({cite(m.source)}). Choose {m.doses} doses "
        f"a day, or record why fewer suit this patient.",
        m.source, value=f"{n} dose{'s' if n != 1 else ''} a day, label {m.doses}",
    )]


def _gaps(s: "Schedule", days: list["Day"], indication: "Indication | None") -> list[Problem]:
    """No more than the label's hours between doses on any day with doses: titration,
    maintenance and taper alike (the stop day has no doses)."""
    plan = s.plan
    rule = gap_rule(plan, s.profile, s.kidney)
    if rule is None:
        return []
    limit = rule.value * 60
    over = [(d, longest_gap_minutes([x.time for x in d.doses])) for d in days if d.doses]
    over = [(d, gap) for d, gap in over if gap > limit]
    if not over:
        return []
    first, gap = over[0]
    longest = max(g for _, g in over)
    field = "slot_times"
    if len(first.doses) < plan.doses_per_day:
        field = "slot_fill" if plan.slot_fill == "grow" and first.phase != "taper" else "doses_per_day"
    elif plan.doses_per_day < 3:
        field = "doses_per_day"
    count = f" (and on {len(over) - 1} more day{'s' if len(over) > 2 else ''})" if len(over) > 1 else ""
    return [Problem(
        "gap-between-doses", "blocking", field,
        f"On {when(first)}{count} the longest gap between doses is {_hours(gap)} hours; in "
        f"{indication.name[:1].lower() + indication.name[1:]} the label allows no more than "
        f"{rule.value} hours between doses ({cite(rule.source)}). Give every dose from day 1, "
        f"keep enough doses a day in the taper, or move the dose times closer.",
        rule.source, value=f"longest gap {_hours(longest)} hours, label {rule.value} hours",
    )]


def _doses(n: int) -> str:
    return {1: "one dose", 2: "two doses", 3: "three doses", 4: "four doses"}.get(n, f"{n} doses")


def _hours(minutes: int) -> str:
    return str(minutes // 60) if minutes % 60 == 0 else f"{minutes / 60:.1f}"
