"""The kidney-function and dialysis problems in words (planner.text.problems dispatches here)."""

from __future__ import annotations

from typing import Any

from planner.domain.problem import Problem, cite
from planner.text.catalogue import say, say_n
from planner.text.kidney import kidney_limit_text, kidney_row_text, supplement_match_text
from planner.text.numbers import fmt_mg
from planner.text.problem_parts import listing, span, strengths, up_to_doses, when, where
from planner.text.units import describe_units, oral_solution_text


def _more_doses_than_label(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.more-doses-than-label", doses=v["doses"], where=where(v["drug"], v["indication"]),
               label_doses=v["label_doses"], cite=cite(p.source))


def _above_kidney_maximum(p: Problem, v: dict[str, Any]) -> str:
    k = v["kidney"]
    return say("problem.above-kidney-maximum", when=when(v["day"]), day_mg=v["day"].total_mg, peak_mg=v["peak_mg"],
               limit_mg=fmt_mg(k.max_daily_mg), kidney_limit=kidney_limit_text(k))


def _below_kidney_range(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.below-kidney-range", target_mg=v["target_mg"], kidney_row=kidney_row_text(v["kidney"]),
               cite=cite(p.source))


def _too_many_doses(p: Problem, v: dict[str, Any]) -> str:
    k = v["kidney"]
    return say("problem.too-many-doses-for-kidney", doses=v["doses"], kidney_row=kidney_row_text(k), drug=v["drug"],
               label_doses=up_to_doses(k.doses_per_day), cite=cite(p.source))


def _not_given(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.dialysis-supplement-not-given", drug=v["drug"], cite=cite(p.source))


def _supplement(p: Problem, v: dict[str, Any]) -> str:
    items = [say("problem.dialysis-supplement.item", spans=say("problem.part.span-and").join(span(st) for st in steps),
                 total_mg=total, matched=supplement_match_text(dz.matched), mg=dz.mg, units=describe_units(dz.units))
             for total, dz, steps in v["groups"]]
    higher = [say("problem.dialysis-supplement.higher", higher_mg=hi, lower_mg=lo) for lo, hi in v["higher"]]
    also = say("problem.dialysis-supplement.also", higher=listing(higher)) if higher else ""
    rounded = [say("problem.dialysis-supplement.rounded", span=span(st), label_mg=st.dialysis.label_mg,
                   mg=st.dialysis.mg) for st in v["rounded"]]
    made = ""
    if rounded:
        made = say("problem.dialysis-supplement.made", strengths=strengths(v["forms"]), items=listing(rounded),
                   oral_solution=oral_solution_text(v["oral_solution"]))
    return say("problem.dialysis-supplement", session_hours=v["session_hours"], items=listing(items, most=6),
               cite=cite(p.source), also=also, made=made)


def _not_made(p: Problem, v: dict[str, Any]) -> str:
    items = [say("problem.dialysis-supplement-not-made.item", span=span(st), mg=mg) for st, mg in v["steps"]]
    return say("problem.dialysis-supplement-not-made", strengths=strengths(v["forms"]), items=listing(items),
               cite=cite(p.source), oral_solution=oral_solution_text(v["oral_solution"]))


def _not_in_label(p: Problem, v: dict[str, Any]) -> str:
    items = [say_n("problem.dialysis-supplement-not-in-label.item", len(st.doses), span=span(st), total_mg=st.total_mg)
             for st in v["steps"]]
    return say("problem.dialysis-supplement-not-in-label", items=listing(items), regimens=_regimens(v["table"]),
               cite=cite(p.source))


def _regimens(table) -> str:
    if table.by == "column":
        return say("problem.dialysis-supplement-not-in-label.columns")
    return listing([say("problem.dialysis-supplement-not-in-label.once", daily=r.daily.text) if r.doses_per_day == 1
                    else say("problem.dialysis-supplement-not-in-label.divided", daily=r.daily.text, n=r.doses_per_day)
                    for r in table.rows], most=8)


WORDED = {
    "more-doses-than-label": _more_doses_than_label,
    "above-kidney-maximum": _above_kidney_maximum,
    "below-kidney-range": _below_kidney_range,
    "too-many-doses-for-kidney": _too_many_doses,
    "dialysis-supplement-not-given": _not_given,
    "dialysis-supplement": _supplement,
    "dialysis-supplement-not-made": _not_made,
    "dialysis-supplement-not-in-label": _not_in_label,
}
