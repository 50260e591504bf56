"""The patient's chart shows only what the patient takes (no prescriber limits, no jargon),
draws the engine's doses and dates, and its words grow with large print. The window's chart
keeps its limits. The chart title never names a change that is not one (1800 → 1800)."""

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.chart.patient_chart import SIZES, draw_patient_chart
from planner.chart.chart_model import chart_title
from planner.chart.schedule_chart import ScheduleChart
from planner.domain.plan import SLOTS, Taper
from planner.domain.problems import daily_limits
from planner.domain.schedule import compute_schedule
from planner.export.printout.chart_svg import chart_figure
from planner.files.planfile import example_names, load_example

from conftest import make_plan

# Words of the prescriber's limits and of the plan's phases: none belongs on the patient's chart.
FORBIDDEN = ("maximum", "recommended", "crcl", "kidney", "label", "target", "titration", "maintenance",
             "taper", "off scale", "stated")


def drawn(name: str, scale: float = 1.0):
    s = compute_schedule(load_example(name))
    fig = Figure(figsize=(7.2, 3.6))
    FigureCanvasAgg(fig)
    ax = draw_patient_chart(fig, s, scale)
    fig.canvas.draw()  # tick labels exist only once drawn
    return s, fig, ax


def words(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", example_names())
def test_the_patient_chart_has_no_limits_and_no_jargon(name):
    s, fig, ax = drawn(name)
    assert daily_limits(s), "every example has limits the window shows"
    texts = [t.get_text().lower() for t in words(fig)]
    assert texts
    for text in texts:
        assert not any(w in text for w in FORBIDDEN), text
    # no limit line: the only line is the daily total
    assert len(ax.lines) == 1
    assert ax.lines[0].get_drawstyle() == "steps-post"


@pytest.mark.parametrize("name", example_names())
def test_the_patient_chart_draws_the_engines_doses_and_dates(name):
    s, fig, ax = drawn(name)
    xs, ys = ax.lines[0].get_data()
    assert [mdates.num2date(x).date() for x in xs] == [d.date for d in s.days] + [
        s.days[-1].date + timedelta(days=1)]
    assert list(ys) == [d.total_mg for d in s.days] + [s.days[-1].total_mg]
    # the stacked bands: each step's top band ends at the step's total
    tops = np.zeros(len(s.steps))
    for poly in ax.patches:
        xy = np.asarray(poly.get_xy())
        half = (len(xy) - (1 if np.allclose(xy[0], xy[-1]) else 0)) // 2
        tops = np.maximum(tops, xy[:half][0::2, 1])
    assert list(tops) == [float(st.total_mg) for st in s.steps]
    slots_used = [sl for sl in SLOTS if any(d.slot == sl for st in s.steps for d in st.doses)]
    assert len(ax.patches) == len(slots_used)


def test_the_patient_charts_words_grow_with_large_print():
    name = "gabapentin-phn-to-1800-with-taper"
    _, normal, _ = drawn(name, 1.0)
    _, large, _ = drawn(name, 1.4)
    a, b = words(normal), words(large)
    assert [t.get_text() for t in a] == [t.get_text() for t in b]
    for small, big in zip(a, b):
        assert big.get_fontsize() == pytest.approx(small.get_fontsize() * 1.4), small.get_text()
    assert min(t.get_fontsize() for t in a) >= min(SIZES.values())


def test_the_printouts_chart_is_the_patients_and_the_clinicians_keeps_its_limits():
    s = compute_schedule(load_example("gabapentin-kidney-30-59"))
    patient = chart_figure(s, 7, 3.5)
    clinician = chart_figure(s, 7, 3.5, audience="clinician")
    for fig in (patient, clinician):
        FigureCanvasAgg(fig).draw()
    assert not any("maximum" in t.get_text() for t in words(patient))
    assert any("maximum" in t.get_text() for t in words(clinician))


def taper_from_target(mg: int):
    """A taper entered with start = target: it starts at mg and comes down to 0."""
    return compute_schedule(make_plan(kind="start_and_stop", start_dose_mg=mg, target_dose_mg=mg, increment_mg=300,
                                      taper=Taper(step_days=7, step_mg=300)))


def test_a_taper_entered_with_start_equal_to_target_is_titled_with_the_real_change():
    s = taper_from_target(1800)
    assert s.days[0].total_mg == 1800 and s.days[-1].total_mg < 1800
    title = chart_title(s)
    assert "1800 → 1800" not in title
    assert "1800 → 0 mg/day" in title
    fig = Figure(figsize=(9, 4.5))
    chart = ScheduleChart(fig)
    chart.update(s)
    assert chart.ax.get_title(loc="left") == title


def test_a_plan_that_ends_where_it_starts_names_one_dose_and_no_arrow():
    s = compute_schedule(make_plan(kind="start", start_dose_mg=900, target_dose_mg=900))
    title = chart_title(s)
    assert "→" not in title
    assert title.startswith("Gabapentin 900 mg/day")


def test_a_change_between_two_doses_still_names_both():
    s = compute_schedule(load_example("pregabalin-phn"))
    assert chart_title(s).startswith(f"Pregabalin {s.plan.start_dose_mg} → {s.plan.target_dose_mg} mg/day")
    s2 = compute_schedule(replace(load_example("gabapentin-stop-from-300-300-600")))
    assert "1200 → 0 mg/day" in chart_title(s2)


@pytest.mark.parametrize("large,scale", [(False, 1.0), (True, 1.4)])
def test_the_printout_draws_the_patients_chart_at_the_print_size(large, scale, monkeypatch):
    from datetime import date

    import planner.export.printout.chart_svg as chart_svg_module
    from planner.export.print_options import PrintOptions
    from planner.export.printout.render import ensure_gui_app, render_pdf

    asked = []
    real = chart_svg_module.chart_svg

    def record(schedule, w, h, audience="patient", scale=1.0):
        asked.append((audience, scale))
        return real(schedule, w, h, audience, scale)

    monkeypatch.setattr(chart_svg_module, "chart_svg", record)
    ensure_gui_app()
    render_pdf(compute_schedule(load_example("gabapentin-kidney-30-59")),
               PrintOptions(large_print=large, printed_on=date(2026, 12, 1)))
    assert asked == [("patient", pytest.approx(scale))]
