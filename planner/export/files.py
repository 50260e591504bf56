"""Write a schedule to a file, chosen by its suffix: .pdf, .csv or .ics.

Every file is written whole or not at all: to a temporary file in the same folder,
then moved over the target with os.replace. The files hold patient details, so they
are readable by their owner only (mode 0o600).

Qt is imported only for a PDF, so .csv and .ics export needs no display and no Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..core import safefile
from ..core.schedule import Schedule

FORMATS = {".pdf", ".csv", ".ics"}

_APP: Any = None  # keeps a QGuiApplication made here alive


def export_format(path: str | os.PathLike[str]) -> str:
    """The file's format from its suffix (".pdf", ".csv" or ".ics"); ValueError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"'{suffix}'" if suffix else "no suffix"
        raise ValueError(f"unknown output format ({shown}); use a file name ending .pdf, .csv or .ics")
    return suffix


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


def export_file(schedule: Schedule, path: str | os.PathLike[str], options=None) -> str:
    """Write the schedule to path in the format its suffix names; return what was
    written in a few words ("3 pages", "1,234 events", "110 rows").

    ValueError for an unknown suffix or a schedule that is not exportable (no days, or
    a blocking problem with no recorded override); OSError if the file cannot be written.
    options are the PDF's PrintOptions (ignored for .csv and .ics).
    """
    fmt = export_format(path)
    if not schedule.exportable:
        if not schedule.days:
            raise ValueError("the plan has no schedule to export")
        codes = ", ".join(p.code for p in schedule.unresolved_blocking)
        raise ValueError(f"the plan has blocking problems with no recorded override: {codes}")
    target = Path(path)

    if fmt == ".csv":
        from ..core.formats import schedule_to_csv

        safefile.write_bytes(target, schedule_to_csv(schedule).encode("utf-8"))
        return _plural(len(schedule.days), "row")

    if fmt == ".ics":
        from .calendar import schedule_to_ics

        data = schedule_to_ics(schedule)
        safefile.write_bytes(target, data)
        events = sum(len(d.doses) or 1 for d in schedule.days)
        return _plural(events, "event")

    from .printout import PrintOptions, export_pdf

    ensure_gui_app()
    with safefile.replacing(target) as tmp:
        pages = export_pdf(schedule, tmp, options if options is not None else PrintOptions())
        with open(tmp, "rb") as f:
            if f.read(5) != b"%PDF-":  # Qt reports a file it could not write only by leaving it empty
                raise OSError(f"{target}: the PDF could not be written")
    return _plural(int(pages), "page")


__all__ = ["FORMATS", "export_file", "export_format", "ensure_gui_app"]
