"""The window's translations (Qt's translation system, resources/translations): every .ts holds
every message the code has now, each finished and with the English's {placeholders}, and each
committed .qm is what pyside6-lrelease makes from its .ts (tools/translations.py refreshes both)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from string import Formatter

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations as tool  # noqa: E402

TS_FILES = tool.ts_files()
needs_tools = pytest.mark.skipif(shutil.which("pyside6-lupdate") is None or shutil.which("pyside6-lrelease") is None,
                                 reason="PySide6's lupdate and lrelease are not installed")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            out[(name, m.findtext("source"))] = m
    return out


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text or "") if name}


def test_there_is_a_spanish_translation():
    assert [ts.name for ts in TS_FILES] == ["titration_planner_es.ts"]


@needs_tools
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_ts_holds_every_message_the_code_has(ts, tmp_path):
    fresh = tmp_path / "fresh.ts"
    tool.lupdate(fresh)
    found, held = set(messages(fresh)), set(messages(ts))
    assert found, "lupdate found no message in planner/app"
    assert sorted(found - held) == [], "new messages: run python3 tools/translations.py and translate them"
    assert sorted(held - found) == [], "messages the code no longer has: run python3 tools/translations.py"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated_with_the_same_placeholders(ts):
    for (context, source), m in messages(ts).items():
        t = m.find("translation")
        where = f"{ts.name} {context}: {source!r}"
        assert t is not None and t.get("type") not in ("unfinished", "vanished", "obsolete"), where
        assert (t.text or "").strip(), where
        assert placeholders(t.text) == placeholders(source), where
        # An Alt letter in the English has one in the translation too (one &, not &&).
        if re.search(r"&[^&\s]", source.replace("&&", "")):
            assert len(re.findall(r"&[^&\s]", t.text.replace("&&", ""))) == 1, where


@needs_tools
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_is_made_from_the_ts(ts, tmp_path):
    made = tmp_path / "made.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(made)], check=True)
    assert made.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run python3 tools/translations.py"


def test_the_qm_loads_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    t = QTranslator()
    assert t.load(str(ROOT / "resources" / "translations" / "titration_planner_es.qm"))
    QCoreApplication.installTranslator(t)
    try:
        assert QCoreApplication.translate("Menu", "&File") == "&Archivo"
        assert QCoreApplication.translate("Window", "Dispense for the whole plan: {items}").format(items="x") == \
            "Dispensar para todo el plan: x"
    finally:
        QCoreApplication.removeTranslator(t)
    assert QCoreApplication.translate("Menu", "&File") == "&File"
