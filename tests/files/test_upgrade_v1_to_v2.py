"""Version 1 plan files open unchanged and are saved as version 2 (planner.files.upgrades).

tests/files/v1/ keeps real version 1 files: the examples as the version 1 program shipped
them. Each is read through the upgrade, gives the plan it gave (every value it states, the
kind start_and_stop and a fixed maintenance of maintenance_days: the one shape of version 1),
and is written back as version 2. The examples in resources/examples are those same plans,
written as version 2."""

import json
from pathlib import Path

import pytest

from planner.domain import schema
from planner.files.planfile import dump_plan, load_example, load_plan_file, plan_to_dict, save_plan_file

V1_DIR = Path(__file__).parent / "v1"
V1_FILES = sorted(V1_DIR.glob("*.json"))


def test_there_are_real_version_1_files():
    assert len(V1_FILES) >= 7
    assert all(json.loads(p.read_text())["format_version"] == 1 for p in V1_FILES)
    assert not any("kind" in json.loads(p.read_text()) for p in V1_FILES)


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.stem)
def test_a_version_1_file_reads_as_the_plan_it_was_and_is_saved_as_version_2(path, tmp_path):
    v1 = json.loads(path.read_text("utf-8"))
    plan = load_plan_file(path)
    assert plan.kind == "start_and_stop" and plan.maintenance == "days"
    assert plan.maintenance_days == v1.get("maintenance_days", 0)
    assert plan.current is None and plan.review_date is None and plan.step_edits == ()
    assert plan.liquid is None and plan.off_label is None
    written = plan_to_dict(plan)
    for key, value in v1.items():  # every value the file states is kept (a group may gain its defaults)
        if isinstance(value, dict):
            assert {k: written[key][k] for k in value} == value, key
        elif key != "format_version":
            assert written[key] == value, key
    assert written["format_version"] == schema.FORMAT_VERSION
    assert written["kind"] == "start_and_stop" and written["maintenance"] == "days"
    # What the file left out is written as its default (what version 1 meant by leaving it out).
    defaults = {f.key for f in schema.top_level() if f.default is not None}
    assert set(written) - set(v1) <= {"kind", "maintenance"} | defaults

    saved = tmp_path / path.name
    save_plan_file(plan, saved)
    assert json.loads(saved.read_text("utf-8"))["format_version"] == schema.FORMAT_VERSION
    assert load_plan_file(saved) == plan  # and the version 2 file reads as the same plan
    assert saved.read_text("utf-8") == dump_plan(plan)


@pytest.mark.parametrize("path", V1_FILES, ids=lambda p: p.stem)
def test_the_shipped_example_is_the_same_plan_written_as_version_2(path):
    assert load_example(path.stem) == load_plan_file(path)
