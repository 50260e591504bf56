"""The supplementary dose after each haemodialysis session, step by step.

The labels tie the supplement to the maintenance dose the patient is on (Neurontin 2.3
Table 1, lower part: by column; Lyrica 2.7 Table 1, lower part: by once-daily regimen), so a
plan that changes its dose changes its supplement: each step gets its own. A step with no
dose (the stop of a taper) gets none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from planner.domain.kidney import KidneyAssessment
from planner.domain.profiles import DialysisTable, Profile
from planner.domain.units import DoseMaker, Unit


@dataclass(frozen=True)
class TableMatch:
    """What of the label's supplement table a step's dose was matched to (planner.text.kidney words it)."""

    by: str  # "column" or "regimen", as the table is read
    text: str  # the column's head or the regimen's daily dose, as the table prints it ("25-50")
    daily_mg: Fraction | None = None  # by column: the column's daily dose, scaled by CrCl where the band is
    scaled_by: tuple[Decimal, Decimal] | None = None  # (CrCl, the band's edge) where the column is scaled
    doses_per_day: int = 0  # by regimen


@dataclass(frozen=True)
class DialysisSupplement:
    label_mg: int  # the label's supplement for this step (the lower where the label gives two)
    mg: int  # what the available strengths make of it
    units: tuple[Unit, ...]
    session_hours: int
    source: str
    matched: TableMatch  # what of the label's table the step's dose was matched to
    label_higher_mg: int | None = None  # the label's other, higher amount, where it gives two


def label_supplement(table: DialysisTable, k: KidneyAssessment, total_mg: int,
                     doses: int) -> tuple[int, int | None, TableMatch] | None:
    """(label mg, higher label mg or None, what was matched) for a step giving total_mg a day in
    `doses` doses; None where the label's table gives no supplement for that regimen."""
    if table.by == "column":
        columns = [Fraction(c) * k.scale for c in k.band.columns_daily_mg]
        if not columns:
            return None
        # The nearest column to the step's daily dose. A dose exactly between two columns takes
        # the lower column: the smaller supplement, the conservative reading of the table.
        best = min(range(len(columns)), key=lambda i: (abs(columns[i] - total_mg), i))
        cell = k.band.columns[best]
        scaled_by = None if k.scale == 1 else (k.crcl_ml_min, k.band.proportional_below_ml_min)
        return table.column_mg[best], None, TableMatch("column", cell.text, columns[best], scaled_by)
    # By regimen (Lyrica): the label's rows are once-daily regimens, and a 50 or 75 mg/day dose
    # sits in two of them; the row with the smaller supplement is taken, and the clinician is
    # told the label also allows the higher amount.
    rows = [r for r in table.rows if r.doses_per_day == doses and r.daily.low <= total_mg <= r.daily.high]
    if not rows:
        return None
    row = min(rows, key=lambda r: (r.supplement_mg[0], r.daily.low))
    higher = row.supplement_mg[-1] if len(row.supplement_mg) > 1 else None
    return row.supplement_mg[0], higher, TableMatch("regimen", row.daily.text, doses_per_day=row.doses_per_day)


def supplement_for_step(profile: Profile, k: KidneyAssessment, maker: DoseMaker, total_mg: int,
                        doses: int) -> DialysisSupplement | None:
    table = profile.kidney.dialysis
    if table is None or not k.haemodialysis or total_mg <= 0:
        return None
    found = label_supplement(table, k, total_mg, doses)
    if found is None:
        return None
    label_mg, higher, matched = found
    used = makeable_at_most(maker, label_mg)
    if used is None:
        return None
    return DialysisSupplement(label_mg=label_mg, mg=used, units=maker.units_for(used),
                              session_hours=table.session_hours, source=table.source, matched=matched,
                              label_higher_mg=higher)


def makeable_at_most(maker: DoseMaker, label_mg: int) -> int | None:
    """The largest single dose the strengths make that is not above the label's supplement:
    a half 800 mg tablet is never printed for a 125 mg supplement. None if nothing fits."""
    q = maker.quantum
    x = (label_mg // q) * q
    while x > 0:
        if maker.split_at_most(x, 1) is not None:
            return x
        x -= q
    return None
