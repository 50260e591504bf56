"""After a crash: offering back the unsaved plans of windows that did not close properly."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from planner.app.window_actions import APP_NAME
from planner.files.formstate import not_taken
from planner.files.recovery import Recovered, release

translate = QCoreApplication.translate


class RecoveryPrompts:
    """Mixed into MainWindow: works on its autosaver, form and document."""

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
        #: In window.recovery-kept: whose plan it is.
        who = translate("Window", "for {patient}").format(patient=r.patient) if r.patient else translate("Window", "for a patient with no name entered")
        #: In window.recovery-kept: the plan's file.
        where = (translate("Window", "from {name}").format(name=r.source_file.name) if r.source_file
                 #: In window.recovery-kept: a plan never saved.
                 else translate("Window", "not yet saved to a file"))
        #: In window.recovery-kept: when it was autosaved (a strftime pattern after the colon).
        when = translate("Window", " It was saved automatically at {saved_at:%H:%M on %d %b %Y}.").format(saved_at=r.saved_at) if r.saved_at else ""
        #: At start-up, after a crash: the question's first line.
        box = QMessageBox(QMessageBox.Warning, APP_NAME, translate("Window", "Titration Planner did not close properly last time."), parent=self)
        #: After a crash: {who} is window.recovery-for-patient or window.recovery-no-name, {where} window.recovery-from-file or window.recovery-not-saved, {when} window.recovery-saved-at or empty.
        box.setInformativeText(translate("Window", "It kept the unsaved plan {who} ({where}).{when}\n\nRestore it now? Discard deletes it for good; Not now asks again next time.").format(who=who, where=where, when=when))
        #: Buttons of the recovery question.
        restore = box.addButton(translate("Window", "&Restore"), QMessageBox.AcceptRole)
        discard = box.addButton(translate("Window", "&Discard"), QMessageBox.DestructiveRole)
        box.addButton(translate("Window", "&Not now"), QMessageBox.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")

    def _ask_damaged(self, r: Recovered) -> str:
        #: After a crash: a kept plan that cannot be restored (its file is damaged, or the form cannot show it).
        box = QMessageBox(QMessageBox.Warning, APP_NAME, translate("Window", "An unsaved plan kept after a crash cannot be restored:"), parent=self)
        #: Below window.recovery-cannot-restore: {problem} says why (capitalised), {path} the file.
        box.setInformativeText(translate("Window", "{problem}.\n\nThe file is:\n{path}\n\nDelete it, or keep it for someone to look at? (If you keep it, you will be asked again next time.)").format(problem=r.problem[:1].upper() + r.problem[1:], path=r.path))
        discard = box.addButton(translate("Window", "&Delete"), QMessageBox.DestructiveRole)
        #: Buttons of the damaged-file question.
        box.addButton(translate("Window", "&Keep"), QMessageBox.RejectRole)
        box.exec()
        return "discard" if box.clickedButton() is discard else "later"

    def restore(self, r: Recovered) -> bool:
        """Put a recovered plan on screen as unsaved work of this window; its old file
        goes only once this window's own autosave holds it. All or nothing: if the form
        cannot show the file's plan exactly, the form is put back as it was, r.problem
        says why, and False is returned."""
        before = self.document.state
        try:
            shown = self.form.take(r.state)
            r.problem = not_taken(r.state, shown)
        except Exception as exc:  # noqa: BLE001 - a file the check let through; never half a plan
            r.problem = translate("Window", "the form could not take one of its plan's values ({error})").format(error=type(exc).__name__)
        #: Why a kept plan could not be restored: the form refused one of its values ({error} names the error's kind).
        if r.problem is not None:
            r.state = None
            self.form.set_state(before)
            return False
        self.document.restore(shown, r.source_file)  # unsaved: it matches no file
        self.autosaver.edited()
        if not self.autosaver.save_now():
            release(r)  # keep the old file: it is the only copy on disk
            return True
        self.autosaver.store.discard(r)
        self.statusBar().showMessage(translate("Window", "Restored the unsaved plan. Save it to keep it."), 8000)
        #: Status bar after a plan was restored.
        return True
