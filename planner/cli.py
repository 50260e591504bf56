"""The titration-planner command.

With no sub-command it opens the window; with one it works headless and imports only
planner.core, so it runs with no display.

Exit codes (a contract other tools read): 0 no blocking problem, 1 a blocking problem,
2 the input itself is unusable. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys

USAGE_NOTE = """\
Plan how a patient starts (and stops) gabapentin or pregabalin step by step.

  titration-planner [PLAN.json] [--screenshot OUT.png]     open the window (with that plan)
  titration-planner schedule PLAN.json [--format text|json|csv]
  titration-planner check PLAN.json [--format text|json]
"""

SUBCOMMANDS = ("schedule", "check")

EXIT_OK, EXIT_BLOCKING, EXIT_UNUSABLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for any unusable input
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="titration-planner", description=USAGE_NOTE.splitlines()[0])
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    s = sub.add_parser("schedule", help="print the day-by-day schedule of a plan file")
    s.add_argument("plan", metavar="PLAN.json")
    s.add_argument("--format", choices=("text", "json", "csv"), default="text")
    c = sub.add_parser("check", help="print the problems of a plan file")
    c.add_argument("plan", metavar="PLAN.json")
    c.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _utf8(stream) -> None:
    # Units print as "½ × 600 mg tablet": never let a narrow terminal encoding crash that.
    try:
        stream.reconfigure(encoding="utf-8", errors="replace")
    except (AttributeError, ValueError):
        pass


def _window_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="titration-planner", description=USAGE_NOTE,
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("plan", nargs="?", metavar="PLAN.json", help="a plan file to open")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="open the window, save a PNG of it after the first full paint, and exit")
    return p


def main(argv: list[str] | None = None) -> int:
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] not in SUBCOMMANDS:
        return _window(_window_parser().parse_args(argv))
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the contract is: never a traceback
        sys.stderr.write(f"titration-planner: internal error, please report it: {type(exc).__name__}: {exc}\n")
        return EXIT_UNUSABLE


def _window(args: argparse.Namespace) -> int:
    # Qt and matplotlib are imported only here, so the sub-commands need no display.
    try:
        from .app import run_window
    except ImportError as exc:
        sys.stderr.write(f"titration-planner: the window cannot start: {exc}\n")
        return EXIT_UNUSABLE
    return run_window(args.plan, args.screenshot)


def _run(args: argparse.Namespace) -> int:
    from .core import formats
    from .core.plan import PlanError
    from .core.planfile import load_plan_file
    from .core.schedule import compute_schedule

    try:
        plan = load_plan_file(args.plan)
        schedule = compute_schedule(plan)
    except PlanError as exc:
        sys.stderr.write(f"titration-planner: {args.plan}: {exc}\n")
        return EXIT_UNUSABLE

    if args.command == "schedule":
        render = {"text": formats.schedule_to_text, "json": formats.schedule_to_json,
                  "csv": formats.schedule_to_csv}[args.format]
    else:
        render = {"text": formats.problems_to_text, "json": formats.problems_to_json}[args.format]
    sys.stdout.write(render(schedule))
    return EXIT_BLOCKING if schedule.has_blocking else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
