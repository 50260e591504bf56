"""A schedule as JSON, CSV and plain text: the command line's output contract."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import Any

from planner.domain.dialysis import DialysisSupplement
from planner.text.numbers import fmt_mg
from planner.domain.plan import SLOTS
from planner.domain.problems import Problem
from planner.text.problems import problem_text
from planner.domain.schedule import Dose, Schedule
from planner.domain.units import Unit
from planner.text.kidney import column_choice_text, kidney_limit_text, kidney_row_text, supplement_match_text
from planner.text.catalogue import say
from planner.text.dates import day_name, month_name
from planner.text.units import LIQUID_FORM, describe_units, liquid_dispense_text


def _number(d: Decimal | Fraction) -> int | float:
    if isinstance(d, Fraction):
        # A limit that is not whole (100 x 7/15) is cut, never rounded up, to 4 decimals; the
        # exact value is in the *_text field beside it.
        return d.numerator if d.denominator == 1 else floor(d * 10000) / 10000
    return int(d) if d == d.to_integral_value() else float(d)


def _supplement(dz: DialysisSupplement | None) -> dict[str, Any] | None:
    if dz is None:
        return None
    out = {"label_mg": dz.label_mg, "mg": dz.mg, "units": _units(dz.units),
           "after_session_hours": dz.session_hours, "matched": supplement_match_text(dz.matched)}
    if dz.label_higher_mg is not None:
        out["label_higher_mg"] = dz.label_higher_mg
    return out


def _units(units: tuple[Unit, ...]) -> list[dict[str, Any]]:
    return [{"strength_mg": u.strength_mg, "form": u.form, "count": _number(u.count)} for u in units]


def _dose(d: Dose) -> dict[str, Any]:
    return {"slot": d.slot, "time": d.time, "mg": d.mg, "units": _units(d.units)}


def problem_to_dict(p: Problem) -> dict[str, Any]:
    out = {"code": p.code, "severity": p.severity, "field": p.field, "message": problem_text(p)}
    if p.source:
        out["source"] = p.source
    if p.value:  # what an override in the plan file must name to cover this problem
        out["value"] = p.value
    return out


def _day(d) -> dict[str, Any]:
    out = {"day": d.day, "date": d.date.isoformat(), "phase": d.phase, "total_mg": d.total_mg,
           "doses": [_dose(x) for x in d.doses]}
    if d.dialysis is not None:  # only on a dialysis patient's days with a dose
        out["dialysis_supplement"] = _supplement(d.dialysis)
    return out


def _dispense_line(x) -> dict[str, Any]:
    """A dispense line; the oral solution's count is its mL (a Decimal), with its bottles (PRODUCTS, issue 14)."""
    out = {"strength_mg": x.strength_mg, "form": x.form, "count": _number(Decimal(x.count))}
    if x.bottles is not None:
        out["bottles"] = x.bottles
    return out


def schedule_to_dict(s: Schedule) -> dict[str, Any]:
    kidney = None
    if s.kidney is not None:
        k = s.kidney
        kidney = {
            "crcl_ml_min": _number(k.crcl_ml_min),
            "method": k.method,
            "band": k.band.id,
            "min_daily_mg": _number(k.min_daily_mg),
            "min_daily_mg_text": fmt_mg(k.min_daily_mg),
            "max_daily_mg": _number(k.max_daily_mg),
            "max_daily_mg_text": fmt_mg(k.max_daily_mg),
            "column_mg": k.column_mg,
            "column_reason": column_choice_text(k.column_why) or None,
            "limit": kidney_limit_text(k),
            "doses_per_day": k.doses_per_day,
            "haemodialysis": k.haemodialysis,
            "source": k.source,
        }
    return {
        "drug": s.profile.id,
        "days": [_day(d) for d in s.days],
        "dispense": [_dispense_line(x) for x in s.dispense],
        "kidney": kidney,
        "problems": [problem_to_dict(p) for p in s.problems],
    }


def schedule_to_json(s: Schedule) -> str:
    return json.dumps(schedule_to_dict(s), indent=1, ensure_ascii=False) + "\n"


CSV_COLUMNS = ["day", "date", "phase", "total_mg"] + [
    f"{slot}_{what}" for slot in SLOTS for what in ("time", "mg", "units")
] + ["after_dialysis_mg", "after_dialysis_units", "then", "review_date"]

# The "then" cell of the last row: what happens after the last day the file lists.
THEN_CONTINUE = "continue"  # the patient keeps taking that day's doses (until review_date, if given, and after)
THEN_STOPPED = "stopped"  # the day's total is 0: no more doses from that date


def csv_header() -> list[str]:
    """The header row in the language in use; English: CSV_COLUMNS as they are. The columns'
    order never changes with the language."""
    return [say(f"csv.column.{name}") for name in CSV_COLUMNS]


def phase_cell(phase: str) -> str:
    """The engine's phase in the language in use ('titration' in English)."""
    return say(f"csv.phase.{phase}")


def dialysis_cells(d) -> list[Any]:
    """The CSV's last two cells: the supplement after each haemodialysis session that day."""
    return [d.dialysis.mg, describe_units(d.dialysis.units)] if d.dialysis is not None else ["", ""]


def then_cells(s: Schedule, d) -> list[str]:
    """The CSV's "then" and "review_date" cells: empty but on the last row, which says whether
    the patient keeps taking that day's doses after it or has stopped (a plan that continues
    does not end on its last row)."""
    if d is not s.days[-1]:
        return ["", ""]
    review = s.review_date.isoformat() if s.review_date is not None and s.continues else ""
    return [say(f"csv.then.{THEN_CONTINUE if s.continues else THEN_STOPPED}"), review]


def schedule_to_csv(s: Schedule) -> str:
    """One row a day; for each time of day its clock time, mg and the units that make it; the
    last row's "then" says whether the patient continues after it. Worded (header, phase, units,
    "then") in the language in use: the export asks for the handout's (speaking); dates ISO."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(csv_header())
    for d in s.days:
        by_slot = {x.slot: x for x in d.doses}
        row: list[Any] = [d.day, d.date.isoformat(), phase_cell(d.phase), d.total_mg]
        for slot in SLOTS:
            x = by_slot.get(slot)
            row += [x.time, x.mg, describe_units(x.units)] if x else ["", "", ""]
        w.writerow(row + dialysis_cells(d) + then_cells(s, d))
    return buf.getvalue()


def _date(d) -> str:
    """'Tue 01 Dec 2026': the command line's dates, in the language in use (English: its own
    table, whatever the C locale)."""
    return say("text.date", weekday=day_name(d), day=d.day, month=month_name(d.month), year=d.year)


def schedule_to_text(s: Schedule) -> str:
    """A readable plan grouped by dose step, for a terminal."""
    p, prof = s.plan, s.profile
    lines = [say("text.title", drug=prof.display_name, product=prof.product)]
    if not s.days:
        lines.append(say("text.starts", start=_date(p.start_date)))
    elif s.continues and s.review_date is not None:
        lines.append(say("text.starts-continues-review", start=_date(p.start_date), last=_date(s.end_date),
                         review=_date(s.review_date)))
    elif s.continues:
        lines.append(say("text.starts-continues", start=_date(p.start_date), last=_date(s.end_date)))
    else:
        lines.append(say("text.starts-ends", start=_date(p.start_date), end=_date(s.end_date)))
    if p.patient and p.patient.name:
        lines.append(say("text.patient", name=p.patient.name))
    lines.append("")
    if not s.days:
        lines.append(say("text.no-schedule"))
    if s.current:  # a change or a stop: today's doses, before day 1 (the first change)
        lines.append(f"{say('text.now'):<13} {say('text.until', date=_date(p.start_date)):<34} {'':<11} "
                     f"{say('text.total', mg=sum(d.mg for d in s.current))}")
        for dose in s.current:
            lines.append(f"{'':<14}{dose.slot:<8} {dose.time}  {say('text.dose-mg', mg=dose.mg)}  "
                         f"{describe_units(dose.units)}")
    for st in s.steps:
        span = say("text.day", day=st.first_day) if st.days == 1 else \
            say("text.days", first=st.first_day, last=st.last_day)
        dates = _date(st.start) if st.days == 1 else say("text.date-range", start=_date(st.start), end=_date(st.end))
        # Columns: the step's days, its dates, its phase (the id a script reads), then the dose.
        if st.total_mg == 0:
            lines.append(f"{span:<13} {dates:<34} {st.phase:<11} {say('text.stop', drug=prof.name)}")
            continue
        lines.append(f"{span:<13} {dates:<34} {st.phase:<11} {say('text.total', mg=st.total_mg)}")
        for dose in st.doses:
            lines.append(f"{'':<14}{dose.slot:<8} {dose.time}  {say('text.dose-mg', mg=dose.mg)}  "
                         f"{describe_units(dose.units)}")
        if st.dialysis is not None:
            dz = st.dialysis
            lines.append(f"{'':<14}" + say("text.dialysis", hours=dz.session_hours, mg=dz.mg,
                                            units=describe_units(dz.units)))
    if s.dispense:
        lines += ["", say("text.dispense")]
        for x in s.dispense:
            lines.append("  " + (liquid_dispense_text(x, s.profile) if x.form == LIQUID_FORM  # PRODUCTS (issue 14)
                                 else say("text.dispense-line", count=x.count, strength_mg=x.strength_mg, form=x.form)))
    if s.kidney is not None:
        k = s.kidney
        how = say("text.kidney.entered") if k.method == "entered" else say("text.kidney.estimated")
        lines += ["", say("text.kidney", kidney=kidney_row_text(k), how=how),
                  say("text.kidney-limit", limit=kidney_limit_text(k))]
    if s.problems:
        lines += ["", say("text.problems")]
        for pr in s.problems:
            lines.append("  " + say("text.problem", severity=pr.severity, field=pr.field, text=problem_text(pr)))
    return "\n".join(lines) + "\n"


def problems_to_text(s: Schedule) -> str:
    """One line a problem, tab-separated (severity, code, field, words) for scripts."""
    if not s.problems:
        return say("text.no-problems") + "\n"
    return "".join(f"{p.severity}\t{p.code}\t{p.field}\t{problem_text(p)}\n" for p in s.problems)


def problems_to_json(s: Schedule) -> str:
    return json.dumps({"problems": [problem_to_dict(p) for p in s.problems],
                       "blocking": s.has_blocking}, indent=1, ensure_ascii=False) + "\n"


__all__ = [
    "schedule_to_dict", "schedule_to_json", "schedule_to_csv", "schedule_to_text",
    "problems_to_text", "problems_to_json",
]
