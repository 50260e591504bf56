"""The pictures on the printout, drawn with Qt paths (no image files): a time of day
beside each dose (the AHRQ pill card's idea) and the warning triangle."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

# The chart's colours (planner.chart.schedule_chart), so a step block and the chart read as one.
SLOT_TILES = {"morning": "#ffd166", "midday": "#a7c957", "evening": "#4ea8de", "bedtime": "#355070"}
WARN_BORDER = QColor("#b71c1c")


def _sun_rays(path: QPainterPath, cx: float, cy: float, r_in: float, r_out: float, angles) -> None:
    for a in angles:
        rad = math.radians(a)
        path.moveTo(cx + r_in * math.cos(rad), cy - r_in * math.sin(rad))
        path.lineTo(cx + r_out * math.cos(rad), cy - r_out * math.sin(rad))


# The icon's shapes at the origin by (slot, size): a month of the tick chart draws the same
# few icons hundreds of times, and the sun's and moon's path intersections cost more than
# drawing them. draw_slot_icon translates the painter to the icon's corner and draws these.
_SHAPES: dict[tuple[str, float], dict[str, QPainterPath]] = {}


def _build_shapes(slot: str, s: float) -> dict[str, QPainterPath]:
    """The paths of one icon of size s with its top left corner at (0, 0)."""
    cx = s / 2
    shapes: dict[str, QPainterPath] = {}
    if slot in ("morning", "evening"):
        horizon = s * 0.66
        r = s * 0.22
        sun = QPainterPath()
        sun.addEllipse(QPointF(cx, horizon), r, r)
        clip = QPainterPath()
        clip.addRect(QRectF(0, 0, s, horizon))
        shapes["sun"] = sun.intersected(clip)
        rays = QPainterPath()
        _sun_rays(rays, cx, horizon, r * 1.35, r * 1.85, (20, 55, 90, 125, 160))
        shapes["rays"] = rays
        # An arrow under the horizon: the sun coming up, or going down.
        ay0, ay1 = horizon + s * 0.08, horizon + s * 0.26
        arrow = QPainterPath()
        if slot == "morning":
            arrow.moveTo(cx, ay1)
            arrow.lineTo(cx, ay0)
            arrow.moveTo(cx - s * 0.08, ay0 + s * 0.08)
            arrow.lineTo(cx, ay0)
            arrow.lineTo(cx + s * 0.08, ay0 + s * 0.08)
        else:
            arrow.moveTo(cx, ay0)
            arrow.lineTo(cx, ay1)
            arrow.moveTo(cx - s * 0.08, ay1 - s * 0.08)
            arrow.lineTo(cx, ay1)
            arrow.lineTo(cx + s * 0.08, ay1 - s * 0.08)
        shapes["arrow"] = arrow
    elif slot == "midday":
        rays = QPainterPath()
        _sun_rays(rays, cx, s / 2, s * 0.19 * 1.4, s * 0.19 * 2.1, range(0, 360, 45))
        shapes["rays"] = rays
    else:  # bedtime: a crescent moon
        cy = s * 0.52
        r = s * 0.3
        moon = QPainterPath()
        moon.addEllipse(QPointF(cx - s * 0.04, cy), r, r)
        bite = QPainterPath()
        bite.addEllipse(QPointF(cx + s * 0.1, cy - s * 0.08), r * 0.85, r * 0.85)
        shapes["moon"] = moon.subtracted(bite)
    return shapes


def _shapes(slot: str, s: float) -> dict[str, QPainterPath]:
    key = (slot, s)
    shapes = _SHAPES.get(key)
    if shapes is None:
        if len(_SHAPES) > 256:  # sizes come from the page's metrics: a few per printout
            _SHAPES.clear()
        shapes = _SHAPES[key] = _build_shapes(slot, s)
    return shapes


def draw_slot_icon(p: QPainter, slot: str, rect: QRectF) -> None:
    """A picture of the time of day (the AHRQ pill card's idea): sunrise, sun, sunset or
    moon on a tile in the chart's colour for that slot. Drawn with paths, no image files."""
    s = rect.width()
    shapes = _shapes(slot, s)
    p.save()
    p.translate(rect.x(), rect.y())
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(SLOT_TILES.get(slot, "#cccccc")))
    p.drawRoundedRect(QRectF(0, 0, s, rect.height()), s * 0.18, s * 0.18)
    dark = QColor("#3b2a00")
    line = QPen(dark, s * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    cx = s / 2
    if slot in ("morning", "evening"):
        horizon = s * 0.66
        p.setBrush(QColor("#f76707" if slot == "morning" else "#ff922b"))
        p.setPen(QPen(dark, s * 0.04))
        p.drawPath(shapes["sun"])
        p.setPen(line)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(shapes["rays"])
        p.drawLine(QPointF(s * 0.12, horizon), QPointF(s * 0.88, horizon))
        p.drawPath(shapes["arrow"])
    elif slot == "midday":
        p.setPen(line)
        p.drawPath(shapes["rays"])
        p.setPen(QPen(dark, s * 0.04))
        p.setBrush(QColor("#ffd43b"))
        r = s * 0.19
        p.drawEllipse(QPointF(cx, s / 2), r, r)
    else:  # bedtime: a crescent moon and two stars
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#fff3bf"))
        p.drawPath(shapes["moon"])
        for sx, sy, sr in ((0.76, 0.26, 0.055), (0.8, 0.62, 0.04)):
            p.drawEllipse(QPointF(s * sx, s * sy), s * sr, s * sr)
    p.restore()


def warning_triangle(p: QPainter, rect: QRectF) -> None:
    s = rect.width()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    tri = QPainterPath()
    tri.moveTo(rect.x() + s / 2, rect.y() + s * 0.06)
    tri.lineTo(rect.x() + s * 0.97, rect.y() + s * 0.92)
    tri.lineTo(rect.x() + s * 0.03, rect.y() + s * 0.92)
    tri.closeSubpath()
    p.setPen(QPen(WARN_BORDER, s * 0.07, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QColor("#ffd43b"))
    p.drawPath(tri)
    p.setPen(QPen(QColor("#111111"), s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(rect.x() + s / 2, rect.y() + s * 0.36), QPointF(rect.x() + s / 2, rect.y() + s * 0.62))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#111111"))
    p.drawEllipse(QPointF(rect.x() + s / 2, rect.y() + s * 0.77), s * 0.055, s * 0.055)
    p.restore()


__all__ = ["draw_slot_icon", "warning_triangle", "SLOT_TILES"]
