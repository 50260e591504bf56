"""Starting the window: the Qt application, its fonts, and the screenshot mode."""

from __future__ import annotations

import sys
from pathlib import Path

SCREENSHOT_SIZE = (1400, 900)


def register_fonts(app) -> None:
    """Use the DejaVu fonts matplotlib ships, so the window, the chart and screenshots
    look the same on every machine, including one with no system fonts (where Qt would
    otherwise draw empty boxes)."""
    import matplotlib
    from PySide6.QtGui import QFont, QFontDatabase

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    families = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(ttf / name))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0], 9))


def run_window(plan_path: str | None, screenshot: str | None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .core.plan import PlanError
    from .core.planfile import load_plan_file
    from .ui.main_window import APP_NAME, MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("TitrationPlanner")
    app.setApplicationName(APP_NAME)
    register_fonts(app)

    plan, problem = None, None
    if plan_path:
        try:
            plan = load_plan_file(plan_path)
        except PlanError as exc:
            if screenshot:
                sys.stderr.write(f"titration-planner: {plan_path}: {exc}\n")
                return 2
            problem = f"Could not open {Path(plan_path).name}:\n{exc}"

    win = MainWindow()
    if plan is not None:
        win.load_plan(plan, Path(plan_path))
    if screenshot:
        win.resize(*SCREENSHOT_SIZE)  # the same picture on every machine, whatever was saved
    else:
        win.restore_geometry()
    win.show()
    if problem:
        QTimer.singleShot(0, lambda: QMessageBox.warning(win, APP_NAME, problem))

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
        win.canvas.painted.connect(lambda: QTimer.singleShot(0, grab))
        QTimer.singleShot(15000, grab)  # never hang if no paint arrives
        win.setWindowModified(False)
        app.exec()
        return result["code"]
    return app.exec()
