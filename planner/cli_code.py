"""`titration-planner from-code`: the plan file of a code on the paper (issue 18), from the
code's text (what a hand scanner types, or a copy of it) or from an image of the printed code.

  from-code TEXT [-o PLAN.json]           the code's text (spaces, line breaks and case ignored;
                                          "-" reads it from stdin)
  from-code --image FILE [-o PLAN.json]   a photo or scan of the code (PNG, JPEG, ...)

The plan is read back through the plan-file rules (planner.files.plan_code.decode_plan), so what
it writes is a file the other commands open; to stdout, or with -o by the verified write of
`new` (read back from disk before it replaces the file). Input it cannot use exits 2 with one
line naming the input, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from planner.cli_new import write_verified
from planner.export.code_image import CodeImageError, code_text_from_image
from planner.files.plan_code import PlanCodeError, decode_plan
from planner.files.planfile import dump_plan
from planner.text.catalogue import say

EXIT_OK, EXIT_UNUSABLE = 0, 2
SHOWN = 16  # the start of a code shown in a message, so the line stays short


def add_parser(sub) -> argparse.ArgumentParser:
    c = sub.add_parser("from-code", help="write the plan file held by a plan code (its text, or an image of it)")
    c.add_argument("text", nargs="*", metavar="TEXT",
                   help="the code's text, as a scanner types it (spaces and line breaks are ignored; - reads stdin)")
    c.add_argument("--image", metavar="FILE", help="an image (photo or scan) of the printed code")
    c.add_argument("-o", "--output", metavar="PLAN.json", help="the plan file to write (default: stdout)")
    return c


def _shown(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= SHOWN else one[:SHOWN] + "..."


def _fail(what: str, message: str) -> int:
    sys.stderr.write(say("cli.from-code.error", what=what, message=message) + "\n")
    return EXIT_UNUSABLE


def run(args: argparse.Namespace) -> int:
    if args.image is not None and args.text:
        return _fail("--image", say("cli.from-code.text-and-image"))
    if args.image is None and not args.text:
        return _fail("TEXT", say("cli.from-code.nothing"))
    if args.image is not None:
        what = "--image"
        try:
            text = code_text_from_image(args.image)
        except CodeImageError as exc:
            return _fail(what, str(exc))
    else:
        text = sys.stdin.read() if args.text == ["-"] else "".join(args.text)
        what = _shown(text) or "TEXT"
    try:
        plan = decode_plan(text)
    except PlanCodeError as exc:
        return _fail(what, str(exc))
    out = dump_plan(plan)
    if args.output is None:
        sys.stdout.write(out)
        return EXIT_OK
    try:
        write_verified(out, plan, args.output)
    except OSError as exc:
        return _fail("-o", say("cli.from-code.cannot-write", path=args.output, why=exc.strerror or str(exc)))
    sys.stdout.write(say("cli.from-code.wrote", path=args.output) + "\n")
    return EXIT_OK


__all__ = ["add_parser", "run"]
