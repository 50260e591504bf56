"""The window's printing and exports, and the overrides that let a plan with a blocking
problem be printed."""

from __future__ import annotations

from pathlib import Path

from dataclasses import replace

from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from planner.app import warm_up
from planner.app.override_dialog import ask_reason
from planner.app.problems_view import overridable
from planner.app.window_actions import APP_NAME
from planner.app.window_size import preview_size
from planner.text.problems import problem_text

translate = QCoreApplication.translate


class PrintActions:
    """Mixed into MainWindow: works on its document and print options."""

    def record_override(self, code: str, reason: str | None = None) -> bool:
        """Record why the prescriber accepts a blocking problem; the printout shows it."""
        problems = self.document.problems
        if reason is None:
            problem = next((p for p in problems if p.code == code), None)
            text = problem_text(problem) if problem else code
            reason, ok = ask_reason(self, text)
            if not ok:
                return False
        reason = reason.strip()
        if not reason:
            #: An override was asked with an empty reason.
            QMessageBox.warning(self, APP_NAME, translate("Window", "An override needs a reason."))
            return False
        # Bound to the problem's value now: a different value later needs a new decision.
        problem = next((p for p in problems if p.code == code and p.severity == "blocking"), None)
        if problem is None or not problem.value:
            #: An override was asked for a problem the plan does not have.
            QMessageBox.warning(self, APP_NAME, translate("Window", "There is no blocking problem {code} to override in this plan.").format(code=code))
            return False
        self.document.record_override(code, reason, problem.value)
        return True

    def remove_override(self, code: str) -> None:
        self.document.remove_override(code)

    def _blocking_to_act_on(self, overridden: bool) -> str | None:
        """The code of the problem Edit > Override (or Remove Override) acts on: the one
        chosen in the problems list, else the only one, else the one the user picks."""
        chosen = self.problems.chosen_blocking()
        if chosen is not None and chosen[1] == overridden:
            return chosen[0]
        schedule = self.schedule
        candidates = [p for p in (schedule.blocking if schedule else ()) if overridable(p)
                      and (schedule.override_for(p) is not None) == overridden]
        if not candidates:
            message = translate("Window", "Choose an overridden problem in the problems list first.") if overridden else \
                translate("Window", "There is no blocking problem to override.")
            self.statusBar().showMessage(message, 8000)
            return None
        if len(candidates) == 1:
            return candidates[0].code
        texts = [problem_text(p) for p in candidates]
        #: The title of the override dialog.
        text, ok = QInputDialog.getItem(self, translate("Window", "Override a blocking problem"), translate("Window", "Which blocking problem do you override?"),
                                        texts, 0, False)
        return candidates[texts.index(text)].code if ok and text in texts else None

    def override_chosen(self) -> bool:
        """Edit > Override: the keyboard's way to the problems list's context menu."""
        code = self._blocking_to_act_on(overridden=False)
        return code is not None and self.record_override(code)

    def remove_chosen_override(self) -> None:
        code = self._blocking_to_act_on(overridden=True)
        if code is not None:
            self.remove_override(code)

    def print_options(self, part: str = "patient", orientation: str | None = None):
        """The printout's options as the window's settings say (orientation: the printer's,
        when its dialog was used to choose one)."""
        from planner.export.printout import PrintOptions

        paper = self.paper_group.checkedAction().data() if self.paper_group.checkedAction() else "A4"
        chosen = self.orientation_group.checkedAction()
        return PrintOptions(paper=paper, large_print=self.large_print_action.isChecked(),
                            orientation=orientation or (chosen.data() if chosen else "portrait"), part=part,
                            tick_chart=self.tick_chart_action.isChecked(),
                            emergency_number=self.remembered.get("print/emergency_number") or None,
                            code_on_patient_pages=self.code_patient_pages_action.isChecked(),
                            code_with_patient=self.code_name_action.isChecked())

    def ask_emergency_number(self) -> None:
        from planner.app.print_options_dialog import ask_emergency_number
        from planner.export.print_options import default_emergency_number

        number = ask_emergency_number(self, self.remembered.get("print/emergency_number"),
                                      default_emergency_number())
        if number is not None:
            self.remembered.remember("print/emergency_number", number)

    def _ready_to_print(self) -> bool:
        """A plan with a blocking problem is not printed until it is fixed or overridden."""
        if self.schedule is None:
            #: A field and its error, in the problems list and messages ("Start dose: must be from 1 to 20000 mg per day").
            errors = "\n".join(translate("Window", "• {item}").format(item=translate("Window", "{field}: {message}").format(field=self.form.field_name(f), message=m)) for f, m in self.input_errors)
            QMessageBox.warning(self, APP_NAME, translate("Window", "The plan has invalid inputs; fix them before printing:\n{errors}").format(errors=errors))
            #: Print or export refused while an input is invalid; {errors} lists window.bullet lines.
            return False
        blocking = self.schedule.unresolved_blocking
        if blocking:
            problems = "\n".join(translate("Window", "• {item}").format(item=problem_text(p)) for p in blocking)
            #: One line of a list in a message box.
            QMessageBox.warning(self, APP_NAME, translate("Window", "This plan cannot be printed or exported while it has a blocking problem:\n\n{problems}\n\nChange the plan, or right-click the problem in the list to record an override with a reason.").format(problems=problems))
            #: Print or export refused while a blocking problem has no override; {problems} lists window.bullet lines.
            return False
        if not self.schedule.days:
            return False
        return True

    def print_preview(self) -> None:
        if not self._ready_to_print():
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        with _busy():
            warm_up.ready()  # never import matplotlib beside the warm-up's thread
            from planner.export.printout import paint_plan

        schedule, options = self.schedule, self.print_options()
        printer = _printer(options)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(translate("Window", "Print preview — patient plan"))
        #: The title of the print preview.
        if self.screen() is not None:
            dialog.resize(preview_size(self.screen().availableGeometry().size()))
        # One renderer: the preview, the printer and the PDF all come from paint_plan. The
        # preview's Portrait and Landscape buttons turn the printer: each paint follows it.
        dialog.paintRequested.connect(
            lambda p: paint_plan(p, schedule, replace(options, orientation=orientation_of(p))))
        dialog.exec()

    def print_plan(self, part: str = "patient") -> None:
        if not self._ready_to_print():
            return
        from PySide6.QtPrintSupport import QPrintDialog

        options = self.print_options(part)
        printer = _printer(options)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.Accepted:  # the warm-up works on while the dialog is open
            with _busy():
                warm_up.ready()
                from planner.export.printout import paint_plan

                paint_plan(printer, self.schedule, replace(options, orientation=orientation_of(printer)))

    def export(self, suffix: str, path: str | Path | None = None, part: str = "patient") -> bool:
        if not self._ready_to_print():
            return False
        from planner.export.files import FORMATS, export_file  # light: the formats' names

        if path is None:
            stem = self.current_file.stem if self.current_file else "plan"
            if part != "patient":
                stem += translate("Window", "-clinician")
            #: The suggested file name's ending for the clinician's page ("plan-clinician.pdf").
            suggested = str(Path(self.last_folder()) / f"{stem}{suffix}")
            path, _ = QFileDialog.getSaveFileName(self, translate("Window", "Export"), suggested,
                                                  #: The title of the Export dialog.
                                                  FORMATS[suffix].description)
            if not path:
                return False
        path = Path(path)
        if not path.name.lower().endswith(suffix):  # ".fhir.json" is two suffixes
            path = path.with_name(path.name + suffix)
        existed = path.exists()
        try:
            with _busy():
                warm_up.ready()  # the warm-up works on while the file dialog is open
                what = export_file(self.schedule, path, self.print_options(part))
        except (OSError, ValueError, ImportError) as exc:  # ImportError: an install without a part the printout needs
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) and exc.strerror else str(exc)
            kept = translate("Window", "{name} on disk is unchanged: it still holds the export made before.").format(name=path.name) if existed else translate("Window", "No file was written.")
            #: In window.could-not-export: the file existed before.
            QMessageBox.warning(self, APP_NAME, translate("Window", "Could not export {name}: {reason}.\n\n{kept}").format(name=path.name, reason=reason, kept=kept))
            #: Export failed; {kept} is window.export-kept or window.nothing-written.
            return False
        self.statusBar().showMessage(translate("Window", "Exported {path} ({what})").format(path=path, what=what), 6000)
        return True

#: Status bar after an export; {what} says what was written and checked.


@contextmanager
def _busy():
    """The wait cursor while the printout is imported (the first time) and drawn."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _printer(options):
    """A printer set to the options' paper orientation (the dialogs may turn it)."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageOrientation(QPageLayout.Landscape if options.orientation == "landscape" else QPageLayout.Portrait)
    return printer


def orientation_of(printer) -> str:
    """The orientation the printer is set to now (by the preview's buttons or the print dialog)."""
    from PySide6.QtGui import QPageLayout

    return "landscape" if printer.pageLayout().orientation() == QPageLayout.Landscape else "portrait"
