"""What the file layer's messages share: a value from a file shown in a message, a list of
choices, a field's unit in words, and a PlanError worded as a whole. Every word comes from
the catalogue (resources/text/en/files.po, fields.po)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from planner.domain import schema
from planner.domain.plan import FieldError, PlanError
from planner.text.catalogue import say, say_n

SHOWN_MAX = 40  # a value from a file is cut to this many characters, so a message stays one line


def got(value: Any) -> str:
    """A value read from a plan file, as a message quotes it ("got ...")."""
    if isinstance(value, str):
        s = json.dumps(value)
    elif isinstance(value, bool):
        s = "true" if value else "false"
    elif isinstance(value, list):
        s = say("files.got.list")
    elif isinstance(value, dict):
        s = say("files.got.object")
    else:
        s = repr(value)
    return cut(s)


def cut(s: str) -> str:
    return s if len(s) <= SHOWN_MAX else s[:SHOWN_MAX - 3] + "..."


def key_shown(key: str) -> str:
    """An unknown key of the file's own, as a field name: quoted and cut unless it is a
    plain name, so the message stays one line."""
    return key if key.isidentifier() and len(key) <= SHOWN_MAX else got(key)


def one_of(options: Iterable[str]) -> str:
    return ", ".join(options)


def unit_words(f: schema.Field) -> str:
    return say(f.unit) if f.unit else ""


def plan_error(errors: list[FieldError]) -> PlanError:
    """A PlanError that reads as its first field and how many more are wrong."""
    first = str(errors[0])
    more = len(errors) - 1
    summary = first if more == 0 else say_n("files.and-more-problems", more, first=first)
    return PlanError(list(errors), summary)


def one(field: str, message: str) -> PlanError:
    return plan_error([FieldError(field, message)])
