"""Problems and limits in words. Every caller words a Problem or a Limit through here: the
domain gives a code and values, the catalogue (resources/text/<language>/problems.po) the
sentence, and this module the values in words (dates, mg, counts, lists)."""

from __future__ import annotations

from typing import Any, Callable

from planner.domain.limits import Limit
from planner.domain.problem import Problem, cite
from planner.text import kidney_problems, label_problems, patient_problems
from planner.text.catalogue import say, say_n
from planner.text.dates import long_date
from planner.text.numbers import fmt_decimal, fmt_mg
from planner.text.problem_parts import doses_in_words, in_running_text, listing, path, strengths, when, where
from planner.text.catalogue import profile_text


def problem_text(p: Problem) -> str:
    """What the problem is, for the clinician: one or more sentences."""
    v = _in_language(p.values)
    special = _WORDED.get(p.code)
    if special is not None:
        return special(p, v)
    return say(f"problem.{p.code}", **v)


def _in_language(values: dict[str, Any]) -> dict[str, Any]:
    """The drug's and the indication's names (the profile's English, as the domain gives them)
    in the language in use."""
    out = dict(values)
    for key in ("drug", "indication", "band"):
        if isinstance(out.get(key), str):
            out[key] = profile_text(out[key])
    if isinstance(out.get("display_name"), str):  # 'Gabapentin': the name capitalised, to start a sentence
        name = profile_text(out["display_name"].lower())
        out["display_name"] = name[:1].upper() + name[1:]
    return out


def stale_override_text(override, p: Problem) -> str:
    """Why a recorded override no longer covers the problem."""
    if override.value is None:
        return say("override.stale-without-value", reason=override.reason, value=p.value)
    return say("override.stale", recorded=override.value, value=p.value)


def limit_text(limit: Limit) -> str:
    """Short words for a limit beside the chart ("label maximum 3600 mg/day")."""
    if limit.kind != "kidney-maximum":
        return say(f"limit.{limit.kind}", mg=fmt_mg(limit.mg))
    k = limit.kidney
    column = say("limit.kidney-column", mg=k.column_mg) if k.column_mg is not None else ""
    return say("limit.kidney-maximum", mg=fmt_mg(k.max_daily_mg), crcl=fmt_decimal(k.crcl_ml_min), row=k.band.id,
               column=column)


def _start_in_past(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.start-in-past", start=long_date(v["start"]), today=long_date(v["today"]))


def _above_label_maximum(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.above-label-maximum", when=when(v["day"]), day_mg=v["day"].total_mg, peak_mg=v["peak_mg"],
               limit_mg=fmt_mg(v["limit_mg"]), where=where(v["drug"], v["indication"]), cite=cite(p.source))


def _above_recommended(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.above-recommended-dose", when=when(v["day"]), day_mg=v["day"].total_mg,
               limit_mg=fmt_mg(v["limit_mg"]), where=where(v["drug"], v["indication"]), cite=cite(p.source))


def _raised_too_soon(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.raised-too-soon", at_mg=v["at_mg"], when=when(v["day"]), held=v["held"], need=v["need"],
               where=where(v["drug"], v["indication"]), cite=cite(p.source))


def _taper_too_short(p: Problem, v: dict[str, Any]) -> str:
    n = v["taper_days"]
    span = say("problem.taper-too-short.at-once") if n == 0 else say_n("problem.taper-too-short.after", n)
    return say("problem.taper-too-short", drug=v["drug"], span=span, path=path(v["path"]), min_days=v["min_days"],
               cite=cite(p.source))


def _fewer_doses(p: Problem, v: dict[str, Any]) -> str:
    items = [say_n("problem.fewer-doses.item", given, day=day, total_mg=total, wanted=wanted)
             for day, total, given, wanted in v["days"]]
    return say("problem.fewer-doses", strengths=strengths(v["forms"]), items=listing(items))


def _fewer_doses_one_product(p: Problem, v: dict[str, Any]) -> str:
    items = [say_n("problem.fewer-doses.item", given, day=day, total_mg=total, wanted=wanted)
             for day, total, given, wanted in v["days"]]
    return say("problem.fewer-doses-one-product", strengths=strengths(v["forms"]), items=listing(items))


def _rounded_dose(p: Problem, v: dict[str, Any]) -> str:
    if "percent" in v:
        return say("problem.rounded-dose.taper-percent", percent=fmt_decimal(v["percent"]),
                   strengths=strengths(v["forms"]), path=path(v["path"]))
    rs = v["roundings"]
    items = [say("problem.rounded-dose.item", day=r.day, wanted_mg=fmt_mg(r.wanted), used_mg=r.used) for r in rs]
    if "syringe_ml" in v:
        return say_n("problem.rounded-dose.syringe", len(rs), syringe_ml=v["syringe_ml"], drug=v["drug"],
                     items=listing(items))
    return say_n("problem.rounded-dose", len(rs), strengths=strengths(v["forms"]), items=listing(items))


def _fewer_doses_than_label(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.fewer-doses-than-label", drug=v["drug"], doses=doses_in_words(v["doses"]),
               when=when(v["day"]), where=where(v["drug"], v["indication"]),
               label_doses=doses_in_words(v["label_doses"]), label_n=v["label_doses"], cite=cite(p.source))


def _gap(p: Problem, v: dict[str, Any]) -> str:
    more = say_n("problem.gap-between-doses.more", v["more_days"]) if v["more_days"] else ""
    return say("problem.gap-between-doses", when=when(v["day"]), more=more, hours=_hours(v["gap_minutes"]),
               indication=in_running_text(v["indication"]), label_hours=v["label_hours"], cite=cite(p.source))


def _above_label_start(p: Problem, v: dict[str, Any]) -> str:
    d = v["day"]
    in_indication = "" if v["indication"] is None else say("problem.part.in-indication",
                                                            indication=in_running_text(v["indication"]))
    on_day = "" if d.day == 1 else say("problem.part.on-day", day=d.day)
    return say("problem.above-label-start", when=when(d), day_mg=d.total_mg, drug=v["drug"],
               in_indication=in_indication, limit_mg=v["limit_mg"], on_day=on_day, cite=cite(p.source))


def _current_not_makeable(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.current-not-makeable", amounts=listing([str(mg) for mg in v["amounts"]]),
               strengths=strengths(v["forms"]))


def _review_date(p: Problem, v: dict[str, Any]) -> str:
    return say(f"problem.{p.code}", review=long_date(v["review"]), start=long_date(v["start"]),
               reached=long_date(v["reached"]), target_mg=v["target_mg"])


def _hours(minutes: int) -> str:
    """Whole hours, or hours to one decimal."""
    return str(minutes // 60) if minutes % 60 == 0 else f"{minutes / 60:.1f}"


def _reduction_plan(p: Problem, v: dict[str, Any]) -> str:
    held = v["first_day"] - 1
    if held <= 0:  # day 1 is already the first reduction
        return say("problem.reduction-plan", target_mg=v["target_mg"], start_mg=v["start_mg"], first_mg=v["first_mg"])
    return say("problem.reduction-plan.hold", target_mg=v["target_mg"], start_mg=v["start_mg"],
               held=say_n("common.days", held), first_day=v["first_day"], first_mg=v["first_mg"])


_WORDED: dict[str, Callable[[Problem, dict[str, Any]], str]] = {
    "reduction-plan": _reduction_plan,
    "start-in-past": _start_in_past,
    "above-label-maximum": _above_label_maximum,
    "above-recommended-dose": _above_recommended,
    "raised-too-soon": _raised_too_soon,
    "taper-too-short": _taper_too_short,
    "fewer-doses": _fewer_doses,
    "fewer-doses-one-product": _fewer_doses_one_product,
    "rounded-dose": _rounded_dose,
    "fewer-doses-than-label": _fewer_doses_than_label,
    "gap-between-doses": _gap,
    "above-label-start": _above_label_start,
    "current-not-makeable": _current_not_makeable,
    "review-before-start": _review_date,
    "review-before-target": _review_date,
    **kidney_problems.WORDED,
    **patient_problems.WORDED,
    **label_problems.WORDED,
}
