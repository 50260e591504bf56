"""The schema (planner.domain.schema) is the one declaration of a plan's fields: the plan's
dataclasses, the catalogue's names and units, the plan files and the saved-form check all
agree with it."""

import json
from dataclasses import fields

import pytest

from planner.domain import schema
from planner.domain.plan import Plan
from planner.files.planfile import example_names, load_example, plan_to_dict
from planner.text.catalogue import catalogue


def test_every_field_has_an_attribute_and_every_attribute_a_field():
    assert schema.mismatches() == []


def test_a_missing_attribute_is_found(monkeypatch):
    monkeypatch.setattr(schema, "FIELDS", schema.FIELDS + (schema.Field("pharmacy.fax", "text", "field.pharmacy.fax"),))
    assert schema.mismatches() == ["pharmacy.fax"]
    without = tuple(f for f in schema.FIELDS if f.path not in ("pharmacy.fax", "maintenance_days"))
    monkeypatch.setattr(schema, "FIELDS", without)
    assert schema.mismatches() == ["maintenance_days"]


def test_every_label_and_unit_is_in_the_catalogue():
    ids = catalogue().ids
    assert [f.label for f in schema.FIELDS if f.label not in ids] == []
    assert [f.unit for f in schema.FIELDS if f.unit and f.unit not in ids] == []


def test_the_declaration_is_well_formed():
    paths = [f.path for f in schema.FIELDS]
    assert len(paths) == len(set(paths))
    for f in schema.FIELDS:
        assert f.kind in schema.KINDS, f.path
        assert f.group is None or schema.by_path()[f.group].kind in ("group", "records"), f.path
        if f.kind in schema.NUMBER_KINDS and f.path not in schema.FILE_ONLY:
            assert f.unit is not None, f.path
        if f.kind == "int" and f.path not in schema.FILE_ONLY:
            assert f.low is not None and f.high is not None, f.path
        if f.kind in ("group", "records"):
            assert f.record is not None and schema.in_group(f.path), f.path
        if f.kind in ("times", "order"):
            assert f.choices, f.path


@pytest.mark.parametrize("path, declared", [
    ("start_dose_mg", "start_dose_mg"), ("strengths_mg[1]", "strengths_mg"), ("kidney.weight_kg", "kidney.weight_kg"),
    ("overrides[0].reason", "overrides.reason"), ("overrides[3]", "overrides"), ("slot_times.morning", "slot_times"),
])
def test_a_path_in_a_message_finds_its_field(path, declared):
    assert schema.field(path).path == declared


def test_the_form_lists_what_it_shows_in_file_order():
    shown = [f.path for f in schema.form_fields()]
    assert "format_version" not in shown and "plan_id" not in shown and "overrides.code" not in shown
    assert shown[:3] == ["kind", "drug", "indication"]
    assert [f.path for f in schema.FIELDS if f.path in shown] == shown
    assert set(schema.identifying_paths()) == {"patient.name", "patient.identifier", "patient.date_of_birth"}


@pytest.mark.parametrize("name", example_names())
def test_a_written_plan_follows_the_schema_order(name):
    d = plan_to_dict(load_example(name))
    order = [f.key for f in schema.top_level()]
    assert list(d) == [k for k in order if k in d]
    assert d["format_version"] == schema.FORMAT_VERSION
    json.dumps(d)


def test_plan_attributes_are_the_top_level_fields():
    on_plan = {f.key for f in schema.top_level() if f.path not in schema.FILE_ONLY}
    assert on_plan == {a.name for a in fields(Plan)}
