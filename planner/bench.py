"""Benchmark: python3 -m planner.bench

Prints medians, p95 and ratios against the floor of the stack, measured in one run
(our machines are shared and noisy; only ratios are stable). Not part of the tests.

Live redraw: an edit in the form, through the engine, to a painted chart, for a 12-week
and a one-year plan, beside the floor: set_data + draw on a bare FigureCanvasQTAgg of the
same size holding one step line.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EDITS = 50


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def _wait_painted(app, canvas, flag: dict) -> None:
    flag["painted"] = False
    deadline = time.perf_counter() + 5
    while not flag["painted"] and time.perf_counter() < deadline:
        app.processEvents()


def _plans():
    from .core.planfile import load_example

    base = load_example("gabapentin-phn-default")
    twelve_weeks = replace(base, step_days=3, increment_mg=300, target_dose_mg=1800, maintenance_days=66)
    one_year = replace(base, start_dose_mg=100, increment_mg=100, step_days=14, target_dose_mg=1800,
                       maintenance_days=113)
    return {"12 weeks": twelve_weeks, "one year": one_year}


def bench_redraw() -> list[tuple[str, list[float]]]:
    import numpy as np
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QApplication

    from .app import register_fonts
    from .core.planfile import plan_to_dict
    from .core.schedule import compute_schedule
    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    results = []
    win = MainWindow()
    win.resize(1400, 900)
    win.show()
    flag = {"painted": False}
    win.canvas.painted.connect(lambda: flag.__setitem__("painted", True))
    for name, plan in _plans().items():
        win.load_plan(plan, None)
        _wait_painted(app, win.canvas, flag)
        days = len(compute_schedule(plan).days)
        targets = [plan.target_dose_mg - 100, plan.target_dose_mg]
        times = []
        for i in range(EDITS):
            t0 = time.perf_counter()
            win.form.target.setValue(targets[i % 2])  # the edit: as typing a new target
            _wait_painted(app, win.canvas, flag)
            times.append(time.perf_counter() - t0)
        assert win.schedule is not None and plan_to_dict(win.plan)["target_dose_mg"] in targets
        results.append((f"edit -> painted chart, {name} ({days} days)", times))

    # The floor: a bare canvas of the same size, one step line, set_data + draw.
    size = win.canvas.size()
    bare = FigureCanvasQTAgg(Figure(figsize=(size.width() / 100, size.height() / 100), dpi=100))
    ax = bare.figure.add_subplot()
    x = np.arange(365)
    (line,) = ax.plot(x, np.ones(365), drawstyle="steps-post")
    ax.set_ylim(0, 2000)
    bare.resize(size)
    bare.show()
    bflag = {"painted": False}
    orig = bare.paintEvent

    def paint(event):
        orig(event)
        bflag["painted"] = True

    bare.paintEvent = paint
    times = []
    for i in range(EDITS):
        t0 = time.perf_counter()
        line.set_data(x, np.minimum(x * (5 + i % 2), 1800))
        bare.draw()
        bare.update()
        _wait_painted(app, bare, bflag)
        times.append(time.perf_counter() - t0)
    results.append(("floor: bare FigureCanvasQTAgg set_data + draw", times))
    win.setWindowModified(False)
    win.close()
    return results


def bench_export() -> list[tuple[str, list[float]]]:
    """PDF export in-process after start-up (the app and fonts ready, one warm-up export)."""
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from .app import register_fonts
    from .core.planfile import load_example
    from .core.schedule import compute_schedule
    from .export.printout import PrintOptions, export_pdf

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    plans = {"12 weeks": _plans()["12 weeks"], "two years": load_example("gabapentin-slow-two-year")}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.pdf"
        export_pdf(compute_schedule(plans["12 weeks"]), out, PrintOptions())  # warm-up
        for name, plan in plans.items():
            times = []
            for _ in range(7):
                t0 = time.perf_counter()
                pages = export_pdf(compute_schedule(plan), out, PrintOptions())
                times.append(time.perf_counter() - t0)
            days = len(compute_schedule(plan).days)
            results.append((f"PDF export, {name} ({days} days, {pages} pages)", times))
    return results


def main() -> int:
    exports = bench_export()
    rows = bench_redraw()
    floor = statistics.median(rows[-1][1])
    print(f"Python {sys.version.split()[0]}, {EDITS} edits each, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    print(f"{'measure':<52} {'median ms':>10} {'p95 ms':>8} {'x floor':>8}")
    for name, times in rows:
        med = statistics.median(times)
        print(f"{name:<52} {med * 1000:>10.1f} {_p95(times) * 1000:>8.1f} {med / floor:>8.2f}")
    print(f"{'export (7 runs each)':<52} {'median ms':>10} {'p95 ms':>8}")
    for name, times in exports:
        print(f"{name:<52} {statistics.median(times) * 1000:>10.1f} {_p95(times) * 1000:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
