"""Benchmark of issue 17: python tools/bench.py [--quick] [--only SECTIONS] [--code CHECKOUT]

For each figure: this program's median and its floor's, measured side by side in one run
(interleaved: our machines are shared and noisy, only ratios in one run are comparable),
their ratio, the issue's target and whether it is met. Not part of the tests; users never
run it. The floors (see tools/bench_live.py and tools/bench_procs.py):
- start-up and memory: a bare PySide6 window with a FigureCanvasQTAgg of the chart's size
  holding a step plot, to its first paint;
- edit to paint: a spin box driving set_data on three stacked series and the total of a
  matplotlib chart of the same size and days, and a minimal table model over the steps;
- CLI: `python -c pass`.
--code measures another checkout with these tools (e.g. the code before a change, then
after it, on the same machine minutes apart); --only runs some figures; a full run takes
about 3 minutes on a quiet 2-CPU machine, 5 on a busy one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_procs  # noqa: E402

SECTIONS = ("start", "cli", "first-export", "edits", "export")  # start-up includes memory
REPEAT_MS = 33  # a held spin-box arrow steps this often
COLUMNS = f"{'figure':<50} {'program':>9} {'floor':>9} {'ratio':>7}  {'target':<11} met"


def median(xs) -> float | None:
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def p95(xs) -> float | None:
    xs = sorted(x for x in xs if x is not None)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))] if xs else None


def _num(x: float | None, digits: int) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def row(name: str, ours: float | None, floor: float | None = None, limit: float | None = None,
        ratio_target: bool = True, digits: int = 0) -> str:
    """One figure. limit: the target, a ratio to the floor (ratio_target) or an absolute
    bound on our figure (in its unit). Met when at or under it."""
    ratio = ours / floor if ours is not None and floor else None
    if limit is None:
        target, met = "-", ""
    else:
        value = ratio if ratio_target else ours
        target = f"<= {limit:g}x" if ratio_target else f"< {limit:g}"
        met = "n/a" if value is None else ("yes" if (value <= limit if ratio_target else value < limit) else "NO")
    return (f"{name:<50} {_num(ours, digits):>9} {_num(floor, digits) if floor is not None else '-':>9} "
            f"{(f'{ratio:.2f}x' if ratio is not None else '-'):>7}  {target:<11} {met}")


def values(runs: list[dict], key: str) -> list:
    return [r.get(key) for r in runs]


def _ms(xs) -> float | None:
    m = median(xs)
    return None if m is None else m * 1000


def report_start(start: dict, imports: tuple, memory: dict, edits: int) -> None:
    print(f"\nCold start, `python -m planner` (probe) vs the floor window; medians of {len(start['app'])} runs each")
    print(COLUMNS)
    floor_paint = _ms(values(start["floor"], "chart"))
    print(row("cold start to first paint, ms", _ms(values(start["app"], "chart")), floor_paint, 1.05))
    print(row("  (program: form shown, ms)", _ms(values(start["app"], "form")), floor_paint))
    print(row("  (CPU time, all threads, start to exit), ms", _ms(values(start["app"], "cpu")),
              _ms(values(start["floor"], "cpu"))))
    print(f"  imported by the first paint: {', '.join(imports[0]) or 'none'} (of {', '.join(bench_procs.NOTABLE)});"
          f"\n  all its imports: {imports[1]:.0f} ms under -X importtime")
    print(row("peak memory after start-up, MB", median(values(start["app"], "rss_start")),
              median(values(start["floor"], "rss_start")), 1.1, digits=1))
    print(row(f"peak memory after {edits} edits, MB ({len(memory['app'])} runs)",
              median(values(memory["app"], "rss_edits")), median(values(memory["floor"], "rss_edits")), 1.1,
              digits=1))
    print(f"  (the {edits}-edit processes after start-up: program "
          f"{_num(median(values(memory['app'], 'rss_start')), 1)} MB, floor "
          f"{_num(median(values(memory['floor'], 'rss_start')), 1)} MB)")
    for err in start["errors"] + memory["errors"]:
        print(f"  ! {err.strip()}")


def report_cli(cli: dict) -> None:
    print(f"\nCLI, wall time, medians of {len(cli['floor'])} runs each, beside `python -c pass`")
    print(COLUMNS)
    for name in bench_procs.EXAMPLES:
        print(row(f"schedule, {name}, ms", _ms(cli[name]), _ms(cli["floor"])))
    print(f"  imported by `schedule` (of PySide6, matplotlib, numpy): {cli['imports'] or 'none'}")


def report_first_export(cold: dict) -> None:
    print("\nFirst PDF export after start-up: `python -m planner`, then the window's own export of the "
          "12-week plan\n(as File > Export, without its file dialog; imports included)")
    print(COLUMNS)
    for delay, runs in cold.items():
        print(row(f"first export, {delay:g} s after first paint, ms ({len(runs['first_export'])} runs)",
                  _ms(runs["first_export"])))
        print(row("  second export in that process, ms", _ms(runs["second_export"])))
        for err in runs["errors"]:
            print(f"  ! {err.strip()}")


def report_edits(live: dict, edits: int) -> None:
    size = live["sizes"]
    print(f"\nEdit to paint, in one process: the window ({size['window'].width()}x{size['window'].height()}, "
          f"chart {size['chart'].width()}x{size['chart'].height()}, table {size['table'].width()}x"
          f"{size['table'].height()}) edited through its form's target (two values in turn) "
          f"vs the floor; {edits} edits each, interleaved; medians")
    print(COLUMNS)
    medians = {}
    for name in ("12-week", "two-year"):
        r = live[name]
        days = "/".join(str(d) for d in r["days"].values())
        medians[name] = (_ms(r["app"]), _ms(r["floor"]))
        print(row(f"edit to paint, {name} plan ({days} days), ms", *medians[name], 1.2, digits=1))
        print(row("  (its CPU time, less slowed by other work), ms", _ms(r["app_cpu"]), _ms(r["floor_cpu"]),
                  digits=1))
    (a12, f12), (a2, f2) = medians["12-week"], medians["two-year"]
    growth = a2 / a12 if a2 and a12 else None
    met = "n/a" if growth is None else ("yes" if growth <= 1.2 else "NO")
    print(f"{'two-year edit / 12-week edit (program), ratio':<50} {_num(growth, 2):>9} "
          f"{_num(f2 / f12 if f2 and f12 else None, 2):>9} {'-':>7}  {'<= 1.2':<11} {met}")
    print(f"\n{'per edit':<50} {'12-week':>14} {'two-year':>14}")
    for label, fn in (
            ("p95 ms: program / floor", lambda r: f"{_num(_p95ms(r['app']), 0)} / {_num(_p95ms(r['floor']), 0)}"),
            ("table data() calls: program median (max)", lambda r: f"{_num(median(r['app_calls']), 0)} "
                                                               f"({_num(max(r['app_calls'], default=None), 0)})"
             if None not in r["app_calls"] else "not counted"),
            ("table data() calls: floor median (max)", lambda r: f"{_num(median(r['floor_calls']), 0)} "
                                                             f"({_num(max(r['floor_calls']), 0)})"),
            ("paints, chart + table: program median (max)", lambda r: _paints(r["app_paints"])),
            ("paints, chart + table: floor median (max)", lambda r: _paints(r["floor_paints"])),
            ("table rows (steps) shown", lambda r: str(r["table_rows"])),
            (f"held arrow: edit vs the {REPEAT_MS} ms repeat", lambda r: _held(_ms(r["app"]))),
            ("held arrow, floor", lambda r: _held(_ms(r["floor"]))),
            ("no chart paint within 5 s: program / floor",
             lambda r: f"{r['app'].count(None)} / {r['floor'].count(None)}"),
            ("edits whose plan was not the value typed", lambda r: str(r["not_applied"]))):
        print(f"{label:<50} {fn(live['12-week']):>14} {fn(live['two-year']):>14}")
    print("  (held arrow: the edit's time over the repeat interval; above 1.0x the value moves slower than the "
          "hand asks, by that factor)")


def report_warm_export(exports: dict) -> None:
    print(f"\nPDF export, warm, in-process (after one warm-up export), export_file(): render, write, read back, "
          f"check; medians of {len(exports['12-week']['times'])}")
    print(COLUMNS)
    for name, limit in (("12-week", 0.3), ("two-year", 1.0)):
        e = exports[name]
        print(row(f"PDF export, {name} ({e['days']} days, {e['what']}), s", median(e["times"]), None, limit,
                  ratio_target=False, digits=3))
        print(row("  (its CPU time, less slowed by other work), s", median(e["cpu"]), digits=3))


def _p95ms(xs) -> float | None:
    p = p95(xs)
    return None if p is None else p * 1000


def _paints(paints: list[dict]) -> str:
    """Median paints of the chart + the table per edit (and the most of each)."""
    chart, table = [p.get("chart", 0) for p in paints], [p.get("table", 0) for p in paints]
    return f"{_num(median(chart), 0)} + {_num(median(table), 0)} ({max(chart, default=0)} + {max(table, default=0)})"


def _held(ms: float | None) -> str:
    return "n/a" if ms is None else f"{ms / REPEAT_MS:.2f}x {'ok' if ms <= REPEAT_MS else 'behind'}"


def machine_speed() -> str:
    """A fixed pure-Python loop, wall and CPU time: to compare this run's machine with another's."""
    t0, c0 = time.perf_counter(), time.process_time()
    sum(range(10**7))
    return f"sum(range(10**7)) {(time.perf_counter() - t0) * 1000:.0f} ms (CPU {(time.process_time() - c0) * 1000:.0f} ms)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, to try the benchmark")
    parser.add_argument("--code", metavar="CHECKOUT", help="measure the program in this checkout "
                        "(default: the one holding this script)")
    parser.add_argument("--only", default=",".join(SECTIONS), type=lambda text: set(text.split(",")),
                        help=f"some of the figures: {','.join(SECTIONS)} (default: all)")
    args = parser.parse_args(argv)
    if args.only - set(SECTIONS):
        parser.error(f"--only: unknown {', '.join(sorted(args.only - set(SECTIONS)))}")
    if args.code:
        bench_procs.ROOT = Path(args.code).resolve()
    sys.path.insert(1, str(bench_procs.ROOT))  # this program, whatever PYTHONPATH says
    runs = dict(start=2, memory=1, cold=1, cli=2, edits=8, exports=2, probe_edits=10) if args.quick else \
        dict(start=7, memory=2, cold=2, cli=5, edits=30, exports=7, probe_edits=20)
    began = time.time()
    tmp = tempfile.mkdtemp(prefix="bench-")
    os.environ["QT_QPA_PLATFORM"] = bench_procs.platform(tmp)
    os.environ.update(XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data")  # no user settings
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=bench_procs.ROOT).stdout.strip()
    print(f"{' '.join(['tools/bench.py', *(sys.argv[1:] if argv is None else argv)])}: {bench_procs.ROOT} at {commit or '?'}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}\n"
          f"machine: {machine_speed()}")
    sys.stdout.flush()

    took = {}

    def timed(name: str, fn, *args):
        """Run one section; note its seconds and the load average as it began."""
        load, t0 = os.getloadavg()[0], time.time()
        result = fn(*args)
        took[name] = f"{name} {time.time() - t0:.0f} s (load {load:.1f})"
        return result

    if args.only & {"start", "first-export"}:
        sizes = timed("sizes", bench_procs.app_sizes)
    if "start" in args.only:
        start = timed("start-up", bench_procs.bench_startup, runs["start"], sizes)
        imports = timed("imports", bench_procs.startup_imports)
        memory = timed("memory", bench_procs.bench_memory, runs["memory"], runs["probe_edits"], sizes)
        report_start(start, imports, memory, runs["probe_edits"])
    if "cli" in args.only:
        report_cli(timed("CLI", bench_procs.bench_cli, runs["cli"]))
    if "first-export" in args.only:
        report_first_export(timed("first export", lambda: {
            delay: bench_procs.bench_cold_export(runs["cold"], delay) for delay in (0.0, 5.0)}))
    sys.stdout.flush()

    import bench_live  # Qt and the program in this process from here on

    if "edits" in args.only:
        report_edits(timed("edits", bench_live.bench_edits, runs["edits"]), runs["edits"])
    if "export" in args.only:
        report_warm_export(timed("warm export", bench_live.bench_exports, runs["exports"]))
    print("\nFloors: start-up and memory: a bare QMainWindow of the window's size with a FigureCanvasQTAgg of the\n"
          "chart's size holding a step plot (its N edits: set_ydata + draw). Edit to paint: a spin box whose change\n"
          "sets the data of three stacked time-of-day bands and the total (matplotlib, date tick labels, the plan's\n"
          "days), draws, and has a minimal table model over the plan's steps emit dataChanged for its rows.\n"
          "An edit ends after the last paint of chart or table (the chart at least), once none has come for 30 ms.")
    print(f"\nRun took {time.time() - began:.0f} s: {', '.join(took.values())}; at the end: load "
          f"{os.getloadavg()[0]:.1f}, {machine_speed()}.\nOther work on the machine slows both sides of a ratio, "
          "not always alike; CPU times are less slowed by it than wall times.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
