"""Mutated version 2 plans (the examples of each kind, with every new field): reading one
raises PlanError or gives a plan, never anything else; the check of a saved form words what it
finds, never raises; and a plan the program reads is written back as a file its JSON Schema
accepts (the schema is never stricter than the program)."""

import json
import math
from importlib import resources

from hypothesis import HealthCheck, given, settings, strategies as st
from jsonschema import Draft202012Validator

from planner.domain.plan import PlanError
from planner.files.formstate import check_form_state
from planner.files.planfile import plan_from_dict, plan_to_dict

EXAMPLES = resources.files("planner.resources").joinpath("examples")
SEEDS = [json.loads(EXAMPLES.joinpath(f"{n}.json").read_text("utf-8")) for n in (
    "gabapentin-stop-from-300-300-600", "pregabalin-stop-liquid-taper", "gabapentin-change-900-to-1800",
    "gabapentin-phn-start-until-review", "gabapentin-off-label-diabetic-neuropathy")]
SEEDS[2] = {**SEEDS[2], "step_edits": [{"step": 2, "hold_days": 7},
                                       {"step": 1, "total_mg": 1200, "doses": {"morning": 300, "bedtime": 900}}],
            "taper": {"step_percent": 25, "step_days": 14, "order": ["evening", "midday", "morning", "bedtime"]},
            "liquid": {"use": "all", "syringe_ml": 5}}
VALIDATOR = Draft202012Validator(json.loads(
    resources.files("planner.resources").joinpath("schema", "plan-v3.schema.json").read_text("utf-8")))

LEAVES = (st.none() | st.booleans() | st.integers(-10, 5000) | st.sampled_from([0.5, 300.0, math.inf, 10**30])
          | st.text(max_size=12) | st.sampled_from(
              ["start", "change", "stop", "start_and_stop", "review", "days", "all", "taper_end", "off_label",
               "morning", "midday", "evening", "bedtime", "2027-01-04", "postherpetic_neuralgia", "gabapentin"]))
VALUES = st.recursive(LEAVES, lambda kids: st.lists(kids, max_size=4)
                      | st.dictionaries(st.sampled_from(["morning", "bedtime", "step", "days", "use", "x"]) | st.text(
                          max_size=8), kids, max_size=4), max_leaves=8)
KEYS = st.sampled_from(["kind", "current", "target_dose_mg", "doses_per_day", "maintenance", "review_date", "taper",
                        "step_edits", "liquid", "off_label", "indication", "start_dose_mg", "increment_mg"])


def paths(d, prefix=()):
    for k, v in (d.items() if isinstance(d, dict) else enumerate(d)):
        yield prefix + (k,)
        if isinstance(v, (dict, list)):
            yield from paths(v, prefix + (k,))


@st.composite
def mutated(draw):
    state = json.loads(json.dumps(draw(st.sampled_from(SEEDS))))
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["set", "set", "delete", "add"]))
        if action == "add":
            state[draw(KEYS)] = draw(VALUES)
            continue
        path = draw(st.sampled_from(sorted(paths(state), key=repr)))
        target = state
        try:
            for k in path[:-1]:
                target = target[k]
            if action == "delete":
                del target[path[-1]]
            else:
                target[path[-1]] = draw(VALUES)
        except (KeyError, IndexError, TypeError):
            pass
    return state


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=mutated())
def test_a_mutated_version_2_plan_reads_or_is_refused_naming_fields(data):
    problem = check_form_state(data)
    assert problem is None or isinstance(problem, str)
    try:
        plan = plan_from_dict(data)
    except PlanError as exc:
        assert exc.errors and all(e.field for e in exc.errors)
        return
    written = plan_to_dict(plan)
    assert plan_from_dict(written) == plan
    assert [e.message for e in VALIDATOR.iter_errors(written)] == []
