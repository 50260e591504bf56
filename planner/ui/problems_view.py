"""The problems list: severity icon and plain message; choosing one asks for its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from ..core.problems import Problem

FIELD_ROLE = Qt.UserRole + 1
_ICONS = {"blocking": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
          "note": QStyle.SP_MessageBoxInformation}


class ProblemsList(QListWidget):
    """Emits field_chosen(field) when the user picks a problem (click or Enter)."""

    field_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Problems")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def set_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.clear()
        if not problems:
            item = QListWidgetItem("No problems found.")
            item.setFlags(Qt.NoItemFlags)
            self.addItem(item)
            return
        for p in problems:
            icon = self.style().standardIcon(_ICONS[p.severity])
            item = QListWidgetItem(icon, f"{p.severity.capitalize()}: {p.message}")
            item.setData(FIELD_ROLE, p.field)
            item.setToolTip(f"{p.code} — field: {p.field}" + (f"\n{p.source}" if p.source else ""))
            self.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if field:
            self.field_chosen.emit(field)
