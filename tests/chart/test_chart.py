"""The schedule chart draws exactly the engine's numbers, and redraws without rebuilding."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import planner.chart.schedule_chart
from planner.chart.schedule_chart import ScheduleChart, draw_schedule
from planner.domain.plan import SLOTS, KidneyInput
from planner.files.planfile import load_example
from planner.domain.problems import daily_limits
from planner.text.problems import limit_text
from planner.domain.schedule import compute_schedule

from conftest import make_plan

EXAMPLES = ("gabapentin-phn-label-start", "gabapentin-slow-two-year", "pregabalin-phn")


def new_chart() -> tuple[ScheduleChart, FigureCanvasAgg]:
    fig = Figure(figsize=(9, 4.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    return ScheduleChart(fig), canvas


def value_at(edges, values, day):
    """The value of a step band on a day: the band is constant from edges[i] to edges[i+1]."""
    for i in range(len(values)):
        if edges[i] <= day < edges[i + 1]:
            return values[i]
    raise AssertionError(f"{day} is outside the band")


@pytest.mark.parametrize("name", EXAMPLES)
def test_total_line_is_the_engines_day_totals(name):
    s = compute_schedule(load_example(name))
    chart, canvas = new_chart()
    chart.update(s)
    canvas.draw()
    xs, ys = chart.total_line_data
    assert xs == [d.date for d in s.days] + [s.days[-1].date + timedelta(days=1)]
    assert ys == [d.total_mg for d in s.days] + [s.days[-1].total_mg]
    assert chart._total_line.get_drawstyle() == "steps-post"


@pytest.mark.parametrize("name", EXAMPLES)
def test_stacked_slot_areas_sum_to_the_total_on_every_day(name):
    s = compute_schedule(load_example(name))
    chart, _ = new_chart()
    chart.update(s)
    areas = chart.slot_area_data
    assert list(areas) == list(SLOTS)
    for d in s.days:
        below = 0
        mg = {dose.slot: dose.mg for dose in d.doses}
        for slot in SLOTS:
            edges, bottoms, tops = areas[slot]
            assert edges[-1] == s.days[-1].date + timedelta(days=1)
            assert value_at(edges, bottoms, d.date) == below
            top = value_at(edges, tops, d.date)
            assert top - below == mg.get(slot, 0)
            below = top
        assert below == d.total_mg


def test_update_reuses_the_same_axes_and_artists():
    chart, canvas = new_chart()
    a = compute_schedule(load_example("gabapentin-phn-label-start"))
    b = compute_schedule(load_example("gabapentin-slow-two-year"))
    chart.update(a)
    canvas.draw()
    ax, line, areas = chart.ax, chart._total_line, dict(chart._slot_areas)
    n_artists = len(ax.get_children())
    first = chart.total_line_data
    chart.update(b)
    canvas.draw()
    assert chart.total_line_data != first
    assert chart.total_line_data[1][:-1] == [d.total_mg for d in b.days]
    assert chart.ax is ax and chart.figure.axes == [ax]
    assert chart._total_line is line and ax.lines.count(line) == 1
    assert chart._slot_areas == areas
    assert len(ax.get_children()) == n_artists
    lo, hi = ax.get_xlim()
    assert hi - lo == len(b.days)  # the last day drawn as a whole day


def test_limits_are_drawn_at_the_engines_values_with_headroom():
    s = compute_schedule(make_plan(target_dose_mg=1800, kidney=KidneyInput(crcl_ml_min=Decimal("41.3"))))
    chart, canvas = new_chart()
    chart.update(s)
    canvas.draw()
    limits = {lim.kind: lim for lim in daily_limits(s)}
    assert set(limits) >= {"target", "label-maximum", "kidney-maximum"}
    top = chart.ax.get_ylim()[1]
    highest = max(max(d.total_mg for d in s.days), limits["target"].mg, limits["kidney-maximum"].mg)
    assert top == pytest.approx(float(highest) * 1.15)
    for kind in ("target", "kidney-maximum"):
        line = chart._limit_lines[kind]
        assert line.get_visible() and list(line.get_ydata()) == [float(limits[kind].mg)] * 2
        assert chart._limit_labels[kind].get_text().replace("\n", " ").replace("\u00a0", " ") == limit_text(limits[kind])
    # The label maximum (3600) is far above: noted as off scale, not stretching the axis.
    note = chart._limit_labels["label-maximum"]
    assert note.get_visible() and "off scale" in note.get_text()
    assert "3600" in note.get_text()


def test_set_invalid_greys_out_and_shows_the_reason_and_update_clears_it():
    s = compute_schedule(load_example("gabapentin-phn-label-start"))
    chart, canvas = new_chart()
    chart.update(s)
    assert not chart.is_invalid
    reason = "Not up to date: start_dose_mg must be from 1 to 20000 mg per day; got 0"
    chart.set_invalid(reason)
    canvas.draw()
    assert chart.is_invalid
    assert chart._invalid_box.get_visible()
    assert chart._invalid_box.get_text().replace("\n", " ") == reason
    assert chart._total_line.get_alpha() == pytest.approx(0.25)
    assert all(p.get_alpha() is not None and p.get_alpha() < 0.5 for p in chart._slot_areas.values())
    chart.update(s)
    canvas.draw()
    assert not chart.is_invalid
    assert not chart._invalid_box.get_visible()
    assert chart._total_line.get_alpha() is None


def test_a_schedule_without_days_draws_a_message_not_a_crash():
    s = compute_schedule(make_plan(increment_mg=0))
    assert s.days == ()
    fig = Figure(figsize=(9, 4.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    chart = draw_schedule(fig, s)
    canvas.draw()
    assert chart.message == "No schedule: see the problems list"
    assert not chart._total_line.get_visible()
    # and back to a real schedule in the same chart
    chart.update(compute_schedule(make_plan()))
    canvas.draw()
    assert chart.message is None
    assert chart._total_line.get_visible()
    assert chart.total_line_data[1] == [300, 600, 900, 900]


def test_short_plans_tick_every_day():
    s = compute_schedule(load_example("gabapentin-phn-label-start"))
    assert len(s.days) == 14
    chart, canvas = new_chart()
    chart.update(s)
    canvas.draw()
    ticks = chart.ax.get_xticks()
    assert len(ticks) >= 8 and all(b - a <= 2 for a, b in zip(ticks, ticks[1:]))


def test_title_names_the_drug_and_doses():
    s = compute_schedule(load_example("pregabalin-phn"))
    chart, _ = new_chart()
    chart.update(s)
    assert chart.ax.get_title(loc="left") == (
        f"Pregabalin {s.plan.start_dose_mg} → {s.plan.target_dose_mg} mg/day   1 Dec 2026 – 2 Feb 2027")
    assert s.days[-1].date.isoformat() == "2027-02-02"


def test_chart_module_never_imports_pyplot():
    assert "pyplot" not in Path(planner.chart.schedule_chart.__file__).read_text("utf-8")


def test_a_canvas_squeezed_smaller_than_its_margins_draws_without_error():
    # A splitter dragged shut: matplotlib refused the margins ("left cannot be >= right").
    from matplotlib.backend_bases import ResizeEvent

    fig = Figure(figsize=(8, 4))
    FigureCanvasAgg(fig)
    chart = draw_schedule(fig, compute_schedule(make_plan()))
    for size in ((0.3, 4), (8, 0.3), (0.05, 0.05)):
        fig.set_size_inches(*size)
        ResizeEvent("resize_event", fig.canvas)._process()
        fig.canvas.draw()
    fig.set_size_inches(8, 4)
    ResizeEvent("resize_event", fig.canvas)._process()
    fig.canvas.draw()
    days = compute_schedule(make_plan()).days
    assert chart.total_line_data[1] == [d.total_mg for d in days] + [days[-1].total_mg]
    assert fig.subplotpars.left < fig.subplotpars.right  # the margins fit again at full size
