"""The window's chart: milliseconds from show_schedule() to a painted widget, for a short plan
and the two-year example, medians of interleaved edits (the plan's target moved up and
down, so every edit is a new schedule). Schedules are computed beforehand: this times the
chart only.

    python tools/screen_chart_bench.py                   # this tree's chart
    python tools/screen_chart_bench.py --other ../before # and another tree's, side by side

Each tree runs in its own process (offscreen, 900 x 420 widget), rounds alternating."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = {"short": "gabapentin-phn-to-1800-with-taper", "two-year": "gabapentin-slow-two-year"}

CHILD = r"""
import json, os, statistics, sys, time
from dataclasses import replace
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from planner.app.chart_view import ChartCanvas
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example
plans, n = json.loads(sys.argv[1]), int(sys.argv[2])
canvas = ChartCanvas()
canvas.resize(900, 420)
canvas.show()
app.processEvents()
out = {}
for key, name in plans.items():
    plan = load_example(name)
    pair = [compute_schedule(plan), compute_schedule(replace(plan, target_dose_mg=plan.target_dose_mg - 100))]
    for s in pair * 3:  # warm
        canvas.show_schedule(s); canvas.repaint()
    edits, paints = [], []
    for i in range(n):
        t = time.perf_counter()
        canvas.show_schedule(pair[i % 2])
        canvas.repaint()  # paints now, as the event loop would
        edits.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        canvas.repaint()  # nothing changed: an expose, a focus change
        paints.append((time.perf_counter() - t) * 1000)
    out[key] = {"edit": statistics.median(edits), "repaint": statistics.median(paints),
                "days": len(pair[0].days), "steps": len(pair[0].steps)}
print(json.dumps(out))
"""


def run(tree: Path, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(PLANS), str(n)], cwd=tree, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--other", type=Path, help="another tree to time beside this one")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("-n", type=int, default=40, help="edits per plan per round")
    args = ap.parse_args()
    trees = {"this": ROOT} | ({"other": args.other.resolve()} if args.other else {})
    results: dict[str, list[dict]] = {k: [] for k in trees}
    for _ in range(args.rounds):
        for key, tree in trees.items():
            results[key].append(run(tree, args.n))
    for key, rounds in results.items():
        print(f"{key} ({trees[key]}):")
        for plan in PLANS:
            edit = statistics.median(r[plan]["edit"] for r in rounds)
            paint = statistics.median(r[plan]["repaint"] for r in rounds)
            r0 = rounds[0][plan]
            print(f"  {plan:9} {r0['days']:4} days {r0['steps']:3} steps: edit to paint {edit:6.2f} ms,"
                  f" repaint {paint:6.2f} ms")
        short, long = (statistics.median(r[p]["edit"] for r in rounds) for p in PLANS)
        print(f"  two-year / short: {long / short:.2f}")


if __name__ == "__main__":
    main()
