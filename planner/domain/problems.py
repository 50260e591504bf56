"""Safety checks on a computed schedule, in words a clinician understands.

A problem is blocking when it would put an unsafe or wrong dose on paper: a dose above
a label or kidney-function maximum, a taper shorter than the label's minimum, inputs
that cannot make a plan. Warnings ask for a second look; notes inform.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.text.dates import long_date
from planner.domain.checks_kidney import kidney_problems
from planner.domain.checks_patient import patient_problems
from planner.domain.checks_regimen import regimen_problems
from planner.domain.checks_starts import start_problems
from planner.text.numbers import fmt_decimal, fmt_mg
from planner.domain.limits import Limit
from planner.domain.overrides import covering_override, stale_override  # noqa: F401 - named here for callers
from planner.domain.problem import SEVERITIES, Problem, cite, listing, peak_value, when
from planner.domain.units import DoseMaker

if TYPE_CHECKING:
    from planner.domain.days import Day, Schedule

def daily_limits(s: "Schedule") -> tuple[Limit, ...]:
    """The target and every maximum the plan is checked against, for drawing beside it
    (computed once, with the schedule)."""
    return s.limits.lines


def stale_override_words(override, problem: Problem) -> str:
    """Why a recorded override no longer covers the problem, for the problems list and the CLI."""
    if override.value is None:
        return (f"An override was recorded (reason: {override.reason}) by an older version of the planner, "
                f"without the value it covered, so it no longer counts. The plan now has {problem.value}: "
                f"decide again (record a new override or change the plan).")
    return (f"An override was recorded for {override.value}; the plan now has {problem.value}: "
            f"decide again (record a new override or change the plan).")


def check(s: "Schedule", maker: DoseMaker, fewer: list[tuple[int, int, int, int]],
          today: date | None = None) -> tuple[Problem, ...]:
    """The plan's problems. today is the date a past start is judged against; None skips that check."""
    out: list[Problem] = []
    plan, profile = s.plan, s.profile
    name = profile.name

    if today is not None and plan.start_date < today:
        out.append(Problem(
            "start-in-past", "warning", "start_date",
            f"The plan starts on {long_date(plan.start_date)}, which is in the past (today is "
            f"{long_date(today)}). The patient's calendar and tick boxes will begin on that date.",
            value=plan.start_date.isoformat(),
        ))

    # --- inputs that cannot make a plan -------------------------------------------------
    if plan.target_dose_mg > plan.start_dose_mg and plan.increment_mg == 0:
        out.append(Problem(
            "increment-cannot-reach-target", "blocking", "increment_mg",
            f"The increment is 0 mg, so the dose never rises from {plan.start_dose_mg} mg/day to the "
            f"target of {plan.target_dose_mg} mg/day. Enter the amount to add at each step.",
            value=f"increment 0 mg, start {plan.start_dose_mg} mg/day, target {plan.target_dose_mg} mg/day",
        ))
    if plan.target_dose_mg < plan.start_dose_mg:
        if plan.taper is None:
            out.append(Problem(
                "target-below-start", "blocking", "target_dose_mg",
                f"The target ({plan.target_dose_mg} mg/day) is below the start dose "
                f"({plan.start_dose_mg} mg/day). Raise the target, or add a taper to plan a reduction.",
                value=f"target {plan.target_dose_mg} mg/day, start {plan.start_dose_mg} mg/day",
            ))
        else:
            out.append(Problem(
                "reduction-plan", "note", "target_dose_mg",
                f"The target ({plan.target_dose_mg} mg/day) is below the start dose, so this plan holds "
                f"{plan.start_dose_mg} mg/day and then tapers from it.",
            ))

    days = [d for d in s.days if d.total_mg > 0]
    first_step_days = plan.step_days

    def dose_field(d: "Day") -> str:
        return "start_dose_mg" if d.day <= first_step_days and d.phase == "titration" else "target_dose_mg"

    # --- the label's maximum (by indication where one is chosen) -------------------------
    indication = profile.indication(plan.indication) if plan.indication else None
    where = f"{name}"
    if indication is not None:
        where = f"{name} in {indication.name[:1].lower() + indication.name[1:]}"
    limit = s.limits.label_maximum
    peak = max((d.total_mg for d in days), default=0)
    over = next((d for d in days if d.total_mg > limit.mg), None)
    if over is not None:
        out.append(Problem(
            "above-label-maximum", "blocking", dose_field(over),
            f"From {when(over)} the plan gives {over.total_mg} mg/day (peak {peak} mg/day), above "
            f"{fmt_mg(limit.mg)} mg/day, the label's maximum for {where} ({cite(limit.source)}).",
            limit.source, value=peak_value(peak, limit.mg),
        ))
    if indication is not None and indication.recommended_max_daily_mg is not None:
        rec = indication.recommended_max_daily_mg
        above = next((d for d in days if d.total_mg > rec.value), None)
        if above is not None and over is None:
            out.append(Problem(
                "above-recommended-dose", "warning", dose_field(above),
                f"From {when(above)} the plan gives {above.total_mg} mg/day. For {where} the label "
                f"recommends up to {rec.value} mg/day ({cite(rec.source)}).",
                rec.source,
            ))
    if indication is not None and indication.hold_before_raising is not None:
        hold = indication.hold_before_raising
        at, need = int(hold["at_mg"]), int(hold["days"])
        first_above = next((d for d in days if d.total_mg > at), None)
        if first_above is not None:
            held = sum(1 for d in days if d.day < first_above.day and d.total_mg == at)
            if held < need:
                out.append(Problem(
                    "raised-too-soon", "blocking", "step_days",
                    f"The plan goes above {at} mg/day on {when(first_above)} after {held} days at "
                    f"{at} mg/day. For {where} the label raises the dose above {at} mg/day only after "
                    f"{need} days or more at {at} mg/day ({cite(hold['source'])}). Hold {at} mg/day "
                    f"longer, or record why this patient goes up sooner.",
                    hold["source"], value=f"{held} days at {at} mg/day before going above, label {need}",
                ))

    out.extend(kidney_problems(s, maker, days, dose_field, peak, indication, where))
    out.extend(patient_problems(s, indication))

    # --- time between doses ---------------------------------------------------------------
    out.extend(regimen_problems(s, days, indication))
    out.extend(start_problems(s, days, indication))

    # --- the taper ---------------------------------------------------------------------------
    if plan.taper is not None and s.days:
        taper_days = [d for d in s.days if d.phase == "taper" and d.total_mg > 0]
        minimum = profile.taper_min_days
        if len(taper_days) < minimum.value:
            path = [str(x.total_mg) for x in s.steps if x.phase == "taper"]
            start = taper_days[0].total_mg if taper_days else None
            before = [d for d in s.days if d.phase != "taper"]
            first = str(before[-1].total_mg) if before else (str(start) if start else "")
            steps = " → ".join(([first] if first else []) + path)
            span = "at once" if not taper_days else f"after {len(taper_days)} day{'s' if len(taper_days) != 1 else ''}"
            out.append(Problem(
                "taper-too-short", "blocking", "taper.step_days",
                f"The taper stops {name} {span} ({steps} mg/day). The label says to reduce {name} "
                f"gradually over at least {minimum.value} days ({cite(minimum.source)}): make the steps "
                f"smaller or longer.",
                minimum.source, value=f"taper {len(taper_days)} days, minimum {minimum.value} days",
            ))

    # --- amounts the strengths could not make -------------------------------------------
    out.extend(_roundings(s, maker))
    if fewer:
        items = [f"day {day}: {total} mg/day as {given} dose{'s' if given != 1 else ''}, not {wanted}"
                 for day, total, given, wanted in fewer]
        out.append(Problem(
            "fewer-doses", "warning", "doses_per_day",
            f"Some daily doses cannot be split into the doses a day the plan gives with "
            f"{maker.describe()}, so they are given in fewer: {listing(items)}.",
        ))

    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    return tuple(sorted(out, key=lambda p: order[p.severity]))


def _roundings(s: "Schedule", maker: DoseMaker) -> list[Problem]:
    out: list[Problem] = []
    by_field: dict[str, list] = {}
    for r in s.roundings:
        by_field.setdefault(r.field, []).append(r)
    for field, rs in by_field.items():
        if field == "taper.step_percent":
            path = " → ".join(str(x.total_mg) for x in s.steps if x.phase == "taper")
            out.append(Problem(
                "rounded-dose", "note", field,
                f"Each {fmt_decimal(s.plan.taper.step_percent)}% cut is rounded to a daily dose that "
                f"{maker.describe()} can make, always below the dose before: {path} mg/day.",
            ))
            continue
        items = [f"day {r.day}: {fmt_mg(r.wanted)} → {r.used} mg/day" for r in rs]
        out.append(Problem(
            "rounded-dose", "warning", field,
            f"{'This daily dose' if len(rs) == 1 else 'These daily doses'} cannot be made exactly from "
            f"{maker.describe()}, so the plan uses the nearest amount that can: {listing(items)}.",
        ))
    return out
