"""The shape of a saved form: what the window's form writes (a plan-file dict), checked
completely before a form is put back on screen from a recovery file.

A saved form is a plan-file dict that may be half-typed: its numbers may be out of
range, its texts too long for the plan, and the domain says so once it is on screen, as
for any edit. What it may not be is something the form cannot hold as it is: a medicine
or strength it does not offer, a number that is not a number, a key it has no field
for. Such a file was damaged (or written by someone else) and is never restored.

The keys, what is required, the text limits of what the form does not show, the choices
and which fields are numbers come from the schema (planner.domain.schema): each value is
checked by its kind in form_values, and what spans fields (drug and its indication and
strengths, the numbers each kind of plan needs, taper step, review date, oral syringe, kidney
inputs, overrides) by a named rule in formstate_rules. A saved form of an older version is
upgraded before it is checked (recovery does it, as for a plan file). What
the form holds differs from a plan in three ways: a text field holds up to FORM_TEXT_MAX
characters, a number field may hold text it could not read, and an optional date is typed
as text (it may be half-typed).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner.domain import schema
from planner.files import formstate_rules
from planner.files.form_values import (
    FIRST_DATE,
    FORM_TEXT_MAX,
    NUMBER_TEXT_MAX,
    check_value,
    object_of,
)
from planner.files.formstate_words import Damaged, fail, shown
from planner.text.catalogue import say, say_n

__all__ = ["FIRST_DATE", "FORM_TEXT_MAX", "NUMBER_TEXT_MAX", "check_form_state", "lost_in_form", "not_taken"]


def check_form_state(state: Any) -> str | None:
    """Why a saved form cannot be put back on screen as it is, or None."""
    try:
        _check(state)
    except Damaged as exc:
        return str(exc)
    return None


def lost_in_form(saved: dict[str, Any], on_screen: dict[str, Any]) -> list[str]:
    """The fields of a checked saved form that the form on screen does not hold exactly
    (on_screen is the form's state after taking saved): a field that clamped, rounded or
    dropped a value. A restore must not change a value without a word."""
    lost: list[str] = []
    _compare(saved, on_screen, "", lost)
    return lost


def not_taken(saved: dict[str, Any], on_screen: dict[str, Any]) -> str | None:
    """Why the form on screen is not the saved form it was given, in plain words, or None."""
    lost = lost_in_form(saved, on_screen)
    if not lost:
        return None
    value: Any = saved
    for key in lost[0].split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if len(lost) == 1:
        return say("formstate.not-taken", field=lost[0], value=shown(value))
    return say_n("formstate.not-taken-more", len(lost) - 1, field=lost[0], value=shown(value))


def _compare(saved: dict[str, Any], on_screen: Any, prefix: str, lost: list[str]) -> None:
    on_screen = on_screen if isinstance(on_screen, dict) else {}
    kept_not_shown = {f.key for f in schema.top_level() if not f.shown and f.kind not in ("group", "records")}
    for key, value in saved.items():
        if key in kept_not_shown and not prefix:
            continue
        got = on_screen.get(key)
        if isinstance(value, dict):
            _compare(value, got, f"{prefix}{key}.", lost)
        elif isinstance(value, str):  # the form trims texts and leaves out empty ones
            if not (isinstance(got, str) or got is None) or value.strip() != (got or "").strip():
                lost.append(prefix + key)
        elif _kind(prefix + key) == "strengths":  # the form lists them in its own order
            if not isinstance(got, list) or sorted(value) != sorted(got):
                lost.append(prefix + key)
        elif isinstance(value, bool) or isinstance(value, list):
            if value == [] and got is None:  # the form leaves out an empty list (no overrides)
                continue
            if got != value or type(got) is not type(value):
                lost.append(prefix + key)
        elif isinstance(got, bool) or not isinstance(got, (int, float)) or _decimal(got) != _decimal(value):
            lost.append(prefix + key)


def _kind(path: str) -> str | None:
    try:
        return schema.field(path).kind
    except KeyError:
        return None


def _decimal(x: int | float) -> Decimal:
    """The number a plan file means: a float is the decimal its repr writes, as planfile
    reads it (2.156505709591171e+16 is 21565057095911710, not the float's ...712)."""
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def _check(state: Any) -> None:
    if not isinstance(state, dict):
        raise Damaged(say("formstate.no-form"))
    top = schema.top_level()
    object_of(state, "", tuple(f.key for f in top))
    for f in top:
        # What the form keeps but does not show (format_version, plan_id) may be absent.
        if (f.required or formstate_rules.needed(f, state)) and f.shown and f.key not in state:
            fail(f.key, say("formstate.missing"))
    context: dict[str, Any] = {}
    for f in top:
        if f.key in state:
            rule = formstate_rules.RULES.get(f.path)
            if rule is None:
                check_value(f, state[f.key], f.key)
            else:
                rule(f, state[f.key], context)
