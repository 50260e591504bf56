"""Micro-benchmark of the chart: python3 tools/chart_bench.py (update()+draw() of a
one-year plan beside a bare Line2D set_data()+draw(), medians of 50)."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from matplotlib import dates as mdates  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from planner.chart.schedule_chart import ScheduleChart  # noqa: E402
from planner.domain.schedule import Schedule  # noqa: E402

if __name__ == "__main__":
    import statistics
    import time
    from datetime import date as _date

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from planner.domain.plan import Plan, Taper
    from planner.domain.schedule import compute_schedule

    def year_plan(increment: int, step_days: int, taper_days: int) -> Schedule:
        plan = Plan(drug="gabapentin", start_date=_date(2026, 1, 1), start_dose_mg=100, increment_mg=increment,
                    step_days=step_days, target_dose_mg=1800, doses_per_day=3, maintenance_days=200,
                    taper=Taper(step_days=taper_days, step_mg=100))
        return compute_schedule(plan)

    a, b = year_plan(100, 5, 4), year_plan(100, 6, 3)
    print(f"plans: {len(a.days)} and {len(b.days)} days, {len(a.steps)} and {len(b.steps)} steps")

    def bench(draw_once, n=50) -> float:
        draw_once(0)
        times = []
        for i in range(n):
            t = time.perf_counter()
            draw_once(i + 1)
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)

    fig = Figure(figsize=(9, 4.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    chart = ScheduleChart(fig)

    def chart_once(i: int) -> None:
        chart.update(a if i % 2 else b)
        canvas.draw()

    bare = Figure(figsize=(9, 4.5), dpi=100)
    bare_canvas = FigureCanvasAgg(bare)
    bare_ax = bare.add_subplot(1, 1, 1)
    (bare_line,) = bare_ax.plot([], [], drawstyle="steps-post")
    data = {}
    for key, s in (("a", a), ("b", b)):
        data[key] = (mdates.date2num([d.date for d in s.days]), [d.total_mg for d in s.days])
    bare_ax.set_xlim(min(data["a"][0][0], data["b"][0][0]), max(data["a"][0][-1], data["b"][0][-1]))
    bare_ax.set_ylim(0, 2100)

    def bare_once(i: int) -> None:
        bare_line.set_data(*data["a" if i % 2 else "b"])
        bare_canvas.draw()

    print(f"ScheduleChart update()+draw(): median {bench(chart_once):.1f} ms over 50")
    print(f"bare Line2D set_data()+draw(): median {bench(bare_once):.1f} ms over 50")
