"""Reading a FHIR export back: the file, as read from disk, must be one Bundle holding one
MedicationRequest whose dosage lines are the engine's steps, no more and no fewer.

Read with the standard library's JSON parser, and compared with the schedule's own steps here
(not with the writer's code), so a mistake in the mapping fails the export instead of reaching
the record.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from planner.domain.liquid import LIQUID_FORM
from planner.domain.schedule import Schedule
from planner.text.catalogue import say

# One dosage line as the check compares it: (sequence, time "HH:MM:SS" or None, start, end or
# None, amount, unit) of the ordered dose.
Line = tuple[int, "str | None", str, "str | None", Decimal, str]


def expected_lines(schedule: Schedule) -> list[Line]:
    """What the dosage lines must say, straight from the engine's steps: each step's doses at
    their times, then its dialysis supplement; mL where a dose is the oral solution."""
    out: list[Line] = []
    last = len(schedule.steps)
    for number, step in enumerate(schedule.steps, start=1):
        end = None if schedule.continues and number == last else step.end.isoformat()
        given = [(f"{d.time}:00", d.mg, d.units) for d in step.doses]
        if step.dialysis is not None and step.dialysis.units:
            given.append((None, step.dialysis.mg, step.dialysis.units))
        for time, mg, units in given:
            if units and all(u.form == LIQUID_FORM for u in units):
                amount, unit = sum((u.count for u in units), Decimal(0)), "mL"
            else:
                amount, unit = Decimal(mg), "mg"
            out.append((number, time, step.start.isoformat(), end, amount, unit))
    return out


def _line(d: dict[str, Any]) -> Line:
    repeat = d["timing"]["repeat"]
    times = repeat.get("timeOfDay") or [None]
    if len(times) != 1 or ("when" in repeat and times[0] is not None):
        raise ValueError("timeOfDay")  # one time a line; never both timeOfDay and when (tim-10)
    rates = d["doseAndRate"]
    ordered = next((r for r in rates if r.get("type", {}).get("coding", [{}])[0].get("code") == "ordered"), rates[0])
    q = ordered["doseQuantity"]
    if q.get("system") != "http://unitsofmeasure.org" or q.get("code") != q.get("unit"):
        raise ValueError("doseQuantity")
    period = repeat["boundsPeriod"]
    return (int(d["sequence"]), times[0], period["start"], period.get("end"), Decimal(str(q["value"])), q["unit"])


def check_fhir(data: bytes, schedule: Schedule, count: int) -> None:
    """The file parses as JSON, is one FHIR Bundle with one MedicationRequest, and its dosage
    lines are the engine's: as many as written (count), each the step's, time's, dates' and dose's."""
    try:
        bundle = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(say("check.fhir.unreadable", reason=exc)) from None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise ValueError(say("check.fhir.not-bundle"))
    requests = [e.get("resource", {}) for e in bundle.get("entry", [])
                if e.get("resource", {}).get("resourceType") == "MedicationRequest"]
    if len(requests) != 1:
        raise ValueError(say("check.fhir.requests", found=len(requests)))
    found = requests[0].get("dosageInstruction", [])
    expected = expected_lines(schedule)
    if len(found) != count or len(found) != len(expected):
        raise ValueError(say("check.fhir.lines", found=len(found), lines=len(expected)))
    for i, (d, want) in enumerate(zip(found, expected), start=1):
        try:
            got = _line(d)
        except (KeyError, IndexError, TypeError, ValueError, ArithmeticError):
            raise ValueError(say("check.fhir.differs", line=i, step=want[0])) from None
        if got != want:
            raise ValueError(say("check.fhir.differs", line=i, step=want[0]))


__all__ = ["check_fhir", "expected_lines"]
