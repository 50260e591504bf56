"""The patient's problems in words: age, the kidney table's age, an unreliable CrCl
(planner.text.problems dispatches here)."""

from __future__ import annotations

from typing import Any

from planner.domain.problem import Problem, cite
from planner.text.catalogue import say
from planner.text.dates import plain_date
from planner.text.numbers import fmt_decimal
from planner.text.problem_parts import in_running_text


def _how(age) -> str:
    """How the age was found (an Age from the domain's checks_patient)."""
    if age.on is not None:
        return say("problem.age.from-birth", start=plain_date(age.on))
    return say("problem.age.typed")


def _typed_age(p: Problem, v: dict[str, Any]) -> str:
    return say("problem.age-disagrees-with-birth-date", typed=fmt_decimal(v["typed"]),
               date_of_birth=plain_date(v["date_of_birth"]), years=v["years"], start=plain_date(v["start"]))


def _outside_label(p: Problem, v: dict[str, Any]) -> str:
    ages, age = v["ages"], v["age"]
    parts = {"drug": v["drug"], "indication": in_running_text(v["indication"]), "from_years": ages.from_years,
             "cite": cite(ages.source)}
    lead = say("problem.age-outside-label.indication" if v["chosen"] else "problem.age-outside-label.no-indication",
               **parts)
    younger = (say("problem.age-outside-label.younger", younger=ages.younger) if ages.younger
               else say("problem.age-outside-label.not-covered"))
    return say("problem.age-outside-label", age=fmt_decimal(age.years), how=_how(age), lead=lead, younger=younger)


def _kidney_age(p: Problem, v: dict[str, Any]) -> str:
    age = v["age"]
    return say("problem.kidney-age", age=fmt_decimal(age.years), how=_how(age), min_years=v["min_years"],
               cite=cite(p.source))


def _elderly(p: Problem, v: dict[str, Any]) -> str:
    age = v["age"]
    return say("problem.elderly-no-kidney-result", age=fmt_decimal(age.years), how=_how(age), drug=v["drug"],
               cite=cite(p.source))


def _unreliable_crcl(p: Problem, v: dict[str, Any]) -> str:
    return say(f"problem.crcl-may-be-unreliable.{v['method']}", crcl=fmt_decimal(v["crcl"]), limit=v["limit"])


WORDED = {
    "age-disagrees-with-birth-date": _typed_age,
    "age-outside-label": _outside_label,
    "kidney-age": _kidney_age,
    "elderly-no-kidney-result": _elderly,
    "crcl-may-be-unreliable": _unreliable_crcl,
}
