"""What start-up imports, and which threads import matplotlib.

The window paints its chart with QPainter; matplotlib (and numpy, the printout, the PDF
machinery) is for paper. So nothing of it may be imported before the window's first paint:
it was ~85% of start-up. Afterwards one background thread imports it (planner.app.warm_up),
and the GUI thread waits for that thread before a print or export, because importing
matplotlib from two threads at once raised ImportError. Checked in fresh processes:
this test process has imported everything long ago."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from planner.app.launch import PROBE, PROBE_MODULES

# Imported at the first paint, any of these is start-up time spent on what is not shown.
HEAVY_PACKAGES = ("matplotlib", "numpy", "PIL", "pypdf", "babel", "fontTools", "kiwisolver", "icalendar")
HEAVY_MODULES = ("PySide6.QtSvg", "PySide6.QtPrintSupport", "planner.chart.schedule_chart",
                 "planner.chart.patient_chart", "planner.export.printout.render", "planner.export.printout.painter",
                 "planner.export.files", "planner.export.registry", "planner.export.calendar")
ROOT = Path(__file__).resolve().parents[2]
# The modules whose import imports matplotlib (the export registry and files are light).
MATPLOTLIB_USERS = ("planner.chart.schedule_chart", "planner.chart.patient_chart", "planner.export.printout.render",
                    "planner.export.printout.painter", "planner.export.printout.chart_svg")


def _env(tmp_path, **extra):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), **extra}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY_PACKAGES or m in HEAVY_MODULES]


def imported_at_first_paint(tmp_path, *args, language: str | None = None) -> list[str]:
    listing = tmp_path / "modules.txt"
    env = _env(tmp_path, **{PROBE: "1", PROBE_MODULES: str(listing)})
    if language:
        env["LANG"] = env["LC_ALL"] = language
    # Twice: a checkout compiles its text catalogues on the first run only (compiled_cache).
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env,
                             timeout=120)
        assert out.returncode == 0, out.stderr
        assert "chart " in out.stdout, out.stdout + out.stderr  # the chart was painted
    return listing.read_text().split("\n")


def test_nothing_heavy_is_imported_before_the_first_paint(tmp_path):
    modules = imported_at_first_paint(tmp_path)
    assert "planner.app.chart_view" in modules and "planner.app.main_window" in modules  # the listing is real
    assert heavy(modules) == []


def test_nothing_heavy_before_the_first_paint_of_a_spanish_window_with_a_plan(tmp_path):
    plan = ROOT / "resources" / "examples" / "gabapentin-slow-two-year.json"
    modules = imported_at_first_paint(tmp_path, str(plan), language="es_US.UTF-8")
    assert "planner.app.window_language" in modules
    # Babel's dates give the Spanish month names on the chart's axis, as on paper (Qt's differ:
    # 'sept'); its catalogue reading (babel.messages) is still not needed.
    assert [m for m in heavy(modules) if m.split(".")[0] != "babel" or m.startswith("babel.messages")] == []


def test_the_heavy_list_would_catch_the_printout(tmp_path):
    """The check itself works: the printout's modules are heavy."""
    code = "import sys, planner.export.printout.render, planner.chart.schedule_chart; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(tmp_path), timeout=120)
    found = heavy(out.stdout.split("\n"))
    assert {"matplotlib", "numpy", "planner.export.printout.render", "planner.chart.schedule_chart"} <= set(found)


# Records which thread runs each import of matplotlib or the printout, then starts the window as launch does,
# starts the warm-up and exports a PDF at once: while the warm-up thread is importing.
ONE_THREAD = textwrap.dedent("""
    import builtins, sys, threading
    seen = set()
    real_import = builtins.__import__

    def spy(name, globals=None, locals=None, fromlist=(), level=0):
        # Every import statement passes here, even of a module already (or half) loaded.
        if level == 0 and (name.split(".")[0] in ("matplotlib", "numpy") or name in %r):
            me = threading.current_thread()
            busy = any(t.name == "printout-warm-up" and t.is_alive() for t in threading.enumerate())
            seen.add(me.name + (" while printout-warm-up ran" if me is threading.main_thread() and busy else ""))
        return real_import(name, globals, locals, fromlist, level)

    builtins.__import__ = spy
""" % (MATPLOTLIB_USERS,)) + textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from planner.export.fonts import register_fonts
    register_fonts(app)
    from planner.app import warm_up
    from planner.app.main_window import MainWindow
    win = MainWindow()
    win.show()
    app.processEvents()
    warm_up.start()
    ok = win.export(".pdf", sys.argv[1])
    win.setWindowModified(False)
    warm_up.ready()
    print("exported", ok, "threads", sorted(seen))
""")


def test_matplotlib_is_imported_by_one_thread_only(tmp_path):
    out = subprocess.run([sys.executable, "-c", ONE_THREAD, str(tmp_path / "plan.pdf")], capture_output=True,
                         text=True, env=_env(tmp_path), timeout=180)
    assert out.returncode == 0, out.stderr
    assert "exported True" in out.stdout, out.stdout + out.stderr
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    threads = out.stdout.strip().partition("threads ")[2]
    assert "printout-warm-up" in threads, out.stdout  # the warm-up did import it
    assert "while" not in threads, out.stdout  # and the GUI thread never looked for it meanwhile


def test_opening_the_file_menu_starts_the_warm_up(win, monkeypatch):
    from planner.app import warm_up

    monkeypatch.setattr(warm_up, "_thread", None)
    monkeypatch.setattr(warm_up, "_failed", [])
    win.file_menu.popup(win.mapToGlobal(win.rect().center()))  # as a click on File
    thread = warm_up._thread
    win.file_menu.hide()
    assert thread is not None and thread.name == "printout-warm-up"
    assert warm_up.ready(timeout=120) and warm_up._failed == []  # every module it names exists
    win.file_menu.popup(win.mapToGlobal(win.rect().center()))
    win.file_menu.hide()
    assert warm_up._thread is thread  # once per run
