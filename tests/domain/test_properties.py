"""Invariants of the engine over generated plans (Hypothesis)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.kidney import assess
from planner.domain.plan import OFF_LABEL, SLOTS, KidneyInput, OffLabel, Plan, PlanError, Taper
from planner.files.planfile import plan_from_dict, plan_to_dict
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule


@st.composite
def plans(draw) -> Plan:
    drug = draw(st.sampled_from(["gabapentin", "pregabalin"]))
    profile = load_profile(drug)
    strengths = draw(st.lists(st.sampled_from(profile.strengths_mg), min_size=1, unique=True))
    step = 25 if drug == "pregabalin" else 50
    dose = st.integers(1, 4000 // step).map(lambda k: k * step) | st.integers(1, 4000)
    taper = draw(st.none() | st.builds(
        Taper,
        step_days=st.integers(1, 14),
        step_mg=st.integers(1, 40).map(lambda k: k * step),
    ) | st.builds(
        Taper,
        step_days=st.integers(1, 14),
        step_percent=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(100), places=1),
    ))
    kidney = draw(st.none() | st.builds(
        KidneyInput,
        crcl_ml_min=st.decimals(min_value=Decimal("0.1"), max_value=Decimal(200), places=1),
        haemodialysis=st.booleans(),
    ) | st.builds(
        KidneyInput,
        age_years=st.integers(18, 100).map(Decimal),
        sex=st.sampled_from(["female", "male"]),
        weight_kg=st.integers(35, 180).map(Decimal),
        serum_creatinine_mg_dl=st.decimals(min_value=Decimal("0.3"), max_value=Decimal(12), places=2),
    ))
    indication = draw(st.none() | st.sampled_from([i.id for i in profile.indications]))
    # An off-label use states its maximum (at times above the label's) and the reason (issue 14).
    off_label = OffLabel(draw(st.integers(1, profile.max_daily_mg.value + 600)), "neuropathic pain") \
        if indication == OFF_LABEL else None
    return Plan(
        drug=drug,
        start_date=date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 800))),
        start_dose_mg=draw(dose),
        increment_mg=draw(st.integers(0, 20).map(lambda k: k * step) | st.integers(0, 900)),
        step_days=draw(st.integers(1, 10)),
        target_dose_mg=draw(dose),
        doses_per_day=draw(st.integers(1, 4)),
        strengths_mg=tuple(sorted(strengths)),
        indication=indication,
        off_label=off_label,
        slot_fill=draw(st.sampled_from(["grow", "all"])),
        larger_dose_order=tuple(draw(st.permutations(SLOTS))),
        maintenance_days=draw(st.integers(0, 30)),
        taper=taper,
        kidney=kidney,
    )


def schedule_or_none(plan):
    try:
        return compute_schedule(plan)
    except PlanError:
        return None  # too long to lay out: unusable input, tested elsewhere


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plans())
def test_totals_are_exact_and_doses_are_made_of_available_units(plan):
    s = schedule_or_none(plan)
    if s is None:
        return
    profile = s.profile
    for d in s.days:
        assert d.total_mg == sum(x.mg for x in d.doses)
        assert len(d.doses) <= plan.doses_per_day
        assert len({x.slot for x in d.doses}) == len(d.doses)
        for dose in d.doses:
            assert dose.mg > 0
            assert dose.mg == sum(u.count * u.strength_mg for u in dose.units)
            for u in dose.units:
                assert u.strength_mg in plan.strengths_mg
                form = profile.form_for(u.strength_mg)
                assert u.form == form.form
                assert u.count > 0 and (u.count * 2) % 1 == 0
                if u.count % 1:
                    assert form.scored, f"half of an unscored {form.strength_mg} mg {form.form}"
        # Doses come in time-of-day order with their slot's clock time.
        assert [x.time for x in d.doses] == sorted(x.time for x in d.doses)
        assert all(x.time == plan.slot_time(x.slot) for x in d.doses)
    assert [d.day for d in s.days] == list(range(1, len(s.days) + 1))
    assert all(d.date == plan.start_date + timedelta(days=d.day - 1) for d in s.days)


@SETTINGS
@given(plans())
def test_never_above_a_limit_without_a_blocking_problem(plan):
    s = schedule_or_none(plan)
    if s is None:
        return
    profile = s.profile
    limit = profile.max_daily_mg.value
    if plan.indication:
        limit = min(limit, profile.indication(plan.indication).max_daily_mg.value)
    peak = max((d.total_mg for d in s.days), default=0)
    blocking = {p.code for p in s.problems if p.severity == "blocking"}
    if peak > limit:
        assert "above-label-maximum" in blocking
    if plan.off_label is not None and peak > plan.off_label.max_daily_mg:
        assert "above-stated-maximum" in blocking
    if plan.off_label is not None and plan.off_label.max_daily_mg > profile.max_daily_mg.value:
        assert "stated-maximum-above-label" in blocking
    if plan.kidney is not None and peak > assess(plan.kidney, profile, plan.indication).max_daily_mg:
        assert "above-kidney-maximum" in blocking
    if not s.days:
        assert blocking  # no schedule is only ever the result of a blocking problem


@SETTINGS
@given(plans())
def test_a_taper_never_rises_and_ends_at_zero(plan):
    s = schedule_or_none(plan)
    if s is None or plan.taper is None or not s.days:
        return
    taper = [d.total_mg for d in s.days if d.phase == "taper"]
    assert taper and taper[-1] == 0
    before = [d.total_mg for d in s.days if d.phase != "taper"]
    path = ([before[-1]] if before else []) + taper
    assert all(a >= b for a, b in zip(path, path[1:]))
    if sum(1 for t in taper if t > 0) < s.profile.taper_min_days.value:
        assert "taper-too-short" in {p.code for p in s.problems if p.severity == "blocking"}


@SETTINGS
@given(plans())
def test_dispense_covers_every_unit_taken(plan):
    s = schedule_or_none(plan)
    if s is None:
        return
    taken: dict[int, Decimal] = {}
    for d in s.days:
        for dose in d.doses:
            for u in dose.units:
                taken[u.strength_mg] = taken.get(u.strength_mg, Decimal(0)) + u.count
    dispensed = {x.strength_mg: x.count for x in s.dispense}
    assert set(dispensed) == set(taken)
    for strength, count in taken.items():
        # Enough for every unit, and at most one spare tablet per half taken.
        assert count <= dispensed[strength]


@SETTINGS
@given(plans())
def test_plan_files_round_trip(plan):
    assert plan_from_dict(plan_to_dict(plan)) == plan
