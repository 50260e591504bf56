"""The file layer's messages come from the catalogue (resources/text/en/files.po): every id it
asks for is there, with the placeholders it fills; a plan error reads as its first field and
how many more."""

import ast
from pathlib import Path

import pytest

from planner.domain.plan import FieldError, PlanError
from planner.files.planfile import plan_from_dict
from planner.files.wording import plan_error
from planner.text.catalogue import catalogue, placeholders, read_messages

FILES = Path(__file__).resolve().parent.parent.parent / "planner" / "files"


def _asked() -> list[tuple[str, str, set[str]]]:
    """(module, message id, placeholders given) of each say()/say_n() with a literal id."""
    out = []
    for path in sorted(FILES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("say", "say_n")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                given = {k.arg for k in node.keywords} | ({"n"} if node.func.id == "say_n" else set())
                out.append((path.name, node.args[0].value, given))
    return out


def test_the_scan_finds_the_file_layers_messages():
    assert len(_asked()) > 80


@pytest.mark.parametrize("module, msgid, given", _asked(), ids=lambda x: x if isinstance(x, str) else "")
def test_each_message_is_in_the_catalogue_with_the_placeholders_given(module, msgid, given):
    messages = read_messages("en")
    assert msgid in messages, f"{module}: {msgid}"
    text = messages[msgid]
    needed = set().union(*(placeholders(t) for t in text)) if isinstance(text, tuple) else placeholders(text)
    assert needed == given, f"{module}: {msgid}"


def test_a_plan_error_reads_as_its_first_field_and_how_many_more():
    one = [FieldError("step_days", "is missing")]
    assert str(plan_error(one)) == "step_days: is missing"
    assert str(plan_error(one * 2)) == "step_days: is missing (and 1 more problem)"
    assert str(plan_error(one * 3)) == "step_days: is missing (and 2 more problems)"
    with pytest.raises(PlanError) as exc:
        plan_from_dict({"format_version": 1, "drug": "gabapentin"})
    assert str(exc.value) == "start_date: is missing (and 5 more problems)"


def test_a_field_message_uses_the_units_words_from_the_catalogue():
    with pytest.raises(PlanError) as exc:
        plan_from_dict({"format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 0,
                        "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3})
    words = catalogue().say("unit.mg-per-day")
    assert str(exc.value) == f"start_dose_mg: must be from 1 to 20000 {words}; got 0"
