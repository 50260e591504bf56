"""The label's rules for how the day's doses are given: the time between doses (epilepsy)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .problem import Problem, cite, when

if TYPE_CHECKING:
    from .profiles import Indication
    from .schedule import Day, Schedule


def regimen_problems(s: "Schedule", days: list["Day"], indication: "Indication | None") -> list[Problem]:
    out: list[Problem] = []
    plan = s.plan
    k = s.kidney
    gap_rule = indication.max_hours_between_doses if indication is not None else None
    if gap_rule is not None and (k is None or k.doses_per_day >= 3):
        for d in days:
            if d.phase == "taper":
                continue
            hours = _longest_gap_hours(d)
            if hours > gap_rule.value:
                field = "slot_times"
                if len(d.doses) < plan.doses_per_day:
                    field = "slot_fill" if plan.slot_fill == "grow" else "doses_per_day"
                elif plan.doses_per_day < 3:
                    field = "doses_per_day"
                out.append(Problem(
                    "gap-between-doses", "warning", field,
                    f"On {when(d)} the longest gap between doses is {_hours(hours)} hours; in "
                    f"{indication.name[:1].lower() + indication.name[1:]} the label allows no more than "
                    f"{gap_rule.value} hours between doses ({cite(gap_rule.source)}). Give every dose "
                    f"from day 1, or move the dose times closer.",
                    gap_rule.source,
                ))
                break
    return out


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _longest_gap_hours(d: "Day") -> float:
    times = sorted(_minutes(x.time) for x in d.doses)
    gaps = [b - a for a, b in zip(times, times[1:])] + [times[0] + 24 * 60 - times[-1]]
    return max(gaps) / 60


def _hours(h: float) -> str:
    return str(int(h)) if h == int(h) else f"{h:.1f}"
