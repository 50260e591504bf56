"""The profile's parts behind label-start templates (issue 14), each number with its source:
an indication's start, pace and target (`template`), the drug's defaults for the review and
the taper (`template_defaults`), and the minimum times a titration may take (`titration_pace`).

Read from resources/profiles/*.json by planner.domain.profiles; planner.domain.templates makes
plans from them and planner.domain.checks_labels checks plans against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.domain.cited import Cited, ProfileError, read_cited
from planner.domain.plan import SLOT_FILL_MODES, SLOTS


@dataclass(frozen=True)
class LabelTemplate:
    """An indication's label start: the first day's mg/day, the step and its length, the target."""

    doses_per_day: Cited
    start_mg: Cited
    increment_mg: Cited
    step_days: Cited
    target_mg: Cited
    slot_fill: str  # "grow": the label adds a dose a day at first (gabapentin PHN); "all": full split from day 1
    # The length of each first step where the label's start is day by day (gabapentin PHN:
    # 300 on day 1, 600 on day 2), before the steps of step_days.
    first_steps_days: tuple[int, ...] = ()
    first_steps_source: str | None = None


@dataclass(frozen=True)
class TaperDefault:
    """The taper a template offers: step_mg less every step_days (practice, not the label)."""

    step_mg: int
    step_days: int
    source: str


@dataclass(frozen=True)
class TemplateDefaults:
    """The drug's defaults for plans made from a template."""

    review_after_target_days: Cited
    taper: TaperDefault
    taper_order: tuple[str, ...]
    taper_order_source: str


@dataclass(frozen=True)
class PaceMinimum:
    mg: int  # a daily dose
    days: int  # reached no sooner than this many days after day 1 (on day days + 1 at the earliest)


@dataclass(frozen=True)
class TitrationPace:
    """The least time a titration takes to reach each dose (gabapentin SmPC 4.2)."""

    minimums: tuple[PaceMinimum, ...]
    source: str


def read_template(d: dict[str, Any] | None, where: str) -> LabelTemplate | None:
    if d is None:
        return None
    if d.get("slot_fill") not in SLOT_FILL_MODES:
        raise ProfileError(f"{where}: template.slot_fill must be one of {SLOT_FILL_MODES}")
    first = d.get("first_steps_days") or {}
    t = LabelTemplate(
        doses_per_day=read_cited(d["doses_per_day"]),
        start_mg=read_cited(d["start_mg"]),
        increment_mg=read_cited(d["increment_mg"]),
        step_days=read_cited(d["step_days"]),
        target_mg=read_cited(d["target_mg"]),
        slot_fill=d["slot_fill"],
        first_steps_days=tuple(int(x) for x in first.get("days", ())),
        first_steps_source=first.get("source"),
    )
    if not 1 <= t.doses_per_day.value <= 4 or t.start_mg.value < 1 or t.target_mg.value < 1 \
            or t.increment_mg.value < 1 or t.step_days.value < 1 or any(x < 1 for x in t.first_steps_days):
        raise ProfileError(f"{where}: a template number is out of range")
    return t


def read_defaults(d: dict[str, Any] | None, where: str) -> TemplateDefaults | None:
    if d is None:
        return None
    taper = d["taper"]
    order = tuple(d["taper_order"]["order"])
    if sorted(order) != sorted(SLOTS):
        raise ProfileError(f"{where}: template_defaults.taper_order must list every time of day once")
    return TemplateDefaults(
        review_after_target_days=read_cited(d["review_after_target_days"]),
        taper=TaperDefault(int(taper["step_mg"]), int(taper["step_days"]), str(taper["source"])),
        taper_order=order,
        taper_order_source=str(d["taper_order"]["source"]),
    )


def read_pace(d: dict[str, Any] | None) -> TitrationPace | None:
    if d is None:
        return None
    mins = tuple(PaceMinimum(int(x["mg"]), int(x["days"])) for x in d["min_days_to_reach"])
    return TitrationPace(tuple(sorted(mins, key=lambda m: m.mg)), str(d["source"]))
