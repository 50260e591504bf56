"""The daily limits a plan is held to: the target, the label's maximum for the indication,
the label's recommended maximum, and the kidney maximum.

Computed once per plan (plan_limits) and carried by the Schedule, so the engine, the
checker and the chart read the same numbers. Exact: a kidney maximum is a Fraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from planner.domain.kidney import KidneyAssessment
from planner.domain.plan import Plan
from planner.domain.profiles import Indication, Profile

# stated-maximum: the maximum the prescriber states for an off-label use (plan.off_label).
KINDS = ("target", "label-maximum", "recommended", "kidney-maximum", "stated-maximum")


@dataclass(frozen=True)
class Limit:
    """A daily-dose line a chart or printout shows beside the schedule."""

    kind: str  # one of KINDS
    mg: Decimal | Fraction  # a kidney maximum is an exact Fraction
    source: str | None = None
    kidney: KidneyAssessment | None = None  # the row and column behind a kidney maximum


@dataclass(frozen=True)
class Limits:
    target: Limit
    label_maximum: Limit
    recommended: Limit | None
    kidney: Limit | None
    indication: Indication | None  # the indication the label's limits are for, if one is chosen
    stated: Limit | None = None  # off-label use: the prescriber's stated maximum

    @property
    def lines(self) -> tuple[Limit, ...]:
        """The target and every maximum, in the order a legend lists them."""
        return tuple(x for x in (self.target, self.label_maximum, self.recommended, self.kidney, self.stated)
                     if x is not None)


def plan_limits(plan: Plan, profile: Profile, kidney: KidneyAssessment | None) -> Limits:
    indication = profile.indication(plan.indication) if plan.indication else None
    limit = profile.max_daily_mg
    if indication is not None and indication.max_daily_mg.value < limit.value:
        limit = indication.max_daily_mg
    recommended = None
    if indication is not None and indication.recommended_max_daily_mg is not None:
        rec = indication.recommended_max_daily_mg
        recommended = Limit("recommended", Decimal(rec.value), rec.source)
    return Limits(
        target=Limit("target", Decimal(plan.target_dose_mg)),
        label_maximum=Limit("label-maximum", Decimal(limit.value), limit.source),
        recommended=recommended,
        kidney=Limit("kidney-maximum", kidney.max_daily_mg, kidney.source, kidney) if kidney is not None else None,
        indication=indication,
        stated=stated_maximum(plan, indication),
    )


def stated_maximum(plan: Plan, indication: Indication | None) -> Limit | None:
    """An off-label use's maximum, as the prescriber states it (None until stated). Its source
    names it as the prescriber's, with the reason; checks_labels holds it to the label's."""
    ol = plan.off_label
    if indication is None or indication.stated_maximum_source is None or ol is None or ol.max_daily_mg is None:
        return None
    source = indication.stated_maximum_source.format(reason=ol.reason or "")
    return Limit("stated-maximum", Decimal(ol.max_daily_mg), source)
