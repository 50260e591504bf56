"""The window's chart ticks the dates and doses the paper's matplotlib locators tick
(planner.chart.ticks is their rule in pure Python, for a window without matplotlib)."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planner.chart.schedule_chart import ScheduleChart
from planner.chart.ticks import date_ticks, day_month_label, mg_ticks
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example
from planner.text.dates import MONTH_NAMES

EXAMPLES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.json"))


def paper_ticks(chart):
    (x0, x1), (y0, y1) = chart.ax.get_xlim(), chart.ax.get_ylim()
    xs = [mdates.num2date(x).date() for x in chart.ax.get_xticks() if x0 - 1e-9 <= x <= x1 + 1e-9]
    ys = [int(y) for y in chart.ax.get_yticks() if y0 - 1e-9 <= y <= y1 + 1e-9]
    labels = [t.get_text() for t in chart.ax.get_xticklabels() if t.get_text()]
    return xs, ys, labels


@pytest.mark.parametrize("size", [(9, 4.2), (5, 4.2)])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_same_ticks_as_the_paper(name, size):
    fig = Figure(figsize=size, dpi=100)
    chart = ScheduleChart(fig)
    s = compute_schedule(load_example(name))
    chart.update(s)
    FigureCanvasAgg(fig).draw()
    xs, ys, labels = paper_ticks(chart)
    width_pt = chart.ax.get_position().width * size[0] * 72
    first, end = s.days[0].date, s.days[-1].date + timedelta(days=1)
    assert date_ticks(first, end, width_pt) == xs
    assert mg_ticks(chart._ylim[1]) == ys
    assert [day_month_label(d, MONTH_NAMES) for d in xs] == labels


@pytest.mark.parametrize("days", [15, 20, 27, 40, 60, 100, 150, 200, 400, 700, 1500, 2000])
@pytest.mark.parametrize("top", [1.15, 7, 57.5, 115, 345, 1035, 2070, 4140, 23000])
def test_the_same_rule_for_any_span_and_height(days, top):
    import matplotlib.ticker as mticker

    first = date(2026, 11, 17)
    end = first + timedelta(days=days)
    loc = mdates.AutoDateLocator(minticks=5, maxticks=10)
    x0, x1 = mdates.date2num(first), mdates.date2num(end)
    start, stop = (datetime(d.year, d.month, d.day) for d in (first, end))
    want = [mdates.num2date(x).date() for x in loc.tick_values(start, stop) if x0 <= x <= x1]
    assert date_ticks(first, end, 400) == want
    y = mticker.MaxNLocator(nbins=7, integer=True, steps=[1, 2, 2.5, 5, 10]).tick_values(0, top)
    assert mg_ticks(top) == [int(v) for v in y if 0 <= v <= top]
