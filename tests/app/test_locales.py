"""tests/app/test_number_entry.py again under each desktop locale the issue names.

Qt reads the locale from LC_ALL/LC_NUMERIC/LANG once, when it starts, so each locale runs in
a child process of its own. A locale the system has not generated fails here with how to
generate it: Qt would still pick its decimal mark from the name, but the C library (dates,
which Qt switches to the desktop's locale) would fall back to C, and the run would not be
the desktop the clinician has.
"""

import json
import locale
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8", "C")


def _installed(name: str) -> bool:
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, name)
        return True
    except locale.Error:
        return False
    finally:
        locale.setlocale(locale.LC_ALL, saved)


# Qt's (decimal mark, group separator) for each.
MARKS = {"de_DE.UTF-8": [",", "."], "fr_FR.UTF-8": [",", "\u202f"], "en_US.UTF-8": [".", ","], "C": [".", ","]}


@pytest.mark.parametrize("name", LOCALES)
def test_number_entry_under_locale(name, tmp_path):
    assert _installed(name), (
        f"the locale {name} is not installed: enable it in /etc/locale.gen and run locale-gen "
        "(as .ci/run does), or on Debian: apt-get install locales")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    report = tmp_path / "locale.json"
    env.update(LC_ALL=name, LANG=name, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               NUMBER_ENTRY_REPORT=str(report))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/app/test_number_entry.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    out = run.stdout + run.stderr
    tail = out[-6000:]
    assert run.returncode == 0, f"tests/app/test_number_entry.py failed under {name}:\n{tail}"
    assert " passed" in out and "skipped" not in out and "deselected" not in out, tail
    # The child ran under this locale: Qt's marks there are this locale's, not C's.
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["marks"] == MARKS[name], f"under {name} Qt used the locale {seen}"
