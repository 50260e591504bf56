"""The start date (issue 11, item 4): New starts today, whole dates can be typed, a Today
button, and a start date in the past is a warning the clinician sees."""

import re
from datetime import date

import pytest
from conftest import make_plan
from helpers import run_cli, write_plan
from PySide6.QtCore import QDate, QLocale, Qt

from planner.domain.schedule import compute_schedule
from planner.app.date_field import DateField, DateTextError, parse_date
from planner.text.problems import problem_text

MAR15 = date(2027, 3, 15)  # a Monday


@pytest.fixture
def locale():
    """Set the default QLocale for one test and put it back."""
    before = QLocale()

    def use(name):
        QLocale.setDefault(QLocale(name))
        return QLocale()

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize("name, text", [
    ("C", "2027-03-15"),
    ("de_DE", "2027-03-15"),
    ("de_DE", "15.03.2027"),
    ("de_DE", "15.03.27"),
    ("de_DE", "15. März 2027"),
    ("de_DE", "Montag, 15. März 2027"),
    ("en_US", "3/15/2027"),
    ("en_US", "March 15, 2027"),
    ("en_GB", "15/03/2027"),
    ("fr_FR", "15/03/2027"),
    ("fr_FR", "15 mars 2027"),
    ("fr_FR", "lun. 15 mars 2027"),
    ("C", "15 Mar 2027"),
    ("C", "15 March 2027"),
    ("C", "Mar 15 2027"),
    ("de_DE", "15 Mar 2027"),  # English month names work under every locale
    ("C", "Mon 15 Mar 2027"),  # what the field itself shows
    ("C", "15/03/2027"),  # one reading only: 15 is no month
    ("C", "2027/03/15"),
])
def test_a_whole_date_typed_naturally_is_read(locale, name, text):
    assert parse_date(text, locale(name)) == MAR15


@pytest.mark.parametrize("name, expected", [("en_US", date(2027, 3, 4)), ("en_GB", date(2027, 4, 3)),
                                            ("de_DE", date(2027, 4, 3))])
def test_a_numeric_date_follows_the_locale_order(locale, name, expected):
    sep = "." if name == "de_DE" else "/"
    assert parse_date(f"03{sep}04{sep}2027", locale(name)) == expected


@pytest.mark.parametrize("text, why", [
    ("03/04/2027", "could be Sat 3 Apr 2027 or Thu 4 Mar 2027"),  # C: the order is not known
    ("31/02/2027", "not a date that exists"),
    ("15 Foo 2027", "not a month or day name"),
    ("Tue 15 Mar 2027", "is not a Tuesday"),
    ("15 Mar", "day and a 4-digit year"),
    ("15/03", "not a whole date"),
    ("", "empty"),
    ("15/03/2027 12:00", "not a date"),
])
def test_an_ambiguous_or_wrong_date_is_refused_not_guessed(locale, text, why):
    with pytest.raises(DateTextError, match=re.escape(why)):
        parse_date(text, locale("C"))


def test_typing_a_date_and_enter_sets_it(qtbot, locale):
    locale("en_GB")
    f = DateField("Start date", today=lambda: date(2026, 12, 1))
    qtbot.addWidget(f)
    f.show()
    with qtbot.waitSignal(f.dateChanged):
        f.edit.setFocus()
        f.edit.selectAll()
        qtbot.keyClicks(f.edit, "15/03/2027")
        qtbot.keyClick(f.edit, Qt.Key_Return)
    assert f.date() == QDate(2027, 3, 15)
    assert f.edit.text() == "Mon 15 Mar 2027"  # day and month by name, 4-digit year
    qtbot.keyClick(f.edit, Qt.Key_Up)
    assert f.date() == QDate(2027, 3, 16)


def test_an_ambiguous_date_is_refused_with_a_message_naming_the_field(qtbot, locale):
    locale("C")
    f = DateField("Start date", today=lambda: date(2026, 12, 1))
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    f.edit.setFocus()
    f.edit.setText("03/04/2027")
    f.edit.editingFinished.emit()
    assert f.date() == QDate(2026, 12, 1)
    assert f.message.isVisible()
    msg = f.message.text()
    assert msg.startswith("Start date:") and "could be Sat 3 Apr 2027 or Thu 4 Mar 2027" in msg
    assert "still Tue 1 Dec 2026" in msg
    f.grab().save("/tmp/start-date-refused.png")


def test_today_button_sets_today_and_has_its_own_mnemonic(win, monkeypatch):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    field = win.form.start_date
    field.today = lambda: date(2027, 3, 15)
    field.today_button.click()
    assert win.plan.start_date == MAR15
    # Keyboard reachable: Alt+O, a letter no other label, button or menu of the window uses.
    texts = [w.text() for w in win.findChildren(QLabel) + win.findChildren(QAbstractButton)]
    texts += [a.text() for a in win.menuBar().actions()]
    letters = [m.group(1).lower() for t in texts for m in re.finditer(r"&([^&\s])", t or "")]
    assert field.today_button.text() == "T&oday" and letters.count("o") == 1
    assert field.today_button.focusPolicy() & Qt.TabFocus
    field.parentWidget().grab().save("/tmp/start-date-row.png")


def test_new_starts_today(win, monkeypatch):
    from planner.app.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", staticmethod(lambda: date(2027, 3, 15)))
    win.new_plan(ask=False)
    assert win.plan.start_date == MAR15
    assert win.form.start_date.edit.text().endswith("15 Mar 2027")


def test_a_start_in_the_past_is_a_warning():
    s = compute_schedule(make_plan(start_date=date(2026, 11, 2)), today=date(2026, 12, 1))
    [p] = [p for p in s.problems if p.code == "start-in-past"]
    assert (p.severity, p.field) == ("warning", "start_date")
    assert problem_text(p) == ("The plan starts on Mon 2 Nov 2026, which is in the past (today is Tue 1 Dec 2026). "
                         "The patient's calendar and tick boxes will begin on that date.")
    assert s.exportable  # a warning, not a block
    for today in (date(2026, 11, 2), date(2026, 10, 1)):
        assert "start-in-past" not in {x.code for x in compute_schedule(s.plan, today=today).problems}


def test_cli_check_warns_of_a_past_start_and_still_exits_0(tmp_path):
    plan = write_plan(tmp_path, {"format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01",
                                 "start_dose_mg": 300, "increment_mg": 300, "step_days": 1,
                                 "target_dose_mg": 900, "doses_per_day": 3})
    r = run_cli("check", plan, "--today", "2027-01-01")
    assert r.returncode == 0, r.stderr
    assert "warning\tstart-in-past\tstart_date\tThe plan starts on Tue 1 Dec 2026" in r.stdout
    r = run_cli("check", plan, "--today", "2026-12-01")
    assert r.returncode == 0 and "start-in-past" not in r.stdout
    r = run_cli("check", plan, "--today", "1/12/2026")
    assert r.returncode == 2 and "--today" in r.stderr and "Traceback" not in r.stderr


def test_the_window_shows_a_past_start_in_the_problems_list(win, monkeypatch):
    from planner.app.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", staticmethod(lambda: date(2026, 12, 1)))
    win.form.start_date.setDate(QDate(2026, 11, 2))
    texts = [win.problems.item(i).text() for i in range(win.problems.count())]
    assert any(t.startswith("Warning: The plan starts on Mon 2 Nov 2026, which is in the past") for t in texts)
    win.problems.grab().save("/tmp/start-in-past-warning.png")


def test_the_calendar_popup_picks_a_date_by_keyboard(qtbot, locale):
    locale("en_GB")
    f = DateField("Start date", today=lambda: date(2026, 12, 1))
    qtbot.addWidget(f)
    f.show()
    f.edit.setFocus()
    qtbot.keyClick(f.edit, Qt.Key_Down, Qt.AltModifier)  # as in QDateEdit
    cal = f.calendar
    assert cal is not None and cal.isVisible() and cal.selectedDate() == QDate(2026, 12, 1)
    view = cal.focusProxy() or cal
    qtbot.keyClick(view, Qt.Key_Right)
    qtbot.keyClick(view, Qt.Key_Return)
    assert f.date() == QDate(2026, 12, 2) and f.edit.text() == "Wed 2 Dec 2026"
    qtbot.waitUntil(lambda: f.calendar is None)  # closed, and not left behind


@pytest.mark.parametrize("text", ["2027-03-15", "15 Mar 2027", "15 March 2027", "Mar 15 2027"])
def test_the_forms_start_date_takes_a_typed_whole_date(win, qtbot, text):
    field = win.form.fields["start_date"]  # what the "Start date" label's mnemonic focuses
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)
    assert win.plan.start_date == MAR15
