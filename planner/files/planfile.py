"""Plan files: JSON with a format_version, read strictly and written back exactly.

Every way a file can be wrong (unreadable, not JSON, an unknown, missing or mistyped
field, a number out of range) becomes a PlanError naming the field, never a traceback.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from importlib import resources
from typing import Any

from planner.domain.plan import (
    DEFAULT_LARGER_DOSE_ORDER,
    DEFAULT_SLOT_TIMES,
    SLOT_FILL_MODES,
    SLOTS,
    FieldError,
    KidneyInput,
    Override,
    Patient,
    Pharmacy,
    Plan,
    PlanError,
    Prescriber,
    Taper,
)
from planner.files import safefile
from planner.domain.dates import completed_years
from planner.domain.kidney import UMOL_PER_MG_DL
from planner.domain.profiles import Bound, drug_ids, load_plausible, load_profile

FORMAT_VERSION = 1

# A plan is a few hundred bytes; anything far larger is not a plan file.
MAX_FILE_BYTES = 1_000_000

# Bounds that reject absurd numbers as unusable input. Clinical limits are checked
# later, against the label, as problems the clinician can read.
MAX_DOSE_MG = 20_000
MAX_STEP_DAYS = 365
MAX_MAINTENANCE_DAYS = 3650
MAX_TEXT = 200

# ASCII digits, whole string: \d takes any script's digits and $ takes a final newline.
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class _Reader:
    """Collects field errors while reading one JSON object."""

    def __init__(self, errors: list[FieldError], obj: dict[str, Any], prefix: str = "") -> None:
        self.errors = errors
        self.obj = obj
        self.prefix = prefix
        self.seen: set[str] = set()

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError(self.name(key), message))

    def has(self, key: str) -> bool:
        return key in self.obj and self.obj[key] is not None

    def get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        if key not in self.obj or self.obj[key] is None:
            if required:
                self.fail(key, "is missing")
            return None
        return self.obj[key]

    def integer(self, key: str, lo: int, hi: int, unit: str, required: bool = True) -> int | None:
        value = self.get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"must be a whole number of {unit}; got {_show(value)}")
            return None
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            self.fail(key, f"must be a whole number of {unit}; got {_show(value)}")
            return None
        value = int(value)
        if not lo <= value <= hi:
            self.fail(key, f"must be from {lo} to {hi} {unit}; got {value}")
            return None
        return value

    def decimal(self, key: str, lo: Decimal, hi: Decimal, unit: str, required: bool = True,
                lo_open: bool = False) -> Decimal | None:
        value = self.get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(key, f"must be a number of {unit}; got {_show(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(key, f"must be a number of {unit}; got {_show(value)}")
            return None
        # repr of a float is its shortest exact decimal, so 41.3 stays 41.3.
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        too_low = d <= lo if lo_open else d < lo
        if too_low or d > hi:
            bound = f"above {lo}" if lo_open else f"from {lo}"
            self.fail(key, f"must be {bound} to {hi} {unit}; got {_show(value)}")
            return None
        return d

    def text(self, key: str, required: bool = False, max_len: int = MAX_TEXT) -> str | None:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key, f"must be text; got {_show(value)}")
            return None
        if len(value) > max_len:
            self.fail(key, f"is longer than {max_len} characters")
            return None
        # Control characters and Unicode line breaks would split the printout's lines.
        if any((ord(c) < 32 and c != "\t") or c in "\x7f\x85\u2028\u2029" for c in value):
            self.fail(key, "must be a single line of text")
            return None
        if any("\ud800" <= c <= "\udfff" for c in value):  # "\ud800" in JSON: not writable as UTF-8
            self.fail(key, "is not valid text (it holds a lone UTF-16 surrogate)")
            return None
        return value.strip() or None

    def choice(self, key: str, options: tuple[str, ...], required: bool = True,
               default: str | None = None) -> str | None:
        value = self.get(key, required)
        if value is None:
            return default
        if not isinstance(value, str) or value not in options:
            self.fail(key, f"must be one of {', '.join(options)}; got {_show(value)}")
            return default
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false; got {_show(value)}")
            return default
        return value

    def date_(self, key: str, required: bool = True) -> date | None:
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
            self.fail(key, f"must be a date written YYYY-MM-DD; got {_show(value)}")
            return None
        try:
            d = date.fromisoformat(value)
        except ValueError:
            self.fail(key, f"{value} is not a real date")
            return None
        if not 1900 <= d.year <= 2200:
            self.fail(key, f"{value} is not a plausible date")
            return None
        return d

    def object(self, key: str, required: bool = False) -> "_Reader | None":
        value = self.get(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, f"must be an object {{...}}; got {_show(value)}")
            return None
        return _Reader(self.errors, value, f"{self.name(key)}.")

    def finish(self) -> None:
        for key in self.obj:
            if key not in self.seen:
                # The key is the file's own text: quoted and cut, so the message stays one line.
                shown = key if key.isidentifier() and len(key) <= 40 else _show(key)
                self.fail(shown, "is not a field of a plan file (check its spelling)")


def _show(value: Any) -> str:
    if isinstance(value, str):
        s = json.dumps(value)
    elif isinstance(value, bool):
        s = "true" if value else "false"
    elif isinstance(value, (list, dict)):
        s = "a list" if isinstance(value, list) else "an object"
    else:
        s = repr(value)
    return s if len(s) <= 40 else s[:37] + "..."


def plan_from_dict(data: Any) -> Plan:
    """Read a decoded plan file. Raises PlanError naming every field that is wrong."""
    if not isinstance(data, dict):
        raise PlanError.one("plan", "the file must hold one JSON object {...}")
    errors: list[FieldError] = []
    r = _Reader(errors, data)

    version = r.get("format_version", True)
    if version is not None:
        if isinstance(version, bool) or not isinstance(version, int):
            r.fail("format_version", f"must be a whole number; got {_show(version)}")
        elif version > FORMAT_VERSION:
            r.fail("format_version", f"is {version}: this file was written by a newer Titration "
                   f"Planner (this one reads version {FORMAT_VERSION}); update the application")
        elif version != FORMAT_VERSION:
            r.fail("format_version", f"must be {FORMAT_VERSION}; got {version}")

    drug = r.choice("drug", drug_ids())
    profile = load_profile(drug) if drug else None

    start_date = r.date_("start_date")
    start = r.integer("start_dose_mg", 1, MAX_DOSE_MG, "mg per day")
    increment = r.integer("increment_mg", 0, MAX_DOSE_MG, "mg per day")
    step_days = r.integer("step_days", 1, MAX_STEP_DAYS, "days")
    target = r.integer("target_dose_mg", 1, MAX_DOSE_MG, "mg per day")
    doses = r.integer("doses_per_day", 1, 4, "doses a day")

    strengths = _strengths(r, profile)
    indication = None
    if profile is not None:
        indication = r.choice("indication", tuple(i.id for i in profile.indications), required=False)
    else:
        r.get("indication", False)
    slot_fill = r.choice("slot_fill", SLOT_FILL_MODES, required=False, default="grow")
    slot_times = _slot_times(r)
    larger = _larger_order(r)
    maintenance = r.integer("maintenance_days", 0, MAX_MAINTENANCE_DAYS, "days", required=False)

    taper = _taper(r.object("taper"))
    kidney = _kidney(r.object("kidney"))
    patient = _patient(r.object("patient"))
    _birth_date(r, patient, start_date)
    prescriber = _prescriber(r.object("prescriber"))
    pharmacy = _pharmacy(r.object("pharmacy"))
    overrides = _overrides(r)
    plan_id = _plan_id(r)
    r.finish()

    if errors:
        raise PlanError(errors)
    return Plan(
        drug=drug,
        start_date=start_date,
        start_dose_mg=start,
        increment_mg=increment,
        step_days=step_days,
        target_dose_mg=target,
        doses_per_day=doses,
        strengths_mg=strengths,
        indication=indication,
        slot_fill=slot_fill,
        slot_times=slot_times,
        larger_dose_order=larger,
        maintenance_days=maintenance or 0,
        taper=taper,
        kidney=kidney,
        patient=patient,
        prescriber=prescriber,
        pharmacy=pharmacy,
        overrides=overrides,
        plan_id=plan_id,
    )


def _plan_id(r: _Reader) -> str | None:
    value = r.get("plan_id", False)
    if value is None:
        return None
    if not isinstance(value, str) or not _UUID_RE.fullmatch(value):
        r.fail("plan_id", "must be a UUID written like 0b6e4d2a-9c1f-4e8a-b3d5-7f2a1c9e8d40 "
               f"(the plan's identity, made by Titration Planner); got {_show(value)}")
        return None
    return value


MAX_REASON = 500
MAX_OVERRIDE_VALUE = 80  # the problem's value an override covers, e.g. "peak 2400 mg/day, maximum 1800 mg/day"


def _overrides(r: _Reader) -> tuple[Override, ...]:
    value = r.get("overrides", False)
    if value is None:
        return ()
    if not isinstance(value, list):
        r.fail("overrides", f"must be a list of {{code, reason, value}}; got {_show(value)}")
        return ()
    out: list[Override] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            r.fail(f"overrides[{i}]", f"must be an object {{code, reason, value}}; got {_show(item)}")
            continue
        o = _Reader(r.errors, item, f"overrides[{i}].")
        code = o.text("code", required=True, max_len=60)
        reason = o.text("reason", required=True, max_len=MAX_REASON)
        # Optional so that older files open; without it the override covers nothing (Schedule.override_for).
        covered = o.text("value", max_len=MAX_OVERRIDE_VALUE)
        o.finish()
        if code and reason:
            if any(x.code == code for x in out):
                o.fail("code", f"{code} is overridden twice")
                continue
            out.append(Override(code, reason, covered))
    return tuple(out)


def _strengths(r: _Reader, profile) -> tuple[int, ...] | None:
    value = r.get("strengths_mg", False)
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        r.fail("strengths_mg", f"must be a non-empty list of strengths in mg; got {_show(value)}")
        return None
    out: list[int] = []
    for i, s in enumerate(value):
        if isinstance(s, bool) or not isinstance(s, (int, float)) or (
            isinstance(s, float) and (not math.isfinite(s) or not s.is_integer())
        ):
            r.fail(f"strengths_mg[{i}]", f"must be a strength in whole mg; got {_show(s)}")
            return None
        s = int(s)
        if profile is not None and s not in profile.strengths_mg:
            made = ", ".join(f.label for f in profile.forms)
            r.fail(f"strengths_mg[{i}]", f"{profile.name} is not made as {s} mg (it comes as {made})")
            return None
        if s in out:
            r.fail(f"strengths_mg[{i}]", f"{s} mg is listed twice")
            return None
        out.append(s)
    return tuple(sorted(out))


def _slot_times(r: _Reader) -> tuple[tuple[str, str], ...]:
    sub = r.object("slot_times")
    if sub is None:
        return DEFAULT_SLOT_TIMES
    times = dict(DEFAULT_SLOT_TIMES)
    for slot in SLOTS:
        value = sub.get(slot, False)
        if value is None:
            continue
        if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
            sub.fail(slot, f"must be a clock time written HH:MM (24-hour); got {_show(value)}")
            continue
        times[slot] = value
    sub.finish()
    ordered = [times[s] for s in SLOTS]
    if ordered != sorted(ordered) or len(set(ordered)) != len(ordered):
        r.fail("slot_times", "the times must run through the day in order: "
               "morning, then midday, then evening, then bedtime; got "
               + ", ".join(f"{s} {times[s]}" for s in SLOTS))
    return tuple((s, times[s]) for s in SLOTS)


def _larger_order(r: _Reader) -> tuple[str, ...]:
    value = r.get("larger_dose_order", False)
    if value is None:
        return DEFAULT_LARGER_DOSE_ORDER
    if not isinstance(value, list) or sorted(map(str, value)) != sorted(SLOTS) or len(value) != 4:
        r.fail("larger_dose_order", "must list the four slots (morning, midday, evening, bedtime) "
               f"once each, the one that gets a larger dose first; got {_show(value)}")
        return DEFAULT_LARGER_DOSE_ORDER
    return tuple(value)


def _taper(t: _Reader | None) -> Taper | None:
    if t is None:
        return None
    step_days = t.integer("step_days", 1, MAX_STEP_DAYS, "days")
    has_mg, has_pct = t.has("step_mg"), t.has("step_percent")
    step_mg = step_pct = None
    if has_mg and has_pct:
        t.fail("step_mg", "give either step_mg or step_percent, not both")
        t.get("step_mg", False), t.get("step_percent", False)
    elif has_pct:
        step_pct = t.decimal("step_percent", Decimal(0), Decimal(100), "percent", lo_open=True)
    else:
        step_mg = t.integer("step_mg", 1, MAX_DOSE_MG, "mg per day")
    t.finish()
    if step_days is None or (step_mg is None and step_pct is None):
        return None
    return Taper(step_days=step_days, step_mg=step_mg, step_percent=step_pct)


def _kidney(k: _Reader | None) -> KidneyInput | None:
    if k is None:
        return None
    cg_keys = ("age_years", "sex", "weight_kg", "serum_creatinine_mg_dl", "serum_creatinine_umol_l")
    haemo = k.boolean("haemodialysis", False)
    if k.has("crcl_ml_min"):
        for key in cg_keys:
            if k.has(key):
                k.fail(key, "give either crcl_ml_min or the Cockcroft-Gault fields, not both")
                k.get(key, False)
        crcl = k.decimal("crcl_ml_min", Decimal(0), Decimal(250), "mL/min", lo_open=True)
        k.finish()
        return None if crcl is None else KidneyInput(crcl_ml_min=crcl, haemodialysis=haemo)
    if not any(k.has(key) for key in cg_keys):
        k.fail("crcl_ml_min", "is missing: give crcl_ml_min, or age_years, sex, weight_kg and "
               "serum_creatinine_mg_dl (or serum_creatinine_umol_l)")
        k.finish()
        return None
    ranges = load_plausible()
    age = _plausible(k, "age_years", ranges.age_years, "years", "of human ages on record")
    sex = k.choice("sex", ("female", "male"))
    weight = _plausible(k, "weight_kg", ranges.weight_kg, "kg", "of human weights on record")
    mg = um = None
    if k.has("serum_creatinine_mg_dl") and k.has("serum_creatinine_umol_l"):
        k.fail("serum_creatinine_umol_l", "give serum creatinine once, in mg/dL or in µmol/L, not both")
        k.get("serum_creatinine_mg_dl", False), k.get("serum_creatinine_umol_l", False)
    elif k.has("serum_creatinine_umol_l"):
        um = _plausible(k, "serum_creatinine_umol_l", ranges.serum_creatinine_mg_dl, "µmol/L", _SCR_WORDS,
                        UMOL_PER_MG_DL)
    else:
        if not k.has("serum_creatinine_mg_dl"):
            k.fail("serum_creatinine_mg_dl", "is missing (or give serum_creatinine_umol_l)")
            k.get("serum_creatinine_mg_dl", False)
        else:
            mg = _plausible(k, "serum_creatinine_mg_dl", ranges.serum_creatinine_mg_dl, "mg/dL", _SCR_WORDS)
    k.finish()
    if None in (age, sex, weight) or (mg is None and um is None):
        return None
    return KidneyInput(age_years=age, sex=sex, weight_kg=weight, serum_creatinine_mg_dl=mg,
                       serum_creatinine_umol_l=um, haemodialysis=haemo)


_SCR_WORDS = "of serum creatinine on record; check the value and its unit"


def _plausible(k: _Reader, key: str, bound: Bound, unit: str, words: str,
               scale: Decimal = Decimal(1)) -> Decimal | None:
    """A patient number inside its physiological range (resources/inputs/plausible.json)."""
    value = k.decimal(key, Decimal("-Infinity"), Decimal("Infinity"), unit)
    if value is None:
        return None
    low, high = bound.low * scale, bound.high * scale
    if not bound.contains(value / scale):
        span = (f"more than {_plain(low)} and at most {_plain(high)}" if bound.low_open
                else f"from {_plain(low)} to {_plain(high)}")
        k.fail(key, f"must be {span} {unit} (the range {words}); got {_plain(value)}")
        return None
    return value


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _birth_date(r: _Reader, patient: Patient | None, start: date | None) -> None:
    """A date of birth that makes a real age on the start date."""
    dob = patient.date_of_birth if patient else None
    if dob is None or start is None:
        return
    oldest = load_plausible().age_years.high
    if dob > start:
        r.fail("patient.date_of_birth", f"{dob.isoformat()} is after the plan's start date ({start.isoformat()})")
    elif completed_years(dob, start) > oldest:
        r.fail("patient.date_of_birth", f"{dob.isoformat()} makes the patient {completed_years(dob, start)} "
               f"years old on the start date; no one has lived beyond {_plain(oldest)} years")


def _patient(p: _Reader | None) -> Patient | None:
    if p is None:
        return None
    out = Patient(name=p.text("name"), date_of_birth=p.date_("date_of_birth", required=False),
                  identifier=p.text("identifier"))
    p.finish()
    return out


def _prescriber(p: _Reader | None) -> Prescriber | None:
    if p is None:
        return None
    out = Prescriber(name=p.text("name"), organisation=p.text("organisation"), phone=p.text("phone", max_len=40))
    p.finish()
    return out


def _pharmacy(p: _Reader | None) -> Pharmacy | None:
    if p is None:
        return None
    out = Pharmacy(name=p.text("name"), phone=p.text("phone", max_len=40))
    p.finish()
    return out


# --- writing -------------------------------------------------------------------------

def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as its file holds it; plan_from_dict(plan_to_dict(p)) == p."""
    out: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "plan_id": plan.plan_id,
        "drug": plan.drug,
        "indication": plan.indication,
        "start_date": plan.start_date.isoformat(),
        "start_dose_mg": plan.start_dose_mg,
        "increment_mg": plan.increment_mg,
        "step_days": plan.step_days,
        "target_dose_mg": plan.target_dose_mg,
        "doses_per_day": plan.doses_per_day,
        "strengths_mg": list(plan.strengths_mg) if plan.strengths_mg is not None else None,
        "slot_fill": plan.slot_fill,
        "slot_times": dict(plan.slot_times),
        "larger_dose_order": list(plan.larger_dose_order),
        "maintenance_days": plan.maintenance_days,
    }
    if plan.taper is not None:
        t = plan.taper
        out["taper"] = _drop_none({
            "step_mg": t.step_mg,
            "step_percent": _num(t.step_percent) if t.step_percent is not None else None,
            "step_days": t.step_days,
        })
    if plan.kidney is not None:
        k = plan.kidney
        out["kidney"] = _drop_none({
            "crcl_ml_min": _num(k.crcl_ml_min) if k.crcl_ml_min is not None else None,
            "age_years": _num(k.age_years) if k.age_years is not None else None,
            "sex": k.sex,
            "weight_kg": _num(k.weight_kg) if k.weight_kg is not None else None,
            "serum_creatinine_mg_dl": _num(k.serum_creatinine_mg_dl) if k.serum_creatinine_mg_dl is not None else None,
            "serum_creatinine_umol_l": _num(k.serum_creatinine_umol_l) if k.serum_creatinine_umol_l is not None else None,
            "haemodialysis": k.haemodialysis,
        })
    if plan.patient is not None:
        p = plan.patient
        out["patient"] = _drop_none({"name": p.name, "identifier": p.identifier,
                                     "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None})
    if plan.prescriber is not None:
        p = plan.prescriber
        out["prescriber"] = _drop_none({"name": p.name, "organisation": p.organisation, "phone": p.phone})
    if plan.pharmacy is not None:
        out["pharmacy"] = _drop_none({"name": plan.pharmacy.name, "phone": plan.pharmacy.phone})
    if plan.overrides:
        out["overrides"] = [_drop_none({"code": o.code, "reason": o.reason, "value": o.value})
                            for o in plan.overrides]
    return _drop_none(out)


def dump_plan(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"


# --- files ---------------------------------------------------------------------------

def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a plan can hold")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the field {key!r} appears twice")
        out[key] = value
    return out


def parse_plan_text(text: str) -> Plan:
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise PlanError.one("file", f"is not valid JSON: {exc.msg} at line {exc.lineno}, "
                            f"column {exc.colno}") from None
    except ValueError as exc:
        raise PlanError.one("file", f"is not a usable plan: {exc}") from None
    except RecursionError:
        raise PlanError.one("file", "is nested too deeply to be a plan file") from None
    return plan_from_dict(data)


def load_plan_file(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file. Every failure is a PlanError naming the file or the field."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PlanError.one("file", f"{p} does not exist") from None
    except IsADirectoryError:
        raise PlanError.one("file", f"{p} is a folder, not a plan file") from None
    except PermissionError:
        raise PlanError.one("file", f"{p} cannot be read (permission denied)") from None
    except OSError as exc:
        raise PlanError.one("file", f"{p} cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise PlanError.one("file", f"{p} is larger than {MAX_FILE_BYTES // 1000} kB: not a plan file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError.one("file", f"{p} is not UTF-8 text: not a plan file") from None
    if not text.strip():
        raise PlanError.one("file", f"{p} is empty")
    return parse_plan_text(text)


def save_plan_file(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write atomically: the old file stays whole until the new one is complete.
    The file is readable by its owner only, as it may hold patient details."""
    safefile.write_bytes(path, dump_plan(plan).encode("utf-8"))


def _examples_dir():
    return resources.files("planner.resources").joinpath("examples")


def example_names() -> tuple[str, ...]:
    """The example plans shipped in resources/examples."""
    return tuple(sorted(p.name[:-5] for p in _examples_dir().iterdir() if p.name.endswith(".json")))


def load_example(name: str) -> Plan:
    if name not in example_names():
        raise PlanError.one("example", f"there is no example plan called {name!r}")
    return parse_plan_text(_examples_dir().joinpath(f"{name}.json").read_text("utf-8"))
