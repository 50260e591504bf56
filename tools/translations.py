"""The window's translations (Qt's translation system): refresh the .ts files from the code and
compile them to the .qm files the window loads.

    python3 tools/translations.py            # every language: lupdate, then lrelease
    python3 tools/translations.py --new fr   # start titration_planner_fr.ts (every message unfinished)
    python3 tools/translations.py --check    # exit 1 if a .ts is not current or has an unfinished message

pyside6-lupdate reads every translate("Context", "English text") in planner/app (a `#:` comment
above a call is the translator's note) and updates resources/translations/titration_planner_<code>.ts:
new messages come in unfinished, messages the code no longer has are dropped. A translator fills
the <translation> beside each English <source> (Qt Linguist, or any text editor), keeping the
{placeholders}; pyside6-lrelease then writes titration_planner_<code>.qm beside it (committed, and
shipped as package data). tests/app/test_window_translations.py checks that each .ts is current
and complete and that each .qm is what lrelease makes from it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "planner" / "app"
FOLDER = ROOT / "resources" / "translations"
PREFIX = "titration_planner_"


def ts_files() -> list[Path]:
    return sorted(FOLDER.glob(f"{PREFIX}*.ts"))


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6)")
    return found


def lupdate(ts: Path, language: str | None = None) -> None:
    """Refresh ts from the code (no line numbers, so a change of code elsewhere leaves it alone)."""
    args = [_tool("pyside6-lupdate"), *sorted(str(p) for p in SOURCES.glob("*.py")), "-locations", "none",
            "-no-obsolete", "-silent"]
    if language:
        args += ["-target-language", language]
    subprocess.run(args + ["-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(ts: Path) -> list[str]:
    """The English sources of the messages with no finished translation."""
    text = ts.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"<message.*?>(.*?)</message>", text, re.S):
        body = m.group(1)
        src = re.search(r"<source>(.*?)</source>", body, re.S)
        if 'type="unfinished"' in body or 'type="vanished"' in body or re.search(r"<translation>\s*</translation>", body):
            out.append(src.group(1) if src else body[:60])
    return out


def check() -> int:
    bad = 0
    for ts in ts_files():
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate(copy)
            if copy.read_text(encoding="utf-8") != ts.read_text(encoding="utf-8"):
                print(f"{ts.name}: not current: run python3 tools/translations.py")
                bad += 1
            qm = lrelease(copy, Path(tmp) / "made.qm")
            if qm.read_bytes() != ts.with_suffix(".qm").read_bytes() if ts.with_suffix(".qm").exists() else True:
                print(f"{ts.with_suffix('.qm').name}: not made from the .ts: run python3 tools/translations.py")
                bad += 1
        for src in unfinished(ts):
            print(f"{ts.name}: unfinished: {src}")
            bad += 1
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--new", metavar="CODE", help="start the .ts of a new language (its text catalogue too: README)")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    FOLDER.mkdir(parents=True, exist_ok=True)
    if args.new:
        lupdate(FOLDER / f"{PREFIX}{args.new}.ts", args.new)
    for ts in ts_files():
        lupdate(ts)
        lrelease(ts)
        left = unfinished(ts)
        print(f"{ts.name}: {'complete' if not left else f'{len(left)} unfinished'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
