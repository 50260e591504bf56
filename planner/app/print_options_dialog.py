"""The emergency number dialog: the number the patient's pages say to call, or empty for
the locale's (shown in the dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner.app.settings_store import EMERGENCY_MAX, BadSetting, emergency_text

translate = QCoreApplication.translate

MAX_WIDTH = 480
MIN_WIDTH = 400


class EmergencyNumberDialog(QDialog):
    def __init__(self, current: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The title of the emergency number dialog.
        self.setWindowTitle(translate("Window", "Emergency number"))
        self.setMaximumWidth(MAX_WIDTH)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        #: The emergency number dialog: what it is for; {default} is the locale's number (911, 999, 112).
        self.about = about = QLabel(translate("Window", "The number the patient's pages tell the patient to call for serious side effects. Leave it empty to use {default}, the usual number here.").format(default=default))
        about.setWordWrap(True)
        layout.addWidget(about)
        form = QFormLayout()
        self.number = QLineEdit(current)
        self.number.setMaxLength(EMERGENCY_MAX)
        # Typing refuses anything but digits, spaces, + and -.
        self.number.setValidator(QRegularExpressionValidator(
            QRegularExpression(f"[0-9 +\\-]{{0,{EMERGENCY_MAX}}}"), self.number))
        self.number.setPlaceholderText(default)
        #: The emergency number dialog: the label of its text box; & marks its Alt letter.
        label = QLabel(translate("Window", "&Number:"))
        label.setBuddy(self.number)
        self.number.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        #: The emergency number dialog: what the number may hold.
        self.number.setAccessibleDescription(translate("Window", "At least 2 digits, starting with a digit or +; digits, spaces, + and - only, at most 15 characters."))
        form.addRow(label, self.number)
        layout.addLayout(form)
        #: The emergency number dialog: what the number may hold.
        rule = QLabel(translate("Window", "At least 2 digits, starting with a digit or +; digits, spaces, + and - only, at most 15 characters."))
        rule.setWordWrap(True)
        layout.addWidget(rule)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)  # Enter
        self.buttons.rejected.connect(self.reject)  # Esc
        layout.addWidget(self.buttons)
        self.number.textChanged.connect(self._check)
        self._check()

    def value(self) -> str | None:
        """The number as the setting keeps it ("" for the locale's), or None if it cannot be one."""
        try:
            return emergency_text(self.number.text())
        except BadSetting:
            return None

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.value() is not None)

    def accept(self) -> None:
        if self.value() is not None:
            super().accept()


def ask_emergency_number(parent: QWidget, current: str, default: str) -> str | None:
    """The new setting ("" for the locale's number), or None if cancelled."""
    dialog = EmergencyNumberDialog(current, default, parent)
    return dialog.value() if dialog.exec() == QDialog.Accepted else None
