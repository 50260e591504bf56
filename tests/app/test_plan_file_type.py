"""A plan saved for the desktop (issue 18): Save As offers the plan file type (*.tplan, the
plan JSON with its own extension, which the desktop opens in the planner) first and .json
beside it; Open reads either; the window has the program's icon."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from planner.app.app_identity import APP_ID, window_icon
from planner.app.main_window import MainWindow
from planner.files.planfile import load_plan_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "gabapentin-phn-default.json"


def _save_as(win, monkeypatch, answer, chosen_index):
    """Save As, the dialog answering answer with its filter number chosen_index; what it was offered."""
    offered = {}

    def dialog(parent, title, suggested, filters, selected):
        offered.update(suggested=suggested, filters=filters.split(";;"), selected=selected)
        return str(answer), offered["filters"][chosen_index]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert win.save_as()
    return offered


def test_save_as_offers_the_plan_file_type_first(win, monkeypatch, tmp_path):
    offered = _save_as(win, monkeypatch, tmp_path / "alex", 0)
    assert offered["filters"] == ["Titration plan (*.tplan)", "Titration plan as JSON (*.json)"]
    assert offered["selected"] == offered["filters"][0] and offered["suggested"].endswith("plan.tplan")
    saved = tmp_path / "alex.tplan"
    assert win.current_file == saved and load_plan_file(saved) == win.plan
    assert saved.read_bytes().lstrip().startswith(b"{")  # the plan JSON as it is


def test_save_as_json_when_that_filter_is_chosen(win, monkeypatch, tmp_path):
    _save_as(win, monkeypatch, tmp_path / "alex", 1)
    assert win.current_file == tmp_path / "alex.json" and load_plan_file(tmp_path / "alex.json") == win.plan


def test_a_json_plan_is_saved_again_as_json_unless_asked(win, monkeypatch, tmp_path):
    _save_as(win, monkeypatch, tmp_path / "old.json", 1)
    offered = _save_as(win, monkeypatch, tmp_path / "copy", 1)
    assert offered["suggested"].endswith("old.json") and offered["selected"] == offered["filters"][1]
    assert (tmp_path / "copy.json").is_file()


def test_a_plan_file_opens_whatever_its_extension(win, qtbot, settings, monkeypatch, tmp_path):
    _save_as(win, monkeypatch, tmp_path / "alex.tplan", 0)
    other = MainWindow(settings=settings)
    qtbot.addWidget(other)
    assert other.open_plan(tmp_path / "alex.tplan") and other.plan == win.plan
    seen = {}

    def dialog(parent, title, folder, filters):
        seen["filters"] = filters
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    other.open_plan()
    assert seen["filters"].startswith("Titration plans (*.tplan *.json)")


def test_the_window_icon_is_the_programs_svg(qapp):
    icon = window_icon()
    assert not icon.isNull()
    for n in (16, 48, 256):
        assert not icon.pixmap(n, n).isNull()


def test_the_program_names_its_menu_entry_and_icon(tmp_path):
    # In a fresh process: the desktop matches the window to the installed entry by this name.
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication(sys.argv[:1])\n"
            "from planner.app.launch import run_window\n"
            "assert run_window(%r, %r) == 0\n"
            "print(app.desktopFileName(), app.windowIcon().isNull())") % (str(EXAMPLE), str(tmp_path / "w.png"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [APP_ID, "False"]
