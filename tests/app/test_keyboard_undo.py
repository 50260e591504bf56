"""Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the PLAN's last change wherever the focus
is (issue 15): in a line edit or a spin box, which would otherwise take the key for its own
text, the field's edit is committed first, then the plan's last change is undone. The schedule
table's keys (F2, Ctrl+Shift+H, Ctrl+Shift+E, Ctrl+Shift+R) still shape its steps."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.app.schedule_table import TOTAL_COLUMN
from test_step_edits_window import numbered

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


def focus(w):
    w.setFocus(Qt.TabFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is w


def test_ctrl_z_in_a_text_field_undoes_the_plan_change_and_ctrl_shift_z_redoes_it(win):
    f = win.form.patient_name
    focus(f)
    QTest.keyClicks(f, "Alex Example")
    assert win.plan.patient.name == "Alex Example"
    assert win.undo_action.text() == "&Undo change patient name to Alex Example"
    QTest.keyClick(f, Qt.Key_Z, CTRL)
    assert win.plan.patient is None and f.text() == "" and QApplication.focusWidget() is f
    QTest.keyClick(f, Qt.Key_Z, CTRL | SHIFT)
    assert win.plan.patient.name == "Alex Example" and f.text() == "Alex Example"
    QTest.keyClick(f, Qt.Key_Z, CTRL)
    QTest.keyClick(f, Qt.Key_Y, CTRL)
    assert win.plan.patient.name == "Alex Example"


def test_ctrl_z_in_a_number_field_undoes_the_typed_dose(win):
    before = win.plan.target_dose_mg
    t = win.form.target
    focus(t)
    t.selectAll()
    QTest.keyClicks(t, "1200")
    assert win.plan.target_dose_mg == 1200 != before
    QTest.keyClick(t, Qt.Key_Z, CTRL)
    assert win.plan.target_dose_mg == before and t.value() == before
    QTest.keyClick(t, Qt.Key_Z, CTRL | SHIFT)
    assert win.plan.target_dose_mg == 1200 and t.value() == 1200


def test_a_typed_date_is_committed_before_the_undo(win):
    """A date is read when committed (Enter or leaving the field): Ctrl+Z commits it, as one
    plan change, and undoes it; Ctrl+Shift+Z puts it in."""
    before = win.plan.start_date
    edit = win.form.start_date.edit
    focus(edit)
    edit.selectAll()
    QTest.keyClicks(edit, "2027-03-15")
    assert win.plan.start_date == before  # not read yet
    count = win.undo_stack.count()
    QTest.keyClick(edit, Qt.Key_Z, CTRL)
    assert win.plan.start_date == before and win.undo_stack.count() == count + 1
    assert win.redo_action.text().startswith("&Redo change start date to 15 Mar 2027")
    QTest.keyClick(edit, Qt.Key_Z, CTRL | SHIFT)
    assert win.plan.start_date == date(2027, 3, 15)


def test_the_edit_menu_names_a_typed_date_once_it_opens(win):
    edit = win.form.start_date.edit
    focus(edit)
    edit.selectAll()
    QTest.keyClicks(edit, "2027-03-15")
    menu = win.undo_action.associatedObjects()
    next(m for m in menu if hasattr(m, "aboutToShow")).aboutToShow.emit()
    assert win.undo_action.text() == "&Undo change start date to 15 Mar 2027"


def test_ctrl_z_in_a_choice_undoes_the_last_plan_change(win):
    before = win.plan.target_dose_mg
    win.form.target.setValue(1200)
    focus(win.form.kind)
    QTest.keyClick(win.form.kind, Qt.Key_Z, CTRL)
    assert win.plan.target_dose_mg == before


def test_a_cell_being_typed_is_committed_then_undone(win):
    numbered(win)
    before = win.document.step_edits  # the label's start shapes its first days
    table = win.table
    focus(table)
    table.setCurrentIndex(win.table_model.index(2, TOTAL_COLUMN))
    QTest.keyClick(table, Qt.Key_F2)  # F2 still types over the cell
    editor = QApplication.focusWidget()
    assert editor is not table and editor.parentWidget() is table.viewport()
    editor.selectAll()
    QTest.keyClicks(editor, "750")
    QTest.keyClick(editor, Qt.Key_Z, CTRL)
    assert win.document.step_edits == before
    assert win.redo_action.text() == "&Redo change step 3's daily dose to 750 mg per day"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Y, CTRL)
    assert win.document.step_edits == before + [{"step": 3, "total_mg": 750}]


def test_the_tables_step_keys_work_with_tab_leaving_it(win):
    table = win.table
    assert not table.tabKeyNavigation()
    numbered(win)
    before = win.document.step_edits
    focus(table)
    table.setCurrentIndex(win.table_model.index(1, 0))
    QTest.keyClick(table, Qt.Key_H, CTRL | SHIFT)
    assert win.document.step_edits == before + [{"step": 2, "hold_days": 7}]
    numbered(win)
    focus(table)
    table.setCurrentIndex(win.table_model.index(1, 0))
    QTest.keyClick(table, Qt.Key_E, CTRL | SHIFT)  # edit this step's daily dose
    assert table.state() == table.State.EditingState and table.currentIndex().column() == TOTAL_COLUMN
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Escape)
    QTest.keyClick(table, Qt.Key_R, CTRL | SHIFT)  # remove step edits
    assert "step_edits" not in win.document.state


def test_coming_back_to_a_field_to_type_again_is_an_undo_step_of_its_own(win):
    """Typing in a field merges into one undo step while the field keeps the focus; leaving it
    and typing a new value later is a second step, so one Ctrl+Z goes back to the first value,
    not past it (a trial found 1800 -> 2400 -> 1200 undone straight to 1800)."""
    before = win.plan.target_dose_mg
    t, other = win.form.target, win.form.patient_name
    for value in ("2400", "1200"):
        focus(t)
        t.selectAll()
        QTest.keyClicks(t, value)
        focus(other)
    assert win.plan.target_dose_mg == 1200
    focus(t)
    QTest.keyClick(t, Qt.Key_Z, CTRL)
    assert win.plan.target_dose_mg == 2400 and t.value() == 2400
    QTest.keyClick(t, Qt.Key_Z, CTRL)
    assert win.plan.target_dose_mg == before
