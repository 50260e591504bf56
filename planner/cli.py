"""The titration-planner command.

With no sub-command it opens the window; with one it works headless and imports only
planner.core (and planner.export), so it runs with no display. Only `export -o OUT.pdf`
loads Qt, and draws offscreen.

Exit codes (a contract other tools read): 0 no blocking problem, 1 a blocking problem,
2 the input itself is unusable. Never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys

USAGE_NOTE = """\
Plan how a patient starts (and stops) gabapentin or pregabalin step by step.

  titration-planner [PLAN.json] [--screenshot OUT.png]     open the window (with that plan)
  titration-planner schedule PLAN.json [--format text|json|csv] [--today YYYY-MM-DD]
  titration-planner check PLAN.json [--format text|json] [--today YYYY-MM-DD]
  titration-planner export PLAN.json -o OUT.pdf|OUT.csv|OUT.ics|OUT.fhir.json [--paper A4|Letter] [--large-print]
                    [--landscape] [--pages patient|clinician|all] [--emergency-number NUMBER]
                    [--no-tick-chart] [--code-on-patient-pages] [--code-with-patient] [--today YYYY-MM-DD]
  titration-planner new --drug DRUG --indication ID [--kind start|change|stop] [--start YYYY-MM-DD|today]
                    [--target MG] [--review YYYY-MM-DD] [--current TIME=MG,...] [-o PLAN.json]
  titration-planner from-code (TEXT | --image FILE) [-o PLAN.json]
  titration-planner install-desktop [--uninstall] [--data-home DIR]
"""

SUBCOMMANDS = ("schedule", "check", "export", "new", "from-code", "install-desktop")

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
    e = sub.add_parser("export", help="write the patient's plan as a PDF, a CSV or phone reminders (.ics), "
                       "or a FHIR record for the health record (.fhir.json)")
    e.add_argument("plan", metavar="PLAN.json")
    e.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.csv|OUT.ics|OUT.fhir.json",
                   help="the file to write; its suffix chooses the format")
    e.add_argument("--paper", choices=("A4", "Letter"), default=None,
                   help="PDF paper size (default: the usual size where you are)")
    e.add_argument("--large-print", action="store_true", help="PDF in large print")
    e.add_argument("--landscape", action="store_true", help="PDF pages turned sideways (default: portrait)")
    e.add_argument("--pages", choices=("patient", "clinician", "all"), default="patient",
                   help="PDF: the patient's pages (default), the prescriber's and pharmacy's page, or both")
    e.add_argument("--emergency-number", metavar="NUMBER", type=_emergency_number, default=None,
                   help="PDF: the emergency number the patient's pages print (default: the one where you are, "
                        "911, 999, 112, ...)")
    e.add_argument("--no-tick-chart", action="store_true",
                   help="PDF: no month tick chart; each step prints a tick box per day instead")
    e.add_argument("--code-on-patient-pages", action="store_true",
                   help="PDF: print the plan's code on the patient's pages too (the clinician's page always has it)")
    e.add_argument("--code-with-patient", action="store_true",
                   help="PDF: put the patient's name, identifier and date of birth in the plan's code "
                        "(default: left out)")
    e.add_argument("--language", metavar="CODE", type=_language, default=None,
                   help="the language of the patient's pages, calendar or CSV (default: the plan's "
                        "handout_language): " + ", ".join(_language_codes()))
    for cmd in (s, c, e):
        # A start date in the past is a warning; --today makes that check repeatable in scripts.
        cmd.add_argument("--today", metavar="YYYY-MM-DD", type=_iso_date, default=None,
                         help="the date a start date in the past is judged against, and a PDF says it was printed on "
                              "(default: today)")
    from planner import cli_new

    cli_new.add_parser(sub)
    from planner import cli_code

    cli_code.add_parser(sub)
    d = sub.add_parser("install-desktop", help="add Titration Planner to this user's applications menu, with its "
                       "icon and the plan file type (*.tplan)")
    d.add_argument("--uninstall", action="store_true", help="remove exactly what install-desktop installed")
    d.add_argument("--data-home", metavar="DIR", default=None,
                   help="where to install (default: $XDG_DATA_HOME, else ~/.local/share)")
    return p


def _iso_date(text: str):
    from datetime import date

    try:
        if len(text) != 10 or not text.isascii():
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date written YYYY-MM-DD; got {text!r}") from None


def _emergency_number(text: str) -> str:
    from planner.export.print_options import EMERGENCY_NUMBER_MAX, is_emergency_number

    if not is_emergency_number(text):
        raise argparse.ArgumentTypeError(
            f"must be a phone number of at least 2 digits, starting with a digit or +, with only digits, spaces, + and - (at most {EMERGENCY_NUMBER_MAX} characters); "
            f"got {text!r}")
    return text.strip()


def _language_codes() -> tuple[str, ...]:
    from planner.domain.languages import handout_languages

    return handout_languages()


def _language_names() -> list[str]:
    from planner.domain.languages import handout_languages
    from planner.text.catalogue import catalogue

    return [f"{code} ({catalogue(code).english_name})" for code in handout_languages()]


def _language(text: str) -> str:
    from planner.domain.languages import handout_languages

    if text not in handout_languages():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language the handout can be printed in; the supported ones are "
            + ", ".join(_language_names()))
    return text


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
        if args.command == "new":
            from planner import cli_new

            return cli_new.run(args)
        if args.command == "from-code":
            from planner import cli_code

            return cli_code.run(args)
        if args.command == "install-desktop":
            from planner.app import desktop_install  # Qt draws the icons: imported only here

            return desktop_install.run(args)
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the contract is: never a traceback
        sys.stderr.write(f"titration-planner: internal error, please report it: {type(exc).__name__}: {exc}\n")
        return EXIT_UNUSABLE


def _window(args: argparse.Namespace) -> int:
    # Qt and matplotlib are imported only here, so the sub-commands need no display.
    try:
        from planner.app.launch import run_window
    except ImportError as exc:
        sys.stderr.write(f"titration-planner: the window cannot start: {exc}\n")
        return EXIT_UNUSABLE
    return run_window(args.plan, args.screenshot)


def _run(args: argparse.Namespace) -> int:
    from planner.export import formats
    from planner.domain.plan import PlanError
    from planner.files.planfile import load_plan_file
    from planner.domain.schedule import compute_schedule

    if args.command == "export":
        from planner.export.registry import format_for

        try:
            format_for(args.output)
        except ValueError as exc:
            sys.stderr.write(f"titration-planner: -o: {args.output}: {exc}\n")
            return EXIT_UNUSABLE

    try:
        plan = load_plan_file(args.plan)
        if getattr(args, "language", None):
            import dataclasses

            plan = dataclasses.replace(plan, handout_language=args.language)
        schedule = compute_schedule(plan, today=args.today)
    except PlanError as exc:
        from planner.text.errors import worded

        sys.stderr.write(f"titration-planner: {args.plan}: {worded(exc)}\n")
        return EXIT_UNUSABLE

    if args.command == "export":
        return _export(args, schedule)
    if args.command == "schedule":
        render = {"text": formats.schedule_to_text, "json": formats.schedule_to_json,
                  "csv": formats.schedule_to_csv}[args.format]
    else:
        render = {"text": formats.problems_to_text, "json": formats.problems_to_json}[args.format]
    sys.stdout.write(render(schedule))
    return EXIT_BLOCKING if schedule.has_blocking else EXIT_OK


@contextlib.contextmanager
def _terminate_cleanly():
    """A SIGTERM mid-export unwinds like an exception, so the temporary file beside the
    output is removed (kill -9 cannot be caught: the next write there removes it)."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave the handling as it is
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _export(args: argparse.Namespace, schedule) -> int:
    """Write the plan only when no blocking problem is left without a recorded override."""
    import dataclasses

    from planner.export import formats
    from planner.text.problems import stale_override_text
    from planner.export.files import verified_write
    from planner.export.registry import format_for

    out = args.output
    if schedule.unresolved_blocking:
        unresolved = dataclasses.replace(schedule, problems=schedule.unresolved_blocking)
        sys.stdout.write(formats.problems_to_text(unresolved))
        n = len(schedule.unresolved_blocking)
        for p in schedule.unresolved_blocking:
            stale = schedule.stale_override_for(p)
            if stale is not None:
                sys.stderr.write(f"titration-planner: {p.code}: {stale_override_text(stale, p)}\n")
        sys.stderr.write(f"titration-planner: {out} not written: {n} blocking problem{'s' if n > 1 else ''} "
                         f"with no override recorded in the plan file (\"overrides\")\n")
        return EXIT_BLOCKING
    if not schedule.exportable:  # no days at all
        sys.stderr.write(f"titration-planner: {out} not written: the plan has no schedule to export\n")
        return EXIT_BLOCKING

    fmt = format_for(out)
    if fmt.uses_qt and sys.platform not in ("win32", "darwin"):
        # A headless command never needs the display, and a stale DISPLAY would abort Qt.
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        # --today is also the date the page says it was printed on, so a script's PDF is repeatable.
        options = fmt.make_options(paper=args.paper, large_print=args.large_print, printed_on=args.today,
                                   orientation="landscape" if args.landscape else "portrait", part=args.pages,
                                   tick_chart=not args.no_tick_chart, emergency_number=args.emergency_number,
                                   code_on_patient_pages=args.code_on_patient_pages,
                                   code_with_patient=args.code_with_patient)
    except ImportError as exc:
        sys.stderr.write(f"titration-planner: -o: {out}: {fmt.name.upper()} export is not available: {exc}\n")
        return EXIT_UNUSABLE

    try:
        with _terminate_cleanly():
            what = verified_write(fmt, schedule, out, options)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        sys.stderr.write(f"titration-planner: -o: {out}: cannot write the file there: {reason}\n")
        return EXIT_UNUSABLE
    except ValueError as exc:
        sys.stderr.write(f"titration-planner: -o: {out}: {exc}\n")
        return EXIT_UNUSABLE
    sys.stdout.write(f"wrote {out} ({what})\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
