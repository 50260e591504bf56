"""One product where one will do (planner/domain/products.py): the products chosen for the
whole plan, the daily doses they keep, and the rule's order."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import make_plan
from planner.domain import schedule as schedule_mod
from planner.domain.days import Day, Dose, runs_of
from planner.domain.plan import Taper
from planner.domain.products import choose_products, products_used
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.domain.units import DoseMaker
from planner.files.planfile import example_names, load_example

# The number of different products each example's plan uses (capsules and tablets).
PRODUCTS_PER_EXAMPLE = {
    "gabapentin-change-900-to-1800": 1,
    "gabapentin-epilepsy-label-start": 1,
    "gabapentin-kidney-30-59": 1,
    "gabapentin-off-label-diabetic-neuropathy": 1,
    "gabapentin-phn-default": 1,
    "gabapentin-phn-label-start": 1,
    "gabapentin-phn-start-until-review": 1,
    # Was four (300, 400, 100 mg capsules and 600 mg tablets): now 300 mg capsules alone, the
    # low days 2-4 and the last taper step in fewer doses (named in a warning).
    "gabapentin-phn-to-1800-with-taper": 1,
    "gabapentin-slow-two-year": 1,
    "gabapentin-stop-from-300-300-600": 1,
    "gabapentin-stop-es": 1,  # the same plan, its handout in Spanish (issue 16)
    "pregabalin-phn": 1,
    # 50 mg capsules, then the oral solution for the taper's last steps.
    "pregabalin-stop-liquid-taper": 2,
}


def _all_forms_layout(monkeypatch, plan):
    """The engine's days with every allowed form (the product choice left out)."""
    with monkeypatch.context() as m:
        m.setattr(schedule_mod, "choose_products", lambda days, forms, plan, keep=None: (days, forms, []))
        return compute_schedule(plan, today=date(2026, 6, 1))


def test_every_example_is_listed():
    assert sorted(PRODUCTS_PER_EXAMPLE) == sorted(example_names())


@pytest.mark.parametrize("name", sorted(PRODUCTS_PER_EXAMPLE))
def test_number_of_products_per_example(name):
    s = compute_schedule(load_example(name), today=date(2026, 6, 1))
    assert len(products_used(s.days)) == PRODUCTS_PER_EXAMPLE[name]
    assert len(s.dispense) == PRODUCTS_PER_EXAMPLE[name]


def test_phn_to_1800_uses_one_product_where_it_used_four(monkeypatch):
    plan = load_example("gabapentin-phn-to-1800-with-taper")
    assert len(products_used(_all_forms_layout(monkeypatch, plan).days)) == 4
    after = compute_schedule(plan, today=date(2026, 6, 1))
    # 300 mg capsules alone: the low titration days (300 and 600 mg/day, below the label's own
    # 900 mg/day three times daily) and the last taper steps take fewer doses, and say so.
    assert products_used(after.days) == ((300, "capsule"),)
    [fewer] = [p for p in after.problems if p.code == "fewer-doses-one-product"]
    assert fewer.severity == "warning" and [d[0] for d in fewer.values["days"]] == [2, 3, 4]


@pytest.mark.parametrize("name", sorted(PRODUCTS_PER_EXAMPLE))
def test_daily_doses_unchanged_versus_all_forms(monkeypatch, name):
    plan = load_example(name)
    before = _all_forms_layout(monkeypatch, plan)
    after = compute_schedule(plan, today=date(2026, 6, 1))
    assert [(d.day, d.total_mg) for d in after.days] == [(d.day, d.total_mg) for d in before.days]
    # A day given in fewer doses is one the engine spread only as the strengths allowed (a low
    # titration day, a taper day), and the warning names each such shape at its first day.
    fewer = [p for p in after.problems if p.code == "fewer-doses-one-product"]
    shapes = {(d.total_mg, len(d.doses), len(old.doses)) for d, old in zip(after.days, before.days)
              if len(d.doses) != len(old.doses)}
    assert all(d.phase in ("titration", "taper") and len(d.doses) < len(old.doses)
               for d, old in zip(after.days, before.days) if len(d.doses) != len(old.doses))
    assert shapes == {item[1:] for p in fewer for item in p.values["days"]}
    chosen = DoseMaker(tuple(load_profile(plan.drug).form_for(s) for s, form in products_used(after.days)
                             if form != "oral solution"))
    for old, new in zip(before.days, after.days):
        assert sum(x.mg for x in new.doses) == new.total_mg
        assert all(sum(u.mg for u in x.units) == x.mg for x in new.doses)
        # A day keeps its split wherever the chosen products make each of its amounts.
        if all(chosen.makeable(x.mg) for x in old.doses):
            assert [(x.slot, x.mg) for x in new.doses] == [(x.slot, x.mg) for x in old.doses]
    def same(problems):  # a problem's day holds its doses, which the products may change
        return [(p.code, p.severity, p.field, p.value) for p in problems if p.code != "fewer-doses-one-product"]
    assert same(after.problems) == same(before.problems)


def test_a_capsule_beats_a_tablet_that_must_be_halved():
    # 300, 600 ... 1800 mg/day: the 600 mg tablet makes 300 mg only as a half; the 300 mg capsule has no halves.
    s = compute_schedule(load_example("gabapentin-phn-default"), today=date(2026, 6, 1))
    assert products_used(s.days) == ((300, "capsule"),)
    assert all(u.count == int(u.count) for d in s.days for x in d.doses for u in x.units)


def test_the_patients_strengths_restrict_the_choice():
    s = compute_schedule(make_plan(strengths_mg=(300, 600), target_dose_mg=1800, step_days=3))
    assert set(products_used(s.days)) <= {(300, "capsule"), (600, "tablet")}
    assert len(products_used(s.days)) == 1


def _day(n, doses, **kw):
    """A day as the engine hands it to choose_products: a run of one day."""
    return runs_of([Day(n, date(2026, 12, n), "titration", sum(mg for _, mg in doses),
                        tuple(Dose(slot, "08:00", mg, ()) for slot, mg in doses), **kw)])[0]


def test_fewest_units_among_single_products_and_a_re_split_where_forced():
    forms = load_profile("gabapentin").forms
    plan = make_plan()
    days, chosen, _ = choose_products([_day(1, [("morning", 400), ("bedtime", 500)])], forms, plan)
    # 900 mg in 2 doses: the 300 mg capsule alone (3 capsules: 300 + 600) beats the 100 mg (9 capsules).
    assert [f.strength_mg for f in chosen] == [300]
    assert [(x.slot, x.mg) for x in days[0].doses] == [("morning", 300), ("bedtime", 600)]


def test_a_split_the_prescriber_set_is_never_re_split():
    forms = load_profile("gabapentin").forms
    plan = make_plan()
    days, chosen, _ = choose_products([_day(1, [("morning", 400), ("bedtime", 500)], edited=True)], forms, plan)
    assert [f.strength_mg for f in chosen] == [100]
    assert [(x.slot, x.mg) for x in days[0].doses] == [("morning", 400), ("bedtime", 500)]
    ordered = make_plan(taper=Taper(step_days=7, step_mg=100, order=("morning", "midday", "evening", "bedtime")))
    [taper_day] = runs_of([Day(1, date(2026, 12, 1), "taper", 900,
                               (Dose("morning", "08:00", 400, ()), Dose("bedtime", "22:00", 500, ())))])
    days, chosen, _ = choose_products([taper_day], forms, ordered)
    assert [(x.slot, x.mg) for x in days[0].doses] == [("morning", 400), ("bedtime", 500)]


def test_more_products_only_where_one_cannot_make_the_plan():
    forms = load_profile("pregabalin").forms
    # 75 mg/day once and 300 mg/day once: the 75 mg capsule alone makes both (1 + 4 capsules).
    days, chosen, _ = choose_products([_day(1, [("bedtime", 75)]), _day(2, [("bedtime", 300)])], forms, make_plan())
    assert [f.strength_mg for f in chosen] == [75]
    # 25 and 300 mg/day: the 25 mg capsule alone (13 capsules) is one product: fewest products first.
    days, chosen, _ = choose_products([_day(1, [("bedtime", 25)]), _day(2, [("bedtime", 300)])], forms, make_plan())
    assert [f.strength_mg for f in chosen] == [25]
    assert sum(u.count for u in days[1].doses[0].units) == 12


def test_the_fewer_doses_advice_is_one_that_works():
    """The warning's advice (shape the step's doses in the table) does what it says: a step
    whose doses the prescriber typed keeps them, with the products to make them. The old
    advice, "Tick more strengths under Dispense", could not help: with every strength ticked
    the one-product rule still gives the low day in fewer doses."""
    from dataclasses import replace as dc_replace

    from planner.domain.plan import StepEdit
    from planner.text.problems import problem_text

    plan = load_example("gabapentin-phn-to-1800-with-taper")
    s = compute_schedule(plan, today=date(2026, 6, 1))
    [fewer] = [p for p in s.problems if p.code == "fewer-doses-one-product"]
    text = problem_text(fewer)
    assert "schedule table" in text and "Tick more strengths" not in text
    day, total, given, wanted = fewer.values["days"][0]
    assert (day, total, given, wanted) == (2, 300, 1, 2)
    # The table's first step (days 1-3, 300 mg/day in one capsule) typed as 100 + 200 mg.
    step = next(i for i, st in enumerate(s.steps, 1) if st.first_day <= day <= st.last_day)
    spread = (("morning", 100), ("bedtime", 200))
    shaped = compute_schedule(dc_replace(plan, step_edits=(StepEdit(step=step, doses=spread),)), today=date(2026, 6, 1))
    shaped_day = next(d for d in shaped.days if d.day == day)
    assert len(shaped_day.doses) == wanted and shaped_day.total_mg == total
    assert not any(p.code == "fewer-doses-one-product" and any(x[0] == day for x in p.values["days"])
                   for p in shaped.problems)
