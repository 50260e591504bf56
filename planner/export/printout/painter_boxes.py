"""Painting the emergency box (blocks.EmergencyBox) with Qt: a red title band with white
words, so it stands apart from the pale red taper warning and the step cards; then the call
line, the serious signs as bullets and the phones. painter.PAINTERS lists it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from planner.export.printout.blocks import EmergencyBox
from planner.export.printout.layout import Box
from planner.export.printout.layout_boxes import BODY, CALL, TITLE
from planner.export.printout.paint_text import INK, WARN_BORDER, draw_text

WHITE = QColor("#ffffff")


def paint_emergency(p: QPainter, c, box: Box, y: float) -> None:
    """c: painter.QtMetrics."""
    b: EmergencyBox = box.block
    g = box.geo
    border, pad, w = g["border"], g["pad"], g["w"]
    y += g["top"]
    h = box.height - g["top"]
    p.save()
    p.setPen(QPen(WARN_BORDER, border))
    p.setBrush(WHITE)
    p.drawRect(QRectF(border / 2, y + border / 2, c.width - border, h - border))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(WARN_BORDER)
    p.drawRect(QRectF(0, y, c.width, border + g["band"]))
    p.restore()
    x = border + pad
    draw_text(p, c, x, y + border + g["band_pad"], w, b.title, TITLE, True, WHITE)
    ty = y + border + g["band"] + pad
    ty += draw_text(p, c, x, ty, w, b.call, CALL, True, WARN_BORDER)
    if b.lines:
        ty += g["gap"]
        for line, lh in zip(b.lines, g["bullets"]):
            p.save()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(INK)
            p.drawEllipse(QPointF(x + c.pt(6), ty + c.fm(BODY).ascent() * 0.62), c.pt(2.2), c.pt(2.2))
            p.restore()
            draw_text(p, c, x + g["indent"], ty, w - g["indent"], line, BODY)
            ty += lh + g["bullet_gap"]
    if b.contacts:
        ty += g["gap"]
        for k, contact in enumerate(b.contacts):
            if g["side_by_side"]:
                draw_text(p, c, x + k * (g["half"] + c.pt(12)), ty, g["half"], contact, BODY, True)
            else:
                ty += draw_text(p, c, x, ty, w, contact, BODY, True)


__all__ = ["paint_emergency"]
