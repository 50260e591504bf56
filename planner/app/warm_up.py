"""The printout's machinery imported in the background when the File menu opens.

The window draws its chart with QPainter, so start-up imports no matplotlib; the printout,
the PDF and the other exports still need it (and pypdf, Babel's dates, QtSvg): about a
second of imports, and 90 MB, on the first print or export. When the clinician opens the
File menu (the way to Print and Export), one thread starts importing them, so a session
that only edits never holds them and the first print rarely waits for them. Measured: 84 MB
with the window shown, 174 MB once warmed up; the floor window (PySide6 + matplotlib) 135 MB.

matplotlib must never be imported by two threads at once: measured here, that raises
ImportError. So this is the only thread that imports it in the background, and the GUI
thread calls ready() before any print or export: it waits for what is left of the thread's
work (only if the clinician chooses within a second of opening the menu), then imports as
usual, finding everything already loaded. A print by its shortcut key imports on the GUI
thread, once.
"""

from __future__ import annotations

import threading
from importlib import import_module

# What the first PDF, calendar and CSV export import, heaviest first.
MODULES = (
    "matplotlib.figure",
    "matplotlib.backends.backend_svg",
    "planner.chart.schedule_chart",
    "planner.chart.patient_chart",
    "planner.export.printout.render",
    "planner.export.printout.chart_svg",
    "planner.export.files",
    "planner.export.registry",
    "planner.export.calendar",
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
    "pypdf",
    "pypdf.filters",
    "babel.dates",
)

_thread: threading.Thread | None = None
_failed: list[tuple[str, str]] = []  # (module, why): said by nobody; the real import will say it


def start() -> threading.Thread:
    """Start the warm-up (once; later calls return the same thread). GUI thread only."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_run, name="printout-warm-up", daemon=True)
        _thread.start()
    return _thread


def ready(timeout: float | None = None) -> bool:
    """Wait until no warm-up import is running: call on the GUI thread before importing
    anything of the printout or the exports. True when nothing is left running."""
    thread = _thread
    if thread is None or thread is threading.current_thread():
        return True
    thread.join(timeout)
    return not thread.is_alive()


def _run() -> None:
    for name in MODULES:
        try:
            import_module(name)
        except Exception as exc:  # noqa: BLE001 - the print or export that needs it says why
            _failed.append((name, f"{type(exc).__name__}: {exc}"))
