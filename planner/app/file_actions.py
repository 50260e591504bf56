"""The window's file operations: New, Open (and Open Recent), Save, Save As, and the
checks around them (unsaved changes, a file changed on disk since it was read)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.app import save_guard
from planner.app.app_identity import PLAN_SUFFIX
from planner.app.label_starts import DEFAULT_CHOICE
from planner.app.settings_store import MAX_RECENT
from planner.app.window_actions import APP_NAME
from planner.domain.plan import Plan, PlanError, new_plan_id, plan_identity
from planner.files.filestamp import FileStamp, changed_since
from planner.files.planfile import dump_plan, load_plan_file, plan_from_dict, plan_to_dict, save_plan_file
from planner.files.safefile import ReadOnlyFile

translate = QCoreApplication.translate

DEFAULT_PLAN = "gabapentin-phn-default"
# The clinic's details are typed once and remembered between sessions.
REMEMBERED = ("prescriber.name", "prescriber.organisation", "prescriber.phone", "pharmacy.name", "pharmacy.phone")


class FileActions:
    """Mixed into MainWindow: works on its document, form and settings."""

    def load_plan(self, plan: Plan, path: Path | None) -> bool:
        """Show a plan as the new, unmodified document. False (and a message, the plan on
        screen kept) when the form cannot show one of its values exactly."""
        shown = plan
        if plan.plan_id is None:  # a file from before plan_id: its fallback identity, kept from now on
            shown = dataclasses.replace(plan, plan_id=plan_identity(plan))
        try:
            # The document holds the plan as the form shows it (numbers as typed, defaults filled).
            state = self.form.take(plan_to_dict(shown))
        except PlanError as exc:
            #: In window.cannot-show-plan: the file's name when the plan has none.
            name = path.name if path is not None else translate("Window", "the plan")
            #: A field and its error, in the problems list and messages ("Start dose: must be from 1 to 20000 mg per day").
            errors = "\n".join(translate("Window", "• {item}").format(item=translate("Window", "{field}: {message}").format(field=self.form.field_name(e.field), message=e.message)) for e in exc.errors)
            QMessageBox.warning(self, APP_NAME, translate("Window", "Could not open {name}: the form cannot show it exactly.\n{errors}\n\nThe plan on screen is unchanged.").format(name=name, errors=errors))
            #: File > Open: a plan file whose numbers the form cannot show exactly; {errors} lists window.bullet lines.
            return False
        # What the file held when read: Save checks nobody changed it since.
        self._disk = (path, save_guard.stamp_of_loaded(path, plan)) if path else None
        self.document.load(state, path)
        self.setWindowModified(False)
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded, or unchanged)."""
        if not self.isWindowModified():
            return True
        answer = QMessageBox.warning(
            self, APP_NAME, translate("Window", "This plan has unsaved changes.\nDo you want to save them?"),
            #: Asked before the plan on screen is dropped (New, Open, Quit).
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        # Discard: the recovery file goes when the plan really leaves the screen (load_plan,
        # closeEvent), not before: an open that then fails leaves the plan here, unsaved.
        return answer == QMessageBox.Discard

    def new_plan(self, ask: bool = True, choice=None) -> None:
        """A new plan from the label's template for choice (label_starts.NewPlanChoice; the
        default: gabapentin for postherpetic neuralgia, starting today, until review)."""
        if ask and not self.maybe_save():
            return
        d = self.template_state(choice or DEFAULT_CHOICE)
        for field in REMEMBERED:
            value = self.remembered.get(field.replace(".", "/"))
            if value:
                group, key = field.split(".")
                d.setdefault(group, {})[key] = value
        d["plan_id"] = new_plan_id()  # a new plan is a new identity (calendar UIDs)
        # Held as the form shows it; a change or stop plan has no today's doses yet (the form asks).
        state = self.form.take(d)
        self._disk = None
        self.document.load(state, None)
        self.setWindowModified(False)

    def open_plan(self, path: str | Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("Window", "Open plan"), self.last_folder(),
                                                  #: The title of the Open dialog.
                                                  translate("Window", "Titration plans (*.tplan *.json);;All files (*)"))
            #: The file types of the Open dialog.
            if not path:
                return False
        try:
            plan = load_plan_file(path)
        except PlanError as exc:
            QMessageBox.warning(self, APP_NAME, translate("Window", "Could not open {name}:\n{reason}").format(name=Path(path).name, reason=exc))
            #: A plan file that cannot be read; {reason} says why.
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
            QMessageBox.warning(self, APP_NAME, translate("Window", "Could not open {name}:\n{reason}").format(name=path.name, reason=exc))
            #: A plan file that cannot be read; {reason} says why.
            return
        self.load_plan(plan, path)

    def save_as(self) -> bool:
        # A plan is saved as .tplan (the desktop opens it in the planner, issue 18) unless it is a .json already.
        suggested = self.current_file or Path(self.last_folder()) / f"plan{PLAN_SUFFIX}"
        title = translate("Window", "Save plan")
        #: Save dialog: the file type of a plan for the desktop (the plan JSON, with its own extension).
        tplan = translate("Window", "Titration plan (*.tplan)")
        #: Save dialog: the same plan as a plain .json file.
        json = translate("Window", "Titration plan as JSON (*.json)")
        chosen = json if suggested.suffix.lower() == ".json" else tplan
        path, chosen = QFileDialog.getSaveFileName(self, title, str(suggested), f"{tplan};;{json}", chosen)
        #: The title of the Save dialog.
        if not path:
            return False
        if Path(path).suffix.lower() not in (PLAN_SUFFIX, ".json"):
            path += ".json" if chosen == json else PLAN_SUFFIX
        return self.write(Path(path))

    def write(self, path: Path) -> bool:
        try:
            plan = plan_from_dict(self.document.state)
        except PlanError as exc:
            QMessageBox.warning(self, APP_NAME, translate("Window", "The plan cannot be saved until this is fixed:\n{reason}").format(reason=exc))
            #: Save refused while an input is invalid; {reason} names the fields.
            return False
        existed = path.exists()
        try:
            save_plan_file(plan, path)
        except ReadOnlyFile:
            return save_guard.ask_save_as_read_only(self, path) and self.save_as()
        except OSError as exc:
            # The write is atomic (safefile): the file on disk is the one from before.
            kept = translate("Window", "{name} on disk is unchanged: it still holds the version saved before.").format(name=path.name) if existed else translate("Window", "No file was written.")
            #: In window.could-not-save: the file existed before.
            QMessageBox.warning(self, APP_NAME, translate("Window", "Could not save {name}: {reason}.\n\n{kept} The plan is still open here; nothing was lost.").format(name=path.name, reason=exc.strerror or exc, kept=kept))
            #: Save failed; {kept} is window.save-kept or window.nothing-written.
            return False
        self._disk = (path, FileStamp.of_bytes(path, dump_plan(plan).encode("utf-8")))  # what save_plan_file wrote
        self.document.saved(path)
        self.setWindowModified(False)
        self._add_recent(path)
        self.statusBar().showMessage(translate("Window", "Saved {path}").format(path=path), 4000)
        return True

#: Status bar after a save.

    # --- remembered folder and recent files ---------------------------------------------------

    def last_folder(self) -> str:
        """Where the file dialogs start: the folder of the last plan opened or saved."""
        return self.remembered.get("last_folder")

    def recent_files(self) -> list[str]:
        return self.remembered.get("recent_files")

    def _add_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue("recent_files", [str(path)] + files[: MAX_RECENT - 1])
        self.settings.setValue("last_folder", str(path.parent))

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            self.recent_menu.addAction(translate("Window", "No recent plans")).setEnabled(False)
        for i, f in enumerate(files, 1):
            #: File > Open Recent when there are none.
            a = self.recent_menu.addAction(f"&{i} {Path(f).name.replace('&', '&&')}")  # "&" in a name: no Alt letter
            a.setToolTip(f)
            a.triggered.connect(lambda _=False, f=f: self.open_plan(f))
