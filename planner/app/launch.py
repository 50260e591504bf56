"""Starting the window: the Qt application, its fonts, and the screenshot mode."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from planner.export.fonts import register_fonts  # the printout draws with them too

# tools/bench.py starts the app with this set: it prints when the form is up
# and when the chart is painted (wall-clock seconds), then the peak memory, and exits.
PROBE = "TITRATION_PLANNER_STARTUP_PROBE"
PROBE_MODULES = "TITRATION_PLANNER_STARTUP_MODULES"  # a file: the modules imported at first paint


def run_window(plan_path: str | None, screenshot: str | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from planner.app import quit_signals
    from planner.app.autosave import default_store
    from planner.app import warm_up
    from planner.app.main_window import APP_NAME, MainWindow
    from planner.app.window_size import fit_window, share_panels

    from planner.domain.plan import PlanError
    from planner.files.planfile import load_plan_file

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("TitrationPlanner")
    app.setApplicationName(APP_NAME)
    # The desktop matches the window to its menu entry (and icon) by this name (issue 18).
    from planner.app.app_identity import APP_ID, window_icon
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(window_icon())
    register_fonts(app)
    # The window's language (the setting, else the system's when there is a translation, else
    # English), before any widget is made: Qt's words, ours and the text catalogue's.
    from PySide6.QtCore import QSettings

    from planner.app.window_language import choose_language, install_language
    install_language(choose_language(QSettings()))

    plan, problem = None, None
    if plan_path:
        try:
            plan = load_plan_file(plan_path)
        except PlanError as exc:
            if screenshot:
                sys.stderr.write(f"titration-planner: {plan_path}: {exc}\n")
                return 2
            from PySide6.QtCore import QCoreApplication
            problem = QCoreApplication.translate("Window", "Could not open {name}:\n{reason}").format(
                name=Path(plan_path).name, reason=exc)

    # Screenshots and the start-up probe are not clinical sessions: nothing to keep or offer.
    recovery = None if (screenshot or os.environ.get(PROBE)) else default_store()
    win = MainWindow(recovery=recovery)
    if plan is not None:
        win.load_plan(plan, Path(plan_path))
    # Never larger than the screen's available area (a remembered size is shrunk to it);
    # a screenshot shows the window as it first opens on this screen, whatever was saved.
    remembered = False
    if not screenshot:
        win.restore_geometry()
        remembered = win.settings.contains("window/geometry")
    fit_window(win, keep_size=remembered)
    win.show()
    share_panels(win, form_too=bool(screenshot) or not win.settings.contains("window/splitter"))
    # The window manager's frame is known once shown: the frame too must fit the screen.
    QTimer.singleShot(0, lambda: fit_window(win, keep_size=True))
    if problem:
        QTimer.singleShot(0, lambda: QMessageBox.warning(win, APP_NAME, problem))
    if recovery is not None:  # after a crash: offer the unsaved plan back
        QTimer.singleShot(0, win.offer_recovery)

    # Logout or shutdown (SIGTERM, SIGHUP): write the unsaved work before going.
    signals = quit_signals.install(app, lambda: [w.autosaver for w in app.topLevelWidgets()
                                                 if getattr(w, "autosaver", None) is not None])
    try:
        return _event_loop(app, win, screenshot)
    finally:
        if signals is not None:
            signals.uninstall()
        # A quit can come while the warm-up is still importing matplotlib in its thread;
        # letting Python tear down under it aborts the process (std::terminate).
        warm_up.ready(timeout=30)


def _event_loop(app, win, screenshot: str | None) -> int:
    from PySide6.QtCore import QTimer

    if os.environ.get(PROBE):
        return _probe(app, win)
    if screenshot:
        result = {"code": 2}

        def grab() -> None:
            if result.get("done"):
                return
            result["done"] = True
            app.processEvents()
            ok = win.grab().save(screenshot)
            if not ok:
                sys.stderr.write(f"titration-planner: could not write {screenshot}\n")
            result["code"] = 0 if ok else 2
            app.quit()

        # Wait for the chart's first paint (the last thing to appear), then grab the window.
        win.chart_painted.connect(lambda: QTimer.singleShot(0, grab))
        QTimer.singleShot(15000, grab)  # never hang if no paint arrives
        win.setWindowModified(False)
        app.exec()
        return result["code"]
    return app.exec()


def _probe(app, win) -> int:
    """Start-up timing for the benchmark: form usable, chart painted, peak RSS; then
    optionally N edits (PROBE=N) and the peak RSS after them."""
    import resource

    from PySide6.QtCore import QTimer

    edits = int(os.environ.get(PROBE) or 0)

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def form_ready() -> None:
        print(f"form {time.time():.6f}", flush=True)

    def painted() -> None:
        if getattr(win, "_probe_done", False):
            return
        win._probe_done = True
        print(f"chart {time.time():.6f}", flush=True)
        if os.environ.get(PROBE_MODULES):  # what start-up imported (tests/app/test_startup_imports.py)
            Path(os.environ[PROBE_MODULES]).write_text("\n".join(sorted(sys.modules)))
        print(f"rss_start {rss_mb():.1f}", flush=True)
        for i in range(edits):
            win.form.target.setValue(win.form.target.value() + (100 if i % 2 == 0 else -100))
            app.processEvents()
            win.canvas.repaint()
            app.processEvents()
        if edits:
            print(f"rss_edits {rss_mb():.1f}", flush=True)
        win.setWindowModified(False)
        app.quit()

    QTimer.singleShot(0, form_ready)
    win.chart_painted.connect(lambda: QTimer.singleShot(0, painted))
    app.exec()
    return 0
