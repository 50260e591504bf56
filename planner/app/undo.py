"""Undo for the form: each command holds the whole plan before and after one edit."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

_FIELD_IDS: dict[str, int] = {}


def _id_for(field: str) -> int:
    return _FIELD_IDS.setdefault(field, len(_FIELD_IDS) + 1)


class FormEdit(QUndoCommand):
    """One edit of one field. Consecutive edits of the same field (a run of spin-box
    steps, or typing a name) merge into one undo step."""

    def __init__(self, field: str, before: dict[str, Any], after: dict[str, Any],
                 apply: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(f"Change {field.replace('_', ' ')}")
        self.field = field
        self.before = before
        self.after = after
        self._apply = apply
        self._first = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _id_for(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, FormEdit) or other.field != self.field:
            return False
        self.after = other.after
        # Qt deletes the merged command, but its Python wrapper can outlive it: drop what it
        # holds, so a long run of edits does not keep a copy of the plan per keystroke.
        other.before = other.after = None
        other._apply = None
        return True

    def redo(self) -> None:
        if self._first:  # the form already shows the edit
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
