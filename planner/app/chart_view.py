"""The chart in the window: a QWidget painted with QPainter (planner.app.chart_scene) from the
ChartModel the printout's matplotlib chart draws too, so the window never imports
matplotlib or numpy (start-up pays for neither) and an edit costs what the plan's steps
cost, not its days. tests/app/test_chart_view_matches_paper.py holds the two charts equal,
bar for bar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from planner.app.chart_scene import ChartScene, Texts
from planner.app.screen_reader import chart_summary
from planner.chart.chart_model import ChartModel, chart_model, wrap_balanced
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule

translate = QCoreApplication.translate


class ChartCanvas(QWidget):
    """Emits painted() after each paint, so callers can wait for a drawn chart."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Window", "Schedule chart"))
        self.setMinimumHeight(260)
        # A Tab stop, so a screen reader user reaches its description (the schedule in words).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the scene fills every pixel
        self.setAutoFillBackground(False)
        self._model: ChartModel | None = None
        self._invalid: str | None = None
        self._texts = Texts(self.font())
        self._scene: ChartScene | None = None
        self.drawn: list[tuple] = []  # what the last paint drew, in pixels (read with drawn_items())
        self.drawn_frame = None
        self.chart = ChartViews(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 420)  # the old 9 x 4.2 inch figure at 100 dpi

    # --- what the window calls ---------------------------------------------------------------

    def show_schedule(self, schedule: Schedule) -> None:
        self._model = chart_model(schedule)
        self._invalid = None
        self._scene = None
        # The chart's text alternative: what a screen reader says in place of the picture.
        self.setAccessibleDescription(chart_summary(schedule))
        self.update()

    def show_invalid(self, reason: str) -> None:
        """Grey out what is drawn and show why it is not up to date; show_schedule clears it."""
        self._invalid = reason
        self._scene = None
        self.setAccessibleDescription(reason)
        self.update()

    # --- painting ------------------------------------------------------------------------------

    def _current_scene(self) -> ChartScene:
        scene = self._scene
        dpr = self.devicePixelRatioF()
        if scene is None or (scene.width, scene.height, scene.dpr) != (self.width(), self.height(), dpr):
            scene = self._scene = ChartScene(self._model, self.width(), self.height(), self.logicalDpiY() / 72,
                                             self._texts, self._invalid, dpr)
        return scene

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        scene = self._current_scene()
        painter = QPainter(self)
        drawn: list[tuple] = []
        scene.paint(painter, drawn)
        if self.hasFocus():  # where the keyboard is, seen
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setOpacity(1.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()
        self.drawn, self.drawn_frame = drawn, scene.frame
        self.painted.emit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FontChange:
            self._texts = Texts(self.font())
            self._scene = None
        super().changeEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    # --- what the last paint drew, in dates and mg (for tests) -----------------------------------

    def drawn_items(self) -> list[tuple]:
        """The last paint's items read back from the pixels it drew: ('band', slot, edges,
        lower, upper), ('total', edges, mg), ('mark', date, mg), ('phase', phase, start,
        end), ('limit', kind, mg), and the texts as drawn (title, legend, labels)."""
        f = self.drawn_frame
        out = []
        for item in self.drawn:
            kind = item[0]
            if kind == "band":
                pts = [(p.x(), p.y()) for p in item[2]]
                half = len(pts) // 2
                top, bottom = pts[:half], pts[half:][::-1]
                edges = [f.date_at(top[0][0])] + [f.date_at(x) for x, _ in top[1::2]]
                out.append(("band", item[1], edges, [f.mg_at(y) for _, y in bottom[0::2]],
                            [f.mg_at(y) for _, y in top[0::2]]))
            elif kind == "total":
                pts = [(p.x(), p.y()) for p in item[1]]
                edges = [f.date_at(pts[0][0])] + [f.date_at(x) for x, _ in pts[1::2]]
                out.append(("total", edges, [f.mg_at(y) for _, y in pts[0::2]]))
            elif kind == "mark":
                out.append(("mark", f.date_at(item[1].x()), f.mg_at(item[1].y())))
            elif kind == "phase":
                out.append(("phase", item[1], f.date_at(item[2].left()), f.date_at(item[2].right())))
            elif kind == "limit":
                out.append(("limit", item[1], f.mg_at(item[2])))
            else:
                out.append(item)
        return out


class ChartViews:
    """The read-only views the window's tests use, with the meaning of ScheduleChart's
    (planner.chart.schedule_chart): what the chart shows now, painted or about to be."""

    def __init__(self, canvas: ChartCanvas) -> None:
        self._canvas = canvas

    @property
    def _model(self) -> ChartModel | None:
        return self._canvas._model

    @property
    def total_line_data(self) -> tuple[list[date], list[int]]:
        """The step line read day by day: each day's date and mg/day, then the day after
        the last (drawn as a whole day) with the last day's."""
        model = self._model
        return model.day_totals() if model is not None else ([], [])

    @property
    def slot_area_data(self) -> dict[str, tuple[list[date], list[int], list[int]]]:
        """Per slot: the step edges (dates) and the band's bottom and top between each edge
        and the next (len(edges) - 1 values each)."""
        model = self._model
        if model is None or model.empty:
            return {slot: ([], [], []) for slot in SLOTS}
        return {b.slot: (list(model.edges), list(b.lower), list(b.upper)) for b in model.bands}

    @property
    def is_invalid(self) -> bool:
        return self._canvas._invalid is not None

    @property
    def invalid_reason(self) -> str | None:
        """As written in the yellow box (wrapped)."""
        reason = self._canvas._invalid
        return wrap_balanced(reason, 70) if reason is not None else None

    @property
    def message(self) -> str | None:
        """The message over empty axes, if one is shown."""
        model = self._model
        return model.message if model is not None else None
