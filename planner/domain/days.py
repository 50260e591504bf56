"""A computed schedule: its days, steps, dispense totals and problems, as plain data.

The engine (schedule.py) makes one; the checker (problems.py) reads one; neither imports
the other through this module, so the two cannot call each other round a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from planner.domain.dialysis import DialysisSupplement
from planner.domain.kidney import KidneyAssessment
from planner.domain.limits import Limits
from planner.domain.overrides import covering_override, stale_override
from planner.domain.plan import Plan
from planner.domain.problem import Problem
from planner.domain.profiles import Profile
from planner.domain.units import Unit

PHASES = ("titration", "maintenance", "taper")



@dataclass(frozen=True)
class Dose:
    slot: str  # morning, midday, evening or bedtime
    time: str  # "HH:MM"
    mg: int
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Day:
    day: int  # 1 on the start date
    date: date
    phase: str
    total_mg: int
    doses: tuple[Dose, ...]
    # The supplement after each haemodialysis session on this day (None: no dialysis, no dose).
    dialysis: DialysisSupplement | None = None
    segment: int = 0  # the plan's step this day belongs to, from 1 (what a StepEdit's step names)
    edited: bool = False  # a prescriber's step edit changed this step
    hold: bool = False  # a hold the prescriber inserted


@dataclass(frozen=True)
class Step:
    """A run of consecutive days with the same phase and the same doses."""

    first_day: int
    last_day: int
    start: date
    end: date
    phase: str
    total_mg: int
    doses: tuple[Dose, ...]
    dialysis: DialysisSupplement | None = None  # as on each of its days
    # The plan's step (segment) of its first day. A plan step may show as several rows (the
    # label's doses on days 1-2), and plan steps the strengths make equal show as one row.
    segment: int = 0
    edited: bool = False
    hold: bool = False

    @property
    def days(self) -> int:
        return self.last_day - self.first_day + 1


@dataclass(frozen=True)
class DispenseLine:
    strength_mg: int
    form: str
    count: int  # whole capsules or tablets; a half tablet takes a whole one from the pack
    # The oral solution: count is the mL the plan uses (a Decimal) and bottles how many
    # bottles of the label's size hold it; None for capsules and tablets.
    bottles: int | None = None


@dataclass(frozen=True)
class Rounding:
    """An amount the strengths could not make, and the amount used instead."""

    field: str
    day: int
    wanted: Decimal
    used: int
    phase: str


@dataclass(frozen=True)
class Segment:
    """Part of the plan at one daily dose before it is laid out day by day."""

    phase: str
    total_mg: int
    days: int
    doses: int  # how many doses a day are wanted
    exact: bool  # False where fewer doses than wanted are expected (grow mode, taper)
    # The day's doses as given, (slot, mg) in slot order (an ordered taper, a prescriber's
    # split); None: the engine splits total_mg into `doses` doses.
    slots: tuple[tuple[str, int], ...] | None = None
    edited: bool = False  # a prescriber's step edit changed it
    hold: bool = False  # a hold the prescriber inserted
    # The input behind total_mg and the amount it asked for: a Rounding where they differ.
    field: str | None = None
    wanted: Decimal | int | None = None
    until_review: bool = False  # maintenance whose length runs to the review date


@dataclass(frozen=True)
class Schedule:
    plan: Plan
    profile: Profile
    days: tuple[Day, ...]
    steps: tuple[Step, ...]  # the days grouped (group_steps), once, by the engine
    dispense: tuple[DispenseLine, ...]
    kidney: KidneyAssessment | None
    limits: Limits  # computed once per plan; the checker and the chart read these
    problems: tuple[Problem, ...]
    roundings: tuple[Rounding, ...] = ()
    # Today's regimen (change and stop plans): the doses the patient takes before day 1,
    # made of the units they have. Empty for plans that start the drug.
    current: tuple[Dose, ...] = ()
    review_date: date | None = None  # maintenance until review: the day of the review

    @property
    def continues(self) -> bool:
        """The patient keeps taking the last day's dose after the plan's last day (no stop):
        nothing may say the treatment ends."""
        return bool(self.days) and self.days[-1].total_mg > 0

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "blocking")

    @property
    def has_blocking(self) -> bool:
        return any(p.severity == "blocking" for p in self.problems)

    def override_for(self, problem: Problem):
        """The override recorded for this problem's code and present value (see covering_override)."""
        return covering_override(self.plan.overrides, problem)

    def stale_override_for(self, problem: Problem):
        """An override of this problem's code recorded for another value: it covers nothing."""
        return stale_override(self.plan.overrides, problem)

    @property
    def unresolved_blocking(self) -> tuple[Problem, ...]:
        """Blocking problems with no recorded override: while there is one, the plan
        cannot be printed or exported."""
        return tuple(p for p in self.blocking if self.override_for(p) is None)

    @property
    def exportable(self) -> bool:
        return bool(self.days) and not self.unresolved_blocking

    @property
    def dialysis_steps(self) -> tuple[Step, ...]:
        """The steps with a supplement after each haemodialysis session."""
        return tuple(st for st in self.steps if st.dialysis is not None)

    @property
    def end_date(self) -> date | None:
        return self.days[-1].date if self.days else None


def group_steps(days: tuple[Day, ...]) -> tuple[Step, ...]:
    """Runs of consecutive days with the same phase, doses and dialysis supplement."""
    steps: list[Step] = []
    for d in days:
        last = steps[-1] if steps else None
        # Plan steps the strengths make equal (a rounding) show as one row, numbered by its
        # first; a hold or an edited step is always its own row.
        same_run = last is not None and (last.segment == d.segment or not (d.hold or d.edited or last.edited or last.hold))
        if (same_run and last.phase == d.phase and last.doses == d.doses and last.dialysis == d.dialysis
                and last.last_day + 1 == d.day):
            steps[-1] = Step(last.first_day, d.day, last.start, d.date, d.phase, d.total_mg, d.doses,
                             d.dialysis, d.segment, d.edited, d.hold)
        else:
            steps.append(Step(d.day, d.day, d.date, d.date, d.phase, d.total_mg, d.doses, d.dialysis,
                              d.segment, d.edited, d.hold))
    return tuple(steps)
