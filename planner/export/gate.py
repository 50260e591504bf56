"""Whether a schedule may be exported or printed at all: the one check every renderer and
the verified write make before anything is drawn or written."""

from __future__ import annotations

from planner.domain.schedule import Schedule
from planner.text.catalogue import say


def refuse_unexportable(schedule: Schedule) -> None:
    """ValueError unless the schedule has days and every blocking problem has a recorded override."""
    if schedule.exportable:
        return
    if not schedule.days:
        raise ValueError(say("export.refused.no-schedule"))
    codes = ", ".join(p.code for p in schedule.unresolved_blocking)
    raise ValueError(say("export.refused.blocking", codes=codes))


__all__ = ["refuse_unexportable"]
