"""Steps the prescriber shapes in the schedule table: each edit is one undoable command that
appends one record to the plan's step_edits; shaped steps are marked.

The engine numbers the plan's steps (Step.segment) and applies step_edits; until its work is
merged it does neither, so these tests give the table a computed schedule with its steps
numbered (dataclasses.replace) and check what the window asks of the document, not what the
engine makes of it."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from planner.app.schedule_table import DAYS_COLUMN, FIRST_SLOT_COLUMN, PHASE_COLUMN, TOTAL_COLUMN


@pytest.fixture(autouse=True)
def plain_plan(win):
    """A plan with no step edits yet (the window's default, the label's start, has some)."""
    from planner.files.planfile import load_example

    win.load_plan(load_example("gabapentin-phn-default"), None)


def numbered(win, marks=None):
    """Show the window's schedule with its steps numbered from 1 (as the engine will),
    marks: {row: dict of Step fields} for rows to mark edited or hold."""
    s = win.schedule
    marks = marks or {}
    steps = tuple(replace(st, segment=i + 1, **marks.get(i, {})) for i, st in enumerate(s.steps))
    win.table_model.set_schedule(replace(s, steps=steps))
    return steps


def cell(win, row, col):
    return win.table_model.index(row, col)


def put(win, row, col, text):
    """Type text into a cell (the document takes the edit once the editor has closed)."""
    done = win.table_model.setData(cell(win, row, col), text)
    QApplication.processEvents()
    return done


def test_typing_a_steps_daily_dose_is_one_undoable_step_edit(win):
    steps = numbered(win)
    assert put(win, 2, TOTAL_COLUMN, "750 mg")
    assert win.document.state["step_edits"] == [{"step": 3, "total_mg": 750}]
    assert win.undo_action.text() == "&Undo change step 3's daily dose to 750 mg per day"
    assert win.isWindowModified()
    win.undo_action.trigger()
    assert "step_edits" not in win.document.state
    assert steps[2].total_mg != 750


def test_a_steps_dose_at_one_time_of_day_writes_its_whole_split(win):
    steps = numbered(win)
    st = steps[2]  # 900 mg: 300 morning, 300 midday, 300 bedtime
    by_slot = {d.slot: d.mg for d in st.doses}
    assert by_slot == {"morning": 300, "midday": 300, "bedtime": 300}
    bedtime = FIRST_SLOT_COLUMN + 3
    assert put(win, 2, bedtime, "600")
    assert win.document.state["step_edits"] == [
        {"step": 3, "doses": {"morning": 300, "midday": 300, "bedtime": 600}, "total_mg": 1200}]
    assert win.undo_stack.undoText() == "change step 3's doses"


def test_a_steps_length_is_edited_in_the_days_column(win):
    numbered(win)
    assert put(win, 0, DAYS_COLUMN, "3 days")
    assert win.document.state["step_edits"] == [{"step": 1, "days": 3}]
    assert win.undo_stack.undoText() == "change step 1's length to 3 days"
    # The same value again is no edit.
    numbered(win)
    assert not put(win, 1, DAYS_COLUMN, "1")
    assert len(win.document.state["step_edits"]) == 1


@pytest.mark.parametrize("text", ["6.5", "six", "-300", "1,200", "600 mL", ""])
def test_a_cell_that_is_not_a_whole_number_changes_nothing_and_says_why(win, text):
    numbered(win)
    before = win.document.state
    assert not put(win, 2, TOTAL_COLUMN, text)
    assert win.document.state == before
    assert "is not a whole number" in win.statusBar().currentMessage()


def test_stay_on_this_dose_inserts_a_hold_from_the_menu_and_the_context_menu(win):
    numbered(win)
    win.table.setCurrentIndex(cell(win, 1, 0))
    assert win.hold_action.isEnabled()
    assert win.hold_action in win.table.actions()  # the table's context menu
    assert win.table.contextMenuPolicy() == Qt.ActionsContextMenu
    assert win.hold_action in win.menuBar().actions()[1].menu().actions()  # Edit menu, Alt+E then S
    assert not win.hold_action.shortcut().isEmpty()
    win.hold_action.trigger()
    assert win.document.state["step_edits"] == [{"step": 2, "hold_days": 7}]
    assert win.undo_stack.undoText() == "stay on step 2's dose 7 more days"
    win.undo_action.trigger()
    assert "step_edits" not in win.document.state


def test_the_hold_shortcut_works_from_the_keyboard(win, qtbot):
    numbered(win)
    win.table.setFocus()
    win.table.setCurrentIndex(cell(win, 3, 0))
    qtbot.keyClick(win.table, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.document.state["step_edits"] == [{"step": 4, "hold_days": 7}]


def test_f2_on_a_total_types_a_new_daily_dose(win, qtbot):
    numbered(win)
    win.table.setFocus()
    win.table.setCurrentIndex(cell(win, 2, TOTAL_COLUMN))
    qtbot.keyClick(win.table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not win.table and editor.text() == "900"
    editor.selectAll()
    qtbot.keyClicks(editor, "1000")
    assert editor.text() == "1000"
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: "step_edits" in win.document.state)
    assert win.document.state["step_edits"] == [{"step": 3, "total_mg": 1000}]


def test_edit_step_action_opens_the_daily_dose_of_the_current_row(win, qtbot):
    numbered(win)
    win.table.setCurrentIndex(cell(win, 1, 0))
    win.edit_step_action.trigger()
    assert win.table.currentIndex().column() == TOTAL_COLUMN
    assert win.table.state() == QAbstractItemView.EditingState


def test_remove_step_edits_is_one_undo_step(win):
    numbered(win)
    put(win, 2, TOTAL_COLUMN, "750")
    numbered(win)
    win.table.setCurrentIndex(cell(win, 1, 0))
    win.hold_action.trigger()
    assert len(win.document.state["step_edits"]) == 2
    assert win.remove_step_edits_action.isEnabled()
    win.remove_step_edits_action.trigger()
    assert "step_edits" not in win.document.state
    assert not win.remove_step_edits_action.isEnabled()
    assert win.undo_stack.undoText() == "remove step edits"
    win.undo_action.trigger()
    assert len(win.document.state["step_edits"]) == 2


def test_steps_the_engine_did_not_number_and_the_stop_cannot_be_shaped(win):
    # Without a step number there is no step to name: nothing is editable, never a guess.
    win.table.setCurrentIndex(cell(win, 1, 0))
    assert win.table_model.steps[1].segment == 0 or win.hold_action.isEnabled()
    if win.table_model.steps[1].segment == 0:
        assert not win.hold_action.isEnabled()
        assert not win.table_model.flags(cell(win, 1, TOTAL_COLUMN)) & Qt.ItemIsEditable
    stop = replace(win.schedule.steps[-1], segment=9, total_mg=0, doses=())
    from planner.app.schedule_table import editable
    assert not editable(stop)


def test_edited_steps_and_holds_are_marked(win):
    numbered(win, {1: {"edited": True}, 2: {"hold": True}})
    m = win.table_model
    assert m.data(cell(win, 1, PHASE_COLUMN)).endswith("(edited)")
    assert m.data(cell(win, 2, PHASE_COLUMN)).endswith("(hold)")
    assert m.data(cell(win, 0, PHASE_COLUMN)) == "titration"
    assert m.data(cell(win, 1, 0), Qt.BackgroundRole) is not None
    assert m.data(cell(win, 0, 0), Qt.BackgroundRole) is None
    assert "Remove step edits" in m.data(cell(win, 2, PHASE_COLUMN), Qt.ToolTipRole)


def test_step_edits_round_trip_through_the_form_and_a_saved_file(win, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from planner.files.planfile import load_plan_file

    numbered(win)
    put(win, 2, TOTAL_COLUMN, "750")
    assert win.form.state()["step_edits"] == [{"step": 3, "total_mg": 750}]
    path = tmp_path / "shaped.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert win.save_as()
    assert load_plan_file(path).step_edits[0].total_mg == 750


def test_the_edit_menus_alt_letters_do_not_clash(win):
    import re

    edit = win.menuBar().actions()[1].menu()
    letters = [m.group(1).lower() for a in edit.actions() for m in re.finditer(r"&([^&\s])", a.text())]
    # Undo, Redo, the three step actions, Override and Remove Override
    assert len(letters) == 7 and len(set(letters)) == 7, letters


def test_the_keyboard_stays_on_the_step_it_shaped_when_rows_above_it_split(win, qtbot):
    """1400 mg cannot be made of 300 mg capsules: the engine moves the plan to 100 mg capsules
    and the first step splits into three rows. The next Hold must go to the step just typed
    over, not to the step that now has its row number."""
    from planner.files.planfile import load_example

    win.load_plan(load_example("gabapentin-phn-to-1800-with-taper"), None)
    model = win.table_model
    row = next(r for r, st in enumerate(model.steps) if st.total_mg == 1500 and st.phase == "titration")
    step = model.steps[row].segment
    win.table.setFocus()
    win.table.setCurrentIndex(cell(win, row, TOTAL_COLUMN))
    qtbot.keyClick(win.table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "1400")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.schedule is not None and any(st.total_mg == 1400 for st in win.schedule.steps))
    now = win.table.currentIndex()
    assert now.row() != row  # the rows above did split (else this test shows nothing)
    assert model.steps[now.row()].segment == step and model.steps[now.row()].total_mg == 1400
    qtbot.keyClick(win.table, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert win.document.state["step_edits"][-1] == {"step": step, "hold_days": 7}
