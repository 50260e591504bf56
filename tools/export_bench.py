"""PDF export timing (issue 17): python tools/export_bench.py [--profile 12w|2y] [--runs N]

Warm, in-process, through the one checked write the window and the CLI use
(planner.export.files.export_file: render, safe write, read back and verify), after one
warm-up export; medians of N (default 7). Also the first export in a fresh process (imports
and all), measured in a child process. Not part of the tests; timings are never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# EXPORT_BENCH_ROOT: another checkout to measure (the code before a change, side by side).
ROOT = Path(os.environ.get("EXPORT_BENCH_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))


def plans():
    from planner.files.planfile import load_example

    base = load_example("gabapentin-phn-default")
    twelve = replace(base, step_days=3, increment_mg=300, target_dose_mg=1800, maintenance_days=66)
    return {"12w": twelve, "2y": load_example("gabapentin-slow-two-year")}


# What is imported before the first export, by state: "bare" (a Qt application and the
# engine, as the CLI), "window" (also matplotlib's figure and Agg canvas, as the window's
# chart has them), "warmed" (also what the export path imports, as a warm-up would).
PREIMPORTS = {
    "bare": (),
    "window": ("matplotlib.figure", "matplotlib.backends.backend_agg"),
    "warmed": ("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg",
               "PySide6.QtSvg", "pypdf", "planner.export.files", "planner.export.printout.render",
               "planner.export.printout.chart_svg", "planner.chart.patient_chart", "planner.chart.schedule_chart"),
}


def first_export(name: str, state: str = "bare") -> float:
    """The first export in this process: imports included (run in a fresh child)."""
    import importlib

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive
    from planner.domain.schedule import compute_schedule
    from planner.export.print_options import PrintOptions

    for module in PREIMPORTS[state]:
        importlib.import_module(module)
    schedule = compute_schedule(plans()[name])
    t0 = time.perf_counter()
    from planner.export.files import export_file

    with tempfile.TemporaryDirectory() as tmp:
        export_file(schedule, Path(tmp) / "plan.pdf", PrintOptions())
    return time.perf_counter() - t0


def warm(name: str, runs: int, profile: bool = False) -> list[float]:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    from planner.domain.schedule import compute_schedule
    from planner.export.files import export_file
    from planner.export.print_options import PrintOptions

    schedule = compute_schedule(plans()[name])
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        pages = export_file(schedule, path, PrintOptions())  # warm-up
        if profile:
            import cProfile
            import pstats

            pr = cProfile.Profile()
            pr.enable()
            export_file(schedule, path, PrintOptions())
            pr.disable()
            pstats.Stats(pr).sort_stats("cumulative").print_stats(45)
            return []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            export_file(schedule, path, PrintOptions())
            times.append(time.perf_counter() - t0)
            CPU.append(time.process_time() - c0)
    print(f"  ({name}: {pages})")
    return times


CPU: list[float] = []  # the process's CPU time of each timed export: steadier on a shared machine


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--profile", choices=("12w", "2y"))
    ap.add_argument("--first", choices=("12w", "2y"))
    ap.add_argument("--state", choices=tuple(PREIMPORTS), default="bare")
    ap.add_argument("--warm-only", action="store_true", help="skip the first export in a fresh process")
    args = ap.parse_args()
    if args.first:
        print(f"{first_export(args.first, args.state):.4f}")
        return
    if args.profile:
        warm(args.profile, 1, profile=True)
        return
    for name in ("12w", "2y"):
        CPU.clear()
        ts = warm(name, args.runs)
        print(f"warm export {name}: median {statistics.median(ts):.3f} s  min {min(ts):.3f}  max {max(ts):.3f}"
              f"  (n={len(ts)}); CPU time median {statistics.median(CPU):.3f} s")
    if args.warm_only:
        return
    for state in PREIMPORTS:
        firsts = []
        for _ in range(3):
            out = subprocess.run([sys.executable, __file__, "--first", "12w", "--state", state], capture_output=True,
                                 text=True, check=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT), "EXPORT_BENCH_ROOT": str(ROOT)})
            firsts.append(float(out.stdout.strip().splitlines()[-1]))
        print(f"first export 12w in a fresh process ({state}): median {statistics.median(firsts):.3f} s  "
              f"({', '.join(f'{x:.3f}' for x in firsts)})")


if __name__ == "__main__":
    main()
