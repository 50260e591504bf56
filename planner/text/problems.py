"""Problems and limits in words. Every caller words a Problem or a Limit through here.

(Issue 13 in progress: the domain still carries the sentence; this module becomes the
only place that words a problem from its code and values.)"""

from __future__ import annotations

from planner.domain.limits import Limit
from planner.domain.problem import Problem
from planner.domain.problems import stale_override_words
from planner.text.catalogue import say
from planner.text.numbers import fmt_decimal, fmt_mg


def problem_text(p: Problem) -> str:
    """What the problem is, for the clinician: one or more sentences."""
    return p.message


def stale_override_text(override, p: Problem) -> str:
    """Why a recorded override no longer covers the problem."""
    return stale_override_words(override, p)


def limit_text(limit: Limit) -> str:
    """Short words for a limit beside the chart ("label maximum 3600 mg/day")."""
    if limit.kind != "kidney-maximum":
        return say(f"limit.{limit.kind}", mg=fmt_mg(limit.mg))
    k = limit.kidney
    column = say("limit.kidney-column", mg=k.column_mg) if k.column_mg is not None else ""
    return say("limit.kidney-maximum", mg=fmt_mg(k.max_daily_mg), crcl=fmt_decimal(k.crcl_ml_min), row=k.band.id,
               column=column)
