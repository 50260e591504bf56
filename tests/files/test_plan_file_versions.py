"""Plan-file versions (planner.files.upgrades): an older file is upgraded step by step, a
newer or nonsense version is refused naming format_version. Version 2 is current, and its
step from version 1 is real (tests/files/test_upgrade_v1_to_v2.py tests it with real version 1
files); the hypothetical version 3 here shows the mechanism the next real step will use."""

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
V2 = {**V1, "format_version": 2, "kind": "start_and_stop", "maintenance": "days"}
V3 = {**V2, "format_version": 3}


def test_every_older_version_has_its_step():
    assert upgrades.missing_steps() == []


def test_the_current_version_is_read_as_it_is():
    assert plan_from_dict(V2).start_dose_mg == 300
    assert plan_from_dict(V2) == plan_from_dict(V1)  # what the step adds is what version 1 meant


def test_the_real_step_from_version_1_adds_the_kind_and_the_maintenance_v1_meant():
    assert upgrades.STEPS[1](V1) == {**V2, "format_version": 1}  # upgraded() sets the version
    assert upgrades.upgraded(V1) == V3  # and version 2 to 3 adds nothing: the handout stays English
    assert upgrades.upgraded(V2) == V3
    assert upgrades.upgraded(V3) == V3  # a current file is not upgraded again
    # What a version 1 file already says is left for the reader to judge, not overwritten.
    assert upgrades.upgraded({**V1, "kind": "stop"})["kind"] == "stop"


def refusal(data) -> str:
    with pytest.raises(PlanError) as exc:
        plan_from_dict(data)
    [error] = [e for e in exc.value.errors if e.field == "format_version"]
    return error.message


def test_a_newer_version_is_refused_with_a_message_naming_the_field():
    message = refusal({**V3, "format_version": 4})
    assert "newer Titration Planner" in message and "reads version 3" in message
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
    assert words in refusal({**V2, "format_version": version})


def test_a_missing_version_is_named_and_the_rest_still_read():
    with pytest.raises(PlanError) as exc:
        plan_from_dict({k: v for k, v in V2.items() if k != "format_version"} | {"step_days": 0})
    assert [e.field for e in exc.value.errors] == ["format_version", "step_days"]


def test_without_a_version_a_file_is_read_as_the_current_one():
    # Not guessed to be version 1: a version 1 file without its version is missing the kind too.
    with pytest.raises(PlanError) as exc:
        plan_from_dict({k: v for k, v in V1.items() if k != "format_version"})
    assert [e.field for e in exc.value.errors] == ["format_version", "kind"]


@pytest.fixture
def version_3(monkeypatch):
    """A hypothetical version 3 in which slot_fill is always written: the step from version 2
    fills in what a version 2 file meant by leaving it out. The real step from 1 runs first."""
    calls = []

    def v2_to_v3(data):
        calls.append(json.dumps(data, sort_keys=True))
        out = dict(data)
        out.setdefault("slot_fill", "grow")
        return out

    monkeypatch.setattr(schema, "FORMAT_VERSION", 3)
    monkeypatch.setitem(upgrades.STEPS, 2, v2_to_v3)
    return calls


def test_a_version_1_file_is_read_through_both_steps_to_version_3(version_3, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(V1))
    plan = load_plan_file(path)
    assert plan.slot_fill == "grow" and plan.start_dose_mg == 300 and plan.kind == "start_and_stop"
    # The step from 2 saw the file as the real step from 1 left it.
    assert version_3 == [json.dumps(V2, sort_keys=True)]
    written = json.loads(dump_plan(plan))
    assert written["format_version"] == 3 and written["slot_fill"] == "grow"
    assert parse_plan_text(dump_plan(plan)) == plan
    assert len(version_3) == 1  # a version 3 file is not upgraded again


def test_an_upgrade_leaves_the_callers_dict_alone(version_3):
    data = json.loads(json.dumps(V1))
    up = upgrades.upgraded(data)
    assert data == V1 and up["format_version"] == 3 and up["slot_fill"] == "grow" and up["kind"] == "start_and_stop"


def test_with_version_3_current_version_4_is_refused_and_0_is_nonsense(version_3):
    assert "reads version 3" in refusal({**V2, "format_version": 4})
    assert "not a version" in refusal({**V2, "format_version": 0})


def test_steps_run_in_order_one_version_at_a_time(monkeypatch):
    seen = []
    monkeypatch.setattr(schema, "FORMAT_VERSION", 3)
    real = upgrades.STEPS[1]
    monkeypatch.setitem(upgrades.STEPS, 1, lambda d: seen.append(("1->2", d["format_version"])) or real(d))
    monkeypatch.setitem(upgrades.STEPS, 2, lambda d: seen.append(("2->3", d["format_version"])) or dict(d))
    assert plan_from_dict(V1).drug == "gabapentin"
    assert seen == [("1->2", 1), ("2->3", 2)]
    seen.clear()
    plan_from_dict(V2)
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


def test_a_recovered_form_of_version_1_is_upgraded_before_it_is_checked(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    store.prepare()
    # As a window of the version 1 program leaves it when it is killed (no lock held).
    left = store.directory / "0f1e.json"
    left.write_text(json.dumps({"titration_planner_recovery": 1, "saved_at": "2026-12-01T10:00:00+01:00",
                                "source_file": None, "state": V1}))
    left.chmod(0o600)
    [found] = store.orphans()
    assert found.problem is None
    assert found.state == V3
    assert plan_from_dict(found.state) == plan_from_dict(V1)
