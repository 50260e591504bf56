"""How the schedule table draws a cell cut by its own edge.

On a small screen the table is narrower than its columns and scrolls sideways, so the
column at the edge shows only part of its cells. Clipped there, a right-aligned "300 mg"
showed "30" (or "0 mg" at the left edge): a dose misread tenfold. So a cut cell is drawn
in the part that shows: a number whole if it fits there, else "…"; words elided ("1 ×
300 mg caps…").
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.app.schedule_table import NUMBER_COLUMNS

CUT = "…"
PADDING = 8  # the style's text margins on both sides, about


def visible_cell(rect: QRect, text: str, column: int, seen_width: int, text_width) -> tuple[QRect, str]:
    """The part of a cell that shows (the viewport is 0..seen_width) and what to write in it:
    the text, or for a number that does not fit whole, CUT. text_width(s) measures s."""
    if rect.left() >= 0 and rect.right() < seen_width:
        return rect, text
    shown = QRect(rect)
    shown.setLeft(max(rect.left(), 0))
    shown.setRight(min(rect.right(), seen_width - 1))
    if column in NUMBER_COLUMNS and text and text_width(text) + PADDING > shown.width():
        return shown, CUT
    return shown, text


class VisiblePartDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:  # noqa: D401 - Qt's name
        view = option.widget
        if view is None or (option.rect.left() >= 0 and option.rect.right() < view.viewport().width()):
            super().paint(painter, option, index)  # the usual case: a whole cell
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect, opt.text = visible_cell(option.rect, opt.text, index.column(), view.viewport().width(),
                                          opt.fontMetrics.horizontalAdvance)
        (view.style() if view is not None else QApplication.style()).drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, view)
