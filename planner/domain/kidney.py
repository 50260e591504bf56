"""Kidney function: creatinine clearance and the label's dosing band for it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from planner.domain.plan import KidneyInput
from planner.domain.profiles import Cell, KidneyBand, Profile

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
class ColumnChoice:
    """Why the kidney table's column was chosen."""

    rule: str  # "highest" (no indication), "lowest", "indication-maximum", "largest-not-above"
    indication: str | None = None  # the indication's name, as the profile has it
    top_mg: int | None = None  # the indication's maximum with normal kidney function


@dataclass(frozen=True)
class KidneyAssessment:
    """The label's kidney limit for this patient: the row (the CrCl band) and the column
    (picked by the indication's maximum daily dose with normal kidney function).

    Limits are exact Fractions: below 15 mL/min gabapentin's doses shrink in proportion to
    CrCl, and 300 x 5/15 must be exactly 100, not a hair under it.
    """

    crcl_ml_min: Decimal
    method: str  # "entered" or "cockcroft-gault"
    band: KidneyBand
    min_daily_mg: Fraction
    max_daily_mg: Fraction
    doses_per_day: int
    haemodialysis: bool
    source: str
    column: int | None = None  # index into band.columns; None where the table has no columns
    column_mg: int | None = None  # the column's head: the normal-function daily dose
    column_why: ColumnChoice | None = None  # why this column (planner.text.kidney words it)
    scale: Fraction = Fraction(1)

    @property
    def cell(self) -> Cell | None:
        return self.band.columns[self.column] if self.column is not None else None


def pick_column(profile: Profile, indication_id: str | None) -> tuple[int | None, int | None, ColumnChoice | None]:
    """The kidney table's column for the indication: the one headed by its normal-function
    maximum, or the largest column not above it; with no indication, the highest column.
    Returns (index, head in mg/day, why)."""
    heads = [c.high for c in profile.kidney.normal_band.columns]
    if not heads:
        return None, None, None
    if indication_id is None:
        return len(heads) - 1, heads[-1], ColumnChoice("highest")
    ind = profile.indication(indication_id)
    top = ind.max_daily_mg.value
    fits = [i for i, h in enumerate(heads) if h <= top]
    if not fits:  # an indication maximum below every column: the lowest column, the least drug
        return 0, heads[0], ColumnChoice("lowest", ind.name, top)
    i = fits[-1]
    if heads[i] == top:
        return i, heads[i], ColumnChoice("indication-maximum", ind.name, top)
    return i, heads[i], ColumnChoice("largest-not-above", ind.name, top)


def assess(kidney: KidneyInput, profile: Profile, indication_id: str | None) -> KidneyAssessment:
    """The kidney row for the CrCl and the column for the indication (None: no indication chosen)."""
    crcl, method = clearance(kidney)
    band = profile.kidney.band_for(crcl)
    column, head, why = pick_column(profile, indication_id)
    scale = Fraction(1)
    edge = band.proportional_below_ml_min
    if edge is not None and crcl < edge:
        scale = Fraction(crcl) / Fraction(edge)
    high = band.columns[column].high if column is not None else band.max_daily_mg
    return KidneyAssessment(
        crcl_ml_min=crcl,
        method=method,
        band=band,
        min_daily_mg=band.min_daily_mg * scale,
        max_daily_mg=high * scale,
        doses_per_day=band.doses_per_day,
        haemodialysis=kidney.haemodialysis,
        source=band.source,
        column=column,
        column_mg=head,
        column_why=why,
        scale=scale,
    )
