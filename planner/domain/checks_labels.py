"""The checks of issue 14's label rules: off-label use, the pace of a titration, the review.

- Off-label use (indication plan.OFF_LABEL) is always shown (a warning naming the reason and
  the stated maximum). Without its stated maximum and reason the plan is blocked: nothing
  computes an off-label plan silently. A stated maximum above the drug's label maximum, and
  any day above the stated maximum, are blocking.
- Pace (gabapentin, profile "titration_pace", SmPC 4.2): a plan that starts the drug reaches
  1800 mg/day no sooner than 1 week after day 1, 2400 no sooner than 2 weeks, 3600 no sooner
  than 3 weeks. Day 1 is the start date, so a dose first taken on day d has been reached after
  d - 1 days: 1800 mg/day on day 8 at the earliest. Change plans start from a dose the patient
  already takes and are not held to these times (the SmPC states them for starting treatment).
- Review (indication "reassess_within_months", gabapentin PHN): a review date more than that
  many calendar months after the start date is a warning (SmPC 4.2: reassess beyond 5 months).
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.check_steps import first_day, peak_mg
from planner.domain.plan import OFF_LABEL
from planner.domain.problem import Problem

if TYPE_CHECKING:
    from planner.domain.days import Schedule, Step

# The kinds of plan that start the drug, which the SmPC's minimum times are for.
STARTING_KINDS = ("start", "start_and_stop")


def label_problems(s: "Schedule", dosed: list["Step"]) -> list[Problem]:
    """dosed: the schedule's steps with a dose (check_steps.dosed_steps, as problems.check passes them)."""
    return [*off_label_problems(s, dosed), *pace_problems(s, dosed), *review_problems(s)]


def off_label_problems(s: "Schedule", dosed: list["Step"]) -> list[Problem]:
    plan, profile = s.plan, s.profile
    if plan.indication != OFF_LABEL:
        return []
    ol = plan.off_label
    if ol is None or ol.max_daily_mg is None or not (ol.reason or "").strip():
        missing = "off_label" if ol is None else ("off_label.max_daily_mg" if ol.max_daily_mg is None
                                                  else "off_label.reason")
        return [Problem("off-label-undeclared", "blocking", missing, value=canonical.not_stated(missing),
                        values={"drug": profile.name})]
    stated = s.limits.stated
    out = [Problem("off-label-use", "warning", "indication", stated.source if stated else None,
                   values={"drug": profile.name, "reason": ol.reason, "max_mg": ol.max_daily_mg})]
    label = profile.indication(OFF_LABEL).max_daily_mg  # the drug's label maximum, cited for this use
    if ol.max_daily_mg > label.value:
        out.append(Problem("stated-maximum-above-label", "blocking", "off_label.max_daily_mg", label.source,
                           value=canonical.stated_above_label(ol.max_daily_mg, label.value),
                           values={"drug": profile.name, "max_mg": ol.max_daily_mg, "label_mg": label.value}))
    over = first_day(s, dosed, lambda st: st.total_mg > ol.max_daily_mg)
    if over is not None:
        peak = peak_mg(dosed)
        out.append(Problem("above-stated-maximum", "blocking", "target_dose_mg", stated.source if stated else None,
                           value=canonical.above_maximum(peak, Decimal(ol.max_daily_mg)),
                           values={"day": over, "peak_mg": peak, "max_mg": ol.max_daily_mg,
                                   "reason": ol.reason}))
    return out


def pace_problems(s: "Schedule", dosed: list["Step"]) -> list[Problem]:
    pace = s.profile.titration_pace
    if pace is None or s.plan.kind not in STARTING_KINDS:
        return []
    for m in pace.minimums:
        reached = first_day(s, dosed, lambda st: st.total_mg >= m.mg)
        if reached is not None and reached.day - 1 < m.days:
            return [Problem("titration-too-fast", "warning", "step_days", pace.source,
                            values={"drug": s.profile.name, "day": reached, "mg": m.mg, "earliest_day": m.days + 1,
                                    "weeks": m.days // 7 if m.days % 7 == 0 else None, "min_days": m.days})]
    return []


def review_problems(s: "Schedule") -> list[Problem]:
    plan = s.plan
    ind = s.limits.indication
    rule = ind.reassess_within_months if ind is not None else None
    if rule is None or plan.review_date is None or plan.maintenance != "review":
        return []
    latest = add_months(plan.start_date, rule.value)
    if plan.review_date <= latest:
        return []
    return [Problem("review-beyond-reassessment", "warning", "review_date", rule.source,
                    values={"drug": s.profile.name, "indication": ind.name, "review": plan.review_date,
                            "start": plan.start_date, "months": rule.value, "latest": latest})]


def add_months(d: date, months: int) -> date:
    """The same day of the month, months later; the month's last day where it is shorter
    (31 Jan + 1 month = 28 or 29 Feb)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
