"""File > Open from Code, the printout's code options and the FHIR export, from the window."""

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from planner.app import window_actions
from planner.app.code_dialog import OpenFromCodeDialog
from planner.files.plan_code import encode_plan
from planner.files.planfile import load_plan_file, plan_to_dict

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TAPER = EXAMPLES / "gabapentin-phn-to-1800-with-taper.json"


def without_patient(plan):
    return dataclasses.replace(plan, patient=None)


def shown(win) -> dict:
    """The plan on screen, as a file would hold it."""
    return plan_to_dict(win.plan)


def test_a_scanned_code_typed_with_enter_opens_the_plan(win, qtbot, monkeypatch):
    plan = load_plan_file(TAPER)
    code = encode_plan(plan)
    opened = {}

    def scan(dialog):  # a hand scanner types the text, then Enter
        dialog.show()
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, code)
        assert dialog.buttons.button(QDialogButtonBox.Open).isEnabled()
        assert "no patient name" in dialog.status.text()
        qtbot.keyClick(dialog.text, Qt.Key_Return)
        opened["result"] = dialog.result()
        return dialog.result()

    monkeypatch.setattr(OpenFromCodeDialog, "exec", scan)
    assert window_actions.open_from_code(win)
    assert opened["result"] == OpenFromCodeDialog.Accepted
    # Not saved anywhere yet: closing or opening another plan asks first (the trial lost one).
    assert win.current_file is None and win.isWindowModified()
    from_code = shown(win)
    assert win.load_plan(without_patient(plan), None)  # the same plan, as the file gives it
    assert from_code == shown(win) and from_code["target_dose_mg"] == 1800


def test_a_damaged_code_is_refused_in_words_and_the_plan_on_screen_stays(win, qtbot, monkeypatch):
    before = shown(win)
    code = encode_plan(load_plan_file(TAPER))
    damaged = code[:-12] + ("A" if code[-12] != "A" else "B") + code[-11:]
    seen = {}

    def scan(dialog):
        dialog.show()
        dialog.text.setFocus()
        dialog.text.setText(damaged)
        seen["open"] = dialog.buttons.button(QDialogButtonBox.Open).isEnabled()
        seen["status"] = dialog.status.text()
        qtbot.keyClick(dialog.text, Qt.Key_Return)  # Enter does not open a refused code
        seen["text"] = dialog.text.text()
        seen["visible_result"] = dialog.result()
        return dialog.result()

    monkeypatch.setattr(OpenFromCodeDialog, "exec", scan)
    assert not window_actions.open_from_code(win)
    assert not seen["open"] and seen["status"] and seen["text"] == damaged
    assert seen["visible_result"] != OpenFromCodeDialog.Accepted
    assert shown(win) == before


def test_a_picture_of_the_code_fills_the_box(win, qtbot, tmp_path):
    segno = pytest.importorskip("segno")
    plan = load_plan_file(EXAMPLES / "pregabalin-stop-liquid-taper.json")
    picture = tmp_path / "code.png"
    segno.make(encode_plan(plan), error="m").save(str(picture), scale=4)
    dialog = OpenFromCodeDialog(win)
    qtbot.addWidget(dialog)
    assert dialog.read_image(picture)
    assert plan_to_dict(dialog.plan) == plan_to_dict(without_patient(plan))
    # A picture without a code: said in words, the box kept.
    blank = tmp_path / "blank.png"
    segno.make("not a plan").save(str(blank), scale=2)
    dialog.text.setText("kept")
    assert not dialog.read_image(blank)
    assert dialog.text.text() == "kept" and dialog.status.text()


def test_open_from_code_asks_to_save_unsaved_changes_first(win, monkeypatch):
    win.form.target.setValue(1500)
    assert win.isWindowModified()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Cancel)
    monkeypatch.setattr(OpenFromCodeDialog, "exec", lambda d: pytest.fail("the dialog opened before the save question"))
    assert not window_actions.open_from_code(win)
    assert win.plan.target_dose_mg == 1500


def test_the_patients_name_goes_into_the_code_only_for_the_plan_it_was_ticked_for(win, tmp_path):
    assert not win.print_options().code_with_patient
    win.code_name_action.setChecked(True)
    assert win.print_options().code_with_patient
    win.open_plan(TAPER)  # another plan: the tick is off again, and it is never remembered
    assert not win.print_options().code_with_patient
    win.code_patient_pages_action.setChecked(True)
    assert win.print_options().code_on_patient_pages
    assert win.remembered.get("print/code_on_patient_pages") is True


def test_fhir_export_from_the_window(win, tmp_path):
    out = tmp_path / "record"
    assert win.export(".fhir.json", out)  # the two-part suffix is added
    written = json.loads((tmp_path / "record.fhir.json").read_text("utf-8"))
    assert written["resourceType"] == "Bundle"
    assert win.export(".fhir.json", tmp_path / "again.fhir.json")
    assert not (tmp_path / "again.fhir.json.fhir.json").exists()


def test_an_export_that_cannot_import_a_part_says_so_and_writes_nothing(win, tmp_path, monkeypatch):
    # The trial: a bundle without the QR encoder printed a traceback to stderr and showed nothing.
    from planner.export.printout import content_code

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)

    def missing():
        raise ModuleNotFoundError("No module named 'segno'", name="segno")

    monkeypatch.setattr(content_code, "segno_encoder", missing)
    assert not win.export(".pdf", tmp_path / "plan.pdf", part="clinician")
    assert not (tmp_path / "plan.pdf").exists() and "segno" in said[0] and "No file was written" in said[0]
