"""The rules of a saved form that span fields, each named for what it guards (see
formstate). Each takes the field, the value the form saved for it, and what the rules
before it found (context: the drug's profile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.domain import schema
from planner.domain.plan import SYRINGE_ML
from planner.domain.profiles import drug_ids, load_profile
from planner.domain.schema import Field
from planner.files.form_values import calendar_date, check_group, check_value, number, object_of, text
from planner.files.formstate_words import fail, shown
from planner.files.kind_rules import NEEDED_BY_KIND
from planner.files.upgrades import version_problem
from planner.files.wording import one_of
from planner.text.catalogue import say


def needed(f: Field, state: dict[str, Any]) -> bool:
    """A number the form always writes for the saved form's kind of plan (its field is shown
    for that kind): without it, the form was not written by the window. What a kind needs
    beyond numbers (today's doses, a taper) may be half-typed, and the plan says so on screen."""
    kind = state.get("kind")
    if not isinstance(kind, str) or f.kind not in schema.NUMBER_KINDS:
        return False
    return f.key in NEEDED_BY_KIND.get(kind, ())


def version_readable(f: Field, v: Any, context: dict[str, Any]) -> None:
    """A saved form of the version this program writes (recovery upgrades older ones first)."""
    if version_problem(v) is not None or v != schema.FORMAT_VERSION:
        fail(f.key, say("formstate.version", current=schema.FORMAT_VERSION, got=shown(v)))


def drug_known(f: Field, drug: Any, context: dict[str, Any]) -> None:
    if not isinstance(drug, str) or drug not in drug_ids():
        fail(f.key, say("formstate.drug-unknown", got=shown(drug), known=one_of(drug_ids())))
    context["profile"] = load_profile(drug)


def indication_of_the_drug(f: Field, v: Any, context: dict[str, Any]) -> None:
    profile = context["profile"]
    known = tuple(i.id for i in profile.indications)
    if not isinstance(v, str) or v not in known:
        fail(f.key, say("formstate.indication-unknown", got=shown(v), drug=profile.name, known=one_of(known)))


def strengths_of_the_drug(f: Field, v: Any, context: dict[str, Any]) -> None:
    profile = context["profile"]
    if not isinstance(v, list):
        fail(f.key, say("formstate.strengths", got=shown(v)))
    made = profile.strengths_mg
    for i, s in enumerate(v):
        at = f"{f.key}[{i}]"
        if isinstance(s, bool) or not isinstance(s, int):
            fail(at, say("files.field.strength", got=shown(s)))
        if s not in made:
            fail(at, say("formstate.strength-not-made", strength_mg=s, drug=profile.name,
                         made=one_of(say("formstate.mg", mg=m) for m in made)))
        if s in v[:i]:
            fail(at, say("formstate.strength-twice", strength_mg=s))


def taper_step(f: Field, v: Any, context: dict[str, Any]) -> None:
    """One step, by mg or by percent (the form holds one), and its interval."""
    taper = object_of(v, f.key, tuple(m.key for m in schema.in_group(f.path)))
    if "step_mg" in taper and "step_percent" in taper:
        fail(f.key, say("formstate.taper-both"))
    step = "step_percent" if "step_percent" in taper else "step_mg"
    for key in (step, "step_days"):
        if key not in taper:
            fail(f"{f.key}.{key}", say("formstate.missing"))
        number(taper[key], f"{f.key}.{key}")
    check_group(f, taper, {"step_mg", "step_percent", "step_days"})  # and its cut order


def review_on_calendar(f: Field, v: Any, context: dict[str, Any]) -> None:
    """The review date is picked like the start date (a date field with a calendar): a real date."""
    calendar_date(v, f.key)


def liquid_syringe(f: Field, v: Any, context: dict[str, Any]) -> None:
    """The oral syringe is one of the form's buttons (5 or 10 mL), never a number typed."""
    liquid = object_of(v, f.key, tuple(m.key for m in schema.in_group(f.path)))
    if "syringe_ml" in liquid:
        ml = liquid["syringe_ml"]
        if isinstance(ml, bool) or not isinstance(ml, int) or ml not in SYRINGE_ML:
            fail(f"{f.key}.syringe_ml", say("formstate.syringe", sizes=one_of(map(str, SYRINGE_ML)), got=shown(ml)))
    check_group(f, liquid, {"syringe_ml"})


CG = ("age_years", "sex", "weight_kg")
SCR = ("serum_creatinine_mg_dl", "serum_creatinine_umol_l")


def kidney_inputs(f: Field, v: Any, context: dict[str, Any]) -> None:
    """A CrCl, or the Cockcroft-Gault inputs with serum creatinine in one unit (the form
    holds one or the other)."""
    members = {m.key: m for m in schema.in_group(f.path)}
    kidney = object_of(v, f.key, tuple(members))
    if "haemodialysis" in kidney:
        check_value(members["haemodialysis"], kidney["haemodialysis"], f"{f.key}.haemodialysis")
    if "crcl_ml_min" in kidney:
        for key in CG + SCR:
            if key in kidney:
                fail(f"{f.key}.{key}", say("formstate.crcl-and-cg"))
        number(kidney["crcl_ml_min"], f"{f.key}.crcl_ml_min")
        check_group(f, kidney, {"crcl_ml_min", "haemodialysis"})
        return
    if all(s in kidney for s in SCR):
        fail(f.key, say("formstate.creatinine-twice"))
    scr = SCR[1] if SCR[1] in kidney else SCR[0]
    for key in ("age_years", "weight_kg", scr, "sex"):
        if key not in kidney:
            fail(f"{f.key}.{key}", say("formstate.missing"))
    for key in ("age_years", "weight_kg", scr):
        number(kidney[key], f"{f.key}.{key}")
    check_value(members["sex"], kidney["sex"], f"{f.key}.sex")
    check_group(f, kidney, {"crcl_ml_min", "haemodialysis", *CG, *SCR})


def overrides_once(f: Field, v: Any, context: dict[str, Any]) -> None:
    """Each a problem's code and the reason, given once per code; the value it covers is the
    problem's (text, or a number from an older form)."""
    members = schema.in_group(f.path)
    if not isinstance(v, list):
        fail(f.key, say("formstate.overrides", got=shown(v)))
    codes = []
    for i, item in enumerate(v):
        at = f"{f.key}[{i}]"
        o = object_of(item, at, tuple(m.key for m in members))
        for m in members:
            if m.required and m.key not in o:
                fail(f"{at}.{m.key}", say("formstate.missing"))
        for m in members:
            if m.key not in o:
                continue
            if m.key == "value" and not isinstance(o["value"], str):
                number(o["value"], f"{at}.value")
            elif m.key == "value":
                text(o["value"], f"{at}.value")
            else:
                check_value(m, o[m.key], f"{at}.{m.key}")
        if o["code"] in codes:
            fail(f"{at}.code", say("formstate.overridden-twice", code=shown(o["code"])))
        codes.append(o["code"])


RULES: dict[str, Callable[[Field, Any, dict[str, Any]], None]] = {
    "format_version": version_readable,
    "drug": drug_known,
    "indication": indication_of_the_drug,
    "strengths_mg": strengths_of_the_drug,
    "review_date": review_on_calendar,
    "taper": taper_step,
    "liquid": liquid_syringe,
    "kidney": kidney_inputs,
    "overrides": overrides_once,
}
