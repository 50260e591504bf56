"""The window as a screen reader sees it: Qt's accessibility interfaces, walked from the
window down (what AT-SPI on Linux, UIA on Windows and NSAccessibility on macOS are fed)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from planner.app.screen_reader import chart_summary, dose_moves
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example

# The roles a person types into, picks from or presses: each needs a name to be found by.
INPUT_ROLES = {QAccessible.EditableText, QAccessible.SpinBox, QAccessible.ComboBox, QAccessible.CheckBox,
               QAccessible.RadioButton, QAccessible.Button, QAccessible.Slider}


@pytest.fixture(autouse=True)
def screen_reader_on():
    """As when a screen reader runs: Qt then tells the interfaces of changes (a list's new
    items), rather than leaving what it has cached."""
    was = QAccessible.isActive()
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(was)


def tree(window):
    """Every visible interface under the window, depth first."""
    out = []

    def walk(iface, depth):
        if iface is None or not iface.isValid() or depth > 40 or iface.state().invisible:
            return
        out.append(iface)
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(window), 0)
    return out


def label_of(iface) -> str:
    """What a screen reader announces a control by: its label (the buddy's Label relation, as
    AT-SPI reads a combo box) or else its own name."""
    labels = [other.text(QAccessible.Name) for other, _ in iface.relations(QAccessible.Label)]
    return next((t for t in labels if t), "") or iface.text(QAccessible.Name)


def find(window, role, name):
    found = [i for i in tree(window) if i.role() == role and label_of(i) == name]
    assert found, f"no {role.name} named {name!r}"
    return found[0]


def test_every_input_of_the_window_has_a_name(win):
    inputs = [i for i in tree(win) if i.role() in INPUT_ROLES]
    assert len(inputs) > 30  # the form's fields, its buttons and choices
    nameless = [(i.role().name, i.object()) for i in inputs if not label_of(i).strip()]
    assert nameless == []
    # Names are words, never the mnemonic's "&".
    assert [label_of(i) for i in inputs if "&" in label_of(i)] == []


def test_each_form_field_is_named_by_its_label(win):
    for path, widget in win.form.rows.fields.items():
        if not widget.isVisibleTo(win):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        if path == "strengths_mg":  # a row of boxes, each named by its strength
            assert label_of(iface).startswith("Dispense ")
            continue
        assert label_of(iface) == win.form.field_name(path), path


def test_an_invalid_field_is_described_by_its_error_until_fixed(win, qtbot):
    spin = find(win, QAccessible.SpinBox, "Start dose")
    assert spin.text(QAccessible.Description) == ""
    win.form.start_dose.setValue(0)
    error = win.form.error_text("start_dose_mg")
    assert error and "20000" in error
    assert find(win, QAccessible.SpinBox, "Start dose").text(QAccessible.Description) == error
    win.form.start_dose.setValue(300)
    assert win.schedule is not None
    assert find(win, QAccessible.SpinBox, "Start dose").text(QAccessible.Description) == ""


def test_a_fixed_date_error_gives_the_field_its_typing_hint_back(win):
    edit = win.form.start_date.edit
    hint = QAccessible.queryAccessibleInterface(edit).text(QAccessible.Description)
    win.form.start_dose.setValue(0)  # any error: the date field's description is untouched
    win.form.start_dose.setValue(300)
    assert QAccessible.queryAccessibleInterface(edit).text(QAccessible.Description) == hint


def test_the_chart_is_summarised_in_words_and_follows_the_plan(win):
    chart = find(win, QAccessible.Client, "Schedule chart")
    said = chart.text(QAccessible.Description)
    assert said == chart_summary(win.schedule)
    assert said.startswith("Chart of Gabapentin, from 300 to 1800 mg a day")
    assert "5 steps up and 0 steps down" in said and "until the review on" in said
    win.form.target.setValue(1200)
    said = find(win, QAccessible.Client, "Schedule chart").text(QAccessible.Description)
    assert "from 300 to 1200 mg a day" in said and "Then 1200 mg a day" in said
    win.form.start_dose.setValue(0)  # invalid: the chart says it is not up to date
    said = find(win, QAccessible.Client, "Schedule chart").text(QAccessible.Description)
    assert said.startswith("Not up to date: Start dose")


def test_the_summary_words_a_taper_as_going_down_and_stopping():
    stop = compute_schedule(load_example("gabapentin-stop-from-300-300-600"), today=date(2026, 12, 1))
    said = chart_summary(stop)
    assert dose_moves(stop)[0] == 0 and "0 steps up and 4 steps down" in said
    assert "then the medicine stops" in said and "until the review" not in said
    both = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"), today=date(2026, 12, 1))
    assert "5 steps up and 6 steps down" in chart_summary(both)
    goes_on = compute_schedule(load_example("gabapentin-phn-default"), today=date(2026, 12, 1))
    assert "Then 1800 mg a day goes on after" in chart_summary(goes_on)


def test_the_problems_list_is_read_item_by_item(win):
    problems = find(win, QAccessible.List, "Problems")
    items = [problems.child(i) for i in range(problems.childCount())]
    texts = [i.text(QAccessible.Name) for i in items if i.role() == QAccessible.ListItem]
    assert texts and all(t.startswith(("Note:", "Warning:", "Blocking:")) for t in texts)
    win.form.target.setValue(4200)  # above the label's maximum: blocking
    problems = find(win, QAccessible.List, "Problems")
    items = [problems.child(i) for i in range(problems.childCount())]
    blocking = [i for i in items if i.text(QAccessible.Name).startswith("Blocking:")]
    assert blocking and "Ctrl+Shift+O" in blocking[0].text(QAccessible.Description)


def test_a_date_that_cannot_be_read_is_said_with_its_field(win, qtbot):
    field = win.form.start_date
    hint = QAccessible.queryAccessibleInterface(field.edit).text(QAccessible.Description)
    field.edit.setText("sometime soon")
    qtbot.keyClick(field.edit, Qt.Key_Return)
    assert field.message.isVisible()
    said = find(win, QAccessible.EditableText, "Start date").text(QAccessible.Description)
    assert said == field.message.text() and said.startswith("Start date:")
    field.edit.setText("2027-01-04")
    qtbot.keyClick(field.edit, Qt.Key_Return)
    assert not field.message.isVisible()
    assert find(win, QAccessible.EditableText, "Start date").text(QAccessible.Description) == hint
