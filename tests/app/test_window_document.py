"""The window works through its plan document: an edit in the form is one named command
and one computation, undo puts the form back, and the views follow the document."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_an_edit_in_the_form_is_one_command_and_one_computation(win):
    count = win.document.recompute_count
    win.form.target.setValue(1200)
    assert win.document.recompute_count == count + 1
    assert win.document.state["target_dose_mg"] == 1200 and win.plan.target_dose_mg == 1200
    assert win.undo_action.text().replace("&", "") == "Undo change target dose to 1200 mg per day"


def test_undo_from_the_menu_puts_the_form_back_to_the_document(win):
    before = win.document.state
    win.form.target.setValue(1200)
    win.form.patient_name.setFocus()
    QTest.keyClicks(win.form.patient_name, "Ada")
    assert win.undo_action.text().replace("&", "") == "Undo change patient name to Ada"
    win.undo_action.trigger()
    assert win.form.patient_name.text() == "" and "patient" not in win.document.state
    win.undo_action.trigger()
    assert win.form.state() == before == win.document.state
    assert win.redo_action.text().replace("&", "") == "Redo change target dose to 1200 mg per day"
    win.redo_action.trigger()
    assert win.form.target.value() == 1200


def test_the_views_follow_a_change_made_on_the_document(win):
    state = win.document.state
    state["drug"] = "pregabalin"
    state.pop("indication", None)
    state["strengths_mg"] = [25, 75]
    win.document.edit("drug", state)
    assert win.form.drug.currentData() == "pregabalin"
    assert sorted(mg for mg, box in win.form.strength_boxes.items() if box.isChecked()) == [25, 75]
    m = win.table.model()
    assert m.rowCount() > 0 and "25 mg" in win.dispense.text() + " ".join(
        str(m.data(m.index(r, c), Qt.DisplayRole)) for r in range(m.rowCount()) for c in range(m.columnCount()))
    assert win.undo_action.text().replace("&", "") == "Undo change drug to pregabalin"


def test_the_title_follows_the_document_file_and_modified_state(win, tmp_path):
    assert win.windowTitle().startswith("Untitled plan") and not win.isWindowModified()
    win.form.target.setValue(1200)
    assert win.isWindowModified()
    assert win.write(tmp_path / "ada.json")
    assert win.windowTitle().startswith("ada.json") and not win.isWindowModified()
    assert win.document.current_file == tmp_path / "ada.json" and not win.document.modified
