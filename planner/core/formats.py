"""A schedule as JSON, CSV and plain text: the command line's output contract."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from .plan import SLOTS
from .problems import Problem
from .schedule import Dose, Schedule
from .units import Unit, describe_units


def _number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _units(units: tuple[Unit, ...]) -> list[dict[str, Any]]:
    return [{"strength_mg": u.strength_mg, "form": u.form, "count": _number(u.count)} for u in units]


def _dose(d: Dose) -> dict[str, Any]:
    return {"slot": d.slot, "time": d.time, "mg": d.mg, "units": _units(d.units)}


def problem_to_dict(p: Problem) -> dict[str, Any]:
    out = {"code": p.code, "severity": p.severity, "field": p.field, "message": p.message}
    if p.source:
        out["source"] = p.source
    if p.value:  # what an override in the plan file must name to cover this problem
        out["value"] = p.value
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
            "max_daily_mg": _number(k.max_daily_mg),
            "doses_per_day": k.doses_per_day,
            "haemodialysis": k.haemodialysis,
            "source": k.source,
        }
        if s.dialysis is not None:
            kidney["dialysis_supplement"] = {
                "label_mg": s.dialysis.label_mg, "mg": s.dialysis.mg, "units": _units(s.dialysis.units),
                "after_session_hours": s.dialysis.session_hours,
            }
    return {
        "drug": s.profile.id,
        "days": [
            {"day": d.day, "date": d.date.isoformat(), "phase": d.phase, "total_mg": d.total_mg,
             "doses": [_dose(x) for x in d.doses]}
            for d in s.days
        ],
        "dispense": [{"strength_mg": x.strength_mg, "form": x.form, "count": x.count} for x in s.dispense],
        "kidney": kidney,
        "problems": [problem_to_dict(p) for p in s.problems],
    }


def schedule_to_json(s: Schedule) -> str:
    return json.dumps(schedule_to_dict(s), indent=1, ensure_ascii=False) + "\n"


CSV_COLUMNS = ["day", "date", "phase", "total_mg"] + [
    f"{slot}_{what}" for slot in SLOTS for what in ("time", "mg", "units")
]


def schedule_to_csv(s: Schedule) -> str:
    """One row a day; for each time of day its clock time, mg and the units that make it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for d in s.days:
        by_slot = {x.slot: x for x in d.doses}
        row: list[Any] = [d.day, d.date.isoformat(), d.phase, d.total_mg]
        for slot in SLOTS:
            x = by_slot.get(slot)
            row += [x.time, x.mg, describe_units(x.units)] if x else ["", "", ""]
        w.writerow(row)
    return buf.getvalue()


def _date(d) -> str:
    return d.strftime("%a %d %b %Y")


def schedule_to_text(s: Schedule) -> str:
    """A readable plan grouped by dose step, for a terminal."""
    p, prof = s.plan, s.profile
    lines = [f"{prof.display_name} ({prof.product})"]
    lines.append(f"Starts {_date(p.start_date)}" + (f", ends {_date(s.end_date)}" if s.days else ""))
    if p.patient and p.patient.name:
        lines.append(f"Patient: {p.patient.name}")
    lines.append("")
    if not s.days:
        lines.append("No schedule: see the problems below.")
    for st in s.steps:
        span = f"Day {st.first_day}" if st.days == 1 else f"Days {st.first_day}-{st.last_day}"
        dates = _date(st.start) if st.days == 1 else f"{_date(st.start)} to {_date(st.end)}"
        if st.total_mg == 0:
            lines.append(f"{span:<13} {dates:<34} {st.phase:<11} stop: no more {prof.name}")
            continue
        lines.append(f"{span:<13} {dates:<34} {st.phase:<11} {st.total_mg} mg/day")
        for dose in st.doses:
            lines.append(f"{'':<14}{dose.slot:<8} {dose.time}  {dose.mg:>5} mg  {describe_units(dose.units)}")
    if s.dispense:
        lines += ["", "Dispense for the whole plan:"]
        for x in s.dispense:
            lines.append(f"  {x.count} × {x.strength_mg} mg {x.form}")
    if s.kidney is not None:
        k = s.kidney
        how = "entered" if k.method == "entered" else "Cockcroft-Gault estimate"
        lines += ["", f"Kidney function: {k.describe()} [{how}]"]
    if s.problems:
        lines += ["", "Problems:"]
        for pr in s.problems:
            lines.append(f"  [{pr.severity}] {pr.field}: {pr.message}")
    return "\n".join(lines) + "\n"


def problems_to_text(s: Schedule) -> str:
    if not s.problems:
        return "No problems found.\n"
    return "".join(f"{p.severity}\t{p.code}\t{p.field}\t{p.message}\n" for p in s.problems)


def problems_to_json(s: Schedule) -> str:
    return json.dumps({"problems": [problem_to_dict(p) for p in s.problems],
                       "blocking": s.has_blocking}, indent=1, ensure_ascii=False) + "\n"


__all__ = [
    "schedule_to_dict", "schedule_to_json", "schedule_to_csv", "schedule_to_text",
    "problems_to_text", "problems_to_json",
]
