"""The figures of tools/bench.py measured in fresh processes: cold start to first paint and
peak memory (the window beside a bare PySide6 + matplotlib window), the CLI beside
`python -c pass`, and the first PDF export after start-up. Runs are interleaved: the
program, then its floor, and again, so both see the same machine load."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
PROBE = "TITRATION_PLANNER_STARTUP_PROBE"  # planner.app.launch.PROBE: the start-up protocol
# A desktop-sized screen for the offscreen platform (its default is 800x800, which would
# shrink the window below what a clinician sees).
SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def platform(tmp: str) -> str:
    """The Qt platform for every run: offscreen on the screen above, unless another is set."""
    current = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if current != "offscreen":
        return current
    path = Path(tmp) / "screen.json"
    path.write_text(json.dumps(SCREEN), "utf-8")
    return f"offscreen:configfile={path}"


def run_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This checkout's code, no probe unless asked, and fresh settings and data folders (no
    remembered window size, no recovery file), made the same for every run."""
    env = {k: v for k, v in os.environ.items() if k != PROBE}
    home = tempfile.mkdtemp(prefix="bench-")
    env.update(PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data",
               **(extra or {}))
    return env


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, dict, str]:
    """Run to completion; (wall seconds, the `key value` lines printed plus "cpu": the process's
    CPU seconds, all threads, to its exit; stderr). Times printed as epochs become seconds
    since the process was started."""
    t0, c0 = time.time(), _cpu_of_children()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired as exc:
        return time.time() - t0, {}, f"timed out after {timeout:g} s: {exc.stderr or ''}"
    wall = time.time() - t0
    values = {"cpu": _cpu_of_children() - c0}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(" ")
        try:
            values[key] = json.loads(value)
        except ValueError:
            continue
        if key in ("form", "chart"):
            values[key] -= t0
    return wall, values, done.stderr


# The start-up floor: a bare window of the app's size holding one FigureCanvasQTAgg of the
# chart's size with a step plot, to its first paint; with FLOOR_EDITS=N it then makes N
# edits (set_data, draw, paint) and prints the peak memory after them, as PROBE=N does.
FLOOR = r"""
import os, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

ww, wh, cw, ch = (int(a) for a in sys.argv[1:5])
edits = int(os.environ.get("FLOOR_EDITS") or 0)
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
doses = [min(100 + 100 * (d // 7), 1800) for d in range(817)]

class Canvas(FigureCanvasQTAgg):
    def paintEvent(self, event):
        super().paintEvent(event)
        if not getattr(self, "done", False):
            self.done = True
            print(f"chart {time.time():.6f}", flush=True)
            print(f"rss_start {rss():.1f}", flush=True)
            QTimer.singleShot(0, edit)

def edit():
    for i in range(edits):
        line.set_ydata([min(x, 1800 - 100 * (i % 2)) for x in doses])
        canvas.draw()
        app.processEvents()
    if edits:
        print(f"rss_edits {rss():.1f}", flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
fig = Figure(figsize=(cw / 100, ch / 100), dpi=100)
ax = fig.add_subplot()
(line,) = ax.plot(range(817), doses, drawstyle="steps-post")
canvas = Canvas(fig)
canvas.setFixedSize(cw, ch)
box = QWidget()
QVBoxLayout(box).addWidget(canvas)
w = QMainWindow()
w.setCentralWidget(box)
w.resize(ww, wh)
w.show()
QTimer.singleShot(0, lambda: print(f"form {time.time():.6f}", flush=True))
app.exec()
"""

# The window started as `python -m planner` starts it (runpy), its event loop replaced by this:
# wait for the chart's first paint, print the sizes, wait DELAY seconds (the clinician
# reaching for the menu), load the 12-week plan, then time the window's own PDF export
# (File > Export without its file dialog: imports, print settings, render, checked write),
# and a second one.
COLD_EXPORT = r"""
import json, runpy, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication, QMessageBox

delay, export = float(sys.argv[2]), sys.argv[3] == "export"
QMessageBox.warning = lambda *args: print("message", json.dumps(str(args[-1])), flush=True)  # never block

def loop(app):
    win = next(w for w in app.topLevelWidgets() if hasattr(w, "chart_painted"))
    painted = []
    win.chart_painted.connect(lambda: painted.append(1))
    clock = QElapsedTimer()
    clock.start()
    while not painted and clock.elapsed() < 15000:
        app.processEvents()
    print("painted", json.dumps(bool(painted)), flush=True)
    sizes = {"window": win.size(), "chart": win.canvas.size(), "table": win.table.size()}
    print("sizes", json.dumps({k: [s.width(), s.height()] for k, s in sizes.items()}), flush=True)
    clock.restart()
    while clock.elapsed() < delay * 1000:
        app.processEvents()
    if export:
        from bench_live import plans
        win.load_plan(plans()["12-week"], None)
        app.processEvents()
        with tempfile.TemporaryDirectory() as tmp:
            for key in ("first_export", "second_export"):
                t0 = time.perf_counter()
                ok = win.export(".pdf", Path(tmp) / "plan.pdf")
                print(key, json.dumps(time.perf_counter() - t0 if ok else None), flush=True)
    win.setWindowModified(False)
    return 0

QApplication.exec = loop
sys.argv = ["planner"]
runpy.run_module("planner", run_name="__main__", alter_sys=True)
"""


def app_sizes() -> dict:
    """The window's, chart's and table's sizes as `python -m planner` opens (one discarded run,
    which also warms the disk cache)."""
    _, values, err = _run([sys.executable, "-c", COLD_EXPORT, str(TOOLS), "0", "sizes"], run_env())
    if "sizes" not in values:
        sys.stderr.write(f"bench: the window's sizes are unknown (using 1728x1036, chart 827x480):\n{err[-2000:]}")
        return {"window": [1728, 1036], "chart": [827, 480], "table": [827, 256]}
    return values["sizes"]


def bench_startup(runs: int, sizes: dict) -> dict:
    """Cold start to first paint and peak memory after it: `python -m planner` (PROBE=0: it
    quits once painted) beside the floor window, interleaved."""
    app_cmd = [sys.executable, "-m", "planner"]
    floor_cmd = [sys.executable, "-c", FLOOR, *map(str, sizes["window"] + sizes["chart"])]
    out = {"app": [], "floor": [], "errors": []}
    for _ in range(runs):
        for who, cmd, env in (("app", app_cmd, run_env({PROBE: "0"})), ("floor", floor_cmd, run_env())):
            _, values, err = _run(cmd, env)
            out[who].append(values)
            if "chart" not in values:
                out["errors"].append(f"{who}: {err[-600:]}")
    return out


def bench_memory(runs: int, edits: int, sizes: dict) -> dict:
    """Peak memory after start-up and after `edits` edits in the same process (PROBE=N),
    beside the floor window making as many edits."""
    app_cmd = [sys.executable, "-m", "planner"]
    floor_cmd = [sys.executable, "-c", FLOOR, *map(str, sizes["window"] + sizes["chart"])]
    out = {"app": [], "floor": [], "errors": []}
    for _ in range(runs):
        for who, cmd, env in (("app", app_cmd, run_env({PROBE: str(edits)})),
                              ("floor", floor_cmd, run_env({"FLOOR_EDITS": str(edits)}))):
            _, values, err = _run(cmd, env)
            out[who].append(values)
            if "rss_edits" not in values:
                out["errors"].append(f"{who}: no rss_edits: {err[-600:]}")
    return out


def bench_cold_export(runs: int, delay: float) -> dict:
    """The first PDF export after the window's first paint, `delay` seconds after it."""
    cmd = [sys.executable, "-c", COLD_EXPORT, str(TOOLS), str(delay), "export"]
    out = {"first_export": [], "second_export": [], "errors": []}
    for _ in range(runs):
        _, values, err = _run(cmd, run_env())
        for key in ("first_export", "second_export"):
            if values.get(key) is not None:
                out[key].append(values[key])
        if values.get("first_export") is None:
            out["errors"].append(f"{values.get('message', '')} {err[-800:]}")
    return out


NOTABLE = ("PySide6.QtSvg", "PySide6.QtPrintSupport", "matplotlib", "numpy", "pypdf", "babel", "icalendar")


def _importtime(cmd: list[str], env: dict[str, str]) -> tuple[list[str], float]:
    """The notable modules a command imports, and its imports' total time in ms."""
    err = subprocess.run([sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120).stderr
    found, total_us = set(), 0
    for m in re.finditer(r"^import time:\s*(\d+) \|\s*(\d+) \|( *)(\S+)\s*$", err, re.M):
        name = m.group(4)
        found.update(n for n in NOTABLE if name == n or name.startswith(n + "."))
        if len(m.group(3)) == 3:  # a top-level import ("|" then a space, then two a level)
            total_us += int(m.group(2))
    return sorted(found), total_us / 1000


def startup_imports() -> tuple[list[str], float]:
    """What `python -m planner` imports up to its first paint (PROBE=0: it quits once painted)."""
    return _importtime(["-m", "planner"], run_env({PROBE: "0"}))


EXAMPLES = {"label-start example (14 days)": "gabapentin-phn-label-start",
            "two-year example (817 days)": "gabapentin-slow-two-year"}


def bench_cli(runs: int) -> dict:
    """`python -m planner schedule <example>` beside `python -c pass`, wall time, interleaved;
    and which of PySide6, matplotlib and numpy the command imports (python -X importtime)."""
    examples = {name: str(ROOT / "resources" / "examples" / f"{stem}.json") for name, stem in EXAMPLES.items()}
    cmds = {name: [sys.executable, "-m", "planner", "schedule", path] for name, path in examples.items()}
    cmds["floor"] = [sys.executable, "-c", "pass"]
    out = {name: [] for name in cmds}
    env = run_env()
    for _ in range(runs):
        for name, cmd in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)  # exit 1 is a plan's warning
            out[name].append(time.perf_counter() - t0)
    modules, _ = _importtime(["-m", "planner", "schedule", next(iter(examples.values()))], env)
    heavy = ("PySide6", "matplotlib", "numpy")
    out["imports"] = sorted({m.split(".")[0] for m in modules} & set(heavy))
    return out
