"""The printout's machinery imported in the background once the window is up.

The window draws its chart with QPainter, so start-up imports no matplotlib; the printout,
the PDF and the other exports still need it (and pypdf, Babel's dates, QtSvg), about a
second of imports on the first print or export. After the first paint, one thread imports
them while the clinician reads the window.

matplotlib must never be imported by two threads at once: measured here, that raises
ImportError. So this is the only thread that imports it in the background, and the GUI
thread calls ready() before any print or export: it waits for the thread (a few hundred ms
at worst, only if the clinician prints within the first second or so), then imports as
usual, finding everything already loaded.
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


def start_after(delay_ms: int) -> None:
    """Start the warm-up once the event loop has been idle-ish for delay_ms (GUI thread)."""
    from PySide6.QtCore import QTimer

    if _thread is None:
        QTimer.singleShot(delay_ms, start)


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
