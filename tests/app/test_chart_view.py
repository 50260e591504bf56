"""The window's QPainter chart: no matplotlib or numpy behind it, a paint that costs what the
plan's steps cost (never its days), laid out once per plan and size, and the read-only
views the window's tests use."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import planner.app.chart_measure as chart_measure
import planner.app.chart_scene as chart_scene
from planner.app.chart_view import ChartCanvas
from planner.domain.plan import SLOTS
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example

ROOT = Path(__file__).resolve().parents[2]


def test_painting_the_chart_imports_neither_matplotlib_nor_numpy():
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from planner.app.chart_view import ChartCanvas
        from planner.domain.schedule import compute_schedule
        from planner.files.planfile import load_example
        canvas = ChartCanvas()
        canvas.resize(900, 420)
        painted = []
        canvas.painted.connect(lambda: painted.append(1))
        canvas.show_schedule(compute_schedule(load_example("gabapentin-slow-two-year")))
        canvas.show()
        canvas.grab()
        canvas.show_invalid("Not up to date")
        canvas.grab()
        assert painted, "never painted"
        print(sorted(m for m in ("matplotlib", "numpy") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture
def canvas(qtbot):
    c = ChartCanvas()
    qtbot.addWidget(c)
    c.resize(900, 420)
    return c


def paint(qtbot, canvas):
    with qtbot.waitSignal(canvas.painted, timeout=5000):
        canvas.show()
        canvas.update()


def test_a_two_year_plan_is_painted_a_point_a_step_not_a_point_a_day(qtbot, canvas):
    s = compute_schedule(load_example("gabapentin-slow-two-year"))
    assert len(s.days) > 20 * len(s.steps)  # 817 days in 35 steps
    canvas.show_schedule(s)
    paint(qtbot, canvas)
    points = sum(len(item[-1]) for item in canvas.drawn if item[0] in ("band", "total"))
    points += sum(1 for item in canvas.drawn if item[0] == "mark")
    assert points <= (4 * len(SLOTS) + 3) * len(s.steps)
    assert points < len(s.days)


def test_the_chart_is_laid_out_once_per_plan_and_size_not_per_paint(qtbot, canvas, monkeypatch):
    made = []
    init = chart_scene.ChartScene.__init__
    monkeypatch.setattr(chart_scene.ChartScene, "__init__", lambda self, *a: (made.append(1), init(self, *a))[1])
    canvas.show_schedule(compute_schedule(load_example("pregabalin-phn")))
    paint(qtbot, canvas)
    for _ in range(3):  # focus in and out, exposes: paints without a change
        canvas.repaint()
    assert len(made) == 1
    canvas.resize(700, 400)
    canvas.repaint()
    canvas.show_schedule(compute_schedule(load_example("gabapentin-slow-two-year")))
    canvas.repaint()
    assert len(made) == 3


def test_each_text_is_measured_once(qtbot, canvas, monkeypatch):
    canvas.show_schedule(compute_schedule(load_example("gabapentin-phn-to-1800-with-taper")))
    paint(qtbot, canvas)
    made = []
    real = chart_measure.QStaticText
    monkeypatch.setattr(chart_measure, "QStaticText", lambda *a: (made.append(a), real(*a))[1])
    canvas.show_schedule(compute_schedule(load_example("gabapentin-phn-to-1800-with-taper")))
    canvas.repaint()
    assert made == []  # the same words: all measured on the first paint


def test_views_read_the_schedule_day_by_day_as_the_paper_chart_does(canvas):
    s = compute_schedule(load_example("gabapentin-kidney-30-59"))
    assert canvas.chart.message is None and not canvas.chart.is_invalid
    canvas.show_schedule(s)
    days, totals = canvas.chart.total_line_data
    assert days[:-1] == [d.date for d in s.days] and totals[:-1] == [d.total_mg for d in s.days]
    areas = canvas.chart.slot_area_data
    assert list(areas) == list(SLOTS)
    assert [sum(areas[slot][2][i] - areas[slot][1][i] for slot in SLOTS) for i in range(len(s.steps))] == \
        [st.total_mg for st in s.steps]
    canvas.show_invalid("Not up to date: Start dose: must be from 1 to 20000 mg per day; got 0")
    assert canvas.chart.is_invalid and "must be from 1" in canvas.chart.invalid_reason.replace("\n", " ")
    assert canvas.accessibleDescription().startswith("Not up to date")
    canvas.show_schedule(s)
    assert not canvas.chart.is_invalid and canvas.chart.invalid_reason is None
    assert "Gabapentin" in canvas.accessibleDescription()
    assert canvas.accessibleName() == "Schedule chart" and canvas.minimumHeight() == 260
