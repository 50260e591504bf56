"""Drug profiles: the label numbers the engine checks against.

The numbers live in resources/profiles/*.json, each beside the label section it came
from; this module only reads them. They are loaded with importlib.resources so an
installed wheel finds them as a checkout does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from planner.domain.cited import Cited, ProfileError, read_cited
from planner.domain.template_profile import (
    LabelTemplate, TemplateDefaults, TitrationPace, read_defaults, read_pace, read_template,
)
from planner.domain.kidney_table import (  # noqa: F401 - the kidney table's parts, named here for callers
    Cell, DialysisRow, DialysisTable, KidneyBand, KidneyTable, _check_columns, read_kidney_table,
)

PROFILES_PACKAGE = "planner.resources"


@dataclass(frozen=True)
class ProductCode:
    """A product's code in a drug vocabulary (RxNorm), with where it was verified: the FHIR
    export codes the Medication with it. A product with none is exported by its text alone."""

    system: str
    code: str
    display: str
    source: str


@dataclass(frozen=True)
class Form:
    """A solid form the pharmacy can dispense: one strength of capsule or tablet."""

    form: str  # "capsule" or "tablet"
    strength_mg: int
    scored: bool  # a scored tablet may be split in half
    source: str
    # Not part of what a form is to the engine (a choice of products compares forms).
    rxnorm: ProductCode | None = field(default=None, compare=False)


@dataclass(frozen=True)
class OralSolution:
    """The drug's oral solution: mg in per_ml mL (it can give an amount no tablet makes)."""

    mg: int
    per_ml: int
    bottle_ml: int | None = None  # the label's bottle (section 16 How Supplied); None: not stated
    bottle_source: str | None = None
    rxnorm: ProductCode | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Ages:
    """The ages an indication's mg/day dosing (the dosing the planner does) covers."""

    from_years: int
    younger: str | None  # how the label doses a younger patient (by weight), or None: it does not cover them
    source: str


@dataclass(frozen=True)
class Bound:
    """A physiological range of a plan input: a value outside it cannot be a real patient's."""

    low: Decimal
    low_open: bool  # True: the value must be above low; False: from low
    high: Decimal
    source_low: str
    source_high: str

    def contains(self, x: Decimal) -> bool:
        return (x > self.low if self.low_open else x >= self.low) and x <= self.high


@dataclass(frozen=True)
class PlausibleInputs:
    """resources/inputs/plausible.json: the same for every drug, so stated once."""

    age_years: Bound
    weight_kg: Bound
    serum_creatinine_mg_dl: Bound
    unreliable_crcl_above_ml_min: Cited


@dataclass(frozen=True)
class Indication:
    id: str
    name: str
    start: str
    max_daily_mg: Cited
    ages: Ages | None = None
    recommended_max_daily_mg: Cited | None = None
    max_hours_between_doses: Cited | None = None
    max_doses_per_day: Cited | None = None
    # "raise above X mg/day only after N days at X" (pregabalin in postherpetic neuralgia)
    hold_before_raising: dict[str, Any] | None = field(default=None, compare=False)
    # The label's start: the highest daily mg on day 1, 2, ... (gabapentin PHN: 300/600/900).
    label_start_mg: tuple[int, ...] = ()
    label_start_source: str | None = None
    # The fewest doses a day of the label's regimen; on the listed first days the ramp
    # (gabapentin PHN: day 1 once, day 2 twice) gives fewer.
    min_doses_per_day: Cited | None = None
    min_doses_start_days: tuple[int, ...] = ()
    # The label's start, pace and target for a new plan (planner.domain.templates).
    template: LabelTemplate | None = None
    # Reassess a patient treated longer than this (gabapentin SmPC 4.2, peripheral neuropathic pain).
    reassess_within_months: Cited | None = None
    # Off-label use: the source of the maximum the prescriber states, with {reason}.
    stated_maximum_source: str | None = None
    # What the medicine is for, in the patient's words ("for nerve pain after shingles").
    purpose: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Profile:
    id: str
    name: str  # generic name, lower case, as used in running text
    brand: str
    product: str
    label_title: str
    forms: tuple[Form, ...]
    oral_solution: OralSolution
    max_daily_mg: Cited
    usual_doses_per_day: Cited
    taper_min_days: Cited
    indications: tuple[Indication, ...]
    kidney: KidneyTable
    half_tablet_use_within_days: Cited | None = None
    elderly_from_years: Cited | None = None  # the age from which the label says to dose by CrCl
    template_defaults: TemplateDefaults | None = None
    titration_pace: TitrationPace | None = None
    texts: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def plausible(self) -> PlausibleInputs:
        return load_plausible()

    @property
    def display_name(self) -> str:
        return self.name[:1].upper() + self.name[1:]

    @property
    def strengths_mg(self) -> tuple[int, ...]:
        return tuple(f.strength_mg for f in self.forms)

    def form_for(self, strength_mg: int) -> Form:
        for f in self.forms:
            if f.strength_mg == strength_mg:
                return f
        raise KeyError(strength_mg)

    def indication(self, indication_id: str) -> Indication:
        for ind in self.indications:
            if ind.id == indication_id:
                return ind
        raise KeyError(indication_id)


def _ages(d: dict[str, Any] | None) -> Ages | None:
    if d is None:
        return None
    return Ages(int(d["from_years"]), d.get("younger"), str(d["source"]))


def _renamed(d: dict[str, Any] | None, key: str) -> dict[str, Any] | None:
    return None if d is None else {"value": d[key], "source": d["source"]}


def _bound(d: dict[str, Any]) -> Bound:
    open_low = "above" in d
    return Bound(Decimal(str(d["above"] if open_low else d["min"])), open_low, Decimal(str(d["max"])),
                 str(d["source_min"]), str(d["source_max"]))


@cache
def load_plausible() -> PlausibleInputs:
    """The physiological ranges of the patient inputs (resources/inputs/plausible.json)."""
    text = resources.files(PROFILES_PACKAGE).joinpath("inputs", "plausible.json").read_text(encoding="utf-8")
    try:
        d = json.loads(text)
        return PlausibleInputs(
            age_years=_bound(d["age_years"]),
            weight_kg=_bound(d["weight_kg"]),
            serum_creatinine_mg_dl=_bound(d["serum_creatinine_mg_dl"]),
            unreliable_crcl_above_ml_min=read_cited(d["unreliable_crcl_above_ml_min"]),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ProfileError(f"resources/inputs/plausible.json is malformed: {exc!r}") from exc


def _code(d: dict[str, Any] | None) -> ProductCode | None:
    if d is None:
        return None
    return ProductCode(str(d["system"]), str(d["code"]), str(d["display"]), str(d["source"]))


def _profile(d: dict[str, Any]) -> Profile:
    forms = tuple(
        Form(f["form"], int(f["strength_mg"]), bool(f["scored"]), f["source"], _code(f.get("rxnorm")))
        for f in d["forms"]
    )
    for f in forms:
        # Dose arithmetic is in whole mg: a split tablet must halve into whole mg.
        if f.scored and f.strength_mg % 2:
            raise ProfileError(f"{d['id']}: scored {f.strength_mg} mg {f.form} does not halve into whole mg")
    k = d["kidney"]
    sol = d["oral_solution"]
    kidney = read_kidney_table(d["id"], k)
    return Profile(
        id=d["id"],
        name=d["name"],
        brand=d["brand"],
        product=d["product"],
        label_title=d["label"]["title"],
        forms=forms,
        oral_solution=OralSolution(int(sol["mg"]), int(sol["per_ml"]),
                                   int(sol["bottle_ml"]) if sol.get("bottle_ml") is not None else None,
                                   sol.get("bottle_source"), _code(sol.get("rxnorm"))),
        max_daily_mg=read_cited(d["max_daily_mg"]),
        usual_doses_per_day=read_cited(d["usual_doses_per_day"]),
        taper_min_days=read_cited(d["taper_min_days"]),
        half_tablet_use_within_days=read_cited(d.get("half_tablet_use_within_days")),
        elderly_from_years=read_cited(_renamed(d.get("elderly"), "from_years")),
        indications=tuple(
            Indication(
                id=i["id"],
                name=i["name"],
                start=i["start"],
                max_daily_mg=read_cited(i["max_daily_mg"]),
                recommended_max_daily_mg=read_cited(i.get("recommended_max_daily_mg")),
                max_hours_between_doses=read_cited(i.get("max_hours_between_doses")),
                max_doses_per_day=read_cited(i.get("max_doses_per_day")),
                hold_before_raising=i.get("hold_before_raising"),
                ages=_ages(i.get("ages")),
                label_start_mg=tuple(int(x) for x in (i.get("label_start") or {}).get("days_mg", ())),
                label_start_source=(i.get("label_start") or {}).get("source"),
                min_doses_per_day=read_cited(i.get("min_doses_per_day")),
                min_doses_start_days=tuple(
                    int(x) for x in (i.get("min_doses_per_day") or {}).get("start_days", ())),
                template=read_template(i.get("template"), f"{d['id']} {i['id']}"),
                reassess_within_months=read_cited(i.get("reassess_within_months")),
                stated_maximum_source=i.get("stated_maximum_source"),
                purpose=i.get("purpose"),
            )
            for i in d["indications"]
        ),
        kidney=kidney,
        template_defaults=read_defaults(d.get("template_defaults"), d["id"]),
        titration_pace=read_pace(d.get("titration_pace")),
        texts=d.get("texts", {}),
    )


def _profiles_dir():
    return resources.files(PROFILES_PACKAGE).joinpath("profiles")


@cache
def drug_ids() -> tuple[str, ...]:
    """The drugs this installation has profiles for, in a stable order."""
    names = sorted(p.name[: -len(".json")] for p in _profiles_dir().iterdir() if p.name.endswith(".json"))
    # Gabapentin is the first drug we serve: list it first.
    return tuple(sorted(names, key=lambda n: (n != "gabapentin", n)))


@cache
def load_profile(drug_id: str) -> Profile:
    if drug_id not in drug_ids():
        raise KeyError(drug_id)
    text = _profiles_dir().joinpath(f"{drug_id}.json").read_text(encoding="utf-8")
    try:
        return _profile(json.loads(text))
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"profile {drug_id} is malformed: {exc!r}") from exc
