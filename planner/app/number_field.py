"""Number entry that cannot be misread, and a mouse wheel that cannot change a field by accident.

A NumberField holds its value exactly (a Decimal): it never rounds and never clamps; the
core's limits give the message naming the field. What a user types is read by read_number(),
with these rules (L is the locale's decimal mark: ',' under de_DE and fr_FR, '.' under en_US
and C):

- digits 0-9, an optional sign, and at most one mark ('.' or ','); the unit may be left on;
- the mark L is always the decimal mark: '9,5' is 9.5 under de_DE, '9.5' under en_US;
- the other mark is read as a decimal mark too, except before exactly three digits: there it
  could be a thousands separator, so '1,500' under en_US or C (1500 or 1.5?) and '1.500'
  under de_DE or fr_FR are refused, never guessed; '12,5' under C is 12.5 and '9.5' under
  de_DE is 9.5;
- two marks, spaces, apostrophes or any other thousands separator ('1.234,5', '1 500',
  "1'500") are refused: a separator is a place where a value can be misread;
- a value a plan file cannot hold exactly (more significant digits than a JSON number keeps)
  is refused rather than rounded.

A refused text stays in the field as typed, with the reason under it, and the plan is shown
invalid (the form hands the text to the core, which refuses it). The value is always shown
with L and without grouping, so what is shown reads back as the same value in this locale.
The table, the printout and the plan file are English and write '.': the same digits, never
rounded (59.96 is "59,96" in the field under de_DE and 59.96 on paper and in the file). A
number goes from field to file as a number, never as text read again in another locale.
Texts are read only in the locale they were typed in: a text put back by undo or recovery
is shown, never re-read as a number (see NumberField.set_unread_text).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QObject, QLocale, Qt, Signal
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

MAX_TEXT = 40  # a longer text is not a number anyone means to type
MAX_DIGITS = 1000  # beyond any limit the core checks, far below Python's int-to-text limit
_MINUS = "-\u2212"
_SPACES = " \u00a0\u202f\u2009\u2007'\u2019_"


@dataclass(frozen=True)
class Reading:
    """What a typed text means: a value, or why it has none."""

    value: Decimal | None
    problem: str | None = None


def decimal_mark(locale: QLocale | None = None) -> str:
    return (locale or QLocale()).decimalPoint()


def format_number(value: Decimal, locale: QLocale | None = None) -> str:
    """The value with every digit it has, the locale's decimal mark and no grouping."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", decimal_mark(locale))


def exact_decimal(value: Any) -> Decimal | None:
    """A number from a plan file or the program as the exact decimal it stands for (a float is
    read as its repr, as the plan file reader does); None if it is not a finite number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return None


def holds_exactly(value: Decimal) -> bool:
    """True when a plan file (a JSON number, read back as float) keeps this value exactly."""
    if abs(value.adjusted()) > MAX_DIGITS:  # nor could it be shown (or turned into an int quickly)
        return False
    if value == value.to_integral_value():
        return True
    f = float(value)
    return math.isfinite(f) and Decimal(repr(f)) == value


def plain_number(value: Decimal) -> int | float:
    """The value as the plan file writes it: int when whole, else the float whose repr it is."""
    return int(value) if value == value.to_integral_value() else float(value)


def strip_unit(text: str, units: tuple[str, ...] = ()) -> str:
    """The text without surrounding blanks and without the unit after the number, if any."""
    t = text.strip(" \t\u00a0\u202f")
    for unit in sorted((u.strip() for u in units), key=len, reverse=True):
        if unit and t.endswith(unit):
            return t[: -len(unit)].rstrip(" \t\u00a0\u202f")
    return t


def read_number(text: str, locale: QLocale | None = None, units: tuple[str, ...] = ()) -> Reading:
    """Read a typed number by the rules in this module's docstring (units: the unit texts
    that may follow it, as the field shows them)."""
    mark = decimal_mark(locale)
    t = strip_unit(text, units)
    shown = t
    if not t:
        return Reading(None, "is empty: type a number")
    if len(t) > MAX_TEXT:
        return Reading(None, "is too long to be a number")
    sign = ""
    if t[0] in _MINUS + "+":
        sign = "-" if t[0] in _MINUS else ""
        t = t[1:]
    if any(c in _SPACES for c in t) and re.fullmatch(r"[0-9.,%s]+" % re.escape(_SPACES), t):
        return Reading(None, f"“{shown}” has a space or separator inside the number: type it without "
                             f"thousands separators, e.g. {_example(mark)}")
    if not re.fullmatch(r"[0-9.,]+", t):
        if re.fullmatch(r"[0-9.,]+[eE][-+]?[0-9]+", t):
            return Reading(None, f"“{shown}” is written with an exponent: type the number in full")
        return Reading(None, f"“{shown}” is not a number: type digits, with “{mark}” for decimals")
    marks = [c for c in t if c in ".,"]
    if len(marks) > 1:
        return Reading(None, f"“{shown}” has more than one mark: type the number with one decimal mark "
                             f"(“{mark}”) and no thousands separators, e.g. {_example(mark)}")
    if not marks:
        return Reading(Decimal(sign + t))
    whole, _, frac = t.partition(marks[0])
    if not whole or not frac:
        return Reading(None, f"“{shown}” needs digits on both sides of the decimal mark, e.g. "
                             f"0{mark}5 or 5")
    if marks[0] != mark and len(frac) == 3:
        grouped = Decimal(sign + whole + frac)
        decimal = Decimal(f"{sign}{whole}.{frac}")
        a, b = format_number(grouped, locale), format_number(decimal, locale)
        return Reading(None, f"“{shown}” could be read as {a} or as {b}. Type {a} or {b}: the decimal "
                             f"mark is “{mark}”, and no thousands separators are used")
    value = Decimal(f"{sign}{whole}.{frac}")
    if not holds_exactly(value):
        return Reading(None, f"“{shown}” has more digits than a plan can keep exactly: "
                             "use at most 15 significant digits")
    return Reading(value)


def _example(mark: str) -> str:
    return f"1500 or 12{mark}5"


class NumberField(QAbstractSpinBox):
    """A field that holds one exact number, typed or stepped, with its unit after it.

    valueChanged(object) is emitted whenever what the field holds changes: a new value, or a
    text that cannot be read (value() is then None and problem() says why)."""

    valueChanged = Signal(object)

    def __init__(self, suffix: str | tuple[str, str] = "", step: int | str = 1,
                 parent: QWidget | None = None) -> None:
        """suffix: the unit shown after the number, or (singular, plural) as in (" day", " days")."""
        super().__init__(parent)
        self._suffix = suffix
        self._step = Decimal(step)
        self._reading = Reading(Decimal(0))
        self._unread = False  # the text was put back (undo, recovery), not typed here
        self._rendering = False
        self.setAccelerated(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCorrectionMode(QAbstractSpinBox.CorrectToPreviousValue)
        self.lineEdit().textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self._render()

    # --- what it holds -----------------------------------------------------------------

    def value(self) -> Decimal | None:
        return self._reading.value

    def problem(self) -> str | None:
        return self._reading.problem

    def suffix(self) -> str:
        if isinstance(self._suffix, str):
            return self._suffix
        one, many = self._suffix
        return one if self._reading.value is not None and abs(self._reading.value) == 1 else many

    def _units(self) -> tuple[str, ...]:
        return (self._suffix,) if isinstance(self._suffix, str) else tuple(self._suffix)

    def raw_text(self) -> str:
        """The text as typed, without the unit: what the form hands on when it cannot be read."""
        return strip_unit(self.lineEdit().text(), self._units())

    def setValue(self, value: Any) -> None:  # noqa: N802 - the spin-box name the callers use
        """Hold a number exactly. Anything else (NaN, infinity, not a number) is shown as an
        unreadable text with its reason: it never raises."""
        d = exact_decimal(value)
        if d is None:
            self._set(Reading(None, f"“{value}” is not a finite number"), str(value))
        elif not holds_exactly(d):
            shown = str(d) if len(str(d)) <= MAX_TEXT else format(d, ".6E")
            self._set(Reading(None, f"{shown} is too large or has more digits than a plan can keep exactly"), shown)
        else:
            self._set(Reading(d), None)

    def set_unread_text(self, text: str) -> None:
        """Show a text that was typed earlier (undo, recovery) without reading it as a number:
        it may have been typed under another locale, where it meant something else."""
        now = read_number(text, QLocale(), self._units())
        if now.value is not None:
            now = Reading(None, f"“{text}” was typed before and is not read again: type the number again")
        self._set(now, text, unread=True)

    def _set(self, reading: Reading, text: str | None, unread: bool = False) -> None:
        changed = reading != self._reading or unread != self._unread or (
            reading.value is None and text != self.raw_text())
        self._reading, self._unread = reading, unread
        self._render(text)
        if changed:
            self.valueChanged.emit(reading.value)

    def _render(self, text: str | None = None) -> None:
        """Show the value (or the given unreadable text) with the unit after it."""
        shown = text if text is not None else format_number(self._reading.value) if self._reading.value is not None else ""
        self._rendering = True
        try:
            self.lineEdit().setText(shown + self.suffix())
        finally:
            self._rendering = False
        self.update()

    def _typed(self, text: str) -> None:
        reading = read_number(text, QLocale(), self._units())
        if reading != self._reading or self._unread or reading.value is None:
            self._reading, self._unread = reading, False
            self.valueChanged.emit(reading.value)

    def _tidy(self) -> None:
        """Leaving the field: a readable value is shown in its one written form (unit and all)."""
        if self._reading.value is not None:
            self._render()

    # --- QAbstractSpinBox ----------------------------------------------------------------

    def validate(self, text: str, pos: int) -> object:
        # Every text may stay in the field: one that cannot be read is shown with its reason,
        # not blocked key by key nor silently put back when the field is left.
        return QValidator.Acceptable

    def fixup(self, text: str) -> str:
        return text

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        if self._reading.value is None:
            return
        self._set(Reading(self._reading.value + steps * self._step), None)
        self.lineEdit().selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        if self._reading.value is None:
            return QAbstractSpinBox.StepNone
        return QAbstractSpinBox.StepUpEnabled | QAbstractSpinBox.StepDownEnabled


# --- the mouse wheel ------------------------------------------------------------------------

_WHEELED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Event filter: a wheel over a field (or its text) that has not the keyboard focus scrolls
    the form instead of changing the field."""

    def __init__(self, parent: QObject, kinds: tuple[type, ...] = _WHEELED) -> None:
        super().__init__(parent)
        self.kinds = kinds

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Wheel or not isinstance(obj, QWidget):
            return False
        field = obj
        while field is not None and not isinstance(field, self.kinds):
            field = field.parentWidget()
        if field is None or field.hasFocus():
            return False
        area = field.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()  # a real wheel event then goes on to the parent
            return True
        # Handed to the scroll area itself: Qt passes a wheel event on to the parent only when
        # it came from the window system, and the form must scroll either way.
        viewport = area.viewport()
        passed = QWheelEvent(viewport.mapFromGlobal(event.globalPosition()), event.globalPosition(),
                             event.pixelDelta(), event.angleDelta(), event.buttons(), event.modifiers(),
                             event.phase(), event.inverted(), event.source())
        QApplication.sendEvent(viewport, passed)
        event.accept()
        return True


def guard_wheel(root: QWidget, also: tuple[type, ...] = ()) -> WheelGuard:
    """Every spin box, date/time edit, number field and combo box in root (and every widget of
    the kinds in also, e.g. a composite field): the wheel changes it only when it has the
    keyboard focus, and the wheel never gives it the focus."""
    guard = WheelGuard(root, _WHEELED + also)
    for w in root.findChildren(QWidget):
        if isinstance(w, guard.kinds):
            if isinstance(w, _WHEELED):  # a composite keeps its own focus policy (no extra Tab stop)
                w.setFocusPolicy(Qt.StrongFocus)
            for part in [w] + w.findChildren(QWidget):  # its text and buttons too
                part.installEventFilter(guard)
    return guard
