"""A date field for a whole date typed the way people write it, a calendar, and a Today button.

QDateEdit edits a date section by section, so no typed whole date (15/03/2027, 2027-03-15,
15 Mar 2027) reaches it. Here the text is read when the user commits it (Enter or leaving the
field). A numeric date that could be read two ways, where the locale does not say which, is
refused with a message instead of being guessed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

DISPLAY_FORMAT = "ddd d MMM yyyy"  # day and month by name, 4-digit year: no reader can swap them

_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _example() -> str:
    return translate("DateField", "type it as 2027-03-15 or 15 Mar 2027")


class DateTextError(ValueError):
    """The text is not one date; the message says why, in plain words."""


def _key(word: str) -> str:
    return word.casefold().strip(".")


def _month_names(locale: QLocale) -> dict[str, int]:
    names: dict[str, int] = {"sept": 9}
    for i, en in enumerate(_EN_MONTHS, 1):
        for n in (en, en[:3], locale.monthName(i, QLocale.LongFormat), locale.monthName(i, QLocale.ShortFormat),
                  locale.standaloneMonthName(i, QLocale.LongFormat),
                  locale.standaloneMonthName(i, QLocale.ShortFormat)):
            if _key(n):
                names.setdefault(_key(n), i)
    return names


def _day_names(locale: QLocale) -> dict[str, int]:
    names: dict[str, int] = {}
    for i, en in enumerate(_EN_DAYS, 1):
        for n in (en, en[:3], locale.dayName(i, QLocale.LongFormat), locale.dayName(i, QLocale.ShortFormat)):
            if _key(n):
                names.setdefault(_key(n), i)
    return names


def _numeric_order(locale: QLocale) -> str | None:
    """'dMy', 'Mdy' or 'yMd' from the locale's short date format; None where it tells nothing (C)."""
    if locale.language() == QLocale.C:
        return None
    order = ""
    for c in locale.dateFormat(QLocale.ShortFormat):
        if c in "dMy" and c not in order:
            order += c
    return order if sorted(order) == sorted("dMy") else None


def shown(d: date, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(QDate(d.year, d.month, d.day), DISPLAY_FORMAT)


def _make(y: int, m: int, d: int, text: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise DateTextError(translate("DateField", "“{text}” is not a date that exists: {example}").format(text=text, example=_example())) from None


def _year(digits: str, text: str) -> int:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:  # "15.03.27", as the German short format writes it: this century
        return 2000 + int(digits)
    raise DateTextError(translate("DateField", "“{text}”: write the year with 4 digits ({example})").format(text=text, example=_example()))


def parse_date(text: str, locale: QLocale | None = None) -> date:
    """The one date the text can mean, or DateTextError saying why it is refused."""
    locale = locale or QLocale()
    t = text.strip()
    if not t:
        raise DateTextError(translate("DateField", "is empty: {example}").format(example=_example()))
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if iso:
        return _make(int(iso[1]), int(iso[2]), int(iso[3]), t)
    if re.search(r"[^\w\s.,/\-]", t) or "_" in t:
        raise DateTextError(translate("DateField", "“{text}” is not a date: {example}").format(text=t, example=_example()))
    tokens = re.findall(r"\d+|[^\W\d_]+", t)
    words = [w for w in tokens if not w.isdigit()]
    nums = [w for w in tokens if w.isdigit()]
    if words:
        return _named(t, words, nums, locale)
    if len(nums) != 3:
        raise DateTextError(translate("DateField", "“{text}” is not a whole date (day, month and year): {example}").format(text=t, example=_example()))
    a, b, c = nums
    if len(a) == 4:  # 2027/03/15, 2027.03.15: year first is always year-month-day
        return _make(int(a), int(b), int(c), t)
    y = _year(c, t)
    readings = {}
    for order, (day, month) in (("dM", (a, b)), ("Md", (b, a))):
        try:
            readings[order] = date(y, int(month), int(day))
        except ValueError:
            pass
    if not readings:
        raise DateTextError(translate("DateField", "“{text}” is not a date that exists: {example}").format(text=t, example=_example()))
    if len(set(readings.values())) == 1:
        return next(iter(readings.values()))
    order = _numeric_order(locale)
    if order is None or order[0] == "y":
        raise DateTextError(
            translate("DateField", "“{text}” could be {one} or {other}; write the month as a word (15 Mar 2027) or the date as 2027-03-15").format(text=t, one=shown(readings['dM'], locale), other=shown(readings['Md'], locale)))
    return readings["dM"] if order.index("d") < order.index("M") else readings["Md"]


def _named(t: str, words: list[str], nums: list[str], locale: QLocale) -> date:
    months, days = _month_names(locale), _day_names(locale)
    unknown = [w for w in words if _key(w) not in months and _key(w) not in days]
    if unknown:
        raise DateTextError(translate("DateField", "“{text}” is not a month or day name: {example}").format(text=unknown[0], example=_example()))
    month_words = [w for w in words if _key(w) in months]
    if len(month_words) > 1:  # French "mar." is Tuesday as well as (English) March
        month_words = [w for w in month_words if _key(w) not in days] or month_words[:1]
    if len(month_words) != 1:
        raise DateTextError(translate("DateField", "“{text}” has no month name I know: {example}").format(text=t, example=_example()))
    weekday = None
    for w in words:
        if w is month_words[0]:
            continue
        if _key(w) not in days:
            raise DateTextError(translate("DateField", "“{text}” has two months: {example}").format(text=t, example=_example()))
        weekday = days[_key(w)]
    if len(nums) != 2:
        raise DateTextError(translate("DateField", "“{text}” needs a day and a 4-digit year: {example}").format(text=t, example=_example()))
    four = [n for n in nums if len(n) == 4]
    if len(four) != 1:
        raise DateTextError(translate("DateField", "“{text}”: write the year with 4 digits ({example})").format(text=t, example=_example()))
    day = next(n for n in nums if n is not four[0])
    d = _make(int(four[0]), months[_key(month_words[0])], int(day), t)
    if weekday is not None and d.isoweekday() != weekday:
        raise DateTextError(translate("DateField", "“{text}”: {date} is not a {day}; check the day").format(text=t, date=shown(d, locale), day=locale.dayName(weekday, QLocale.LongFormat)))
    return d


class DateLine(QLineEdit):
    """Up and Down move a day; Alt+Down opens the calendar, as in QDateEdit."""

    step = Signal(int)
    popup = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key_Down and event.modifiers() & Qt.AltModifier:
            self.popup.emit()
        elif event.key() in (Qt.Key_Up, Qt.Key_Down):
            self.step.emit(1 if event.key() == Qt.Key_Up else -1)
        else:
            super().keyPressEvent(event)


class DateField(QWidget):
    """Same calls as QDateEdit's where the form uses them: date(), setDate(), dateChanged."""

    dateChanged = Signal(QDate)  # noqa: N815 - QDateEdit's name, so the form needs no change

    def __init__(self, name: str, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.name = name  # the field's name in messages
        self.today = today  # injectable for tests
        self._date = today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        outer.addLayout(row)

        self.edit = DateLine()
        self.edit.setToolTip(translate("DateField", "Type a date (2027-03-15, 15 Mar 2027, or as your system writes dates) and press Enter; Up/Down move a day, Alt+Down opens the calendar."))
        self.edit.editingFinished.connect(self._commit)
        self.edit.step.connect(lambda n: self.setDate(self.date().addDays(n)))
        self.edit.popup.connect(self.open_calendar)
        row.addWidget(self.edit, 1)

        self.calendar: QCalendarWidget | None = None  # made on demand: see open_calendar
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(f"Choose the {name.lower()} from a calendar")
        self.calendar_button.setToolTip(translate("DateField", "Choose from a calendar (Alt+Down)"))
        self.calendar_button.clicked.connect(self.open_calendar)
        row.addWidget(self.calendar_button)

        self.today_button = QPushButton(translate("DateField", "T&oday"))  # Alt+O: no other field or menu uses O
        self.today_button.setToolTip(translate("DateField", "Set the {field} to today").format(field=name.lower()))
        self.today_button.clicked.connect(self.set_today)
        row.addWidget(self.today_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAccessibleName(f"{name} message")
        self.message.hide()
        outer.addWidget(self.message)
        self._show()

    # --- QDateEdit's calls ------------------------------------------------------------------

    def date(self) -> QDate:
        return QDate(self._date.year, self._date.month, self._date.day)

    def setDate(self, d: QDate) -> None:  # noqa: N802 - QDateEdit's name
        if not d.isValid():
            return
        new = date(d.year(), d.month(), d.day())
        self.message.hide()
        changed = new != self._date
        self._date = new
        self._show()
        if changed:
            self.dateChanged.emit(self.date())

    # --- typing, the calendar and Today ------------------------------------------------------

    def set_today(self) -> None:
        t = self.today()
        self.setDate(QDate(t.year, t.month, t.day))

    def _show(self) -> None:
        self.edit.setText(shown(self._date))

    def _commit(self) -> None:
        text = self.edit.text()
        if text == shown(self._date):
            self.message.hide()
            return
        try:
            d = parse_date(text)
        except DateTextError as exc:
            self.refuse(str(exc))
            return
        self.setDate(QDate(d.year, d.month, d.day))

    def refuse(self, why: str) -> None:
        kept = shown(self._date)
        self.message.setText(translate("DateField", "{name}: {why}. The {field} is still {kept}.").format(
            name=self.name, why=why, field=self.name.lower(), kept=kept))
        self.message.show()
        if self.edit.hasFocus():
            self.edit.selectAll()  # Enter: leave the text to correct
        else:
            self._show()  # left the field: never show a date the plan does not hold

    def open_calendar(self) -> None:
        """A popup calendar under the field. Shown, not exec'd, so nothing waits on it; it is made
        anew each time and owned by no widget, so it is never part of the form while closed."""
        if self.calendar is None:
            cal = QCalendarWidget()
            cal.setWindowFlags(Qt.Popup)
            cal.setAttribute(Qt.WA_DeleteOnClose)
            cal.setGridVisible(True)
            cal.clicked.connect(self._picked)
            cal.activated.connect(self._picked)
            cal.destroyed.connect(self._calendar_gone)
            self.calendar = cal
        self.calendar.setSelectedDate(self.date())
        self.calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _calendar_gone(self, *_) -> None:
        self.calendar = None

    def _picked(self, d: QDate) -> None:
        self.setDate(d)
        if self.calendar is not None:
            self.calendar.close()
        self.edit.setFocus()
