"""Plan-file versions (planner.files.upgrades): an older file is upgraded step by step, a
newer or nonsense version is refused naming format_version. There is no real step yet
(version 1 is the only one); the hypothetical steps here show the mechanism a real one uses.
A real step gets its own test file (tests/test_upgrade_v1_to_v2.py when version 2 comes)."""

import json

import pytest

from planner.domain import schema
from planner.domain.plan import PlanError
from planner.files import upgrades
from planner.files.planfile import dump_plan, load_plan_file, parse_plan_text, plan_from_dict
from planner.files.recovery import RecoveryStore

V1 = {
    "format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 300,
    "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3,
}


def test_every_older_version_has_its_step():
    assert upgrades.missing_steps() == []


def test_the_current_version_is_read_as_it_is():
    assert plan_from_dict(V1).start_dose_mg == 300


def refusal(data) -> str:
    with pytest.raises(PlanError) as exc:
        plan_from_dict(data)
    [error] = [e for e in exc.value.errors if e.field == "format_version"]
    return error.message


def test_a_newer_version_is_refused_with_a_message_naming_the_field():
    message = refusal({**V1, "format_version": 2})
    assert "newer Titration Planner" in message and "reads version 1" in message
    assert str(PlanError([])) == ""  # the domain's PlanError words nothing itself


@pytest.mark.parametrize("version, words", [
    (0, "is 0, not a version of the plan file format"),
    (-3, "is -3, not a version"),
    ("1", 'must be a whole number; got "1"'),
    (1.0, "must be a whole number; got 1.0"),
    (True, "must be a whole number; got true"),
    ([1], "must be a whole number; got a list"),
])
def test_a_nonsense_version_is_refused(version, words):
    assert words in refusal({**V1, "format_version": version})


def test_a_missing_version_is_named_and_the_rest_still_read():
    with pytest.raises(PlanError) as exc:
        plan_from_dict({k: v for k, v in V1.items() if k != "format_version"} | {"step_days": 0})
    assert [e.field for e in exc.value.errors] == ["format_version", "step_days"]


@pytest.fixture
def version_2(monkeypatch):
    """A hypothetical version 2 in which slot_fill is always written: the step from version 1
    fills in what a version 1 file meant by leaving it out."""
    calls = []

    def v1_to_v2(data):
        calls.append(json.dumps(data, sort_keys=True))
        out = dict(data)
        out.setdefault("slot_fill", "grow")
        return out

    monkeypatch.setattr(schema, "FORMAT_VERSION", 2)
    monkeypatch.setitem(upgrades.STEPS, 1, v1_to_v2)
    return calls


def test_a_version_1_file_is_read_through_the_step_to_version_2(version_2, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(V1))
    plan = load_plan_file(path)
    assert plan.slot_fill == "grow" and plan.start_dose_mg == 300
    assert version_2 == [json.dumps(V1, sort_keys=True)]  # the step saw the file as it was
    written = json.loads(dump_plan(plan))
    assert written["format_version"] == 2 and written["slot_fill"] == "grow"
    assert parse_plan_text(dump_plan(plan)) == plan
    assert len(version_2) == 1  # a version 2 file is not upgraded again


def test_an_upgrade_leaves_the_callers_dict_alone(version_2):
    data = json.loads(json.dumps(V1))
    up = upgrades.upgraded(data)
    assert data == V1 and up["format_version"] == 2 and up["slot_fill"] == "grow"


def test_with_version_2_current_version_3_is_refused_and_0_is_nonsense(version_2):
    assert "reads version 2" in refusal({**V1, "format_version": 3})
    assert "not a version" in refusal({**V1, "format_version": 0})


def test_steps_run_in_order_one_version_at_a_time(monkeypatch):
    seen = []
    monkeypatch.setattr(schema, "FORMAT_VERSION", 3)
    monkeypatch.setitem(upgrades.STEPS, 1, lambda d: seen.append(("1->2", d["format_version"])) or dict(d))
    monkeypatch.setitem(upgrades.STEPS, 2, lambda d: seen.append(("2->3", d["format_version"])) or dict(d))
    assert plan_from_dict(V1).drug == "gabapentin"
    assert seen == [("1->2", 1), ("2->3", 2)]
    seen.clear()
    plan_from_dict({**V1, "format_version": 2})
    assert seen == [("2->3", 2)]


def test_a_missing_step_is_reported(monkeypatch):
    monkeypatch.setattr(schema, "FORMAT_VERSION", 3)
    monkeypatch.setitem(upgrades.STEPS, 2, dict)
    monkeypatch.delitem(upgrades.STEPS, 1, raising=False)
    assert upgrades.missing_steps() == [1]


def test_a_step_registers_once():
    upgrades.step(41)(dict)
    try:
        with pytest.raises(RuntimeError):
            upgrades.step(41)(dict)
    finally:
        del upgrades.STEPS[41]


def test_a_recovered_form_of_version_1_is_upgraded_before_it_is_checked(version_2, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.prepare()
    # As a window of the version 1 program leaves it when it is killed (no lock held).
    left = store.directory / "0f1e.json"
    left.write_text(json.dumps({"titration_planner_recovery": 1, "saved_at": "2026-12-01T10:00:00+01:00",
                                "source_file": None, "state": V1}))
    left.chmod(0o600)
    [found] = store.orphans()
    assert found.problem is None
    assert found.state["format_version"] == 2 and found.state["slot_fill"] == "grow"
