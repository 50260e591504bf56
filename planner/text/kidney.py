"""Kidney function in words: the label's row and column, and the limit they give."""

from __future__ import annotations

from planner.domain.kidney import KidneyAssessment
from planner.text.numbers import fmt_decimal, fmt_mg


def kidney_row_text(k: KidneyAssessment) -> str:
    """The row and column in a clinician's words, e.g. 'CrCl 45 mL/min (row 30-60 mL/min,
    column 300 mg/day: at most 150 mg/day in up to 3 doses a day)'."""
    doses = "1 dose" if k.doses_per_day == 1 else f"up to {k.doses_per_day} doses"
    where = f"row {k.band.id} mL/min"
    if k.column_mg is not None:
        where += f", column {k.column_mg} mg/day"
    scaled = ""
    if k.scale != 1:
        scaled = f", reduced in proportion to CrCl below {fmt_decimal(k.band.proportional_below_ml_min)} mL/min"
    return (f"CrCl {fmt_decimal(k.crcl_ml_min)} mL/min ({where}: at most {fmt_mg(k.max_daily_mg)} "
            f"mg/day in {doses} a day{scaled})")


def kidney_limit_text(k: KidneyAssessment) -> str:
    """Which row and column gave the limit, e.g. 'CrCl 45 mL/min: row 30-60 mL/min, column
    300 mg/day (the maximum for fibromyalgia with normal kidney function) → at most 150 mg/day
    (Lyrica label, section 2.7)'."""
    crcl = f"CrCl {fmt_decimal(k.crcl_ml_min)} mL/min"
    cite = k.source.split(":", 1)[0]
    if k.cell is None:
        return f"{crcl}: row {k.band.id} mL/min → at most {fmt_mg(k.max_daily_mg)} mg/day ({cite})"
    cell = f"{k.cell.text} mg/day"
    if k.scale != 1:
        edge = fmt_decimal(k.band.proportional_below_ml_min)
        cell += (f" at {edge} mL/min, reduced in proportion to CrCl (× {fmt_decimal(k.crcl_ml_min)}/{edge})"
                 f": at most {fmt_mg(k.max_daily_mg)} mg/day")
    elif k.cell.low != k.cell.high:
        cell += f": at most {fmt_mg(k.max_daily_mg)} mg/day"
    else:
        cell = f"at most {cell}"
    return (f"{crcl}: row {k.band.id} mL/min, column {k.column_mg} mg/day ({k.column_why}) "
            f"→ {cell} ({cite})")
