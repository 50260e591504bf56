"""Epilepsy plans over generated inputs (Hypothesis): no gap of more than 12 hours between doses
on any day with doses (Neurontin 2.2), titration, maintenance and taper alike (issue 12)."""

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planner.domain.plan import DEFAULT_SLOT_TIMES, SLOTS, KidneyInput, Plan, Taper
from planner.domain.profiles import load_profile
from planner.domain.regimen import gap_rule, longest_gap_minutes
from planner.domain.schedule import compute_schedule

TODAY = date(2026, 12, 1)
GABAPENTIN = load_profile("gabapentin")
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _times(draw) -> tuple[tuple[str, str], ...]:
    """Four distinct clock times in slot order, or the defaults."""
    if draw(st.booleans()):
        return DEFAULT_SLOT_TIMES
    minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=4, max_size=4)))
    return tuple((s, f"{m // 60:02d}:{m % 60:02d}") for s, m in zip(SLOTS, minutes))


tapers = st.none() | st.builds(Taper, step_days=st.integers(1, 14), step_mg=st.integers(1, 12).map(lambda k: k * 100)) \
    | st.builds(Taper, step_days=st.integers(1, 14),
                step_percent=st.decimals(min_value=Decimal(5), max_value=Decimal(90), places=0))


@st.composite
def epilepsy_plans(draw) -> Plan:
    # Biased towards plans that pass the other rules, so that many are exportable.
    strengths = draw(st.just(GABAPENTIN.strengths_mg)
                     | st.lists(st.sampled_from(GABAPENTIN.strengths_mg), min_size=1, unique=True))
    kidney = draw(st.none() | st.none() | st.builds(
        KidneyInput, crcl_ml_min=st.decimals(min_value=Decimal(5), max_value=Decimal(150), places=0)))
    return Plan(
        drug="gabapentin", indication="epilepsy", start_date=TODAY,
        start_dose_mg=draw(st.integers(1, 9).map(lambda k: k * 100) | st.integers(1, 36).map(lambda k: k * 100)),
        increment_mg=draw(st.integers(0, 6).map(lambda k: k * 100)),
        step_days=draw(st.integers(1, 7)),
        target_dose_mg=draw(st.integers(1, 18).map(lambda k: k * 100) | st.integers(1, 36).map(lambda k: k * 100)),
        doses_per_day=draw(st.sampled_from([3, 3, 4]) | st.integers(1, 4)),
        strengths_mg=tuple(sorted(strengths)),
        slot_fill=draw(st.sampled_from(["grow", "all"])),
        slot_times=_times(draw),
        larger_dose_order=tuple(draw(st.permutations(SLOTS))),
        maintenance_days=draw(st.integers(0, 14)),
        taper=draw(tapers),
        kidney=kidney,
    )


@settings(max_examples=400, **SETTINGS)
@given(epilepsy_plans())
def test_an_exportable_epilepsy_plan_without_overrides_has_no_gap_over_12_hours(plan):
    s = compute_schedule(plan, today=TODAY)
    rule = gap_rule(plan, s.profile, s.kidney)
    if rule is None:
        event("kidney band's own regimen is once or twice daily: rule not applied")
        return
    event(f"exportable: {s.exportable}")
    if not s.exportable:
        return
    for d in s.days:
        if d.doses:
            assert longest_gap_minutes([x.time for x in d.doses]) <= 12 * 60, (d.day, d.phase, d.doses)


@settings(max_examples=200, **SETTINGS)
@given(start=st.integers(3, 36), target=st.integers(3, 36), inc=st.integers(1, 6), step_days=st.integers(1, 7),
       maintenance=st.integers(0, 14), taper=tapers)
def test_the_default_fill_makes_no_gap_in_any_phase(start, target, inc, step_days, maintenance, taper):
    """The defaults (grow fill, three doses a day, default times, every strength) from the
    label's start or above never make a day with a gap over 12 hours, the taper's last step too."""
    plan = Plan(drug="gabapentin", indication="epilepsy", start_date=TODAY, start_dose_mg=start * 100,
                increment_mg=inc * 100, step_days=step_days, target_dose_mg=target * 100, doses_per_day=3,
                maintenance_days=maintenance, taper=taper)
    s = compute_schedule(plan, today=TODAY)
    assert "gap-between-doses" not in {p.code for p in s.problems}
    for d in s.days:
        if d.doses:
            assert len(d.doses) == 3, (d.day, d.phase, d.total_mg)
    if taper is not None and s.days:
        assert s.days[-1].total_mg == 0
        if len(s.days) == 1:
            # A first cut as large as the start dose stops at once: that is the short-taper problem.
            assert "taper-too-short" in {p.code for p in s.blocking}
        else:
            assert s.days[-2].doses  # the last step before the stop is spread


@settings(max_examples=300, **SETTINGS)
@given(epilepsy_plans())
def test_every_gap_over_12_hours_is_a_blocking_problem(plan):
    """The checker's side: a day with doses and a gap over 12 hours, in any phase, always comes
    with the blocking gap problem (which only an override recorded for its value lets through)."""
    s = compute_schedule(plan, today=TODAY)
    if gap_rule(plan, s.profile, s.kidney) is None:
        return
    gaps = [d for d in s.days if d.doses and longest_gap_minutes([x.time for x in d.doses]) > 12 * 60]
    event(f"days with a long gap: {'some' if gaps else 'none'}; in taper: {any(d.phase == 'taper' for d in gaps)}")
    found = [p for p in s.problems if p.code == "gap-between-doses"]
    assert bool(gaps) == bool(found)
    if found:
        assert found[0].severity == "blocking" and found[0].value
