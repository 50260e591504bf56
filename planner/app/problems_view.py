"""The problems list: severity icon and plain message; choosing one asks for its field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from planner.domain.plan import Override
from planner.domain.problems import Problem, covering_override, stale_override
from planner.text.problems import problem_text, stale_override_text

translate = QCoreApplication.translate

FIELD_ROLE = Qt.UserRole + 1
OVERRIDDEN_ROLE = Qt.UserRole + 4
_ICONS = {"blocking": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
          "note": QStyle.SP_MessageBoxInformation}


CODE_ROLE = Qt.UserRole + 2
SEVERITY_ROLE = Qt.UserRole + 3


def overridable(problem: Problem) -> bool:
    """A blocking problem the prescriber may override with a reason (not an input error)."""
    return problem.severity == "blocking" and problem.code != "invalid-input"



def severity_word(severity: str) -> str:
    """A problem's severity as the list shows it ('Blocking')."""
    words = {"blocking": lambda: translate("Window", "Blocking"), "warning": lambda: translate("Window", "Warning"),
             "note": lambda: translate("Window", "Note")}
    return words[severity]() if severity in words else severity.capitalize()

class ProblemsList(QListWidget):
    """Emits field_chosen(field) when the user picks a problem (click or Enter), and
    override_asked(code) / override_removed(code) from a blocking problem's context menu."""

    field_chosen = Signal(str)
    override_asked = Signal(str)
    override_removed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(translate("Window", "Problems"))
        self.setFocusPolicy(Qt.StrongFocus)  # reached by Tab: Edit > Override acts on its current item
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._icons = {sev: self.style().standardIcon(kind) for sev, kind in _ICONS.items()}
        self._shown: tuple | None = None

    def _menu(self, pos) -> None:
        menu = self.menu_at(pos)
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))

    def menu_at(self, pos):
        """The context menu for a blocking problem (None for any other item)."""
        from PySide6.QtWidgets import QMenu

        # A right click makes its item current; the Menu key asks at the middle of the list,
        # and means the item chosen with the arrow keys: the current item in both cases.
        item = self.currentItem() or self.itemAt(pos)
        if item is None or item.data(SEVERITY_ROLE) != "blocking" or item.data(CODE_ROLE) == "invalid-input":
            return None
        code = item.data(CODE_ROLE)
        menu = QMenu(self)
        if item.data(OVERRIDDEN_ROLE):
            menu.addAction(translate("Window", "Remove the override"), lambda: self.override_removed.emit(code))
        else:
            menu.addAction(translate("Window", "Override with a reason…"), lambda: self.override_asked.emit(code))
        return menu

    def set_problems(self, problems: list[Problem] | tuple[Problem, ...],
                     overrides: tuple[Override, ...] | list[Override] = ()) -> None:
        # Most edits leave the problems as they were: rebuilding the items on every
        # keystroke costs time and, over a long session, memory.
        key = (tuple(problems), tuple(overrides))
        if key == self._shown:
            return
        self._shown = key
        self.clear()
        if not problems:
            item = QListWidgetItem(translate("Window", "No problems found."))
            item.setFlags(Qt.NoItemFlags)
            self.addItem(item)
            return
        for p in problems:
            icon = self._icons[p.severity]
            text = translate("Window", "{severity}: {problem}").format(severity=severity_word(p.severity), problem=problem_text(p))
            covering = covering_override(overrides, p) if p.severity == "blocking" else None
            reason = covering.reason if covering else None
            if reason:
                text += "\n" + translate("Window", "Overridden by the prescriber for {value}: {reason}").format(
                    value=covering.value, reason=reason)
            elif p.severity == "blocking" and (stale := stale_override(overrides, p)) is not None:
                text += f"\n{stale_override_text(stale, p)}"
            item = QListWidgetItem(icon, text)
            item.setData(FIELD_ROLE, p.field)
            item.setData(CODE_ROLE, p.code)
            item.setData(SEVERITY_ROLE, p.severity)
            item.setData(OVERRIDDEN_ROLE, bool(reason))
            if overridable(p) and not reason:
                #: An item of the problems list for screen readers: how to override a blocking problem from the keyboard.
                item.setData(Qt.AccessibleDescriptionRole, translate("Window", "Blocking. Ctrl+Shift+O overrides it with a reason."))
            item.setToolTip(translate("Window", "{code} — field: {field}").format(code=p.code, field=p.field) + (f"\n{p.source}" if p.source else ""))
            self.addItem(item)

    def chosen_blocking(self) -> tuple[str, bool] | None:
        """(code, overridden) of the current item if it is a blocking problem one may override."""
        item = self.currentItem()
        if item is None or item.data(SEVERITY_ROLE) != "blocking" or item.data(CODE_ROLE) == "invalid-input":
            return None
        return item.data(CODE_ROLE), bool(item.data(OVERRIDDEN_ROLE))

    def _chosen(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if field:
            self.field_chosen.emit(field)
