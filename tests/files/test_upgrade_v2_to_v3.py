"""Version 2 plan files open unchanged, print their handout in English and are saved as
version 3 (planner.files.upgrades, issue 16). tests/files/v2/ keeps real version 2 files: the
examples as the version 2 program shipped them."""

import json
from pathlib import Path

import pytest

from planner.domain import schema
from planner.files.planfile import dump_plan, load_example, load_plan_file, plan_to_dict

V2_FILES = sorted((Path(__file__).parent / "v2").glob("*.json"))


def test_there_are_real_version_2_files():
    assert len(V2_FILES) >= 12
    assert all(json.loads(p.read_text())["format_version"] == 2 for p in V2_FILES)
    assert not any("handout_language" in json.loads(p.read_text()) for p in V2_FILES)


@pytest.mark.parametrize("path", V2_FILES, ids=lambda p: p.stem)
def test_a_version_2_file_reads_as_the_example_it_was_in_english(path):
    plan = load_plan_file(path)
    assert plan.handout_language == "en"
    assert plan == load_example(path.stem)  # the same plan as the version 3 example
    written = json.loads(dump_plan(plan))
    assert written["format_version"] == schema.FORMAT_VERSION == 3
    v2 = json.loads(path.read_text("utf-8"))
    assert {k: v for k, v in plan_to_dict(plan).items() if k != "format_version"} == \
        {k: v for k, v in written.items() if k != "format_version"}
    assert all(k in written for k in v2)


def test_a_language_without_a_catalogue_is_refused_naming_the_field(tmp_path):
    from planner.files.planfile import PlanError

    data = json.loads(V2_FILES[0].read_text("utf-8"))
    data.update(format_version=3, handout_language="xx")
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_plan_file(path)
    assert [e.field for e in exc.value.errors] == ["handout_language"]
    assert "en" in str(exc.value.errors[0]) and "es" in str(exc.value.errors[0])
