"""Reading an export back: each format's file, as read from disk, must hold the schedule.

A checker gets the bytes read back and the schedule they were made from, and raises
ValueError saying what is wrong. It parses the whole file with the same kind of reader
the patient's software uses (pypdf, csv, icalendar), not the writer's own code.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from planner.export.formats import csv_header, dialysis_cells, phase_cell, then_cells
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule
from planner.text.catalogue import say, speaking
from planner.text.dates import plain_date
from planner.text.units import describe_units


def check_pdf(data: bytes, schedule: Schedule, pages: int) -> None:
    """The PDF opens, ends with its end-of-file marker, has the expected number of pages,
    and every object in it (page contents included) can be read and decompressed."""
    try:
        import pypdf
        from pypdf.generic import IndirectObject, StreamObject
    except ImportError:
        raise ValueError(say("check.pdf.no-pypdf")) from None

    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        raise ValueError(say("check.pdf.incomplete"))
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        found = len(reader.pages)
        for page in reader.pages:
            contents = page.get_contents()
            if contents is None:
                raise ValueError(say("check.pdf.empty-page"))
            contents.get_data()
        for generation, numbers in reader.xref.items():
            for number in numbers:
                obj = reader.get_object(IndirectObject(number, generation, reader))
                if isinstance(obj, StreamObject):
                    obj.get_data()
    except Exception as exc:  # pypdf's errors are many kinds; any of them means a broken file
        raise ValueError(say("check.pdf.unreadable", reason=exc)) from None
    if found != pages:
        raise ValueError(say("check.pdf.pages", found=found, pages=pages))


def csv_rows(schedule: Schedule) -> list[list[str]]:
    """The rows the CSV must hold, header first, as text, in the language in use."""
    rows = [csv_header()]
    for d in schedule.days:
        by_slot = {x.slot: x for x in d.doses}
        row = [str(d.day), d.date.isoformat(), phase_cell(d.phase), str(d.total_mg)]
        for slot in SLOTS:
            x = by_slot.get(slot)
            row += [x.time, str(x.mg), describe_units(x.units)] if x else ["", "", ""]
        rows.append(row + [str(c) for c in dialysis_cells(d) + then_cells(schedule, d)])
    return rows


def check_csv(data: bytes, schedule: Schedule, count: int) -> None:
    """The CSV parses back to exactly one row a day, cell for cell."""
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(say("check.csv.unreadable", reason=exc)) from None
    with speaking(schedule.plan.handout_language):  # as the export wrote it
        expected = csv_rows(schedule)
    if len(rows) != len(expected) or len(rows) - 1 != count:
        raise ValueError(say("check.csv.rows", found=len(rows) - 1, rows=len(expected) - 1))
    for i, (got, want) in enumerate(zip(rows, expected)):
        if got != want:
            where = say("check.csv.header") if i == 0 else say("check.csv.row", day=want[0])
            raise ValueError(say("check.csv.differs", where=where))


def read_events(data: bytes) -> list[tuple[str, date | datetime]]:
    """Every VEVENT's UID and start, read back as RFC 5545 writes them: lines unfolded, every
    BEGIN matched by its END, the file one VCALENDAR. A lean reader on purpose: reading a
    two-year calendar back with icalendar took longer than writing it (2.7 s for 2,386 events)."""
    text = data.decode("utf-8")
    if not text.endswith("\r\n"):
        raise ValueError(say("check.ics.no-last-line"))
    lines = text[:-2].replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")
    stack: list[str] = []
    events: list[tuple[str, date | datetime]] = []
    event: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(say("check.ics.no-value", line=line[:40]))
        if name == "BEGIN":
            if not stack and value != "VCALENDAR" or stack and value == "VCALENDAR":
                raise ValueError(say("check.ics.not-one"))
            stack.append(value)
            if value == "VEVENT":
                event = {}
        elif name == "END":
            if not stack or stack.pop() != value:
                raise ValueError(say("check.ics.unmatched-end", name=value))
            if value == "VEVENT":
                events.append((event["UID"].partition(":")[2], _start(event["DTSTART"])))
        elif stack and stack[-1] == "VEVENT":
            key, _, params = name.partition(";")
            event[key] = f"{params}:{value}"  # DTSTART;VALUE=DATE:20290224 keeps its VALUE
    if stack or not lines or lines[0] != "BEGIN:VCALENDAR":
        raise ValueError(say("check.ics.not-closed"))
    return events


def _start(value: str) -> date | datetime:
    params, _, when = value.rpartition(":")
    if "VALUE=DATE" in params.split(";") and "VALUE=DATE-TIME" not in params:
        return datetime.strptime(when, "%Y%m%d").date()
    return datetime.strptime(when, "%Y%m%dT%H%M%S")


def check_ics(data: bytes, schedule: Schedule, count: int) -> None:
    """The calendar parses back to the expected events: how many, their UIDs, their starts."""
    from planner.export.calendar import expected_events

    try:
        events = read_events(data)
    except (ValueError, KeyError, UnicodeDecodeError) as exc:  # each means a broken file
        raise ValueError(say("check.ics.unreadable", reason=exc)) from None
    expected = expected_events(schedule)
    if len(events) != len(expected) or len(events) != count:
        raise ValueError(say("check.ics.events", found=len(events), events=len(expected)))
    for (uid, start), (want_uid, want_start) in zip(events, expected):
        same_kind = isinstance(start, datetime) == isinstance(want_start, datetime)
        if uid != want_uid or not same_kind or start != want_start:
            when = say("check.ics.when", date=plain_date(want_start), time=f"{want_start:%H:%M}") \
                if isinstance(want_start, datetime) else plain_date(want_start)
            raise ValueError(say("check.ics.differs", when=when))


__all__ = ["check_pdf", "check_csv", "check_ics", "csv_rows"]
