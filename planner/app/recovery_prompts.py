"""After a crash: offering back the unsaved plans of windows that did not close properly."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from planner.app.window_actions import APP_NAME
from planner.files.formstate import not_taken
from planner.files.recovery import Recovered, release
from planner.text.catalogue import say


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
        who = say("window.recovery-for-patient", patient=r.patient) if r.patient else say("window.recovery-no-name")
        where = (say("window.recovery-from-file", name=r.source_file.name) if r.source_file
                 else say("window.recovery-not-saved"))
        when = say("window.recovery-saved-at", saved_at=r.saved_at) if r.saved_at else ""
        box = QMessageBox(QMessageBox.Warning, APP_NAME, say("window.recovery-did-not-close"), parent=self)
        box.setInformativeText(say("window.recovery-kept", who=who, where=where, when=when))
        restore = box.addButton(say("window.recovery-restore"), QMessageBox.AcceptRole)
        discard = box.addButton(say("window.recovery-discard"), QMessageBox.DestructiveRole)
        box.addButton(say("window.recovery-not-now"), QMessageBox.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")

    def _ask_damaged(self, r: Recovered) -> str:
        box = QMessageBox(QMessageBox.Warning, APP_NAME, say("window.recovery-cannot-restore"), parent=self)
        box.setInformativeText(say("window.recovery-damaged", problem=r.problem[:1].upper() + r.problem[1:],
                                   path=r.path))
        discard = box.addButton(say("window.recovery-delete"), QMessageBox.DestructiveRole)
        box.addButton(say("window.recovery-keep"), QMessageBox.RejectRole)
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
            r.problem = say("window.recovery-form-refused", error=type(exc).__name__)
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
        self.statusBar().showMessage(say("window.recovery-restored"), 8000)
        return True
