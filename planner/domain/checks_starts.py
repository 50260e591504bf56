"""The label's start: the first days of a plan against the start the label gives for the
indication (Neurontin 2.1 day 1/2/3 for postherpetic neuralgia, 2.2 for epilepsy; Lyrica
2.2-2.6). A start above it needs the clinician's recorded reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.kinds import from_current
from planner.domain.problem import Problem

if TYPE_CHECKING:
    from planner.domain.days import Schedule
    from planner.domain.profiles import Indication


def start_problems(s: "Schedule", indication: "Indication | None") -> list[Problem]:
    if from_current(s.plan):
        return []  # day 1 changes what the patient already takes: not the label's start
    for day, limit, source in _label_start(s, indication):
        d = s.days[day - 1] if day <= len(s.days) else None  # the label's first days only: day >= 1
        if d is None or d.total_mg <= limit:
            continue
        return [Problem(
            "above-label-start", "blocking", "start_dose_mg", source,
            value=canonical.label_start(day, d.total_mg, limit),
            values={"day": d, "drug": s.profile.name, "indication": indication.name if indication else None,
                    "limit_mg": limit},
        )]
    return []


def _label_start(s: "Schedule", indication: "Indication | None") -> list[tuple[int, int, str]]:
    """(plan day, the label's highest mg/day that day, source). Without a chosen indication
    only day 1 is judged, against the highest of the drug's indications' starts."""
    if indication is not None:
        if not indication.label_start_mg or indication.label_start_source is None:
            return []
        return [(i + 1, mg, indication.label_start_source) for i, mg in enumerate(indication.label_start_mg)]
    starts = [(ind.label_start_mg[0], ind.label_start_source) for ind in s.profile.indications
              if ind.label_start_mg and ind.label_start_source]
    if not starts:
        return []
    mg, source = max(starts, key=lambda x: x[0])
    return [(1, mg, source)]
