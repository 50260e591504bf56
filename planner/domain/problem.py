"""A problem found in a plan, and the small wording helpers every rule module shares.

Its own module so the rule modules (checks_kidney, checks_regimen, checks_patient) and the
problems list that gathers them can all import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.text.numbers import fmt_mg

SEVERITIES = ("blocking", "warning", "note")


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str  # blocking, warning or note
    field: str  # the plan field to change, as named in the plan file
    message: str
    source: str | None = None  # the label section behind the limit, where there is one
    # The quantity that makes the problem, in short canonical words ("peak 2400 mg/day, maximum
    # 1800 mg/day"). An override covers the problem only at the value it was recorded for.
    value: str | None = None


def cite(source: str) -> str:
    """'Neurontin label, section 2.3, Table 1: ...' -> 'Neurontin label, section 2.3, Table 1'."""
    return source.split(":", 1)[0]


def when(d) -> str:  # d: a Day (days.py imports this module)
    return f"day {d.day} ({d.date.isoformat()})"


def listing(items: list[str], most: int = 4) -> str:
    shown = "; ".join(items[:most])
    return shown + (f"; and {len(items) - most} more" if len(items) > most else "")


def peak_value(peak: int, limit: Decimal) -> str:
    """The canonical value of an above-maximum problem; an override records it."""
    return f"peak {peak} mg/day, maximum {fmt_mg(limit)} mg/day"
