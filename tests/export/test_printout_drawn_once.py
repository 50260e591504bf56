"""What makes a PDF export quick is structure, checked here by counting (never by a clock):
the chart is laid out once and drawn once, its ticks are found once, a slot icon's paths are
built once per size however many days show it, and a wrapped text is measured once."""

import io
from collections import Counter
from datetime import date

import matplotlib
import pytest
from matplotlib import dates as mdates
from matplotlib.figure import Figure

from planner.domain.schedule import compute_schedule
from planner.export.print_options import PrintOptions
from planner.files.planfile import load_example
from planner.export.printout import chart_svg as chart_svg_module
from planner.export.printout.chart_svg import SVG_RC, chart_figure, chart_svg

TWO_YEARS = "gabapentin-slow-two-year"  # 23 pages, 12 months of the tick chart
PRINTED = date(2026, 12, 1)


def _savefig_svg(schedule, w, h, audience, scale) -> bytes:
    """The chart as matplotlib's own savefig writes it, with the figure's layout engine if it
    has one (the patient's chart: drawn twice, once unseen for the layout)."""
    with matplotlib.rc_context(SVG_RC):
        fig = chart_figure(schedule, w, h, audience, scale)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return chart_svg_module._drop_empty_glyphs(buf.getvalue())


@pytest.mark.parametrize("example,audience,scale", [
    ("gabapentin-slow-two-year", "patient", 1.0),
    ("gabapentin-phn-to-1800-with-taper", "patient", 1.4),
    ("gabapentin-kidney-30-59", "clinician", 1.0),
])
def test_the_chart_is_drawn_once_and_is_the_svg_savefig_lays_out(example, audience, scale, monkeypatch):
    s = compute_schedule(load_example(example))
    draws = Counter()
    real_draw = Figure.draw

    def counting_draw(self, renderer):
        draws["figure"] += 1
        return real_draw(self, renderer)

    monkeypatch.setattr(Figure, "draw", counting_draw)
    svg = chart_svg(s, 7.16, 3.58, audience, scale)
    assert draws["figure"] == 1  # savefig with a layout engine draws twice
    draws.clear()
    assert svg == _savefig_svg(s, 7.16, 3.58, audience, scale)  # byte for byte: the same places
    assert draws["figure"] == (2 if audience == "patient" else 1)  # the clinician's has fixed margins


def test_the_patient_charts_date_ticks_are_found_once(monkeypatch):
    s = compute_schedule(load_example(TWO_YEARS))
    calls = Counter()
    real = mdates.AutoDateLocator.__call__

    def counting(self):
        calls["auto"] += 1
        return real(self)

    monkeypatch.setattr(mdates.AutoDateLocator, "__call__", counting)
    chart_svg(s, 7.16, 3.58)
    assert calls["auto"] == 1  # matplotlib would ask it at every layout step and draw (about 30 times)


def test_a_slot_icon_is_built_once_per_size_however_many_days_show_it(qapp, monkeypatch):
    from planner.export.printout import icons
    from planner.export.printout.render import render_pdf

    built = Counter()
    drawn = Counter()
    real_build, real_draw = icons._build_shapes, icons.draw_slot_icon

    def counting_build(slot, s):
        built[(slot, s)] += 1
        return real_build(slot, s)

    monkeypatch.setattr(icons, "_SHAPES", {})
    monkeypatch.setattr(icons, "_build_shapes", counting_build)
    for module in ("painter", "painter_month"):
        mod = __import__(f"planner.export.printout.{module}", fromlist=["draw_slot_icon"])

        def counting_draw(p, slot, rect, _real=real_draw):
            drawn[slot] += 1
            return _real(p, slot, rect)

        monkeypatch.setattr(mod, "draw_slot_icon", counting_draw)
    render_pdf(compute_schedule(load_example(TWO_YEARS)), PrintOptions(printed_on=PRINTED))
    assert sum(drawn.values()) > 1000  # every dose of every day of 12 months, and the step cards
    assert set(built.values()) == {1}  # each (slot, size) once
    assert len(built) <= 4 * 3  # the slots at the month's, the step card's and the table's sizes


def test_a_wrapped_text_is_measured_once(qapp, monkeypatch):
    from planner.export.printout import painter
    from planner.export.printout.render import render_pdf

    measured = Counter()
    real_fm = painter.QtMetrics.fm

    class CountingMetrics:
        def __init__(self, fm, size, bold):
            self._fm, self._font = fm, (size, bold)

        def boundingRect(self, rect, flags, text):
            measured[(text, rect.width(), *self._font)] += 1
            return self._fm.boundingRect(rect, flags, text)

        def __getattr__(self, name):
            return getattr(self._fm, name)

    monkeypatch.setattr(painter.QtMetrics, "fm", lambda self, size, bold=False: CountingMetrics(
        real_fm(self, size, bold), size, bold))
    render_pdf(compute_schedule(load_example(TWO_YEARS)), PrintOptions(printed_on=PRINTED))
    assert sum(measured.values()) > 100
    assert set(measured.values()) == {1}  # the layout's measure is the painter's: no text twice
