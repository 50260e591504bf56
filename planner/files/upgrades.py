"""Plan-file versions: a file names its format_version; an older file is upgraded step by
step to the version this program writes (schema.FORMAT_VERSION) before it is read.

Each step is a pure function from the decoded dict of version n to the dict of version n+1
(it must not change its argument; upgrade() hands it a copy anyway, and sets
format_version itself). The dict is as the file held it: not yet checked, so a step must
leave alone what it does not recognise and let the reader name it.

Adding version n+1: write the step here and register it with @step(n); set
schema.FORMAT_VERSION = n + 1 and declare the new fields in schema.FIELDS; keep a real
version-n file under tests/files/ and test the step with it.
tests/files/test_plan_file_versions.py checks that every version from 1 up has its step.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from planner.domain import schema
from planner.domain.plan import FieldError
from planner.files.wording import got
from planner.text.catalogue import say

FIRST_VERSION = 1

Step = Callable[[dict[str, Any]], dict[str, Any]]

# From version n (the key) to n + 1.
STEPS: dict[int, Step] = {}


def step(from_version: int) -> Callable[[Step], Step]:
    """Register the step that upgrades a file of from_version to the next version."""
    def register(fn: Step) -> Step:
        if from_version in STEPS:
            raise RuntimeError(f"two upgrade steps from version {from_version}")
        STEPS[from_version] = fn
        return fn
    return register


def missing_steps() -> list[int]:
    """The versions (older than the current one) that no step upgrades: should be none."""
    return [v for v in range(FIRST_VERSION, schema.FORMAT_VERSION) if v not in STEPS]


def version_problem(version: Any, current: int | None = None) -> str | None:
    """Why a file's format_version cannot be read, in words, or None."""
    current = schema.FORMAT_VERSION if current is None else current
    if isinstance(version, bool) or not isinstance(version, int):
        return say("files.version.not-whole", got=got(version))
    if version > current:
        return say("files.version.newer", version=version, current=current)
    if version < FIRST_VERSION:
        return say("files.version.nonsense", version=version, first=FIRST_VERSION)
    return None


def upgrade(data: dict[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    """The dict upgraded to the current version. A missing or unreadable version is added to
    errors (naming format_version) and the dict read as it is, so that every other wrong
    field is named too."""
    version = data.get("format_version")
    if version is None:
        errors.append(FieldError("format_version", say("files.field.missing")))
        return data
    problem = version_problem(version)
    if problem is not None:
        errors.append(FieldError("format_version", problem))
        return data
    return upgraded(data)


def upgraded(data: dict[str, Any]) -> dict[str, Any]:
    """A dict of a readable older version, upgraded; any other dict is returned as it is."""
    version = data.get("format_version")
    if version_problem(version) is not None:
        return data
    while version < schema.FORMAT_VERSION:
        data = STEPS[version](copy.deepcopy(data))
        version += 1
        data = {**data, "format_version": version}
    return data


@step(1)
def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 (issue 14) adds the kind of plan, today's regimen, maintenance until a review,
    step edits, the oral solution and off-label use. A version 1 file had one shape: titrate,
    hold for maintenance_days, then taper if it has one. It keeps that shape and its doses:
    kind start_and_stop, maintenance "days"; the other new fields are absent."""
    out = dict(data)
    out.setdefault("kind", "start_and_stop")
    out.setdefault("maintenance", "days")
    return out


@step(2)
def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 (issue 16) adds handout_language, the language of the patient's pages. A
    version 2 file printed in English, so it leaves the field out (its default, "en")."""
    return dict(data)
