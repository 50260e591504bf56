"""Runs the real application (planner.cli.main, as `titration-planner` does), makes an edit
that is not autosaved yet, and waits for the test to send it SIGTERM or SIGHUP. For
test_quit_signals. Not a test module.

  python quit_driver.py edit   edit, report {"edited": ...}, idle
  python quit_driver.py ask    edit, then close the window: report {"asking": ...} while the
                               "unsaved changes" question waits for an answer

Reports are JSON lines on stdout. The environment (XDG_*, HOME, offscreen) comes from the test.
"""

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import cli
from planner.app.main_window import MainWindow

PATIENT = "Ada Signal-Test"
TARGET = 1800


def report(**fields) -> None:
    print(json.dumps(fields), flush=True)


def window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def edit(then_close: bool) -> None:
    win = window()
    if win is None or QApplication.activeModalWidget() is not None:
        QTimer.singleShot(100, lambda: edit(then_close))
        return
    QTest.keyClicks(win.form.patient_name, PATIENT)
    win.form.target.setValue(TARGET)
    # However slow the machine, the edit is not autosaved before the signal: the autosave
    # timer is stopped (the edit stays pending, as within the 3 s after typing).
    win.autosaver.pause()
    path = win.autosaver.path
    fields = dict(modified=win.isWindowModified(), autosaved=bool(path and path.exists()),
                  folder=str(win.autosaver.store.directory))
    if not then_close:
        report(edited=True, **fields)
        return
    QTimer.singleShot(0, lambda: wait_for_question(fields))
    win.close()  # asks about the unsaved changes, and waits


def wait_for_question(fields) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: wait_for_question(fields))
        return
    report(asking=box.text(), **fields)


def main() -> int:
    mode = sys.argv[1]
    QApplication(sys.argv[:1])  # run_window takes this instance
    QTimer.singleShot(0, lambda: edit(mode == "ask"))
    return cli.main([])


if __name__ == "__main__":
    sys.exit(main())
