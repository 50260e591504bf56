"""The label's kidney-function rules: the CrCl band's maximum and regimen, and dialysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kidney import fmt_mg
from .problem import Problem, cite, peak_value, when
from .units import DoseMaker, describe_units

if TYPE_CHECKING:
    from .profiles import Indication
    from .schedule import Day, Schedule


def kidney_problems(s: "Schedule", maker: DoseMaker, days: list["Day"], dose_field, peak: int,
                    indication: "Indication | None", where: str) -> list[Problem]:
    out: list[Problem] = []
    plan, profile = s.plan, s.profile
    name = profile.name
    k = s.kidney
    if k is None:
        normal = profile.kidney.bands[0]
        out.append(Problem(
            "no-kidney-function", "note", "kidney",
            f"No kidney function was entered, so doses were checked against the label's limits for "
            f"normal kidney function ({normal.name}). {profile.display_name} needs lower doses "
            f"when the kidneys clear less: enter CrCl or the Cockcroft-Gault values to check.",
        ))
        usual = profile.usual_doses_per_day
        if indication is not None and indication.max_doses_per_day is not None:
            usual = indication.max_doses_per_day
        if plan.doses_per_day > usual.value:
            out.append(Problem(
                "more-doses-than-label", "warning", "doses_per_day",
                f"The plan uses {plan.doses_per_day} doses a day; the label gives {where} in up to "
                f"{usual.value} ({cite(usual.source)}).",
                usual.source,
            ))
    else:
        # The kidney table's minimum age is checked with the patient's age (checks_patient).
        over_k = next((d for d in days if d.total_mg > k.max_daily_mg), None)
        if over_k is not None:
            out.append(Problem(
                "above-kidney-maximum", "blocking", dose_field(over_k),
                f"From {when(over_k)} the plan gives {over_k.total_mg} mg/day (peak {peak} mg/day), "
                f"above {fmt_mg(k.max_daily_mg)} mg/day, the label's maximum for {k.describe()} "
                f"({cite(k.source)}).",
                k.source, value=peak_value(peak, k.max_daily_mg),
            ))
        if plan.target_dose_mg < k.min_daily_mg and plan.target_dose_mg >= plan.start_dose_mg:
            out.append(Problem(
                "below-kidney-range", "note", "target_dose_mg",
                f"The target, {plan.target_dose_mg} mg/day, is below the label's usual range for "
                f"{k.describe()} ({cite(k.source)}).",
                k.source,
            ))
        if plan.doses_per_day > k.doses_per_day:
            out.append(Problem(
                "too-many-doses-for-kidney", "warning", "doses_per_day",
                f"The plan uses {plan.doses_per_day} doses a day; for {k.describe()} the label gives "
                f"{name} in {'1 dose' if k.doses_per_day == 1 else f'up to {k.doses_per_day} doses'} "
                f"a day ({cite(k.source)}).",
                k.source,
            ))
        if k.haemodialysis:
            out.extend(_dialysis(s, maker))
    return out


def _dialysis(s: "Schedule", maker: DoseMaker) -> list[Problem]:
    profile = s.profile
    if s.dialysis is None:
        return [Problem(
            "dialysis-supplement-not-given", "warning", "kidney.haemodialysis",
            f"The planner does not give a supplementary dose after haemodialysis for {profile.name}: "
            f"prescribe it from the label ({cite(profile.kidney.source)}).",
            profile.kidney.source,
        )]
    d = s.dialysis
    units = describe_units(d.units)
    if d.mg == d.label_mg:
        return [Problem(
            "dialysis-supplement", "note", "kidney.haemodialysis",
            f"After each {d.session_hours}-hour haemodialysis session, give a supplementary {d.mg} mg "
            f"({units}) ({cite(d.source)}).",
            d.source,
        )]
    return [Problem(
        "dialysis-supplement", "warning", "kidney.haemodialysis",
        f"After each {d.session_hours}-hour haemodialysis session the label gives a supplementary "
        f"{d.label_mg} mg ({cite(d.source)}). {maker.describe()} cannot make {d.label_mg} mg; the "
        f"nearest is {d.mg} mg ({units}). The oral solution ({profile.oral_solution}) can give the exact amount.",
        d.source,
    )]
