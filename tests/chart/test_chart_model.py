"""The chart model: what both charts show, per step, in pure Python."""

import subprocess
import sys
from pathlib import Path

import pytest

from planner.chart.chart_model import chart_model
from planner.domain.plan import SLOTS
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example

ROOT = Path(__file__).resolve().parents[2]


def test_the_model_needs_neither_matplotlib_nor_numpy_nor_qt():
    script = ("import sys; import planner.chart.chart_model, planner.chart.ticks; "
              "print(sorted(m for m in ('matplotlib', 'numpy', 'PySide6') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["gabapentin-slow-two-year", "pregabalin-stop-liquid-taper"])
def test_a_point_a_step_and_the_days_read_back(name):
    s = compute_schedule(load_example(name))
    m = chart_model(s)
    assert len(m.edges) == len(s.steps) + 1 and len(m.totals) == len(s.steps)
    assert [b.slot for b in m.bands] == list(SLOTS)
    assert list(m.bands[-1].upper) == [st.total_mg for st in s.steps]  # stacked to the total
    days, totals = m.day_totals()
    assert days[:-1] == [d.date for d in s.days] and totals[:-1] == [d.total_mg for d in s.days]
    assert m.marks[0] == (s.steps[0].start, s.steps[0].total_mg)


def test_an_off_scale_limit_is_labelled_in_the_language_in_use():
    from planner.text.catalogue import speaking

    s = compute_schedule(load_example("gabapentin-kidney-30-59"))
    english = [lim.label for lim in chart_model(s).limits if lim.off_scale]
    assert english and all("(off scale)" in label for label in english)
    with speaking("es"):
        spanish = [lim.label for lim in chart_model(s).limits if lim.off_scale]
    assert spanish and all("fuera de escala" in label and "off scale" not in label for label in spanish)
    for label in spanish + english:  # an amount is never split from its unit
        assert not any(line.endswith(tuple("0123456789")) for line in label.split("\n")[:-1]), label
