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
from planner.text.catalogue import catalogue, current_language

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


def _units(st: Step, describe=describe_units) -> str:
    if not st.doses:
        return translate("Table", "stop")
    texts = [describe(d.units) for d in st.doses]
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


def _row(st: Step, describe=describe_units) -> tuple[str, ...]:
    by_slot = {d.slot: d for d in st.doses}
    slots = tuple(f"{by_slot[s].mg} mg" if s in by_slot else "" for s in SLOTS)
    return (_dates(st), str(st.days), _phase(st), f"{st.total_mg} mg") + slots + (_units(st, describe),)


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


def _tips(st: Step, describe=describe_units) -> tuple[str | None, ...]:
    by_slot = {d.slot: d for d in st.doses}
    return tuple(
        f"{by_slot[s].time}: {describe(by_slot[s].units)}" if s in by_slot else None for s in SLOTS
    ) + (_units_tip(st),)


# What data() answers for each role, made once per step (data() is one lookup).
_DISPLAY, _EDIT, _BACKGROUND, _TIP, _ALIGN = (int(r) for r in (
    Qt.DisplayRole, Qt.EditRole, Qt.BackgroundRole, Qt.ToolTipRole, Qt.TextAlignmentRole))
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
_LEFT = int(Qt.AlignLeft | Qt.AlignVCenter)
_READ_ONLY = Qt.ItemIsSelectable | Qt.ItemIsEnabled | Qt.ItemNeverHasChildren  # as QAbstractTableModel's
_EDITABLE = _READ_ONLY | Qt.ItemIsEditable
NUMBER_COLUMNS = frozenset((DAYS_COLUMN, TOTAL_COLUMN, *range(FIRST_SLOT_COLUMN, FIRST_SLOT_COLUMN + len(SLOTS))))
Cells = tuple[dict[int, Any], ...]  # one row: per column, {role: value}


def _cells(st: Step, describe=describe_units) -> Cells:
    """Everything data() returns for a step's row, by column and role."""
    texts, tips = _row(st, describe), _tips(st, describe)
    shaped = st.edited or st.hold
    #: The tooltip of the Phase cell of a step the prescriber shaped.
    shaped_tip = translate("Table", "Shaped by the prescriber in this table. Edit > Remove step edits puts every step back.") if shaped else None
    row = []
    for col, text in enumerate(texts):
        cell: dict[int, Any] = {_DISPLAY: text, _EDIT: text.split(" ")[0] if text else "0"}
        if shaped:
            cell[_BACKGROUND] = _MARKED
        if 1 <= col <= 3 + len(SLOTS):  # Days to Bedtime, the phase with them
            cell[_ALIGN] = _RIGHT
        tip = shaped_tip if col == PHASE_COLUMN else tips[col - 4] if col >= 4 else None
        if tip is not None:
            cell[_TIP] = tip
        row.append(cell)
    return tuple(row)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as contiguous (first, last) ranges."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


class ScheduleTableModel(QAbstractTableModel):
    """An edit of the plan replaces only the rows whose step changed, and a row's cells are
    worded when a view first asks for them (then kept): an edit costs what is on screen, not
    the plan's length, a view repaints what changed, and its current row stays."""

    step_edit_asked = Signal(dict)  # a step_edits record for the document
    refused = Signal(str)  # a typed cell that is not a whole number, and why
    row_made = Signal(int)  # a row's cells were worded (a view may measure them)

    def __init__(self) -> None:
        super().__init__()
        self._shown = False  # a schedule is shown (an empty table shows none)
        self._language: tuple = ()
        self._headers: tuple[str, ...] = column_names()
        self._steps: tuple[Step, ...] = ()
        self._cells: list[Cells | None] = []  # None: not worded since its step changed
        self._editable: list[bool] = []
        self._described: dict = {}  # describe_units by units, in self._language

    def _describe(self, units) -> str:
        text = self._described.get(units)
        if text is None:
            if len(self._described) > 4096:  # a long session of many plans: start again
                self._described.clear()
            text = self._described[units] = describe_units(units)
        return text

    def _make(self, row: int) -> Cells:
        cells = self._cells[row] = _cells(self._steps[row], self._describe)
        self.row_made.emit(row)
        return cells

    def set_schedule(self, schedule: Schedule | None) -> None:
        steps = schedule.steps if schedule is not None else ()
        language = (current_language(), column_names())
        if schedule is None or not self._shown or language != self._language:
            # Another language re-words every cell and heading; None <-> a schedule: all rows.
            self.beginResetModel()
            self._shown, self._language, self._headers = schedule is not None, language, language[1]
            self._described = {}
            self._steps = steps
            self._cells = [None] * len(steps)
            self._editable = [editable(st) for st in steps]
            self.endResetModel()
            return
        old, n, m = self._steps, len(self._steps), len(steps)
        p = 0  # the rows before p and the last s rows are the same steps as before
        while p < min(n, m) and old[p] == steps[p]:
            p += 1
        s = 0
        while s < min(n, m) - p and old[n - 1 - s] == steps[m - 1 - s]:
            s += 1
        k = min(n, m) - p - s  # rows p..p+k-1 are replaced in place; the rest are added or taken away
        changed = [i for i in range(p, p + k) if old[i] is not steps[i] and old[i] != steps[i]]
        added = m - n if m > n else 0
        cells = self._cells[:p + k] + [None] * added + self._cells[n - s:]
        shapeable = self._editable[:p + k] + [False] * added + self._editable[n - s:]
        for i in changed + list(range(p + k, p + k + added)):
            cells[i], shapeable[i] = None, editable(steps[i])
        if m > n:
            self.beginInsertRows(QModelIndex(), p + k, p + k + m - n - 1)
        elif m < n:
            self.beginRemoveRows(QModelIndex(), p + k, p + k + n - m - 1)
        self._steps, self._cells, self._editable = steps, cells, shapeable  # before any view reads them
        if m > n:
            self.endInsertRows()
        elif m < n:
            self.endRemoveRows()
        last = len(COLUMNS) - 1
        for first, end in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._steps

    def row_texts(self, row: int) -> tuple[str, ...]:
        """The row's cells as shown (what a view measures its columns by, without data())."""
        cells = self._cells[row]
        return tuple(cell[_DISPLAY] for cell in (cells if cells is not None else self._make(row)))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        if role == Qt.TextAlignmentRole and orientation == Qt.Horizontal and section == len(COLUMNS) - 1:
            # The units column is as wide as its longest text: a centred heading would sit out
            # of sight, right of the window's edge, on a 1366-pixel screen.
            return _LEFT
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return _EDITABLE if self._editable[index.row()] and index.column() in NUMBER_COLUMNS else _READ_ONLY

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
        if not index.isValid():
            return None
        cells = self._cells[index.row()]
        if cells is None:
            cells = self._make(index.row())
        return cells[index.column()].get(role)
