"""`titration-planner new`: a new plan file from the label's template for a drug and indication
(planner.domain.templates), which `schedule`, `check` and `export` accept.

  new --drug DRUG --indication ID [--kind start|change|stop] [--start YYYY-MM-DD|today]
      [--target MG] [--review YYYY-MM-DD] [--current TIME=MG,...] [-o PLAN.json]
      off-label (--indication off_label): --max MG --reason TEXT, and for a start
      --start-dose MG --increment MG --step-days N (the label gives no start for it)

The plan is written to stdout, or with -o to the file by the project's verified write: the
bytes are read back from disk and must parse to the same plan before they replace the file.
Every input the command cannot use exits 2 with a message naming the option; the plan is read
back through the plan-file rules (planner.files) before it is written, so what `new` writes
is a file the other commands open.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from planner.domain.plan import OFF_LABEL, SLOTS, OffLabel, Plan, PlanError
from planner.domain.profiles import drug_ids, load_profile
from planner.domain.schema import MAX_DOSE_MG, MAX_REASON, MAX_STEP_DAYS
from planner.domain.templates import default_review_date, label_template
from planner.files import safefile
from planner.files.planfile import dump_plan, parse_plan_text
from planner.text.catalogue import say

KINDS = ("start", "change", "stop")
EXIT_OK, EXIT_UNUSABLE = 0, 2


class Unusable(Exception):
    """An option the command cannot use: its name and why, worded."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message


def add_parser(sub) -> argparse.ArgumentParser:
    n = sub.add_parser("new", help="write a new plan from the label's start for a drug and indication")
    n.add_argument("--drug", required=True, metavar="DRUG")
    n.add_argument("--indication", required=True, metavar="ID")
    n.add_argument("--kind", default="start", metavar="start|change|stop")
    n.add_argument("--start", default="today", metavar="YYYY-MM-DD|today", help="day 1 (default: today)")
    n.add_argument("--target", metavar="MG", help="the daily dose to reach (default: the label's)")
    n.add_argument("--review", metavar="YYYY-MM-DD", help="the review date (default: 4 weeks after the target)")
    n.add_argument("--current", metavar="TIME=MG,...",
                   help="today's doses for change and stop plans, e.g. morning=300,midday=300,bedtime=600")
    n.add_argument("--max", metavar="MG", help="off-label: the maximum daily dose the prescriber states")
    n.add_argument("--reason", metavar="TEXT", help="off-label: why the drug is used")
    n.add_argument("--start-dose", metavar="MG", help="the first daily dose (off-label: required for a start)")
    n.add_argument("--increment", metavar="MG", help="the daily dose added each step")
    n.add_argument("--step-days", metavar="N", help="the days each step lasts")
    n.add_argument("-o", "--output", metavar="PLAN.json", help="the file to write (default: stdout)")
    return n


def run(args: argparse.Namespace) -> int:
    try:
        plan = build(args)
        text = checked_text(plan)
    except Unusable as exc:
        sys.stderr.write(say("cli.new.error", option=exc.option, message=exc.message) + "\n")
        return EXIT_UNUSABLE
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_verified(text, plan, args.output)
    except OSError as exc:
        sys.stderr.write(say("cli.new.error", option="-o", message=say(
            "cli.new.cannot-write", path=args.output, why=exc.strerror or str(exc))) + "\n")
        return EXIT_UNUSABLE
    sys.stdout.write(say("cli.new.wrote", path=args.output) + "\n")
    return EXIT_OK


def build(args: argparse.Namespace) -> Plan:
    if args.drug not in drug_ids():
        raise Unusable("--drug", say("cli.new.unknown-drug", drug=args.drug, choices=", ".join(drug_ids())))
    profile = load_profile(args.drug)
    known = tuple(i.id for i in profile.indications)
    if args.indication not in known:
        raise Unusable("--indication", say("cli.new.unknown-indication", indication=args.indication,
                                           drug=profile.name, choices=", ".join(known)))
    if args.kind not in KINDS:
        raise Unusable("--kind", say("cli.new.unknown-kind", kind=args.kind, choices=", ".join(KINDS)))
    start = _date("--start", args.start, allow_today=True)
    review = _date("--review", args.review) if args.review is not None else None
    if review is not None and review < start:
        raise Unusable("--review", say("cli.new.review-before-start", review=review.isoformat(),
                                       start=start.isoformat()))
    target = _mg("--target", args.target)
    current = parse_current(args.current) if args.current is not None else None
    _fits_kind(args, current, target, review)

    plan = label_template(profile.id, args.indication, start, args.kind, current=current, target_mg=target,
                          review_date=review)
    off_label = args.indication == OFF_LABEL
    changes = {k: v for k, v in (("start_dose_mg", _mg("--start-dose", args.start_dose)),
                                 ("increment_mg", _mg("--increment", args.increment)),
                                 ("step_days", _days("--step-days", args.step_days))) if v is not None}
    if args.kind == "stop" and changes:
        option = {"start_dose_mg": "--start-dose", "increment_mg": "--increment", "step_days": "--step-days"}
        raise Unusable(option[next(iter(changes))], say("cli.new.not-for-stop"))
    if args.kind == "change" and "start_dose_mg" in changes:
        raise Unusable("--start-dose", say("cli.new.start-dose-not-for-change"))
    plan = replace(plan, **changes)
    plan = _off_label(args, plan, off_label)
    _needed(plan, off_label)
    if plan.maintenance == "review" and review is None:
        plan = replace(plan, review_date=default_review_date(plan, profile))
    return plan


def _fits_kind(args: argparse.Namespace, current, target, review) -> None:
    if args.kind in ("change", "stop") and current is None:
        raise Unusable("--current", say("cli.new.current-needed", kind=args.kind))
    if args.kind == "start" and current is not None:
        raise Unusable("--current", say("cli.new.current-not-for-start"))
    if args.kind == "stop" and target is not None:
        raise Unusable("--target", say("cli.new.target-not-for-stop"))
    if args.kind == "stop" and review is not None:
        raise Unusable("--review", say("cli.new.review-not-for-stop"))


def _off_label(args: argparse.Namespace, plan: Plan, off_label: bool) -> Plan:
    if not off_label:
        for option, value in (("--max", args.max), ("--reason", args.reason)):
            if value is not None:
                raise Unusable(option, say("cli.new.only-off-label"))
        return plan
    maximum = _mg("--max", args.max)
    if maximum is None:
        raise Unusable("--max", say("cli.new.off-label-needs", what=say("cli.new.off-label-max")))
    reason = (args.reason or "").strip()
    if not reason:
        raise Unusable("--reason", say("cli.new.off-label-needs", what=say("cli.new.off-label-reason")))
    if len(reason) > MAX_REASON or "\n" in reason:
        raise Unusable("--reason", say("cli.new.reason-too-long", most=MAX_REASON))
    return replace(plan, off_label=OffLabel(max_daily_mg=maximum, reason=reason))


def _needed(plan: Plan, off_label: bool) -> None:
    """Off-label plans have no label start: the numbers the kind needs must be given."""
    if plan.kind == "start":
        for option, value in (("--start-dose", plan.start_dose_mg), ("--increment", plan.increment_mg),
                              ("--step-days", plan.step_days), ("--target", plan.target_dose_mg)):
            if value is None:
                raise Unusable(option, say("cli.new.needed-off-label" if off_label else "cli.new.needed"))
        if plan.target_dose_mg < plan.start_dose_mg:
            raise Unusable("--target", say("cli.new.target-below-start", target=plan.target_dose_mg,
                                           start=plan.start_dose_mg))
    if plan.kind == "change":
        if plan.target_dose_mg is None:
            raise Unusable("--target", say("cli.new.needed-off-label" if off_label else "cli.new.needed"))
        now = sum(mg for _, mg in plan.current)
        if plan.target_dose_mg > now:
            for option, value in (("--increment", plan.increment_mg), ("--step-days", plan.step_days)):
                if value is None:
                    raise Unusable(option, say("cli.new.needed-to-rise"))


def parse_current(text: str) -> tuple[tuple[str, int], ...]:
    """'morning=300,midday=300,bedtime=600' -> (('morning', 300), ...) in slot order, zeros left out."""
    found: dict[str, int] = {}
    for part in text.split(","):
        slot, sep, mg = part.strip().partition("=")
        slot = slot.strip()
        if not sep:
            raise Unusable("--current", say("cli.new.current-shape", part=part.strip()))
        if slot not in SLOTS:
            raise Unusable("--current", say("cli.new.unknown-time", time=slot, choices=", ".join(SLOTS)))
        if slot in found:
            raise Unusable("--current", say("cli.new.time-twice", time=slot))
        found[slot] = _whole("--current", mg.strip(), 0, MAX_DOSE_MG)
    if not any(found.values()):
        raise Unusable("--current", say("cli.new.current-empty"))
    return tuple((s, found[s]) for s in SLOTS if found.get(s))


def _whole(option: str, text: str, low: int, high: int) -> int:
    if not (text.isascii() and text.isdigit()):
        raise Unusable(option, say("cli.new.not-whole", value=text, low=low, high=f"{high:,}"))
    n = int(text)
    if not low <= n <= high:
        raise Unusable(option, say("cli.new.out-of-range", value=n, low=low, high=f"{high:,}"))
    return n


def _mg(option: str, text: str | None) -> int | None:
    return None if text is None else _whole(option, text.strip(), 1, MAX_DOSE_MG)


def _days(option: str, text: str | None) -> int | None:
    return None if text is None else _whole(option, text.strip(), 1, MAX_STEP_DAYS)


def _date(option: str, text: str, allow_today: bool = False) -> date:
    if allow_today and text == "today":
        return date.today()
    try:
        if len(text) != 10 or not text.isascii():
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise Unusable(option, say("cli.new.bad-date", value=text)) from None


def checked_text(plan: Plan) -> str:
    """The plan file's text, once the plan-file rules read it back as the same plan."""
    text = dump_plan(plan)
    try:
        again = parse_plan_text(text)
    except PlanError as exc:
        from planner.text.errors import worded

        first = exc.errors[0].field if exc.errors else "drug"
        raise Unusable(_OPTION_FOR.get(first.split("[", 1)[0], "--indication"), str(worded(exc))) from None
    if again != plan:
        raise Unusable("-o", say("cli.new.read-back-differs"))
    return text


# The option that sets a plan-file field, to name it when the plan-file rules refuse the field.
_OPTION_FOR = {"drug": "--drug", "indication": "--indication", "kind": "--kind", "start_date": "--start",
               "start_dose_mg": "--start-dose", "increment_mg": "--increment", "step_days": "--step-days",
               "target_dose_mg": "--target", "review_date": "--review", "current": "--current",
               "off_label": "--max", "off_label.max_daily_mg": "--max", "off_label.reason": "--reason"}


def write_verified(text: str, plan: Plan, path: str) -> None:
    data = text.encode("utf-8")

    def verify(tmp: str) -> None:
        on_disk = Path(tmp).read_bytes()
        if on_disk != data or parse_plan_text(on_disk.decode("utf-8")) != plan:
            raise OSError(say("cli.new.read-back-differs"))

    safefile.write_bytes(Path(path), data, verify)
