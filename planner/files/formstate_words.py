"""How the check of a saved form words what it finds: one thing wrong, naming its field,
and a value from the form as a message quotes it."""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from planner.files.wording import cut
from planner.text.catalogue import say


class Damaged(Exception):
    """One thing wrong with a saved form, in plain words naming its field."""


def fail(field: str, why: str) -> NoReturn:
    raise Damaged(say("formstate.field", field=field, why=why))


def shown(value: Any) -> str:
    """A value from a saved form, as a message quotes it."""
    if value is None:
        return say("formstate.got.null")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return say("files.got.list")
    if isinstance(value, dict):
        return say("formstate.got.object")
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    try:
        s = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)
    except ValueError:  # an int too long to write out
        s = say("formstate.got.long-number")
    return cut(s)
