"""The window's QPainter chart and the printout's matplotlib chart draw the same thing, bar
for bar: every example, an invalid plan and an empty one. Each side is read from what it
drew (the painter's items read back from their pixels, matplotlib's artists), never from
the ChartModel they share, so a slip in either painter shows here."""

from datetime import timedelta
from pathlib import Path

import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.app.chart_scene as chart_scene
from planner.app.chart_view import ChartCanvas
from planner.chart.schedule_chart import ScheduleChart
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example

from conftest import make_plan

EXAMPLES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))
INVALID = "Not up to date: Start dose: must be from 1 to 20000 mg per day; got 0 (and 1 more)"
CASES = [(name, False) for name in EXAMPLES] + [("gabapentin-kidney-30-59", True), ("empty", False)]


def schedule_of(name):
    return compute_schedule(make_plan(increment_mg=0)) if name == "empty" else compute_schedule(load_example(name))


def paper_drew(schedule, invalid: bool) -> dict:
    """What the matplotlib chart drew, from its visible artists after a draw."""
    fig = Figure(figsize=(9, 4.2), dpi=100)
    chart = ScheduleChart(fig)
    chart.update(schedule)
    if invalid:
        chart.set_invalid(INVALID)
    FigureCanvasAgg(fig).draw()
    day = lambda x: mdates.num2date(x).date()  # noqa: E731
    out = {"title": chart._title.get_text(), "bands": {}, "total": ([], []), "marks": [], "phases": [],
           "phase_words": set(), "limits": [], "limit_labels": {}, "legend": [],
           "message": chart._message.get_text() if chart._message.get_visible() else None,
           "invalid": chart._invalid_box.get_text() if chart._invalid_box.get_visible() else None}
    if chart._total_line.get_visible():
        out["total"] = chart.total_line_data
        out["bands"] = {slot: area for slot, area in chart.slot_area_data.items()}
        xs, ys = chart._change_marks.get_data()
        out["marks"] = [(day(x), int(y)) for x, y in zip(xs, ys)]
    for phase, span in chart._phase_spans.items():
        if span.get_visible():
            out["phases"].append((phase, day(span.get_x()), day(span.get_x() + span.get_width())))
            if chart._phase_labels[phase].get_visible():
                out["phase_words"].add(chart._phase_labels[phase].get_text())
    for kind, line in chart._limit_lines.items():
        if line.get_visible():
            out["limits"].append((kind, line.get_ydata()[0]))
    for kind, label in chart._limit_labels.items():
        if label.get_visible():
            out["limit_labels"][kind] = label.get_text()
    legend = [(text.get_position()[0], key, text.get_text()) for key, (_, text) in chart._legend_entries.items()
              if text.get_visible()]
    out["legend"] = [(key, word) for _, key, word in sorted(legend)]
    return out


def screen_drew(canvas) -> dict:
    """What the QPainter chart drew, read back from the pixels of its last paint."""
    out = {"title": "", "bands": {}, "total": ([], []), "marks": [], "phases": [], "phase_words": set(),
           "limits": [], "limit_labels": {}, "legend": [], "message": None, "invalid": None}
    for item in canvas.drawn_items():
        kind = item[0]
        if kind == "title":
            out["title"] = item[1]
        elif kind == "band":
            out["bands"][item[1]] = (item[2], item[3], item[4])
        elif kind == "total":  # a point a step, read day by day as the paper's line
            edges, mgs = item[1], item[2]
            days, totals = [], []
            for a, b, mg in zip(edges, edges[1:], mgs):
                days += [a + timedelta(days=k) for k in range((b - a).days)]
                totals += [mg] * (b - a).days
            out["total"] = (days + [edges[-1]], totals + [mgs[-1]])
        elif kind == "mark":
            out["marks"].append((item[1], item[2]))
        elif kind == "phase":
            out["phases"].append(item[1:])
        elif kind == "phase-label":
            out["phase_words"].add(item[2])
        elif kind == "limit":
            out["limits"].append((item[1], item[2]))
        elif kind == "limit-label":
            out["limit_labels"][item[1]] = item[2]
        elif kind == "legend":
            out["legend"].append((item[1], item[2]))
        elif kind in ("message", "invalid"):
            out[kind] = item[1]
    return out


def painted_canvas(qtbot, schedule, invalid: bool) -> ChartCanvas:
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(900, 420)
    canvas.show_schedule(schedule)
    if invalid:
        canvas.show_invalid(INVALID)
    with qtbot.waitSignal(canvas.painted, timeout=5000):
        canvas.show()
    return canvas


def assert_same(paper: dict, screen: dict) -> None:
    assert screen["title"] == paper["title"]
    assert screen["bands"] == paper["bands"], "slot bands differ"
    assert screen["total"] == paper["total"], "total line differs"
    assert screen["marks"] == paper["marks"], "dose-change markers differ"
    assert sorted(screen["phases"]) == sorted(paper["phases"]), "phase spans differ"
    # The screen measures its own font: a phase word it draws, the paper draws too.
    assert screen["phase_words"] <= paper["phase_words"]
    assert sorted(screen["limits"]) == sorted(paper["limits"]), "limit lines differ"
    assert screen["limit_labels"] == paper["limit_labels"], "limit labels differ"
    assert screen["legend"] == paper["legend"], "legend differs"
    assert screen["message"] == paper["message"]
    assert screen["invalid"] == paper["invalid"]


@pytest.mark.parametrize(("name", "invalid"), CASES)
def test_the_window_chart_draws_what_the_paper_chart_draws(qtbot, name, invalid):
    s = schedule_of(name)
    paper = paper_drew(s, invalid)
    screen = screen_drew(painted_canvas(qtbot, s, invalid))
    if name != "empty":
        assert screen["bands"] and screen["total"][0] and screen["limits"], "nothing drawn to compare"
    else:
        assert screen["message"] and not screen["bands"]
    assert_same(paper, screen)


@pytest.mark.parametrize("slip", ["mg", "date", "band"])
def test_a_painter_slip_is_seen(qtbot, monkeypatch, slip):
    """The comparison reads pixels: a painter that maps a dose or a date wrongly, or drops a
    band's step, fails it."""
    s = schedule_of("gabapentin-phn-to-1800-with-taper")
    paper = paper_drew(s, False)
    if slip == "mg":
        y = chart_scene.Frame.y
        monkeypatch.setattr(chart_scene.Frame, "y", lambda self, mg: y(self, mg * 1.02))
    elif slip == "date":
        x = chart_scene.Frame.x
        monkeypatch.setattr(chart_scene.Frame, "x", lambda self, d: x(self, d + timedelta(days=1)))
    else:
        layout = chart_scene.ChartScene.layout

        def drop_a_step(self):
            layout(self)
            slot, polygon = self.bands[1]
            polygon.remove(2, 2)  # the top of the second step gone

        monkeypatch.setattr(chart_scene.ChartScene, "layout", drop_a_step)
    screen = screen_drew(painted_canvas(qtbot, s, False))
    with pytest.raises(AssertionError):
        assert_same(paper, screen)
