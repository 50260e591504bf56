"""Painting the code on the paper (blocks.PlanCode) with Qt: the dark modules as filled
rectangles (each row's runs of dark modules), filled as one path so that a renderer leaves no
hairline between neighbours, and vector in the PDF; the quiet zone left white; the caption
beside or under it. painter.PAINTERS lists it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from planner.export.printout.blocks import PlanCode
from planner.export.printout.layout import Box
from planner.export.printout.paint_text import draw_text

DARK = QColor("#000000")
LIGHT = QColor("#ffffff")


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
    """c: painter.QtMetrics."""
    b: PlanCode = box.block
    g = box.geo
    if b.modules:
        module, quiet, side = g["module"], g["quiet"], g["side"]
        top = y + g["top"]
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(LIGHT)
        p.drawRect(QRectF(0, top, side, side))  # the quiet zone, white even on tinted paper
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for r, row in enumerate(b.modules):
            for x, length in runs(row):
                path.addRect(QRectF(quiet + x * module, top + quiet + r * module, length * module, module))
        p.fillPath(path, DARK)
        p.restore()
    draw_text(p, c, g["cx"], y + g["cy"], g["cw"], b.caption, b.size, True)


__all__ = ["paint_code", "runs"]
