"""The clinician's window: the plan form beside its chart, table and problems.

The window owns the plan document (planner.app.document). The form turns each edit into
an undoable command on the document and shows what the document holds; the chart, table,
problems list, dispense and kidney lines, autosave and the title follow the document's
signals. What the window does is split by what it holds: menus (window_actions), file
operations (file_actions), New and the label's start (label_starts), printing, exports and
overrides (print_actions), recovery after a crash (recovery_prompts) and the views of the
result (result_views: the chart, problems and the schedule table, where steps are shaped).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QScrollArea, QSplitter

from planner.app import settings_store
from planner.app.autosave import INTERVAL_MS, Autosaver
from planner.app.chart_view import ChartCanvas
from planner.app.document import PlanDocument
from planner.app.file_actions import DEFAULT_PLAN, REMEMBERED, FileActions
from planner.app.form import PlanForm
from planner.app import keyboard, warm_up
from planner.app.label_starts import LabelStarts
from planner.app.print_actions import PrintActions
from planner.app.recovery_prompts import RecoveryPrompts
from planner.app.result_views import ResultViews
from planner.app.window_actions import APP_NAME, make_actions
from planner.domain.plan import Plan
from planner.domain.schedule import Schedule
from planner.files.recovery import RecoveryStore

translate = QCoreApplication.translate

__all__ = ["APP_NAME", "DEFAULT_PLAN", "MainWindow"]


class MainWindow(FileActions, LabelStarts, PrintActions, RecoveryPrompts, ResultViews, QMainWindow):
    recomputed = Signal()  # after every recompute, valid or not (the views are current)
    chart_painted = Signal()  # after each paint of the chart
    today = staticmethod(date.today)  # what New starts on and a past start is judged against (tests pin it)

    def __init__(self, settings: QSettings | None = None, recovery: RecoveryStore | None = None,
                 autosave_ms: int = INTERVAL_MS) -> None:
        """recovery: where unsaved work is autosaved (None: not autosaved, as in most tests)."""
        super().__init__()
        self.invalid_reason = ""
        self.settings = settings or QSettings()
        # Every remembered value is read through its check; bad ones are dropped and named.
        self.remembered = settings_store.SettingsStore(self.settings, self)
        self.remembered.dropped.connect(lambda *_: QTimer.singleShot(0, self._settings_notice))
        self.settings_notice = None
        self._disk = None  # (the file, what it held when read or written): Save checks it is unchanged
        self.document = PlanDocument(today=lambda: self.today(), parent=self)
        self.undo_stack = self.document.undo_stack

        self.form = PlanForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(self.form.sizeHint().width() + 24)
        self.form_scroll.setFocusPolicy(Qt.NoFocus)  # no blank Tab stop: the form scrolls to the focused field

        # The chart on screen is painted with QPainter (chart_view): no matplotlib at start-up.
        # Made before the table, it comes between the form and the table in the Tab order.
        self.canvas = ChartCanvas()
        self.canvas.painted.connect(self.chart_painted)
        table_box = self._build_result_views()
        self._right = QSplitter(Qt.Vertical)
        self._right.addWidget(self.canvas)
        self._right.addWidget(table_box)
        self._right.addWidget(self.problems)
        self._right.setStretchFactor(0, 5)
        self._right.setStretchFactor(1, 4)
        self._right.setStretchFactor(2, 2)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self._right)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.autosaver = None
        self._autosave_message = ""  # the status bar's autosave failure, cleared by the next autosave
        if recovery is not None:
            self.autosaver = Autosaver(recovery, lambda: self.document.state, lambda: self.current_file,
                                       autosave_ms, self)
            self.autosaver.failed.connect(self._autosave_failed)
            self.autosaver.saved.connect(self._autosaved)
        make_actions(self)
        # The File menu is the way to Print and Export: opening it starts importing the printout's
        # machinery (matplotlib, ~90 MB) in the background, so a session that only edits never
        # holds it and the first print rarely waits for it (warm_up).
        self.file_menu.aboutToShow.connect(warm_up.start)
        keyboard.set_up(self)  # Tab leaves the table; undo and redo keys undo plan changes

        # The document is the plan; everything else listens to it.
        self.form.attach(self.document)
        self.form.changed.connect(self._remember_clinic)
        self.undo_stack.indexChanged.connect(self._unsaved_edit)  # after push, merge, undo, redo
        self.document.recomputed.connect(self._show_result)
        self.document.file_changed.connect(self._update_title)
        self.document.modified_changed.connect(self._modified_changed)
        self.problems.field_chosen.connect(self.focus_field)
        self.problems.override_asked.connect(self.record_override)
        self.problems.override_removed.connect(self.remove_override)
        self._connect_label_starts()

        self.resize(1400, 900)
        self.remembered.check_all()
        self.new_plan(ask=False)

    # --- the document's result, as the window's public names -----------------------------------

    @property
    def plan(self) -> Plan | None:
        return self.document.plan

    @property
    def schedule(self) -> Schedule | None:
        return self.document.schedule

    @property
    def input_errors(self) -> list[tuple[str, str]]:
        return self.document.input_errors

    @property
    def current_file(self) -> Path | None:
        return self.document.current_file

    def recompute(self) -> None:
        """Compute the document's plan again (the views follow)."""
        self.document.recompute()

    # --- listening to the document ----------------------------------------------------------------

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        # The one place the recovery file goes while the window lives: saved, undone back
        # to the saved plan, or another plan loaded (a cleared undo stack is clean).
        if not modified and self.autosaver is not None:
            self.autosaver.clear()

    def _unsaved_edit(self, _index: int) -> None:
        if self.autosaver is not None and self.document.modified:
            self.autosaver.edited()

    def _remember_clinic(self, field: str) -> None:
        """The clinic's details typed in the form are remembered for the next New."""
        if field in REMEMBERED:
            group, key = field.split(".")
            self.remembered.remember(f"{group}/{key}", (self.document.state.get(group) or {}).get(key, ""))

    def _autosave_failed(self, why: str) -> None:
        #: Status bar when the autosave to the recovery folder failed; {why} names the reason and folder.
        self._autosave_message = translate("Window", "Autosave failed: {why}. Save the plan to keep it safe.").format(why=why)
        self.statusBar().showMessage(self._autosave_message)

    def _autosaved(self) -> None:
        """The failure is over: its message goes (another message stays)."""
        if self._autosave_message and self.statusBar().currentMessage() == self._autosave_message:
            self.statusBar().clearMessage()
        self._autosave_message = ""

    def _update_title(self) -> None:
        #: The window's title for a plan not saved to a file yet.
        name = self.current_file.name if self.current_file else translate("Window", "Untitled plan")
        #: The window's title: the plan's file name (or window.untitled), [*] marks unsaved changes.
        self.setWindowTitle(translate("Window", "{name}[*] — {app}").format(name=name, app=APP_NAME))

    def focus_field(self, field: str) -> None:
        w = self.form.widget_for(field)
        if w is None:
            return
        self.form_scroll.ensureWidgetVisible(w)
        w.setFocus(Qt.OtherFocusReason)

    # --- window -----------------------------------------------------------------------------

    def restore_geometry(self) -> None:
        self.remembered.restore_geometry(self, self.splitter)

    def _settings_notice(self) -> None:
        """Say once which remembered settings were reset (the window is up by now)."""
        problems, self.remembered.problems = self.remembered.problems, []
        if problems:
            self.statusBar().showMessage(
                #: Status bar at start-up when remembered settings were dropped; {settings} lists them.
                translate("Window", "Some remembered settings were reset: {settings}").format(settings="; ".join(label for label, _ in problems)), 15000)
            self.settings_notice = settings_store.show_notice(self, problems)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        if self.autosaver is not None:  # saved, discarded or unchanged: nothing to recover
            self.autosaver.close()
        event.accept()
