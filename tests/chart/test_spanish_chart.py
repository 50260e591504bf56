"""Issue 16: the patient chart on a Spanish page names months from the text layer ('dic'),
never matplotlib's or the C locale's ('Dec')."""

from __future__ import annotations

from dataclasses import replace

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from planner.chart.patient_chart import draw_patient_chart
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example
from planner.text.catalogue import speaking


def drawn_texts(schedule) -> list[str]:
    fig = Figure(figsize=(7, 3))
    draw_patient_chart(fig, schedule, 1.0)
    FigureCanvasAgg(fig).draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_the_spanish_patient_chart_names_the_month_in_spanish():
    s = compute_schedule(replace(load_example("gabapentin-slow-two-year"), handout_language="es"))
    with speaking("es"):
        texts = drawn_texts(s)
    joined = " ".join(texts)
    assert "Dec" not in joined and "Jan" not in joined
    assert any(t in ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
               for t in texts)
    assert "Sus dosis de cada día" in joined


def test_the_english_patient_chart_keeps_english_month_names():
    s = compute_schedule(load_example("gabapentin-slow-two-year"))
    texts = drawn_texts(s)
    assert any(t in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
               for t in texts)
