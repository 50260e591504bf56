"""The chart in the window: a FigureCanvasQTAgg holding the shared ScheduleChart."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Signal

from planner.app.screen_reader import chart_summary
from planner.chart.schedule_chart import ScheduleChart
from planner.domain.schedule import Schedule


def new_chart() -> tuple[Figure, ScheduleChart]:
    """The window's figure and chart: plain matplotlib objects, so they may be built off
    the GUI thread while the form is already on screen."""
    figure = Figure(figsize=(9, 4.2), dpi=100)
    return figure, ScheduleChart(figure)


class ChartCanvas(FigureCanvasQTAgg):
    """Emits painted() after each paint, so callers can wait for a drawn chart."""

    painted = Signal()

    def __init__(self, figure: Figure | None = None, chart: ScheduleChart | None = None) -> None:
        if figure is None or chart is None:
            figure, chart = new_chart()
        super().__init__(figure)
        self.setAccessibleName("Schedule chart")
        self.setMinimumHeight(260)
        self.chart = chart

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self.painted.emit()

    def show_schedule(self, schedule: Schedule) -> None:
        self.chart.update(schedule)
        # The chart's text alternative: what a screen reader says in place of the picture.
        self.setAccessibleDescription(chart_summary(schedule))
        self.draw_idle()

    def show_invalid(self, reason: str) -> None:
        self.chart.set_invalid(reason)
        self.setAccessibleDescription(reason)
        self.draw_idle()
