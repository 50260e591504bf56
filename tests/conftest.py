import os
import sys
from pathlib import Path

# Tests are grouped by the layer they test (tests/domain, tests/text, tests/files, tests/chart,
# tests/export, tests/app; whole-program tests at the top). A few share a helper across layers
# (the Hypothesis plan strategy, typing into a field, reading a driver's reports), so every
# layer's folder is importable.
_TESTS = Path(__file__).resolve().parent
for _layer in ("domain", "text", "files", "chart", "export", "app"):
    sys.path.insert(0, str(_TESTS / _layer))

# Qt must be told before it is first imported: tests never open a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace  # noqa: E402
from datetime import date  # noqa: E402

import pytest  # noqa: E402

from planner.domain.plan import Plan  # noqa: E402


def make_plan(**changes) -> Plan:
    """A plain gabapentin plan (the label's postherpetic neuralgia start), changed as asked."""
    base = Plan(
        drug="gabapentin",
        start_date=date(2026, 12, 1),
        start_dose_mg=300,
        increment_mg=300,
        step_days=1,
        target_dose_mg=900,
        doses_per_day=3,
    )
    return replace(base, **changes)


@pytest.fixture
def plan_factory():
    return make_plan


@pytest.fixture
def settings(tmp_path):
    """QSettings of the test's own, so tests never read or write the user's."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def win(qtbot, settings):
    """The main window with the default plan, shown offscreen."""
    from planner.app.main_window import MainWindow

    w = MainWindow(settings=settings)
    # Teardown closes the window: it must not stop to ask about unsaved changes.
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory):
    """(the source copy, its wheel): a wheel of a clean copy of the tree, built once a session
    for the tests that look into it (tests/test_architecture.py, tests/text/test_catalogue_build.py)."""
    from helpers import build_wheel, copy_for_build

    src = copy_for_build(Path(__file__).resolve().parent.parent, tmp_path_factory.mktemp("src") / "titration-planner")
    out = tmp_path_factory.mktemp("wheel")
    r = build_wheel(src, out)
    assert r.returncode == 0, r.stdout + r.stderr
    return src, next(out.glob("titration_planner-*.whl"))
