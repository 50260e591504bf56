"""The prescriber's step edits (Plan.step_edits), applied in order to the engine's segments.

A step is one segment, numbered from 1 as laid out after the edits before it (the stop day
of a taper is not a step one can edit). An edit may give:
- total_mg: the step's new daily dose, split as the engine splits it (or as doses give);
- doses: the step's split between times of day, laid out as given; with total_mg as well
  they must add up to it (else a blocking problem, and the doses as given are used),
  without it their sum is the step's daily dose;
- days: the step's new length;
- hold_days: a hold of that many days at the step's dose, inserted right after it.
Amounts the strengths cannot make are made as near as they allow and recorded as a
Rounding, as for any input. Later steps follow in time with their doses unchanged; the
maintenance until review still ends on the review date (its length is fitted after the
edits) unless an edit sets its length.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain import override_values as canonical
from planner.domain.builder import Builder
from planner.domain.days import Segment
from planner.domain.plan import SLOTS, StepEdit
from planner.domain.problem import Problem
from planner.domain.taper import nearest_amount


def apply_edits(b: Builder, segments: list[Segment], found: list[Problem]) -> list[Segment]:
    segs = list(segments)
    for i, e in enumerate(b.plan.step_edits):
        k = e.step - 1
        steps = sum(1 for s in segs if s.total_mg > 0)
        if not segs or k < 0 or k >= len(segs) or segs[k].total_mg == 0:
            found.append(Problem("step-edit-no-step", "blocking", f"step_edits[{i}].step",
                                 value=canonical.no_step(e.step, steps), values={"step": e.step, "steps": steps}))
            continue
        seg = segs[k]
        if e.total_mg is not None or e.doses is not None:
            seg = _with_dose(b, seg, e, i, found)
        if e.days is not None:
            seg = replace(seg, days=e.days, edited=True, until_review=False)
        segs[k] = seg
        if e.hold_days is not None:
            segs.insert(k + 1, replace(seg, days=e.hold_days, hold=True, edited=False, until_review=False,
                                       field=None, wanted=None))
    return segs


def _with_dose(b: Builder, seg: Segment, e: StepEdit, i: int, found: list[Problem]) -> Segment:
    if e.doses is None:
        used = b.makeable(e.total_mg, seg.doses, prefer_higher=False) or b.maker.smallest
        return replace(seg, total_mg=used, slots=None, edited=True, field=f"step_edits[{i}].total_mg",
                       wanted=e.total_mg)
    given = dict(e.doses)
    given_sum = sum(given.values())
    if e.total_mg is not None and e.total_mg != given_sum:
        found.append(Problem("step-edit-doses-sum", "blocking", f"step_edits[{i}].doses",
                             value=canonical.doses_sum(given_sum, e.total_mg),
                             values={"step": e.step, "sum_mg": given_sum, "total_mg": e.total_mg}))
    made = {s: nearest_amount(b, given[s]) for s in SLOTS if given.get(s, 0) > 0}
    made = {s: mg for s, mg in made.items() if mg > 0}
    slots = tuple((s, made[s]) for s in SLOTS if s in made)
    return replace(seg, total_mg=sum(made.values()), doses=len(slots), exact=True, slots=slots, edited=True,
                   field=f"step_edits[{i}].doses", wanted=given_sum)
