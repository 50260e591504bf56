"""Runs the real application (planner.cli.main, as `titration-planner` does) and acts in
it like a clinician, for test_recovery's crash test. Not a test module.

  python crash_driver.py edit      type into the plan, wait for the autosave, print
                                   AUTOSAVED and idle until the test kills the process
  python crash_driver.py quit      open the File menu as soon as the window shows (the
                                   printout's modules start loading in their thread), close
                                   the window at once
  python crash_driver.py restore OUT.json
                                   answer the restore offer with Restore, report the form,
                                   save to OUT.json, report the recovery folder, quit

Reports are JSON lines on stdout. The environment (XDG_DATA_HOME, offscreen) comes from
the test.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import cli
from planner.app.main_window import MainWindow

PATIENT = "Ada Crash-Test"
TARGET = 1500


def report(**fields) -> None:
    print(json.dumps(fields), flush=True)


def window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def recovery_files() -> list[str]:
    win = window()
    folder = win.autosaver.store.directory
    return sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []


def later(ms: int, fn) -> None:
    QTimer.singleShot(ms, fn)


def edit() -> None:
    win = window()
    if win is None or QApplication.activeModalWidget() is not None:
        later(100, edit)
        return
    QTest.keyClicks(win.form.patient_name, PATIENT)
    win.form.target.setValue(TARGET)
    report(edited=True, modified=win.isWindowModified())
    wait_for_autosave()


def wait_for_autosave() -> None:
    win = window()
    if win.autosaver.path is None or not win.autosaver.path.exists():
        later(50, wait_for_autosave)
        return
    # The test kills us now (kill -9): no close event, no clean-up of any kind.
    report(autosaved=str(win.autosaver.path), folder=str(win.autosaver.store.directory))


def quit_at_once() -> None:
    win = window()
    if win is None:
        later(1, quit_at_once)
        return
    from planner.app import warm_up

    win.file_menu.popup(win.mapToGlobal(win.rect().center()))  # starts the warm-up thread
    win.file_menu.hide()
    report(warm_up_running=warm_up._thread is not None and warm_up._thread.is_alive())
    win.close()


def restore(out: str) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        later(50, lambda: restore(out))
        return
    report(offer=box.text() + "\n" + box.informativeText(), buttons=[b.text() for b in box.buttons()])
    button = next(b for b in box.buttons() if b.text().replace("&", "") == "Restore")
    button.click()
    later(0, lambda: after_restore(out))


def after_restore(out: str) -> None:
    win = window()
    # The click only ends the dialog's own event loop; the restore follows when it returns.
    if QApplication.activeModalWidget() is not None or win.autosaver.path is None:
        later(20, lambda: after_restore(out))
        return
    win.autosaver.save_now()
    report(state=win.form.state(), modified=win.isWindowModified(), title=win.windowTitle(),
           files=recovery_files(), own=win.autosaver.path.name)
    ok = win.write(Path(out))
    report(saved=ok, files=recovery_files())
    win.close()  # nothing unsaved now: quits the application


def main() -> int:
    mode = sys.argv[1]
    QApplication(sys.argv[:1])  # run_window takes this instance
    if mode == "edit":
        later(0, edit)
    elif mode == "quit":
        later(0, quit_at_once)
    else:
        later(0, lambda: restore(sys.argv[2]))
        later(20000, lambda: (report(error="no restore offer within 20 s"), QApplication.exit(3)))
    return cli.main([])


if __name__ == "__main__":
    sys.exit(main())
