"""The label's start for each indication and the raise-only-after holds (issue 12, item 2)."""

from datetime import date

import pytest
from conftest import make_plan

from planner.domain.plan import Override
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

TODAY = date(2026, 12, 1)


def schedule(**changes):
    return compute_schedule(make_plan(**changes), today=TODAY)


def codes(s):
    return {p.code for p in s.problems}


def pregabalin(**changes):
    base = dict(drug="pregabalin", indication="postherpetic_neuralgia", start_dose_mg=150, increment_mg=150,
                target_dose_mg=300, step_days=7, doses_per_day=2)
    return schedule(**{**base, **changes})


@pytest.mark.parametrize("drug, indication, day1", [
    ("gabapentin", "postherpetic_neuralgia", 300), ("gabapentin", "epilepsy", 900),
    ("pregabalin", "diabetic_neuropathy", 150), ("pregabalin", "postherpetic_neuralgia", 150),
    ("pregabalin", "fibromyalgia", 150), ("pregabalin", "spinal_cord_injury", 150), ("pregabalin", "epilepsy", 150),
])
def test_every_indication_has_a_cited_label_start(drug, indication, day1):
    ind = load_profile(drug).indication(indication)
    assert ind.label_start_mg[0] == day1
    assert ind.label_start_source.startswith(("Neurontin label, section 2.", "Lyrica label, section 2."))
    assert ind.min_doses_per_day is not None and ind.min_doses_per_day.source


def test_the_label_start_itself_passes():
    assert "above-label-start" not in codes(schedule(indication="postherpetic_neuralgia"))  # 300/600/900
    assert "above-label-start" not in codes(schedule(indication="epilepsy", start_dose_mg=900, target_dose_mg=1800))
    for ind in ("diabetic_neuropathy", "postherpetic_neuralgia", "fibromyalgia", "spinal_cord_injury", "epilepsy"):
        assert "above-label-start" not in codes(pregabalin(indication=ind, doses_per_day=3)), ind


def test_a_start_below_the_label_start_passes():
    assert "above-label-start" not in codes(schedule(indication="epilepsy", start_dose_mg=300))


def test_a_high_start_is_blocking_with_its_value_and_section_and_an_override_lets_it_through():
    s = schedule(indication="postherpetic_neuralgia", start_dose_mg=1800, target_dose_mg=1800)
    [p] = [p for p in s.problems if p.code == "above-label-start"]
    assert p.severity == "blocking" and p.field == "start_dose_mg"
    assert p.value == "day 1 1800 mg/day, label start 300 mg/day"
    assert "Neurontin label, section 2.1" in problem_text(p)
    o = Override(p.code, "Converting from 1800 mg/day of another gabapentin product", p.value)
    assert schedule(indication="postherpetic_neuralgia", start_dose_mg=1800, target_dose_mg=1800,
                    overrides=(o,)).exportable


def test_gabapentin_phn_days_2_and_3_are_judged_too():
    s = schedule(indication="postherpetic_neuralgia", increment_mg=600, target_dose_mg=1500)  # 300, 900, 1500
    [p] = [p for p in s.problems if p.code == "above-label-start"]
    assert p.value == "day 2 900 mg/day, label start 600 mg/day"
    s = schedule(indication="postherpetic_neuralgia", start_dose_mg=300, increment_mg=300, target_dose_mg=1200,
                 step_days=1)  # 300, 600, 900, 1200: day 4 is past the label's start
    assert "above-label-start" not in codes(s)


def test_without_an_indication_day_1_is_judged_against_the_highest_label_start():
    assert "above-label-start" not in codes(schedule(start_dose_mg=900, target_dose_mg=900))
    assert "above-label-start" in codes(schedule(start_dose_mg=1200, target_dose_mg=1200))
    assert "above-label-start" in codes(pregabalin(indication=None, start_dose_mg=300))


def test_spinal_cord_injury_holds_300_for_14_days_before_going_higher():
    quick = pregabalin(indication="spinal_cord_injury", target_dose_mg=600)
    [p] = [p for p in quick.problems if p.code == "raised-too-soon"]
    assert p.severity == "blocking" and "Lyrica label, section 2.6" in problem_text(p)
    assert p.value == "7 days at 300 mg/day before going above, label 14"
    held = pregabalin(indication="spinal_cord_injury", target_dose_mg=600, step_days=14)
    assert "raised-too-soon" not in codes(held)
    o = Override("raised-too-soon", "Known to tolerate 600 mg/day from an earlier course", p.value)
    assert "raised-too-soon" not in {x.code for x in
                                     pregabalin(indication="spinal_cord_injury", target_dose_mg=600,
                                                overrides=(o,)).unresolved_blocking}
