"""Monkey test: a seeded random user drives every input of the plan form for a few hundred
steps, the way a clinician would (values, typing, junk, clicks, pastes, undo and redo).

After each step the window is alive, and either the chart and table show exactly the
engine's schedule for what the form holds, or the chart is greyed, the table disabled and
the stale banner shown. A failure names the seed and step and the last actions taken;
rerun that seed alone (MONKEY_SEEDS=<seed>) to reproduce it.
"""

import json
import os
import random
import sys
import traceback
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QRadioButton,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from planner.text.catalogue import say
from planner.domain.plan import SLOTS, PlanError
from planner.files.planfile import plan_from_dict
from planner.domain.schedule import compute_schedule
from planner.app.date_field import DateLine
from planner.app.number_field import NumberField
from planner.app.schedule_table import COLUMNS, _row

# Each step repaints the chart (~80 ms of matplotlib): two seeds of 250 steps take about 40 s.
# A longer soak: MONKEY_SEEDS=5,6,7 MONKEY_STEPS=2000 pytest tests/app/test_monkey.py
SEEDS = tuple(int(x) for x in os.environ.get("MONKEY_SEEDS", "1,2024").split(","))
STEPS = int(os.environ.get("MONKEY_STEPS", "250"))

# Anything a user can type into, pick or click. A widget of these kinds in the form that the
# monkey does not drive fails the test: the monkey must keep up with the form.
INPUT_TYPES = (QAbstractSpinBox, QComboBox, QAbstractButton, QLineEdit, QAbstractSlider, QTextEdit, QPlainTextEdit)

# --- values a user might enter ----------------------------------------------------------------

MG_DOSES = (25, 50, 75, 100, 150, 200, 225, 300, 400, 600, 800, 900, 1200, 1800, 2400, 3600)


def _mg(r):
    return r.choice(MG_DOSES) if r.random() < 0.5 else r.randrange(100, 3601, 100)


# Per form attribute: a typical clinical value. Most steps use one, so that plans come back
# to valid often enough to test that branch as hard as the invalid one.
TYPICAL = {
    "start_dose": _mg,
    "increment": _mg,
    "target": _mg,
    "taper_mg": _mg,
    "step_days": lambda r: r.choice((1, 1, 2, 3, 7, 14)),
    "taper_days": lambda r: r.choice((1, 3, 7, 14)),
    "maintenance": lambda r: r.choice((0, 0, 7, 14, 28, 90)),
    "doses_per_day": lambda r: r.randint(1, 4),
    "taper_percent": lambda r: r.choice((5, 10, 12.5, 25, 33.3, 50, 100)),
    "crcl": lambda r: round(r.uniform(5, 150), 1),
    "age": lambda r: r.randint(18, 100),
    "weight": lambda r: round(r.uniform(35, 180), 1),
    "scr": lambda r: round(r.uniform(0.4, 4), 2) if r.random() < 0.5 else r.randint(30, 400),
    "liquid_below": _mg,
    "off_label_max": _mg,
}

# What a user types into a spin box: numbers, and junk the validator must cope with.
SPIN_TEXTS = ("300", "1200", "0", "-5", "7", "12.5", "99999999", "00300", "abc", "", "-", "1e9", "+", " ", ".",
              "3,5", "-0", "1.2.3", "1,500", "1.500", "12,5", "1.234,5", "1 500")

SLOT_HOURS = {"morning": (6, 9), "midday": (11, 14), "evening": (16, 19), "bedtime": (21, 23)}

FAR_DATES = (QDate(1752, 9, 14), QDate(1899, 12, 31), QDate(1900, 1, 1), QDate(2200, 12, 31), QDate(2201, 1, 1),
             QDate(9999, 12, 31), QDate(2024, 2, 29))

ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-'+()/&,"
# Other scripts, right-to-left text and its controls, emoji (beyond the BMP, joined, flags),
# combining marks, invisible characters.
UNICODE = ("é", "ß", "Ø", "ł", "ğ", "שלום", "مرحبا", "中文", "日本", "한국", "😀", "🧪", "👩\u200d⚕\ufe0f",
           "🇬🇧", "\u202e", "\u200f", "\u200d", "e\u0301", "\u00a0", "Ω", "∑", "\ufeff", "𝔘")
DOB_TEXTS = ("1950-02-28", "1987-12-31", "2001-01-01", "1950-02-30", "1850-01-01", "31/12/1950", "tomorrow",
             "2026-13-01", "1950-2-3", "")
NAMES = ("Alex Example", "Dr Ruth Kaye", "Zoë Ødegård", "O'Neill-Smith", "Renal Clinic 3", "01234 567890",
         "+44 20 7946 0000", "Boots Pharmacy")


def _random_text(r, n):
    return "".join(r.choice(ASCII) if r.random() < 0.6 else r.choice(UNICODE) for _ in range(n))


# --- driving the widgets as a user does -------------------------------------------------------


def _focus(w):
    if w.isVisible():  # a hidden field (another taper or kidney mode) cannot take focus
        w.setFocus(Qt.OtherFocusReason)


def _type(w, text):
    """Type text key by key. QTest.keyClicks takes ASCII only (Qt aborts on anything else),
    so other characters arrive as key events carrying the text, as an input method sends them."""
    for ch in text:
        if " " <= ch <= "~":
            QTest.keyClicks(w, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(w, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def _select_all_and_delete(w):
    QTest.keyClick(w, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClick(w, Qt.Key_Delete)


def drive_spin(r, w, typical, tame=False):
    # A number field has no range (the core checks it): these bounds only pick values.
    lo, hi = (w.minimum(), w.maximum()) if not isinstance(w, NumberField) else (-100000, 100000)
    if tame:
        v = typical(r) if typical is not None else r.randint(max(lo, 1), min(hi, 10))
        w.setValue(v)
        return f"setValue({v!r}) to fix it"
    roll = r.random()
    if roll < 0.25:  # type into the spin box's line edit, then leave it as a user would
        text = r.choice(SPIN_TEXTS) if r.random() < 0.6 else str(typical(r) if typical else r.randint(-50, 5000))
        _focus(w)
        w.selectAll()
        if text:
            QTest.keyClicks(w, text)
        else:
            QTest.keyClick(w, Qt.Key_Delete)
        key = r.choice((Qt.Key_Return, Qt.Key_Enter, Qt.Key_Tab))
        QTest.keyClick(w, key)
        return f"typed {text!r} + {Qt.Key(key).name}"
    if roll < 0.35:  # arrow and page keys step the value
        _focus(w)
        key = r.choice((Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown))
        n = r.randint(1, 4)
        for _ in range(n):
            QTest.keyClick(w, key)
        return f"{n} x {Qt.Key(key).name}"
    if roll < 0.8 and typical is not None:
        v = typical(r)
    elif roll < 0.88:
        v = r.choice((lo, hi))
    elif roll < 0.94:
        v = r.choice((0, -1, 1, -100, 0.05, 250.05))
    else:
        v = r.uniform(lo, hi)
    if isinstance(w, QSpinBox):
        v = int(v)
    w.setValue(v)
    return f"setValue({v!r}) -> {w.value()!r}"


def drive_combo(r, w, typical, tame=False):
    i = r.randrange(w.count())
    w.setCurrentIndex(i)
    return f"setCurrentIndex({i}) = {w.currentData()!r}"


def drive_check(r, w, typical, tame=False):
    w.click()
    return f"click -> {w.isChecked()}"


def _keys_into_sections(r, w):
    """Step or type over the date or time section under the cursor, as a user does, then leave."""
    _focus(w)
    w.setCurrentSectionIndex(r.randrange(w.sectionCount()))
    keys = []
    for _ in range(r.randint(1, 4)):
        if r.random() < 0.5:
            key = r.choice((Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown))
            QTest.keyClick(w, key)
            keys.append(Qt.Key(key).name)
        else:
            text = r.choice(("0", "1", "29", "31", "12", "99", "2200", "1899", "x"))
            QTest.keyClicks(w, text)
            keys.append(repr(text))
    QTest.keyClick(w, Qt.Key_Tab)
    return f"keys {' '.join(keys)} in section {w.currentSectionIndex()}"


def drive_date(r, w, typical, tame=False):
    if not tame and r.random() < 0.2:
        return f"{_keys_into_sections(r, w)} -> {w.date().toString('yyyy-MM-dd')}"
    if tame or r.random() < 0.8:
        d = QDate(2024, 1, 1).addDays(r.randrange(0, 3000))
    elif r.random() < 0.5:
        d = r.choice(FAR_DATES)
    else:
        d = QDate(r.randint(1752, 9999), r.randint(1, 12), r.randint(1, 28))
    w.setDate(d)
    return f"setDate({d.toString('yyyy-MM-dd')}) -> {w.date().toString('yyyy-MM-dd')}"


def drive_time(r, w, typical, tame=False):
    if not tame and r.random() < 0.2:
        return f"{_keys_into_sections(r, w)} -> {w.time().toString('HH:mm')}"
    if typical is not None and (tame or r.random() < 0.75):
        t = typical(r)
    elif r.random() < 0.5:
        t = r.choice((QTime(0, 0), QTime(23, 59), QTime(12, 0)))
    else:
        t = QTime(r.randrange(24), r.randrange(60))
    w.setTime(t)
    return f"setTime({t.toString('HH:mm')})"


def drive_line(r, w, typical, tame=False):
    roll = r.random()
    _focus(w)
    if tame and roll < 0.5:
        _select_all_and_delete(w)
        return "select-all + delete to fix it"
    if tame or roll < 0.45:  # replace with something plausible
        text = typical(r, tame) if typical is not None else r.choice(NAMES)
        w.selectAll()
        _type(w, text)
        return f"replaced with {text!r}"
    if roll < 0.65:  # append a few characters, any script
        text = _random_text(r, r.randint(1, 12))
        w.end(False)
        _type(w, text)
        return f"appended {text!r}"
    if roll < 0.8:
        _select_all_and_delete(w)
        return "select-all + delete"
    if roll < 0.9:  # paste a long string: up to and past the 250 the field keeps
        text = _random_text(r, r.randint(150, 320))
        if r.random() < 0.2:
            text = text[:50] + r.choice(("\n", "\t", "\r\n")) + text[50:]
        QGuiApplication.clipboard().setText(text)
        w.selectAll()
        QTest.keyClick(w, Qt.Key_V, Qt.ControlModifier)
        return f"pasted {len(text)} characters -> {len(w.text())}"
    n = r.randint(1, 5)
    w.end(False)
    for _ in range(n):
        QTest.keyClick(w, Qt.Key_Backspace)
    return f"{n} x backspace"


# The widget's exact class decides how it is driven. A subclass, a QDateTimeEdit, a slider or
# a radio button has no driver yet, and fails the coverage check until it is given one.
# Typed start dates: the forms people write, ambiguous ones the field refuses, and junk.
START_DATE_TEXTS = ("2027-03-15", "15 Mar 2027", "Mar 15 2027", "15 March 2027", "15/03/2027", "3/15/2027",
                    "15.03.2027", "03/04/2027", "31/02/2027", "2027-02-30", "Tue 15 Mar 2027", "tomorrow", "",
                    "15 Mar", "99999-01-01", "1752-09-14", "9999-12-31", "2026-12-01")


def drive_date_line(r, w, typical, tame=False):
    """Type a whole date and commit it with Enter, or with focus leaving the field."""
    _focus(w)
    text = r.choice(START_DATE_TEXTS[:5] if tame else START_DATE_TEXTS)
    w.selectAll()
    _type(w, text)
    if r.random() < 0.5:
        QTest.keyClick(w, Qt.Key_Return)
    else:
        w.editingFinished.emit()  # what leaving the field does
    return f"typed {text!r} -> {w.text()!r}"


def drive_click(r, w, typical, tame=False):
    w.click()
    return f"click {w.text()!r}"


DRIVERS = (
    (DateLine, drive_date_line),
    (QPushButton, drive_click),  # the start date's Today button
    (QToolButton, drive_click),  # the start date's calendar button: opens the popup, never blocks
    (QDateEdit, drive_date),
    (QTimeEdit, drive_time),
    (QSpinBox, drive_spin),
    (QDoubleSpinBox, drive_spin),
    (NumberField, drive_spin),
    (QComboBox, drive_combo),
    (QCheckBox, drive_check),
    (QRadioButton, drive_click),  # the oral syringe, 5 or 10 mL
    (QLineEdit, drive_line),
)


def driver_for(w):
    return next((d for kind, d in DRIVERS if type(w) is kind), None)


# --- which widgets -----------------------------------------------------------------------------


def _inside_another_input(w, form):
    """A spin box's own line edit, a combo box's popup list: parts of an input, not inputs."""
    p = w.parentWidget()
    while p is not None and p is not form:
        if isinstance(p, INPUT_TYPES):
            return True
        p = p.parentWidget()
    return False


def form_inputs(form):
    """Every input widget in the form, as Qt sees it."""
    # Strength boxes of the previous drug are deleteLater()'d: let them go first.
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return [w for w in form.findChildren(QWidget)
            if isinstance(w, INPUT_TYPES) and not _inside_another_input(w, form)]


def driven_widgets(form):
    """name -> (widget, typical value maker): each plan field's widget, plus the inputs that
    share a field's row (the four dose times, the creatinine unit, every strength box).
    Re-read each step: a change of drug rebuilds the strength boxes."""
    typical = {id(getattr(form, attr)): make for attr, make in TYPICAL.items()}
    for slot, t in form.slot_times.items():
        lo, hi = SLOT_HOURS[slot]
        typical[id(t)] = lambda r, lo=lo, hi=hi: QTime(r.randint(lo, hi), r.choice((0, 15, 30, 45)))
    # A line edit's maker also takes tame: when fixing a field, only a real date of birth.
    typical[id(form.patient_dob)] = lambda r, tame: r.choice(DOB_TEXTS[:3] if tame else DOB_TEXTS)
    candidates = [(f"field {k}", w) for k, w in form.fields.items()]
    candidates += [(f"{slot} time", t) for slot, t in form.slot_times.items()]
    candidates += [("serum creatinine unit", form.scr_unit)]
    candidates += [("start date today", form.start_date.today_button),
                   ("start date calendar", form.start_date.calendar_button)]
    candidates += [(f"strength {mg} mg", b) for mg, b in form.strength_boxes.items()]
    # The rows of plan format 2 (planner/app/form_kind.py): today's doses, the review date's
    # calendar, the oral syringes, the label's start.
    for slot, w in form.current.items():
        typical[id(w)] = lambda r: r.choice((0, 0, 100, 300, 600))
        candidates.append((f"today's dose {slot}", w))
    candidates += [("review date calendar", form.review_date.calendar_button),
                   ("use the label's start", form.template_button)]
    candidates += [(f"syringe {ml} mL", b) for ml, b in form.syringe_buttons.items()]
    out, seen = {}, set()
    for name, w in candidates:
        if isinstance(w, INPUT_TYPES) and id(w) not in seen:  # the dose-times row is a plain holder
            seen.add(id(w))
            out[name] = (w, typical.get(id(w)))
    return out


def _describe(w):
    return f"{type(w).__name__} {w.accessibleName() or w.objectName() or '(unnamed)'}"


def check_monkey_covers_the_form(form, where=""):
    driven = driven_widgets(form)
    ids = {id(w) for w, _ in driven.values()}
    unknown = [_describe(w) for w in form_inputs(form) if id(w) not in ids]
    assert not unknown, (f"{where}the form has inputs the monkey does not drive: {unknown}; add them to "
                         "driven_widgets() in tests/app/test_monkey.py")
    undrivable = [f"{name}: {_describe(w)}" for name, (w, _) in driven.items() if driver_for(w) is None]
    assert not undrivable, f"{where}no driver for {undrivable}; add one to DRIVERS in tests/app/test_monkey.py"
    return driven


# --- what the screen must show -----------------------------------------------------------------


def expected_total_line(s):
    end = s.days[-1].date + timedelta(days=1)  # the last day is drawn as a whole day
    totals = [d.total_mg for d in s.days]
    return [d.date for d in s.days] + [end], totals + [totals[-1]]


def expected_slot_areas(s):
    steps = s.steps
    edges = [st.start for st in steps] + [steps[-1].end + timedelta(days=1)]
    lower = [0] * len(steps)
    out = {}
    for slot in SLOTS:  # stacked morning (bottom) to bedtime (top)
        mg = [next((d.mg for d in st.doses if d.slot == slot), 0) for st in steps]
        upper = [lo + m for lo, m in zip(lower, mg)]
        out[slot] = (edges, lower, upper)
        lower = upper
    return out


def table_rows(model):
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def expected_rows(s):
    """The numbers each row must show, worked out here; dates and unit texts as the table writes them."""
    rows = []
    for st in s.steps:
        by_slot = {d.slot: d.mg for d in st.doses}
        slots = tuple(f"{by_slot[x]} mg" if x in by_slot else "" for x in SLOTS)
        row = _row(st)
        phase = f"{st.phase} (hold)" if st.hold else f"{st.phase} (edited)" if st.edited else st.phase
        rows.append((row[0], str(st.days), phase, f"{st.total_mg} mg") + slots + (row[-1],))
    return rows


def _squash(text):
    return "".join((text or "").split())


def check_window(win, where):
    """Checks the window against the engine; returns 'valid', 'no days' (valid, but a plan
    that never reaches its target) or 'invalid'."""
    assert win.isVisible() and win.centralWidget() is win.splitter, f"{where}the window is gone"
    assert win.canvas is not None and shiboken6.isValid(win.canvas), f"{where}the chart is gone"
    chart = win.canvas.chart
    state = win.form.state()
    errors = None
    try:
        plan = plan_from_dict(state)
        expected = compute_schedule(plan)
    except PlanError as exc:  # asserted below, so a failure does not drag this traceback along
        errors = [(e.field, e.message) for e in exc.errors]
    except Exception as exc:  # noqa: BLE001 - a fault of the engine's: the window names it, never crashes
        errors = [("kind", QCoreApplication.translate("Window", "the planner could not compute this plan ({error}); nothing is shown as valid. Please report this").format(error=f"{type(exc).__name__}: {exc}"))]
    if errors is not None:
        assert win.schedule is None and win.plan is None, f"{where}a schedule is kept for invalid inputs {errors}"
        assert win.input_errors == errors, f"{where}window errors {win.input_errors} != engine's {errors}"
        assert chart.is_invalid, f"{where}chart not greyed for invalid inputs {errors}"
        first = f"{win.form.field_name(errors[0][0])}: {errors[0][1]}"
        assert _squash(first) in _squash(chart.invalid_reason), (
            f"{where}chart says {chart.invalid_reason!r}, engine says {first!r}")
        assert not win.table.isEnabled(), f"{where}table enabled for invalid inputs {errors}"
        assert win.stale.isVisible() and win.stale.text(), f"{where}no stale banner for invalid inputs {errors}"
        return "invalid"

    assert win.schedule is not None, f"{where}valid inputs but the window has no schedule ({win.input_errors})"
    assert win.plan == plan, f"{where}window plan != form's plan"
    assert win.schedule.days == expected.days, f"{where}window schedule's days != engine's"
    assert win.schedule.problems == expected.problems, f"{where}window problems != engine's"
    assert not chart.is_invalid, f"{where}chart greyed for valid inputs: {chart.invalid_reason!r}"
    assert win.table.isEnabled() and not win.stale.isVisible(), f"{where}table disabled or stale for valid inputs"
    model = win.table_model
    assert model.steps == expected.steps, f"{where}table steps != engine's"
    assert model.columnCount() == len(COLUMNS)
    assert table_rows(model) == expected_rows(expected), f"{where}table cells != engine's steps"
    if expected.days:
        assert chart.message is None, f"{where}chart shows {chart.message!r} over a schedule"
        assert chart.total_line_data == expected_total_line(expected), f"{where}chart total line != engine's"
        assert chart.slot_area_data == expected_slot_areas(expected), f"{where}chart slot areas != engine's"
    else:  # a plan that never reaches its target: no days, and the chart says so
        assert chart.message == say("chart.empty"), f"{where}empty schedule but chart message {chart.message!r}"
        assert chart.total_line_data == ([], []), f"{where}empty schedule but a total line is drawn"
        assert all(a == ([], [], []) for a in chart.slot_area_data.values()), f"{where}empty schedule has areas"
    return "valid" if expected.days else "no days"


# --- the tests ---------------------------------------------------------------------------------


def test_the_monkey_drives_every_input_of_the_form(win):
    for i in range(win.form.drug.count()):  # each drug has its own strength boxes
        win.form.drug.setCurrentIndex(i)
        driven = check_monkey_covers_the_form(win.form, f"drug {win.form.drug.currentData()}: ")
        assert len(driven) >= 30


def test_an_input_the_monkey_does_not_drive_fails_the_coverage_check(win):
    extra = QSpinBox(win.form.strengths_box)  # as if a field were added without teaching the monkey
    try:
        with pytest.raises(AssertionError, match="does not drive"):
            check_monkey_covers_the_form(win.form)
    finally:
        extra.setParent(None)
    check_monkey_covers_the_form(win.form)


def _widget_to_fix(r, win, driven):
    """The name of a driven widget that shows one of the window's input errors."""
    field, _ = r.choice(win.input_errors)
    w = win.form.widget_for(field)
    if w is win.form.fields.get("slot_times"):  # the row of dose times: one of them
        w = win.form.slot_times[r.choice(SLOTS)]
    return next((name for name, (x, _) in driven.items() if x is w), None)


def _one_step(r, win):
    """One user action; returns its description."""
    roll = r.random()
    if roll < 0.04:
        win.undo_action.trigger()
        return f"Edit > Undo ({win.undo_stack.index()}/{win.undo_stack.count()})"
    if roll < 0.07:
        win.redo_action.trigger()
        return f"Edit > Redo ({win.undo_stack.index()}/{win.undo_stack.count()})"
    driven = driven_widgets(win.form)
    # Like a user reading the red messages, often put right a field that shows an error;
    # without this nearly every step after the first few is invalid.
    name = _widget_to_fix(r, win, driven) if win.input_errors and roll < 0.4 else None
    tame = name is not None
    name = name or r.choice(sorted(driven))
    w, typical = driven[name]
    return f"{name}: {driver_for(w)(r, w, typical, tame)}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: f"seed={s}")
def test_monkey_keeps_chart_and_table_true_to_the_inputs(win, qtbot, seed):
    r = random.Random(seed)
    counts = {"valid": 0, "no days": 0, "invalid": 0}
    log = []
    where = f"seed={seed} before any step: "
    assert check_window(win, where) == "valid"
    for step in range(1, STEPS + 1):
        with qtbot.capture_exceptions() as caught:
            try:
                log.append(f"step {step}: {_one_step(r, win)}")
            except Exception:  # raised straight out of a widget call: report it with the seed too
                log.append(f"step {step}: raised")
                caught.append(sys.exc_info())
            QApplication.processEvents()  # paint the chart: a draw that raises is caught too
        recent = "\n  ".join(log[-8:])
        rerun = f"MONKEY_SEEDS={seed} MONKEY_STEPS={step} pytest tests/app/test_monkey.py"
        where = (f"seed={seed} step={step} (rerun: {rerun})\n"
                 f"last actions:\n  {recent}\nform: {json.dumps(win.form.state(), ensure_ascii=True)[:1500]}\n")
        assert not caught, where + "exception while driving the form or in a Qt slot or event:\n" + "".join(
            "".join(traceback.format_exception(*e)) for e in caught)
        check_monkey_covers_the_form(win.form, where)
        counts[check_window(win, where)] += 1
    print(f"seed={seed}: of {STEPS} steps {counts['valid']} valid, {counts['no days']} valid without days, "
          f"{counts['invalid']} invalid")
    # Both branches really ran: the monkey is not stuck on one side.
    assert counts["valid"] >= STEPS // 10 and counts["invalid"] >= STEPS // 10, f"seed={seed}: {counts}"
