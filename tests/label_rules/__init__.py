"""The label-rule table: one row per label rule, each with its input, its expected outcome
and the label section it comes from. Rows live in one module per area (kidney, patient,
regimen, texts) and tests/domain/test_label_rules.py runs them all.

A row's plan is a plan file (the same JSON the planner saves), made from a base plan for the
drug with the row's changes on top, so a refusal is checked through the same loader a file
or the window goes through.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

TODAY = date(2026, 12, 1)

BASE = {
    "gabapentin": {
        "format_version": 1, "drug": "gabapentin", "indication": "postherpetic_neuralgia",
        "start_date": "2026-12-01", "start_dose_mg": 300, "increment_mg": 300, "step_days": 1,
        "target_dose_mg": 900, "doses_per_day": 3, "maintenance_days": 7,
    },
    "pregabalin": {
        "format_version": 1, "drug": "pregabalin", "indication": "postherpetic_neuralgia",
        "start_date": "2026-12-01", "start_dose_mg": 150, "increment_mg": 150, "step_days": 7,
        "target_dose_mg": 300, "doses_per_day": 2, "maintenance_days": 7,
    },
}


@dataclass(frozen=True)
class Row:
    """One label rule.

    rule: short words for the rule; section: the label section it comes from (e.g.
    "Lyrica 2.7"); drug and changes: the plan (changes are merged into BASE[drug]; a value
    of None removes the key). Exactly one expectation:
      problem: (code, severity) that the plan must have (field checked when given);
      absent: a problem code the plan must not have;
      refused: the plan field a loader refusal must name;
      check: a function given the Schedule that asserts what the rule demands.
    """

    rule: str
    section: str
    drug: str
    changes: dict[str, Any] = field(default_factory=dict)
    problem: tuple[str, str] | None = None
    field: str | None = None
    absent: str | None = None
    refused: str | None = None
    check: Callable[[Any], None] | None = None

    def plan_dict(self) -> dict[str, Any]:
        d = copy.deepcopy(BASE[self.drug])
        for k, v in self.changes.items():
            if v is None:
                d.pop(k, None)
            else:
                d[k] = v
        return d

    @property
    def id(self) -> str:
        return f"{self.section}: {self.rule}"
