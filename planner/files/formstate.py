"""The shape of a saved form: what the window's form writes (PlanForm.state()), checked
completely before a form is put back on screen from a recovery file.

A saved form is a plan-file dict that may be half-typed: its numbers may be out of
range, its texts too long for the plan, and the core says so once it is on screen, as
for any edit. What it may not be is something the form cannot hold as it is: a medicine
or strength it does not offer, a number that is not a number, a key it has no field
for. Such a file was damaged (or written by someone else) and is never restored.
Pure Python, like the rest of planner.core.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from decimal import Decimal
from typing import Any

from planner.domain.plan import SLOT_FILL_MODES, SLOTS
from planner.files.planfile import FORMAT_VERSION, MAX_REASON
from planner.domain.profiles import drug_ids, load_profile

FORM_TEXT_MAX = 250  # the form's text fields hold up to 250 characters
MAX_CODE = 60
MAX_PLAN_ID = 100
# The form's date field holds the Gregorian dates Qt shows (from 14 Sep 1752).
FIRST_DATE = date(1752, 9, 14)

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_PEOPLE = {
    "patient": ("name", "date_of_birth", "identifier"),
    "prescriber": ("name", "organisation", "phone"),
    "pharmacy": ("name", "phone"),
}
_CG = ("age_years", "sex", "weight_kg")
_SCR = ("serum_creatinine_mg_dl", "serum_creatinine_umol_l")
# Kept by the form but shown in no field: not compared after a restore (see lost_in_form).
_NOT_SHOWN = ("format_version", "plan_id")


class _Damaged(Exception):
    """One thing wrong with a saved form, in plain words naming its field."""


def check_form_state(state: Any) -> str | None:
    """Why a saved form cannot be put back on screen as it is, or None."""
    try:
        _check(state)
    except _Damaged as exc:
        return str(exc)
    return None


def lost_in_form(saved: dict[str, Any], shown: dict[str, Any]) -> list[str]:
    """The fields of a checked saved form that the form on screen does not hold exactly
    (shown is the form's state() after taking saved): a field that clamped, rounded or
    dropped a value. A restore must not change a value without a word."""
    lost: list[str] = []
    _compare(saved, shown, "", lost)
    return lost


def not_taken(saved: dict[str, Any], shown: dict[str, Any]) -> str | None:
    """Why the form on screen is not the saved form it was given, in plain words, or None."""
    lost = lost_in_form(saved, shown)
    if not lost:
        return None
    value: Any = saved
    for key in lost[0].split("."):
        value = value.get(key) if isinstance(value, dict) else None
    more = f" (and {len(lost) - 1} more)" if len(lost) > 1 else ""
    return f"its plan holds a value the form cannot show exactly: {lost[0]} = {_show(value)}{more}"


def _compare(saved: dict[str, Any], shown: Any, prefix: str, lost: list[str]) -> None:
    shown = shown if isinstance(shown, dict) else {}
    for key, value in saved.items():
        if key in _NOT_SHOWN and not prefix:
            continue
        got = shown.get(key)
        if isinstance(value, dict):
            _compare(value, got, f"{prefix}{key}.", lost)
        elif isinstance(value, str):  # the form trims texts and leaves out empty ones
            if not (isinstance(got, str) or got is None) or value.strip() != (got or "").strip():
                lost.append(prefix + key)
        elif key == "strengths_mg":  # the form lists them in its own order
            if not isinstance(got, list) or sorted(value) != sorted(got):
                lost.append(prefix + key)
        elif isinstance(value, bool) or isinstance(value, list):
            if value == [] and got is None:  # the form leaves out an empty list (no overrides)
                continue
            if got != value or type(got) is not type(value):
                lost.append(prefix + key)
        elif isinstance(got, bool) or not isinstance(got, (int, float)) or _decimal(got) != _decimal(value):
            lost.append(prefix + key)


def _decimal(x: int | float) -> Decimal:
    """The number a plan file means: a float is the decimal its repr writes, as planfile
    reads it (2.156505709591171e+16 is 21565057095911710, not the float's ...712)."""
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


# --- the check ---------------------------------------------------------------------------

def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object {...}"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    try:
        s = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    except ValueError:  # an int too long to write out
        s = "a number too long to show"
    return s if len(s) <= 40 else s[:37] + "..."


def _fail(field: str, why: str) -> None:
    raise _Damaged(f"{field} {why}")


def _object(value: Any, field: str, known: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(field, f"must be an object {{...}}; got {_show(value)}")
    for key in value:
        if key not in known:
            shown = key if key.isidentifier() and len(key) <= 40 else _show(key)
            _fail(f"{field}.{shown}" if field else shown, "is not a field of the form")
    return value


# The longest text a number field hands on as typed when it cannot read it.
NUMBER_TEXT_MAX = 60


def _number(value: Any, field: str) -> None:
    """Any finite JSON number: its range is the core's to judge, once it is on screen.
    Or the text a number field could not read (e.g. "1,500"), which the form writes as
    typed: that is half-typed work, shown again as typed, not damage."""
    if isinstance(value, str):
        _text(value, field, NUMBER_TEXT_MAX)
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _fail(field, f"must be a number; got {_show(value)}")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer with hundreds of digits
        finite = False
    if not finite:
        _fail(field, f"must be a finite number; got {_show(value)}")


def _text(value: Any, field: str, max_len: int = FORM_TEXT_MAX, required: bool = False) -> None:
    if not isinstance(value, str):
        _fail(field, f"must be text; got {_show(value)}")
    if len(value) > max_len:
        _fail(field, f"is longer than the {max_len} characters the form holds")
    if any((ord(c) < 32 and c != "\t") or c in "\x7f\x85\u2028\u2029" for c in value):
        _fail(field, "must be a single line of text (it holds a line break or a control character)")
    if any("\ud800" <= c <= "\udfff" for c in value):
        _fail(field, "is not valid text (it holds a lone UTF-16 surrogate)")
    if required and not value.strip():
        _fail(field, "is empty")


def _choice(value: Any, field: str, options: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in options:
        _fail(field, f"must be one of {', '.join(options)}; got {_show(value)}")


_TOP = ("format_version", "plan_id", "drug", "indication", "start_date", "start_dose_mg", "increment_mg",
        "step_days", "target_dose_mg", "doses_per_day", "strengths_mg", "slot_fill", "slot_times",
        "larger_dose_order", "maintenance_days", "taper", "kidney", "patient", "prescriber", "pharmacy",
        "overrides")
_REQUIRED = ("drug", "start_date", "start_dose_mg", "increment_mg", "step_days", "target_dose_mg",
             "doses_per_day")


def _check(state: Any) -> None:
    if not isinstance(state, dict):
        raise _Damaged("no form in it")
    _object(state, "", _TOP)
    for key in _REQUIRED:
        if key not in state:
            _fail(key, "is missing")
    if "format_version" in state:
        v = state["format_version"]
        if isinstance(v, bool) or not isinstance(v, int) or v != FORMAT_VERSION:
            _fail("format_version", f"must be {FORMAT_VERSION}; got {_show(v)}")
    if "plan_id" in state and state["plan_id"] is not None:
        _text(state["plan_id"], "plan_id", MAX_PLAN_ID, required=True)

    drug = state["drug"]
    if not isinstance(drug, str) or drug not in drug_ids():
        _fail("drug", f"is {_show(drug)}, a medicine this program does not know "
              f"(it knows {', '.join(drug_ids())})")
    profile = load_profile(drug)
    if "indication" in state:
        known = tuple(i.id for i in profile.indications)
        v = state["indication"]
        if not isinstance(v, str) or v not in known:
            _fail("indication", f"is {_show(v)}, not an indication of {profile.name} "
                  f"(it has {', '.join(known)})")
    _start_date(state["start_date"])
    for key in ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day"):
        _number(state[key], key)
    if "maintenance_days" in state:
        _number(state["maintenance_days"], "maintenance_days")
    if "strengths_mg" in state:
        _strengths(state["strengths_mg"], profile)
    if "slot_fill" in state:
        _choice(state["slot_fill"], "slot_fill", SLOT_FILL_MODES)
    if "slot_times" in state:
        times = _object(state["slot_times"], "slot_times", SLOTS)
        for slot in SLOTS:
            t = times.get(slot)
            if not isinstance(t, str) or not _TIME_RE.fullmatch(t):
                _fail(f"slot_times.{slot}", f"must be a clock time written HH:MM; got {_show(t)}")
    if "larger_dose_order" in state:
        v = state["larger_dose_order"]
        if not isinstance(v, list) or len(v) != len(SLOTS) or not all(isinstance(s, str) for s in v) \
                or sorted(v) != sorted(SLOTS):
            _fail("larger_dose_order", f"must list {', '.join(SLOTS)} once each; got {_show(v)}")
    if "taper" in state:
        _taper(state["taper"])
    if "kidney" in state:
        _kidney(state["kidney"])
    for group, keys in _PEOPLE.items():
        if group in state:
            for key, value in _object(state[group], group, keys).items():
                _text(value, f"{group}.{key}")
    if "overrides" in state:
        _overrides(state["overrides"])


def _start_date(v: Any) -> None:
    if not isinstance(v, str) or not _DATE_RE.fullmatch(v):
        _fail("start_date", f"must be a date written YYYY-MM-DD; got {_show(v)}")
    try:
        d = date.fromisoformat(v)
    except ValueError:
        _fail("start_date", f"is {v}, which is not a real date")
    if d < FIRST_DATE:
        _fail("start_date", f"is {v}, earlier than the form's calendar goes ({FIRST_DATE.isoformat()})")


def _strengths(v: Any, profile) -> None:
    if not isinstance(v, list):
        _fail("strengths_mg", f"must be a list of strengths in mg; got {_show(v)}")
    made = profile.strengths_mg
    for i, s in enumerate(v):
        if isinstance(s, bool) or not isinstance(s, int):
            _fail(f"strengths_mg[{i}]", f"must be a strength in whole mg; got {_show(s)}")
        if s not in made:
            _fail(f"strengths_mg[{i}]", f"is {s} mg, a strength {profile.name} is not made in "
                  f"(it comes as {', '.join(f'{m} mg' for m in made)})")
        if s in v[:i]:
            _fail(f"strengths_mg[{i}]", f"lists {s} mg twice")


def _taper(v: Any) -> None:
    taper = _object(v, "taper", ("step_mg", "step_percent", "step_days"))
    if "step_mg" in taper and "step_percent" in taper:
        _fail("taper", "has both step_mg and step_percent; the form holds one")
    step = "step_percent" if "step_percent" in taper else "step_mg"
    for key in (step, "step_days"):
        if key not in taper:
            _fail(f"taper.{key}", "is missing")
        _number(taper[key], f"taper.{key}")


def _kidney(v: Any) -> None:
    kidney = _object(v, "kidney", ("crcl_ml_min", "haemodialysis") + _CG + _SCR)
    if "haemodialysis" in kidney and not isinstance(kidney["haemodialysis"], bool):
        _fail("kidney.haemodialysis", f"must be true or false; got {_show(kidney['haemodialysis'])}")
    if "crcl_ml_min" in kidney:
        for key in _CG + _SCR:
            if key in kidney:
                _fail(f"kidney.{key}", "is given with kidney.crcl_ml_min; the form holds one or the other")
        _number(kidney["crcl_ml_min"], "kidney.crcl_ml_min")
        return
    if all(s in kidney for s in _SCR):
        _fail("kidney", "gives serum creatinine in both units; the form holds one")
    scr = _SCR[1] if _SCR[1] in kidney else _SCR[0]
    for key in ("age_years", "weight_kg", scr, "sex"):
        if key not in kidney:
            _fail(f"kidney.{key}", "is missing")
    for key in ("age_years", "weight_kg", scr):
        _number(kidney[key], f"kidney.{key}")
    _choice(kidney["sex"], "kidney.sex", ("female", "male"))


def _overrides(v: Any) -> None:
    if not isinstance(v, list):
        _fail("overrides", f"must be a list of {{code, reason}}; got {_show(v)}")
    codes = []
    for i, item in enumerate(v):
        o = _object(item, f"overrides[{i}]", ("code", "reason", "value"))
        for key, max_len in (("code", MAX_CODE), ("reason", MAX_REASON)):
            if key not in o:
                _fail(f"overrides[{i}].{key}", "is missing")
            _text(o[key], f"overrides[{i}].{key}", max_len, required=True)
        if "value" in o:  # the value of the problem the override was given for
            if isinstance(o["value"], str):
                _text(o["value"], f"overrides[{i}].value")
            else:
                _number(o["value"], f"overrides[{i}].value")
        if o["code"] in codes:
            _fail(f"overrides[{i}].code", f"{_show(o['code'])} is overridden twice")
        codes.append(o["code"])
