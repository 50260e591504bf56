"""The unit pictures of a dose line drawn with Qt paths (vector in the PDF): a two-part
capsule, an oval tablet (its score line if scored; a half as half, beside the dashed outline
of its other half), each with its strength written large; an oral syringe with its mL marks,
filled to the dose. Neutral outlines only: a maker's colours would mislead (they differ)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from planner.export.printout.unit_pictures import Picture

INK = QColor("#111111")
CAP_FILL = QColor("#d6d6d6")  # the capsule's cap: a neutral grey, not a maker's colour
LIQUID = QColor("#b9cde3")
GHOST = QColor("#8a8a8a")
STRENGTH_PT = 10.0  # the font asked for the strength (its family and weight)
STRENGTH_SHARE = 0.52  # the strength's font size, as a share of the picture's height
MARK_PT = 6.5  # the numbers under a syringe's marks


def draw_picture(p: QPainter, font, pic: Picture, x: float, y: float, h: float, label_gap: float,
                 label_font: QFont) -> None:
    """One picture at (x, y), h pixels high, and its label ('× 4', '6 mL') after it.
    font(size_pt, bold) is the printout's font for a size in points (scaled for large print)."""
    w = pic.width * h
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if pic.kind == "syringe":
        _syringe(p, font, pic, QRectF(x, y, w, h))
    elif pic.kind == "capsule":
        _capsule(p, font, pic, QRectF(x, y, w, h))
    else:
        _tablet(p, font, pic, QRectF(x, y, w, h))
    if pic.label:
        f = _pixel_font(p, label_font)
        _path_text(p, f, pic.label, x + w + label_gap, y + h / 2 + QFontMetricsF(f).capHeight() / 2)
    p.restore()


def _pixel_font(p: QPainter, font: QFont) -> QFont:
    """font sized in the device's pixels: text drawn as a path is outlined at the font's
    pixel size whatever the device."""
    f = QFont(font)
    f.setPixelSize(max(1, round(font.pointSizeF() * p.device().logicalDpiY() / 72)))
    return f


def _path_text(p: QPainter, f: QFont, text: str, x: float, baseline: float, centred: bool = False) -> None:
    """Words on a picture drawn as outlines, not as text: the PDF's text (copied, read aloud,
    checked) stays the dose line's own words, without '× 6' or a syringe's scale repeated."""
    if centred:
        x -= QFontMetricsF(f).horizontalAdvance(text) / 2
    path = QPainterPath()
    path.addText(QPointF(x, baseline), f, text)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPath(path)


def _strength(p: QPainter, font, text: str, centre: QPointF, room: float, height: float,
              halo: bool = False) -> None:
    """The strength, bold, as large as fits in room pixels; with a white halo where it crosses
    a score line."""
    # A path is outlined at the font's pixel size, whatever the device: size it in pixels.
    f = QFont(font(STRENGTH_PT, True))
    px = height * STRENGTH_SHARE
    f.setPixelSize(max(1, round(px)))
    fm = QFontMetricsF(f)
    w = fm.horizontalAdvance(text)
    if w > room:
        f.setPixelSize(max(1, int(px * room / w)))
        fm = QFontMetricsF(f)
        w = fm.horizontalAdvance(text)
    path = QPainterPath()
    path.addText(QPointF(centre.x() - w / 2, centre.y() + fm.capHeight() / 2), f, text)
    if halo:
        p.setPen(QPen(QColor("white"), fm.height() * 0.22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawPath(path)


def _outline(h: float) -> QPen:
    return QPen(INK, h * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def _capsule(p: QPainter, font, pic: Picture, r: QRectF) -> None:
    h = r.height()
    body = r.adjusted(h * 0.04, h * 0.1, -h * 0.04, -h * 0.1)
    shape = QPainterPath()
    shape.addRoundedRect(body, body.height() / 2, body.height() / 2)
    seam = body.x() + body.width() * 0.36
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawPath(shape)
    cap = QPainterPath()
    cap.addRect(QRectF(body.x(), body.y(), seam - body.x(), body.height()))
    p.setBrush(CAP_FILL)
    p.drawPath(shape.intersected(cap))
    p.setPen(_outline(h))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(shape)
    p.drawLine(QPointF(seam, body.top()), QPointF(seam, body.bottom()))
    room = body.right() - seam - body.height() * 0.35
    _strength(p, font, str(pic.strength_mg), QPointF((seam + body.right() - body.height() * 0.15) / 2,
                                                     body.center().y()), room, h)


def _tablet(p: QPainter, font, pic: Picture, r: QRectF) -> None:
    h = r.height()
    oval = r.adjusted(h * 0.04, h * 0.08, -h * 0.04, -h * 0.08)
    shape = QPainterPath()
    shape.addEllipse(oval)
    mid = oval.center().x()
    if pic.half:
        # The half to swallow, and the dashed outline of the other half (kept for the next dose).
        keep = QPainterPath()
        keep.addRect(QRectF(oval.x() - h, oval.y() - h, mid - oval.x() + h, oval.height() + 2 * h))
        half = shape.intersected(keep)
        ghost = shape.subtracted(keep)
        p.setPen(QPen(GHOST, h * 0.035, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(ghost)
        p.setPen(_outline(h))
        p.setBrush(QColor("white"))
        p.drawPath(half)
        _strength(p, font, str(pic.strength_mg), QPointF((oval.x() + mid) / 2 + h * 0.05, oval.center().y()),
                  (mid - oval.x()) * 0.78, h)
        return
    p.setPen(_outline(h))
    p.setBrush(QColor("white"))
    p.drawPath(shape)
    if pic.scored:
        p.setPen(QPen(INK, h * 0.04))
        p.drawLine(QPointF(mid, oval.top()), QPointF(mid, oval.bottom()))
    _strength(p, font, str(pic.strength_mg), oval.center(), oval.width() * 0.7, h, halo=pic.scored)


def _syringe(p: QPainter, font, pic: Picture, r: QRectF) -> None:
    """Tip on the left, the barrel with its marks (0 at the tip), the plunger's stopper at the
    dose's mark and the liquid before it, the rod and thumb rest on the right."""
    from planner.domain.liquid import load_syringes

    h = r.height()
    cap = pic.syringe_ml or 10
    interval = Decimal(1)
    syringe = load_syringes().get(cap)
    if syringe is not None:
        interval = syringe.interval_ml
    top, bottom = r.y() + h * 0.04, r.y() + h * 0.58
    mid = (top + bottom) / 2
    tip_w = h * 0.35
    x0 = r.x() + tip_w  # the 0 mL mark
    x1 = r.right() - h * 0.9  # the full mark
    barrel_end = x1 + h * 0.12
    per_ml = (x1 - x0) / cap
    fill_x = x0 + float(pic.fill_ml) * per_ml
    pen = _outline(h * 0.7)
    # the liquid, then the outline over it
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(LIQUID)
    p.drawRect(QRectF(x0, top, fill_x - x0, bottom - top))
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(x0, top, barrel_end - x0, bottom - top))
    tip = QRectF(r.x() + h * 0.04, mid - h * 0.08, tip_w - h * 0.04, h * 0.16)
    p.setBrush(LIQUID)
    p.drawRect(tip)
    p.drawLine(QPointF(barrel_end, top - h * 0.05), QPointF(barrel_end, bottom + h * 0.05))  # finger grip
    # the stopper at the dose, the rod out to the thumb rest
    p.setBrush(INK)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(QRectF(fill_x, top + h * 0.02, h * 0.1, bottom - top - h * 0.04))
    p.setPen(pen)
    thumb = r.right() - h * 0.1
    p.drawLine(QPointF(fill_x + h * 0.1, mid), QPointF(thumb, mid))
    p.drawLine(QPointF(thumb, top), QPointF(thumb, bottom))
    # the marks: a long one each mL, a short one each interval; numbers under the whole mL
    p.setPen(QPen(INK, h * 0.025))
    steps = int(Decimal(cap) / interval)
    f = _pixel_font(p, font(MARK_PT, False))
    cap_h = QFontMetricsF(f).capHeight()
    for k in range(steps + 1):
        ml = interval * k
        x = x0 + float(ml) * per_ml
        whole = ml == ml.to_integral_value()
        p.drawLine(QPointF(x, top), QPointF(x, top + (bottom - top) * (0.5 if whole else 0.28)))
        numbered = whole and (cap <= 5 or int(ml) % 2 == 0) and ml > 0
        if numbered:
            _path_text(p, f, str(int(ml)), x, bottom + h * 0.06 + cap_h, centred=True)
            p.setPen(QPen(INK, h * 0.025))
    # the dose's mark, bold, so the line to draw up to stands out
    p.setPen(QPen(INK, h * 0.06))
    p.drawLine(QPointF(fill_x, top - h * 0.05), QPointF(fill_x, bottom + h * 0.05))


__all__ = ["draw_picture"]
