"""Problems carry a code and values, not sentences; planner.text.problems words them from the
catalogue (resources/text/en/problems.po), with the same words as before issue 13."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import grimp
import pytest
from babel.messages.pofile import read_po

from conftest import make_plan
from planner.domain.plan import KidneyInput, Override, Taper
from planner.domain.problem import Problem
from planner.domain.schedule import compute_schedule
from planner.text.catalogue import read_messages
from planner.text.problems import problem_text, stale_override_text

TODAY = date(2026, 12, 1)
DOMAIN = Path(__file__).resolve().parent.parent.parent / "planner" / "domain"

PLANS = {
    "taper": make_plan(taper=Taper(step_days=1, step_mg=300)),
    "phn2": make_plan(indication="postherpetic_neuralgia", doses_per_day=2),
    "child": make_plan(kidney=KidneyInput(age_years=Decimal(10), sex="female", weight_kg=Decimal(40),
                                          serum_creatinine_mg_dl=Decimal("0.6"))),
    "dialysis": make_plan(drug="pregabalin", start_dose_mg=25, increment_mg=25, target_dose_mg=100, doses_per_day=1,
                          step_days=7, strengths_mg=(75,),
                          kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True)),
    "percent": make_plan(start_dose_mg=1800, target_dose_mg=1800, taper=Taper(step_days=7, step_percent=Decimal(25))),
}

# Recorded from the planner before issue 13, when the checker wrote the sentences itself.
BEFORE = [
    ('taper', 'taper-too-short',
     'The taper stops gabapentin after 2 days (900 → 600 → 300 → 0 mg/day). The label says to reduce gabapentin gradually over at least 7 days (Neurontin label, section 2.5 (Administration Information)): make the steps smaller or longer.'),
    ('phn2', 'fewer-doses-than-label',
     'The plan gives gabapentin in at most two doses a day. From day 3 (2026-12-03) the label divides gabapentin in postherpetic neuralgia (adults) into three doses a day (Neurontin label, section 2.1). Choose 3 doses a day, or record why fewer suit this patient.'),
    ('child', 'age-outside-label',
     'The patient is 10 years old as typed for the kidney estimate. No indication is chosen; the youngest patients the label gives gabapentin to in mg/day are 12 years old, for epilepsy, partial-onset seizures, adjunct (age 12 and over) (Neurontin label, section 2.2). Below that age the label doses children aged 3 to 11 years by weight (mg/kg/day), which this planner does not do; it does not cover children under 3. This planner cannot check a dose for this patient.'),
    ('dialysis', 'rounded-dose',
     'This daily dose cannot be made exactly from 75 mg capsule, so the plan uses the nearest amount that can: day 1: 25 → 75 mg/day.'),
    ('dialysis', 'rounded-dose',
     'This daily dose cannot be made exactly from 75 mg capsule, so the plan uses the nearest amount that can: day 8: 50 → 75 mg/day.'),
    ('dialysis', 'rounded-dose',
     'This daily dose cannot be made exactly from 75 mg capsule, so the plan uses the nearest amount that can: day 22: 100 → 75 mg/day.'),
    ('dialysis', 'dialysis-supplement',
     "After each 4-hour haemodialysis session a supplementary dose that follows the step's daily dose, none after the last dose: days 1-28 (75 mg/day, regimen 50-75 mg once daily): 75 mg (1 × 75 mg capsule) (Lyrica label, section 2.7, Table 1, lower part). Where the label gives two amounts the plan prints the lower; the label also allows 100 mg where the plan gives 75 mg."),
    ('percent', 'above-label-start',
     'On day 1 (2026-12-01) the plan gives 1800 mg/day. The label starts gabapentin at 900 mg/day (Neurontin label, section 2.2). Lower the start, or record why this patient starts higher.'),
    ('percent', 'rounded-dose',
     'Each 25% cut is rounded to a daily dose that 100 mg capsule, 300 mg capsule, 400 mg capsule, 600 mg tablet, 800 mg tablet can make, always below the dose before: 1400 → 1100 → 800 → 600 → 500 → 400 → 300 → 200 → 100 → 0 mg/day.'),
]


def test_the_catalogue_words_each_problem_as_the_checker_did_before():
    worded = [(name, p.code, problem_text(p)) for name, plan in PLANS.items()
              for p in compute_schedule(plan, today=TODAY).problems
              if p.code not in ("no-kidney-function", "titration-too-fast")]  # the latter: new in issue 14
    assert worded == BEFORE


def test_a_problem_holds_a_code_and_values_and_no_sentence():
    assert [f.name for f in fields(Problem)] == ["code", "severity", "field", "source", "value", "values"]
    # The only text a problem carries is a name from the drug's profile (never a sentence worded here).
    names = {"drug", "indication", "band", "display_name", "method"}
    seen = 0
    for plan in [*PLANS.values(), make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(20)), target_dose_mg=1800)]:
        for p in compute_schedule(plan, today=TODAY).problems:
            seen += 1
            assert {k for k, v in p.values.items() if isinstance(v, str)} <= names, p.code
    assert seen > 10


def test_every_problem_code_of_the_domain_has_its_words_in_the_catalogue():
    src = "".join(p.read_text("utf-8") for p in sorted(DOMAIN.glob("*.py")))
    codes = set(re.findall(r'Problem\(\s*"([a-z-]+)"', src))
    assert len(codes) > 25
    ids = set(read_messages("en"))
    missing = [c for c in codes if not any(i == f"problem.{c}" or i.startswith(f"problem.{c}.") for i in ids)]
    assert not missing


@pytest.mark.parametrize("po", ["problems.po", "kidney.po"])
def test_every_message_says_where_it_is_shown(po):
    with resources.files("planner.resources").joinpath("text", "en", po).open("rb") as fh:
        catalogue = read_po(fh)
    messages = [m for m in catalogue if m.id]
    assert messages and all(m.auto_comments for m in messages)


def test_a_stale_override_is_worded_from_the_catalogue():
    s = compute_schedule(make_plan(target_dose_mg=4200), today=TODAY)
    [p] = s.blocking
    assert stale_override_text(Override(p.code, "why", "peak 4000 mg/day, maximum 3600 mg/day"), p) == (
        "An override was recorded for peak 4000 mg/day, maximum 3600 mg/day; the plan now has "
        "peak 4200 mg/day, maximum 3600 mg/day: decide again (record a new override or change the plan).")


def test_the_domain_imports_nothing_from_the_text_layer():
    graph = grimp.build_graph("planner", include_external_packages=False)
    up = {(m, n) for m in graph.modules if m.startswith("planner.domain")
          for n in graph.find_modules_directly_imported_by(m) if not n.startswith("planner.domain")}
    assert not up
