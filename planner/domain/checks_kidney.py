"""The label's kidney-function rules: the CrCl band's maximum and regimen, and dialysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.check_steps import first_day
from planner.domain.dialysis import label_supplement
from planner.domain.kinds import doses_per_day, starting_mg
from planner.domain.problem import Problem
from planner.domain.units import DoseMaker

if TYPE_CHECKING:
    from planner.domain.days import Schedule, Step
    from planner.domain.profiles import Indication


def kidney_problems(s: "Schedule", maker: DoseMaker, dosed: list["Step"], dose_field, peak: int,
                    indication: "Indication | None") -> list[Problem]:
    """dosed: the steps with a dose (check_steps.dosed_steps)."""
    out: list[Problem] = []
    plan, profile = s.plan, s.profile
    k = s.kidney
    where = {"drug": profile.name, "indication": indication.name if indication is not None else None}
    if k is None:
        out.append(Problem("no-kidney-function", "note", "kidney", values={
            "band": profile.kidney.bands[0].name, "display_name": profile.display_name}))
        usual = profile.usual_doses_per_day
        if indication is not None and indication.max_doses_per_day is not None:
            usual = indication.max_doses_per_day
        if doses_per_day(plan) > usual.value:
            out.append(Problem("more-doses-than-label", "warning", "doses_per_day", usual.source,
                               values={**where, "doses": doses_per_day(plan), "label_doses": usual.value}))
    else:
        # The kidney table's minimum age is checked with the patient's age (checks_patient).
        over_k = first_day(s, dosed, lambda st: st.total_mg > k.max_daily_mg)
        if over_k is not None:
            out.append(Problem(
                "above-kidney-maximum", "blocking", dose_field(over_k), k.source,
                value=canonical.above_maximum(peak, k.max_daily_mg),
                values={"day": over_k, "peak_mg": peak, "kidney": k},
            ))
        if plan.kind != "stop" and plan.target_dose_mg < k.min_daily_mg and plan.target_dose_mg >= starting_mg(plan):
            out.append(Problem("below-kidney-range", "note", "target_dose_mg", k.source,
                               values={"target_mg": plan.target_dose_mg, "kidney": k}))
        if doses_per_day(plan) > k.doses_per_day:
            out.append(Problem("too-many-doses-for-kidney", "warning", "doses_per_day", k.source,
                               values={"drug": profile.name, "doses": doses_per_day(plan), "kidney": k}))
        if k.haemodialysis:
            out.extend(_dialysis(s, maker))
    return out


def _dialysis(s: "Schedule", maker: DoseMaker) -> list[Problem]:
    profile = s.profile
    table = profile.kidney.dialysis
    if table is None:
        return [Problem("dialysis-supplement-not-given", "warning", "kidney.haemodialysis", profile.kidney.source,
                        values={"drug": profile.name})]
    out: list[Problem] = []
    dosed = [st for st in s.steps if st.total_mg > 0]
    given = [st for st in dosed if st.dialysis is not None]
    if given:
        groups: dict[tuple, list] = {}  # steps with the same dose and supplement are listed together
        for st in given:
            groups.setdefault((st.total_mg, st.dialysis), []).append(st)
        higher = sorted({(st.dialysis.label_mg, st.dialysis.label_higher_mg) for st in given
                         if st.dialysis.label_higher_mg is not None})
        rounded = tuple(st for st in given if st.dialysis.mg != st.dialysis.label_mg)
        out.append(Problem(
            "dialysis-supplement", "warning" if rounded else "note", "kidney.haemodialysis", table.source,
            values={"session_hours": table.session_hours, "groups": tuple((total, dz, tuple(steps))
                                                                          for (total, dz), steps in groups.items()),
                    "higher": tuple(higher), "rounded": rounded, "forms": maker.forms,
                    "oral_solution": profile.oral_solution},
        ))
    missing = [st for st in dosed if st.dialysis is None]
    # Steps whose label amount exists but the strengths make nothing at or below it.
    wanted = {st: label_supplement(table, s.kidney, st.total_mg, len(st.doses))
              for st in missing} if s.kidney is not None else {}
    unmade = [st for st in missing if wanted.get(st) is not None]
    if unmade:
        out.append(Problem(
            "dialysis-supplement-not-made", "warning", "strengths_mg", table.source,
            values={"forms": maker.forms, "steps": tuple((st, wanted[st][0]) for st in unmade),
                    "oral_solution": profile.oral_solution},
        ))
        missing = [st for st in missing if st not in unmade]
    if missing:
        out.append(Problem("dialysis-supplement-not-in-label", "warning", "kidney.haemodialysis", table.source,
                           values={"steps": tuple(missing), "table": table}))
    return out
