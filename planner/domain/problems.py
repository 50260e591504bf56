"""Safety checks on a computed schedule. Each problem is a code and the values its wording
needs (planner.text.problems words it).

A problem is blocking when it would put an unsafe or wrong dose on paper: a dose above
a label or kidney-function maximum, a taper shorter than the label's minimum, inputs
that cannot make a plan. Warnings ask for a second look; notes inform.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.check_steps import dosed_steps, first_day, peak_mg
from planner.domain.checks_kidney import kidney_problems
from planner.domain.checks_labels import label_problems
from planner.domain.checks_patient import patient_problems
from planner.domain.checks_regimen import regimen_problems
from planner.domain.checks_shapes import shape_problems
from planner.domain.checks_starts import start_problems
from planner.domain.kinds import current_total, from_current, tapers_to_zero
from planner.domain.limits import Limit
from planner.domain.overrides import covering_override, stale_override  # noqa: F401 - named here for callers
from planner.domain.problem import SEVERITIES, Problem, cite  # noqa: F401 - cite named here for callers
from planner.domain.units import DoseMaker

if TYPE_CHECKING:
    from planner.domain.days import Day, Schedule


def daily_limits(s: "Schedule") -> tuple[Limit, ...]:
    """The target and every maximum the plan is checked against, for drawing beside it
    (computed once, with the schedule)."""
    return s.limits.lines


def check(s: "Schedule", maker: DoseMaker, fewer: list[tuple[int, int, int, int]],
          today: date | None = None) -> tuple[Problem, ...]:
    """The plan's problems. today is the date a past start is judged against; None skips that check."""
    out: list[Problem] = []
    plan, profile = s.plan, s.profile
    drug = {"drug": profile.name}

    if today is not None and plan.start_date < today:
        out.append(Problem("start-in-past", "warning", "start_date", value=plan.start_date.isoformat(),
                           values={"start": plan.start_date, "today": today}))

    # --- inputs that cannot make a plan -------------------------------------------------
    out.extend(shape_problems(s))

    # The steps with a dose (their days are the days with a dose): the checks read them a step at a time.
    dosed = dosed_steps(s)
    first_step_days = plan.step_days

    def dose_field(d: "Day") -> str:
        starts = not from_current(plan) and d.day <= first_step_days and d.phase == "titration"
        return "start_dose_mg" if starts else "target_dose_mg"

    # --- the label's maximum (by indication where one is chosen) -------------------------
    indication = s.limits.indication
    where = {**drug, "indication": indication.name if indication is not None else None}
    limit = s.limits.label_maximum
    peak = peak_mg(dosed)
    over = first_day(s, dosed, lambda st: st.total_mg > limit.mg)
    if over is not None:
        out.append(Problem(
            "above-label-maximum", "blocking", dose_field(over), limit.source,
            value=canonical.above_maximum(peak, limit.mg),
            values={**where, "day": over, "peak_mg": peak, "limit_mg": limit.mg},
        ))
    rec = s.limits.recommended
    if rec is not None:
        above = first_day(s, dosed, lambda st: st.total_mg > rec.mg)
        if above is not None and over is None:
            out.append(Problem("above-recommended-dose", "warning", dose_field(above), rec.source,
                               values={**where, "day": above, "limit_mg": rec.mg}))
    if indication is not None and indication.hold_before_raising is not None:
        hold = indication.hold_before_raising
        at, need = int(hold["at_mg"]), int(hold["days"])
        first_above = first_day(s, dosed, lambda st: st.total_mg > at)
        if first_above is not None:
            held = sum(st.days for st in dosed if st.last_day < first_above.day and st.total_mg == at)
            if held < need:
                out.append(Problem(
                    "raised-too-soon", "blocking", "step_days", hold["source"],
                    value=canonical.raised_too_soon(held, at, need),
                    values={**where, "day": first_above, "at_mg": at, "held": held, "need": need},
                ))

    out.extend(kidney_problems(s, maker, dosed, dose_field, peak, indication))
    out.extend(patient_problems(s, indication))

    # --- time between doses ---------------------------------------------------------------
    out.extend(regimen_problems(s, dosed, indication))
    out.extend(start_problems(s, indication))
    out.extend(label_problems(s, dosed))

    # --- the taper ---------------------------------------------------------------------------
    # Every plan that stops the drug (a stop plan, or a start-and-stop plan's taper) tapers
    # over at least the label's minimum; a change down to a dose the patient keeps taking does not stop.
    if tapers_to_zero(plan) and s.days and not s.continues:
        tapering = [st for st in dosed if st.phase == "taper"]
        taper_days = sum(st.days for st in tapering)
        minimum = profile.taper_min_days
        if taper_days < minimum.value:
            path = [x.total_mg for x in s.steps if x.phase == "taper"]
            start = tapering[0].total_mg if tapering else None
            before = [st for st in s.steps if st.phase != "taper"]
            first = before[-1].total_mg if before else (current_total(plan) or start or None)
            out.append(Problem(
                "taper-too-short", "blocking", "taper.step_days", minimum.source,
                value=canonical.taper_too_short(taper_days, minimum.value),
                values={**drug, "taper_days": taper_days, "path": tuple(([first] if first is not None else []) + path),
                        "min_days": minimum.value},
            ))

    # --- amounts the strengths could not make -------------------------------------------
    out.extend(_roundings(s, maker))
    if fewer:
        out.append(Problem("fewer-doses", "warning", "doses_per_day",
                           values={"forms": maker.forms, "days": tuple(fewer)}))

    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    return tuple(sorted(out, key=lambda p: order[p.severity]))


def _roundings(s: "Schedule", maker: DoseMaker) -> list[Problem]:
    out: list[Problem] = []
    by_field: dict[str, list] = {}
    for r in s.roundings:
        by_field.setdefault(r.field, []).append(r)
    for field, rs in by_field.items():
        if field == "taper.step_percent":
            path = tuple(x.total_mg for x in s.steps if x.phase == "taper")
            out.append(Problem("rounded-dose", "note", field, values={
                "forms": maker.forms, "percent": s.plan.taper.step_percent, "path": path}))
            continue
        if field == "liquid.syringe_ml":  # the syringe's marks, not the capsules, set what can be given
            out.append(Problem("rounded-dose", "warning", field, values={
                "syringe_ml": s.plan.liquid.syringe_ml, "drug": s.profile.name, "roundings": tuple(rs)}))
            continue
        out.append(Problem("rounded-dose", "warning", field, values={"forms": maker.forms, "roundings": tuple(rs)}))
    return out
