"""SIGTERM and SIGHUP (logout, shutdown, a service manager stopping us) end the program only
after each window's unsaved work is written to its recovery file. That file is left in
place, as after a crash, so the next start offers the work back.

Python runs a signal handler only between bytecodes, and Qt's event loop sits in C++ for
as long as nothing happens, so a plain handler could wait indefinitely. The signal number
is written to a pipe instead (signal.set_wakeup_fd) and Qt watches the pipe.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None)


class QuitSignals(QObject):
    """Installed once, on the GUI thread, while the application runs."""

    def __init__(self, app: QCoreApplication, savers: Callable[[], Iterable]) -> None:
        super().__init__(app)
        self.app = app
        self._savers = savers
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._read_fd, False)
        os.set_blocking(self._write_fd, False)  # a handler must never block on a full pipe
        self._old_fd = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, _note) for s in SIGNALS}
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self, *_) -> None:
        try:
            data = os.read(self._read_fd, 512)
        except (BlockingIOError, InterruptedError):
            return
        quit_by = next((s for s in data if s in SIGNALS), None)
        if quit_by is not None:
            self.save_and_quit(quit_by)

    def save_and_quit(self, signum: int) -> None:
        """Write the unsaved work, leave it for the next start, and end at once: no
        question is asked (a dialog that is open ends with the event loops)."""
        for saver in self._savers():
            try:
                ok = saver.save_now()
            except Exception as exc:  # noqa: BLE001 - we are quitting: say so, do not hang
                ok, why = False, str(exc)
            else:
                why = "see the window's status bar"
            if not ok:
                sys.stderr.write(f"titration-planner: could not write the recovery file before quitting ({why})\n")
        # exit() ends every event loop running, a dialog's included: nothing waits for an answer.
        self.app.exit(128 + signum)

    def uninstall(self) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        os.close(self._read_fd)
        os.close(self._write_fd)


def _note(signum, frame) -> None:
    """The Python-level handler: the work is done from the wakeup pipe (see above)."""


def install(app: QCoreApplication, savers: Callable[[], Iterable]) -> QuitSignals | None:
    """savers: the autosavers to write (each has save_now()) when a quit signal comes."""
    if not SIGNALS:  # pragma: no cover - Windows
        return None
    return QuitSignals(app, savers)
