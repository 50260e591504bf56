"""The clinician's window, driven as a user would (pytest-qt, offscreen)."""

import json
import os
import subprocess
import sys
from dataclasses import replace
from importlib import resources

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.files.planfile import load_plan_file
from planner.domain.schedule import compute_schedule
from planner.app.main_window import MainWindow
from planner.domain.templates import label_template
from planner.text.problems import problem_text

EXAMPLE = str(resources.files("planner.resources").joinpath("examples", "pregabalin-phn.json"))






def totals_in_table(w):
    m = w.table_model
    return [(st.total_mg, st.days) for st in m.steps]


def chart_totals(w):
    return list(w.canvas.chart.total_line_data[1][:-1])  # the last point extends the last day


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key_Tab)


def test_starts_with_the_default_plan_charted_and_tabled(win):
    # New starts today: the label's start for gabapentin in postherpetic neuralgia, until review.
    assert win.plan.start_date == win.today()
    assert (win.plan.kind, win.plan.maintenance) == ("start", "review") and win.plan.review_date is not None
    s = compute_schedule(replace(label_template("gabapentin", "postherpetic_neuralgia", win.today()),
                                 strengths_mg=(100, 300, 400, 600, 800)))
    assert win.schedule.days == s.days
    assert win.plan.strengths_mg == (100, 300, 400, 600, 800)  # the form names every strength dispensed
    assert chart_totals(win) == [d.total_mg for d in s.days]
    assert totals_in_table(win)[0] == (300, 1)
    assert win.table_model.rowCount() == len(s.steps)
    assert "Untitled plan" in win.windowTitle() and not win.isWindowModified()


def test_typing_a_target_changes_the_table_and_the_chart(win, qtbot):
    type_into(qtbot, win.form.target, "1200")
    assert win.plan.target_dose_mg == 1200
    assert totals_in_table(win)[-1][0] == 1200
    assert max(chart_totals(win)) == 1200
    assert chart_totals(win) == [d.total_mg for d in compute_schedule(win.plan).days]
    # One product for the whole plan (issue 14): the 300 mg capsule makes every day (1200 mg
    # as 300 + 300 + 600); a change of strengths changes it: without it, the 100 mg capsule alone.
    last = len(win.table_model.steps) - 1
    assert win.table_model.index(last, 8).data() == (
        "morning: 1 × 300 mg capsule; midday: 1 × 300 mg capsule; bedtime: 2 × 300 mg capsule")
    win.form.strength_boxes[300].setChecked(False)
    assert win.table_model.index(last, 8).data() == "4 × 100 mg capsule each dose"


def test_undo_restores_the_previous_plan_and_spin_steps_merge(win, qtbot):
    before = win.plan
    win.form.start_dose.setFocus()
    for _ in range(3):
        qtbot.keyClick(win.form.start_dose, Qt.Key_Up)
    assert win.plan.start_dose_mg == before.start_dose_mg + 300
    assert win.undo_stack.count() == 1  # three spin steps, one undo step
    type_into(qtbot, win.form.target, "2400")
    assert win.undo_stack.count() == 2
    win.undo_action.trigger()
    assert win.plan.target_dose_mg == before.target_dose_mg
    win.undo_action.trigger()
    assert win.plan == before and win.form.start_dose.value() == before.start_dose_mg
    assert not win.isWindowModified()
    win.redo_action.trigger()
    assert win.plan.start_dose_mg == before.start_dose_mg + 300 and win.isWindowModified()


def test_invalid_input_shows_its_message_and_greys_the_chart(win, qtbot):
    type_into(qtbot, win.form.start_dose, "0")
    assert "must be from 1 to 20000" in win.form.error_text("start_dose_mg")
    assert win.canvas.chart.is_invalid and "Start dose: must be from 1" in win.canvas.chart.invalid_reason
    assert not win.table.isEnabled() and win.stale.isVisible()
    assert win.plan is None
    assert win.problems.item(0).text().startswith("Blocking: Start dose: must be from 1")
    type_into(qtbot, win.form.start_dose, "300")
    assert not win.canvas.chart.is_invalid and win.table.isEnabled() and not win.stale.isVisible()
    assert win.form.error_text("start_dose_mg") == ""


def test_dose_times_out_of_order_get_a_message_at_the_times(win):
    from PySide6.QtCore import QTime

    win.form.slot_times["bedtime"].setTime(QTime(7, 0))
    assert "in order" in win.form.error_text("slot_times")
    assert win.canvas.chart.is_invalid


def test_choosing_a_problem_moves_focus_to_its_field(win, qtbot):
    win.activateWindow()
    type_into(qtbot, win.form.doses_per_day, "4")
    items = [win.problems.item(i) for i in range(win.problems.count())]
    item = next(i for i in items if "doses a day" in i.text())
    win.problems.itemActivated.emit(item)
    qtbot.waitUntil(lambda: win.form.doses_per_day.hasFocus(), timeout=2000)


def test_kidney_function_is_computed_and_shown_live(win):
    f = win.form
    f.kidney_mode.setCurrentIndex(f.kidney_mode.findData("cg"))
    f.age.setValue(78)
    f.weight.setValue(62)
    f.scr_unit.setCurrentIndex(f.scr_unit.findData("umol_l"))
    f.scr.setValue(97)
    assert "CrCl 41.3 mL/min" in f.kidney_result.text() and "30-59" in f.kidney_result.text()
    codes = {p.code for p in win.schedule.problems}
    assert "above-kidney-maximum" in codes  # 1800 mg/day is above 1400


def test_save_then_open_round_trips(win, qtbot, tmp_path, monkeypatch, settings):
    path = tmp_path / "alex.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    win.form.patient_name.setText("Alex Example")
    win.form.patient_name.textEdited.emit("Alex Example")
    type_into(qtbot, win.form.maintenance, "14")
    assert win.isWindowModified()
    win.save_action.trigger()
    assert path.exists() and not win.isWindowModified()
    assert "alex.json" in win.windowTitle()
    assert load_plan_file(path) == win.plan
    other = MainWindow(settings=settings)
    qtbot.addWidget(other)
    assert other.open_plan(path)
    assert other.plan == win.plan and other.form.state() == win.form.state()
    assert other.recent_files()[0] == str(path.resolve())


def test_opening_a_bad_file_says_why_and_keeps_the_plan(win, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "drug": "aspirin"}')
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    before = win.plan
    assert not win.open_plan(bad)
    assert "drug" in said[0]
    assert win.plan == before


def test_unsaved_marker_and_close_prompt(win, qtbot, monkeypatch):
    asked = []
    type_into(qtbot, win.form.target, "1500")
    assert win.isWindowModified()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.Cancel)
    assert not win.close()
    assert asked and "unsaved changes" in asked[0] and win.isVisible()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.Discard)
    assert win.close()
    assert len(asked) == 2


def test_closing_an_unchanged_plan_does_not_ask(win, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("asked without changes"))
    assert win.close()


def test_prescriber_details_are_remembered_for_new_plans(win, qtbot, settings):
    qtbot.keyClicks(win.form.prescriber_name, "Dr Ruth Kaye")
    qtbot.keyClicks(win.form.prescriber_phone, "01234 567890")
    fresh = MainWindow(settings=settings)
    qtbot.addWidget(fresh)
    assert fresh.plan.prescriber.name == "Dr Ruth Kaye" and fresh.plan.prescriber.phone == "01234 567890"
    assert not fresh.isWindowModified()


def test_every_field_has_an_accessible_name(win):
    for field, widget in win.form.fields.items():
        assert widget.accessibleName(), field


def test_standard_shortcuts(win):
    from PySide6.QtGui import QKeySequence

    assert win.save_action.shortcut() == QKeySequence(QKeySequence.Save)
    assert win.open_action.shortcut() == QKeySequence(QKeySequence.Open)
    assert win.undo_action.shortcut() == QKeySequence(QKeySequence.Undo)


def test_screenshot_command_saves_the_painted_window(tmp_path):
    out = tmp_path / "shot.png"
    # A 1366x768 laptop's screen: the window opens on all of it (issue 15).
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"windowFrameMargins": False, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "planner", EXAMPLE, "--screenshot", str(out)],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1366, 768)
    # The chart was painted: its area holds more than the window's background colours.
    colours = {img.pixel(x, y) for x in range(700, 1300, 7) for y in range(80, 330, 7)}
    assert len(colours) > 8


def test_screenshot_of_an_unusable_plan_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "planner", str(bad), "--screenshot", str(tmp_path / "x.png")],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 2 and "file:" in r.stderr and "Traceback" not in r.stderr


def test_the_application_font_is_the_bundled_one(qapp):
    from planner.export.fonts import register_fonts

    register_fonts(qapp)
    assert QApplication.font().family().startswith("DejaVu Sans")


def test_window_geometry_is_restored(win, qtbot, settings):
    win.resize(761, 557)  # inside the offscreen screen (800 x 600): restoring clamps to the screen
    assert win.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.restore_geometry()
    assert (again.width(), again.height()) == (761, 557)


def test_switching_drug_offers_its_strengths_and_indications(win):
    f = win.form
    f.drug.setCurrentIndex(f.drug.findData("pregabalin"))
    assert sorted(f.strength_boxes) == [25, 50, 75, 100, 150, 200, 225, 300]
    assert f.indication.findData("fibromyalgia") >= 0 and f.indication.findData("epilepsy") >= 0
    # The default plan's 1800 mg/day target is far above pregabalin's maximum: blocking, said plainly.
    p = next(p for p in win.schedule.problems if p.code == "above-label-maximum")
    assert "600 mg/day" in problem_text(p)
    win.undo_action.trigger()
    assert f.drug.currentData() == "gabapentin" and 800 in f.strength_boxes


def test_a_wrong_date_of_birth_is_named_at_its_field(win, qtbot):
    qtbot.keyClicks(win.form.patient_dob, "1950-02-30")
    assert "not a real date" in win.form.error_text("patient.date_of_birth")
    assert win.canvas.chart.is_invalid
    win.form.patient_dob.clear()
    qtbot.keyClicks(win.form.patient_dob, "1950-02-28")
    assert win.plan.patient.date_of_birth.isoformat() == "1950-02-28"


def test_problems_list_is_rebuilt_only_when_the_problems_change(win, qtbot):
    first = win.problems.item(0)
    type_into(qtbot, win.form.maintenance, "20")  # changes the plan, not its problems
    assert win.problems.item(0) is first
    type_into(qtbot, win.form.doses_per_day, "4")  # a new problem
    assert any("doses a day" in win.problems.item(i).text() for i in range(win.problems.count()))


def test_the_window_has_its_chart_from_the_start(qtbot, settings):
    w = MainWindow(settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    assert w.canvas is not None and w.plan is not None  # no waiting for matplotlib
    w.form.target.setValue(1500)
    assert max(w.canvas.chart.total_line_data[1]) == 1500  # the chart shows the current plan


@pytest.mark.parametrize("name, content, words", [
    ("truncated.json", '{"format_version": 1, "drug": "gabap', "not valid JSON"),
    ("huge.json", None, "larger than"),
    ("nested.json", "[" * 50000 + "]" * 50000, "nested too deeply"),
    ("wrong-type.json", '{"format_version": 1, "drug": 7}', "drug"),
    ("newer.json", '{"format_version": 99}', "newer"),
    ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
], ids=["truncated", "huge", "nested", "wrong-type", "newer", "binary"])
def test_hostile_files_get_a_message_and_leave_the_plan_alone(win, tmp_path, monkeypatch, name, content, words):
    path = tmp_path / name
    if content is None:
        with open(path, "wb") as f:  # 100 MB, sparse: the loader must not read it all
            f.truncate(100 * 1024 * 1024)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    before, state = win.plan, win.form.state()
    assert not win.open_plan(path)
    assert said and said[0].startswith(f"Could not open {name}:")
    assert words in said[0].split("\n", 1)[1]  # the reason, not just the file's name
    assert win.plan == before and win.form.state() == state and win.current_file is None
