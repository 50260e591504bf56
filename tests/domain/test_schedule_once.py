"""One schedule computation per edit: the engine lays the days out once, groups them into steps
once and computes the daily limits once; the checker and the chart read what it made.

(Before issue 13 the checker worked on a draft Schedule and the result was a second one, so a
dialysis plan grouped its steps twice, and the chart computed the limits again.)"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from matplotlib.figure import Figure

from conftest import make_plan
from planner.chart.schedule_chart import draw_schedule
from planner.domain import days, layout, limits, schedule
from planner.domain.plan import KidneyInput, Taper
from planner.domain.problems import daily_limits

TODAY = date(2026, 12, 1)


@pytest.fixture
def calls(monkeypatch) -> Counter:
    counted: Counter = Counter()

    def counting(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            counted[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(layout, "lay_out")
    counting(days, "group_steps")
    counting(limits, "plan_limits")
    return counted


PLANS = {
    "titration": make_plan(),
    "taper": make_plan(taper=Taper(step_days=1, step_mg=300)),
    "dialysis": make_plan(start_dose_mg=100, increment_mg=100, target_dose_mg=300, doses_per_day=1,
                          kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True)),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_one_compute_lays_out_groups_and_limits_once(calls, name):
    s = schedule.compute_schedule(PLANS[name], today=TODAY)
    assert s.days and s.problems  # the checker ran (every one of these plans has a problem)
    assert calls == {"lay_out": 1, "group_steps": 1, "plan_limits": 1}


def test_reading_the_schedule_and_drawing_it_computes_nothing_again(calls):
    s = schedule.compute_schedule(PLANS["dialysis"], today=TODAY)
    assert s.dialysis_steps and s.steps is s.steps
    assert s.limits.kidney in daily_limits(s)
    draw_schedule(Figure(), s)
    assert calls == {"lay_out": 1, "group_steps": 1, "plan_limits": 1}


def test_the_checker_and_the_chart_read_the_same_limits():
    s = schedule.compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(20)), target_dose_mg=1800),
                                  today=TODAY)
    kidney = s.limits.kidney
    [p] = [p for p in s.problems if p.code == "above-kidney-maximum"]
    assert kidney in daily_limits(s) and p.source == kidney.source
    assert p.value.endswith(f"maximum {kidney.mg} mg/day")
