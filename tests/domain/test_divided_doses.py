"""The label's number of doses a day (issue 12, item 3): the default fill never gives fewer,
a clinician's choice of fewer is blocking until overridden, and the kidney band's own
regimen lowers the minimum."""

from datetime import date
from decimal import Decimal

import pytest
from conftest import make_plan

from planner.domain.plan import KidneyInput, Override
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

TODAY = date(2026, 12, 1)


def schedule(**changes):
    return compute_schedule(make_plan(**changes), today=TODAY)


def pregabalin(**changes):
    base = dict(drug="pregabalin", indication="postherpetic_neuralgia", start_dose_mg=150, increment_mg=150,
                target_dose_mg=300, step_days=7, doses_per_day=3)
    return schedule(**{**base, **changes})


def codes(s):
    return [p.code for p in s.problems]


def test_gabapentin_phn_follows_the_label_days_once_twice_then_three_times():
    s = schedule(indication="postherpetic_neuralgia", maintenance_days=2)
    assert [(d.total_mg, len(d.doses)) for d in s.days] == [(300, 1), (600, 2), (900, 3), (900, 3), (900, 3)]
    assert not s.has_blocking


@pytest.mark.parametrize("indication, least", [
    ("diabetic_neuropathy", 3), ("postherpetic_neuralgia", 2), ("fibromyalgia", 2),
    ("spinal_cord_injury", 2), ("epilepsy", 2), (None, 2),
])
def test_pregabalin_default_fill_gives_the_labels_doses(indication, least):
    s = pregabalin(indication=indication)
    assert min(len(d.doses) for d in s.days if d.doses) >= least
    assert "fewer-doses-than-label" not in codes(s) and "fewer-doses" not in codes(s)


def test_choosing_fewer_doses_is_blocking_with_a_value_and_an_override_lets_it_through():
    s = pregabalin(doses_per_day=1)
    [p] = [p for p in s.problems if p.code == "fewer-doses-than-label"]
    assert p.severity == "blocking" and p.field == "doses_per_day" and p.value == "1 dose a day, label 2"
    assert "Lyrica label, section 2.3" in problem_text(p)
    assert all(len(d.doses) == 1 for d in s.days if d.doses)  # the clinician's choice is kept
    o = Override(p.code, "Patient takes one dose at night; agreed with the pain team", p.value)
    assert pregabalin(doses_per_day=1, overrides=(o,)).exportable


def test_the_kidney_bands_regimen_lowers_the_minimum():
    # Neurontin 2.3 Table 1: CrCl 30-59 twice daily, 15-29 once daily.
    assert "fewer-doses-than-label" not in codes(schedule(indication="postherpetic_neuralgia", doses_per_day=2,
                                                          kidney=KidneyInput(crcl_ml_min=Decimal(45))))
    assert "fewer-doses-than-label" not in codes(schedule(indication="postherpetic_neuralgia", doses_per_day=1,
                                                          start_dose_mg=200, increment_mg=100, target_dose_mg=300,
                                                          kidney=KidneyInput(crcl_ml_min=Decimal(20))))
    assert "fewer-doses-than-label" in codes(schedule(indication="postherpetic_neuralgia", doses_per_day=1,
                                                      kidney=KidneyInput(crcl_ml_min=Decimal(45))))
    # Lyrica 2.7: 15-30 once or twice daily; below 15 once daily.
    for crcl in (20, 10):
        s = pregabalin(doses_per_day=1, start_dose_mg=25, increment_mg=25, target_dose_mg=50,
                       kidney=KidneyInput(crcl_ml_min=Decimal(crcl)))
        assert "fewer-doses-than-label" not in codes(s), crcl


def test_strengths_that_cannot_split_give_the_warning_not_the_blocking_problem():
    s = schedule(indication="postherpetic_neuralgia", strengths_mg=(300,), step_days=7)
    assert "fewer-doses-than-label" not in codes(s)
    [p] = [p for p in s.problems if p.code == "fewer-doses"]
    assert p.severity == "warning" and "day 3: 300 mg/day as 1 dose, not 3" in problem_text(p)
    assert codes(s).count("fewer-doses") == 1


def test_fewer_doses_chosen_is_one_problem_not_two():
    s = schedule(indication="postherpetic_neuralgia", doses_per_day=2)
    assert codes(s).count("fewer-doses-than-label") == 1 and "fewer-doses" not in codes(s)
