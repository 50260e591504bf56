"""The oral solution (planner/domain/liquid.py, dispense.py): doses in whole syringe
intervals and whole mg, the taper's last steps in mL, dispense in mL and bottles."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from math import ceil

import pytest

from conftest import make_plan
from planner.domain.liquid import LIQUID_FORM, LiquidMaker, draws, load_syringes
from planner.domain.plan import Liquid, Taper
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_example
from planner.resources import __path__ as resource_paths

TODAY = date(2026, 6, 1)


def maker(drug, syringe_ml):
    return LiquidMaker(load_profile(drug).oral_solution, load_syringes()[syringe_ml])


def test_syringes_file_cites_each_syringe():
    data = json.loads(open(f"{resource_paths[0]}/inputs/syringes.json", encoding="utf-8").read())
    assert {s["capacity_ml"] for s in data["syringes"]} == {5, 10}
    assert all(s["source"].strip() for s in data["syringes"])
    assert load_syringes()[5].interval_ml == Decimal("0.2")


def test_profiles_state_the_bottle_with_a_source():
    for drug, mg, per_ml, bottle in (("gabapentin", 250, 5, 470), ("pregabalin", 20, 1, 473)):
        sol = load_profile(drug).oral_solution
        assert (sol.mg, sol.per_ml, sol.bottle_ml) == (mg, per_ml, bottle)
        assert "section 16" in sol.bottle_source


@pytest.mark.parametrize("drug, syringe_ml, quantum", [
    ("gabapentin", 5, 10),   # 0.2 mL x 50 mg/mL
    ("gabapentin", 10, 50),  # whole mL x 50 mg/mL (syringes.json: the 10 mL syringe measures whole mL)
    ("pregabalin", 5, 4),    # 0.2 mL x 20 mg/mL
    ("pregabalin", 10, 20),  # whole mL x 20 mg/mL
])
def test_quantum_is_the_smallest_whole_mg_in_whole_intervals(drug, syringe_ml, quantum):
    m = maker(drug, syringe_ml)
    assert m.quantum == quantum
    assert m.makeable(quantum) and not m.makeable(quantum + 1)
    interval = load_syringes()[syringe_ml].interval_ml
    assert m.units_for(quantum)[0].count % interval == 0


def test_split_is_even_in_whole_quanta_largest_first():
    m = maker("pregabalin", 5)
    s = m.split(300, 2)
    assert s.amounts == (152, 148)  # 75 quanta of 4 mg: 38 + 37
    assert [u.count for (u,) in s.units] == [Decimal("7.6"), Decimal("7.4")]
    assert m.split(6, 1) is None and m.split(8, 3) is None
    assert m.split_at_most(8, 3).amounts == (4, 4)


def test_nearest_total_ties_down_unless_higher_is_asked():
    m = maker("pregabalin", 5)
    assert m.nearest_total(150, 2) == 148
    assert m.nearest_total(150, 2, prefer_higher=True) == 152
    assert m.nearest_total(Decimal("149.5"), 2) == 148
    assert m.nearest_total(1, 1) == 4


def test_a_dose_larger_than_the_syringe_is_drawn_in_goes():
    assert draws(Decimal("12"), 10) == (Decimal(10), Decimal(2))
    assert draws(Decimal("12"), 5) == (Decimal(5), Decimal(5), Decimal(2))
    assert draws(Decimal("10"), 5) == (Decimal(5), Decimal(5))
    assert draws(Decimal("3.8"), 5) == (Decimal("3.8"),)
    assert maker("gabapentin", 10).pieces_for(600) == 2


@pytest.mark.parametrize("drug, example", [("gabapentin", "gabapentin-phn-to-1800-with-taper"),
                                           ("pregabalin", "pregabalin-phn")])
@pytest.mark.parametrize("syringe_ml", [5, 10])
def test_every_liquid_dose_is_whole_intervals_and_whole_mg(drug, example, syringe_ml):
    plan = replace(load_example(example), liquid=Liquid("all", None, syringe_ml))
    s = compute_schedule(plan, today=TODAY)
    interval = load_syringes()[syringe_ml].interval_ml
    per_ml = Fraction(load_profile(drug).oral_solution.mg, load_profile(drug).oral_solution.per_ml)
    units = [u for d in s.days for x in d.doses for u in x.units]
    assert units and all(u.form == LIQUID_FORM for u in units)
    for d in s.days:
        for x in d.doses:
            (u,) = x.units
            assert u.count % interval == 0
            assert Fraction(u.count) * per_ml == x.mg == u.mg
        assert sum(x.mg for x in d.doses) == d.total_mg
    assert [ln.form for ln in s.dispense] == [LIQUID_FORM]


def test_taper_end_gives_the_last_steps_in_ml_and_the_rest_in_capsules():
    base = load_example("gabapentin-phn-to-1800-with-taper")
    plain = compute_schedule(base, today=TODAY)
    s = compute_schedule(replace(base, liquid=Liquid("taper_end", 900, 5)), today=TODAY)
    assert [d.total_mg for d in s.days] == [d.total_mg for d in plain.days]  # 100 mg steps: all measurable
    for d in s.days:
        forms = {u.form for x in d.doses for u in x.units}
        if d.phase == "taper" and 0 < d.total_mg <= 900:
            assert forms == {LIQUID_FORM}
        elif d.doses:
            assert LIQUID_FORM not in forms
    liquid_steps = [st.total_mg for st in s.steps if st.doses and st.doses[0].units[0].form == LIQUID_FORM]
    assert liquid_steps == [900, 600, 300]
    assert s.steps[-1].total_mg == 0
    assert s.roundings == plain.roundings


def test_taper_end_rounds_to_what_the_syringe_measures_and_records_it():
    base = load_example("pregabalin-phn")  # taper 225, 150, 75: 75 mg = 3.75 mL, not on 0.2 mL marks
    s = compute_schedule(replace(base, liquid=Liquid("taper_end", 150, 5)), today=TODAY)
    liquid_days = [d for d in s.days if d.doses and d.doses[0].units[0].form == LIQUID_FORM]
    assert {d.total_mg for d in liquid_days} == {152, 76}
    assert [(r.field, r.wanted, r.used) for r in s.roundings if r.field == "liquid.syringe_ml"] == [
        ("liquid.syringe_ml", Decimal(150), 152), ("liquid.syringe_ml", Decimal(75), 76)]
    assert "rounded-dose" in [p.code for p in s.problems if p.field == "liquid.syringe_ml"]
    totals = [st.total_mg for st in s.steps if st.phase == "taper"]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) == len(totals)  # still a taper


def test_dispense_gives_ml_and_bottles_and_only_the_capsules_taken():
    base = load_example("gabapentin-phn-to-1800-with-taper")
    s = compute_schedule(replace(base, liquid=Liquid("taper_end", 900, 5)), today=TODAY)
    ml = sum(u.count for d in s.days for x in d.doses for u in x.units if u.form == LIQUID_FORM)
    caps = sum(u.count for d in s.days for x in d.doses for u in x.units if u.form == "capsule")
    (capsules, solution) = s.dispense
    assert (capsules.form, capsules.count, capsules.bottles) == ("capsule", caps, None)
    assert (solution.strength_mg, solution.form, solution.count) == (50, LIQUID_FORM, ml)
    assert ml == 7 * 3 * (6 + 4 + 2)  # 7 days each of 3 x 6 mL, 3 x 4 mL, 3 x 2 mL
    assert solution.bottles == ceil(ml / 470) == 1
    whole = compute_schedule(replace(base, liquid=Liquid("all", None, 10)), today=TODAY)
    (line,) = whole.dispense
    assert line.count == sum(d.total_mg for d in whole.days) / 50
    assert line.bottles == ceil(line.count / 470)


def test_liquid_for_a_plan_without_taper_end_steps_changes_nothing():
    plan = make_plan(liquid=Liquid("taper_end", 200, 5))  # no taper: no step is liquid
    assert compute_schedule(plan).days == compute_schedule(make_plan()).days
    tapered = make_plan(taper=Taper(step_days=7, step_mg=300), liquid=Liquid("taper_end", 100, 5))
    s = compute_schedule(tapered)
    assert all(u.form != LIQUID_FORM for d in s.days for x in d.doses for u in x.units)  # no step at or below 100
