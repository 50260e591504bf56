"""Painting the code on the paper (blocks.PlanCode) with Qt: the dark modules as filled
rectangles (each row's runs of dark modules), filled as one path so that a renderer leaves no
hairline between neighbours, and vector in the PDF; the quiet zone left white; the caption
beside or under it. painter.PAINTERS lists it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from planner.export.printout.blocks import PlanCode
from planner.export.printout.layout import Box
from planner.export.printout.paint_text import GREY, INK, draw_text

DARK = QColor("#000000")
LIGHT = QColor("#ffffff")
COLOURS = {"ink": INK, "grey": GREY}


def runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """The runs of dark modules of a row: (first column, length)."""
    out, start = [], None
    for x, dark in enumerate(row + (False,)):
        if dark and start is None:
            start = x
        elif not dark and start is not None:
            out.append((start, x - start))
            start = None
    return out


def paint_code(p: QPainter, c, box: Box, y: float) -> None:
    """c: painter.QtMetrics. y: the block's top on the page (the geometry's places are from it)."""
    b: PlanCode = box.block
    g = box.geo
    if b.modules:
        module, quiet, side = g["module"], g["quiet"], g["side"]
        left, top = g["qx"], y + g["qy"]
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(LIGHT)
        p.drawRect(QRectF(left, top, side, side))  # the quiet zone, white even on tinted paper
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for r, row in enumerate(b.modules):
            for x, length in runs(row):
                path.addRect(QRectF(left + quiet + x * module, top + quiet + r * module, length * module, module))
        p.fillPath(path, DARK)
        p.restore()
    for x, ty, w, text, size, bold, colour in g["texts"]:
        draw_text(p, c, x, y + ty, w, text, size, bold, COLOURS[colour])


__all__ = ["paint_code", "runs"]
