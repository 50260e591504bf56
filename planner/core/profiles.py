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

PROFILES_PACKAGE = "planner.resources"


class ProfileError(Exception):
    """A profile file is missing or malformed: a packaging bug, never user input."""


@dataclass(frozen=True)
class Cited:
    """A label number with the section it came from."""

    value: int
    source: str


@dataclass(frozen=True)
class Form:
    """A solid form the pharmacy can dispense: one strength of capsule or tablet."""

    form: str  # "capsule" or "tablet"
    strength_mg: int
    scored: bool  # a scored tablet may be split in half
    source: str

    @property
    def label(self) -> str:
        return f"{self.strength_mg} mg {self.form}"


@dataclass(frozen=True)
class Indication:
    id: str
    name: str
    start: str
    max_daily_mg: Cited
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


@dataclass(frozen=True)
class KidneyBand:
    id: str
    name: str
    above: Decimal | None  # lower edge of the band, in mL/min
    above_inclusive: bool
    below: Decimal | None  # upper edge of the band, in mL/min
    below_inclusive: bool
    min_daily_mg: int
    max_daily_mg: int
    doses_per_day: int  # the most doses a day the label's regimen gives in this band
    regimen: str
    source: str
    columns_daily_mg: tuple[int, ...] = ()
    proportional_below_ml_min: Decimal | None = None
    # The fewest doses a day of this band's regimen, where it is below the indication's.
    min_doses_per_day: Cited | None = None

    def contains(self, crcl: Decimal) -> bool:
        if self.above is not None:
            if crcl < self.above or (crcl == self.above and not self.above_inclusive):
                return False
        if self.below is not None:
            if crcl > self.below or (crcl == self.below and not self.below_inclusive):
                return False
        return True


@dataclass(frozen=True)
class KidneyTable:
    source: str
    min_age_years: Cited
    bands: tuple[KidneyBand, ...]
    dialysis_supplement_mg: tuple[int, ...] | None
    dialysis_session_hours: int | None
    dialysis_source: str | None

    def band_for(self, crcl: Decimal) -> KidneyBand:
        matches = [b for b in self.bands if b.contains(crcl)]
        if len(matches) != 1:
            raise ProfileError(f"kidney bands cover CrCl {crcl} {len(matches)} times, not once")
        return matches[0]


@dataclass(frozen=True)
class Profile:
    id: str
    name: str  # generic name, lower case, as used in running text
    brand: str
    product: str
    label_title: str
    forms: tuple[Form, ...]
    oral_solution: str
    max_daily_mg: Cited
    usual_doses_per_day: Cited
    taper_min_days: Cited
    indications: tuple[Indication, ...]
    kidney: KidneyTable
    half_tablet_use_within_days: Cited | None = None
    texts: dict[str, Any] = field(default_factory=dict, compare=False)

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


def _cited(d: dict[str, Any] | None) -> Cited | None:
    if d is None:
        return None
    return Cited(int(d["value"]), str(d["source"]))


def _dec(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _band(d: dict[str, Any]) -> KidneyBand:
    return KidneyBand(
        id=d["id"],
        name=d["name"],
        above=_dec(d["above"]),
        above_inclusive=bool(d["above_inclusive"]),
        below=_dec(d["below"]),
        below_inclusive=bool(d["below_inclusive"]),
        min_daily_mg=int(d["min_daily_mg"]),
        max_daily_mg=int(d["max_daily_mg"]),
        doses_per_day=int(d["doses_per_day"]),
        regimen=d["regimen"],
        source=d["source"],
        columns_daily_mg=tuple(int(c) for c in d.get("columns_daily_mg", ())),
        proportional_below_ml_min=_dec(d.get("proportional_below_ml_min")),
        min_doses_per_day=_cited(d.get("min_doses_per_day")),
    )


def _profile(d: dict[str, Any]) -> Profile:
    forms = tuple(
        Form(f["form"], int(f["strength_mg"]), bool(f["scored"]), f["source"]) for f in d["forms"]
    )
    for f in forms:
        # Dose arithmetic is in whole mg: a split tablet must halve into whole mg.
        if f.scored and f.strength_mg % 2:
            raise ProfileError(f"{d['id']}: scored {f.label} does not halve into whole mg")
    k = d["kidney"]
    dialysis = k.get("haemodialysis_supplement")
    sol = d["oral_solution"]
    return Profile(
        id=d["id"],
        name=d["name"],
        brand=d["brand"],
        product=d["product"],
        label_title=d["label"]["title"],
        forms=forms,
        oral_solution=f"{sol['mg']} mg per {sol['per_ml']} mL",
        max_daily_mg=_cited(d["max_daily_mg"]),
        usual_doses_per_day=_cited(d["usual_doses_per_day"]),
        taper_min_days=_cited(d["taper_min_days"]),
        half_tablet_use_within_days=_cited(d.get("half_tablet_use_within_days")),
        indications=tuple(
            Indication(
                id=i["id"],
                name=i["name"],
                start=i["start"],
                max_daily_mg=_cited(i["max_daily_mg"]),
                recommended_max_daily_mg=_cited(i.get("recommended_max_daily_mg")),
                max_hours_between_doses=_cited(i.get("max_hours_between_doses")),
                max_doses_per_day=_cited(i.get("max_doses_per_day")),
                hold_before_raising=i.get("hold_before_raising"),
                label_start_mg=tuple(int(x) for x in (i.get("label_start") or {}).get("days_mg", ())),
                label_start_source=(i.get("label_start") or {}).get("source"),
                min_doses_per_day=_cited(i.get("min_doses_per_day")),
                min_doses_start_days=tuple(
                    int(x) for x in (i.get("min_doses_per_day") or {}).get("start_days", ())),
            )
            for i in d["indications"]
        ),
        kidney=KidneyTable(
            source=k["source"],
            min_age_years=_cited(k["min_age_years"]),
            bands=tuple(_band(b) for b in k["bands"]),
            dialysis_supplement_mg=(
                tuple(int(x) for x in dialysis["supplement_mg"]) if dialysis else None
            ),
            dialysis_session_hours=int(dialysis["session_hours"]) if dialysis else None,
            dialysis_source=dialysis["source"] if dialysis else None,
        ),
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
