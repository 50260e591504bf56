"""Autosave: the window's unsaved plan written to its recovery file every few seconds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from planner.files.recovery import RecoverySession, RecoveryStore, UnsafeFolder

INTERVAL_MS = 3000  # at most this long between an edit and its autosave


def default_store() -> RecoveryStore:
    """<the application's data folder>/recovery (on Linux ~/.local/share/TitrationPlanner/…)."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return RecoveryStore(Path(base) / "recovery")


class Autosaver(QObject):
    """Writes the plan (read through `state`: the document's) a few seconds after an edit,
    while there is unsaved work; removes the file once there is none."""

    failed = Signal(str)  # why the last autosave could not be written
    saved = Signal()

    def __init__(self, store: RecoveryStore, state: Callable[[], dict[str, Any]],
                 source_file: Callable[[], Path | None], interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._state = state
        self._source_file = source_file
        self.session: RecoverySession | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)

    def edited(self) -> None:
        """There is unsaved work: write it within the interval (not on every keystroke)."""
        self._pending = True
        if not self._timer.isActive():
            self._timer.start()

    def pause(self) -> None:
        """Hold back the pending write (it stays pending, as in the seconds after typing)."""
        self._timer.stop()

    @property
    def pending(self) -> bool:
        return self._pending

    def save_now(self) -> bool:
        if not self._pending:
            return True
        try:
            if self.session is None:
                self.session = self.store.start_session()
            self.session.write(self._state(), self._source_file())
        except UnsafeFolder as exc:  # its message names the folder
            self.failed.emit(str(exc))
            self._timer.start()
            return False
        except OSError as exc:
            self.failed.emit(f"{exc.strerror or exc} ({self.store.directory})")
            self._timer.start()  # try again: the disk may have room by then
            return False
        self._pending = False
        self.saved.emit()
        return True

    def clear(self) -> None:
        """Nothing unsaved: saved to a file, discarded, or undone back to the saved plan."""
        self._pending = False
        self._timer.stop()
        if self.session is not None:
            self.session.clear()

    def close(self) -> None:
        """The window closes with nothing unsaved."""
        self.clear()
        if self.session is not None:
            self.session.close()
            self.session = None

    @property
    def path(self) -> Path | None:
        return self.session.path if self.session is not None else None
