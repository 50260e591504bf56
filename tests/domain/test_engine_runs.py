"""The engine works per run of equal days, not per day (issue 17): its result is what the
day-by-day engine computed, field for field, and its work grows with the plan's steps.

The oracle: engine_digests.json, recorded from the day-by-day engine (d841511) for every example
and 600 seeded plans of every kind (seeded_plans.py says how, and how to see a difference)."""

from __future__ import annotations

import json
import random
import threading
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

import seeded_plans
from conftest import make_plan
from planner.domain import checks_regimen, days as days_mod, products, schedule
from planner.domain.days import Dose, Run, days_of, group_steps, runs_of
from planner.domain.dispense import dispense
from planner.domain.plan import SLOTS, KidneyInput, Liquid, StepEdit, Taper
from planner.domain.profiles import Cited, load_profile
from planner.domain.units import DoseMaker, Unit, dose_maker
from planner.files.planfile import load_example

RECORDED = json.loads(seeded_plans.DIGESTS.read_text(encoding="utf-8"))
CHUNKS = 6  # the seeds in a few tests, so a failure names its part and the parts can run apart


@pytest.mark.parametrize("name", seeded_plans.example_names())
def test_every_example_is_what_the_day_by_day_engine_computed(name):
    assert seeded_plans.digest(name) == RECORDED["examples"][name]


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_seeded_plans_are_what_the_day_by_day_engine_computed(chunk):
    seeds = [s for s in seeded_plans.SEEDS if s % CHUNKS == chunk]
    differ = [s for s in seeds if seeded_plans.digest(s) != RECORDED["seeds"][str(s)]]
    assert differ == [], (f"schedules differ from the day-by-day engine's for seeds {differ}: "
                          "see seeded_plans.py --dump to compare them")


def test_the_seeded_plans_cover_what_the_engine_does():
    """The oracle is only as good as its plans: every kind, long plans, the label's start days,
    step edits and holds, the oral solution, dialysis, tapers in a cut order and by percent."""
    plans = [seeded_plans.plan(s) for s in seeded_plans.SEEDS]
    seen = Counter()
    for p in plans:
        seen[p.kind] += 1
        seen["drug " + p.drug] += 1
        seen["long"] += p.maintenance_days >= 200
        seen["hold"] += any(e.hold_days for e in p.step_edits)
        seen["edit doses"] += any(e.doses for e in p.step_edits)
        seen["edit days"] += any(e.days for e in p.step_edits)
        seen["liquid all"] += p.liquid is not None and p.liquid.use == "all"
        seen["liquid taper end"] += p.liquid is not None and p.liquid.use == "taper_end"
        seen["dialysis"] += p.kidney is not None and p.kidney.haemodialysis
        seen["kidney band"] += p.kidney is not None and p.kidney.crcl_ml_min is not None and p.kidney.crcl_ml_min < 60
        seen["taper order"] += p.taper is not None and p.taper.order is not None
        seen["taper percent"] += p.taper is not None and p.taper.step_percent is not None
        seen["review"] += p.maintenance == "review"
        seen["grow"] += p.slot_fill == "grow"
        seen["epilepsy"] += p.indication == "epilepsy"
        seen["phn"] += p.indication == "postherpetic_neuralgia"
        seen["scored halves"] += p.drug == "gabapentin" and (p.strengths_mg is None or
                                                            bool({600, 800} & set(p.strengths_mg)))
    for kind in ("start", "change", "stop", "start_and_stop"):
        assert seen[kind] >= 80, kind
    for what in ("drug gabapentin", "drug pregabalin", "long", "hold", "edit doses", "edit days", "liquid all",
                 "liquid taper end", "dialysis", "kidney band", "taper order", "taper percent", "review", "grow",
                 "epilepsy", "phn", "scored halves"):
        assert seen[what] >= 20, what


# --- the structure: work per step, not per day ----------------------------------------------

TWELVE_WEEKS = replace(load_example("gabapentin-phn-default"), step_days=3, increment_mg=300, target_dose_mg=1800,
                       maintenance_days=66)


def _counted(monkeypatch) -> Counter:
    """Calls of what the day-by-day engine did once a day: a day's doses (the builder's split),
    the label's regimen for a day (engine and checker), a day's product shape, a Run made."""
    calls: Counter = Counter()

    def count(owner, name, key):
        real = getattr(owner, name)

        def wrapper(*args, **kwargs):
            calls[key] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(owner, name, wrapper)

    count(schedule._Builder, "doses_for", "doses_for")
    count(schedule, "label_minimum", "label_minimum")
    count(checks_regimen, "label_minimum", "label_minimum")
    count(products, "_key", "product shape")
    count(days_mod, "Step", "Step")
    return calls


@pytest.mark.parametrize("plan", [TWELVE_WEEKS, load_example("gabapentin-slow-two-year"),
                                  load_example("gabapentin-phn-to-1800-with-taper"),
                                  load_example("pregabalin-stop-liquid-taper")],
                         ids=["12 weeks", "two years", "to 1800 with taper", "liquid taper"])
def test_the_engine_works_per_step_not_per_day(monkeypatch, plan):
    steps = len(schedule.compute_schedule(plan, today=seeded_plans.TODAY).steps)
    calls = _counted(monkeypatch)
    s = schedule.compute_schedule(plan, today=seeded_plans.TODAY)
    # Bounded by the steps (and the label's three start days), whatever the plan's length:
    # the day-by-day engine made 817 splits and 1,634 product shapes for the two-year plan's 35 steps.
    bound = 3 * steps + 10
    assert all(n <= bound for n in calls.values()), (dict(calls), len(s.days), steps)


def test_a_two_year_plan_makes_no_more_per_step_work_than_it_has_steps(monkeypatch):
    two_years = load_example("gabapentin-slow-two-year")
    calls = _counted(monkeypatch)
    s = schedule.compute_schedule(two_years, today=seeded_plans.TODAY)
    assert len(s.days) == 817 and len(s.steps) == 35
    assert calls["doses_for"] <= len(s.steps) + 3 and calls["product shape"] <= 2 * (len(s.steps) + 3)


def test_a_segment_is_one_run_after_the_labels_start_days():
    """The label's start days (postherpetic neuralgia: days 1-3) are laid out one by one; after
    them each segment is one run, however long."""
    plan = make_plan(start_dose_mg=300, increment_mg=300, step_days=200, target_dose_mg=900,
                     indication="postherpetic_neuralgia")
    b = schedule._Builder(plan, load_profile(plan.drug))
    runs = schedule.layout.lay_out(b, schedule.plan_segments(b))
    assert [(r.day, r.count) for r in runs] == [(1, 1), (2, 1), (3, 1), (4, 197), (201, 200), (401, 200)]


# --- the parts that read runs give what they gave for days ------------------------------------

@pytest.mark.parametrize("name", seeded_plans.example_names())
def test_steps_and_dispense_from_days_equal_those_from_runs(name):
    s = schedule.compute_schedule(load_example(name), today=seeded_plans.TODAY)
    assert group_steps(s.days) == s.steps
    assert dispense(s.days, s.profile) == s.dispense
    assert days_of(runs_of(s.days)) == s.days


def _half_runs(r: random.Random) -> list[Run]:
    """Runs of days taking halves (and wholes) of scored 600 and 800 mg tablets, with gaps."""
    runs, day = [], 1
    start = date(2026, 12, 1)
    for _ in range(r.randint(1, 8)):
        doses = []
        for slot in sorted(r.sample(SLOTS, r.randint(1, 4)), key=SLOTS.index):
            units = tuple(Unit(mg, "tablet", Decimal(r.choice((1, 2, 3))) / 2) for mg in r.sample((800, 600), r.randint(1, 2)))
            doses.append(Dose(slot, "08:00", int(sum(u.mg for u in units)), units))
        count = r.choice((1, 2, 3, 5, 29, 30, 57, 200))
        runs.append(Run(day, start + timedelta(days=day - 1), count, "titration", sum(x.mg for x in doses),
                        tuple(doses), segment=len(runs) + 1))
        day += count
        if r.random() < 0.3:  # days without a dose between (the stop day)
            runs.append(Run(day, start + timedelta(days=day - 1), r.randint(1, 40), "taper", 0, ()))
            day += runs[-1].count
    return runs


@pytest.mark.parametrize("keep", [0, 1, 2, 3, 28, 100])
def test_split_tablets_counted_per_run_as_day_by_day(keep):
    """The other half of a split tablet is kept up to the label's days: counting a run's days in
    repeating periods gives what walking them one by one gives."""
    profile = replace(load_profile("gabapentin"), half_tablet_use_within_days=Cited(keep, "test"))
    r = random.Random(keep)
    for _ in range(150):
        runs = _half_runs(r)
        assert dispense(runs, profile) == dispense(days_of(runs), profile)


# --- the shared DoseMakers ------------------------------------------------------------------

def test_a_shared_dose_maker_gives_what_a_new_one_gives():
    forms = load_profile("gabapentin").forms
    shared, new = dose_maker(forms), DoseMaker(forms)
    assert dose_maker(forms) is shared
    for total in range(0, 4000, 50):
        for n in range(1, 5):
            assert shared.split_at_most(total, n) == new.split_at_most(total, n)
            assert shared.nearest_total(Decimal(total) + Decimal("0.5"), n) == new.nearest_total(Decimal(total) + Decimal("0.5"), n)


def test_two_threads_growing_one_dose_maker_agree_with_one():
    forms = load_profile("pregabalin").forms
    reference = DoseMaker(forms)
    expected = {mg: (reference.makeable(mg), reference.units_for(mg) if reference.makeable(mg) else None)
                for mg in range(0, 3000, 5)}
    for _ in range(5):
        maker = DoseMaker(forms)
        results: list[dict] = [{}, {}]
        amounts = list(expected)

        def work(i):
            order = amounts[::-1] if i else amounts
            for mg in order:
                ok = maker.makeable(mg)
                results[i][mg] = (ok, maker.units_for(mg) if ok else None)
        threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results[0] == expected and results[1] == expected


# --- a few plans by hand, as the issue names them ---------------------------------------------

HAND = {
    "titration": make_plan(step_days=30, target_dose_mg=2400, doses_per_day=3),
    "taper": make_plan(kind="start_and_stop", maintenance_days=300, taper=Taper(step_days=30, step_percent=Decimal(10))),
    "change": make_plan(kind="change", current=(("morning", 300), ("bedtime", 600)), target_dose_mg=1800,
                        start_dose_mg=None, step_days=21, doses_per_day=3, maintenance="review",
                        review_date=date(2027, 12, 1)),
    "stop": make_plan(kind="stop", current=(("morning", 600), ("midday", 600), ("bedtime", 800)), start_dose_mg=None,
                      target_dose_mg=None, doses_per_day=None, taper=Taper(step_days=28, step_mg=200,
                                                                         order=("midday", "morning", "bedtime"))),
    "dialysis": make_plan(start_dose_mg=100, increment_mg=100, target_dose_mg=300, doses_per_day=1, step_days=60,
                          maintenance_days=400, kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True)),
    "liquid": make_plan(drug="pregabalin", start_dose_mg=75, increment_mg=75, target_dose_mg=300, step_days=45,
                        doses_per_day=2, indication="postherpetic_neuralgia", maintenance_days=300,
                        taper=Taper(step_days=30, step_mg=50), liquid=Liquid("taper_end", 150, 5)),
    "edits and holds": make_plan(step_days=40, target_dose_mg=1800, maintenance_days=200,
                                 step_edits=(StepEdit(2, doses=(("morning", 100), ("bedtime", 500)), hold_days=90),
                                             StepEdit(4, total_mg=1100, days=120))),
}


@pytest.mark.parametrize("name", sorted(HAND))
def test_long_hand_made_plans_lay_out_as_their_days(name):
    """Each day of the schedule is its step's (the runs expanded), numbered and dated in turn."""
    s = schedule.compute_schedule(HAND[name], today=seeded_plans.TODAY)
    assert len(s.days) > 200
    assert [d.day for d in s.days] == list(range(1, len(s.days) + 1))
    assert all(d.date == s.plan.start_date + timedelta(days=d.day - 1) for d in s.days)
    for st in s.steps:
        for d in s.days[st.first_day - 1:st.last_day]:
            assert (d.phase, d.total_mg, d.doses, d.dialysis) == (st.phase, st.total_mg, st.doses, st.dialysis)
