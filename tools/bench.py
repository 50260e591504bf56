"""Benchmark: python3 tools/bench.py

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
# Run from a checkout (users never run it, so it is not in the package).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

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
    from planner.files.planfile import load_example

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

    from planner.export.fonts import register_fonts
    from planner.files.planfile import plan_to_dict
    from planner.domain.schedule import compute_schedule
    from planner.app.main_window import MainWindow

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
    """Export in-process after start-up (the app and fonts ready, one warm-up export), through
    the one checked write the window and CLI use: rendered, written, read back and checked."""
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from planner.export.fonts import register_fonts
    from planner.files.planfile import load_example
    from planner.domain.schedule import compute_schedule
    from planner.export.files import export_file
    from planner.export.printout import PrintOptions

    app = QApplication.instance() or QApplication([])
    register_fonts(app)
    plans = {"12 weeks": _plans()["12 weeks"], "two years": load_example("gabapentin-slow-two-year")}
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        export_file(compute_schedule(plans["12 weeks"]), Path(tmp) / "plan.pdf", PrintOptions())  # warm-up
        for suffix in (".pdf", ".ics"):
            out = Path(tmp) / f"plan{suffix}"
            for name, plan in plans.items():
                times = []
                for _ in range(7):
                    t0 = time.perf_counter()
                    what = export_file(compute_schedule(plan), out, PrintOptions())
                    times.append(time.perf_counter() - t0)
                days = len(compute_schedule(plan).days)
                results.append((f"{suffix[1:].upper()} export, {name} ({days} days, {what})", times))
    return results


# The floor of start-up: a bare PySide6 window holding one FigureCanvasQTAgg with a step
# plot, the same size as ours, timed to its first paint like the application.
FLOOR_STARTUP = r"""
import os, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

class Canvas(FigureCanvasQTAgg):
    def paintEvent(self, event):
        super().paintEvent(event)
        if not getattr(self, "done", False):
            self.done = True
            print(f"chart {time.time():.6f}", flush=True)
            print(f"rss_start {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
fig = Figure(figsize=(8.4, 4.6), dpi=100)
ax = fig.add_subplot()
ax.plot(range(365), [min(300 + 300 * (d // 3), 1800) for d in range(365)], drawstyle="steps-post")
w = QMainWindow()
w.setCentralWidget(Canvas(fig))
w.resize(1400, 900)
w.show()
QTimer.singleShot(0, lambda: print(f"form {time.time():.6f}", flush=True))
app.exec()
"""


def _cold_start(cmd: list[str], extra_env: dict[str, str]) -> dict[str, float]:
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra_env}
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120).stdout
    values = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key in ("form", "chart"):
            values[key] = float(value) - t0
        elif key.startswith("rss"):
            values[key] = float(value)
    return values


def bench_startup(runs: int = 7):
    from planner.app.launch import PROBE

    app_cmd = [sys.executable, "-m", "planner"]
    floor_cmd = [sys.executable, "-c", FLOOR_STARTUP]
    app_runs, floor_runs = [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        floor_runs.append(_cold_start(floor_cmd, {}))
        app_runs.append(_cold_start(app_cmd, {PROBE: "1"}))
    edits = _cold_start(app_cmd, {PROBE: str(EDITS)})
    return app_runs, floor_runs, edits


def bench_headless(runs: int = 7):
    import subprocess
    from importlib import resources

    example = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-label-start.json"))
    cmds = {"titration-planner schedule (label example)": [sys.executable, "-m", "planner", "schedule", example],
            "floor: python -c pass": [sys.executable, "-c", "pass"]}
    out = {}
    for name, cmd in cmds.items():
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            times.append(time.perf_counter() - t0)
        out[name] = times
    probe = ("import sys; from planner.cli import main; import contextlib, io\n"
             f"with contextlib.redirect_stdout(io.StringIO()): main(['schedule', {example!r}])\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'matplotlib', 'shiboken6'}))")
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip()
    return out, imported


def main() -> int:
    app_runs, floor_runs, edit_run = bench_startup()
    headless, headless_imports = bench_headless()
    exports = bench_export()
    rows = bench_redraw()

    def med(runs, key):
        return statistics.median(r[key] for r in runs)

    floor_paint = med(floor_runs, "chart")
    print(f"Start-up, cold process to first paint, median of {len(app_runs)} runs each (interleaved):")
    print(f"{'measure':<52} {'median ms':>10} {'p95 ms':>8} {'x floor':>8}")
    for name, runs, key in (("floor: bare window + FigureCanvasQTAgg, painted", floor_runs, "chart"),
                            ("app: form visible, accepting typing", app_runs, "form"),
                            ("app: chart painted (first full paint)", app_runs, "chart")):
        values = [r[key] for r in runs]
        print(f"{name:<52} {statistics.median(values) * 1000:>10.0f} {_p95(values) * 1000:>8.0f} "
              f"{statistics.median(values) / floor_paint:>8.2f}")
    floor_rss = med(floor_runs, "rss_start")
    print(f"\nPeak RSS (MB):{'':<38} {'MB':>10} {'':>8} {'x floor':>8}")
    for name, value in (("floor: bare window + canvas", floor_rss),
                        ("app after start-up", med(app_runs, "rss_start")),
                        (f"app after start-up, then {EDITS} edits (same process)", edit_run.get("rss_edits", 0.0))):
        print(f"{name:<52} {value:>10.1f} {'':>8} {value / floor_rss:>8.2f}")
    print(f"  (the edited process peaked at {edit_run.get('rss_start', 0):.1f} MB after start-up, "
          f"{edit_run.get('rss_edits', 0):.1f} MB after {EDITS} edits)")
    floor_pass = statistics.median(headless["floor: python -c pass"])
    print(f"\nHeadless command, wall time, median of 7:{'':<11} {'median ms':>10} {'p95 ms':>8} {'x floor':>8}")
    for name, times in headless.items():
        print(f"{name:<52} {statistics.median(times) * 1000:>10.0f} {_p95(times) * 1000:>8.0f} "
              f"{statistics.median(times) / floor_pass:>8.2f}")
    print(f"  Qt or matplotlib imported by 'schedule': {headless_imports}")
    print()
    floor = statistics.median(rows[-1][1])
    print(f"Live redraw, Python {sys.version.split()[0]}, {EDITS} edits each, "
          f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
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
