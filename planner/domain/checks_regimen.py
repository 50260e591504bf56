"""The label's rules for how the day's doses are given: how many doses a day (the label's
regimen for the indication, dose and kidney band) and the time between them (epilepsy)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.kinds import doses_per_day
from planner.domain.problem import Problem
from planner.domain.regimen import gap_rule, label_minimum, longest_gap_minutes, regimen_steady_from

if TYPE_CHECKING:
    from planner.domain.profiles import Indication
    from planner.domain.days import Schedule, Step


def regimen_problems(s: "Schedule", dosed: list["Step"], indication: "Indication | None") -> list[Problem]:
    """dosed: the steps with a dose (check_steps.dosed_steps)."""
    return _fewer_than_label(s, dosed, indication) + _gaps(s, dosed, indication)


def _fewer_than_label(s: "Schedule", dosed: list["Step"], indication: "Indication | None") -> list[Problem]:
    """doses_per_day below the label's regimen: the fill cannot give what the label does.
    Not for a stop plan: its doses come from today's regimen and only get fewer as it
    tapers (the epilepsy gap rule still applies to every day, _gaps)."""
    if s.plan.kind == "stop":
        return []
    n = doses_per_day(s.plan)
    worst = None
    steady = regimen_steady_from(s.profile, indication)
    # Day by day (the days with a dose, lazily) to the first day past the label's start days.
    for d in (s.days[day - 1] for st in dosed for day in range(st.first_day, st.last_day + 1)):
        m = label_minimum(s.profile, indication, s.kidney, d.day)
        if m is not None and m.doses > n and (worst is None or m.doses > worst[1].doses):
            worst = (d, m)
        if d.day >= steady:
            break  # every later day has this day's minimum: none of them is worse
    if worst is None:
        return []
    d, m = worst
    return [Problem(
        "fewer-doses-than-label", "blocking", "doses_per_day", m.source,
        value=canonical.fewer_doses_than_label(n, m.doses),
        values={"drug": s.profile.name, "indication": indication.name if indication is not None else None,
                "doses": n, "day": d, "label_doses": m.doses},
    )]


def _gaps(s: "Schedule", dosed: list["Step"], indication: "Indication | None") -> list[Problem]:
    """No more than the label's hours between doses on any day with doses: titration,
    maintenance and taper alike (the stop day has no doses)."""
    plan = s.plan
    rule = gap_rule(plan, s.profile, s.kidney)
    if rule is None:
        return []
    limit = rule.value * 60
    over = [(st, longest_gap_minutes([x.time for x in st.doses])) for st in dosed if st.doses]
    over = [(st, gap) for st, gap in over if gap > limit]
    if not over:
        return []
    first, gap = s.days[over[0][0].first_day - 1], over[0][1]
    longest = max(g for _, g in over)
    over_days = sum(st.days for st, _ in over)
    field = "slot_times"
    if len(first.doses) < doses_per_day(plan):
        field = "slot_fill" if plan.slot_fill == "grow" and first.phase != "taper" else "doses_per_day"
    elif doses_per_day(plan) < 3:
        field = "doses_per_day"
    if plan.kind == "stop" and field == "doses_per_day":
        field = "current"  # a stop plan's doses a day are today's regimen's
    return [Problem(
        "gap-between-doses", "blocking", field, rule.source,
        value=canonical.gap(longest, rule.value),
        values={"day": first, "more_days": over_days - 1, "gap_minutes": gap, "indication": indication.name,
                "label_hours": rule.value},
    )]
