"""The check of one value of a saved form by its schema declaration (see formstate): numbers
(or the text a number field could not read), texts within what the form holds, dates,
choices, clock times, a dose for each time of day, the order of the slots, the members of a
group and of each record of a list."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from planner.domain import schema
from planner.domain.schema import Field
from planner.files.formstate_words import fail, shown
from planner.files.wording import key_shown, one_of
from planner.text.catalogue import say

FORM_TEXT_MAX = 250  # the form's text fields hold up to 250 characters
MAX_PLAN_ID = 100
# The longest text a number field hands on as typed when it cannot read it.
NUMBER_TEXT_MAX = 60
# The form's date field holds the Gregorian dates Qt shows (from 14 Sep 1752).
FIRST_DATE = date(1752, 9, 14)

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def object_of(value: Any, field: str, known: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        fail(field, say("formstate.object", got=shown(value)))
    for key in value:
        if key not in known:
            fail(f"{field}.{key_shown(key)}" if field else key_shown(key), say("formstate.unknown"))
    return value


def number(value: Any, field: str) -> None:
    """Any finite JSON number: its range is the domain's to judge, once it is on screen.
    Or the text a number field could not read (e.g. "1,500"), which the form writes as
    typed: that is half-typed work, shown again as typed, not damage."""
    if isinstance(value, str):
        text(value, field, NUMBER_TEXT_MAX)
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(field, say("formstate.number", got=shown(value)))
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer with hundreds of digits
        finite = False
    if not finite:
        fail(field, say("formstate.finite", got=shown(value)))


def text(value: Any, field: str, max_len: int = FORM_TEXT_MAX, required: bool = False) -> None:
    if not isinstance(value, str):
        fail(field, say("formstate.text", got=shown(value)))
    if len(value) > max_len:
        fail(field, say("formstate.too-long", max_len=max_len))
    if any((ord(c) < 32 and c != "\t") or c in "\x7f\x85\u2028\u2029" for c in value):
        fail(field, say("formstate.one-line"))
    if any("\ud800" <= c <= "\udfff" for c in value):
        fail(field, say("files.field.surrogate"))
    if required and not value.strip():
        fail(field, say("formstate.empty"))


def _choice(value: Any, field: str, options: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in options:
        fail(field, say("formstate.choice", choices=one_of(options), got=shown(value)))


def calendar_date(v: Any, field: str) -> None:
    """A date from a date field with a calendar: always a whole, real date."""
    if not isinstance(v, str) or not _DATE_RE.fullmatch(v):
        fail(field, say("files.field.date-format", got=shown(v)))
    try:
        d = date.fromisoformat(v)
    except ValueError:
        fail(field, say("formstate.date-unreal", date=v))
    if d < FIRST_DATE:
        fail(field, say("formstate.date-too-early", date=v, first=FIRST_DATE.isoformat()))


def _times(v: Any, field: str, slots: tuple[str, ...]) -> None:
    times = object_of(v, field, slots)
    for slot in slots:
        t = times.get(slot)
        if not isinstance(t, str) or not _TIME_RE.fullmatch(t):
            fail(f"{field}.{slot}", say("formstate.time", got=shown(t)))


def _doses(v: Any, field: str, slots: tuple[str, ...]) -> None:
    """A dose for each time of day given: a number (or the text its field could not read)."""
    doses = object_of(v, field, slots)
    for slot, mg in doses.items():
        number(mg, f"{field}.{slot}")


def _order(v: Any, field: str, slots: tuple[str, ...]) -> None:
    if not isinstance(v, list) or len(v) != len(slots) or not all(isinstance(s, str) for s in v) \
            or sorted(v) != sorted(slots):
        fail(field, say("formstate.order", slots=one_of(slots), got=shown(v)))


def check_value(f: Field, value: Any, at: str) -> None:
    """One field's value as the form holds it, by the field's kind (at: its path, indexed)."""
    if f.kind in schema.NUMBER_KINDS:
        number(value, at)
    elif f.kind == "text":
        # What the form shows sits in a text field; what it keeps unshown, at the plan's limit.
        text(value, at, FORM_TEXT_MAX if f.shown else f.max_len, required=f.required)
    elif f.kind == "date":
        # A required date has a calendar (it always holds a real date); an optional one is
        # typed, and may be half-typed.
        calendar_date(value, at) if f.required else text(value, at)
    elif f.kind == "choice":
        _choice(value, at, f.choices)
    elif f.kind == "bool":
        if not isinstance(value, bool):
            fail(at, say("formstate.bool", got=shown(value)))
    elif f.kind == "times":
        _times(value, at, f.choices)
    elif f.kind == "order":
        _order(value, at, f.choices)
    elif f.kind == "doses":
        _doses(value, at, f.choices)
    elif f.kind == "uuid":
        if value is not None:
            text(value, at, MAX_PLAN_ID, required=True)
    elif f.kind == "group":
        check_group(f, object_of(value, at, tuple(m.key for m in schema.in_group(f.path))), set())
    elif f.kind == "records":
        check_records(f, value, at)
    else:
        raise TypeError(f"{f.path}: no form check for the kind {f.kind!r}")


def check_group(f: Field, group: dict[str, Any], judged: set[str], at: str | None = None) -> None:
    """Each member the group holds, by its kind; judged: the members a rule has checked;
    at: the group's path as the form holds it (a record's is indexed)."""
    for member in schema.in_group(f.path):
        if member.key in group and member.key not in judged:
            check_value(member, group[member.key], member.path if at is None else f"{at}.{member.key}")


def check_records(f: Field, value: Any, at: str) -> None:
    """A list of records (step_edits), each an object of the members, its required ones given."""
    if not isinstance(value, list):
        fail(at, say("formstate.records", got=shown(value)))
    members = schema.in_group(f.path)
    for i, item in enumerate(value):
        record = object_of(item, f"{at}[{i}]", tuple(m.key for m in members))
        for m in members:
            if m.required and m.key not in record:
                fail(f"{at}[{i}].{m.key}", say("formstate.missing"))
        check_group(f, record, set(), f"{at}[{i}]")
