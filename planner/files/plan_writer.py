"""Writing a Plan as its file holds it, driven by the schema: fields in the schema's order,
each written by its kind; a field with no value is left out (plan_from_dict reads its
default back). plan_from_dict(plan_to_dict(p)) == p."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from planner.domain import schema
from planner.domain.plan import Plan
from planner.domain.schema import Field


def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _value(f: Field, v: Any) -> Any:
    """A field's value as JSON holds it; None leaves the field out."""
    if v is None:
        return None
    if f.kind == "decimal":
        return _num(v)
    if f.kind == "date":
        return v.isoformat() if isinstance(v, date) else v
    if f.kind in ("strengths", "order"):
        return list(v)
    if f.kind in ("times", "doses"):
        return dict(v)
    if f.kind == "group":
        return _record(f, v)
    if f.kind == "records":
        return [_record(f, item) for item in v] or None
    return v


def _record(f: Field, obj: Any) -> dict[str, Any]:
    out = {}
    for member in schema.in_group(f.path):
        v = _value(member, getattr(obj, member.key))
        if v is not None:
            out[member.key] = v
    return out


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as its file holds it; plan_from_dict(plan_to_dict(p)) == p."""
    out: dict[str, Any] = {}
    for f in schema.top_level():
        v = schema.FORMAT_VERSION if f.path == "format_version" else _value(f, getattr(plan, f.key))
        if v is not None:
            out[f.key] = v
    return out


def dump_plan(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"
