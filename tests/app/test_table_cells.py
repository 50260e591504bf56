"""A table cell cut by the table's edge (a small screen: the table scrolls sideways) never
shows part of a number: "300 mg" cut to "30" is a dose misread tenfold."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from planner.app.schedule_table import COLUMNS, DAYS_COLUMN, TOTAL_COLUMN
from planner.app.table_cells import CUT, NUMBER_COLUMNS, VisiblePartDelegate, visible_cell
from planner.files.planfile import load_example

UNITS_COLUMN = len(COLUMNS) - 1


def width(text):  # 7 pixels a character
    return 7 * len(text)


def test_a_whole_cell_is_drawn_as_it_is():
    assert visible_cell(QRect(100, 0, 60, 20), "300 mg", TOTAL_COLUMN, 500, width) == (QRect(100, 0, 60, 20), "300 mg")


@pytest.mark.parametrize("rect", [QRect(470, 0, 60, 20), QRect(-30, 0, 60, 20)], ids=["right edge", "left edge"])
def test_a_number_that_does_not_fit_in_what_shows_is_drawn_as_cut(rect):
    shown, text = visible_cell(rect, "300 mg", TOTAL_COLUMN, 500, width)
    assert text == CUT and 0 <= shown.left() and shown.right() < 500 and shown.width() == 30


def test_a_number_that_fits_in_what_shows_is_drawn_whole_there():
    shown, text = visible_cell(QRect(440, 0, 100, 20), "300 mg", TOTAL_COLUMN, 500, width)
    assert text == "300 mg" and shown == QRect(440, 0, 60, 20)


def test_words_are_kept_for_the_style_to_elide():
    shown, text = visible_cell(QRect(450, 0, 300, 20), "1 × 300 mg capsule", UNITS_COLUMN, 500, width)
    assert text == "1 × 300 mg capsule" and shown.right() == 499


def test_a_small_window_draws_no_part_of_a_number(win):
    """At 1024 pixels the table is cut inside a dose column: each cell on screen is drawn
    whole, or as CUT."""
    win.resize(1024, 700)
    win.load_plan(load_example("gabapentin-phn-to-1800-with-taper"), None)
    QApplication.processEvents()
    table, model = win.table, win.table_model
    assert isinstance(table.itemDelegate(), VisiblePartDelegate)
    seen = table.viewport().width()
    fm = table.fontMetrics()
    cut = 0
    for row in range(model.rowCount()):
        for col in NUMBER_COLUMNS:
            rect = table.visualRect(model.index(row, col))
            if rect.left() >= seen or rect.right() < 0:
                continue  # not on screen
            text = model.data(model.index(row, col), Qt.DisplayRole)
            shown, drawn = visible_cell(rect, text, col, seen, fm.horizontalAdvance)
            assert drawn in (text, CUT) and shown.right() < seen
            if drawn == text and text:
                assert fm.horizontalAdvance(text) <= shown.width(), (row, col, text, shown)
            cut += drawn == CUT
    assert cut, "no dose column is cut at this size: the test shows nothing"
    assert DAYS_COLUMN in NUMBER_COLUMNS and UNITS_COLUMN not in NUMBER_COLUMNS
