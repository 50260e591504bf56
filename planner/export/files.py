"""Write a schedule to a file, in the format its suffix names: one path for every format.

FORMATS is the one list of export formats. Each renders the whole file in memory and
has a checker that reads a written file back completely. export_file writes the bytes
beside the target (safefile), fsyncs them, reads the temporary file back from disk and
checks it, and only then renames it over the target. Any failure raises OSError or
ValueError, leaves the old file as it was and removes the temporary file; one left by
a kill -9 is removed by the next write to that folder. The files hold patient details,
so they are readable by their owner only (mode 0o600).

Qt is imported only for a PDF, so .csv and .ics export needs no display and no Qt.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.files import safefile
from planner.domain.schedule import Schedule
from planner.export import checks

# Tests only: the path of a file to create once the temporary file is on disk; the
# export then waits there until it is killed (tests/test_export_checked.py kills it).
PAUSE_ENV = "TITRATION_PLANNER_TEST_PAUSE_EXPORT"

_APP: Any = None  # keeps a QGuiApplication made here alive


@dataclass(frozen=True)
class ExportFormat:
    suffix: str
    description: str  # the file dialog's filter
    noun: str  # what the count counts: "3 pages"
    render: Callable[[Schedule, Any], tuple[bytes, int]]  # (schedule, options) -> the file's bytes, count
    check: Callable[[bytes, Schedule, int], None]  # the bytes read back from disk; ValueError if wrong


def _render_pdf(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.printout import PrintOptions, render_pdf

    ensure_gui_app()
    return render_pdf(schedule, options if options is not None else PrintOptions())


def _render_csv(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.formats import schedule_to_csv

    return schedule_to_csv(schedule).encode("utf-8"), len(schedule.days)


def _render_ics(schedule: Schedule, options) -> tuple[bytes, int]:
    from planner.export.calendar import schedule_to_ics

    return schedule_to_ics(schedule), sum(len(d.doses) or 1 for d in schedule.days)


FORMATS: dict[str, ExportFormat] = {f.suffix: f for f in (
    ExportFormat(".pdf", "PDF (*.pdf)", "page", _render_pdf, checks.check_pdf),
    ExportFormat(".csv", "CSV spreadsheet (*.csv)", "row", _render_csv, checks.check_csv),
    ExportFormat(".ics", "Calendar (*.ics)", "event", _render_ics, checks.check_ics),
)}


def export_format(path: str | os.PathLike[str]) -> ExportFormat:
    """The file's format from its suffix; ValueError naming the known suffixes otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"'{suffix}'" if suffix else "no suffix"
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown output format ({shown}); use a file name ending {known}")
    return FORMATS[suffix]


def ensure_gui_app():
    """The QGuiApplication a PDF is drawn with, made if there is none. With no display
    (no DISPLAY or WAYLAND_DISPLAY) and no QT_QPA_PLATFORM chosen, it draws offscreen."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a QCoreApplication is running; a PDF needs a QGuiApplication")
        return app
    if not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "titration-planner"])
    return _APP


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _pause_for_tests(tmp: str) -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text(tmp, "utf-8")
        while True:
            time.sleep(1)


def export_file(schedule: Schedule, path: str | os.PathLike[str], options=None) -> str:
    """Write the schedule to path in the format its suffix names, checked before it
    replaces anything; return what was written in a few words ("3 pages", "110 rows").

    ValueError for an unknown suffix, a schedule that is not exportable (no days, or a
    blocking problem with no recorded override) or a file that fails its check; OSError
    if the file cannot be written. options are the PDF's PrintOptions (ignored otherwise).
    """
    fmt = export_format(path)
    if not schedule.exportable:
        if not schedule.days:
            raise ValueError("the plan has no schedule to export")
        codes = ", ".join(p.code for p in schedule.unresolved_blocking)
        raise ValueError(f"the plan has blocking problems with no recorded override: {codes}")
    target = Path(path)
    data, count = fmt.render(schedule, options)

    def verify(tmp: str) -> None:
        _pause_for_tests(tmp)
        with open(tmp, "rb") as fh:
            on_disk = fh.read()
        if on_disk != data:
            raise OSError(f"the file read back from the disk is not what was written "
                          f"({len(on_disk):,} of {len(data):,} bytes)")
        try:
            fmt.check(on_disk, schedule, count)
        except ValueError as exc:
            raise ValueError(f"the new file failed its check: {exc}") from None

    safefile.write_bytes(target, data, verify)
    return _plural(count, fmt.noun)


__all__ = ["FORMATS", "ExportFormat", "export_file", "export_format", "ensure_gui_app", "PAUSE_ENV"]
