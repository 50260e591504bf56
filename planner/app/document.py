"""The plan document: the plan as edited, its file, and what the engine makes of it.

The window owns one. It holds the plan-file-shaped dict the form shows (possibly
half-typed: an unreadable number stays as its text, which is what autosave and recovery
store), the file it came from, whether it is modified, and the result computed from it
(plan, schedule, problems, input errors), once per change. Every change goes through an
undoable command (planner.app.commands) on its undo stack; loading a plan, New and a
restore from recovery replace the whole plan and clear the stack.

Everything on screen listens: `changed(field)` (the form shows the document), then
`recomputed` (chart, table, problems, dispense and kidney lines), `file_changed` (the
title), `modified_changed` (setWindowModified, autosave).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.app.commands import AddStepEdit, EditField, RecordOverride, RemoveOverride, RemoveStepEdits, \
    ReplacePlan
from planner.text.errors import worded
from planner.domain.plan import Plan, PlanError
from planner.domain.schedule import Schedule, compute_schedule
from planner.files.planfile import plan_from_dict

translate = QCoreApplication.translate

WHOLE_PLAN = ""  # the field `changed` names when the whole plan was replaced (load, New, restore)


class PlanDocument(QObject):
    changed = Signal(str)  # the plan field that changed, or WHOLE_PLAN
    recomputed = Signal()  # after every recompute, valid or not
    file_changed = Signal()  # current_file is another file (or none)
    modified_changed = Signal(bool)
    loaded = Signal()  # another plan (opened, new, from a code, recovered): per-plan choices start afresh

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._state: dict[str, Any] = {}
        self.current_file: Path | None = None
        self.plan: Plan | None = None
        self.schedule: Schedule | None = None
        self.input_errors: list[tuple[str, str]] = []  # (field, message) when the plan is not usable
        self.recompute_count = 0
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # --- reading ----------------------------------------------------------------------------

    @property
    def state(self) -> dict[str, Any]:
        """The plan as edited (a copy: change it through a command)."""
        return copy.deepcopy(self._state)

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def overrides(self) -> list[dict[str, str]]:
        return [dict(o) for o in self._state.get("overrides", [])]

    @property
    def problems(self) -> tuple:
        return tuple(self.schedule.problems) if self.schedule is not None else ()

    # --- changing (through commands, so every change can be undone) ---------------------------

    edit_run = 0  # EditField merges only edits of one run: a field's edits while it has the focus

    def end_edit_run(self) -> None:
        """The focus left a field: its next edit is an undo step of its own."""
        self.edit_run += 1

    def edit(self, field: str, after: dict[str, Any]) -> None:
        """The user changed one field: `after` is the whole plan with that change."""
        self.undo_stack.push(EditField(self, field, self.state, after))

    def record_override(self, code: str, reason: str, value: str) -> None:
        self.undo_stack.push(RecordOverride(self, code, reason, value))

    def remove_override(self, code: str) -> None:
        if any(o.get("code") == code for o in self._state.get("overrides", [])):
            self.undo_stack.push(RemoveOverride(self, code))

    def edit_step(self, record: dict[str, Any]) -> None:
        """One step edit from the schedule table ({"step": N, "total_mg"|"doses"|"days"|"hold_days": ...})."""
        self.undo_stack.push(AddStepEdit(self, record))

    @property
    def step_edits(self) -> list[dict[str, Any]]:
        return copy.deepcopy(list(self._state.get("step_edits") or []))

    def remove_step_edits(self) -> None:
        if self._state.get("step_edits"):
            self.undo_stack.push(RemoveStepEdits(self))

    def replace(self, state: dict[str, Any], text: str) -> None:
        """The whole plan changed at once by one action the user can undo (named text)."""
        self.undo_stack.push(ReplacePlan(self, state, text))

    def load(self, state: dict[str, Any], path: Path | None) -> None:
        """Another plan, unmodified: from a file (path) or new (None). Nothing to undo."""
        self.undo_stack.clear()
        self._set_file(path)
        self.put(state, WHOLE_PLAN)
        self.undo_stack.setClean()
        self.loaded.emit()

    def restore(self, state: dict[str, Any], source_file: Path | None) -> None:
        """Unsaved work brought back from recovery: modified, since it matches no file."""
        self.undo_stack.clear()
        self._set_file(source_file)
        self.put(state, WHOLE_PLAN)
        self.undo_stack.resetClean()
        self.loaded.emit()

    def saved(self, path: Path) -> None:
        """The plan as it is now was written to path."""
        self._set_file(path)
        self.undo_stack.setClean()

    def put(self, state: dict[str, Any], field: str) -> None:
        """Hold this plan and recompute. For commands (undo, redo) and the methods above."""
        self._state = copy.deepcopy(state)
        self.recompute(emit=False)
        self.changed.emit(field)
        self.recomputed.emit()

    def recompute(self, emit: bool = True) -> None:
        """Validate and compute the plan held: the one computation per change."""
        self.recompute_count += 1
        try:
            plan = plan_from_dict(self._state)
            schedule = compute_schedule(plan, today=self._today())
        except PlanError as exc:
            exc = worded(exc)
            self.plan, self.schedule = None, None
            self.input_errors = [(e.field, e.message) for e in exc.errors]
        except Exception as exc:  # noqa: BLE001 - a fault of the engine's must not take the window (and the work) down
            self.plan, self.schedule = None, None
            #: At the kind of plan and in the problems list when the engine failed on the plan (a fault in the program, not in the input); {error} is the fault as Python names it.
            self.input_errors = [("kind", translate("Window", "the planner could not compute this plan ({error}); nothing is shown as valid. Please report this").format(error=f"{type(exc).__name__}: {exc}"))]
        else:
            self.plan, self.schedule, self.input_errors = plan, schedule, []
        if emit:
            self.recomputed.emit()

    def _set_file(self, path: Path | None) -> None:
        if path != self.current_file:
            self.current_file = path
        self.file_changed.emit()
