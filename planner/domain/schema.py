"""Every field of a plan, declared once: its name in the plan file, its kind, unit, range,
default, whether it identifies the patient, and the catalogue id of the name a clinician
sees. The plan-file reader and writer (planner.files.plan_reader / plan_writer), the check
of a saved form before recovery restores it (planner.files.formstate), validation messages
and the form's field list all come from this table.

What a field declares (Field):
    path        its name in the plan file; "group.key" inside a group ("kidney.weight_kg"), and
                "overrides.code" for a member of each record of a list of records
    kind        one of KINDS (how its value is written in a file and read back)
    label       catalogue id of its name as a clinician sees it (resources/text/en/fields.po)
    unit        catalogue id of its unit's words, for messages ("unit.mg-per-day")
    low, high   the range of a number (low_open: low itself is not allowed); unusable input only
    required    a file (or a saved form) must give it; inside a group: once the group is given
    default     the value when the file leaves it out
    identifying names or identifies the patient
    max_len     the longest text a plan holds
    choices     the fixed choices (or the slots of "times" and "order"); None: the drug's profile
                gives them (drug, indication, strengths)
    shown       has a field in the form (format_version and plan_id are kept, not shown; the
                members of an override are shown in the problems list, not as form fields)
    record      for a "group" or "records" field: the plan's dataclass that holds its members

Ranges here reject numbers no plan can use (unusable input). Clinical limits are not here:
they come from the label (profiles) and are checked as problems a clinician can read.

Adding a field: one Field line here (in the order the file writes it), the attribute on its
dataclass in planner.domain.plan (same name as the key; tests/domain/test_schema_fields.py checks
the two agree), its label in fields.po, and the places that show it (the form, the printout).
The file reader and writer, the recovery check and the messages follow from the table.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from planner.domain.languages import SOURCE_LANGUAGE, handout_languages
from planner.domain.plan import (
    DEFAULT_LARGER_DOSE_ORDER,
    DEFAULT_SLOT_TIMES,
    LIQUID_USES,
    MAINTENANCE_MODES,
    PLAN_KINDS,
    SLOT_FILL_MODES,
    SLOTS,
    KidneyInput,
    Liquid,
    OffLabel,
    Override,
    Patient,
    Pharmacy,
    Plan,
    Prescriber,
    StepEdit,
    Taper,
)

# The version the writer writes; older versions are upgraded on reading (planner.files.upgrades).
# Read it as schema.FORMAT_VERSION at the time of use, not copied at import, so a test can
# stand in a newer one.
FORMAT_VERSION = 3

MAX_DOSE_MG = 20_000
MAX_STEP_DAYS = 365
MAX_STEPS = 1000  # a step number in step_edits
MAX_MAINTENANCE_DAYS = 3650
MAX_TEXT = 200
MAX_PHONE = 40
MAX_CODE = 60
MAX_REASON = 500
MAX_OVERRIDE_VALUE = 80  # the problem's value an override covers, e.g. "peak 2400 mg/day, maximum 1800 mg/day"

# int, decimal: a JSON number (decimal: read exactly, 41.3 stays 41.3); text: one line;
# date: "YYYY-MM-DD"; choice: one of choices; bool; strengths: a list of whole mg;
# times: {slot: "HH:MM"}; doses: {slot: whole mg} (0 up to MAX_DOSE_MG; a time of day left out
# or 0 is not taken), held as ((slot, mg), ...) in slot order, zeros left out; order: the slots in a list, once each; uuid: a UUID text;
# group: an object of member fields; records: a list of objects of member fields.
KINDS = ("int", "decimal", "text", "date", "choice", "bool", "strengths", "times", "doses", "order",
         "uuid", "group", "records")
NUMBER_KINDS = ("int", "decimal")


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
    record: type | None = None  # group, records: the dataclass holding the members

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise TypeError(f"{self.path}: unknown kind {self.kind!r}")

    @property
    def group(self) -> str | None:
        """The group or list of records the field belongs to ("kidney"), None at the top."""
        return self.path.rpartition(".")[0] or None

    @property
    def key(self) -> str:
        """Its name inside its object, which is also its attribute on the plan's dataclass."""
        return self.path.rpartition(".")[2]


_D = Decimal
FIELDS: tuple[Field, ...] = (
    Field("format_version", "int", "field.format_version", required=True, shown=False),
    Field("plan_id", "uuid", "field.plan_id", shown=False),
    # Version 1 files have no kind: the upgrade gives them start_and_stop (their one shape).
    Field("kind", "choice", "field.kind", required=True, default="start_and_stop", choices=PLAN_KINDS),
    Field("drug", "choice", "field.drug", required=True),
    Field("indication", "choice", "field.indication"),
    # Required when the indication is "off_label" (planner.files.plan_rules).
    Field("off_label", "group", "field.off_label", record=OffLabel),
    Field("off_label.max_daily_mg", "int", "field.off_label.max_daily_mg", "unit.mg-per-day", 1, MAX_DOSE_MG,
          required=True),
    Field("off_label.reason", "text", "field.off_label.reason", required=True, max_len=MAX_REASON),
    Field("start_date", "date", "field.start_date", required=True),
    # Today's regimen: required for change and stop plans, not used by the others.
    Field("current", "doses", "field.current", "unit.mg", 0, MAX_DOSE_MG, choices=SLOTS),
    # Which of these a plan needs depends on its kind (planner.files.plan_rules.needed_by_kind).
    Field("start_dose_mg", "int", "field.start_dose_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    Field("increment_mg", "int", "field.increment_mg", "unit.mg-per-day", 0, MAX_DOSE_MG),
    Field("step_days", "int", "field.step_days", "unit.days", 1, MAX_STEP_DAYS),
    Field("target_dose_mg", "int", "field.target_dose_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    Field("doses_per_day", "int", "field.doses_per_day", "unit.doses-a-day", 1, 4),
    Field("strengths_mg", "strengths", "field.strengths_mg", "unit.mg"),
    Field("slot_fill", "choice", "field.slot_fill", default="grow", choices=SLOT_FILL_MODES),
    Field("slot_times", "times", "field.slot_times", default=DEFAULT_SLOT_TIMES, choices=SLOTS),
    Field("larger_dose_order", "order", "field.larger_dose_order", default=DEFAULT_LARGER_DOSE_ORDER,
          choices=SLOTS),
    # Version 1 files held the dose for maintenance_days: the upgrade gives them "days".
    Field("maintenance", "choice", "field.maintenance", default="days", choices=MAINTENANCE_MODES),
    Field("maintenance_days", "int", "field.maintenance_days", "unit.days", 0, MAX_MAINTENANCE_DAYS, default=0),
    # Required when maintenance is "review" (planner.files.plan_rules).
    Field("review_date", "date", "field.review_date"),
    Field("taper", "group", "field.taper", record=Taper),
    Field("taper.step_mg", "int", "field.taper.step_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    Field("taper.step_percent", "decimal", "field.taper.step_percent", "unit.percent", _D(0), _D(100),
          low_open=True),
    Field("taper.step_days", "int", "field.taper.step_days", "unit.days", 1, MAX_STEP_DAYS, required=True),
    Field("taper.order", "order", "field.taper.order", choices=SLOTS),
    # The prescriber's changes to single steps, applied in this order (StepEdit).
    Field("step_edits", "records", "field.step_edits", default=(), record=StepEdit),
    Field("step_edits.step", "int", "field.step_edits.step", "unit.step", 1, MAX_STEPS, required=True),
    Field("step_edits.total_mg", "int", "field.step_edits.total_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    Field("step_edits.doses", "doses", "field.step_edits.doses", "unit.mg", 0, MAX_DOSE_MG, choices=SLOTS),
    Field("step_edits.days", "int", "field.step_edits.days", "unit.days", 1, MAX_STEP_DAYS),
    Field("step_edits.hold_days", "int", "field.step_edits.hold_days", "unit.days", 1, MAX_STEP_DAYS),
    Field("liquid", "group", "field.liquid", record=Liquid),
    Field("liquid.use", "choice", "field.liquid.use", default="all", choices=LIQUID_USES),
    Field("liquid.below_mg", "int", "field.liquid.below_mg", "unit.mg-per-day", 1, MAX_DOSE_MG),
    # 5 or 10 (plan.SYRINGE_ML; planner.files.plan_rules checks which).
    Field("liquid.syringe_ml", "int", "field.liquid.syringe_ml", "unit.ml", 5, 10, default=5),
    Field("kidney", "group", "field.kidney", record=KidneyInput),
    Field("kidney.crcl_ml_min", "decimal", "field.kidney.crcl_ml_min", "unit.ml-per-min", _D(0), _D(250),
          low_open=True),
    # Physiological ranges of the patient numbers come from resources/inputs/plausible.json.
    Field("kidney.age_years", "decimal", "field.kidney.age_years", "unit.years"),
    Field("kidney.sex", "choice", "field.kidney.sex", choices=("female", "male")),
    Field("kidney.weight_kg", "decimal", "field.kidney.weight_kg", "unit.kg"),
    Field("kidney.serum_creatinine_mg_dl", "decimal", "field.kidney.serum_creatinine_mg_dl", "unit.mg-per-dl"),
    Field("kidney.serum_creatinine_umol_l", "decimal", "field.kidney.serum_creatinine_umol_l", "unit.umol-per-l"),
    Field("kidney.haemodialysis", "bool", "field.kidney.haemodialysis", default=False),
    Field("patient", "group", "field.patient", record=Patient),
    Field("patient.name", "text", "field.patient.name", max_len=MAX_TEXT, identifying=True),
    Field("patient.identifier", "text", "field.patient.identifier", max_len=MAX_TEXT, identifying=True),
    Field("patient.date_of_birth", "date", "field.patient.date_of_birth", identifying=True),
    Field("prescriber", "group", "field.prescriber", record=Prescriber),
    Field("prescriber.name", "text", "field.prescriber.name", max_len=MAX_TEXT),
    Field("prescriber.organisation", "text", "field.prescriber.organisation", max_len=MAX_TEXT),
    Field("prescriber.phone", "text", "field.prescriber.phone", max_len=MAX_PHONE),
    Field("pharmacy", "group", "field.pharmacy", record=Pharmacy),
    Field("pharmacy.name", "text", "field.pharmacy.name", max_len=MAX_TEXT),
    Field("pharmacy.phone", "text", "field.pharmacy.phone", max_len=MAX_PHONE),
    # The language of the patient's pages, calendar and CSV (issue 16); the clinician's page and
    # the window keep the window's language.
    Field("handout_language", "choice", "field.handout_language", default=SOURCE_LANGUAGE,
          choices=handout_languages()),
    Field("overrides", "records", "field.overrides", default=(), record=Override),
    Field("overrides.code", "text", "field.overrides.code", required=True, max_len=MAX_CODE, shown=False),
    Field("overrides.reason", "text", "field.overrides.reason", required=True, max_len=MAX_REASON, shown=False),
    # Optional so that older files open; without it the override covers nothing (Schedule.override_for).
    Field("overrides.value", "text", "field.overrides.value", max_len=MAX_OVERRIDE_VALUE, shown=False),
)


def by_path() -> dict[str, Field]:
    """Every field by its path (built on each call, so a test can stand in its own FIELDS)."""
    return {f.path: f for f in FIELDS}


def field(path: str) -> Field:
    """The declared field for a plan-file path; an indexed path ("strengths_mg[1]",
    "overrides[0].reason") finds its list's field or its record's member."""
    known = by_path()
    name = path.split("[", 1)[0] + ("." + path.split("].", 1)[1] if "]." in path else "")
    while name:
        if name in known:
            return known[name]
        name = name.rpartition(".")[0]
    raise KeyError(path)


def top_level() -> tuple[Field, ...]:
    """The fields at the top of a plan file, in the order the file writes them."""
    return tuple(f for f in FIELDS if f.group is None)


def in_group(group: str) -> tuple[Field, ...]:
    """The members of a group or of each record of a list ("overrides"), in file order."""
    return tuple(f for f in FIELDS if f.group == group)


def identifying_paths() -> tuple[str, ...]:
    return tuple(f.path for f in FIELDS if f.identifying)


def form_fields() -> tuple[Field, ...]:
    """The fields the form shows, in file order (groups and their members included)."""
    return tuple(f for f in FIELDS if f.shown)


# In the file, not on the Plan: the reader and writer handle it (planner.files.upgrades).
FILE_ONLY = ("format_version",)


def mismatches() -> list[str]:
    """The paths where FIELDS and the plan's dataclasses disagree: a field with no attribute
    to hold it, or an attribute no field declares (it would be silently lost on saving).
    Empty when they agree (tests/domain/test_schema_fields.py)."""
    out = []
    for cls, group in [(Plan, None)] + [(f.record, f.path) for f in FIELDS if f.record is not None]:
        declared = {f.key for f in FIELDS if f.group == group and f.path not in FILE_ONLY}
        held = {a.name for a in fields(cls)}
        out += [f"{group}.{k}" if group else k for k in sorted(declared ^ held)]
    return out
