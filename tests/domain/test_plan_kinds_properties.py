"""Invariants of change and stop plans over generated regimens, strengths and tapers (Hypothesis):
every step reduces (stop) or moves toward the target (change), every dose is made of units
that add up to it, and a stop ends with a day without the medicine."""

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.plan import SLOTS, Plan, Taper
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule

DAY1 = date(2026, 12, 1)


@st.composite
def regimens(draw):
    drug = draw(st.sampled_from(["gabapentin", "pregabalin"]))
    profile = load_profile(drug)
    strengths = tuple(draw(st.lists(st.sampled_from(profile.strengths_mg), min_size=1, max_size=3, unique=True)))
    slots = draw(st.lists(st.sampled_from(SLOTS), min_size=1, max_size=4, unique=True))
    current = tuple((s, draw(st.integers(1, 8)) * min(strengths)) for s in SLOTS if s in slots)
    order = draw(st.none() | st.permutations(SLOTS).map(tuple))
    taper = draw(st.builds(Taper, step_days=st.integers(1, 10),
                           step_mg=st.integers(1, 6).map(lambda k: k * min(strengths)), order=st.just(order))
                 | st.builds(Taper, step_days=st.integers(1, 10),
                             step_percent=st.decimals(min_value=Decimal(5), max_value=Decimal(60), places=0),
                             order=st.just(order)))
    return drug, strengths, current, taper


def _made_exactly(s) -> None:
    for d in s.days:
        assert d.total_mg == sum(x.mg for x in d.doses)
        for dose in d.doses:
            assert dose.units and sum(u.mg for u in dose.units) == dose.mg


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regimens(), st.sampled_from([None, "epilepsy"]))
def test_a_stop_plan_reduces_every_step_and_ends_without_the_medicine(r, indication):
    drug, strengths, current, taper = r
    if indication == "epilepsy" and drug != "gabapentin":
        indication = None
    s = compute_schedule(Plan(drug=drug, start_date=DAY1, kind="stop", current=current, strengths_mg=strengths,
                              indication=indication, taper=taper), today=DAY1)
    totals = [st.total_mg for st in s.steps]
    assert totals[-1] == 0 and not s.continues
    assert all(a > b for a, b in zip(totals, totals[1:]))
    assert totals[0] < sum(mg for _, mg in current)
    _made_exactly(s)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regimens(), st.integers(1, 8))
def test_a_change_down_ends_at_a_makeable_dose_and_continues(r, k):
    drug, strengths, current, taper = r
    now = sum(mg for _, mg in current)
    target = min(k * min(strengths), now - min(strengths))
    if target <= 0:
        return
    s = compute_schedule(Plan(drug=drug, start_date=DAY1, kind="change", current=current, strengths_mg=strengths,
                              target_dose_mg=target, taper=taper, maintenance="days", maintenance_days=3),
                         today=DAY1)
    totals = [d.total_mg for d in s.days]
    assert s.continues and totals[-1] == target  # multiples of the smallest strength are makeable
    assert all(a >= b for a, b in zip(totals, totals[1:]))
    _made_exactly(s)
