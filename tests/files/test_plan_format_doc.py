"""docs/plan-format.md and the JSON Schema resources/schema/plan-v3.schema.json are generated
from the one declaration of the fields (planner.domain.schema) by tools/plan_format.py, and
cannot drift from it: the doc's field table and the schema file are the tool's output, and the
JSON Schema names exactly schema.FIELDS. Every example validates against the JSON Schema; what
it refuses, the program refuses too."""

import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from planner.domain import schema
from planner.files import upgrades
from planner.files.planfile import PlanError, example_names, load_example, plan_from_dict, plan_to_dict

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "plan-format.md"


def _tool():
    spec = importlib.util.spec_from_file_location("plan_format", ROOT / "tools" / "plan_format.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()
SCHEMA = json.loads(resources.files("planner.resources").joinpath("schema", "plan-v3.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)


def example_data(name: str) -> dict:
    return json.loads(resources.files("planner.resources").joinpath("examples", f"{name}.json").read_text("utf-8"))


# --- no drift -------------------------------------------------------------------------------

def test_the_docs_field_table_is_the_generated_one():
    doc = DOC.read_text("utf-8")
    assert tool.doc_with_table(doc) == doc, "run: python3 tools/plan_format.py --write"
    table = doc.split(tool.BEGIN, 1)[1].split(tool.END, 1)[0]
    assert re.findall(r"^\| `([^`]+)`", table, re.M) == [f.path for f in schema.FIELDS]


def test_the_json_schema_file_is_the_generated_one():
    text = (ROOT / "resources" / "schema" / f"plan-v{schema.FORMAT_VERSION}.schema.json").read_text("utf-8")
    assert text == tool.schema_text(), "run: python3 tools/plan_format.py --write"


def paths(node: dict, prefix: str = "") -> list[str]:
    out = []
    for key, sub in node.get("properties", {}).items():
        out.append(prefix + key)
        inner = sub.get("items", sub) if sub.get("type") == "array" else sub
        if inner.get("type") == "object" and "properties" in inner and not set(inner["properties"]) <= set(
                schema.field("current").choices):
            out += paths(inner, f"{prefix}{key}.")
    return out


def test_the_json_schema_names_exactly_the_schemas_fields():
    assert paths(SCHEMA) == [f.path for f in schema.FIELDS]
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["format_version"]["const"] == schema.FORMAT_VERSION


def test_the_doc_describes_every_kind_and_names_examples_that_exist():
    doc = DOC.read_text("utf-8")
    for kind in ("start", "change", "stop", "start_and_stop"):
        assert f"| `{kind}` |" in doc
    named = set(re.findall(r"`([a-z0-9-]+)\.json`", doc))
    assert named and named <= set(example_names())


def test_the_tool_prints_the_table_and_the_schema(capsys):
    assert tool.main(["table"]) == 0 and capsys.readouterr().out == tool.field_table()
    assert tool.main(["schema"]) == 0 and json.loads(capsys.readouterr().out) == SCHEMA
    assert tool.main(["--nonsense"]) == 2


# --- the examples -------------------------------------------------------------------------

@pytest.mark.parametrize("name", example_names())
def test_every_example_is_valid_against_the_json_schema(name):
    errors = [e.message for e in VALIDATOR.iter_errors(example_data(name))]
    assert errors == []


@pytest.mark.parametrize("name", example_names())
def test_what_the_program_writes_is_valid_against_the_json_schema(name):
    try:
        plan = load_example(name)
    except PlanError:
        pytest.skip("the drug's profile has no off-label indication yet (tests/files/test_examples_v2.py)")
    assert [e.message for e in VALIDATOR.iter_errors(plan_to_dict(plan))] == []


def test_an_older_file_is_not_current_until_upgraded():
    for path in sorted((ROOT / "tests" / "files" / "v1").glob("*.json")):
        v1 = json.loads(path.read_text("utf-8"))
        assert not VALIDATOR.is_valid(v1)
        assert VALIDATOR.is_valid(upgrades.upgraded(v1)), path.name
    for path in sorted((ROOT / "tests" / "files" / "v2").glob("*.json")):
        v2 = json.loads(path.read_text("utf-8"))
        assert not VALIDATOR.is_valid(v2)
        assert VALIDATOR.is_valid(upgrades.upgraded(v2)), path.name


# --- what it refuses, the program refuses -------------------------------------------------

STOP = example_data("gabapentin-stop-from-300-300-600")
START = example_data("gabapentin-phn-start-until-review")


@pytest.mark.parametrize("data", [
    {**STOP, "target_dose_mg": 600},
    {**STOP, "liquid": {"use": "all", "syringe_ml": 7}},
    {**STOP, "liquid": {"use": "all", "below_mg": 300}},
    {**STOP, "liquid": {"use": "taper_end"}},
    {**STOP, "taper": {"step_mg": 300, "step_percent": 10, "step_days": 7}},
    {**STOP, "taper": {"step_days": 7}},
    {**STOP, "taper": {"step_mg": 300, "step_days": 7, "order": ["bedtime", "bedtime", "midday", "morning"]}},
    {**STOP, "current": {"noon": 300}},
    {k: v for k, v in STOP.items() if k != "current"},
    {k: v for k, v in STOP.items() if k != "kind"},
    {k: v for k, v in START.items() if k != "review_date"},
    {k: v for k, v in START.items() if k != "start_dose_mg"},
    {**START, "off_label": {"max_daily_mg": 1800, "reason": "x"}},
    {**START, "step_edits": [{"days": 3}]},
    {**START, "format_version": 4},
    {**START, "colour": "blue"},
    {**START, "handout_language": "xx"},
    {**START, "handout_language": "ES"},
])
def test_what_the_json_schema_refuses_the_program_refuses(data):
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(PlanError):
        plan_from_dict(data)
