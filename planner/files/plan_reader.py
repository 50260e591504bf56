"""Reading a decoded plan file into a Plan, driven by the schema (planner.domain.schema):
the file is upgraded to the current version (upgrades), then each top-level field is read
by its declaration (field_reader) or, where it spans fields, by its named rule (plan_rules),
in the schema's order; every key the schema does not declare is named as unknown.

Every way a file can be wrong becomes a FieldError naming the field; all of them are
collected, and raised together as one PlanError.
"""

from __future__ import annotations

from typing import Any

from planner.domain import schema
from planner.domain.plan import FieldError, Plan
from planner.files import plan_rules, upgrades
from planner.files.field_reader import Reader
from planner.files.wording import one, plan_error
from planner.text.catalogue import say


def plan_from_dict(data: Any) -> Plan:
    """Read a decoded plan file of any readable version. Raises PlanError naming every field
    that is wrong."""
    if not isinstance(data, dict):
        raise one("plan", say("files.plan.not-object"))
    errors: list[FieldError] = []
    data = upgrades.upgrade(data, errors)
    r = Reader(errors, data)
    r.skip("format_version")
    values: dict[str, Any] = {}
    for f in schema.top_level():
        if f.path == "format_version":
            continue
        values[f.key] = plan_rules.read_field(r, f, values)
    r.finish()
    if errors:
        raise plan_error(errors)
    return build_plan(values)


def build_plan(values: dict[str, Any]) -> Plan:
    """The Plan of checked values, each group and record as its dataclass (schema.Field.record)."""
    kwargs: dict[str, Any] = {}
    for f in schema.top_level():
        if f.path == "format_version":
            continue
        v = values.get(f.key)
        if f.kind == "group" and v is not None:
            v = f.record(**v)
        elif f.kind == "records":
            v = tuple(f.record(**item) for item in (v or ()))
        if v is None and f.default is not None:
            v = f.default
        kwargs[f.key] = v
    return Plan(**kwargs)
