"""The problems of issue 14's label rules in words (planner.text.problems dispatches here):
off-label use, a titration faster than the SmPC's minimum times, a review beyond 5 months."""

from __future__ import annotations

from typing import Any

from planner.domain.problem import Problem, cite
from planner.text.catalogue import say, say_n
from planner.text.dates import long_date
from planner.text.problem_parts import when, where


def _stated_above_label(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.stated-maximum-above-label", max_mg=v["max_mg"], drug=v["drug"], label_mg=v["label_mg"],
               cite=cite(p.source))


def _above_stated(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.above-stated-maximum", when=when(v["day"]), day_mg=v["day"].total_mg, peak_mg=v["peak_mg"],
               max_mg=v["max_mg"], reason=v["reason"])


def _too_fast(p: Problem, v: dict[str, Any]) -> str:
    after = v["day"].day - 1
    days_after = say_n("problem.titration-too-fast.days-after", after) if after else ""
    return say("problem.titration-too-fast", mg=v["mg"], when=when(v["day"]), days_after=days_after,
               cite=cite(p.source), min_days=v["min_days"], earliest_day=v["earliest_day"])


def _review(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.review-beyond-reassessment", review=long_date(v["review"]), months=v["months"],
               start=long_date(v["start"]), where=where(v["drug"], v["indication"]), cite=cite(p.source),
               latest=long_date(v["latest"]))


WORDED = {
    "stated-maximum-above-label": _stated_above_label,
    "above-stated-maximum": _above_stated,
    "titration-too-fast": _too_fast,
    "review-beyond-reassessment": _review,
}
