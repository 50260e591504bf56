"""Kidney invariants over generated plans (Hypothesis): no printed dose above the kidney x
indication limit (worked out here from the profile's table, independently of the engine), and
no dose or dialysis supplement on or after the stop day of a taper."""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.kidney import clearance
from planner.domain.plan import SLOTS, KidneyInput, Plan, PlanError, Taper
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2026, 1, 1)


@st.composite
def kidney_plans(draw, taper_always=False) -> Plan:
    drug = draw(st.sampled_from(["gabapentin", "pregabalin"]))
    profile = load_profile(drug)
    strengths = draw(st.lists(st.sampled_from(profile.strengths_mg), min_size=1, unique=True))
    step = 25 if drug == "pregabalin" else 50
    dose = st.integers(1, 3600 // step).map(lambda k: k * step)
    taper = st.builds(Taper, step_days=st.integers(1, 10), step_mg=st.integers(1, 20).map(lambda k: k * step))
    dialysis = st.booleans()
    kidney = draw(st.builds(
        KidneyInput,
        crcl_ml_min=st.decimals(min_value=Decimal("0.1"), max_value=Decimal(150), places=1),
        haemodialysis=dialysis,
    ) | st.builds(
        KidneyInput,
        age_years=st.integers(18, 100).map(Decimal),
        sex=st.sampled_from(["female", "male"]),
        weight_kg=st.integers(35, 180).map(Decimal),
        serum_creatinine_mg_dl=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(12), places=2),
        haemodialysis=dialysis,
    ))
    return Plan(
        drug=drug,
        start_date=TODAY + timedelta(days=draw(st.integers(0, 60))),
        start_dose_mg=draw(dose),
        increment_mg=draw(st.integers(0, 8).map(lambda k: k * step)),
        step_days=draw(st.integers(1, 7)),
        target_dose_mg=draw(dose),
        doses_per_day=draw(st.integers(1, 3)),
        strengths_mg=tuple(sorted(strengths)),
        indication=draw(st.sampled_from([i.id for i in profile.indications])),
        slot_fill=draw(st.sampled_from(["grow", "all"])),
        larger_dose_order=tuple(draw(st.permutations(SLOTS))),
        maintenance_days=draw(st.integers(0, 14)),
        taper=draw(taper) if taper_always else draw(st.none() | taper),
        kidney=kidney,
    )


def oracle_limit(plan: Plan) -> Fraction:
    """The kidney x indication limit read straight off the profile's table: the CrCl's row, the
    column headed by the indication's normal maximum (or the largest below it), the cell's upper
    end, in proportion to CrCl below the row's proportional edge."""
    profile = load_profile(plan.drug)
    crcl, _ = clearance(plan.kidney)
    row = next(b for b in profile.kidney.bands if b.contains(crcl))
    heads = [c.high for c in profile.kidney.normal_band.columns]
    top = profile.indication(plan.indication).max_daily_mg.value
    column = max((i for i, h in enumerate(heads) if h <= top), default=0)
    limit = Fraction(row.columns[column].high)
    if row.proportional_below_ml_min is not None and crcl < row.proportional_below_ml_min:
        limit = limit * Fraction(crcl) / Fraction(row.proportional_below_ml_min)
    return limit


def schedule_or_none(plan):
    try:
        return compute_schedule(plan, today=TODAY)
    except PlanError:
        return None


@SETTINGS
@given(kidney_plans())
def test_no_printable_dose_is_above_the_kidney_by_indication_limit(plan):
    s = schedule_or_none(plan)
    if s is None or not s.exportable:  # no overrides: an exportable plan is one that prints
        return
    limit = oracle_limit(plan)
    assert s.kidney.max_daily_mg == limit
    assert all(d.total_mg <= limit for d in s.days), (limit, [d.total_mg for d in s.days])


@SETTINGS
@given(kidney_plans(taper_always=True))
def test_no_dose_and_no_supplement_on_or_after_the_stop(plan):
    s = schedule_or_none(plan)
    if s is None or not s.days:
        return
    stops = [d for d in s.days if d.total_mg == 0]
    assert len(stops) == 1 and stops[0] is s.days[-1]  # the stop is the last day, and the only one
    assert not stops[0].doses and stops[0].dialysis is None
    assert s.steps[-1].dialysis is None and not s.steps[-1].doses
    unmade = "dialysis-supplement-not-made" in {p.code for p in s.problems}
    for d in s.days[:-1]:
        if plan.kidney.haemodialysis and s.profile.kidney.dialysis.by == "column" and not unmade:
            assert d.dialysis is not None  # gabapentin: every dosed day has its supplement
        if d.dialysis is not None:
            assert d.total_mg > 0
            assert 0 < d.dialysis.mg <= d.dialysis.label_mg  # never more than the label's supplement
