"""The rules of plan format 2's fields that span fields (see plan_rules, which registers them):
what each kind of plan needs and refuses, today's regimen, the step edits, the oral solution
and off-label use. Each error names the field it is about.

- needed_by_kind: the fields a kind of plan uses are required (NEEDED_BY_KIND), and a review
  date when the plan continues until a review. A field a kind does not use may still be given
  and is left alone (the window keeps what was typed when the kind changes), except where
  keeping it would contradict the plan: those are refused below.
- off_label_use: required with the off-label indication, refused with any other.
- todays_regimen: a change or stop plan starts from at least one dose taken today.
- target_of_the_kind: a stop plan has no target (it tapers to zero); a change plan's target
  is not today's daily dose (it would change nothing).
- doses_a_day_of_the_kind: a stop plan tapers from today's times of day, so a doses_per_day
  it gives must be their number. A change plan's doses_per_day is how many doses a day the
  new dose is split into, which may differ from today's (twice a day to three times a day is
  a change too); start plans have no today's regimen.
- shaped_steps: each step edit changes something (total_mg, doses, days or hold_days); a
  split gives at least one dose, and adds up to total_mg when both are given.
- oral_solution: the syringe is one the program has the marks of (5 or 10 mL); "taper_end"
  needs below_mg and a plan that tapers; below_mg is refused where it would not be used.

What the schedule shows (a review date before the target is reached, a step edit naming a
step the plan does not have, a change down without a taper) the engine judges, as problems.
"""

from __future__ import annotations

from typing import Any

from planner.domain.plan import OFF_LABEL, SLOTS, SYRINGE_ML
from planner.domain.schema import Field, in_group
from planner.files.field_reader import Reader
from planner.files.wording import one_of
from planner.text.catalogue import say

# The fields each kind of plan needs (plan.PLAN_KINDS); a field a kind does not use may
# still be given (the window keeps what was typed when the kind changes).
NEEDED_BY_KIND = {
    "start": ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day"),
    "start_and_stop": ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day"),
    "change": ("current", "target_dose_mg", "doses_per_day"),
    "stop": ("current", "taper"),
}
STEP_CHANGES = ("total_mg", "doses", "days", "hold_days")


def needed(values: dict[str, Any], key: str) -> bool:
    if key == "review_date":
        return values.get("maintenance") == "review" and values.get("kind") in ("start", "change")
    if key == "off_label":
        return values.get("indication") == OFF_LABEL
    return key in NEEDED_BY_KIND.get(values.get("kind") or "", ())


def needed_by_kind(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    return r.read(f, required=needed(values, f.key))


def _misread(r: Reader, values: dict[str, Any], key: str) -> bool:
    """The file gives the field but it was named as wrong already: what depends on it is not judged."""
    return r.has(key) and values.get(key) is None


def off_label_use(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    if needed(values, f.key):
        return r.read(f, required=True)
    if r.has(f.key) and not _misread(r, values, "indication"):
        r.fail(f.key, say("files.off-label.not-off-label"))
        r.skip(f.key)
        return None
    return r.read(f)


def todays_regimen(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    need = needed(values, f.key)
    doses = r.read(f, required=need)
    if need and doses == ():
        r.fail(f.key, say("files.current.no-dose"))
        return None
    return doses


def today_mg(values: dict[str, Any]) -> int | None:
    current = values.get("current")
    return sum(mg for _, mg in current) if current else None


def target_of_the_kind(r: Reader, f: Field, values: dict[str, Any]) -> None:
    target = values.get(f.key)
    if target is None:
        return
    if values.get("kind") == "stop":
        r.fail(f.key, say("files.target.stop", target_mg=target))
    elif values.get("kind") == "change" and target == today_mg(values):
        r.fail(f.key, say("files.target.today", target_mg=target))


def doses_a_day_of_the_kind(r: Reader, f: Field, values: dict[str, Any]) -> None:
    given = values.get(f.key)
    current = values.get("current")
    if values.get("kind") == "stop" and given is not None and current and given != len(current):
        r.fail(f.key, say("files.doses-per-day.stop", doses=given, taken=len(current)))


def shaped_steps(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    def rule(s: Reader, edit: dict[str, Any], taken: list[dict[str, Any]]) -> bool:
        if edit["step"] is None:  # named as missing or wrong already
            return False
        if not any(s.has(k) for k in STEP_CHANGES):
            s.fail("step", say("files.step-edit.nothing", step=edit["step"], changes=one_of(STEP_CHANGES)))
            return False
        doses = edit.get("doses")
        # () once read: no time of day with a dose (an unknown time of day is named as such).
        if doses == () and all(k in SLOTS for k in s.obj["doses"]):
            s.fail("doses", say("files.step-edit.no-dose"))
            return False
        total = edit.get("total_mg")
        if doses and total is not None and sum(mg for _, mg in doses) != total:
            s.fail("doses", say("files.step-edit.sum", sum_mg=sum(mg for _, mg in doses), total_mg=total))
            return False
        return True

    return r.read(f, rule=rule)


def tapers(values: dict[str, Any]) -> bool:
    """The plan has taper steps (where the oral solution can take over at the end)."""
    kind = values.get("kind")
    if kind == "stop":
        return True
    if values.get("taper") is None:
        return False
    if kind == "change":
        today = today_mg(values)
        return today is not None and values.get("target_dose_mg") is not None and values["target_dose_mg"] < today
    return kind == "start_and_stop"


def oral_solution(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    def rule(sol: Reader) -> dict[str, Any]:
        members = {m.key: m for m in in_group(f.path)}
        use = sol.read(members["use"])
        out = {"use": use, "syringe_ml": sol.read(members["syringe_ml"])}
        if out["syringe_ml"] is not None and out["syringe_ml"] not in SYRINGE_ML:
            sol.fail("syringe_ml", say("files.liquid.syringe", sizes=one_of(map(str, SYRINGE_ML)),
                                       got=out["syringe_ml"]))
            out["syringe_ml"] = None
        if sol.obj.get("use") not in (None, use):  # the use is named as wrong already (null: left out)
            return out
        if use == "taper_end":
            out["below_mg"] = sol.read(members["below_mg"], required=True)
            if not tapers(values) and not any(_misread(r, values, k) for k in ("kind", "taper", "current")):
                sol.fail("use", say("files.liquid.no-taper"))
        elif sol.has("below_mg"):
            sol.fail("below_mg", say("files.liquid.below-unused", use=use))
            sol.skip("below_mg")
        return out

    return r.read(f, rule=rule)
