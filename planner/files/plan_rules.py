"""The rules of a plan file that span fields, each named for what it guards. The reader
(plan_reader) reads every field by the schema (field_reader); a field listed in RULES is read through its
rule instead (which still reads each member by the schema), and AFTER rules check a field
against those read before it.

- drug_choices, indication_choices: the drug is one this program knows; the indication is
  one of that drug's.
- strengths_of_the_drug: each strength dispensed is one the drug is made in.
- slot_times_in_order: morning, midday, evening and bedtime run through the day in order.
- taper_step: a taper steps down by mg or by percent, not both.
- kidney_inputs: a CrCl, or the Cockcroft-Gault inputs (age, sex, weight, serum creatinine
  in one unit), each inside the range of human values on record (resources/inputs/plausible.json).
- birth_before_start: a date of birth makes a real age on the start date.
- overrides_once: each blocking problem is overridden once.
- needed_by_kind: the fields a kind of plan uses are required (a start plan its start dose,
  increment, step length, target and doses a day; a change plan today's doses and its
  target; a stop plan today's doses and a taper), and a review date when the plan
  continues until a review.
- the other rules of format 2's fields (off-label use, today's regimen, a target and doses
  a day that fit the kind, step edits, the oral solution): planner.files.kind_rules.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from planner.domain.dates import completed_years
from planner.domain.kidney import UMOL_PER_MG_DL
from planner.domain.profiles import (
    Bound,
    Profile,
    drug_ids,
    load_plausible,
    load_profile,
)
from planner.domain.schema import Field, in_group
from planner.files.field_reader import Reader
from planner.files.kind_rules import (
    doses_a_day_of_the_kind,
    needed,
    needed_by_kind,
    off_label_use,
    oral_solution,
    shaped_steps,
    target_of_the_kind,
    todays_regimen,
)
from planner.files.wording import one_of
from planner.text.catalogue import say
from planner.text.numbers import fmt_decimal


def _profile(values: dict[str, Any]) -> Profile | None:
    return load_profile(values["drug"]) if values.get("drug") else None


def drug_choices(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    return r.read(f, choices=drug_ids())


def indication_choices(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    profile = _profile(values)
    if profile is None:  # the drug is named as wrong already; its indication cannot be judged
        r.get(f.key, False)
        return None
    return r.read(f, choices=tuple(i.id for i in profile.indications))


def strengths_of_the_drug(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    profile = _profile(values)
    if profile is None:
        return r.read(f)

    def made(reader: Reader, at: str, strength: int) -> bool:
        if strength in profile.strengths_mg:
            return True
        forms = one_of(say("files.strength-form", strength_mg=x.strength_mg, form=x.form) for x in profile.forms)
        reader.fail(at, say("files.field.strength-not-made", drug=profile.name, strength_mg=strength, forms=forms))
        return False

    return r.read(f, made=made)


def taper_step(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    def rule(t: Reader) -> dict[str, Any]:
        members = {m.key: m for m in in_group(f.path)}
        out = {"step_days": t.read(members["step_days"])}
        if t.has("step_mg") and t.has("step_percent"):
            t.fail("step_mg", say("files.taper.both-steps"))
            t.skip("step_mg", "step_percent")
        elif t.has("step_percent"):
            out["step_percent"] = t.read(members["step_percent"])
        else:
            out["step_mg"] = t.read(members["step_mg"], required=True)
        out["order"] = t.read(members["order"], words="files.field.cut-order")
        return out

    return r.read(f, required=needed(values, f.key), rule=rule)


CG_KEYS = ("age_years", "sex", "weight_kg", "serum_creatinine_mg_dl", "serum_creatinine_umol_l")
# The range of human values each Cockcroft-Gault input is checked against, and its scale to
# the unit plausible.json states the range in.
_PLAUSIBLE = {
    "age_years": ("age_years", "files.plausible.of-ages", Decimal(1)),
    "weight_kg": ("weight_kg", "files.plausible.of-weights", Decimal(1)),
    "serum_creatinine_mg_dl": ("serum_creatinine_mg_dl", "files.plausible.of-creatinine", Decimal(1)),
    "serum_creatinine_umol_l": ("serum_creatinine_mg_dl", "files.plausible.of-creatinine", UMOL_PER_MG_DL),
}


def kidney_inputs(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    def rule(k: Reader) -> dict[str, Any]:
        members = {m.key: m for m in in_group(f.path)}
        out = {"haemodialysis": k.read(members["haemodialysis"])}
        if k.has("crcl_ml_min"):
            for key in CG_KEYS:
                if k.has(key):
                    k.fail(key, say("files.kidney.crcl-or-cg"))
                    k.skip(key)
            out["crcl_ml_min"] = k.read(members["crcl_ml_min"])
            return out
        if not any(k.has(key) for key in CG_KEYS):
            k.fail("crcl_ml_min", say("files.kidney.missing"))
            k.skip(*members)
            return out
        out["age_years"] = plausible(k, members["age_years"])
        out["sex"] = k.read(members["sex"], required=True)
        out["weight_kg"] = plausible(k, members["weight_kg"])
        if k.has("serum_creatinine_mg_dl") and k.has("serum_creatinine_umol_l"):
            k.fail("serum_creatinine_umol_l", say("files.kidney.creatinine-twice"))
            k.skip("serum_creatinine_mg_dl", "serum_creatinine_umol_l")
        elif k.has("serum_creatinine_umol_l"):
            out["serum_creatinine_umol_l"] = plausible(k, members["serum_creatinine_umol_l"])
        elif not k.has("serum_creatinine_mg_dl"):
            k.fail("serum_creatinine_mg_dl", say("files.kidney.creatinine-missing"))
            k.skip("serum_creatinine_mg_dl")
        else:
            out["serum_creatinine_mg_dl"] = plausible(k, members["serum_creatinine_mg_dl"])
        return out

    return r.read(f, rule=rule)


def plausible(k: Reader, f: Field) -> Decimal | None:
    """A patient number inside its physiological range (resources/inputs/plausible.json)."""
    value = k.read(f, required=True)
    if value is None:
        return None
    bound_name, range_of, scale = _PLAUSIBLE[f.key]
    bound: Bound = getattr(load_plausible(), bound_name)
    if not bound.contains(value / scale):
        words = "files.plausible.above-to" if bound.low_open else "files.plausible.from-to"
        k.fail(f.key, say(words, low=fmt_decimal(bound.low * scale), high=fmt_decimal(bound.high * scale),
                          unit=say(f.unit), range_of=say(range_of), got=fmt_decimal(value)))
        return None
    return value


def overrides_once(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    def rule(o: Reader, override: dict[str, Any], taken: list[dict[str, Any]]) -> bool:
        if not (override["code"] and override["reason"]):
            return False
        if any(x["code"] == override["code"] for x in taken):
            o.fail("code", say("files.overrides.twice", code=override["code"]))
            return False
        return True

    return r.read(f, rule=rule)


def slot_times_in_order(r: Reader, f: Field, values: dict[str, Any]) -> None:
    times = values.get(f.key)
    if times is None:
        return
    ordered = [t for _, t in times]
    if ordered != sorted(ordered) or len(set(ordered)) != len(ordered):
        r.fail(f.key, say("files.slot-times.order", times=one_of(f"{s} {t}" for s, t in times)))


def birth_before_start(r: Reader, f: Field, values: dict[str, Any]) -> None:
    """A date of birth that makes a real age on the start date."""
    dob = (values.get(f.key) or {}).get("date_of_birth")
    start = values.get("start_date")
    if dob is None or start is None:
        return
    oldest = load_plausible().age_years.high
    at = f"{f.key}.date_of_birth"
    if dob > start:
        r.fail(at, say("files.birth.after-start", date_of_birth=dob.isoformat(), start_date=start.isoformat()))
    elif completed_years(dob, start) > oldest:
        r.fail(at, say("files.birth.too-old", date_of_birth=dob.isoformat(), age=completed_years(dob, start),
                       oldest=fmt_decimal(oldest)))


Rule = Callable[[Reader, Field, dict[str, Any]], Any]
RULES: dict[str, Rule] = {
    **{key: needed_by_kind for key in ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg",
                                       "doses_per_day", "review_date")},
    "off_label": off_label_use,
    "current": todays_regimen,
    "step_edits": shaped_steps,
    "liquid": oral_solution,
    "drug": drug_choices,
    "indication": indication_choices,
    "strengths_mg": strengths_of_the_drug,
    "taper": taper_step,
    "kidney": kidney_inputs,
    "overrides": overrides_once,
}
AFTER: dict[str, Callable[[Reader, Field, dict[str, Any]], None]] = {
    "target_dose_mg": target_of_the_kind,
    "doses_per_day": doses_a_day_of_the_kind,
    "slot_times": slot_times_in_order,
    "patient": birth_before_start,
}


def read_field(r: Reader, f: Field, values: dict[str, Any]) -> Any:
    """One top-level field of the plan, through its rule if it has one; values are the
    fields read before it."""
    rule = RULES.get(f.path)
    value = r.read(f) if rule is None else rule(r, f, values)
    if f.path in AFTER:
        AFTER[f.path](r, f, {**values, f.key: value})
    return value
