"""The export formats, each declared once: its name, suffix, what it writes, how it is
rendered and how a written file is read back and checked.

The command line's -o, the window's Export menu and export_file all find a format here
(format_for: by the path's suffix), so a new format is one register() call and is written
through the same verified write (planner.export.files.export_file) as every other.
A renderer is imported only when its format is used: .csv and .ics need no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.domain.schedule import Schedule
from planner.export import checks
from planner.text.catalogue import say, say_n

Render = Callable[[Schedule, Any], "tuple[bytes, int]"]  # (schedule, options) -> the file's bytes, count
Check = Callable[[bytes, Schedule, int], None]  # the bytes read back from disk; ValueError if wrong


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what a person calls it: "pdf"
    suffix: str  # ".pdf": the file name's ending chooses the format
    description_id: str  # message id: the file dialog's filter, "PDF (*.pdf)"
    count_id: str  # message id (plural forms): what the count counts, "3 pages"
    render: Render
    check: Check
    # The options it takes, from what the command line or the window chose (None: none).
    options: Callable[..., Any] | None = None
    uses_qt: bool = False  # drawn with Qt: a headless command draws it offscreen

    @property
    def description(self) -> str:
        return say(self.description_id, suffix=self.suffix)

    def count_text(self, n: int) -> str:
        """What was written, in a few words: "3 pages", "1,110 rows"."""
        return say_n(self.count_id, n)

    def make_options(self, **chosen: Any) -> Any:
        return self.options(**chosen) if self.options is not None else None


FORMATS: dict[str, ExportFormat] = {}  # by suffix


def register(fmt: ExportFormat) -> ExportFormat:
    if fmt.suffix != fmt.suffix.lower() or not fmt.suffix.startswith("."):
        raise TypeError(f"an export suffix is lower case and starts with a dot: {fmt.suffix!r}")
    FORMATS[fmt.suffix] = fmt
    return fmt


# The plan file's own suffix: an export never writes it (the FHIR record is .fhir.json).
PLAN_SUFFIX = ".json"


def format_for(path: str | os.PathLike[str]) -> ExportFormat:
    """The file's format from its suffix, a two-part one first (".fhir.json" before ".json");
    ValueError naming the known suffixes otherwise, and for the plan file's own ".json"."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    two = "".join(suffixes[-2:])
    if len(suffixes) >= 2 and two in FORMATS:
        return FORMATS[two]
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        if suffix == PLAN_SUFFIX:
            raise ValueError(say("export.plan-suffix", suffix=suffix, known=known))
        if suffix:
            raise ValueError(say("export.unknown-suffix", suffix=suffix, known=known))
        raise ValueError(say("export.no-suffix", known=known))
    return FORMATS[suffix]


# --- the formats ----------------------------------------------------------------------------


def _render_pdf(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export import printout

    printout.ensure_gui_app()
    return printout.render_pdf(schedule, options if options is not None else printout.PrintOptions())


def _pdf_options(*, paper: str | None = None, large_print: bool = False, printed_on=None,
                 orientation: str = "portrait", part: str = "patient", tick_chart: bool = True,
                 emergency_number: str | None = None, code_on_patient_pages: bool = False,
                 code_with_patient: bool = False):
    """The PrintOptions of a PDF. ValueError naming the choice if one is not a known value."""
    from planner.export import print_options as po
    from planner.export.printout import render  # noqa: F401 - ImportError here: a PDF cannot be drawn

    if orientation not in po.ORIENTATIONS:
        raise ValueError(say("export.bad-choice", field="orientation", value=orientation,
                             known=", ".join(po.ORIENTATIONS)))
    if part not in po.PARTS:
        raise ValueError(say("export.bad-choice", field="pages", value=part, known=", ".join(po.PARTS)))
    if emergency_number is not None and not po.is_emergency_number(emergency_number):
        raise ValueError(say("export.bad-emergency-number", value=emergency_number, most=po.EMERGENCY_NUMBER_MAX))
    return po.PrintOptions(paper=paper or po.default_paper(), large_print=large_print, printed_on=printed_on,
                           orientation=orientation, part=part, tick_chart=tick_chart,
                           emergency_number=emergency_number.strip() if emergency_number else None,
                           code_on_patient_pages=code_on_patient_pages, code_with_patient=code_with_patient)


def _render_csv(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.formats import schedule_to_csv
    from planner.text.catalogue import speaking

    with speaking(schedule.plan.handout_language):  # the patient's file: the handout's language
        return schedule_to_csv(schedule).encode("utf-8"), len(schedule.days)


def _render_ics(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.calendar import course_events, schedule_to_ics

    # schedule_to_ics words it in the plan's handout language.
    return schedule_to_ics(schedule), sum(len(d.doses) or 1 for d in schedule.days) + len(course_events(schedule))


def _render_fhir(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.fhir import schedule_to_fhir_json

    # The record is the clinician's: worded in the language in use (the window's), never the
    # handout's. Any options with a date (FhirOptions, or the window's PrintOptions) date it.
    when = getattr(options, "authored_on", None) or getattr(options, "printed_on", None)
    return schedule_to_fhir_json(schedule, when)


def _fhir_options(*, printed_on=None, **_pdf_choices):
    """The FHIR export's options from the command line's: only the date (--today) is its."""
    from planner.export.fhir import FhirOptions

    return FhirOptions(authored_on=printed_on)


def _check_fhir(data: bytes, schedule: Schedule, count: int) -> None:
    from planner.export.fhir_check import check_fhir

    check_fhir(data, schedule, count)


register(ExportFormat("pdf", ".pdf", "export.filter.pdf", "export.count.pages", _render_pdf, checks.check_pdf,
                      options=_pdf_options, uses_qt=True))
register(ExportFormat("csv", ".csv", "export.filter.csv", "export.count.rows", _render_csv, checks.check_csv))
register(ExportFormat("ics", ".ics", "export.filter.ics", "export.count.events", _render_ics, checks.check_ics))
register(ExportFormat("fhir", ".fhir.json", "export.filter.fhir", "export.count.dosages", _render_fhir, _check_fhir,
                      options=_fhir_options))


__all__ = ["ExportFormat", "FORMATS", "register", "format_for", "PLAN_SUFFIX"]
