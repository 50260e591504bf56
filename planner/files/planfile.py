"""Plan files: JSON with a format_version, read strictly and written back exactly.

Every way a file can be wrong (unreadable, not JSON, an unknown, missing or mistyped
field, a number out of range) becomes a PlanError naming the file or the field, never a
traceback. This module reads and writes the file; what the fields are comes from the schema:
    plan_reader   the decoded dict -> Plan, field by field from planner.domain.schema
    plan_rules    what spans fields (kidney inputs, taper step, strengths of the drug, ...)
    plan_writer   Plan -> dict / JSON text, in the schema's order
    upgrades      older format versions -> the current one, step by step
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from planner.domain.plan import Plan, PlanError
from planner.domain.schema import (
    FORMAT_VERSION,
    MAX_DOSE_MG,
    MAX_MAINTENANCE_DAYS,
    MAX_REASON,
    MAX_STEP_DAYS,
    MAX_TEXT,
)
from planner.files import safefile
from planner.files.plan_reader import plan_from_dict
from planner.files.plan_writer import dump_plan, plan_to_dict
from planner.files.wording import one
from planner.text.catalogue import say

__all__ = ["FORMAT_VERSION", "MAX_DOSE_MG", "MAX_FILE_BYTES", "MAX_MAINTENANCE_DAYS", "MAX_REASON", "MAX_STEP_DAYS",
           "MAX_TEXT", "PlanError", "dump_plan", "example_names", "load_example", "load_plan_file",
           "parse_plan_text", "plan_from_dict", "plan_to_dict", "save_plan_file"]

# A plan is a few hundred bytes; anything far larger is not a plan file.
MAX_FILE_BYTES = 1_000_000


class _Unusable(ValueError):
    """A JSON value no plan can hold, found while decoding."""


def _reject_constant(name: str) -> Any:
    raise _Unusable(say("files.json.constant", name=name))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Unusable(say("files.json.twice", key=repr(key)))
        out[key] = value
    return out


def parse_plan_text(text: str) -> Plan:
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise one("file", say("files.json.invalid", why=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except ValueError as exc:
        raise one("file", say("files.json.unusable", why=str(exc))) from None
    except RecursionError:
        raise one("file", say("files.json.too-deep")) from None
    return plan_from_dict(data)


def load_plan_file(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file. Every failure is a PlanError naming the file or the field."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise one("file", say("files.file.missing", path=p)) from None
    except IsADirectoryError:
        raise one("file", say("files.file.folder", path=p)) from None
    except PermissionError:
        raise one("file", say("files.file.no-permission", path=p)) from None
    except OSError as exc:
        raise one("file", say("files.file.unreadable", path=p, why=exc.strerror or exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise one("file", say("files.file.too-large", path=p, kb=MAX_FILE_BYTES // 1000))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise one("file", say("files.file.not-utf8", path=p)) from None
    if not text.strip():
        raise one("file", say("files.file.empty", path=p))
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
        raise one("example", say("files.example.unknown", name=repr(name)))
    return parse_plan_text(_examples_dir().joinpath(f"{name}.json").read_text("utf-8"))
