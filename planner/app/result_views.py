"""What the window shows of the document's result: the chart, the schedule table, the
dispense line, the kidney line under the form, and the problems list. They follow the
document's `recomputed` signal; an input the engine rejects shows its message at its
field and greys the chart and table, so nothing on screen ever looks valid while it does
not match the inputs."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from planner.app.problems_view import ProblemsList
from planner.app.date_field import DateField
from planner.app.form_rows import product_text
from planner.app.document import WHOLE_PLAN
from planner.app.screen_reader import describe_errors, tie_message
from planner.app.table_cells import VisiblePartDelegate
from planner.app.schedule_table import HOLD_DAYS, TOTAL_COLUMN, ScheduleTableModel, editable
from planner.domain.problems import Problem
from planner.text.kidney import kidney_limit_text
from planner.text.units import LIQUID_FORM, liquid_dispense_text

translate = QCoreApplication.translate


class ColumnFit(QObject):
    """The table's column widths, from the font's measure of the headings and of the texts of
    the rows on screen (never through data(): a view asks that for every cell it measures, and
    rows off screen are not worded until shown). A column widens when a text on screen needs it,
    checked after each change, scroll or resize of the table, and is fitted again (it may
    shrink) when the model is reset or a whole plan replaces the last. A column the user drags
    keeps its width until then; the last one stretches, at least as wide as its texts."""

    def __init__(self, table: QTableView, model: ScheduleTableModel) -> None:
        super().__init__(table)
        self.table, self.model = table, model
        self.widths: dict[str, int] = {}  # a text's width in the table's font
        self.headings: list[int] = []  # the width each heading needs, measured on a reset
        self.pending: list[int] = []  # the widths the rows measured since the last resize need
        self.dragged: set[int] = set()  # columns the user sized
        self._resizing = self._measuring = self._queued = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(self._resized)
        model.modelReset.connect(self.fit)
        model.headerDataChanged.connect(lambda *_: self.fit())
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(lambda *_: self.widen())
        table.verticalScrollBar().valueChanged.connect(lambda *_: self.widen())
        table.viewport().installEventFilter(self)  # taller: more rows on screen
        # A row worded while the view paints (one not measured yet): widened just after.
        model.row_made.connect(self._made)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Resize:
            self.widen()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._resizing and column != self.model.columnCount() - 1:  # the last one stretches
            self.dragged.add(column)

    def _measure(self, texts: tuple[str, ...]) -> None:
        columns = self.model.columnCount()
        if len(self.headings) != columns:
            header = self.table.horizontalHeader()
            self.headings = [header.sectionSizeHint(c) for c in range(columns)]
        if len(self.pending) != columns:
            self.pending = list(self.headings)
        fm = self.table.fontMetrics()
        # As QStyledItemDelegate pads a text, a pixel its rounding up of the text's width may
        # add, and one for the grid line.
        pad = 2 * (self.table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self.table) + 1) + 2
        widths, pending = self.widths, self.pending
        if len(widths) > 8192:
            widths.clear()
        for c, text in enumerate(texts):
            w = widths.get(text)
            if w is None:
                w = widths[text] = fm.horizontalAdvance(text)
            if w + pad > pending[c]:
                pending[c] = w + pad

    def _on_screen(self) -> range:
        """The rows on screen, and one more each side."""
        rows = self.model.rowCount()
        height = max(1, self.table.verticalHeader().defaultSectionSize())
        top = max(0, self.table.rowAt(0))
        return range(max(0, top - 1), min(rows, top + self.table.viewport().height() // height + 2))

    def _made(self, row: int) -> None:
        if self._measuring:
            return
        self._measure(self.model.row_texts(row))
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._apply)

    def _apply(self, fitting: bool = False) -> None:
        """Columns to the widths measured: wider only, or (fitting) exactly."""
        self._queued = False
        header = self.table.horizontalHeader()
        self._resizing = True
        try:
            for c, w in enumerate(self.pending):
                size = header.sectionSize(c)
                if (size != w) if fitting else (w > size and c not in self.dragged):
                    header.resizeSection(c, w)
        finally:
            self._resizing = False
        self.pending = []

    def _measure_screen(self) -> None:
        self._measuring = True
        try:
            for row in self._on_screen():
                self._measure(self.model.row_texts(row))
        finally:
            self._measuring = False
        if not self.pending:  # no rows: the headings alone
            self._measure(())

    def fit(self) -> None:
        """Every column to its longest text on screen or its heading (narrower ones shrink)."""
        self.widths.clear()  # the language or font may be another
        self.headings, self.pending, self.dragged = [], [], set()
        self._measure_screen()
        self._apply(fitting=True)

    def widen(self) -> None:
        self._measure_screen()
        self._apply()


class ResultViews:
    """Mixed into MainWindow: builds the views of the result and keeps them current."""

    def _build_result_views(self) -> QWidget:
        """The table with its stale notice and dispense line (returned as one box), and the
        problems list; the chart is the window's (main_window)."""
        self.table_model = ScheduleTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setItemDelegate(VisiblePartDelegate(self.table))  # a number cut by the edge is never read in part
        self.table.setAccessibleName(translate("Window", "Schedule table"))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.column_fit = ColumnFit(self.table, self.table_model)
        self._refit_columns = False  # a whole plan came in: the columns are fitted to it
        self.document.changed.connect(self._plan_changed)
        # The current row stays where it was when the model is reset (a keyboard user's row).
        self.table_model.modelAboutToBeReset.connect(self._keep_current_row)
        self.table_model.modelReset.connect(self._restore_current_row)
        # Typing over a Total, time-of-day or Days cell (F2, or a double click) shapes that step.
        self.table.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed)
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)
        # Queued: the table's editor is closed before the document recomputes and resets the table.
        self.table_model.step_edit_asked.connect(self.document.edit_step, Qt.QueuedConnection)
        self.table_model.refused.connect(lambda why: self.statusBar().showMessage(why, 8000))
        self.dispense = QLabel()
        self.dispense.setAccessibleName(translate("Window", "Dispense totals"))
        self.dispense.setWordWrap(True)
        self.dispense.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff4c2; color: #5c4400; padding: 4px; border: 1px solid #e0c060;")
        self.stale.hide()
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.stale)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.dispense)
        self.problems = ProblemsList()
        for field in self.form.findChildren(DateField):  # a date that cannot be read, said with its field
            tie_message(field.message, field.edit)
        return table_box

    def _plan_changed(self, field: str) -> None:
        if field == WHOLE_PLAN:
            self._refit_columns = True

    def _keep_current_row(self) -> None:
        index = self.table.currentIndex()
        self._kept_cell = (index.row(), index.column()) if index.isValid() else None

    def _restore_current_row(self) -> None:
        kept = getattr(self, "_kept_cell", None)
        if kept is not None and kept[0] < self.table_model.rowCount():
            self.table.setCurrentIndex(self.table_model.index(*kept))

    # --- steps the prescriber shapes (the actions are in the Edit menu and the table's context menu) ---

    def current_step(self):
        """The step of the table's current row, if the prescriber can shape it."""
        row = self.table.currentIndex().row()
        steps = self.table_model.steps
        if self.document.schedule is None or not 0 <= row < len(steps) or not editable(steps[row]):
            return None
        return steps[row]

    def hold_step(self) -> None:
        """Stay on the current row's dose HOLD_DAYS more days (a hold after its step)."""
        st = self.current_step()
        if st is not None:
            self.document.edit_step({"step": st.segment, "hold_days": HOLD_DAYS})

    def edit_step(self) -> None:
        """Type the current row's daily dose (its other cells are edited the same way)."""
        if self.current_step() is not None:
            index = self.table_model.index(self.table.currentIndex().row(), TOTAL_COLUMN)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def remove_step_edits(self) -> None:
        self.document.remove_step_edits()

    def _update_step_actions(self) -> None:
        shapeable = self.current_step() is not None
        self.hold_action.setEnabled(shapeable)
        self.edit_step_action.setEnabled(shapeable)
        self.remove_step_edits_action.setEnabled(bool(self.document.step_edits))

    def _show_result(self) -> None:
        doc = self.document
        if doc.schedule is not None:
            self._show_schedule(doc)
        else:
            self._show_invalid(doc.input_errors)
        self._update_step_actions()
        self.recomputed.emit()

    def _show_schedule(self, doc) -> None:
        schedule = doc.schedule
        self.form.show_errors([])
        describe_errors(self.form.rows)
        self.canvas.show_schedule(schedule)
        shaping = self.current_step()  # the step the keyboard is on, as a step, not a row number
        self.table_model.set_schedule(schedule)
        if shaping is not None:
            self._follow_step(shaping.segment)
        if self._refit_columns:
            self._refit_columns = False
            self.column_fit.fit()
        self.table.setEnabled(True)
        self.stale.hide()
        parts = [liquid_dispense_text(x, schedule.profile) if x.form == LIQUID_FORM  # PRODUCTS (issue 14)
                 #: One item of the dispense totals ("54 × 100 mg capsule"); {product} is the capsule or tablet.
                 else translate("Window", "{count} × {product}").format(count=x.count, product=product_text(x.strength_mg, x.form))
                 for x in schedule.dispense]
        #: The dispense totals when the plan dispenses nothing.
        self.dispense.setText(translate("Window", "Dispense for the whole plan: {items}").format(items=", ".join(parts) if parts else translate("Window", "nothing")))
        self.dispense.setEnabled(True)
        self.problems.set_problems(schedule.problems, doc.plan.overrides)
        k = schedule.kidney
        if k is not None:
            #: Under the kidney fields, below the limit: the CrCl was entered.
            how = translate("Window", "entered") if k.method == "entered" else translate("Window", "Cockcroft-Gault estimate")
            self.form.set_kidney_result(f"<b>{html.escape(kidney_limit_text(k))}</b><br>{how}")
        else:
            self.form.set_kidney_result("")

    def _follow_step(self, segment: int) -> None:
        """Keep the current row on this plan step: an edit can split or merge the rows above it
        (a new capsule strength splits the first step), and the next Hold or F2 must shape the
        step the clinician was on, not whatever step now has its row number."""
        index = self.table.currentIndex()
        steps = self.table_model.steps
        if 0 <= index.row() < len(steps) and steps[index.row()].segment == segment:
            return
        row = next((r for r, st in enumerate(steps) if st.segment == segment and editable(st)), None)
        if row is not None:
            self.table.setCurrentIndex(self.table_model.index(row, max(index.column(), 0)))

    def _show_invalid(self, errors: list[tuple[str, str]]) -> None:
        """Never leave a chart or table that looks valid when it does not match the inputs."""
        self.form.show_errors(errors)
        describe_errors(self.form.rows)  # a screen reader reads the error with its field
        #: A field and its error, in the problems list and messages ("Start dose: must be from 1 to 20000 mg per day").
        named = [(f, translate("Window", "{field}: {message}").format(field=self.form.field_name(f), message=m)) for f, m in errors]
        #: The first input error when the engine names none.
        first = named[0][1] if named else translate("Window", "the plan is unusable")
        #: After the first input error when there are more ("Start dose: … (and 2 more)").
        more = (translate("Window", " (and {n} more)") if len(errors) - 1 == 1 else translate("Window", " (and {n} more)")).format(n=len(errors) - 1) if len(errors) > 1 else ""
        #: On the greyed chart while the inputs are invalid; {first} is the first error, {more} window.and-more or empty.
        self.invalid_reason = translate("Window", "Not up to date: {first}{more}").format(first=first, more=more)
        self.canvas.show_invalid(self.invalid_reason)
        self.table.setEnabled(False)
        #: Above the greyed table while the inputs are invalid.
        self.stale.setText(translate("Window", "The chart and table show an earlier plan and do not match the inputs. Fix {first}{more}.").format(first=first, more=more))
        self.stale.show()
        self.dispense.setEnabled(False)
        self.problems.set_problems([Problem("invalid-input", "blocking", f, values={"text": text}) for f, text in named])
        self.form.set_kidney_result("")
