"""After a crash: offering back the unsaved plans of windows that did not close properly."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from planner.app.window_actions import APP_NAME
from planner.files.formstate import not_taken
from planner.files.recovery import Recovered, release


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
        """Put a recovered plan on screen as unsaved work of this window; its old file
        goes only once this window's own autosave holds it. All or nothing: if the form
        cannot show the file's plan exactly, the form is put back as it was, r.problem
        says why, and False is returned."""
        before = self.document.state
        try:
            shown = self.form.take(r.state)
            r.problem = not_taken(r.state, shown)
        except Exception as exc:  # noqa: BLE001 - a file the check let through; never half a plan
            r.problem = f"the form could not take one of its plan's values ({type(exc).__name__})"
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
        self.statusBar().showMessage("Restored the unsaved plan. Save it to keep it.", 8000)
        return True
