"""The shipped examples (resources/examples) are plan files of the current format version, one at least
for each kind of plan, and each reads as the plan it states. (Their schedules are checked
with the engine: tests/test_golden_outputs.py.)"""

import json
from datetime import date
from importlib import resources

import pytest

from planner.domain.plan import OFF_LABEL, PLAN_KINDS, Liquid, OffLabel, StepEdit, Taper
from planner.domain.profiles import load_profile
from planner.files.planfile import PlanError, example_names, load_example, plan_from_dict, plan_to_dict

EXAMPLES = resources.files("planner.resources").joinpath("examples")


def raw(name: str) -> dict:
    return json.loads(EXAMPLES.joinpath(f"{name}.json").read_text("utf-8"))


def off_label_known(drug: str) -> bool:
    return OFF_LABEL in {i.id for i in load_profile(drug).indications}


def read(name: str):
    """The example's plan. An off-label example needs the off-label indication in the drug's
    profile: until the profile has it, the indication (and nothing else) is what is refused."""
    data = raw(name)
    if data.get("indication") == OFF_LABEL and not off_label_known(data["drug"]):
        with pytest.raises(PlanError) as exc:
            load_example(name)
        assert [e.field for e in exc.value.errors] == ["indication"]
        pytest.skip("the drug's profile has no off-label indication yet")
    return load_example(name)


@pytest.mark.parametrize("name", example_names())
def test_every_example_is_a_current_file_that_reads_as_it_states(name):
    from planner.domain import schema

    data = raw(name)
    assert data["format_version"] == schema.FORMAT_VERSION and data["kind"] in PLAN_KINDS
    plan = read(name)
    written = plan_to_dict(plan)
    for key, value in data.items():  # nothing the file states is read as something else
        if isinstance(value, dict):
            assert {k: written[key][k] for k in value} == value, key
        else:
            assert written[key] == value, key


def test_there_is_an_example_of_each_kind_of_plan_and_of_the_oral_solution_and_off_label_use():
    kinds = {raw(n)["kind"] for n in example_names()}
    assert kinds == set(PLAN_KINDS)
    assert any("liquid" in raw(n) for n in example_names())
    assert any(raw(n).get("indication") == OFF_LABEL for n in example_names())


def test_the_phn_template_start_continues_until_review():
    p = read("gabapentin-phn-start-until-review")
    assert (p.kind, p.start_dose_mg, p.increment_mg, p.step_days, p.target_dose_mg) == ("start", 300, 300, 3, 1800)
    # 300 mg on day 1, 600 on day 2, 900 from day 3, then +300 every 3 days: 1800 from day 12.
    assert p.step_edits == (StepEdit(1, days=1), StepEdit(2, days=1))
    assert p.maintenance == "review" and p.taper is None
    assert p.review_date == date(2027, 1, 9)  # 4 weeks after 1800 mg is first taken (day 12, 12 Dec)


def test_the_change_goes_from_todays_900_to_1800():
    p = read("gabapentin-change-900-to-1800")
    assert p.kind == "change" and sum(mg for _, mg in p.current) == 900 and p.target_dose_mg == 1800
    assert (p.increment_mg, p.step_days, p.maintenance) == (300, 3, "review")


def test_the_stop_tapers_from_300_300_600_by_300_a_week_with_a_stated_cut_order():
    p = read("gabapentin-stop-from-300-300-600")
    assert p.kind == "stop" and p.current == (("morning", 300), ("midday", 300), ("bedtime", 600))
    assert p.taper == Taper(step_days=7, step_mg=300, order=("midday", "morning", "evening", "bedtime"))
    assert p.target_dose_mg is None and p.strengths_mg == (300,)


def test_the_pregabalin_taper_ends_on_the_oral_solution():
    p = read("pregabalin-stop-liquid-taper")
    assert p.kind == "stop" and p.drug == "pregabalin"
    assert p.liquid == Liquid(use="taper_end", below_mg=100, syringe_ml=5)


def test_the_off_label_example_states_its_maximum_and_reason():
    p = read("gabapentin-off-label-diabetic-neuropathy")
    assert p.indication == OFF_LABEL and p.off_label.max_daily_mg == 1800
    assert isinstance(p.off_label, OffLabel) and "not a labelled indication" in p.off_label.reason


def test_the_off_label_example_reads_once_the_profile_offers_the_off_label_indication(monkeypatch):
    """Stands in the off-label indication the drug's profile gives (the profile's data is not
    this layer's): with it, the example reads cleanly, and its off_label is the one read."""
    from dataclasses import replace

    from planner.files import plan_rules

    def with_off_label(drug):
        profile = load_profile(drug)
        if off_label_known(drug):
            return profile
        extra = replace(profile.indications[0], id=OFF_LABEL, name="Other (off-label)")
        return replace(profile, indications=tuple(profile.indications) + (extra,))

    monkeypatch.setattr(plan_rules, "load_profile", with_off_label)
    p = load_example("gabapentin-off-label-diabetic-neuropathy")
    assert p.indication == OFF_LABEL and p.off_label.max_daily_mg == 1800 and p.kind == "start"
    with pytest.raises(PlanError) as exc:  # and its off_label is required with it
        plan_from_dict({k: v for k, v in raw("gabapentin-off-label-diabetic-neuropathy").items() if k != "off_label"})
    assert [str(e) for e in exc.value.errors] == ["off_label: is missing"]
