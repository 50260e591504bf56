"""A whole working session under a Python audit hook that records every network event,
for test_no_network. Not a test module.

  python network_session.py WORKDIR     prints one JSON line: the events and the modules

It uses the window (edit, autosave, save, reopen, crash recovery, print preview's
renderer, every export) and every CLI sub-command, in one process.
"""

import json
import sys

EVENTS = []
NETWORK = ("socket.", "http.client.", "urllib.", "ftplib.", "smtplib.", "webbrowser.")


def hook(event, args):
    if event.startswith(NETWORK):
        EVENTS.append([event, repr(args)[:200]])


sys.addaudithook(hook)  # before anything else is imported

import contextlib  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(work: Path) -> None:
    from importlib import resources

    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from planner import cli
    from planner.export.fonts import register_fonts
    from planner.files.recovery import RecoveryStore
    from planner.export.printout import PrintOptions, paint_plan
    from planner.app.main_window import MainWindow

    example = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-to-1800-with-taper.json"))
    app = QApplication([])  # before the CLI's PDF export would make a bare QGuiApplication
    codes = []
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for args in (["schedule", example], ["schedule", example, "--format", "json"],
                     ["check", example], ["export", example, "-o", str(work / "cli.pdf")],
                     ["export", example, "-o", str(work / "cli.csv")],
                     ["export", example, "-o", str(work / "cli.ics")]):
            codes.append(cli.main(args))

    register_fonts(app)
    store = RecoveryStore(work / "recovery")
    win = MainWindow(settings=QSettings(str(work / "settings.ini"), QSettings.IniFormat), recovery=store,
                     autosave_ms=10)
    win.show()
    win.open_plan(example)
    win.form.target.setValue(1500)
    win.autosaver.save_now()
    win.write(work / "plan.json")
    win.open_plan(work / "plan.json")
    for suffix in (".pdf", ".csv", ".ics"):
        win.export(suffix, work / f"window{suffix}")
    printer = QPrinter(QPrinter.HighResolution)  # what print preview and the printer get
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(work / "printer.pdf"))
    paint_plan(printer, win.schedule, PrintOptions())
    win.offer_recovery()
    app.processEvents()
    win.close()

    print(json.dumps({
        "events": EVENTS,
        "exit_codes": codes,
        "files": sorted(p.name for p in work.iterdir()),
        "network_modules": sorted(m for m in sys.modules if m.split(".")[0] in (
            "ssl", "http", "requests", "ftplib", "smtplib") or m in ("urllib.request", "PySide6.QtNetwork")),
    }), file=sys.__stdout__, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
