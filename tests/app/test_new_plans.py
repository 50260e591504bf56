"""File > New asks which kind of plan, and the label's start offered for a drug and indication."""

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel

from planner.app import label_starts
from planner.app.new_plan_dialog import NewPlanChoice, NewPlanDialog
from planner.domain.templates import label_template


@pytest.fixture
def dialog(qtbot):
    d = NewPlanDialog(None, "gabapentin", "postherpetic_neuralgia")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitActive(d)
    return d


def test_the_dialog_has_one_alt_letter_per_control(dialog):
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    letters = [m.group(1).lower() for t in texts for m in re.finditer(r"&([^&\s])", t or "")]
    assert len(letters) == 6 and len(set(letters)) == 6, letters  # four kinds, drug, indication


def test_alt_letters_choose_the_kind_and_enter_creates(dialog, qtbot):
    # A button's Alt letter clicks it after its pressed look (animateClick): waited for, not timed.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_T, Qt.AltModifier)  # S&top
    qtbot.waitUntil(dialog.kind_buttons["stop"].isChecked)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_H, Qt.AltModifier)  # C&hange
    qtbot.waitUntil(dialog.kind_buttons["change"].isChecked)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted
    assert dialog.choice() == NewPlanChoice("change", "gabapentin", "postherpetic_neuralgia")


def test_escape_cancels(dialog, qtbot):
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_Escape)
    assert dialog.result() == QDialog.Rejected


def test_the_drug_fills_its_indications(dialog, qtbot):
    dialog.drug.setCurrentIndex(dialog.drug.findData("pregabalin"))
    ids = [dialog.indication.itemData(i) for i in range(dialog.indication.count())]
    assert "fibromyalgia" in ids and "off_label" in ids and ids[0] is None
    dialog.indication.setCurrentIndex(dialog.indication.findData("fibromyalgia"))
    assert dialog.choice() == NewPlanChoice("start", "pregabalin", "fibromyalgia")


def test_file_new_opens_the_dialog_and_a_stop_plan_asks_todays_doses(win, qtbot, monkeypatch):
    def answer():
        d = QApplication.activeModalWidget()
        d.kind_buttons["stop"].setChecked(True)
        d.accept()

    QTimer.singleShot(0, answer)
    win.new_action.trigger()
    assert win.document.state["kind"] == "stop" and win.form.kind.currentData() == "stop"
    assert "current" not in win.document.state
    assert win.form.current["morning"].isVisible()
    assert win.focusWidget() is win.form.current["morning"]
    assert "doses the patient takes now" in win.statusBar().currentMessage()
    assert not win.isWindowModified()  # a new plan, nothing to save yet
    assert win.form.error_text("current")  # the engine names today's doses as missing


def test_cancelling_new_leaves_the_plan_alone(win, monkeypatch):
    win.form.target.setValue(1500)
    before = win.document.state
    monkeypatch.setattr(label_starts, "ask_new_plan", lambda *a, **k: None)
    win.new_action.trigger()
    assert win.document.state == before and win.isWindowModified()


@pytest.mark.parametrize("kind", ["start", "change", "stop", "start_and_stop"])
def test_new_fills_the_form_from_the_labels_template(win, monkeypatch, kind):
    monkeypatch.setattr(label_starts, "ask_new_plan",
                        lambda *a, **k: NewPlanChoice(kind, "pregabalin", "diabetic_neuropathy"))
    win.ask_new()
    t = label_template("pregabalin", "diabetic_neuropathy", win.today(), kind)
    s = win.document.state
    assert (s["kind"], s["drug"], s["indication"]) == (kind, "pregabalin", "diabetic_neuropathy")
    for key in ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg"):
        if key in s:
            assert s[key] == getattr(t, key)
    if kind == "start":
        assert s["start_dose_mg"] == t.start_dose_mg and s["review_date"] == t.review_date.isoformat()


def test_the_default_plan_is_the_phn_label_start_today_until_review(win):
    t = label_template("gabapentin", "postherpetic_neuralgia", win.today(), "start")
    p = win.plan
    assert (p.kind, p.drug, p.indication, p.start_date) == ("start", "gabapentin", "postherpetic_neuralgia", win.today())
    assert (p.start_dose_mg, p.increment_mg, p.step_days, p.target_dose_mg) == \
        (t.start_dose_mg, t.increment_mg, t.step_days, t.target_dose_mg)
    assert p.maintenance == "review" and p.review_date == t.review_date
    assert p.step_edits == t.step_edits


def test_choosing_an_indication_offers_its_start_and_changes_nothing_typed(win):
    f = win.form
    f.target.setValue(2400)
    f.patient_name.setText("A Patient")
    f.patient_name.textEdited.emit("A Patient")
    f.indication.setCurrentIndex(f.indication.findData("epilepsy"))
    assert win.document.state["target_dose_mg"] == 2400  # offered, not put in
    assert f.template_button.isEnabled()
    assert "label has a start for Epilepsy" in win.statusBar().currentMessage()
    f.template_button.click()
    t = label_template("gabapentin", "epilepsy", win.today(), "start")
    s = win.document.state
    assert s["target_dose_mg"] == t.target_dose_mg and s["start_dose_mg"] == t.start_dose_mg
    assert s["patient"] == {"name": "A Patient"}  # the patient stays
    assert win.undo_stack.undoText().startswith("use the label's start for Epilepsy")
    win.undo_action.trigger()
    assert win.document.state["target_dose_mg"] == 2400 and f.target.value() == 2400


def test_the_label_start_of_a_stop_plan_keeps_todays_doses(win):
    f = win.form
    f.kind.setCurrentIndex(f.kind.findData("stop"))
    f.current["morning"].setValue(300)
    f.current["bedtime"].setValue(600)
    f.taper_mode.setCurrentIndex(f.taper_mode.findData("percent"))
    f.template_button.click()
    s = win.document.state
    assert s["current"] == {"morning": 300, "bedtime": 600}
    assert s["taper"]["step_mg"] == 300 and "step_percent" not in s["taper"]


def test_off_label_has_no_label_start(win):
    f = win.form
    f.indication.setCurrentIndex(f.indication.findData("off_label"))
    assert not f.template_button.isEnabled()
    assert f.off_label_max.isVisible() and f.off_label_reason.isVisible()
    f.off_label_max.setValue(2400)
    f.off_label_reason.setText("Diabetic neuropathy")
    f.off_label_reason.textEdited.emit("Diabetic neuropathy")
    assert win.document.state["off_label"] == {"max_daily_mg": 2400, "reason": "Diabetic neuropathy"}
    assert win.plan is not None and win.plan.off_label.max_daily_mg == 2400
