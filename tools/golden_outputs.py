"""What every example plan gives through the command line, every export and the window,
written as text: tests/test_golden_outputs.py compares it with tests/golden/, so a
redesign can show its output is byte-for-byte what it was.

    python tools/golden_outputs.py            # print differences from tests/golden/
    python tools/golden_outputs.py --write    # (re)write tests/golden/ from this code

The PDF (A4 with every page, Letter in large print with the patient's pages, A4 landscape) is
compared by its pages' size and extracted text (pypdf); the calendar with its
DTSTAMP, LAST-MODIFIED and SEQUENCE
(all from the moment of writing) left out; the window by its title, table, dispense line,
kidney line and problems list.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
sys.path.insert(0, str(ROOT))
TODAY = "2026-06-01"  # fixed, so "printed on" and "start date in the past" repeat


def examples() -> list[Path]:
    return sorted((ROOT / "resources" / "examples").glob("*.json"))


def _cli(args: list[str]) -> str:
    from planner.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse
            code = exc.code
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    r = PdfReader(str(path))
    parts = []
    for i, page in enumerate(r.pages, 1):
        box = page.mediabox
        parts.append(f"=== page {i} ({float(box.width):.1f} x {float(box.height):.1f} pt)\n{page.extract_text()}\n")
    return "".join(parts)


def cli_outputs(example: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    plan = str(example)
    for fmt in ("text", "json", "csv"):
        out[f"schedule.{fmt}"] = _cli(["schedule", plan, "--format", fmt, "--today", TODAY])
    for fmt in ("text", "json"):
        out[f"check.{fmt}"] = _cli(["check", plan, "--format", fmt, "--today", TODAY])
    with tempfile.TemporaryDirectory() as tmp:
        # The whole printout (the clinician's page asked for), the patient's pages as printed by
        # default in large print, and landscape.
        for name, extra in (("a4.pdf", ["--paper", "A4", "--pages", "all"]),
                            ("letter-large.pdf", ["--paper", "Letter", "--large-print"]),
                            ("a4-landscape.pdf", ["--paper", "A4", "--landscape"]),
                            ("plan.csv", []), ("plan.ics", [])):
            target = Path(tmp) / name
            log = _cli(["export", plan, "-o", str(target), "--today", TODAY, *extra]).replace(tmp, "<tmp>")
            body = ""
            if target.exists():
                if name.endswith(".pdf"):
                    body = _pdf_text(target)
                else:
                    body = target.read_text(encoding="utf-8")
                    if name.endswith(".ics"):  # unfolded; the moment of writing left out
                        body = re.sub(r"\r?\n[ \t]", "", body)
                        body = re.sub(r"(DTSTAMP|LAST-MODIFIED):[0-9TZ]+", r"\1:<now>", body)
                        body = re.sub(r"SEQUENCE:[0-9]+", "SEQUENCE:<from now>", body)
            out[f"export.{name}"] = f"{log}--- file\n{body}"
    return out


def window_outputs(example: Path) -> str:
    """What the window shows for the plan: title, table, dispense line, kidney line, problems.
    Reads the window through what it shows (models, labels, list items)."""
    from datetime import date

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from planner.files.planfile import load_plan_file
    from planner.app.main_window import MainWindow

    app = QApplication.instance()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "golden.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)
    w.today = lambda: date.fromisoformat(TODAY)  # this window only: other tests keep the real today
    try:
        w.load_plan(load_plan_file(example), example)
        app.processEvents()
        lines = [f"title: {w.windowTitle()}"]
        m = w.table.model()
        heads = [str(m.headerData(c, Qt.Horizontal, Qt.DisplayRole)) for c in range(m.columnCount())]
        lines.append("table: " + " | ".join(heads))
        for r in range(m.rowCount()):
            lines.append("  " + " | ".join(str(m.data(m.index(r, c), Qt.DisplayRole)) for c in range(m.columnCount())))
        lines.append(f"dispense: {w.dispense.text()}")
        lines.append(f"kidney: {w.form.kidney_result.text()}")
        p = w.problems
        lines.append("problems:")
        lines.extend(f"  {p.item(i).text()}" for i in range(p.count()))
        return "\n".join(lines) + "\n"
    finally:
        w.undo_stack.setClean()
        w.close()
        w.deleteLater()


def all_outputs() -> dict[str, str]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # before a PDF export makes a QGuiApplication
    got: dict[str, str] = {}
    for ex in examples():
        for key, text in cli_outputs(ex).items():
            got[f"{ex.stem}/{key}"] = text
        got[f"{ex.stem}/window"] = window_outputs(ex)
    return got


def main(argv: list[str]) -> int:
    got = all_outputs()
    if "--write" in argv:
        for key, text in got.items():
            path = GOLDEN / f"{key}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"wrote {len(got)} files under {GOLDEN}")
        return 0
    differ = [k for k, t in got.items() if not (GOLDEN / f"{k}.txt").exists()
              or (GOLDEN / f"{k}.txt").read_text(encoding="utf-8") != t]
    for k in differ:
        print(f"differs: {k}")
    print(f"{len(got) - len(differ)} of {len(got)} outputs as in tests/golden/")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
