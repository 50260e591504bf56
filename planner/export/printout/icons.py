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
# drawing them. draw_slot_icon moves these to the icon's corner.
_SHAPES: dict[tuple[str, float], dict] = {}


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


def _shapes(slot: str, s: float) -> dict:
    key = (slot, s)
    shapes = _SHAPES.get(key)
    if shapes is None:
        if len(_SHAPES) > 256:  # sizes come from the page's metrics: a few per printout
            _SHAPES.clear()
        shapes = _SHAPES[key] = _kit(slot, s)
    return shapes


_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_ANTIALIAS = QPainter.RenderHint.Antialiasing


def _kit(slot: str, s: float) -> dict:
    """What one icon of size s is drawn with: its paths at the origin, pens and fills."""
    dark = QColor("#3b2a00")
    kit: dict = {**_build_shapes(slot, s), "tile": QColor(SLOT_TILES.get(slot, "#cccccc")),
                 "line": QPen(dark, s * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap),
                 "thin": QPen(dark, s * 0.04)}
    if slot in ("morning", "evening"):
        kit["fill"] = QColor("#f76707" if slot == "morning" else "#ff922b")
    elif slot == "midday":
        kit["fill"] = QColor("#ffd43b")
    else:
        kit["fill"] = QColor("#fff3bf")
    return kit


def draw_slot_icon(p: QPainter, slot: str, rect: QRectF) -> None:
    """A picture of the time of day (the AHRQ pill card's idea): sunrise, sun, sunset or
    moon on a tile in the chart's colour for that slot. Drawn with paths, no image files."""
    s = rect.width()
    x0, y0 = rect.x(), rect.y()
    kit = _shapes(slot, s)
    # The cached paths are moved to the icon (not the painter), so the page holds the same
    # coordinates as when every icon built its own paths.
    p.save()
    p.setRenderHint(_ANTIALIAS, True)
    p.setPen(_NO_PEN)
    p.setBrush(kit["tile"])
    p.drawRoundedRect(rect, s * 0.18, s * 0.18)
    if slot in ("morning", "evening"):
        horizon = y0 + s * 0.66
        p.setBrush(kit["fill"])
        p.setPen(kit["thin"])
        p.drawPath(kit["sun"].translated(x0, y0))
        p.setPen(kit["line"])
        p.setBrush(_NO_BRUSH)
        p.drawPath(kit["rays"].translated(x0, y0))
        p.drawLine(QPointF(x0 + s * 0.12, horizon), QPointF(x0 + s * 0.88, horizon))
        p.drawPath(kit["arrow"].translated(x0, y0))
    elif slot == "midday":
        p.setPen(kit["line"])
        p.drawPath(kit["rays"].translated(x0, y0))
        p.setPen(kit["thin"])
        p.setBrush(kit["fill"])
        r = s * 0.19
        p.drawEllipse(QPointF(x0 + s / 2, y0 + s / 2), r, r)
    else:  # bedtime: a crescent moon and two stars
        p.setPen(_NO_PEN)
        p.setBrush(kit["fill"])
        p.drawPath(kit["moon"].translated(x0, y0))
        for sx, sy, sr in ((0.76, 0.26, 0.055), (0.8, 0.62, 0.04)):
            p.drawEllipse(QPointF(x0 + s * sx, y0 + s * sy), s * sr, s * sr)
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
