"""The window and its dialogs on a 1366x768 laptop and a 1920x1080 screen."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDialog

from planner.app.override_dialog import MAX_WIDTH, OverrideDialog
from planner.app.window_size import fit_window, window_size

LAPTOP = QRect(0, 0, 1366, 768)
DESKTOP = QRect(0, 0, 1920, 1080)


def test_the_window_takes_a_small_screen_and_most_of_a_large_one():
    assert window_size(QSize(1366, 768)) == QSize(1366, 768)
    # A window manager's title bar and borders are inside the available area too.
    assert window_size(QSize(1366, 728), QMargins(1, 30, 1, 1)) == QSize(1364, 697)
    big = window_size(QSize(1920, 1080))
    assert 1600 <= big.width() < 1920 and 1000 <= big.height() < 1080


def on_screen(widget, window) -> bool:
    """The widget is shown, has room, and lies inside the window."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = QRect(top_left, widget.size())
    return widget.isVisible() and widget.width() > 100 and widget.height() > 60 and window.rect().contains(inside)


def test_on_a_1366x768_laptop_every_panel_is_on_screen(win, qtbot):
    fit_window(win, LAPTOP)
    qtbot.waitUntil(lambda: LAPTOP.contains(win.frameGeometry()))
    assert win.frameGeometry().width() >= 1360  # all of it, frame included
    for panel in (win.form_scroll, win.canvas, win.table, win.problems):
        assert on_screen(panel, win), panel.accessibleName()
    # The form scrolls: its last field can be reached.
    last = win.form.widget_for("pharmacy.phone")
    win.focus_field("pharmacy.phone")
    assert win.form_scroll.viewport().rect().contains(
        QRect(last.mapTo(win.form_scroll.viewport(), QPoint(0, 0)), last.size()))


def test_on_a_1920x1080_screen_the_panels_share_the_room(win, qtbot):
    fit_window(win, DESKTOP)
    qtbot.waitUntil(lambda: win.width() > 1600)
    form, right = win.splitter.sizes()
    assert form < right and form <= 0.45 * (form + right)
    chart, table, problems = win._right.sizes()
    assert chart > table > problems > 100


def test_a_remembered_size_larger_than_the_screen_is_shrunk(win, qtbot):
    win.resize(1800, 1000)
    fit_window(win, LAPTOP, keep_size=True)
    assert win.width() <= 1366 and win.height() <= 768 and LAPTOP.contains(win.frameGeometry())


def test_the_override_dialog_stays_narrow_and_wraps(qtbot):
    problem = "From day 33 the plan gives 4200 mg/day, above the label's maximum of 3600 mg/day. " * 8
    dialog = OverrideDialog(problem)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= MAX_WIDTH <= 600
    assert dialog.message.wordWrap() and dialog.height() < 700


def test_the_override_dialog_works_from_the_keyboard(qtbot):
    dialog = OverrideDialog("Above the label's maximum")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.reason and dialog.reason.accessibleName() == "Reason"
    qtbot.keyClicks(dialog.reason, "Specialist clinic")
    qtbot.keyClick(dialog.reason, Qt.Key_Return, Qt.ShiftModifier)  # a new line
    qtbot.keyClicks(dialog.reason, "reviewed weekly")
    qtbot.keyClick(dialog.reason, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted
    assert dialog.text() == "Specialist clinic\nreviewed weekly"
    other = OverrideDialog("Above the label's maximum")
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClick(other.reason, Qt.Key_Escape)
    assert other.result() == QDialog.Rejected


def test_edit_override_acts_on_the_problem_chosen_from_the_keyboard(win, qtbot, monkeypatch):
    asked = []

    def answer(problem, parent=None):
        asked.append(problem)
        return "Specialist epilepsy clinic", True

    monkeypatch.setattr("planner.app.print_actions.ask_reason", lambda parent, problem: answer(problem))
    win.form.target.setValue(4200)
    assert win.override_action.shortcut().toString() == "Ctrl+Shift+O"
    assert win.problems.focusPolicy() & Qt.TabFocus
    win.problems.setFocus()
    win.problems.setCurrentRow(0)  # the blocking problem, chosen with the arrow keys
    win.override_action.trigger()
    assert "3600 mg/day" in asked[0]
    assert [o.code for o in win.plan.overrides] == ["above-label-maximum"]
    assert win.schedule.exportable
    # Chosen again, the overridden problem's override is removed from the keyboard too.
    win.problems.setCurrentRow(0)
    win.remove_override_action.trigger()
    assert win.plan.overrides == ()


def test_edit_override_with_nothing_chosen_takes_the_only_blocking_problem(win, monkeypatch):
    monkeypatch.setattr("planner.app.print_actions.ask_reason", lambda parent, problem: ("Reviewed", True))
    win.form.target.setValue(4200)
    win.problems.setCurrentRow(-1)
    assert win.override_chosen()
    assert [o.code for o in win.plan.overrides] == ["above-label-maximum"]


def test_edit_override_says_when_there_is_nothing_to_override(win):
    assert not win.override_chosen()
    assert "no blocking problem" in win.statusBar().currentMessage()


def test_the_screenshot_on_a_1920x1080_screen_uses_most_of_it(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": False, "screens": [
        {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}]}))
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "planner", "--screenshot", str(out)],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (window_size(QSize(1920, 1080)).width(),
                                           window_size(QSize(1920, 1080)).height())


def test_the_print_preview_opens_large_enough_to_read_and_within_the_screen(win, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from planner.app.window_size import preview_size

    small = preview_size(QSize(1366, 768))
    assert small.width() <= 1366 and small.height() <= 768 and small.height() >= 650
    sizes = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda dialog: sizes.append(dialog.size()) or 0)
    monkeypatch.setattr("planner.export.printout.paint_plan", lambda *a: 1)
    win.print_preview()
    assert sizes == [preview_size(win.screen().availableGeometry().size())]
    assert sizes[0].height() > 600  # Qt's own opens at about 500


def test_the_menu_key_offers_the_current_problems_override(win):
    win.form.target.setValue(4200)
    win.problems.setCurrentRow(0)
    # The Menu key asks at the list's middle, maybe below the items.
    menu = win.problems.menu_at(QPoint(5, win.problems.viewport().height() - 5))
    assert [a.text() for a in menu.actions()] == ["Override with a reason…"]
