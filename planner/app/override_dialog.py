"""The override dialog: why the prescriber accepts a blocking problem, in a small window
that wraps the problem's words (QInputDialog grew as wide as the message)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)

translate = QCoreApplication.translate


MAX_WIDTH = 560  # fits beside the window on a 1366-pixel screen; the message wraps


class _EnterAccepts(QObject):
    """Enter in the reason box records the override; Shift+Enter starts a new line."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and not event.modifiers() & Qt.ShiftModifier):
            self.dialog.accept()
            return True
        return False


class OverrideDialog(QDialog):
    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The title of the override dialog.
        self.setWindowTitle(translate("Window", "Override a blocking problem"))
        self.setMaximumWidth(MAX_WIDTH)
        layout = QVBoxLayout(self)
        #: The override dialog: {problem} is the problem in words.
        self.message = QLabel(translate("Window", "{problem}\n\nWhy is this plan right for this patient? The reason is printed on the prescriber and pharmacy page.").format(problem=problem))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.message)
        #: The override dialog: the label of the text box for the reason; & marks its Alt letter.
        label = QLabel(translate("Window", "&Reason:"))
        layout.addWidget(label)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.reason.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        #: The override dialog: how the keyboard works in it.
        self.reason.setAccessibleDescription(translate("Window", "Enter records the override; Shift+Enter starts a new line; Esc cancels."))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.reason.installEventFilter(_EnterAccepts(self))
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        #: The override dialog: how the keyboard works in it.
        keys = QLabel(translate("Window", "Enter records the override; Shift+Enter starts a new line; Esc cancels."))
        keys.setWordWrap(True)
        layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # and Esc
        layout.addWidget(buttons)
        self.resize(MAX_WIDTH, self.sizeHint().height())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.reason.setFocus()  # typing starts in the reason box

    def text(self) -> str:
        return self.reason.toPlainText()


def ask_reason(parent: QWidget, problem: str) -> tuple[str, bool]:
    """The reason typed and whether it was given (as QInputDialog.getMultiLineText)."""
    dialog = OverrideDialog(problem, parent)
    ok = dialog.exec() == QDialog.Accepted
    return dialog.text(), ok
