"""The plan document and its commands, without widgets: every change is a named, undoable
command, and the plan is computed once per change."""

from datetime import date

import pytest

from planner.files.planfile import load_example, plan_to_dict
from planner.app.command_words import field_words

TODAY = date(2026, 12, 1)


@pytest.fixture
def doc(qapp):
    from planner.app.document import PlanDocument

    d = PlanDocument(today=lambda: TODAY)
    d.load(plan_to_dict(load_example("gabapentin-phn-default")), None)
    return d


def edited(doc, path, value):
    state = doc.state
    *groups, key = path.split(".")
    holder = state
    for g in groups:
        holder = holder.setdefault(g, {})
    holder[key] = value
    return state


def test_a_loaded_plan_is_computed_once_and_unmodified(doc):
    assert doc.recompute_count == 1
    assert doc.schedule is not None and doc.input_errors == []
    assert not doc.modified and doc.undo_stack.count() == 0


def test_an_edit_is_a_command_named_for_it_that_undo_and_redo_reverse(doc):
    target_before = doc.plan.target_dose_mg
    seen = []
    doc.changed.connect(seen.append)
    doc.edit("target_dose_mg", edited(doc, "target_dose_mg", 1800))
    assert doc.undo_stack.undoText() == "change target dose to 1800 mg per day"
    assert doc.plan.target_dose_mg == 1800 and doc.modified
    assert doc.recompute_count == 2  # one computation for the one change
    doc.undo_stack.undo()
    assert doc.plan.target_dose_mg == target_before and not doc.modified
    assert doc.state["target_dose_mg"] == target_before
    doc.undo_stack.redo()
    assert doc.plan.target_dose_mg == 1800 and doc.modified
    assert doc.recompute_count == 4
    assert seen == ["target_dose_mg"] * 3


def test_consecutive_edits_of_one_field_merge_and_take_the_last_value(doc):
    for value in (1000, 1100, 1200):
        doc.edit("target_dose_mg", edited(doc, "target_dose_mg", value))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "change target dose to 1200 mg per day"
    doc.edit("step_days", edited(doc, "step_days", 3))
    assert doc.undo_stack.count() == 2
    assert doc.undo_stack.undoText() == "change step interval to 3 days"


def test_a_half_typed_number_is_held_as_typed_and_named_without_a_value(doc):
    doc.edit("start_dose_mg", edited(doc, "start_dose_mg", "30x"))
    assert doc.state["start_dose_mg"] == "30x"
    assert doc.schedule is None and [f for f, _ in doc.input_errors] == ["start_dose_mg"]
    assert doc.undo_stack.undoText() == "change start dose"


def test_the_patient_name_is_named_with_its_new_value(doc):
    # Issue 15: the menu says what the change was, in words ("Undo change patient name to ...").
    doc.edit("patient.name", edited(doc, "patient.name", "Ada Lovelace"))
    assert doc.undo_stack.undoText() == "change patient name to Ada Lovelace"


def test_the_drug_is_named_with_its_new_value(doc):
    doc.edit("drug", edited(doc, "drug", "pregabalin"))
    assert doc.undo_stack.undoText() == "change drug to pregabalin"


def test_an_override_is_recorded_and_removed_through_commands(doc):
    doc.edit("target_dose_mg", edited(doc, "target_dose_mg", 4800))
    blocking = [p for p in doc.problems if p.severity == "blocking" and p.value]
    assert blocking
    code, value = blocking[0].code, blocking[0].value
    doc.record_override(code, "Specialist advice", value)
    assert doc.undo_stack.undoText() == f"override the problem at {field_words(blocking[0].field)} ({value})"
    assert doc.overrides == [{"code": code, "reason": "Specialist advice", "value": value}]
    assert code not in [p.code for p in doc.schedule.unresolved_blocking]
    doc.remove_override(code)
    assert doc.undo_stack.undoText() == f"remove the override of the problem at {field_words(blocking[0].field)} ({value})"
    assert doc.overrides == [] and "overrides" not in doc.state
    doc.undo_stack.undo()
    assert [o["code"] for o in doc.overrides] == [code]


def test_loading_another_plan_clears_the_undo_stack(doc, tmp_path):
    doc.edit("target_dose_mg", edited(doc, "target_dose_mg", 1800))
    path = tmp_path / "p.json"
    files = []
    doc.file_changed.connect(lambda: files.append(doc.current_file))
    doc.load(plan_to_dict(load_example("pregabalin-phn")), path)
    assert doc.undo_stack.count() == 0 and not doc.modified
    assert doc.current_file == path and files == [path]
    assert doc.plan.drug == "pregabalin"


def test_restored_work_is_modified_and_saving_makes_it_clean(doc, tmp_path):
    doc.restore(edited(doc, "target_dose_mg", 1500), tmp_path / "ada.json")
    assert doc.modified and doc.undo_stack.count() == 0 and doc.plan.target_dose_mg == 1500
    doc.saved(tmp_path / "other.json")
    assert not doc.modified and doc.current_file == tmp_path / "other.json"


def test_the_state_handed_out_is_a_copy(doc):
    state = doc.state
    state["target_dose_mg"] = 1
    assert doc.state["target_dose_mg"] != 1


@pytest.mark.parametrize("field, path, value, text", [
    ("start_date", "start_date", "2027-01-04", "change start date to {date}"),
    ("step_days", "step_days", 7, "change step interval to 7 days"),
    ("kidney.haemodialysis", "kidney.haemodialysis", True, "turn on haemodialysis"),
    ("patient.date_of_birth", "patient.date_of_birth", "1950-02-03", "change date of birth to 3 Feb 1950"),
    ("prescriber.phone", "prescriber.phone", "01632 960001", "change prescriber phone to 01632 960001"),
    ("slot_times.morning", "slot_times.morning", "07:00", "change morning dose time to 07:00"),
])
def test_what_edit_undo_names(doc, field, path, value, text):
    from planner.text.dates import plain_date

    doc.edit(field, edited(doc, path, value))
    assert doc.undo_stack.undoText() == text.format(date=plain_date(date(2027, 1, 4)))
