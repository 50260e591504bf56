"""The clinician's window: the plan form beside its chart, table and problems.

Every edit recomputes the schedule in planner.core and redraws at once. An input the
core rejects shows its message at its field and greys the chart and table, so nothing
on screen ever looks valid while it does not match the inputs.
"""

from __future__ import annotations

import dataclasses
import html
import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.files.filestamp import FileStamp, changed_since
from planner.files.formstate import not_taken
from planner.domain.plan import Plan, PlanError, new_plan_id, plan_identity
from planner.files.planfile import dump_plan, load_example, load_plan_file, plan_from_dict, plan_to_dict, save_plan_file
from planner.files.safefile import ReadOnlyFile
from planner.domain.problems import Problem
from planner.text.kidney import kidney_limit_text
from planner.text.problems import problem_text
from planner.files.recovery import Recovered, RecoveryStore, release
from planner.domain.schedule import Schedule, compute_schedule
from planner.app import save_guard
from planner.app import settings_store
from planner.app.autosave import INTERVAL_MS, Autosaver
from planner.app.form import PlanForm
from planner.app.problems_view import ProblemsList
from planner.app.schedule_table import ScheduleTableModel
from planner.app.undo import FormEdit

APP_NAME = "Titration Planner"
DEFAULT_PLAN = "gabapentin-phn-default"
MAX_RECENT = 8
REMEMBERED = ("prescriber.name", "prescriber.organisation", "prescriber.phone", "pharmacy.name", "pharmacy.phone")


class ChartLoader(QObject):
    """Imports matplotlib and builds the chart's figure in a thread, then says so.

    Importing matplotlib is most of the start-up time. It creates no widget, so it runs
    off the GUI thread while Qt starts and the form is shown and takes typing; the canvas
    itself is then made on the GUI thread."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.figure = None
        self.chart = None
        self.built = threading.Event()  # figure and chart made (or failed): set before `done`
        self.finished = threading.Event()  # the thread is done with Qt: set after `done`

    def start(self) -> "ChartLoader":
        threading.Thread(target=self._run, name="chart-import", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            from planner.app.chart_view import new_chart

            self.figure, self.chart = new_chart()
        finally:
            self.built.set()
            self.done.emit()  # queued to the GUI thread
            # Last: run_window waits for this before Python tears down (see there).
            self.finished.set()


class MainWindow(QMainWindow):
    recomputed = Signal()  # after every recompute, valid or not
    chart_painted = Signal()  # after each paint of the chart
    today = staticmethod(date.today)  # what New starts on and a past start is judged against (tests pin it)

    def __init__(self, settings: QSettings | None = None, defer_chart: bool = False,
                 recovery: RecoveryStore | None = None, autosave_ms: int = INTERVAL_MS) -> None:
        """defer_chart: show the form first and build the chart (matplotlib) just after,
        so the clinician can start typing sooner; the chart then shows the current plan.
        recovery: where unsaved work is autosaved (None: not autosaved, as in most tests)."""
        super().__init__()
        self.canvas = None
        self._invalid_reason = ""
        self.settings = settings or QSettings()
        # Every remembered value is read through its check; bad ones are dropped and named.
        self.remembered = settings_store.SettingsStore(self.settings, self)
        self.remembered.dropped.connect(lambda *_: QTimer.singleShot(0, self._settings_notice))
        self.settings_notice = None
        self.current_file: Path | None = None
        self._disk: tuple[Path, FileStamp | None] | None = None  # the file and what it held when read/written
        self.plan: Plan | None = None
        self.schedule: Schedule | None = None
        self.input_errors: list[tuple[str, str]] = []

        self.form = PlanForm()
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(self.form.sizeHint().width() + 24)

        self._chart_holder = QLabel("Drawing the chart…")
        self._chart_holder.setAlignment(Qt.AlignCenter)
        self._chart_holder.setMinimumHeight(260)
        self.table_model = ScheduleTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Schedule table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        # Size columns from the rows on screen only: measuring every row on each edit is slow.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.dispense = QLabel()
        self.dispense.setAccessibleName("Dispense totals")
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

        right = QSplitter(Qt.Vertical)
        right.addWidget(self._chart_holder)
        self._right = right
        right.addWidget(table_box)
        right.addWidget(self.problems)
        right.setStretchFactor(0, 5)
        right.setStretchFactor(1, 4)
        right.setStretchFactor(2, 2)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.autosaver = None
        if recovery is not None:
            self.autosaver = Autosaver(recovery, self.form.state, lambda: self.current_file, autosave_ms, self)
            self.autosaver.failed.connect(lambda why: self.statusBar().showMessage(
                f"Autosave failed: {why}. Save the plan to keep it safe."))
            self.autosaver.saved.connect(self._autosaved)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._make_actions()
        self.form.changed.connect(self._form_changed)
        self.problems.field_chosen.connect(self.focus_field)
        self.problems.override_asked.connect(self.record_override)
        self.problems.override_removed.connect(self.remove_override)

        self.resize(1400, 900)
        self.remembered.check_all()
        self.new_plan(ask=False)
        if not defer_chart:
            self.make_chart()

    def make_chart_when_loaded(self, loader: ChartLoader) -> None:
        """Make the chart as soon as the loader has built it (maybe already)."""
        self._loader = loader
        loader.done.connect(self.make_chart)
        if loader.built.is_set():  # done before we listened: make_chart is idempotent
            QTimer.singleShot(0, self.make_chart)

    def make_chart(self) -> None:
        """Put the chart in its place (matplotlib is imported here, not at start-up)."""
        if self.canvas is not None:
            return
        from planner.app.chart_view import ChartCanvas

        loader = getattr(self, "_loader", None)
        if loader is not None and loader.chart is not None:
            self.canvas = ChartCanvas(loader.figure, loader.chart)
        else:
            self.canvas = ChartCanvas()
        self.canvas.painted.connect(self.chart_painted)
        sizes = self._right.sizes()  # the canvas takes the placeholder's room, no more
        self._right.replaceWidget(0, self.canvas)
        if sum(sizes):
            self._right.setSizes(sizes)
        self._chart_holder.deleteLater()
        if self.schedule is not None:
            self.canvas.show_schedule(self.schedule)
        else:
            self.canvas.show_invalid(self._invalid_reason)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)
        # The one place the recovery file goes while the window lives: saved, undone back
        # to the saved plan, or another plan loaded (undo_stack.clear() makes it clean).
        if clean and self.autosaver is not None:
            self.autosaver.clear()

    def _unsaved_edit(self) -> None:
        if self.autosaver is not None and not self.undo_stack.isClean():
            self.autosaver.edited()

    def _autosaved(self) -> None:
        if self.statusBar().currentMessage().startswith("Autosave failed"):
            self.statusBar().clearMessage()

    # --- actions, in one place ---------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None, menu=None) -> QAction:
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(shortcut)
            a.triggered.connect(slot)
            if menu is not None:
                menu.addAction(a)
            return a

        file_menu = self.menuBar().addMenu("&File")
        self.new_action = action("&New", lambda: self.new_plan(), QKeySequence.New, file_menu)
        self.open_action = action("&Open…", lambda: self.open_plan(), QKeySequence.Open, file_menu)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.save_action = action("&Save", lambda: self.save(), QKeySequence.Save, file_menu)
        self.save_as_action = action("Save &As…", lambda: self.save_as(), QKeySequence.SaveAs, file_menu)
        file_menu.addSeparator()
        self.preview_action = action("Print Pre&view…", lambda: self.print_preview(),
                                     QKeySequence("Ctrl+Shift+P"), file_menu)
        self.print_action = action("&Print…", lambda: self.print_plan(), QKeySequence.Print, file_menu)
        self.export_pdf_action = action("Export as P&DF…", lambda: self.export(".pdf"),
                                        QKeySequence("Ctrl+E"), file_menu)
        self.export_csv_action = action("Export as &CSV…", lambda: self.export(".csv"), None, file_menu)
        self.export_ics_action = action("Export to Ca&lendar (.ics)…", lambda: self.export(".ics"), None,
                                        file_menu)
        paper_menu = file_menu.addMenu("Printout &Options")
        self.paper_group = QActionGroup(self)
        self.paper_actions = {}
        for paper in ("A4", "Letter"):
            a = QAction(paper, self, checkable=True)
            a.setData(paper)
            self.paper_group.addAction(a)
            paper_menu.addAction(a)
            self.paper_actions[paper] = a
        self.paper_group.triggered.connect(lambda a: self.settings.setValue("print/paper", a.data()))
        paper_menu.addSeparator()
        self.large_print_action = QAction("&Large print", self, checkable=True)
        self.large_print_action.toggled.connect(lambda on: self.settings.setValue("print/large", on))
        paper_menu.addAction(self.large_print_action)
        file_menu.addSeparator()
        action("&Quit", self.close, QKeySequence.Quit, file_menu)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        self._load_print_settings()
        help_menu = self.menuBar().addMenu("&Help")
        action("&About", self._about, None, help_menu)

    def _about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", (
            f"<b>{APP_NAME}</b><p>Plans how a patient starts and stops gabapentin or pregabalin step "
            "by step. Every dose is checked against the FDA label (Neurontin, Lyrica) and the "
            "patient's kidney function. It makes no network connections.</p>"))

    # --- the plan on screen -------------------------------------------------------------------

    def load_plan(self, plan: Plan, path: Path | None) -> bool:
        """Show a plan as the new, unmodified document. False (and a message, the plan on
        screen kept) when the form cannot show one of its values exactly."""
        shown = plan
        if plan.plan_id is None:  # a file from before plan_id: its fallback identity, kept from now on
            shown = dataclasses.replace(plan, plan_id=plan_identity(plan))
        try:
            self.form.set_state(plan_to_dict(shown))
        except PlanError as exc:
            name = path.name if path is not None else "the plan"
            QMessageBox.warning(self, APP_NAME, f"Could not open {name}: the form cannot show it exactly.\n"
                                + "\n".join(f"• {self.form.field_name(e.field)}: {e.message}" for e in exc.errors)
                                + "\n\nThe plan on screen is unchanged.")
            return False
        self._state = self.form.state()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.current_file = path
        # What the file held when read: Save checks nobody changed it since.
        self._disk = (path, save_guard.stamp_of_loaded(path, plan)) if path else None
        self.setWindowModified(False)
        self._update_title()
        self.recompute()
        return True

    def _apply_state(self, state: dict[str, Any]) -> None:
        """Undo and redo: put a whole earlier form back."""
        self.form.set_state(state)
        self._state = state
        self.recompute(state)
        self._unsaved_edit()

    def _form_changed(self, field: str) -> None:
        after = self.form.state()
        self.undo_stack.push(FormEdit(field, self._state, after, self._apply_state))
        self._state = after
        if field in REMEMBERED:
            self.remembered.remember(field.replace(".", "/"), after.get(field.split(".")[0], {}).get(
                field.split(".")[1], ""))
        self.recompute(after)
        self._unsaved_edit()

    def recompute(self, state: dict[str, Any] | None = None) -> None:
        """Validate and compute the plan the form shows (state: the form's, if already read)."""
        try:
            plan = plan_from_dict(state if state is not None else self.form.state())
            schedule = compute_schedule(plan, today=self.today())
        except PlanError as exc:
            self._show_invalid([(e.field, e.message) for e in exc.errors])
        else:
            self._show_schedule(plan, schedule)
        self.recomputed.emit()

    def _show_schedule(self, plan: Plan, schedule: Schedule) -> None:
        self.plan, self.schedule, self.input_errors = plan, schedule, []
        self.form.show_errors([])
        if self.canvas is not None:
            self.canvas.show_schedule(schedule)
        self.table_model.set_schedule(schedule)
        self.table.setEnabled(True)
        self.stale.hide()
        parts = [f"{x.count} × {x.strength_mg} mg {x.form}" for x in schedule.dispense]
        self.dispense.setText("Dispense for the whole plan: " + (", ".join(parts) if parts else "nothing"))
        self.dispense.setEnabled(True)
        self.problems.set_problems(schedule.problems, plan.overrides)
        k = schedule.kidney
        if k is not None:
            how = "entered" if k.method == "entered" else "Cockcroft-Gault estimate"
            self.form.set_kidney_result(f"<b>{html.escape(kidney_limit_text(k))}</b><br>{how}")
        else:
            self.form.set_kidney_result("")

    def _show_invalid(self, errors: list[tuple[str, str]]) -> None:
        """Never leave a chart or table that looks valid when it does not match the inputs."""
        self.plan, self.schedule, self.input_errors = None, None, errors
        self.form.show_errors(errors)
        named = [(f, f"{self.form.field_name(f)}: {m}") for f, m in errors]
        first = named[0][1] if named else "the plan is unusable"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        self._invalid_reason = f"Not up to date: {first}{more}"
        if self.canvas is not None:
            self.canvas.show_invalid(self._invalid_reason)
        self.table.setEnabled(False)
        self.stale.setText(f"The chart and table show an earlier plan and do not match the inputs. "
                           f"Fix {first}{more}.")
        self.stale.show()
        self.dispense.setEnabled(False)
        self.problems.set_problems([Problem("invalid-input", "blocking", f, values={"text": text}) for f, text in named])
        self.form.set_kidney_result("")

    # --- overrides, printing and export ----------------------------------------------------------

    def record_override(self, code: str, reason: str | None = None) -> bool:
        """Record why the prescriber accepts a blocking problem; the printout shows it."""
        if reason is None:
            problem = next((p for p in (self.schedule.problems if self.schedule else ()) if p.code == code), None)
            text = problem_text(problem) if problem else code
            reason, ok = QInputDialog.getMultiLineText(
                self, "Override a blocking problem",
                f"{text}\n\nWhy is this plan right for this patient? The reason is printed on the "
                "prescriber and pharmacy page.")
            if not ok:
                return False
        reason = reason.strip()
        if not reason:
            QMessageBox.warning(self, APP_NAME, "An override needs a reason.")
            return False
        # Bound to the problem's value now: a different value later needs a new decision.
        problem = next((p for p in (self.schedule.problems if self.schedule else ())
                        if p.code == code and p.severity == "blocking"), None)
        if problem is None or not problem.value:
            QMessageBox.warning(self, APP_NAME, f"There is no blocking problem {code} to override in this plan.")
            return False
        overrides = [o for o in self.form.state().get("overrides", []) if o["code"] != code]
        self.form.set_overrides(overrides + [{"code": code, "reason": reason, "value": problem.value}])
        return True

    def remove_override(self, code: str) -> None:
        self.form.set_overrides([o for o in self.form.state().get("overrides", []) if o["code"] != code])

    def _load_print_settings(self) -> None:
        self.paper_actions[self.remembered.get("print/paper")].setChecked(True)
        self.large_print_action.setChecked(self.remembered.get("print/large"))

    def print_options(self):
        from planner.export.print_options import PrintOptions

        paper = self.paper_group.checkedAction().data() if self.paper_group.checkedAction() else "A4"
        return PrintOptions(paper=paper, large_print=self.large_print_action.isChecked())

    def _ready_to_print(self) -> bool:
        """A plan with a blocking problem is not printed until it is fixed or overridden."""
        if self.schedule is None:
            QMessageBox.warning(self, APP_NAME, "The plan has invalid inputs; fix them before printing:\n"
                                + "\n".join(f"• {self.form.field_name(f)}: {m}" for f, m in self.input_errors))
            return False
        blocking = self.schedule.unresolved_blocking
        if blocking:
            QMessageBox.warning(self, APP_NAME, (
                "This plan cannot be printed or exported while it has a blocking problem:\n\n"
                + "\n".join(f"• {problem_text(p)}" for p in blocking)
                + "\n\nChange the plan, or right-click the problem in the list to record an override "
                "with a reason."))
            return False
        if not self.schedule.days:
            return False
        return True

    def print_preview(self) -> None:
        if not self._ready_to_print():
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from planner.export.printout import paint_plan

        printer = QPrinter(QPrinter.HighResolution)
        schedule, options = self.schedule, self.print_options()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Print preview — patient plan")
        # One renderer: the preview, the printer and the PDF all come from paint_plan.
        dialog.paintRequested.connect(lambda p: paint_plan(p, schedule, options))
        dialog.exec()

    def print_plan(self) -> None:
        if not self._ready_to_print():
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from planner.export.printout import paint_plan

        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.Accepted:
            paint_plan(printer, self.schedule, self.print_options())

    def export(self, suffix: str, path: str | Path | None = None) -> bool:
        if not self._ready_to_print():
            return False
        from planner.export.files import FORMATS, export_file

        if path is None:
            stem = self.current_file.stem if self.current_file else "plan"
            suggested = str(Path(self._folder()) / f"{stem}{suffix}")
            path, _ = QFileDialog.getSaveFileName(self, "Export", suggested, FORMATS[suffix].description)
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        existed = path.exists()
        try:
            what = export_file(self.schedule, path, self.print_options())
        except (OSError, ValueError) as exc:
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
            kept = (f"{path.name} on disk is unchanged: it still holds the export made before."
                    if existed else "No file was written.")
            QMessageBox.warning(self, APP_NAME, f"Could not export {path.name}: {reason}.\n\n{kept}")
            return False
        self.statusBar().showMessage(f"Exported {path} ({what})", 6000)
        return True

    def focus_field(self, field: str) -> None:
        w = self.form.widget_for(field)
        if w is None:
            return
        self.form_scroll.ensureWidgetVisible(w)
        w.setFocus(Qt.OtherFocusReason)

    # --- files ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        name = self.current_file.name if self.current_file else "Untitled plan"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded, or unchanged)."""
        if not self.isWindowModified():
            return True
        answer = QMessageBox.warning(
            self, APP_NAME, "This plan has unsaved changes.\nDo you want to save them?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        # Discard: the recovery file goes when the plan really leaves the screen (load_plan,
        # closeEvent), not before: an open that then fails leaves the plan here, unsaved.
        return answer == QMessageBox.Discard

    def new_plan(self, ask: bool = True) -> None:
        if ask and not self.maybe_save():
            return
        plan = load_example(DEFAULT_PLAN)
        d = plan_to_dict(plan)
        d["start_date"] = self.today().isoformat()  # a new plan starts today, not on the example's date
        # The clinic's details are typed once and remembered between sessions.
        for field in REMEMBERED:
            value = self.remembered.get(field.replace(".", "/"))
            if value:
                group, key = field.split(".")
                d.setdefault(group, {})[key] = value
        d["plan_id"] = new_plan_id()  # a new plan is a new identity (calendar UIDs)
        self.load_plan(plan_from_dict(d), None)

    def open_plan(self, path: str | Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open plan", self._folder(),
                                                  "Titration plans (*.json);;All files (*)")
            if not path:
                return False
        try:
            plan = load_plan_file(path)
        except PlanError as exc:
            QMessageBox.warning(self, APP_NAME, f"Could not open {Path(path).name}:\n{exc}")
            return False
        if not self.load_plan(plan, Path(path)):
            return False
        self._add_recent(Path(path))
        return True

    def save(self) -> bool:
        if self.current_file is None:
            return self.save_as()
        path = self.current_file
        # No lost update: another window or program may have saved this file since.
        ours = self._disk[1] if self._disk is not None and self._disk[0] == path else None
        how = changed_since(path, ours)
        if how:
            answer = save_guard.ask_conflict(self, path, how)
            if answer == save_guard.RELOAD:
                self._reload(path)
                return False
            if answer == save_guard.SAVE_AS:
                return self.save_as()
            if answer != save_guard.OVERWRITE:
                return False
        return self.write(path)

    def _reload(self, path: Path) -> None:
        """Show the version on disk instead of ours, if the clinician confirms."""
        if not save_guard.confirm_reload(self, path):
            return
        try:
            plan = load_plan_file(path)
        except PlanError as exc:
            QMessageBox.warning(self, APP_NAME, f"Could not open {path.name}:\n{exc}")
            return
        self.load_plan(plan, path)

    def save_as(self) -> bool:
        suggested = str(self.current_file or Path(self._folder()) / "plan.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save plan", suggested, "Titration plans (*.json)")
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".json"
        return self.write(Path(path))

    def write(self, path: Path) -> bool:
        try:
            plan = plan_from_dict(self.form.state())
        except PlanError as exc:
            QMessageBox.warning(self, APP_NAME, f"The plan cannot be saved until this is fixed:\n{exc}")
            return False
        existed = path.exists()
        try:
            save_plan_file(plan, path)
        except ReadOnlyFile:
            return save_guard.ask_save_as_read_only(self, path) and self.save_as()
        except OSError as exc:
            # The write is atomic (safefile): the file on disk is the one from before.
            kept = (f"{path.name} on disk is unchanged: it still holds the version saved before."
                    if existed else "No file was written.")
            QMessageBox.warning(self, APP_NAME, f"Could not save {path.name}: {exc.strerror or exc}.\n\n"
                                f"{kept} The plan is still open here; nothing was lost.")
            return False
        self.current_file = path
        self._disk = (path, FileStamp.of_bytes(path, dump_plan(plan).encode("utf-8")))  # what save_plan_file wrote
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self._update_title()
        self._add_recent(path)
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def _folder(self) -> str:
        return self.remembered.get("last_folder")

    def recent_files(self) -> list[str]:
        return self.remembered.get("recent_files")

    def _add_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recent_files", [str(path)] + files[: MAX_RECENT - 1])
        self.settings.setValue("last_folder", str(path.parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction("No recent plans").setEnabled(False)
        for i, f in enumerate(files, 1):
            a = self.recent_menu.addAction(f"&{i} {Path(f).name}")
            a.setToolTip(f)
            a.triggered.connect(lambda _=False, f=f: self.open_plan(f))

    # --- recovery after a crash -----------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """Offer back the unsaved plans of windows that did not close properly (newest
        first). True when one was restored into this window."""
        if self.autosaver is None:
            return False
        store = self.autosaver.store
        orphans = store.orphans()
        if store.ignored:  # a planted file is not put on screen, but the user hears of it
            self.statusBar().showMessage(" ".join(str(i) for i in store.ignored))
        for i, r in enumerate(orphans):
            if r.problem is not None:
                answer = self._ask_damaged(r)
            else:
                answer = self._ask_restore(r)
            if answer == "restore" and self.maybe_save():
                if self.restore(r):
                    for rest in orphans[i + 1:]:  # offered again at the next start
                        release(rest)
                    return True
                answer = self._ask_damaged(r)  # the form could not take it: nothing changed
            if answer == "discard":
                store.discard(r)
            else:
                release(r)
        return False

    def _ask_restore(self, r: Recovered) -> str:
        who = f"for {r.patient}" if r.patient else "for a patient with no name entered"
        where = f"from {r.source_file.name}" if r.source_file else "not yet saved to a file"
        when = f" It was saved automatically at {r.saved_at:%H:%M on %d %b %Y}." if r.saved_at else ""
        box = QMessageBox(QMessageBox.Warning, APP_NAME, "Titration Planner did not close properly last time.",
                          parent=self)
        box.setInformativeText(f"It kept the unsaved plan {who} ({where}).{when}\n\n"
                               "Restore it now? Discard deletes it for good; Not now asks again next time.")
        restore = box.addButton("&Restore", QMessageBox.AcceptRole)
        discard = box.addButton("&Discard", QMessageBox.DestructiveRole)
        box.addButton("&Not now", QMessageBox.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")

    def _ask_damaged(self, r: Recovered) -> str:
        box = QMessageBox(QMessageBox.Warning, APP_NAME,
                          "An unsaved plan kept after a crash cannot be restored:", parent=self)
        box.setInformativeText(f"{r.problem[:1].upper()}{r.problem[1:]}.\n\nThe file is:\n{r.path}\n\n"
                               "Delete it, or keep it for someone to look at? "
                               "(If you keep it, you will be asked again next time.)")
        discard = box.addButton("&Delete", QMessageBox.DestructiveRole)
        box.addButton("&Keep", QMessageBox.RejectRole)
        box.exec()
        return "discard" if box.clickedButton() is discard else "later"

    def restore(self, r: Recovered) -> bool:
        """Put a recovered form on screen as unsaved work of this window; its old file
        goes only once this window's own autosave holds it. All or nothing: if the form
        cannot take the file's plan exactly, the form is put back as it was, r.problem
        says why, and False is returned."""
        before = self.form.state()
        try:
            self.form.set_state(r.state)
            shown = self.form.state()
            r.problem = not_taken(r.state, shown)
        except Exception as exc:  # noqa: BLE001 - a file the check let through; never half a plan
            r.problem = f"the form could not take one of its plan's values ({type(exc).__name__})"
        if r.problem is not None:
            r.state = None
            self.form.set_state(before)
            return False
        self._state = shown
        self.undo_stack.clear()
        self.current_file = r.source_file
        self.undo_stack.resetClean()  # unsaved (cleanChanged marks the window): it matches no file
        self._update_title()
        self.recompute(self._state)
        self.autosaver.edited()
        if not self.autosaver.save_now():
            release(r)  # keep the old file: it is the only copy on disk
            return True
        self.autosaver.store.discard(r)
        self.statusBar().showMessage("Restored the unsaved plan. Save it to keep it.", 8000)
        return True

    # --- window -----------------------------------------------------------------------------

    def restore_geometry(self) -> None:
        self.remembered.restore_geometry(self, self.splitter)

    def _settings_notice(self) -> None:
        """Say once which remembered settings were reset (the window is up by now)."""
        problems, self.remembered.problems = self.remembered.problems, []
        if problems:
            self.statusBar().showMessage("Some remembered settings were reset: "
                                         + "; ".join(label for label, _ in problems), 15000)
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
