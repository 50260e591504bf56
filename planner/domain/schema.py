"""Every field of a plan, declared once: its name in the plan file, its kind, unit, range,
default, whether it identifies the patient, and the catalogue id of the name a clinician
sees. The plan-file reader and writer, recovery, validation messages and the form's field
list all come from this table.

Ranges here reject numbers no plan can use (unusable input). Clinical limits are not here:
they come from the label (profiles) and are checked as problems a clinician can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.domain.plan import DEFAULT_LARGER_DOSE_ORDER, DEFAULT_SLOT_TIMES, SLOT_FILL_MODES, SLOTS

# The version the writer writes; older versions are upgraded on reading (planner.files).
FORMAT_VERSION = 1

MAX_DOSE_MG = 20_000
MAX_STEP_DAYS = 365
MAX_MAINTENANCE_DAYS = 3650
MAX_TEXT = 200
MAX_PHONE = 40
MAX_CODE = 60
MAX_REASON = 500
MAX_OVERRIDE_VALUE = 80  # the problem's value an override covers, e.g. "peak 2400 mg/day, maximum 1800 mg/day"

KINDS = ("int", "decimal", "text", "date", "choice", "bool", "strengths", "times", "order", "overrides", "uuid",
         "group")


@dataclass(frozen=True)
class Field:
    path: str  # as the plan file names it: "start_dose_mg", "kidney.weight_kg"
    kind: str  # one of KINDS
    label: str  # catalogue id of the name a clinician sees ("field.start_dose_mg")
    unit: str | None = None  # catalogue id of the unit's words ("unit.mg-per-day"), for messages
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    low_open: bool = False  # low itself is not allowed (a CrCl of 0)
    required: bool = False
    default: Any = None
    identifying: bool = False  # names or identifies the patient
    max_len: int | None = None  # texts
    choices: tuple[str, ...] | None = None  # fixed choices; None for choices from the drug's profile
    shown: bool = True  # has a field in the form (format_version and plan_id are kept, not shown)

    @property
    def group(self) -> str | None:
        return self.path.rpartition(".")[0] or None

    @property
    def key(self) -> str:
        return self.path.rpartition(".")[2]


_D = Decimal
FIELDS: tuple[Field, ...] = (
    Field("format_version", "int", "field.format_version", required=True, shown=False),
    Field("plan_id", "uuid", "field.plan_id", shown=False),
    Field("drug", "choice", "field.drug", required=True),
    Field("indication", "choice", "field.indication"),
    Field("start_date", "date", "field.start_date", required=True),
    Field("start_dose_mg", "int", "field.start_dose_mg", "unit.mg-per-day", 1, MAX_DOSE_MG, required=True),
    Field("increment_mg", "int", "field.increment_mg", "unit.mg-per-day", 0, MAX_DOSE_MG, required=True),
    Field("step_days", "int", "field.step_days", "unit.days", 1, MAX_STEP_DAYS, required=True),
    Field("target_dose_mg", "int", "field.target_dose_mg", "unit.mg-per-day", 1, MAX_DOSE_MG, required=True),
    Field("doses_per_day", "int", "field.doses_per_day", "unit.doses-a-day", 1, 4, required=True),
    Field("strengths_mg", "strengths", "field.strengths_mg", "unit.mg"),
    Field("slot_fill", "choice", "field.slot_fill", default="grow", choices=SLOT_FILL_MODES),
    Field("slot_times", "times", "field.slot_times", default=DEFAULT_SLOT_TIMES, choices=SLOTS),
    Field("larger_dose_order", "order", "field.larger_dose_order", default=DEFAULT_LARGER_DOSE_ORDER,
          choices=SLOTS),
    Field("maintenance_days", "int", "field.maintenance_days", "unit.days", 0, MAX_MAINTENANCE_DAYS, default=0),
    Field("taper", "group", "field.taper"),
    Field("taper.step_mg", "int", "field.taper.step_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    Field("taper.step_percent", "decimal", "field.taper.step_percent", "unit.percent", _D(0), _D(100),
          low_open=True),
    Field("taper.step_days", "int", "field.taper.step_days", "unit.days", 1, MAX_STEP_DAYS, required=True),
    Field("kidney", "group", "field.kidney"),
    Field("kidney.crcl_ml_min", "decimal", "field.kidney.crcl_ml_min", "unit.ml-per-min", _D(0), _D(250),
          low_open=True),
    # Physiological ranges of the patient numbers come from resources/inputs/plausible.json.
    Field("kidney.age_years", "decimal", "field.kidney.age_years", "unit.years"),
    Field("kidney.sex", "choice", "field.kidney.sex", choices=("female", "male")),
    Field("kidney.weight_kg", "decimal", "field.kidney.weight_kg", "unit.kg"),
    Field("kidney.serum_creatinine_mg_dl", "decimal", "field.kidney.serum_creatinine_mg_dl", "unit.mg-per-dl"),
    Field("kidney.serum_creatinine_umol_l", "decimal", "field.kidney.serum_creatinine_umol_l", "unit.umol-per-l"),
    Field("kidney.haemodialysis", "bool", "field.kidney.haemodialysis", default=False),
    Field("patient", "group", "field.patient"),
    Field("patient.name", "text", "field.patient.name", max_len=MAX_TEXT, identifying=True),
    Field("patient.date_of_birth", "date", "field.patient.date_of_birth", identifying=True),
    Field("patient.identifier", "text", "field.patient.identifier", max_len=MAX_TEXT, identifying=True),
    Field("prescriber", "group", "field.prescriber"),
    Field("prescriber.name", "text", "field.prescriber.name", max_len=MAX_TEXT),
    Field("prescriber.organisation", "text", "field.prescriber.organisation", max_len=MAX_TEXT),
    Field("prescriber.phone", "text", "field.prescriber.phone", max_len=MAX_PHONE),
    Field("pharmacy", "group", "field.pharmacy"),
    Field("pharmacy.name", "text", "field.pharmacy.name", max_len=MAX_TEXT),
    Field("pharmacy.phone", "text", "field.pharmacy.phone", max_len=MAX_PHONE),
    Field("overrides", "overrides", "field.overrides"),
)

BY_PATH: dict[str, Field] = {f.path: f for f in FIELDS}


def field(path: str) -> Field:
    """The declared field for a plan-file path; an indexed path ("strengths_mg[1]",
    "overrides[0].reason") finds its list's field."""
    name = path.split("[", 1)[0]
    while name:
        if name in BY_PATH:
            return BY_PATH[name]
        name = name.rpartition(".")[0]
    raise KeyError(path)


def top_level() -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.group is None)


def in_group(group: str) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.group == group)


def identifying_paths() -> tuple[str, ...]:
    return tuple(f.path for f in FIELDS if f.identifying)
