"""Kidney function in words: the label's row and column, and the limit they give."""

from __future__ import annotations

from planner.domain.dialysis import TableMatch
from planner.domain.kidney import ColumnChoice, KidneyAssessment
from planner.domain.problem import cite
from planner.text.catalogue import say
from planner.text.numbers import fmt_decimal, fmt_mg
from planner.text.problem_parts import in_running_text, up_to_doses


def kidney_row_text(k: KidneyAssessment) -> str:
    """The row and column in a clinician's words, e.g. 'CrCl 45 mL/min (row 30-60 mL/min,
    column 300 mg/day: at most 150 mg/day in up to 3 doses a day)'."""
    where = say("kidney.row.where", row=k.band.id)
    if k.column_mg is not None:
        where += say("kidney.row.column", column_mg=k.column_mg)
    scaled = ""
    if k.scale != 1:
        scaled = say("kidney.row.scaled", edge=fmt_decimal(k.band.proportional_below_ml_min))
    return say("kidney.row", crcl=fmt_decimal(k.crcl_ml_min), where=where, max_mg=fmt_mg(k.max_daily_mg),
               doses=up_to_doses(k.doses_per_day), scaled=scaled)


def kidney_limit_text(k: KidneyAssessment) -> str:
    """Which row and column gave the limit, e.g. 'CrCl 45 mL/min: row 30-60 mL/min, column
    300 mg/day (the maximum for fibromyalgia with normal kidney function) → at most 150 mg/day
    (Lyrica label, section 2.7)'."""
    crcl, max_mg, source = fmt_decimal(k.crcl_ml_min), fmt_mg(k.max_daily_mg), cite(k.source)
    if k.cell is None:
        return say("kidney.limit.no-columns", crcl=crcl, row=k.band.id, max_mg=max_mg, cite=source)
    if k.scale != 1:
        cell = say("kidney.limit.cell-scaled", cell=k.cell.text, edge=fmt_decimal(k.band.proportional_below_ml_min),
                   crcl=crcl, max_mg=max_mg)
    elif k.cell.low != k.cell.high:
        cell = say("kidney.limit.cell-range", cell=k.cell.text, max_mg=max_mg)
    else:
        cell = say("kidney.limit.cell", cell=k.cell.text)
    return say("kidney.limit", crcl=crcl, row=k.band.id, column_mg=k.column_mg, why=column_choice_text(k.column_why),
               cell=cell, cite=source)


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
