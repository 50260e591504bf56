"""The schedule chart as SVG for the printout: planner.chart draws it into a matplotlib
Figure made here, and the painter renders the SVG, so the chart stays vector in the PDF."""

from __future__ import annotations

import io
import re

from planner.domain.schedule import Schedule


def chart_figure(schedule: Schedule, width_in: float, height_in: float, audience: str = "patient",
                 scale: float = 1.0):
    """The chart's Figure: the patient's (only what they take; text × scale for large print)
    or the clinician's (with the limits)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in))
    if audience == "clinician":
        from planner.chart.schedule_chart import draw_schedule

        draw_schedule(fig, schedule)
    else:
        from planner.chart.patient_chart import draw_patient_chart

        draw_patient_chart(fig, schedule, scale)
    return fig


SVG_RC = {"svg.fonttype": "path", "svg.hashsalt": "titration-planner", "font.family": "DejaVu Sans"}


def chart_svg(schedule: Schedule, width_in: float, height_in: float, audience: str = "patient",
              scale: float = 1.0) -> bytes:
    import matplotlib

    with matplotlib.rc_context(SVG_RC):
        fig = chart_figure(schedule, width_in, height_in, audience, scale)
        fix_layout(fig)
        buf = io.BytesIO()
        # No date in the file: the same chart gives the same bytes.
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return _drop_empty_glyphs(buf.getvalue())


def fix_layout(fig) -> None:
    """Run the figure's layout engine once, as savefig would, then drop the engine.

    savefig on a figure with a layout engine draws every artist twice (once, unseen, for the
    layout; once into the file). Laid out here with the SVG canvas's own renderer at the
    SVG's 72 dpi (what savefig's first pass measures with), the places are the same and the
    file is drawn once: the same SVG in about two thirds of the time
    (tests/export/test_chart_svg.py compares the two)."""
    engine = fig.get_layout_engine()
    if engine is None:
        return
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(fig)
    fig.dpi = 72
    engine.execute(fig)
    fig.set_layout_engine(None)


def _drop_empty_glyphs(svg: bytes) -> bytes:
    """A glyph with no outline (the space) is written as a <path> with no d attribute, which
    Qt's SVG reader rejects, warning about every <use> of it. Drop the glyph and its uses."""
    empty = _NO_OUTLINE.findall(svg)
    if not empty:
        return svg
    svg = _NO_OUTLINE.sub(b"", svg)
    ids = b"|".join(re.escape(i) for i in empty)
    return re.sub(rb'<use xlink:href="#(?:' + ids + rb')"[^>]*/>', b"", svg)


_NO_OUTLINE = re.compile(rb'<path id="([^"]*)"(?:\s+transform="[^"]*")?\s*/>')


__all__ = ["chart_svg", "chart_figure", "fix_layout", "SVG_RC"]
