"""The schedule as a table: one row per dose step, straight from the core's Steps.

A step's daily dose (Total), its dose at a time of day and its length (Days) can be typed
over in the table: the model does not change the schedule, it asks for a step edit
(step_edit_asked, a plan step_edits record) which the window makes an undoable command on
the document; the engine lays the plan out again. Steps a prescriber shaped are marked."""

from __future__ import annotations

from typing import Any

import re

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from planner.text.dates import DAY_NAMES, MONTH_NAMES
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule, Step
from planner.text.kidney import supplement_match_text
from planner.text.units import describe_units
from planner.text.catalogue import catalogue

translate = QCoreApplication.translate

COLUMNS = ("Dates", "Days", "Phase", "Total") + tuple(s.capitalize() for s in SLOTS) + ("Capsules / tablets",)


def column_names() -> tuple[str, ...]:
    """The columns' headings in the window's language (COLUMNS is the English)."""
    return (translate("Table", "Dates"), translate("Table", "Days"), translate("Table", "Phase"),
            translate("Table", "Total"), translate("Table", "Morning"), translate("Table", "Midday"),
            translate("Table", "Evening"), translate("Table", "Bedtime"), translate("Table", "Capsules / tablets"))
DAYS_COLUMN, PHASE_COLUMN, TOTAL_COLUMN, FIRST_SLOT_COLUMN = 1, 2, 3, 4
HOLD_DAYS = 7  # "Stay on this dose 7 more days"
_MARKED = QBrush(QColor("#fff4c2"))  # the background of a step the prescriber shaped


def _locale() -> QLocale | None:
    """The window's language's locale for the table's month and day names (None: English)."""
    cat = catalogue()
    return None if cat.is_source else QLocale(cat.babel_locale)


def _date(d) -> str:
    locale = _locale()
    if locale is not None:
        return locale.toString(QDate(d.year, d.month, d.day), "dd MMM yyyy")
    return f"{d.day:02d} {MONTH_NAMES[d.month - 1]} {d.year}"


def _dates(st: Step) -> str:
    if st.days == 1:
        locale = _locale()
        if locale is not None:
            return locale.toString(QDate(st.start.year, st.start.month, st.start.day), "ddd ") + _date(st.start)
        return f"{DAY_NAMES[st.start.weekday()]} {_date(st.start)}"
    return f"{_date(st.start)} – {_date(st.end)}"


def _units(st: Step) -> str:
    if not st.doses:
        return translate("Table", "stop")
    texts = [describe_units(d.units) for d in st.doses]
    if len(set(texts)) == 1:
        out = translate("Table", "{units} each dose").format(units=texts[0]) if len(texts) > 1 else texts[0]
    else:
        names = {"morning": translate("Table", "morning"), "midday": translate("Table", "midday"),
                 "evening": translate("Table", "evening"), "bedtime": translate("Table", "bedtime")}
        out = "; ".join(translate("Table", "{slot}: {units}").format(slot=names.get(d.slot, d.slot), units=t)
                        for d, t in zip(st.doses, texts))
    if st.dialysis is not None:  # the step's own supplement, never on the stop row
        out += "; " + translate("Table", "after dialysis: {mg} mg").format(mg=st.dialysis.mg)
    return out


def _units_tip(st: Step) -> str | None:
    dz = st.dialysis
    if dz is None:
        return None
    label = f" (label {dz.label_mg} mg)" if dz.mg != dz.label_mg else ""
    return (f"After each {dz.session_hours}-hour haemodialysis session: {dz.mg} mg{label}, "
            f"{describe_units(dz.units)}; {supplement_match_text(dz.matched)}")


def phase_word(phase: str) -> str:
    """A step's phase as the table shows it ('titration')."""
    words = {"titration": lambda: translate("Table", "titration"), "maintenance": lambda: translate("Table", "maintenance"),
             "taper": lambda: translate("Table", "taper")}
    return words[phase]() if phase in words else phase


def _phase(st: Step) -> str:
    if st.hold:
        #: The schedule table's Phase cell of a hold the prescriber inserted ("titration (hold)").
        return translate("Table", "{phase} (hold)").format(phase=phase_word(st.phase))
    if st.edited:
        #: The schedule table's Phase cell of a step the prescriber edited ("titration (edited)").
        return translate("Table", "{phase} (edited)").format(phase=phase_word(st.phase))
    return phase_word(st.phase)


def _row(st: Step) -> tuple[str, ...]:
    by_slot = {d.slot: d for d in st.doses}
    slots = tuple(f"{by_slot[s].mg} mg" if s in by_slot else "" for s in SLOTS)
    return (_dates(st), str(st.days), _phase(st), f"{st.total_mg} mg") + slots + (_units(st),)


def editable(st: Step) -> bool:
    """A step the prescriber can shape: one the engine numbered (a plan step), not the stop."""
    return st.segment >= 1 and st.total_mg > 0


def whole_number(text: str, unit: str) -> int | None:
    """A typed cell: whole digits, the unit may be left on ("600", "600 mg"); else None."""
    m = re.fullmatch(rf"\s*([0-9]{{1,6}})\s*(?:{unit})?\s*", text)
    return int(m.group(1)) if m else None


def step_edit_for(st: Step, column: int, value: int) -> dict | None:
    """The step_edits record that puts value in this cell of the step's row (None: no change)."""
    if column == DAYS_COLUMN:
        return None if value == st.days else {"step": st.segment, "days": value}
    if column == TOTAL_COLUMN:
        return None if value == st.total_mg else {"step": st.segment, "total_mg": value}
    slot = SLOTS[column - FIRST_SLOT_COLUMN]
    doses = {d.slot: d.mg for d in st.doses}
    if doses.get(slot, 0) == value:
        return None
    doses[slot] = value
    doses = {s: doses[s] for s in SLOTS if doses.get(s)}
    return {"step": st.segment, "doses": doses, "total_mg": sum(doses.values())}


def _tips(st: Step) -> tuple[str | None, ...]:
    by_slot = {d.slot: d for d in st.doses}
    return tuple(
        f"{by_slot[s].time}: {describe_units(by_slot[s].units)}" if s in by_slot else None for s in SLOTS
    ) + (_units_tip(st),)


class ScheduleTableModel(QAbstractTableModel):
    """Cell texts are made once per schedule: a view asks for them thousands of times."""

    step_edit_asked = Signal(dict)  # a step_edits record for the document
    refused = Signal(str)  # a typed cell that is not a whole number, and why

    def __init__(self) -> None:
        super().__init__()
        self._steps: tuple[Step, ...] = ()
        self._rows: list[tuple[str, ...]] = []
        self._tips: list[tuple[str | None, ...]] = []

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.beginResetModel()
        self._steps = schedule.steps if schedule is not None else ()
        self._rows = [_row(st) for st in self._steps]
        self._tips = [_tips(st) for st in self._steps]
        self.endResetModel()

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return column_names()[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        col = index.column()
        if index.isValid() and editable(self._steps[index.row()]) and (
                col in (DAYS_COLUMN, TOTAL_COLUMN) or FIRST_SLOT_COLUMN <= col < FIRST_SLOT_COLUMN + len(SLOTS)):
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:  # noqa: N802 - Qt's name
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        col = index.column()
        number = whole_number(str(value), "days?" if col == DAYS_COLUMN else "mg")
        if number is None:
            #: Status bar when a number typed into the schedule table is not a whole number; {column} names the column.
            self.refused.emit(translate("Table", "“{text}” is not a whole number: type the {column} as digits (the step is unchanged)").format(text=str(value).strip(), column=column_names()[col]))
            return False
        record = step_edit_for(self._steps[index.row()], col, number)
        if record is not None:
            self.step_edit_asked.emit(record)  # the document recomputes; the table follows
        return record is not None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole:
            return self._rows[index.row()][index.column()]
        col = index.column()
        st = self._steps[index.row()]
        if role == Qt.EditRole:
            text = self._rows[index.row()][col]
            return text.split(" ")[0] if text else "0"
        if role == Qt.BackgroundRole and (st.edited or st.hold):
            return _MARKED
        if role == Qt.ToolTipRole and col == PHASE_COLUMN and (st.edited or st.hold):
            #: The tooltip of the Phase cell of a step the prescriber shaped.
            return translate("Table", "Shaped by the prescriber in this table. Edit > Remove step edits puts every step back.")
        if role == Qt.TextAlignmentRole and 1 <= col <= 3 + len(SLOTS):
            return _RIGHT
        if role == Qt.ToolTipRole and 4 <= col <= 4 + len(SLOTS):
            return self._tips[index.row()][col - 4]
        return None


_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
