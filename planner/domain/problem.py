"""A problem found in a plan: a code and the values its wording needs, never a sentence
(planner.text.problems words it from the catalogue).

Its own module so the rule modules (checks_kidney, checks_regimen, checks_patient) and the
problems list that gathers them can all import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

SEVERITIES = ("blocking", "warning", "note")


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str  # blocking, warning or note
    field: str  # the plan field to change, as named in the plan file
    source: str | None = None  # the label section behind the limit, where there is one
    # The quantity that makes the problem, in short canonical words ("peak 2400 mg/day, maximum
    # 1800 mg/day"). An override covers the problem only at the value it was recorded for.
    value: str | None = None
    # What the wording needs (numbers, dates, days, names from the profile), by placeholder name.
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)


def cite(source: str) -> str:
    """'Neurontin label, section 2.3, Table 1: ...' -> 'Neurontin label, section 2.3, Table 1'."""
    return source.split(":", 1)[0]
