"""Adding a field to a plan touches the schema and the places that show it, nothing else.

This test adds one harmless field, the pharmacy's fax number, in the test only: a Field line in
schema.FIELDS, and the attribute that holds it on the pharmacy's dataclass (a subclass here,
standing in for the attribute a real field adds to planner.domain.plan.Pharmacy). With no
other change, the field is read from a plan file, written back, validated with a message
naming it, carried through a recovery file and its check, and listed among the fields the
form shows. (A real field also needs its label in resources/text/en/fields.po:
tests/domain/test_schema_fields.py says so, see the last test here.)"""

import json
from dataclasses import dataclass, replace

import pytest

from planner.domain import schema
from planner.domain.plan import Pharmacy, PlanError
from planner.files.formstate import check_form_state, lost_in_form
from planner.files.planfile import dump_plan, load_plan_file, plan_from_dict, plan_to_dict, save_plan_file
from planner.files.recovery import RecoveryStore
from planner.text.catalogue import catalogue

BASE = {
    "format_version": 3, "kind": "start_and_stop", "drug": "gabapentin", "start_date": "2026-12-01",
    "start_dose_mg": 300, "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3,
}


@dataclass(frozen=True)
class PharmacyWithFax(Pharmacy):
    fax: str | None = None


@pytest.fixture
def fax(monkeypatch):
    fields = []
    for f in schema.FIELDS:
        fields.append(replace(f, record=PharmacyWithFax) if f.path == "pharmacy" else f)
        if f.path == "pharmacy.phone":
            fields.append(schema.Field("pharmacy.fax", "text", "field.pharmacy.fax", max_len=schema.MAX_PHONE))
    monkeypatch.setattr(schema, "FIELDS", tuple(fields))
    assert schema.mismatches() == []


def test_without_the_field_a_fax_is_not_part_of_a_plan():
    with pytest.raises(PlanError) as exc:
        plan_from_dict({**BASE, "pharmacy": {"name": "Corner Pharmacy", "fax": "01234 999888"}})
    assert str(exc.value) == "pharmacy.fax: is not a field of a plan file (check its spelling)"


def test_it_is_read_from_a_file_and_written_back(fax, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({**BASE, "pharmacy": {"name": "Corner Pharmacy", "fax": " 01234 999888 "}}))
    plan = load_plan_file(path)
    assert plan.pharmacy == PharmacyWithFax(name="Corner Pharmacy", fax="01234 999888")
    assert plan_to_dict(plan)["pharmacy"] == {"name": "Corner Pharmacy", "fax": "01234 999888"}
    save_plan_file(plan, path)
    assert load_plan_file(path) == plan
    assert json.loads(dump_plan(plan))["pharmacy"]["fax"] == "01234 999888"


@pytest.mark.parametrize("value, message", [
    ("0" * 41, "pharmacy.fax: is longer than 40 characters"),
    (1234, "pharmacy.fax: must be text; got 1234"),
    ("01234\n999888", "pharmacy.fax: must be a single line of text"),
])
def test_it_is_validated_with_a_message_naming_it(fax, value, message):
    with pytest.raises(PlanError) as exc:
        plan_from_dict({**BASE, "pharmacy": {"fax": value}})
    assert str(exc.value) == message


def test_it_round_trips_through_a_recovery_file_and_its_check(fax, tmp_path):
    state = {**BASE, "pharmacy": {"name": "Corner Pharmacy", "fax": "01234 999888"}}
    assert check_form_state(state) is None
    assert lost_in_form(state, json.loads(json.dumps(state))) == []
    assert lost_in_form(state, {**state, "pharmacy": {"name": "Corner Pharmacy"}}) == ["pharmacy.fax"]
    assert check_form_state({**state, "pharmacy": {"fax": 1234}}) == "pharmacy.fax must be text; got 1234"

    store = RecoveryStore(tmp_path / "recovery")
    store.prepare()
    left = store.directory / "0f1e.json"  # as a killed window leaves it
    left.write_text(json.dumps({"titration_planner_recovery": 1, "saved_at": "2026-12-01T10:00:00+01:00",
                                "source_file": None, "state": state}))
    left.chmod(0o600)
    [found] = store.orphans()
    assert found.problem is None and found.state["pharmacy"]["fax"] == "01234 999888"
    assert plan_from_dict(found.state).pharmacy.fax == "01234 999888"


def test_without_the_field_a_saved_form_with_a_fax_is_damaged():
    state = {**BASE, "pharmacy": {"fax": "01234 999888"}}
    assert check_form_state(state) == "pharmacy.fax is not a field of the form"


def test_it_is_in_the_field_list_the_form_uses(fax):
    shown = [f.path for f in schema.form_fields()]
    assert shown[shown.index("pharmacy.phone") + 1] == "pharmacy.fax"
    assert [f.key for f in schema.in_group("pharmacy")] == ["name", "phone", "fax"]
    assert schema.field("pharmacy.fax").label == "field.pharmacy.fax"
    # The one thing besides the places that show it: its name, for the form and messages.
    assert "field.pharmacy.fax" not in catalogue().ids
