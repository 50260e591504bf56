"""The undoable changes to a plan document, each named for what the user did, with the
value, in plain words (planner.app.command_words): Edit > Undo and Redo read "Undo change
target dose to 1800 mg per day". Each command holds the whole plan before and after, so undo
and redo put the document back exactly (a half-typed number included)."""

from __future__ import annotations

import copy
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner.app.command_words import edit_text, problem_words

translate = QCoreApplication.translate


class PlanDocument(Protocol):
    """What a command needs of the document (planner.app.document.PlanDocument): a way to
    put a whole plan back. A protocol, so the commands do not import the document that
    imports them."""

    def put(self, state: dict[str, Any], field: str) -> None: ...


_FIELD_IDS: dict[str, int] = {}


def _id_for(field: str) -> int:
    return _FIELD_IDS.setdefault(field, len(_FIELD_IDS) + 1)


class PlanCommand(QUndoCommand):
    """Puts the whole plan `after` in the document on redo and `before` on undo."""

    def __init__(self, document: PlanDocument, field: str, before: dict[str, Any], after: dict[str, Any],
                 text: str) -> None:
        super().__init__(text)
        self.document = document
        self.field = field
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.document.put(self.after, self.field)

    def undo(self) -> None:
        self.document.put(self.before, self.field)


class EditField(PlanCommand):
    """The user changed one field. Consecutive edits of the same field while it keeps the focus
    (a run of spin-box steps, or typing a name) merge into one undo step, named for the last
    value; the document starts a new run when the focus leaves a field (`edit_run`), so
    coming back to type again is an undo step of its own."""

    def __init__(self, document: PlanDocument, field: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        super().__init__(document, field, before, after, edit_text(field, after))
        self.run = getattr(document, "edit_run", 0)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _id_for(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditField) or other.field != self.field or other.run != self.run:
            return False
        self.after = other.after
        self.setText(other.text())
        # Qt deletes the merged command, but its Python wrapper can outlive it: drop what it
        # holds, so a long run of edits does not keep a copy of the plan per keystroke.
        other.before = other.after = None
        return True


class RecordOverride(PlanCommand):
    """The prescriber accepts a blocking problem, with a reason; bound to the problem's value."""

    def __init__(self, document: PlanDocument, code: str, reason: str, value: str) -> None:
        before = document.state
        after = copy.deepcopy(before)
        kept = [o for o in after.get("overrides", []) if o.get("code") != code]
        after["overrides"] = kept + [{"code": code, "reason": reason, "value": value}]
        words = problem_words(before, code, value, getattr(document, "problems", ()))
        #: Edit > Undo / Redo after the prescriber recorded an override of a blocking problem; {problem} names the problem (command.problem-at). Every command's name starts in lower case: Qt puts "Undo " before it.
        super().__init__(document, "overrides", before, after, translate("Command", "override {problem}").format(problem=words))


class RemoveOverride(PlanCommand):
    def __init__(self, document: PlanDocument, code: str) -> None:
        before = document.state
        after = copy.deepcopy(before)
        kept = [o for o in after.get("overrides", []) if o.get("code") != code]
        if kept:
            after["overrides"] = kept
        else:
            after.pop("overrides", None)
        words = problem_words(before, code, None, getattr(document, "problems", ()))
        #: Edit > Undo / Redo after the prescriber removed an override; {problem} names the problem (command.problem-at).
        super().__init__(document, "overrides", before, after, translate("Command", "remove the override of {problem}").format(problem=words))


class ReplacePlan(PlanCommand):
    """A whole plan put in at once, named for why (the label's start for an indication)."""

    def __init__(self, document: PlanDocument, after: dict[str, Any], text: str) -> None:
        super().__init__(document, "", document.state, after, text)


def step_edit_text(record: dict[str, Any]) -> str:
    """What Edit > Undo names a step edit by ("Stay on step 3's dose 7 more days")."""
    step = record["step"]
    if record.get("hold_days") is not None:
        #: Edit > Undo / Redo after the prescriber inserted a hold after a step ("Stay on step 3's dose 7 more days").
        return (translate("Command", "stay on step {step}'s dose {n} more day") if record["hold_days"] == 1 else translate("Command", "stay on step {step}'s dose {n} more days")).format(n=record["hold_days"], step=step)
    if record.get("doses") is not None:
        #: Edit > Undo / Redo after the prescriber changed how a step's dose is split between the times of day.
        return translate("Command", "change step {step}'s doses").format(step=step)
    if record.get("total_mg") is not None:
        #: Edit > Undo / Redo after the prescriber changed a step's daily dose in the schedule table.
        return translate("Command", "change step {step}'s daily dose to {mg} mg per day").format(step=step, mg=record["total_mg"])
    #: Edit > Undo / Redo after the prescriber changed a step's length in the schedule table.
    return (translate("Command", "change step {step}'s length to {n} day") if (record.get("days") or 0) == 1 else translate("Command", "change step {step}'s length to {n} days")).format(n=record.get("days") or 0, step=step)


class AddStepEdit(PlanCommand):
    """The prescriber shaped one step in the schedule table: one record on the plan's
    step_edits (applied in order by the engine)."""

    def __init__(self, document: PlanDocument, record: dict[str, Any]) -> None:
        before = document.state
        after = copy.deepcopy(before)
        after["step_edits"] = list(after.get("step_edits") or []) + [copy.deepcopy(record)]
        super().__init__(document, "step_edits", before, after, step_edit_text(record))


class RemoveStepEdits(PlanCommand):
    """Every step back to what the plan's own numbers make."""

    def __init__(self, document: PlanDocument) -> None:
        before = document.state
        after = copy.deepcopy(before)
        after.pop("step_edits", None)
        #: Edit > Undo / Redo after the prescriber removed every step edit.
        super().__init__(document, "step_edits", before, after, translate("Command", "remove step edits"))
