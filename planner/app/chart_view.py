"""The chart in the window: a FigureCanvasQTAgg holding the shared ScheduleChart."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen

from planner.app.screen_reader import chart_summary
from planner.chart.schedule_chart import ScheduleChart
from planner.domain.schedule import Schedule

translate = QCoreApplication.translate


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
        self.setAccessibleName(translate("Window", "Schedule chart"))
        self.setMinimumHeight(260)
        # A Tab stop, so a screen reader user reaches its description (the schedule in words).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chart = chart

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self.hasFocus():  # where the keyboard is, seen
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
            painter.end()
        self.painted.emit()

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def show_schedule(self, schedule: Schedule) -> None:
        self.chart.update(schedule)
        # The chart's text alternative: what a screen reader says in place of the picture.
        self.setAccessibleDescription(chart_summary(schedule))
        self.draw_idle()

    def show_invalid(self, reason: str) -> None:
        self.chart.set_invalid(reason)
        self.setAccessibleDescription(reason)
        self.draw_idle()
