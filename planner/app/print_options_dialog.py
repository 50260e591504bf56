"""The emergency number dialog: the number the patient's pages say to call, or empty for
the locale's (shown in the dialog)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner.app.settings_store import EMERGENCY_MAX, BadSetting, emergency_text
from planner.text.catalogue import say

MAX_WIDTH = 480
MIN_WIDTH = 400


class EmergencyNumberDialog(QDialog):
    def __init__(self, current: str, default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(say("window.emergency-title"))
        self.setMaximumWidth(MAX_WIDTH)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        self.about = about = QLabel(say("window.emergency-question", default=default))
        about.setWordWrap(True)
        layout.addWidget(about)
        form = QFormLayout()
        self.number = QLineEdit(current)
        self.number.setMaxLength(EMERGENCY_MAX)
        # Typing refuses anything but digits, spaces, + and -.
        self.number.setValidator(QRegularExpressionValidator(
            QRegularExpression(f"[0-9 +\\-]{{0,{EMERGENCY_MAX}}}"), self.number))
        self.number.setPlaceholderText(default)
        label = QLabel(say("window.emergency-label"))
        label.setBuddy(self.number)
        self.number.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.number.setAccessibleDescription(say("window.emergency-rule"))
        form.addRow(label, self.number)
        layout.addLayout(form)
        rule = QLabel(say("window.emergency-rule"))
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
