"""Errors the domain raises as codes and values (a plan too long to make), in words."""

from __future__ import annotations

import dataclasses

from planner.domain.plan import PlanError
from planner.text.catalogue import say


def _value(v):
    return f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else v


def worded(exc: PlanError) -> PlanError:
    """The same error with every coded field error worded from the catalogue."""
    errors = [e if e.message or e.code is None else
              dataclasses.replace(e, message=say(e.code, **{k: _value(v) for k, v in e.values}))
              for e in exc.errors]
    return PlanError(errors, exc.summary)
