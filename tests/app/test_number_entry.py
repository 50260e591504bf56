"""Number entry that cannot be misread, values kept exactly, and a wheel that scrolls the form.

These tests run in whatever locale the test run has, and tests/app/test_locales.py runs this
file again under de_DE.UTF-8, fr_FR.UTF-8, en_US.UTF-8 and C (Qt reads the locale from the
environment at start). Expectations are worked out from the locale's decimal mark L and the
other mark O: a value is shown with L; `9<L>5` and `9<O>5` are both 9.5; `1<O>500` is refused.
"""

import json
import math
import os
import re
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QFileDialog, QMessageBox

from planner.domain.plan import KidneyInput, PlanError
from planner.files.planfile import plan_from_dict
from planner.app.number_field import NumberField, format_number, read_number

from conftest import make_plan
from test_window import type_into

LOCALES = ("de_DE", "fr_FR", "en_US", "C")
# Qt's marks for each locale: (decimal mark, group separator).
MARKS = {"de_DE": (",", "."), "fr_FR": (",", "\u202f"), "en_US": (".", ","), "C": (".", ",")}


@pytest.fixture(scope="module")
def _window(qapp, tmp_path_factory):
    """One window for the file (each takes a second or more to make): reset for every test."""
    from PySide6.QtCore import QSettings
    from planner.app.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path_factory.mktemp("settings") / "s.ini"), QSettings.IniFormat))
    w.show()
    yield w
    w.setWindowModified(False)
    w.close()


@pytest.fixture
def win(_window, qtbot):
    _window.setWindowModified(False)
    _window.resize(1400, 900)
    _window.new_plan(ask=False)
    qtbot.waitExposed(_window)
    return _window


def marks():
    """The system locale's decimal mark and the other one."""
    mark = QLocale().decimalPoint()
    return mark, "," if mark == "." else "."


def loc(text):
    """A plain '.'-decimal text as this locale shows it."""
    return text.replace(".", QLocale().decimalPoint())


# --- the locale is the one asked for -----------------------------------------------------------


def _locale_from_env():
    for var in ("LC_ALL", "LC_NUMERIC", "LANG"):
        if os.environ.get(var):
            return os.environ[var]
    return "C"


def test_qt_reads_the_locale_the_environment_names(qapp):
    """A missing or ignored locale would make the rest of this file test C four times over."""
    report = os.environ.get("NUMBER_ENTRY_REPORT")
    if report:  # for tests/app/test_locales.py, which runs this file under each locale
        with open(report, "w", encoding="utf-8") as fh:
            json.dump({"name": QLocale().name(), "marks": [QLocale().decimalPoint(), QLocale().groupSeparator()]}, fh)
    name = _locale_from_env().split(".")[0]
    expected = MARKS.get(name, MARKS["C"] if name in ("C", "POSIX") else None)
    assert expected is not None or name[:2] not in ("de", "fr", "en"), name
    if expected is not None:
        assert (QLocale().decimalPoint(), QLocale().groupSeparator()) == expected, (
            f"LC_ALL/LANG say {_locale_from_env()} but Qt's locale is {QLocale().name()}")


# --- the reading rules, for each locale (no window) --------------------------------------------

# text -> value as '.'-decimal, or None when refused; per locale, where they differ.
SAME = {
    "9": "9", "-3": "-3", "+4": "4", "0": "0", "300 mg/day": "300", " 12 ": "12", "00300": "300",
    "9.5": "9.5", "9,5": "9.5", "12,25": "12.25", "12.25": "12.25", "59.96": "59.96", "59,96": "59.96",
    "1.5000": "1.5", "1,5000": "1.5", "0,05": "0.05",
    "1.234,5": None, "1,234.5": None, "1.2.3": None, "1,2,3": None, "1 500": None, "1\u202f500": None,
    "1\u00a0500": None, "1'500": None, "1e9": None, "1E-3": None, "abc": None, "": None, "-": None,
    ",5": None, ".5": None, "5,": None, "5.": None, "1.23456789012345678": None, "٣": None, "nan": None,
    "inf": None, "0x10": None,
}
BY_LOCALE = {
    # The locale's own mark is the decimal mark, even before three digits.
    "de_DE": {"1,500": "1.5", "1.500": None, "0.125": None, "0,125": "0.125"},
    "fr_FR": {"1,500": "1.5", "1.500": None, "0.125": None, "0,125": "0.125"},
    "en_US": {"1,500": None, "1.500": "1.5", "0.125": "0.125", "0,125": None},
    "C": {"1,500": None, "1.500": "1.5", "0.125": "0.125", "0,125": None},
}


@pytest.mark.parametrize("name", LOCALES)
def test_reading_rules(qapp, name):
    locale = QLocale(name)
    assert locale.decimalPoint() == MARKS[name][0]
    table = dict(SAME, **BY_LOCALE[name])
    wrong = {}
    for text, want in table.items():
        got = read_number(text, locale, (" mg/day",))
        value = None if got.value is None else str(got.value.normalize())
        if (value is None) != (want is None) or (want is not None and Decimal(want) != got.value):
            wrong[text] = (value, got.problem)
        if got.value is None:
            assert got.problem, text  # a refusal always says why
    assert not wrong, f"{name}: {wrong}"


@pytest.mark.parametrize("name", LOCALES)
def test_an_ambiguous_text_names_both_readings(qapp, name):
    locale = QLocale(name)
    mark = MARKS[name][0]
    other = "," if mark == "." else "."
    problem = read_number(f"1{other}500", locale).problem
    assert f"could be read as 1500 or as 1{mark}5" in problem


@pytest.mark.parametrize("name", LOCALES)
def test_every_shown_value_reads_back_as_itself(qapp, name):
    """What a field shows is read back, in the same locale, as exactly the same value."""
    locale = QLocale(name)
    for text in ("0", "1", "12.5", "59.96", "78.5", "62.35", "1.234", "88.4", "12.25", "0.001", "1500",
                 "100000000000", "-7.25", "1.5", "0.125", "123456789.125", "0.1"):
        d = Decimal(text)
        shown = format_number(d, locale)
        assert MARKS[name][1] not in shown.replace(MARKS[name][0], "")  # never grouped
        assert read_number(shown, locale).value == d, (text, shown)


# --- typing into the window ----------------------------------------------------------------------


def _cg(f):
    f.kidney_mode.setCurrentIndex(f.kidney_mode.findData("cg"))


def _crcl(f):
    f.kidney_mode.setCurrentIndex(f.kidney_mode.findData("crcl"))


def test_either_decimal_mark_types_the_same_value(win, qtbot):
    mark, other = marks()
    f = win.form
    _crcl(f)
    type_into(qtbot, f.crcl, f"9{mark}5")
    assert win.plan.kidney.crcl_ml_min == Decimal("9.5")
    type_into(qtbot, f.crcl, f"45{other}5")  # was 455 under de_DE: the dot read as a group separator
    assert win.plan.kidney.crcl_ml_min == Decimal("45.5")
    assert f.crcl.text() == f"45{mark}5 mL/min"  # shown back in the locale's mark
    f.kind.setCurrentIndex(f.kind.findData("start_and_stop"))  # the default, a start plan, has no taper
    f.taper_mode.setCurrentIndex(f.taper_mode.findData("percent"))
    f.taper_days.setValue(7)
    type_into(qtbot, f.taper_percent, f"12{other}5")  # was 125 under C
    assert win.plan.taper.step_percent == Decimal("12.5")
    assert f.state()["taper"]["step_percent"] == 12.5


def test_a_text_that_could_be_read_two_ways_is_refused_with_a_message(win, qtbot):
    mark, other = marks()
    f = win.form
    _crcl(f)
    type_into(qtbot, f.crcl, "45")
    assert win.plan is not None
    type_into(qtbot, f.crcl, f"1{other}500")
    assert win.plan is None and win.schedule is None  # not computed from a guess
    message = f.error_text("kidney.crcl_ml_min")
    assert f"could be read as 1500 or as 1{mark}5" in message
    assert f.crcl.text().startswith(f"1{other}500")  # kept as typed, not put back or rewritten
    assert win.canvas.chart.is_invalid and not win.table.isEnabled() and win.stale.isVisible()
    assert win.problems.item(0).text().startswith("Blocking: CrCl:")
    type_into(qtbot, f.crcl, f"1{mark}5")
    assert win.plan is not None and win.plan.kidney.crcl_ml_min == Decimal("1.5")
    assert f.error_text("kidney.crcl_ml_min") == ""


@pytest.mark.parametrize("text", ["1.234,5", "1,234.5", "1 500", "1\u202f500", "1'500", "1e3"])
def test_separators_and_exponents_are_refused(win, qtbot, text):
    f = win.form
    f.target.setFocus()
    f.target.selectAll()
    for ch in text:  # as a keyboard or an input method sends it (keyClicks takes ASCII only)
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(f.target, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
    qtbot.keyClick(f.target, Qt.Key_Tab)
    assert win.plan is None
    assert f.error_text("target_dose_mg"), text
    assert f.state()["target_dose_mg"] == text  # handed on as typed: the core refuses it


def test_whole_number_fields_refuse_fractions_rather_than_round(win, qtbot):
    mark, _ = marks()
    f = win.form
    for field, w in (("start_dose_mg", f.start_dose), ("step_days", f.step_days),
                     ("doses_per_day", f.doses_per_day)):
        before = f.state()[field]
        type_into(qtbot, w, f"2{mark}5")
        assert f.state()[field] == 2.5 and win.plan is None
        assert "whole number" in f.error_text(field), field
        assert w.text().startswith(f"2{mark}5")
        type_into(qtbot, w, str(before))
        assert win.plan is not None


def test_arrows_step_exactly_by_the_fields_step(win, qtbot):
    f = win.form
    _crcl(f)
    f.crcl.setValue(59.96)
    f.crcl.setFocus()
    qtbot.keyClick(f.crcl, Qt.Key_Up)
    assert f.crcl.value() == Decimal("60.96") and f.state()["kidney"]["crcl_ml_min"] == 60.96
    start = f.start_dose.value()
    f.start_dose.setFocus()
    qtbot.keyClick(f.start_dose, Qt.Key_Down)
    assert f.start_dose.value() == start - 100
    f.step_days.setValue(1)
    assert f.step_days.text() == "1 day"
    f.step_days.setFocus()
    qtbot.keyClick(f.step_days, Qt.Key_Up)
    assert f.step_days.value() == 2 and f.step_days.text() == "2 days"
    assert f.start_dose.isAccelerated()


def test_a_run_of_typing_is_one_undo_step_and_undo_brings_back_a_refused_text(win, qtbot):
    mark, other = marks()
    f = win.form
    type_into(qtbot, f.target, "1500")
    assert win.undo_stack.count() == 1  # four keystrokes, one undo step
    type_into(qtbot, f.maintenance, "14")
    type_into(qtbot, f.target, f"1{other}200")
    assert win.plan is None
    type_into(qtbot, f.maintenance, "21")
    assert win.undo_stack.count() == 4
    win.undo_action.trigger()
    assert f.target.text().startswith(f"1{other}200") and win.plan is None
    assert "could be read as" in f.error_text("target_dose_mg")
    win.undo_action.trigger()
    assert f.target.value() == 1500 and win.plan.target_dose_mg == 1500
    win.redo_action.trigger()
    assert f.target.value() is None and win.plan is None


def test_number_fields_keep_their_labels_and_names(win):
    f = win.form
    for field, name in (("kidney.crcl_ml_min", "CrCl"), ("start_dose_mg", "Start dose"),
                        ("taper.step_percent", "Reduce by"), ("kidney.weight_kg", "Weight (actual)")):
        w = f.fields[field]
        assert isinstance(w, NumberField) and w.accessibleName() == name
    assert f.crcl_label.buddy() is f.crcl and f.scr_label.buddy() is f.scr


# --- values kept exactly ----------------------------------------------------------------------------

ROUND_TRIPS = {
    "crcl": {"crcl_ml_min": 59.96},
    "cg mg/dL": {"age_years": 78.5, "sex": "female", "weight_kg": 62.35, "serum_creatinine_mg_dl": 1.234},
    "cg umol/L": {"age_years": 78.5, "sex": "male", "weight_kg": 62.35, "serum_creatinine_umol_l": 88.4},
}


def _plan_file(tmp_path, kidney, taper=None):
    d = {"format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 300,
         "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3, "kidney": kidney}
    if taper is not None:
        d["taper"] = taper
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path, d


@pytest.mark.parametrize("kidney", ROUND_TRIPS.values(), ids=ROUND_TRIPS.keys())
def test_open_then_save_writes_back_exactly_what_was_opened(win, tmp_path, monkeypatch, kidney):
    path, d = _plan_file(tmp_path, kidney, {"step_percent": 12.25, "step_days": 7})
    assert win.open_plan(path)
    f = win.form
    for key, value in kidney.items():
        if key != "sex":
            w = f.widget_for(f"kidney.{key}")
            assert w.value() == Decimal(repr(value))
            assert w.text().startswith(loc(repr(value))), (key, w.text())
    assert f.taper_percent.text() == loc("12.25 %")
    assert win.plan.taper.step_percent == Decimal("12.25")
    assert f.state()["kidney"] == dict(kidney, haemodialysis=False)
    assert win.save() and not win.isWindowModified()  # Save, no edit
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert {k: v for k, v in saved["kidney"].items() if k != "haemodialysis"} == kidney
    assert saved["taper"] == d["taper"]
    assert all(saved[k] == d[k] for k in d if k not in ("kidney", "taper", "format_version"))  # saved as version 2


def test_crcl_59_96_stays_in_its_band(win, tmp_path):
    path, _ = _plan_file(tmp_path, {"crcl_ml_min": 59.96})
    assert win.open_plan(path)
    assert win.schedule.kidney.band.id == "30-59"  # 60 would be the next band up


def test_the_same_value_shows_the_same_in_form_table_printout_and_file(win, tmp_path, monkeypatch):
    """The form shows each value with the locale's decimal mark; the printout (an English document)
    and the file (JSON) with '.'; the digits are the same everywhere and nothing is re-read."""
    pypdf = pytest.importorskip("pypdf")
    from planner.export.printout import PrintOptions, export_pdf

    path, _ = _plan_file(tmp_path, ROUND_TRIPS["cg mg/dL"], {"step_percent": 12.25, "step_days": 7})
    assert win.open_plan(path)
    f = win.form
    assert (f.age.text(), f.weight.text(), f.scr.text(), f.taper_percent.text()) == (
        loc("78.5 years"), loc("62.35 kg"), loc("1.234"), loc("12.25 %"))
    pdf = tmp_path / "plan.pdf"
    export_pdf(win.schedule, pdf, PrintOptions(part="all"))  # the clinician's page too
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages))
    assert "age 78.5, female, 62.35 kg, serum creatinine 1.234 mg/dL" in text
    assert "reduce by 12.25% of the current dose" in text
    out = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win.save_as_action.trigger()
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert (saved["kidney"]["age_years"], saved["kidney"]["weight_kg"], saved["kidney"]["serum_creatinine_mg_dl"],
            saved["taper"]["step_percent"]) == (78.5, 62.35, 1.234, 12.25)
    # The table: doses as the printout prints them, and English dates as on the printout.
    m = win.table_model
    for row, step in enumerate(m.steps):
        assert m.index(row, 3).data() == f"{step.total_mg} mg"
        assert f"{step.total_mg} mg" in text
        shown = m.index(row, 0).data()
        assert step.start.strftime("%Y") in shown
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        assert months[step.start.month - 1] in shown, shown  # not "Dez" or "déc." under de_DE/fr_FR


@pytest.mark.parametrize("value, shown", [(100000000000, "100000000000 mg/day"), (1e11, "100000000000 mg/day")])
def test_an_absurd_number_is_held_and_refused_by_the_core_not_clamped(win, value, shown):
    state = win.form.state()
    state["start_dose_mg"] = value
    win.document.edit("start_dose_mg", state)  # the form shows it: a QSpinBox raised OverflowError here
    assert win.form.start_dose.text() == shown
    assert win.form.state()["start_dose_mg"] == 100000000000
    assert "must be from 1 to 20000" in win.form.error_text("start_dose_mg")


def test_a_huge_crcl_is_shown_as_it_is(win):
    state = win.form.state()
    state["kidney"] = {"crcl_ml_min": 1e11, "haemodialysis": False}
    win.form.set_state(state)  # was clamped to 10000
    assert win.form.crcl.text() == "100000000000 mL/min"
    assert win.form.state()["kidney"]["crcl_ml_min"] == 100000000000


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), [1], {"a": 1}, True, None,
                                 Decimal("59.1234567890123456789")])
def test_a_value_the_form_cannot_hold_is_refused_before_anything_changes(win, bad):
    f = win.form
    before = f.state()
    state = dict(before, target_dose_mg=1500, kidney={"crcl_ml_min": bad, "haemodialysis": True})
    with pytest.raises(PlanError) as caught:
        f.set_state(state)
    assert [e.field for e in caught.value.errors] == ["kidney.crcl_ml_min"]
    assert f.state() == before  # all or nothing: not even the target changed


def test_open_refuses_a_plan_the_form_cannot_show_and_keeps_the_one_on_screen(win, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    before = win.form.state()
    plan = make_plan(kidney=KidneyInput(crcl_ml_min=Decimal("NaN")))
    assert win.load_plan(plan, None) is False
    assert said and "CrCl" in said[0] and "unchanged" in said[0]
    assert win.form.state() == before and win.plan == plan_from_dict(before)


@pytest.mark.parametrize("junk", [float("nan"), float("-inf"), "abc", None, [], 10 ** 400, 10 ** 5000,
                                  Decimal("1E+999999"), Decimal("1E-999999")], ids=lambda v: type(v).__name__)
def test_set_value_never_raises(qapp, junk):
    w = NumberField(" mL/min")
    w.setValue(junk)
    if isinstance(junk, int) and junk == 10 ** 400:
        assert w.value() == 10 ** 400
    else:
        assert w.value() is None and w.problem()


def test_state_numbers_are_ints_when_whole_and_floats_whose_repr_is_the_decimal(win, qtbot):
    mark, _ = marks()
    f = win.form
    _cg(f)
    type_into(qtbot, f.age, f"78{mark}50")
    type_into(qtbot, f.weight, "62")
    type_into(qtbot, f.scr, f"1{mark}234")
    k = f.state()["kidney"]
    assert k["age_years"] == 78.5 and repr(k["age_years"]) == "78.5"
    assert k["weight_kg"] == 62 and isinstance(k["weight_kg"], int)
    assert repr(k["serum_creatinine_mg_dl"]) == "1.234"
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in k.values())


# --- the wheel ---------------------------------------------------------------------------------------


def _wheel(target, down=True):
    centre = QPointF(target.width() / 2, target.height() / 2)
    event = QWheelEvent(centre, QPointF(target.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(target, event)


def _scrollable(win, qtbot):
    win.resize(1100, 420)  # the form is taller than its scroll area
    qtbot.waitUntil(lambda: win.form_scroll.verticalScrollBar().maximum() > 0, timeout=2000)
    win.activateWindow()
    win.form.patient_name.setFocus()
    qtbot.waitUntil(lambda: win.form.patient_name.hasFocus(), timeout=2000)
    win.form_scroll.verticalScrollBar().setValue(0)


def _inputs(f):
    return {"start dose": f.start_dose, "start dose's text": f.start_dose.lineEdit(), "drug": f.drug,
            "dose filling": f.slot_fill, "morning time": f.slot_times["morning"], "start date": f.start_date,
            "doses per day": f.doses_per_day}


@pytest.mark.parametrize("name", ["start dose", "start dose's text", "drug", "dose filling", "morning time",
                                  "start date", "doses per day"])
def test_the_wheel_over_a_field_without_focus_scrolls_the_form(win, qtbot, name):
    _scrollable(win, qtbot)
    f = win.form
    target = _inputs(f)[name]
    before = f.state()
    undo = win.undo_stack.count()
    bar = win.form_scroll.verticalScrollBar()
    _wheel(target)
    assert f.state() == before and win.undo_stack.count() == undo, name
    assert bar.value() > 0, f"{name}: the form did not scroll"
    assert not target.hasFocus()


def test_the_wheel_still_steps_the_field_that_has_the_focus(win, qtbot):
    _scrollable(win, qtbot)
    f = win.form
    f.start_dose.setFocus()
    qtbot.waitUntil(lambda: f.start_dose.hasFocus(), timeout=2000)
    start = f.start_dose.value()
    _wheel(f.start_dose, down=False)
    assert f.start_dose.value() == start + 100


def test_no_form_input_takes_the_focus_from_the_wheel(win):
    wheeled = [w for w in win.form.findChildren(QAbstractSpinBox) + win.form.findChildren(QComboBox)]
    assert len(wheeled) >= 20
    loose = [w.accessibleName() or type(w).__name__ for w in wheeled if w.focusPolicy() != Qt.StrongFocus]
    assert not loose


# --- hostile input ------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TYPED = st.text(alphabet=st.sampled_from("0123456789.,-+ e\u00a0\u202f'x٣"), max_size=24) | st.text(max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=TYPED, name=st.sampled_from(LOCALES))
def test_any_text_is_read_or_refused_with_a_reason_and_never_raises(qapp, text, name):
    locale = QLocale(name)
    got = read_number(text, locale, (" mg/day",))
    if got.value is None:
        assert got.problem
    else:
        assert got.value.is_finite()
        assert read_number(format_number(got.value, locale), locale).value == got.value  # shown as read


NUMBERS = (st.integers(min_value=-10 ** 30, max_value=10 ** 30) | st.floats(allow_nan=True, allow_infinity=True)
           | st.decimals(allow_nan=True, allow_infinity=True) | st.booleans() | st.none() | st.text(max_size=8)
           | st.lists(st.integers(), max_size=2))


@pytest.fixture(scope="module")
def lone_form(qapp):
    from planner.app.form import PlanForm

    return PlanForm()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dose=NUMBERS, crcl=NUMBERS)
def test_set_state_shows_any_value_exactly_or_refuses_it_whole(lone_form, dose, crcl):
    f = lone_form
    f.set_state(plan_to_dict_default())
    before = f.state()
    state = dict(before, start_dose_mg=dose, kidney={"crcl_ml_min": crcl, "haemodialysis": False})
    try:
        f.set_state(state)
    except PlanError as exc:
        assert {e.field for e in exc.errors} <= {"start_dose_mg", "kidney.crcl_ml_min"}
        assert f.state() == before
        return
    after = f.state()
    for got, given_ in ((after["start_dose_mg"], dose), (after["kidney"]["crcl_ml_min"], crcl)):
        if isinstance(given_, str):
            assert isinstance(got, str)  # a text put back is shown, never read as a number
        else:
            assert isinstance(got, (int, float)) and not isinstance(got, bool)
            exact = Decimal(repr(got)) if isinstance(got, float) else Decimal(got)
            assert exact == (Decimal(repr(given_)) if isinstance(given_, float) else Decimal(given_))


def plan_to_dict_default():
    from planner.files.planfile import plan_to_dict

    return plan_to_dict(make_plan())
