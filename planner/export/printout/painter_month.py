"""Painting a month of the tick chart with Qt at the places layout_month worked out: the
title, the key of time-of-day pictures, the day names, and a cell per day with a box per
dose (its picture, its amount and a square to tick). A marked day (a new dose, the stop day,
the review) has a thick border in its colour and its words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from planner.export.printout.blocks import MonthChart
from planner.export.printout.icons import SLOT_TILES, draw_slot_icon
from planner.export.printout.layout import Box
from planner.export.printout.layout_month import DETAIL, DOSE, HEAD, HOW, KEY, MARK, NOTE, NUM, SUB, TITLE
from planner.export.printout.paint_text import GREY, INK, RULE, draw_text

HEADER_FILL = QColor("#f1f1f1")

TONES = {"start": QColor("#0d47a1"), "change": QColor("#b34700"), "stop": QColor("#1b5e20"),
         "review": QColor("#6a1b9a")}
OUTSIDE_FILL = QColor("#e4e4e4")  # a day of the month not in the plan
STOP_FILL = QColor("#eef7ee")  # the stop day, as the stop box on the dose pages
BOX_TINT = 70  # the slot's colour behind a dose box, out of 255: light, so the words stay black
_CENTRE = Qt.AlignmentFlag.AlignHCenter


def _r(rect, y: float) -> QRectF:
    x, ry, w, h = rect
    return QRectF(x, y + ry, w, h)


def paint_month(p: QPainter, c, box: Box, y: float) -> None:
    b: MonthChart = box.block
    g = box.geo
    heads = (("title", b.title, TITLE, True, INK), ("subtitle", b.subtitle, SUB, False, GREY),
             ("instruction", b.instruction, HOW, True, INK))
    for key, text, size, bold, colour in heads:
        x, ry, w, _ = g[key]
        draw_text(p, c, x, y + ry, w, text, size, bold, colour)
    for slot, words, icon, text in g["key"]:
        draw_slot_icon(p, slot, _r(icon, y))
        draw_text(p, c, text[0], y + text[1], text[2], words, KEY)
    p.save()
    p.setPen(QPen(RULE, c.pt(0.6)))
    p.setBrush(HEADER_FILL)
    for rect in g["head"]:
        p.drawRect(_r(rect, y))
    p.restore()
    pad = g["pad"]
    for name, rect in zip(g["names"], g["head"]):
        draw_text(p, c, rect[0] + pad, y + rect[1] + pad, rect[2] - 2 * pad, name, HEAD, True, INK, _CENTRE)
    kit = _Kit(c)
    for cell in g["cells"]:
        _paint_cell(p, c, cell, y, kit)
    for tone_cell in (cell for cell in g["cells"] if cell["day"].tone and cell["day"].in_plan):
        _tone_border(p, c, tone_cell, y)
    for note, rect in g["notes"]:
        draw_text(p, c, rect[0], y + rect[1], rect[2], note, NOTE, True)


class _Kit:
    """The pens and fills every cell of a month uses, made once per month, not per cell."""

    def __init__(self, c) -> None:
        self.rule = QPen(RULE, c.pt(0.6))
        self.tick = QPen(INK, c.pt(1.0))
        self.white = QColor("white")
        self.radius = c.pt(2)
        self.tints: dict[str, QColor] = {}

    def tint(self, slot: str) -> QColor:
        tint = self.tints.get(slot)
        if tint is None:
            tint = self.tints[slot] = QColor(SLOT_TILES.get(slot, "#cccccc"))
            tint.setAlpha(BOX_TINT)
        return tint


def _paint_cell(p: QPainter, c, cell: dict, y: float, kit: _Kit) -> None:
    day = cell["day"]
    rect = _r(cell["rect"], y)
    p.save()
    p.setPen(kit.rule)
    fill = kit.white
    if day.date is not None and not day.in_plan:
        fill = OUTSIDE_FILL
    elif day.tone == "stop":
        fill = STOP_FILL
    p.setBrush(fill)
    p.drawRect(rect)
    p.restore()
    if day.date is None:
        return
    x, ny, w, _ = cell["num"]
    draw_text(p, c, x, y + ny, w, str(day.date.day), NUM, True, INK if day.in_plan else GREY)
    if cell["mark"] is not None:
        mx, my, mw, _ = cell["mark"]
        draw_text(p, c, mx, y + my, mw, day.mark, MARK, True, TONES.get(day.tone, INK))
    for dose, place in cell["doses"]:
        p.save()
        p.setPen(kit.rule)
        p.setBrush(kit.tint(dose.slot))
        p.drawRoundedRect(_r(place["rect"], y), kit.radius, kit.radius)
        p.setPen(kit.tick)
        p.setBrush(kit.white)
        p.drawRect(_r(place["tick"], y))
        p.restore()
        draw_slot_icon(p, dose.slot, _r(place["icon"], y))
        tx, ty, tw, _ = place["text"]
        draw_text(p, c, tx, y + ty, tw, dose.amount, DOSE, True)
        if dose.detail:
            dx, dy, dw, _ = place["detail"]
            draw_text(p, c, dx, y + dy, dw, dose.detail, DETAIL, False, GREY)


def _tone_border(p: QPainter, c, cell: dict, y: float) -> None:
    """Drawn after every cell, so a neighbour's thin border never covers it."""
    width = c.pt(2.2)
    x, ry, w, h = cell["rect"]
    p.save()
    p.setPen(QPen(TONES[cell["day"].tone], width))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x + width / 2, y + ry + width / 2, w - width, h - width))
    p.restore()


__all__ = ["paint_month", "TONES"]
