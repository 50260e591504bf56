"""The label's kidney-function rules: the CrCl band's maximum and regimen, and dialysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain.dialysis import label_supplement
from planner.text.kidney import kidney_limit_text, kidney_row_text
from planner.text.numbers import fmt_mg
from planner.domain.problem import Problem, cite, listing, peak_value, when
from planner.domain.units import DoseMaker
from planner.text.units import describe_units

if TYPE_CHECKING:
    from planner.domain.profiles import Indication
    from planner.domain.days import Day, Schedule


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
                f"above {fmt_mg(k.max_daily_mg)} mg/day, the label's kidney maximum: {kidney_limit_text(k)}.",
                k.source, value=peak_value(peak, k.max_daily_mg),
            ))
        if plan.target_dose_mg < k.min_daily_mg and plan.target_dose_mg >= plan.start_dose_mg:
            out.append(Problem(
                "below-kidney-range", "note", "target_dose_mg",
                f"The target, {plan.target_dose_mg} mg/day, is below the label's usual range for "
                f"{kidney_row_text(k)} ({cite(k.source)}).",
                k.source,
            ))
        if plan.doses_per_day > k.doses_per_day:
            out.append(Problem(
                "too-many-doses-for-kidney", "warning", "doses_per_day",
                f"The plan uses {plan.doses_per_day} doses a day; for {kidney_row_text(k)} the label gives "
                f"{name} in {'1 dose' if k.doses_per_day == 1 else f'up to {k.doses_per_day} doses'} "
                f"a day ({cite(k.source)}).",
                k.source,
            ))
        if k.haemodialysis:
            out.extend(_dialysis(s, maker))
    return out


def _dialysis(s: "Schedule", maker: DoseMaker) -> list[Problem]:
    profile = s.profile
    table = profile.kidney.dialysis
    if table is None:
        return [Problem(
            "dialysis-supplement-not-given", "warning", "kidney.haemodialysis",
            f"The planner does not give a supplementary dose after haemodialysis for {profile.name}: "
            f"prescribe it from the label ({cite(profile.kidney.source)}).",
            profile.kidney.source,
        )]
    out: list[Problem] = []
    dosed = [st for st in s.steps if st.total_mg > 0]
    given = [st for st in dosed if st.dialysis is not None]
    if given:
        groups: dict[tuple, list] = {}  # steps with the same dose and supplement are listed together
        for st in given:
            groups.setdefault((st.total_mg, st.dialysis), []).append(_span(st))
        items = [f"{' and '.join(spans)} ({total} mg/day, {dz.matched}): {dz.mg} mg ({describe_units(dz.units)})"
                 for (total, dz), spans in groups.items()]
        pairs = sorted({(st.dialysis.label_mg, st.dialysis.label_higher_mg) for st in given
                        if st.dialysis.label_higher_mg is not None})
        higher = [f"{hi} mg where the plan gives {lo} mg" for lo, hi in pairs]
        also = ""
        if higher:
            also = (f" Where the label gives two amounts the plan prints the lower; the label also allows "
                    f"{listing(higher)}.")
        rounded = [f"{_span(st)}: label {st.dialysis.label_mg} mg, given {st.dialysis.mg} mg"
                   for st in given if st.dialysis.mg != st.dialysis.label_mg]
        made = ""
        if rounded:
            made = (f" {maker.describe()} cannot make every amount, so the plan gives the largest amount "
                    f"below it: {listing(rounded)}. The oral solution ({profile.oral_solution}) can give the "
                    f"exact amount.")
        out.append(Problem(
            "dialysis-supplement", "warning" if rounded else "note", "kidney.haemodialysis",
            f"After each {table.session_hours}-hour haemodialysis session a supplementary dose that follows "
            f"the step's daily dose, none after the last dose: {listing(items, most=6)} "
            f"({cite(table.source)}).{also}{made}",
            table.source,
        ))
    missing = [st for st in dosed if st.dialysis is None]
    # Steps whose label amount exists but the strengths make nothing at or below it.
    wanted = {st: label_supplement(table, s.kidney, st.total_mg, len(st.doses))
              for st in missing} if s.kidney is not None else {}
    unmade = [st for st in missing if wanted.get(st) is not None]
    if unmade:
        items = [f"{_span(st)}: {wanted[st][0]} mg" for st in unmade]
        out.append(Problem(
            "dialysis-supplement-not-made", "warning", "strengths_mg",
            f"{maker.describe()} cannot make the label's supplement after haemodialysis, or any smaller "
            f"amount, so none is printed for {listing(items)} ({cite(table.source)}). Add a smaller strength, "
            f"or prescribe the oral solution ({profile.oral_solution}).",
            table.source,
        ))
        missing = [st for st in missing if st not in unmade]
    if missing:
        items = [f"{_span(st)} ({st.total_mg} mg/day in {len(st.doses)} dose{'s' if len(st.doses) != 1 else ''})"
                 for st in missing]
        out.append(Problem(
            "dialysis-supplement-not-in-label", "warning", "kidney.haemodialysis",
            f"The label gives no supplement after haemodialysis for the regimen of {listing(items)}: its "
            f"table covers {_regimens(table)} ({cite(table.source)}). Prescribe the supplement for these "
            f"steps yourself, or change the regimen.",
            table.source,
        ))
    return out


def _span(st) -> str:
    return f"day {st.first_day}" if st.days == 1 else f"days {st.first_day}-{st.last_day}"


def _regimens(table) -> str:
    if table.by == "column":
        return "the columns of the kidney table"
    return listing([f"{r.daily.text} mg/day " + ("once daily" if r.doses_per_day == 1 else
                                                  f"in {r.doses_per_day} doses") for r in table.rows], most=8)
