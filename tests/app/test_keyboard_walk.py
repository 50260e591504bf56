"""The window with the keyboard alone (issue 15): Tab walks every visible input of the form in
the order it is seen (top to bottom, left to right in a row), then the schedule table, which it
leaves again, then the problems list, and comes back round; Shift+Tab walks the same way back.
Before issue 15 the strength boxes came after the table (they are made again when a plan loads)
and the table kept Tab for itself: entered at the 31st press, never left in 80."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QRadioButton, QWidget

from planner.app.label_starts import DEFAULT_CHOICE
from planner.app.new_plan_dialog import NewPlanChoice

PRESSES = 200  # far more than the window has stops: a walk that never comes back fails


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def walk(win, key=Qt.Key_Tab) -> list[QWidget]:
    """The focus chain from the form's first field, one press at a time, until it is back
    (a time edit keeps Tab for its minutes once: one stop, seen twice, counted once)."""
    QApplication.processEvents()  # a box added to the form is shown by the event loop
    start = win.form.kind
    start.setFocus(Qt.TabFocusReason)
    assert focused() is start
    chain = [start]
    for _ in range(PRESSES):
        QTest.keyClick(focused(), key)
        if focused() is start:
            return chain
        if focused() is not chain[-1]:
            chain.append(focused())
    pytest.fail(f"Tab never came back to the kind of plan: {[name(w) for w in chain[-10:]]}")


def name(w: QWidget) -> str:
    return w.accessibleName() or type(w).__name__


def inputs_of(win) -> list[QWidget]:
    """Every control of the form a person can see and reach: what the walk must visit."""
    form = win.form
    out = []
    for w in form.findChildren(QWidget):
        if not (w.focusPolicy() & Qt.TabFocus) or not w.isVisibleTo(win) or not w.isEnabled():
            continue
        if w.focusProxy() is not None or isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo's own text: the box is the stop
        if isinstance(w, QRadioButton) and not w.isChecked():
            continue  # a group of radio buttons is one stop (the arrows choose)
        out.append(w)
    return out


def rect_in(win, w: QWidget) -> QRect:
    return QRect(w.mapTo(win, w.rect().topLeft()), w.size())


def seen_before(win, a: QWidget, b: QWidget) -> bool:
    """a comes before b as the form is read: above it, or in the same row to its left."""
    ra, rb = rect_in(win, a), rect_in(win, b)
    same_row = ra.top() < rb.bottom() and rb.top() < ra.bottom()
    return ra.left() < rb.left() if same_row else ra.top() < rb.top()


def check_walk(win) -> list[QWidget]:
    chain = walk(win)
    form_part = [w for w in chain if win.form.isAncestorOf(w)]
    expected = inputs_of(win)
    assert all(box in expected for box in win.form.strength_boxes.values())
    missing = [name(w) for w in expected if w not in chain]
    assert not missing, f"Tab never reaches {missing}"
    assert len(set(chain)) == len(chain), "a control is visited twice in one round"
    for a, b in zip(form_part, form_part[1:]):
        assert seen_before(win, a, b), f"Tab goes from {name(a)} to {name(b)}, which is seen before it"
    # The form (left column) first, then the right column: the table, then the problems list.
    table, problems = chain.index(win.table), chain.index(win.problems)
    assert chain[:len(form_part)] == form_part
    assert len(form_part) <= table and problems == table + 1 == len(chain) - 1
    back = walk(win, Qt.Key_Backtab)
    assert back == [chain[0]] + chain[:0:-1], "Shift+Tab does not walk the same way back"
    return chain


def test_tab_walks_the_start_plan_in_the_order_it_is_seen_and_leaves_the_table(win):
    assert win.plan.kind == DEFAULT_CHOICE.kind == "start"
    chain = check_walk(win)
    f = win.form
    boxes = list(f.strength_boxes.values())
    at = chain.index(boxes[0])
    # The strength boxes keep their place (after the label's start), though made again on load.
    assert chain[at - 1] is f.template_button and chain[at:at + len(boxes)] == boxes
    assert chain[at + len(boxes)] is f.start_date.edit
    assert f.start_dose in chain and not any(w in chain for w in f.current.values())


def test_tab_walks_a_stop_plan_with_todays_doses_in_their_row(win):
    win.new_plan(ask=False, choice=NewPlanChoice("stop", "gabapentin", "postherpetic_neuralgia"))
    f = win.form
    for slot, mg in (("morning", 300), ("evening", 300), ("bedtime", 600)):
        f.current[slot].setValue(mg)  # today's doses: the plan is usable, its table takes the focus
    assert f.kind.currentData() == "stop" and win.schedule is not None
    chain = check_walk(win)
    doses = [f.current[s] for s in ("morning", "midday", "evening", "bedtime")]
    at = chain.index(doses[0])
    assert chain[at:at + 4] == doses  # left to right, as they stand
    assert f.start_dose not in chain and f.target not in chain
    assert f.taper_mode in chain


def test_the_strength_boxes_keep_their_place_when_the_drug_changes(win):
    f = win.form
    f.drug.setCurrentIndex(f.drug.findData("pregabalin"))
    chain = check_walk(win)
    boxes = list(f.strength_boxes.values())
    before = f.template_button if f.template_button.isEnabled() else f.indication  # no label start: disabled
    assert chain[chain.index(before) + 1:][:len(boxes)] == boxes


def test_the_arrow_keys_move_in_the_table_and_tab_leaves_it(win):
    table = win.table
    table.setFocus(Qt.TabFocusReason)
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key_Down)
    assert table.currentIndex().row() == 1
    QTest.keyClick(table, Qt.Key_Right)
    assert table.currentIndex().column() == 1
    QTest.keyClick(table, Qt.Key_Tab)
    assert focused() is win.problems
    QTest.keyClick(focused(), Qt.Key_Backtab)
    assert focused() is table
    QTest.keyClick(table, Qt.Key_Backtab)
    # Back to the chart (a Tab stop once it is made), and on to the form.
    if focused() is win.canvas:
        QTest.keyClick(focused(), Qt.Key_Backtab)
    assert focused() is not table and win.form.isAncestorOf(focused())


def test_the_chart_is_a_tab_stop_between_the_form_and_the_table(win, qtbot):
    """The chart's description (the schedule in words) is what a screen reader user hears:
    Tab reaches it, where it is seen, and its focus is drawn."""
    chain = walk(win)
    assert chain.index(win.canvas) + 1 == chain.index(win.table)
    assert win.form.isAncestorOf(chain[chain.index(win.canvas) - 1])
    assert "Gabapentin" in win.canvas.accessibleDescription()


def test_tab_from_the_problems_list_wraps_to_the_form_scrolled_to_its_first_field(win):
    """Tab from the last stop (the problems list) goes round to the form's first field, and the
    form scrolls back up to show it (a trial found it 175 pixels above the view)."""
    win.resize(1366, 560)  # the form scrolls
    QApplication.processEvents()
    chain = walk(win)
    last_field = [w for w in chain if win.form.isAncestorOf(w)][-1]
    last_field.setFocus(Qt.TabFocusReason)
    QApplication.processEvents()
    assert win.form_scroll.verticalScrollBar().value() > 0  # scrolled down to the last field
    win.problems.setFocus(Qt.TabFocusReason)
    QApplication.processEvents()
    QTest.keyClick(win.problems, Qt.Key_Tab)
    first = focused()
    assert first is chain[0] and win.form.isAncestorOf(first)
    top = first.mapTo(win.form_scroll.viewport(), first.rect().topLeft()).y()
    assert 0 <= top < win.form_scroll.viewport().height()
