"""The window with the keyboard alone: Tab leaves the schedule table (the arrow keys move in
it), the step actions have shortcut keys, and Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and
redo the plan's last change wherever the focus is.

A line edit, a spin box or a date field would take Ctrl+Z for its own text. Here the field's
pending edit is committed first, as leaving the field would (a typed date is read, a table
cell being typed becomes its step edit), and then the plan's last change is undone: typing
in a field and pressing Ctrl+Z puts the plan back as it was before the typing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractSpinBox, QApplication, QLineEdit, QMainWindow, \
    QTableView, QWidget

EDIT_STEP_KEY = QKeySequence("Ctrl+Shift+E")
REMOVE_STEP_EDITS_KEY = QKeySequence("Ctrl+Shift+R")
REDO_KEYS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def let_tab_leave(table: QTableView) -> None:
    """Tab and Shift+Tab go to the next and previous control; the arrow keys (and Home, End,
    Page Up and Down) move from cell to cell, F2 types over a cell."""
    table.setTabKeyNavigation(False)


class PlanUndoKeys(QObject):
    """Watches the focused widget of the window (an event filter put on each widget as it
    takes the focus) for the undo and redo keys."""

    def __init__(self, win: QMainWindow) -> None:
        super().__init__(win)
        self.win = win
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())
        # Edit > Undo from the menu: the menu names the last change once the field's edit is in.
        for menu in win.undo_action.associatedObjects():
            if hasattr(menu, "aboutToShow"):
                menu.aboutToShow.connect(self.commit_edit)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None:
            old.removeEventFilter(self)  # only the focused widget is watched
            # Qt sends the field its focus-out (its last edit) before this signal.
            self.win.document.end_edit_run()
        if new is not None and new.window() is self.win:
            new.installEventFilter(self)
            # The form scrolls to a field however the focus came (Tab from the problems list
            # wraps to the form's first field, which the scroll area alone leaves unscrolled).
            scroll = self.win.form_scroll
            if scroll.widget() is not None and scroll.widget().isAncestorOf(new):
                scroll.ensureWidgetVisible(new)

    def _which(self, event) -> str | None:
        keys = QKeySequence(event.keyCombination())
        if keys in self.win.undo_action.shortcuts():
            return "undo"
        if keys in self.win.redo_action.shortcuts():
            return "redo"
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress) or not isinstance(obj, QWidget):
            return False
        which = self._which(event)
        if which is None or obj.window() is not self.win or not obj.hasFocus():
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()  # the key comes to this widget as a key press: handled below, not as its text undo
            return True
        self.commit_edit()
        stack = self.win.undo_stack
        if which == "undo" and stack.canUndo():
            stack.undo()
        elif which == "redo" and stack.canRedo():
            stack.redo()
        return True

    def commit_edit(self) -> None:
        """The focused field's edit becomes a plan change now, as if the field were left."""
        w = QApplication.focusWidget()
        if w is None or w.window() is not self.win:
            return
        table = self.win.table
        if w.parentWidget() is table.viewport() and w is not table:  # a cell being typed over
            table.commitData(w)
            table.closeEditor(w, QAbstractItemDelegate.NoHint)
            table.setFocus()
            # The step edit reaches the document queued (after the editor closed): deliver it now.
            QCoreApplication.sendPostedEvents(None, QEvent.MetaCall)
        elif isinstance(w, (QLineEdit, QAbstractSpinBox)):
            w.editingFinished.emit()  # a typed date is read here (date_field.DateField)


def set_up(win: QMainWindow) -> None:
    """After the window's actions are made (window_actions.make_actions)."""
    let_tab_leave(win.table)
    win.edit_step_action.setShortcut(EDIT_STEP_KEY)
    win.remove_step_edits_action.setShortcut(REMOVE_STEP_EDITS_KEY)
    win.redo_action.setShortcuts(list(REDO_KEYS))
    win.undo_keys = PlanUndoKeys(win)
