"""The schedule table follows an edit by changing only the rows that changed: the view asks
data() for the cells on screen once (not for every row, not twice), a changed step signals its
own rows, a longer or shorter plan adds or takes away rows, the current row stays, and after any
sequence of edits, undo and redo the model holds exactly what a freshly built one would (a
stale cell would show a wrong dose). Columns are as wide as their texts, in English and Spanish.

Counted, never timed: data() calls per edit, paints of the table per edit, signals per change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from planner.app.schedule_table import COLUMNS, PHASE_COLUMN, TOTAL_COLUMN, ScheduleTableModel, _row
from planner.app.window_language import SETTING, install_language
from planner.files.planfile import load_example

# Every role a view, a delegate or a screen reader may ask of an item.
ROLES = (Qt.DisplayRole, Qt.DecorationRole, Qt.EditRole, Qt.ToolTipRole, Qt.StatusTipRole, Qt.WhatsThisRole,
         Qt.SizeHintRole, Qt.FontRole, Qt.TextAlignmentRole, Qt.BackgroundRole, Qt.ForegroundRole,
         Qt.CheckStateRole, Qt.AccessibleTextRole, Qt.AccessibleDescriptionRole, Qt.InitialSortOrderRole)


def twelve_weeks():
    """The benchmark's 12-week plan: 300 mg steps every 3 days to 1800 mg, then 66 days."""
    base = load_example("gabapentin-phn-default")
    return replace(base, step_days=3, increment_mg=300, target_dose_mg=1800, maintenance_days=66)


PLANS = {"12 weeks": twelve_weeks, "two years": lambda: load_example("gabapentin-slow-two-year")}


class Counter(QObject):
    """Paint events of a widget (installed as its event filter)."""

    paints = 0

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Paint:
            self.paints += 1
        return False


@pytest.fixture
def calls(monkeypatch):
    """Every data() call the views make, as (row, column, role); the class is wrapped before
    the window is made, so each call from C++ goes through the wrapper."""
    made = []
    original = ScheduleTableModel.data

    def counting(self, index, role=Qt.DisplayRole):
        made.append((index.row(), index.column(), int(role)))
        return original(self, index, role)

    monkeypatch.setattr(ScheduleTableModel, "data", counting)
    return made


def make_window(qtbot, settings):
    from planner.app.main_window import MainWindow
    from planner.export.fonts import register_fonts

    register_fonts(QApplication.instance())  # the app font, as launch sets it
    w = MainWindow(settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(calls, qtbot, settings):
    return make_window(qtbot, settings)


def settle(n: int = 10) -> None:
    for _ in range(n):
        QApplication.processEvents()


def visible_rows(win) -> int:
    table = win.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    return (last if last >= 0 else win.table_model.rowCount() - 1) - first + 1


def edit_counts(win, calls, plan, edits: int = 4):
    """(data() calls, table paints, roles asked, rows on screen) of each of a few edits of the
    target in the form."""
    win.load_plan(plan, None)
    settle()
    painted = Counter()
    win.table.viewport().installEventFilter(painted)
    targets = (plan.target_dose_mg - 100, plan.target_dose_mg)
    out = []
    for i in range(edits):
        calls.clear()
        painted.paints = 0
        win.form.target.setValue(targets[i % 2])
        settle()
        out.append((len(calls), painted.paints, {role for _r, _c, role in calls}, visible_rows(win)))
    win.table.viewport().removeEventFilter(painted)
    return out


def test_an_edit_asks_data_for_the_cells_on_screen_once(window, calls):
    """Bounded by rows on screen x columns x the roles the delegate asks; the two-year plan's
    count exceeds the 12-week plan's by no more than its extra rows on screen."""
    counts = {}
    for name, plan in PLANS.items():
        made = edit_counts(window, calls, plan())
        roles = set().union(*(r for _n, _p, r, _rows in made))
        for n, paints, _roles, rows in made:
            bound = rows * len(COLUMNS) * len(roles)
            assert 0 < n <= bound, f"{name}: {n} data() calls for {rows} rows on screen (bound {bound})"
            assert paints == 1, f"{name}: the table painted {paints} times for one edit"
        counts[name] = (max(n for n, *_ in made), max(rows for *_, rows in made), len(roles))
    (short, short_rows, roles), (long, long_rows, _) = counts["12 weeks"], counts["two years"]
    assert long <= short + max(0, long_rows - short_rows) * len(COLUMNS) * roles, counts


def test_rows_off_screen_are_not_worded_by_an_edit(window):
    """An edit that changes every row words only the rows on screen (and one each side): the
    cost of an edit follows what is visible, not the plan's length."""
    from datetime import timedelta

    from planner.domain.schedule import compute_schedule

    plan = load_example("gabapentin-slow-two-year")
    window.load_plan(plan, None)
    settle()
    model = window.table_model
    made = []
    model.row_made.connect(made.append)
    later = compute_schedule(replace(plan, start_date=plan.start_date + timedelta(days=1)))
    model.set_schedule(later)  # every date moves: every row changed
    settle()
    assert model.rowCount() == len(later.steps) > 3 * visible_rows(window)
    assert 0 < len(made) <= visible_rows(window) + 2, made
    assert_same_as_fresh(model, later)  # and the rest are right when asked for


def changes(model):
    """What the model signals, as a list: ("changed", first, last, first column, last column),
    ("inserted", first, last), ("removed", first, last), ("reset",)."""
    log = []
    model.dataChanged.connect(lambda a, b, *_: log.append(("changed", a.row(), b.row(), a.column(), b.column())))
    model.rowsInserted.connect(lambda _p, a, b: log.append(("inserted", a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: log.append(("removed", a, b)))
    model.modelReset.connect(lambda: log.append(("reset",)))
    return log


def test_a_changed_step_signals_its_own_row_only(window):
    window.load_plan(twelve_weeks(), None)
    model = window.table_model
    schedule = window.schedule
    log = changes(model)
    steps = list(schedule.steps)
    steps[2] = replace(steps[2], edited=True)  # marked: its Phase text, background and tooltip change
    model.set_schedule(replace(schedule, steps=tuple(steps)))
    assert log == [("changed", 2, 2, 0, len(COLUMNS) - 1)]
    assert model.index(2, PHASE_COLUMN).data() == "titration (edited)"
    log.clear()
    model.set_schedule(replace(schedule, steps=tuple(steps)))  # the same again: nothing to repaint
    assert log == []
    model.set_schedule(schedule)
    assert log == [("changed", 2, 2, 0, len(COLUMNS) - 1)]


def test_a_longer_or_shorter_plan_adds_or_takes_away_rows(window):
    window.load_plan(twelve_weeks(), None)
    model = window.table_model
    log = changes(model)
    n = model.rowCount()
    window.form.target.setValue(2400)  # two more steps of 300 mg
    assert ("inserted", n, n + 1) in log and ("reset",) not in log
    assert model.rowCount() == len(window.schedule.steps) == n + 2
    log.clear()
    window.form.target.setValue(1200)
    assert ("removed", n - 2, n + 1) in log and ("reset",) not in log
    assert model.rowCount() == len(window.schedule.steps) == n - 2
    # The unchanged early steps were not signalled: only the row whose step changed.
    assert [e for e in log if e[0] == "changed"] == [("changed", n - 3, n - 3, 0, len(COLUMNS) - 1)]


def assert_same_as_fresh(model, schedule):
    """Every cell, role, flag and heading equal to a model built afresh from the schedule."""
    fresh = ScheduleTableModel()
    fresh.set_schedule(schedule)
    assert model.rowCount() == fresh.rowCount() == len(schedule.steps)
    assert model.steps == schedule.steps
    for c in range(len(COLUMNS)):
        assert model.headerData(c, Qt.Horizontal) == fresh.headerData(c, Qt.Horizontal)
    for r, st in enumerate(schedule.steps):
        assert tuple(model.index(r, c).data() for c in range(len(COLUMNS))) == _row(st)
        for c in range(len(COLUMNS)):
            a, b = model.index(r, c), fresh.index(r, c)
            assert model.flags(a) == fresh.flags(b), (r, c)
            for role in ROLES:
                assert model.data(a, role) == fresh.data(b, role), (r, c, role)


def test_after_edits_undo_and_redo_the_table_equals_a_fresh_one(window):
    win = window
    for plan in PLANS.values():
        win.load_plan(plan(), None)
        assert_same_as_fresh(win.table_model, win.schedule)
        first = win.schedule.steps[0].segment or 1
        edits = [
            lambda: win.form.target.setValue(win.plan.target_dose_mg + 300),
            lambda: win.document.edit_step({"step": first + 1, "hold_days": 7}),
            lambda: win.document.edit_step({"step": first + 2, "days": 5}),
            lambda: win.form.target.setValue(win.plan.target_dose_mg - 600),
            lambda: win.document.edit_step({"step": first, "total_mg": 200}),
            win.remove_step_edits,
        ]
        for edit in edits:
            edit()
            assert_same_as_fresh(win.table_model, win.schedule)
        while win.undo_stack.canUndo():
            win.undo_stack.undo()
            assert_same_as_fresh(win.table_model, win.schedule)
        while win.undo_stack.canRedo():
            win.undo_stack.redo()
            assert_same_as_fresh(win.table_model, win.schedule)
    marked = [r for r, st in enumerate(win.schedule.steps) if st.edited or st.hold]
    assert marked == [] or win.table_model.index(marked[0], TOTAL_COLUMN).data(Qt.BackgroundRole) is not None


def test_the_current_row_stays_through_an_edit(window, qtbot):
    win = window
    win.load_plan(load_example("gabapentin-slow-two-year"), None)
    win.table.setFocus()
    win.table.setCurrentIndex(win.table_model.index(3, TOTAL_COLUMN))
    qtbot.keyClick(win.table, Qt.Key_Down)
    assert (win.table.currentIndex().row(), win.table.currentIndex().column()) == (4, TOTAL_COLUMN)
    win.form.target.setValue(win.plan.target_dose_mg - 100)
    settle()
    assert (win.table.currentIndex().row(), win.table.currentIndex().column()) == (4, TOTAL_COLUMN)
    assert win.table.selectionModel().isRowSelected(4)
    win.undo_stack.undo()
    assert (win.table.currentIndex().row(), win.table.currentIndex().column()) == (4, TOTAL_COLUMN)


def test_another_language_or_no_schedule_resets_the_table(qapp):
    model = ScheduleTableModel()
    log = changes(model)
    from planner.domain.schedule import compute_schedule

    schedule = compute_schedule(twelve_weeks())
    model.set_schedule(schedule)
    assert log == [("reset",)]
    log.clear()
    install_language("es")
    try:
        model.set_schedule(schedule)
        assert log == [("reset",)] and model.headerData(0, Qt.Horizontal) == "Fechas"
        assert_same_as_fresh(model, schedule)
    finally:
        install_language("en")
    log.clear()
    model.set_schedule(None)
    assert log == [("reset",)] and model.rowCount() == 0


def unclipped(win) -> list[str]:
    """The columns narrower than a heading or a text on screen needs (the delegate's own
    measure), the table scrolled from its first row to its last."""
    table, model = win.table, win.table_model
    header = table.horizontalHeader()
    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.font = table.font()
    scroll = table.verticalScrollBar()
    short = set()
    for value in range(scroll.minimum(), scroll.maximum() + 1):
        scroll.setValue(value)
        settle(3)
        first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        rows = range(first, (last if last >= 0 else model.rowCount() - 1) + 1)
        for c in range(model.columnCount()):
            need = max([header.sectionSizeHint(c)] + [delegate.sizeHint(option, model.index(r, c)).width() + 1
                                                       for r in rows])
            if header.sectionSize(c) < need:
                short.add(f"{model.headerData(c, Qt.Horizontal)}: {header.sectionSize(c)} < {need} (rows {rows})")
    scroll.setValue(scroll.minimum())
    return sorted(short)


def some_edits(win):
    win.load_plan(load_example("gabapentin-slow-two-year"), None)
    win.form.target.setValue(win.plan.target_dose_mg + 100)
    first = win.schedule.steps[0].segment or 1
    win.document.edit_step({"step": first + 1, "hold_days": 7})  # "(hold)" widens the Phase column
    win.document.edit_step({"step": first + 3, "total_mg": 1000})
    settle()


def test_no_column_is_narrower_than_its_text(window):
    some_edits(window)
    assert unclipped(window) == []
    window.load_plan(twelve_weeks(), None)  # a whole plan: the columns fitted to it again
    assert unclipped(window) == []


def test_no_column_is_narrower_than_its_text_in_spanish(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "es.ini"), QSettings.IniFormat)
    settings.setValue(SETTING, "es")
    install_language("es")
    try:
        win = make_window(qtbot, settings)
        some_edits(win)
        assert win.table_model.headerData(0, Qt.Horizontal) == "Fechas"
        assert unclipped(win) == []
    finally:
        install_language("en")


def test_a_column_the_user_drags_keeps_its_width_through_edits(window):
    from PySide6.QtWidgets import QHeaderView

    window.load_plan(twelve_weeks(), None)
    header = window.table.horizontalHeader()
    last = len(COLUMNS) - 1
    assert all(header.sectionResizeMode(c) == QHeaderView.Interactive for c in range(last + 1))
    assert header.stretchLastSection()
    header.resizeSection(PHASE_COLUMN, 300)  # as the user's drag does
    header.resizeSection(TOTAL_COLUMN, 30)  # narrower than its texts: the user's choice
    window.form.target.setValue(2400)
    window.document.edit_step({"step": 2, "hold_days": 7})
    settle()
    assert (header.sectionSize(PHASE_COLUMN), header.sectionSize(TOTAL_COLUMN)) == (300, 30)
    window.load_plan(twelve_weeks(), None)  # a whole plan: fitted again
    assert header.sectionSize(PHASE_COLUMN) < 300 and header.sectionSize(TOTAL_COLUMN) > 30


def test_every_heading_on_screen_can_be_read_on_a_small_screen(window):
    """At 1366 pixels the units column runs past the window's edge (it scrolls): its heading
    must start where the column does, not sit centred out of sight."""
    window.resize(1366, 768)
    window.load_plan(load_example("gabapentin-phn-to-1800-with-taper"), None)
    settle()
    table, model = window.table, window.table_model
    header = table.horizontalHeader()
    fm = header.fontMetrics()
    seen = table.viewport().width()
    for c in range(model.columnCount()):
        start, width = header.sectionViewportPosition(c), header.sectionSize(c)
        if start >= seen:
            continue  # scrolled to, not shown now
        text = fm.horizontalAdvance(model.headerData(c, Qt.Horizontal))
        align = model.headerData(c, Qt.Horizontal, Qt.TextAlignmentRole) or int(header.defaultAlignment())
        left = start if align & Qt.AlignLeft else start + (width - text) / 2
        assert left + text <= seen, f"{model.headerData(c, Qt.Horizontal)} is drawn at {left:.0f}–{left + text:.0f}, the table shows 0–{seen}"
