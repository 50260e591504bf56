"""A computed schedule: its days, steps, dispense totals and problems, as plain data.

The engine (schedule.py) makes one; the checker (problems.py) reads one; neither imports
the other through this module, so the two cannot call each other round a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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


@dataclass(frozen=True)
class Run:
    """Consecutive days alike in all but their number and date, as the engine carries them
    until it hands out the days (days_of): its work grows with the plan's steps, not its days.
    Its fields are a Day's (day and date of its first day), so a step of the engine may re-make
    a run as it re-makes a day (dataclasses.replace)."""

    day: int  # its first day
    date: date  # its first day's date
    count: int  # how many days
    phase: str
    total_mg: int
    doses: tuple[Dose, ...]
    dialysis: DialysisSupplement | None = None
    segment: int = 0
    edited: bool = False
    hold: bool = False

    @property
    def last_day(self) -> int:
        return self.day + self.count - 1

    @property
    def end(self) -> date:
        return self.date + timedelta(days=self.count - 1)


def runs_of(days) -> list[Run]:
    """Days as runs of one day each (what the engine's steps read, for callers holding days)."""
    return [Run(d.day, d.date, 1, d.phase, d.total_mg, d.doses, d.dialysis, d.segment, d.edited, d.hold)
            for d in days]


def days_of(runs) -> tuple[Day, ...]:
    """The runs' days, one Day each: the Schedule's days.

    A run's first day is made as any Day is; its other days are copies of it with their own
    number and date (the fields of a frozen dataclass set one by one cost twice as much, and a
    two-year plan has 800 days). A copy has every field the first day has, whatever Day holds."""
    out: list[Day] = []
    add = out.append
    new, set_fields = object.__new__, object.__setattr__
    fromordinal = date.fromordinal
    for r in runs:
        head = Day(r.day, r.date, r.phase, r.total_mg, r.doses, r.dialysis, r.segment, r.edited, r.hold)
        add(head)
        fields = head.__dict__
        first = r.date.toordinal() - r.day
        for n in range(r.day + 1, r.day + r.count):
            d = new(Day)
            same = fields.copy()
            same["day"] = n
            same["date"] = fromordinal(first + n)
            set_fields(d, "__dict__", same)
            add(d)
    return tuple(out)


def group_steps(days) -> tuple[Step, ...]:
    """Runs of consecutive days with the same phase, doses and dialysis supplement (days or Runs)."""
    steps: list[Step] = []
    for d in days:
        if not isinstance(d, Run):
            d = runs_of((d,))[0]
        last = steps[-1] if steps else None
        # Plan steps the strengths make equal (a rounding) show as one row, numbered by its
        # first; a hold or an edited step is always its own row. (A run's days are alike: if its
        # first day joins the row before, so do the rest.)
        same_run = last is not None and (last.segment == d.segment or not (d.hold or d.edited or last.edited or last.hold))
        if (same_run and last.phase == d.phase and last.doses == d.doses and last.dialysis == d.dialysis
                and last.last_day + 1 == d.day):
            steps[-1] = Step(last.first_day, d.last_day, last.start, d.end, d.phase, d.total_mg, d.doses,
                             d.dialysis, d.segment, d.edited, d.hold)
        else:
            steps.append(Step(d.day, d.last_day, d.date, d.end, d.phase, d.total_mg, d.doses, d.dialysis,
                              d.segment, d.edited, d.hold))
    return tuple(steps)
