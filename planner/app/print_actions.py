"""The window's printing and exports, and the overrides that let a plan with a blocking
problem be printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from planner.app.window_actions import APP_NAME
from planner.text.catalogue import say
from planner.text.problems import problem_text


class PrintActions:
    """Mixed into MainWindow: works on its document and print options."""

    def record_override(self, code: str, reason: str | None = None) -> bool:
        """Record why the prescriber accepts a blocking problem; the printout shows it."""
        problems = self.document.problems
        if reason is None:
            problem = next((p for p in problems if p.code == code), None)
            text = problem_text(problem) if problem else code
            reason, ok = QInputDialog.getMultiLineText(
                self, say("window.override-title"), say("window.override-question", problem=text))
            if not ok:
                return False
        reason = reason.strip()
        if not reason:
            QMessageBox.warning(self, APP_NAME, say("window.override-needs-reason"))
            return False
        # Bound to the problem's value now: a different value later needs a new decision.
        problem = next((p for p in problems if p.code == code and p.severity == "blocking"), None)
        if problem is None or not problem.value:
            QMessageBox.warning(self, APP_NAME, say("window.no-such-problem", code=code))
            return False
        self.document.record_override(code, reason, problem.value)
        return True

    def remove_override(self, code: str) -> None:
        self.document.remove_override(code)

    def print_options(self):
        from planner.export.printout import PrintOptions

        paper = self.paper_group.checkedAction().data() if self.paper_group.checkedAction() else "A4"
        return PrintOptions(paper=paper, large_print=self.large_print_action.isChecked())

    def _ready_to_print(self) -> bool:
        """A plan with a blocking problem is not printed until it is fixed or overridden."""
        if self.schedule is None:
            errors = "\n".join(say("window.bullet", item=say("window.field-error", field=self.form.field_name(f),
                                                             message=m)) for f, m in self.input_errors)
            QMessageBox.warning(self, APP_NAME, say("window.invalid-before-printing", errors=errors))
            return False
        blocking = self.schedule.unresolved_blocking
        if blocking:
            problems = "\n".join(say("window.bullet", item=problem_text(p)) for p in blocking)
            QMessageBox.warning(self, APP_NAME, say("window.blocked-printing", problems=problems))
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
        dialog.setWindowTitle(say("window.preview-title"))
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
            suggested = str(Path(self.last_folder()) / f"{stem}{suffix}")
            path, _ = QFileDialog.getSaveFileName(self, say("window.export-title"), suggested,
                                                  FORMATS[suffix].description)
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
            kept = say("window.export-kept", name=path.name) if existed else say("window.nothing-written")
            QMessageBox.warning(self, APP_NAME, say("window.could-not-export", name=path.name, reason=reason,
                                                    kept=kept))
            return False
        self.statusBar().showMessage(say("window.exported", path=path, what=what), 6000)
        return True
