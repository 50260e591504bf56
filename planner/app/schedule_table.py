"""The schedule as a table: one row per dose step, straight from the core's Steps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from planner.text.dates import DAY_NAMES, MONTH_NAMES
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule, Step
from planner.text.kidney import supplement_match_text
from planner.text.units import describe_units

COLUMNS = ("Dates", "Days", "Phase", "Total") + tuple(s.capitalize() for s in SLOTS) + ("Capsules / tablets",)


def _date(d) -> str:
    return f"{d.day:02d} {MONTH_NAMES[d.month - 1]} {d.year}"


def _dates(st: Step) -> str:
    if st.days == 1:
        return f"{DAY_NAMES[st.start.weekday()]} {_date(st.start)}"
    return f"{_date(st.start)} – {_date(st.end)}"


def _units(st: Step) -> str:
    if not st.doses:
        return "stop"
    texts = [describe_units(d.units) for d in st.doses]
    if len(set(texts)) == 1:
        out = texts[0] + (" each dose" if len(texts) > 1 else "")
    else:
        out = "; ".join(f"{d.slot}: {t}" for d, t in zip(st.doses, texts))
    if st.dialysis is not None:  # the step's own supplement, never on the stop row
        out += f"; after dialysis: {st.dialysis.mg} mg"
    return out


def _units_tip(st: Step) -> str | None:
    dz = st.dialysis
    if dz is None:
        return None
    label = f" (label {dz.label_mg} mg)" if dz.mg != dz.label_mg else ""
    return (f"After each {dz.session_hours}-hour haemodialysis session: {dz.mg} mg{label}, "
            f"{describe_units(dz.units)}; {supplement_match_text(dz.matched)}")


def _row(st: Step) -> tuple[str, ...]:
    by_slot = {d.slot: d for d in st.doses}
    slots = tuple(f"{by_slot[s].mg} mg" if s in by_slot else "" for s in SLOTS)
    return (_dates(st), str(st.days), st.phase, f"{st.total_mg} mg") + slots + (_units(st),)


def _tips(st: Step) -> tuple[str | None, ...]:
    by_slot = {d.slot: d for d in st.doses}
    return tuple(
        f"{by_slot[s].time}: {describe_units(by_slot[s].units)}" if s in by_slot else None for s in SLOTS
    ) + (_units_tip(st),)


class ScheduleTableModel(QAbstractTableModel):
    """Cell texts are made once per schedule: a view asks for them thousands of times."""

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
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role == Qt.DisplayRole:
            return self._rows[index.row()][index.column()]
        col = index.column()
        if role == Qt.TextAlignmentRole and 1 <= col <= 3 + len(SLOTS):
            return _RIGHT
        if role == Qt.ToolTipRole and 4 <= col <= 4 + len(SLOTS):
            return self._tips[index.row()][col - 4]
        return None


_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
