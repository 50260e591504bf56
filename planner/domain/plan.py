"""The clinician's inputs: one titration plan, as entered. No arithmetic happens here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

SLOTS = ("morning", "midday", "evening", "bedtime")

DEFAULT_SLOT_TIMES = (("morning", "08:00"), ("midday", "13:00"), ("evening", "18:00"), ("bedtime", "22:00"))

# Larger doses go to bedtime first, where drowsiness matters least.
DEFAULT_LARGER_DOSE_ORDER = ("bedtime", "evening", "midday", "morning")

# The slots used for 1-4 doses a day. Three doses skip the evening so that no gap
# between doses (overnight included) exceeds 12 hours with the default clock times.
SLOTS_FOR_DOSES = {
    1: ("bedtime",),
    2: ("morning", "bedtime"),
    3: ("morning", "midday", "bedtime"),
    4: ("morning", "midday", "evening", "bedtime"),
}

# In "grow" mode the slots come into use in this order, one more at each step.
GROW_ORDER = ("bedtime", "morning", "midday", "evening")

SLOT_FILL_MODES = ("grow", "all")

# What the plan does (issue 14). start: titrate up from start_dose_mg, then continue;
# change: from today's regimen (current) to target_dose_mg, up or down, then continue;
# stop: taper from today's regimen to zero; start_and_stop: titrate, hold, then taper
# (the one shape of format version 1).
PLAN_KINDS = ("start", "change", "stop", "start_and_stop")
# After the target: "review": keep taking it until the review date (the plan continues);
# "days": hold it for maintenance_days (a fixed length, as in format version 1).
MAINTENANCE_MODES = ("review", "days")
# Which steps use the oral solution: every step, or the taper's steps at or below below_mg.
LIQUID_USES = ("all", "taper_end")
# The oral syringes a dose is measured with, in mL (their marks: resources/inputs/syringes.json).
SYRINGE_ML = (5, 10)
# The indication id of an off-label use: the prescriber states its maximum and the reason.
OFF_LABEL = "off_label"


@dataclass(frozen=True)
class Taper:
    """Reduce the dose by step_mg or by step_percent of the current dose every step_days, to zero."""

    step_days: int
    step_mg: int | None = None
    step_percent: Decimal | None = None
    # Which time of day is cut first, then next...; None: every step re-splits the day's
    # total evenly (format version 1's taper).
    order: tuple[str, ...] | None = None


@dataclass(frozen=True)
class KidneyInput:
    """Either a CrCl entered directly, or the Cockcroft-Gault inputs to estimate it."""

    crcl_ml_min: Decimal | None = None
    age_years: Decimal | None = None
    sex: str | None = None  # "female" or "male"
    weight_kg: Decimal | None = None
    serum_creatinine_mg_dl: Decimal | None = None
    serum_creatinine_umol_l: Decimal | None = None
    haemodialysis: bool = False


@dataclass(frozen=True)
class StepEdit:
    """A prescriber's change to one step of the plan (numbered from 1 as the engine lays the
    steps out, after the edits listed before this one). Later steps follow in time."""

    step: int
    total_mg: int | None = None  # a new daily dose for the step
    doses: tuple[tuple[str, int], ...] | None = None  # its split: (slot, mg), summing to the day's dose
    days: int | None = None  # a new length in days
    hold_days: int | None = None  # insert a hold at this step's dose, this many days, after it


@dataclass(frozen=True)
class Liquid:
    """The oral solution instead of capsules and tablets, for every step or for the taper's last steps."""

    use: str = "all"  # one of LIQUID_USES
    below_mg: int | None = None  # taper_end: steps whose daily dose is at or below this
    syringe_ml: int = 5  # one of SYRINGE_ML


@dataclass(frozen=True)
class OffLabel:
    """An off-label use: the maximum the prescriber states and why the drug is used."""

    max_daily_mg: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Patient:
    name: str | None = None
    date_of_birth: date | None = None
    identifier: str | None = None  # hospital or health-service number


@dataclass(frozen=True)
class Prescriber:
    name: str | None = None
    organisation: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Pharmacy:
    name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Override:
    """A clinician's recorded decision to export despite a blocking problem, and why."""

    code: str  # the blocking problem's code, e.g. "above-kidney-maximum"
    reason: str
    # The problem's value when the decision was made (Problem.value). It covers that value only;
    # None (a file from before values were recorded) covers nothing until decided again.
    value: str | None = None


@dataclass(frozen=True)
class Plan:
    drug: str
    start_date: date
    # None where the kind of plan does not use them (a stop plan has no start dose).
    start_dose_mg: int | None = None
    increment_mg: int | None = None
    step_days: int | None = None
    target_dose_mg: int | None = None
    doses_per_day: int | None = None
    strengths_mg: tuple[int, ...] | None = None  # None: every solid strength of the drug
    indication: str | None = None
    kind: str = "start_and_stop"  # one of PLAN_KINDS
    # Today's regimen (change and stop plans): (slot, mg) for each time of day taken.
    current: tuple[tuple[str, int], ...] | None = None
    slot_fill: str = "grow"
    slot_times: tuple[tuple[str, str], ...] = DEFAULT_SLOT_TIMES
    larger_dose_order: tuple[str, ...] = DEFAULT_LARGER_DOSE_ORDER
    maintenance: str = "days"  # one of MAINTENANCE_MODES
    maintenance_days: int = 0
    review_date: date | None = None
    taper: Taper | None = None
    step_edits: tuple[StepEdit, ...] = ()
    liquid: Liquid | None = None
    off_label: OffLabel | None = None
    kidney: KidneyInput | None = None
    patient: Patient | None = None
    prescriber: Prescriber | None = None
    pharmacy: Pharmacy | None = None
    handout_language: str = "en"  # a code of planner.domain.languages (schema.FIELDS)
    overrides: tuple[Override, ...] = ()
    plan_id: str | None = None  # a UUID: who the plan is for, kept across edits (calendar UIDs)

    def slot_time(self, slot: str) -> str:
        return dict(self.slot_times)[slot]


# Fixed for good: changing it would change every derived plan identity (and calendar UID).
PLAN_ID_NAMESPACE = uuid.UUID("6f1c7a8e-2b0d-5e43-9a51-0c3f4d2e7b19")


def new_plan_id() -> str:
    return str(uuid.uuid4())


def plan_identity(plan: Plan) -> str:
    """The plan's id, lower case. A plan without one (a file from before plan_id, an
    example) is known by what a dose edit leaves alone: its drug and its patient
    (identifier, name, date of birth), so its exports keep their calendar UIDs too."""
    if plan.plan_id:
        return plan.plan_id.lower()
    p = plan.patient or Patient()
    dob = p.date_of_birth.isoformat() if p.date_of_birth else ""
    key = "\x1f".join((plan.drug, p.identifier or "", p.name or "", dob))
    return str(uuid.uuid5(PLAN_ID_NAMESPACE, key))


@dataclass(frozen=True)
class FieldError:
    """One field a plan cannot use: its path ("kidney.weight_kg", "strengths_mg[1]") and why,
    worded by whoever found it (planner.files words its messages through the catalogue).
    The domain cannot word: it gives a code and values instead, and planner.text.errors
    words them (worded()) before a person reads the error."""

    field: str
    message: str = ""
    code: str | None = None
    values: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        if self.message or self.code is None:
            return f"{self.field}: {self.message}"
        return f"{self.field}: {self.code} ({', '.join(f'{k}={v}' for k, v in self.values)})"


@dataclass
class PlanError(Exception):
    """The plan cannot be used as it stands. Names every field that is wrong.

    summary is how the error reads as a whole, worded by the layer that raised it
    (planner.files.wording.plan_error: the first field and how many more); without one it
    reads as its field errors, which are words already."""

    errors: list[FieldError] = field(default_factory=list)
    summary: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @classmethod
    def one(cls, field_name: str, message: str) -> "PlanError":
        return cls([FieldError(field_name, message)])

    def __str__(self) -> str:
        if self.summary is not None:
            return self.summary
        return "; ".join(str(e) for e in self.errors)
