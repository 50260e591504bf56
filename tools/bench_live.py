"""Edit to paint in one process (tools/bench.py runs it): the window beside the issue's floor.

The floor is "the least program that shows the same": a spin box whose valueChanged sets
the data of three stacked time-of-day bands and the total on a FigureCanvasQTAgg of the
chart's size (date tick labels, the plan's days), draws it, and makes a minimal table
model over the plan's steps emit dataChanged for its rows. The window is edited through
its form. Edits alternate between the two, so both see the same machine load.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSpinBox, QTableView, QVBoxLayout, QWidget

SETTLE_S = 0.03  # an edit is over when neither chart nor table has painted for this long
TIMEOUT_S = 5.0
SLOTS = ("morning", "midday", "evening", "bedtime")


def plans() -> dict:
    """The 12-week plan of the issue (84 days) and the two-year example (817 days)."""
    from planner.files.planfile import load_example

    base = load_example("gabapentin-phn-default")
    return {"12-week": replace(base, step_days=3, increment_mg=300, target_dose_mg=1800, maintenance_days=66),
            "two-year": load_example("gabapentin-slow-two-year")}


class PaintWatch(QObject):
    """Counts the paint events of some widgets (and, via note(), of a signal)."""

    def __init__(self, **widgets) -> None:
        super().__init__()
        self.names = {id(w): name for name, w in widgets.items()}
        self.counts = dict.fromkeys(widgets, 0)
        for w in widgets.values():
            w.installEventFilter(self)

    def note(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and id(obj) in self.names:
            self.note(self.names[id(obj)])
        return False


def timed_edit(app, watch: PaintWatch, chart: str, edit) -> dict:
    """Make the edit, run the event loop until the chart has painted and no paint of the chart
    or table has come for SETTLE_S; the edit's time ends after the last of those paints (the
    chart and the table both, when the table repaints; an edit whose rows are off screen
    rightly paints no table)."""
    before, seen = dict(watch.counts), dict(watch.counts)
    t0 = last = time.perf_counter()
    c0 = cpu = time.process_time()
    edit()
    while True:
        app.processEvents()
        now = time.perf_counter()
        if watch.counts != seen:  # a paint ended in this turn of the loop
            seen, last, cpu = dict(watch.counts), now, time.process_time()
        if watch.counts[chart] > before[chart] and now - last >= SETTLE_S:
            break
        if now - t0 > TIMEOUT_S:
            last = None
            break
    paints = {k: watch.counts[k] - before[k] for k in watch.counts}
    return {"s": None if last is None else last - t0, "cpu": cpu - c0, "paints": paints}


class CountingData:
    """Counts data() calls on a table model class. Installed on the class before any model
    is made: PySide6 keeps the data() it first found for a model, so it stays installed."""

    def __init__(self, cls) -> None:
        self.cls, self.calls, original = cls, 0, cls.data

        def data(model, *args):
            self.calls += 1
            return original(model, *args)

        cls.data = self.wrapper = data

    def counts(self, model) -> bool:
        """Whether this counter sees the model's data() calls (or those of the model it shows)."""
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        return type(source).data is self.wrapper


# --- the floor -----------------------------------------------------------------------------

class FloorModel(QAbstractTableModel):
    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 9

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

    def set_rows(self, rows: list[list[str]]) -> None:
        old, new = len(self.rows), len(rows)
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self.rows = rows
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self.rows = rows
            self.endRemoveRows()
        self.rows = rows
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, 8))


def floor_data(schedule) -> dict:
    """What the floor shows of a schedule, ready before any edit (the floor computes nothing).
    Drawn per step, as the least program would: the same picture as per day, fewer points."""
    import numpy as np
    from matplotlib import dates as mdates

    steps = schedule.steps
    end = schedule.days[-1].date + timedelta(days=1)  # the last day drawn whole
    x = mdates.date2num([s.start for s in steps] + [end])
    per_slot = np.zeros((len(SLOTS), len(steps)))
    for j, st in enumerate(steps):
        for dose in st.doses:
            per_slot[SLOTS.index(dose.slot), j] += dose.mg
    xs = np.repeat(x, 2)[1:-1]
    bands, lower = [], np.zeros(len(steps))
    for i in range(3):  # three stacked series: morning, + midday, + evening and bedtime
        upper = lower + (per_slot[i] if i < 2 else per_slot[2] + per_slot[3])
        top = np.column_stack([xs, np.repeat(upper, 2)])
        bottom = np.column_stack([xs, np.repeat(lower, 2)])[::-1]
        bands.append(np.vstack([top, bottom]))
        lower = upper
    totals = np.array([st.total_mg for st in steps], dtype=float)
    rows = [[f"{s.start:%d %b %Y} – {s.end:%d %b %Y}", str(s.days), s.phase, f"{s.total_mg} mg",
             *[next((f"{d.mg} mg" for d in s.doses if d.slot == slot), "") for slot in SLOTS],
             ", ".join(f"{d.mg} mg" for d in s.doses)] for s in steps]
    return {"x": x, "total": np.append(totals, totals[-1]), "bands": bands, "rows": rows,
            "top": max(totals.max(initial=0), 1) * 1.15}


class Floor(QWidget):
    """The floor window: a spin box, the chart canvas and the table, at the window's sizes."""

    def __init__(self, data_by_value: dict[int, dict], chart_size, table_size) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure
        from matplotlib.patches import Polygon

        super().__init__()
        self.data = data_by_value
        first = next(iter(data_by_value.values()))
        self.spin = QSpinBox()
        self.spin.setRange(0, 10000)
        self.spin.setValue(next(iter(data_by_value)))
        figure = Figure(figsize=(chart_size.width() / 100, chart_size.height() / 100), dpi=100)
        self.canvas = FigureCanvasQTAgg(figure)
        self.canvas.setFixedSize(chart_size)
        self.ax = figure.add_subplot()
        self.ax.xaxis_date()
        self.bands = [self.ax.add_patch(Polygon(b, closed=True, facecolor=c, edgecolor="none"))
                      for b, c in zip(first["bands"], ("#f2c14e", "#5fad56", "#4d9de0"))]
        (self.total,) = self.ax.plot(first["x"], first["total"], drawstyle="steps-post", color="black")
        self.model = FloorModel(first["rows"])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFixedSize(table_size)
        right = QVBoxLayout()
        right.addWidget(self.canvas)
        right.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.addWidget(self.spin)
        layout.addLayout(right)
        self.show_value(self.spin.value())
        self.spin.valueChanged.connect(self.show_value)

    def show_value(self, value: int) -> None:
        d = self.data[value]
        for band, xy in zip(self.bands, d["bands"]):
            band.set_xy(xy)
        self.total.set_data(d["x"], d["total"])
        self.ax.set_xlim(d["x"][0], d["x"][-1])
        self.ax.set_ylim(0, d["top"])
        self.canvas.draw()
        self.model.set_rows(d["rows"])


# --- the run -------------------------------------------------------------------------------

def _settle(app, seconds: float = 0.3) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def bench_edits(edits: int) -> dict:
    """Per plan: the window's and the floor's edit-to-paint times (interleaved), paints and
    data() calls per edit; and the chart's and table's sizes in the window."""
    from planner.app.main_window import MainWindow
    from planner.domain.schedule import compute_schedule
    from planner.export.fonts import register_fonts

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    counter = None
    try:
        from planner.app.schedule_table import ScheduleTableModel
        counter = CountingData(ScheduleTableModel)
    except (ImportError, AttributeError):
        pass
    fcounter = CountingData(FloorModel)
    win = MainWindow()
    win.resize(1400, 900)
    win.show()
    if hasattr(win, "make_chart"):
        win.make_chart()  # the code before issue 17 makes the chart on request only
    _settle(app, 1.0)
    watch = PaintWatch(table=win.table.viewport())
    win.chart_painted.connect(lambda: watch.note("chart"))
    watch.counts["chart"] = 0
    sizes = {"window": win.size(), "chart": win.canvas.size(), "table": win.table.size()}
    out = {"sizes": sizes}
    for name, plan in plans().items():
        values = [plan.target_dose_mg, plan.target_dose_mg - 100]
        schedules = {v: compute_schedule(replace(plan, target_dose_mg=v)) for v in values}
        floor = Floor({v: floor_data(s) for v, s in schedules.items()}, sizes["chart"], sizes["table"])
        floor.resize(sizes["window"])
        floor.show()
        fwatch = PaintWatch(chart=floor.canvas, table=floor.table.viewport())
        win.load_plan(plan, None)
        _settle(app)
        counted = counter is not None and counter.counts(win.table.model())
        rows = {"app": [], "floor": [], "app_cpu": [], "floor_cpu": [], "app_calls": [], "floor_calls": [],
                "app_paints": [], "floor_paints": [], "not_applied": 0}
        for i in range(edits):
            value = values[(i + 1) % 2]
            if counted:
                counter.calls = 0
            r = timed_edit(app, watch, "chart", lambda: win.form.target.setValue(value))
            rows["app"].append(r["s"])
            rows["app_cpu"].append(r["cpu"])
            rows["app_calls"].append(counter.calls if counted else None)
            rows["app_paints"].append(r["paints"])
            rows["not_applied"] += win.plan is None or win.plan.target_dose_mg != value
            fcounter.calls = 0
            r = timed_edit(app, fwatch, "chart", lambda: floor.spin.setValue(value))
            rows["floor"].append(r["s"])
            rows["floor_cpu"].append(r["cpu"])
            rows["floor_calls"].append(fcounter.calls)
            rows["floor_paints"].append(r["paints"])
        rows["days"] = {v: len(s.days) for v, s in schedules.items()}
        rows["steps"] = {v: len(s.steps) for v, s in schedules.items()}
        rows["table_rows"] = win.table.model().rowCount()
        out[name] = rows
        floor.close()
        floor.deleteLater()
        _settle(app, 0.1)
    win.setWindowModified(False)
    win.close()
    return out


def bench_exports(runs: int) -> dict:
    """PDF export in-process after start-up (one warm-up export first), through the one
    checked write the window and the CLI use; median of `runs` each."""
    from planner.domain.schedule import compute_schedule
    from planner.export.files import export_file
    from planner.export.fonts import register_fonts

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        schedules = {name: compute_schedule(plan) for name, plan in plans().items()}
        export_file(schedules["12-week"], path)  # warm-up
        for name, schedule in schedules.items():
            times, cpu, what = [], [], ""
            for _ in range(runs):
                t0, c0 = time.perf_counter(), time.process_time()
                what = export_file(schedule, path)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            out[name] = {"times": times, "cpu": cpu, "what": what, "days": len(schedule.days)}
    return out
