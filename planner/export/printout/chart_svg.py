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


def chart_svg(schedule: Schedule, width_in: float, height_in: float, audience: str = "patient",
              scale: float = 1.0) -> bytes:
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "titration-planner",
                                "font.family": "DejaVu Sans"}):
        fig = chart_figure(schedule, width_in, height_in, audience, scale)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
    return _drop_empty_glyphs(buf.getvalue())


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


__all__ = ["chart_svg", "chart_figure"]
