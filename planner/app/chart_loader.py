"""Start-up: matplotlib imported and the chart's figure built in a thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class ChartLoader(QObject):
    """Imports matplotlib and builds the chart's figure in a thread, then says so.

    Importing matplotlib is most of the start-up time. It creates no widget, so it runs
    off the GUI thread while Qt starts and the form is shown and takes typing; the canvas
    itself is then made on the GUI thread."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.figure = None
        self.chart = None
        self.built = threading.Event()  # figure and chart made (or failed): set before `done`
        self.finished = threading.Event()  # the thread is done with Qt: set after `done`

    def start(self) -> "ChartLoader":
        threading.Thread(target=self._run, name="chart-import", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            from planner.app.chart_view import new_chart

            self.figure, self.chart = new_chart()
        finally:
            self.built.set()
            self.done.emit()  # queued to the GUI thread
            # Last: run_window waits for this before Python tears down (see there).
            self.finished.set()
