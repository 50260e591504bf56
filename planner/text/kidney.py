"""Kidney function in words: the label's row and column, and the limit they give."""

from __future__ import annotations

from planner.domain.dialysis import TableMatch
from planner.domain.kidney import ColumnChoice, KidneyAssessment
from planner.text.catalogue import say
from planner.text.numbers import fmt_decimal, fmt_mg
from planner.text.problem_parts import in_running_text


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
    return (f"{crcl}: row {k.band.id} mL/min, column {k.column_mg} mg/day ({column_choice_text(k.column_why)}) "
            f"→ {cell} ({cite})")


def column_choice_text(c: ColumnChoice | None) -> str:
    """Why the kidney table's column applies ("" where the table has no columns)."""
    if c is None:
        return ""
    indication = in_running_text(c.indication) if c.indication is not None else None
    return say(f"kidney.column.{c.rule}", indication=indication, top_mg=c.top_mg)


def supplement_match_text(m: TableMatch) -> str:
    """What of the label's supplement table a step's dose was matched to."""
    if m.by == "column":
        if m.scaled_by is None:
            return say("kidney.match.column", mg=fmt_mg(m.daily_mg))
        crcl, edge = m.scaled_by
        return say("kidney.match.column-scaled", column=m.text, crcl=fmt_decimal(crcl), edge=fmt_decimal(edge),
                   mg=fmt_mg(m.daily_mg))
    if m.doses_per_day == 1:
        return say("kidney.match.regimen-once", daily=m.text)
    return say("kidney.match.regimen-divided", daily=m.text, n=m.doses_per_day)
