"""Edit > Undo and Redo name every change in plain words (issue 15): "Undo change target dose
to 1800 mg per day", "Undo change patient name to Alex Example", never "Undo Change
patient.name", a raw id ("above-label-maximum", "taper_end") or "mg mg". Every control of the
form is changed in turn, for every kind of plan, and every command's name is read."""

import re

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTimeEdit

from planner.app.date_field import DateField
from planner.app.number_field import NumberField
from test_keyboard_mnemonics import show_every_row

NUMBERS = {"Today's dose": 300, "Increment": 300, "Step interval": 3, "Target dose": 1200, "Doses per day": 3,
           "Maintenance": 14, "Reduce by": 10, "Every": 7, "CrCl": 41.3, "Age": 70, "Weight (actual)": 70.5,
           "Serum creatinine": 1.2, "Off-label maximum": 2400, "At or below": 300, "Start dose": 300}


def plain(text: str) -> list[str]:
    """What is wrong with a command's name (nothing: [])."""
    wrong = []
    if re.search(r"[A-Za-z_]\.[A-Za-z_]", text):
        wrong.append("a dotted field path")
    if "_" in text or re.search(r"\b[a-z]+-[a-z]+-[a-z]+\b", text):
        wrong.append("a raw id")
    if re.search(r"\b(mg|mL|days?|kg|percent)\s+\1\b", text):
        wrong.append("a unit twice")
    if "None" in text or "{" in text or "  " in text or text != text.strip():
        wrong.append("a hole")
    if not text[:1].islower():
        wrong.append("not in lower case after 'Undo '")
    return wrong


def number_for(w: NumberField) -> float | int:
    name = w.accessibleName()
    value = next((v for k, v in NUMBERS.items() if name.startswith(k)), 5)
    return value + 1 if w.value() == value else value  # a change, not the value it holds


def change_every_control(win) -> dict[str, str]:
    """Change each visible control of the form once: {plan field: the undo text}."""
    f = win.form
    names: dict[str, str] = {}
    f.changed.connect(lambda field: names.__setitem__(field, win.undo_stack.undoText()))
    for w in list(f.findChildren(NumberField)):
        if w.isVisibleTo(win):
            w.setValue(number_for(w))
    for w in f.findChildren(QLineEdit):
        if w.isVisibleTo(win) and not isinstance(w.parentWidget(), (NumberField, QTimeEdit, QComboBox)) \
                and not isinstance(w.parentWidget(), DateField):
            w.setFocus()
            w.selectAll()
            QTest.keyClicks(w, "2027-01-02" if "birth" in w.accessibleName().lower() else "Alex Example")
    for w in f.findChildren(QTimeEdit):
        if w.isVisibleTo(win):
            w.setTime(w.time().addSecs(600))
    for w in f.findChildren(DateField):
        if w.isVisibleTo(win):
            w.setDate(w.date().addDays(40))
    for w in f.findChildren(QAbstractButton):
        if w.isVisibleTo(win) and w.isCheckable() and w.isEnabled():
            w.click()
    for box in (f.slot_fill, f.taper_order, f.sex, f.scr_unit, f.kind):  # the kind last: it hides rows
        if box.isVisibleTo(win):
            box.setCurrentIndex((box.currentIndex() + 1) % box.count())
    return names


@pytest.mark.parametrize("kind", ["start", "change", "stop", "start_and_stop"])
def test_every_change_of_the_form_is_named_in_plain_words(win, kind):
    show_every_row(win, kind, "days", "mg", "cg")
    names = change_every_control(win)
    expected = {"kind", "current.morning", "target_dose_mg", "doses_per_day", "slot_fill", "slot_times.morning",
                "strengths_mg", "patient.name", "prescriber.phone", "kidney.age_years", "kidney.sex",
                "kidney.serum_creatinine", "kidney.haemodialysis", "off_label.reason", "liquid.below_mg",
                "liquid.syringe_ml", "start_date"}
    if kind in ("start", "start_and_stop"):
        expected -= {"current.morning"}
        expected |= {"start_dose_mg", "step_days", "maintenance_days"}
    if kind == "stop":
        expected -= {"target_dose_mg", "doses_per_day"}
    if kind != "start":
        expected |= {"taper.step_mg", "taper.step_days", "taper.order"}
    missing = expected - set(names)
    assert not missing, f"never changed: {missing}"
    wrong = {field: (text, plain(text)) for field, text in names.items() if plain(text)}
    assert not wrong, wrong


def test_the_window_reads_undo_and_redo_in_plain_words(win):
    win.form.target.setValue(1200)
    assert win.undo_action.text().replace("&", "") == "Undo change target dose to 1200 mg per day"
    QTest.keyClicks(win.form.patient_name, "Alex Example")
    assert win.undo_action.text().replace("&", "") == "Undo change patient name to Alex Example"
    win.form.kind.setCurrentIndex(win.form.kind.findData("change"))
    win.form.current["morning"].setValue(300)
    win.undo_action.trigger()
    assert win.redo_action.text().replace("&", "") == "Redo change today's morning dose to 300 mg"


@pytest.mark.parametrize("field, value, text", [
    ("kind", "stop", "change kind of plan to stop"),
    ("liquid.use", "taper_end", "change oral solution for to the taper's last steps"),
    ("kidney.sex", "male", "change sex to male"),
    ("taper", {"step_percent": 10, "step_days": 7}, "change taper to by percent per step"),
    ("kidney", {"crcl_ml_min": 41.3, "haemodialysis": False}, "change kidney function to CrCl entered"),
    ("kidney.crcl_ml_min", 41.3, "change CrCl to 41.3 mL/min"),
    ("slot_times.bedtime", "22:00", "change bedtime dose time to 22:00"),
    ("strengths_mg", [100, 300], "change strengths dispensed to 100, 300 mg"),
    ("step_days", 1, "change step interval to 1 day"),
    ("doses_per_day", 2, "change doses per day to 2"),
    ("patient.name", "", "clear patient name"),
])
def test_a_choice_or_value_is_named_by_its_words(win, field, value, text):
    from planner.app.command_words import edit_text

    state = win.document.state
    group, _, key = field.partition(".")
    if not key:
        state[group] = value
    elif value == "":
        state.pop(group, None)
    else:
        state.setdefault(group, {})[key] = value
    assert edit_text(field, state) == text


def test_overrides_step_edits_and_the_label_start_are_named_in_plain_words(win):
    doc = win.document
    state = doc.state
    state["target_dose_mg"] = 4800
    doc.edit("target_dose_mg", state)
    problem = next(p for p in doc.problems if p.severity == "blocking" and p.value)
    doc.record_override(problem.code, "Specialist advice", problem.value)
    texts = [doc.undo_stack.undoText()]
    assert texts[0] == f"override the problem at target dose ({problem.value})"
    doc.remove_override(problem.code)
    texts.append(doc.undo_stack.undoText())
    for record in ({"step": 3, "hold_days": 7}, {"step": 3, "total_mg": 750}, {"step": 2, "days": 4},
                   {"step": 2, "doses": {"morning": 300, "bedtime": 600}, "total_mg": 900}):
        doc.edit_step(record)
        texts.append(doc.undo_stack.undoText())
    doc.remove_step_edits()
    texts.append(doc.undo_stack.undoText())
    win.form.indication.setCurrentIndex(win.form.indication.findData("postherpetic_neuralgia"))
    win.use_label_start()
    texts.append(doc.undo_stack.undoText())
    assert texts[1:] == [f"remove the override of the problem at target dose ({problem.value})",
                         "stay on step 3's dose 7 more days", "change step 3's daily dose to 750 mg per day",
                         "change step 2's length to 4 days", "change step 2's doses", "remove step edits",
                         texts[-1]]
    assert texts[-1].startswith("use the label's start for ")
    assert [t for t in texts if plain(t)] == []
