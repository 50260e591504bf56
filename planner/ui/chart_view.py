"""The chart in the window: a FigureCanvasQTAgg holding the shared ScheduleChart."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Signal

from ..chart import ScheduleChart
from ..core.schedule import Schedule


class ChartCanvas(FigureCanvasQTAgg):
    """Emits painted() after each paint, so callers can wait for a drawn chart."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__(Figure(figsize=(9, 4.2), dpi=100))
        self.setAccessibleName("Schedule chart")
        self.setMinimumHeight(260)
        self.chart = ScheduleChart(self.figure)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self.painted.emit()

    def show_schedule(self, schedule: Schedule) -> None:
        self.chart.update(schedule)
        self.draw_idle()

    def show_invalid(self, reason: str) -> None:
        self.chart.set_invalid(reason)
        self.draw_idle()
