"""One row per label rule (tests/label_rules/*.py): the input, what the planner must say or
do, and the label section. Every row failed on the planner before issue 12."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import label_rules as table
from planner.domain.plan import PlanError
from planner.files.planfile import plan_from_dict
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text


def _rows():
    rows = []
    for mod in pkgutil.iter_modules(table.__path__):
        rows.extend(importlib.import_module(f"label_rules.{mod.name}").ROWS)
    return rows


ROWS = _rows()


def test_every_row_names_a_section_and_one_expectation():
    assert ROWS
    for r in ROWS:
        assert r.section.strip(), r
        given = [x for x in (r.problem, r.absent, r.refused, r.check) if x is not None]
        assert len(given) == 1, r.id


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_label_rule(row):
    data = row.plan_dict()
    if row.refused is not None:
        with pytest.raises(PlanError) as exc:
            plan_from_dict(data)
        fields = [e.field for e in exc.value.errors]
        assert any(f == row.refused or f.endswith("." + row.refused) for f in fields), fields
        return
    s = compute_schedule(plan_from_dict(data), today=table.TODAY)
    found = {p.code: p for p in s.problems}
    if row.problem is not None:
        code, severity = row.problem
        assert code in found, f"{row.id}: expected {code}; got {sorted(found)}"
        assert found[code].severity == severity, found[code]
        if row.field is not None:
            assert found[code].field == row.field, found[code]
    elif row.absent is not None:
        assert row.absent not in found, problem_text(found[row.absent])
    else:
        row.check(s)
