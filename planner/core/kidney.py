"""Kidney function: creatinine clearance and the label's dosing band for it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from .plan import KidneyInput
from .profiles import KidneyBand, Profile

# Serum creatinine: µmol/L divided by this gives mg/dL (label-facts: Neurontin section 2.3).
UMOL_PER_MG_DL = Decimal("88.4")
TENTH = Decimal("0.1")


def creatinine_mg_dl(kidney: KidneyInput) -> Decimal:
    if kidney.serum_creatinine_mg_dl is not None:
        return kidney.serum_creatinine_mg_dl
    assert kidney.serum_creatinine_umol_l is not None
    return kidney.serum_creatinine_umol_l / UMOL_PER_MG_DL


def cockcroft_gault(age_years: Decimal, sex: str, weight_kg: Decimal, scr_mg_dl: Decimal) -> Decimal:
    """CrCl (mL/min) = (140 - age) x weight / (72 x SCr), x 0.85 for women
    (the estimate the Neurontin label names in section 2.3). Unrounded."""
    crcl = (Decimal(140) - age_years) * weight_kg / (Decimal(72) * scr_mg_dl)
    if sex == "female":
        crcl *= Decimal("0.85")
    return max(crcl, Decimal(0))


def clearance(kidney: KidneyInput) -> tuple[Decimal, str]:
    """The CrCl the plan is checked against, and how it was found.

    It is cut (not rounded) to one decimal: the value shown is the value banded, and
    cutting can only move a patient into the more restrictive band.
    """
    if kidney.crcl_ml_min is not None:
        raw, method = kidney.crcl_ml_min, "entered"
    else:
        raw = cockcroft_gault(kidney.age_years, kidney.sex, kidney.weight_kg, creatinine_mg_dl(kidney))
        method = "cockcroft-gault"
    return raw.quantize(TENTH, rounding=ROUND_DOWN), method


@dataclass(frozen=True)
class KidneyAssessment:
    crcl_ml_min: Decimal
    method: str  # "entered" or "cockcroft-gault"
    band: KidneyBand
    min_daily_mg: Decimal
    max_daily_mg: Decimal
    doses_per_day: int
    haemodialysis: bool
    source: str

    @property
    def scale(self) -> Decimal:
        """Below the proportional edge the band's doses shrink with CrCl (Neurontin Table 1)."""
        edge = self.band.proportional_below_ml_min
        if edge is not None and self.crcl_ml_min < edge:
            return self.crcl_ml_min / edge
        return Decimal(1)

    def describe(self) -> str:
        """The band in a clinician's words, e.g. 'CrCl 41.3 mL/min (band 30-59: 400-1400 mg/day in 2 doses)'."""
        doses = "1 dose" if self.doses_per_day == 1 else f"up to {self.doses_per_day} doses"
        scaled = ""
        if self.scale != 1:
            scaled = f", reduced in proportion to CrCl below {self.band.proportional_below_ml_min} mL/min"
        return (f"CrCl {fmt_decimal(self.crcl_ml_min)} mL/min (band {self.band.id} mL/min: "
                f"{fmt_mg(self.min_daily_mg)}-{fmt_mg(self.max_daily_mg)} mg/day in {doses} a day{scaled})")


def fmt_decimal(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def fmt_mg(d: Decimal) -> str:
    """mg for display: whole where whole, else one decimal."""
    if d == d.to_integral_value():
        return str(int(d))
    return fmt_decimal(d.quantize(TENTH, rounding=ROUND_HALF_UP))


def assess(kidney: KidneyInput, profile: Profile) -> KidneyAssessment:
    crcl, method = clearance(kidney)
    band = profile.kidney.band_for(crcl)
    a = KidneyAssessment(
        crcl_ml_min=crcl,
        method=method,
        band=band,
        min_daily_mg=Decimal(band.min_daily_mg),
        max_daily_mg=Decimal(band.max_daily_mg),
        doses_per_day=band.doses_per_day,
        haemodialysis=kidney.haemodialysis,
        source=band.source,
    )
    if a.scale != 1:
        a = KidneyAssessment(
            crcl_ml_min=crcl, method=method, band=band,
            min_daily_mg=band.min_daily_mg * a.scale, max_daily_mg=band.max_daily_mg * a.scale,
            doses_per_day=band.doses_per_day, haemodialysis=kidney.haemodialysis, source=band.source,
        )
    return a


def dialysis_supplement_mg(a: KidneyAssessment, profile: Profile, maintenance_mg: int) -> int | None:
    """The label's supplementary dose after each haemodialysis session, read from the
    column of Table 1 nearest the patient's maintenance dose (ties: the lower column)."""
    table = profile.kidney
    if table.dialysis_supplement_mg is None or not a.band.columns_daily_mg:
        return None
    columns = [c * a.scale for c in a.band.columns_daily_mg]
    best = min(range(len(columns)), key=lambda i: (abs(columns[i] - maintenance_mg), i))
    return table.dialysis_supplement_mg[best]
