"""Painting laid-out pages with Qt: one painter for print preview, a printer and the PDF.

QtMetrics measures text with the device's own fonts (the layout's Metrics); each kind of
block has a paint function here that draws it at its place with the geometry layout found.
Fonts are sized in points and lengths converted at the device's resolution, so a QPrinter
and a QPdfWriter give the same page.
"""

from __future__ import annotations


from contextlib import nullcontext

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from planner.text.catalogue import say, speaking
from planner.export.print_options import PrintOptions
from planner.export.printout.blocks import (
    SMALL,
    Bullet,
    Chart,
    EmergencyBox,
    LabelRow,
    MonthChart,
    PlanCode,
    StepCard,
    StopBox,
    TableRow,
    Text,
    WarningBox,
)
from planner.export.printout.icons import draw_slot_icon, warning_triangle
from planner.export.printout.layout import Box, Page
from planner.export.printout.pill_drawings import draw_picture
from planner.export.printout.painter_month import paint_month
from planner.export.printout.paint_text import GREY, INK, RULE, WARN_BORDER, draw_text
from planner.export.printout.painter_boxes import paint_emergency
from planner.export.printout.painter_code import paint_code
from planner.export.printout.words import page_number

FAMILY = "DejaVu Sans"
LARGE_PRINT_SCALE = 1.4
BODY = 11.0

PHASE_BARS = {"titration": "#7fa7d9", "maintenance": "#86c27d", "taper": "#e0a47a"}
WARN_FILL = QColor("#fdecea")
STOP_BORDER = QColor("#1b5e20")
STOP_FILL = QColor("#eef7ee")
CONTINUE_BORDER = QColor("#0d47a1")
CONTINUE_FILL = QColor("#e8f0fb")
DIALYSIS_INK = QColor("#355070")
HEADER_FILL = QColor("#f1f1f1")
NAMED = {"ink": INK, "grey": GREY, "rule": RULE, "warn": WARN_BORDER, "stop": STOP_BORDER, "dialysis": DIALYSIS_INK}

_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)


class QtMetrics:
    """Fonts and sizes for one device and one set of options (layout.Metrics)."""

    def __init__(self, device: QPagedPaintDevice, options: PrintOptions) -> None:
        self.device = device
        self.k = LARGE_PRINT_SCALE if options.large_print else 1.0
        self.px_per_pt = device.resolution() / 72.0
        self.width = float(device.width())
        self.height = float(device.height())
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        # Wrapped heights measured once: the layout measures a text, the painter measures it
        # again, and a month chart repeats the same few texts in every cell.
        self._heights: dict[tuple[str, float, float, bool], float] = {}

    def pt(self, x: float) -> float:
        return x * self.k * self.px_per_pt

    def font(self, size: float, bold: bool = False) -> QFont:
        key = (size, bold)
        f = self._fonts.get(key)
        if f is None:
            f = QFont(FAMILY)
            f.setPointSizeF(size * self.k)
            f.setBold(bold)
            f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            f.setKerning(False)
            # No "fi"/"fl" ligatures: copied or read-aloud text must say "file", not "ﬁle".
            for tag in ("liga", "clig"):
                f.setFeature(QFont.Tag(tag), 0)
            self._fonts[key] = f
        return f

    def fm(self, size: float, bold: bool = False) -> QFontMetricsF:
        key = (size, bold)
        m = self._metrics.get(key)
        if m is None:
            m = QFontMetricsF(self.font(size, bold), self.device)
            self._metrics[key] = m
        return m

    def line(self, size: float, bold: bool = False) -> float:
        return self.fm(size, bold).lineSpacing()

    def text_w(self, text: str, size: float, bold: bool = False) -> float:
        return self.fm(size, bold).horizontalAdvance(text)

    def text_h(self, text: str, width: float, size: float, bold: bool = False) -> float:
        key = (text, width, size, bold)
        h = self._heights.get(key)
        if h is None:
            r = self.fm(size, bold).boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), _WRAP, text)
            h = self._heights[key] = max(r.height(), self.line(size, bold))
        return h


def _right(p: QPainter, c: QtMetrics, right: float, y: float, w: float, text: str, size: float) -> None:
    """Bold text ending at right (a total, an amount)."""
    p.setFont(c.font(size, True))
    p.setPen(INK)
    p.drawText(QRectF(right - w - c.pt(4), y, w + c.pt(4), c.line(size, True) * 1.5), _RIGHT, text)


def paint_text(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: Text = box.block
    draw_text(p, c, b.indent, y + box.geo["pad"], box.geo["w"], b.text, b.size, b.bold, NAMED[b.colour])


def paint_bullet(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: Bullet = box.block
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    r = c.pt(2.2)
    p.drawEllipse(QPointF(c.pt(6), y + c.fm(b.size).ascent() * 0.62), r, r)
    p.restore()
    draw_text(p, c, box.geo["indent"], y, box.geo["w"], b.text, b.size)


def paint_label_row(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: LabelRow = box.block
    label_w = box.geo["label_w"]
    draw_text(p, c, 0, y, label_w - c.pt(6), b.label, b.size, True)
    draw_text(p, c, label_w, y, box.geo["w"], b.value, b.size)


def paint_warning(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: WarningBox = box.block
    g = box.geo
    border, pad, w, gap = g["border"], g["pad"], g["w"], g["gap"]
    p.save()
    p.setPen(QPen(WARN_BORDER, border, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin))
    p.setBrush(WARN_FILL)
    p.drawRect(QRectF(border / 2, y + border / 2, c.width - border, box.height - border))
    p.restore()
    warning_triangle(p, QRectF(border + pad, y + border + pad, g["icon"], g["icon"]))
    ty = y + border + pad
    ty += draw_text(p, c, g["inner_x"], ty, w, b.title, 15.0, True, WARN_BORDER)
    if b.body:
        ty += gap + draw_text(p, c, g["inner_x"], ty + gap, w, b.body, BODY)
    if b.instead:
        draw_text(p, c, g["inner_x"], ty + gap, w, b.instead, BODY, True)


def paint_step(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: StepCard = box.block
    g = box.geo
    x0, right, inner_w = g["x0"], g["right"], g["inner_w"]
    p.save()
    p.setPen(QPen(RULE, c.pt(0.8)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(0, y, c.width, box.height))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(PHASE_BARS.get(b.phase, "#bbbbbb")))
    p.drawRect(QRectF(0, y, g["bar"], box.height))
    p.restore()
    ty = y + g["pad"]
    draw_text(p, c, x0, ty, inner_w - g["total_w"] - c.pt(12), b.when, g["head"], True)
    _right(p, c, right, ty, g["total_w"], b.total, g["head"])
    ty += g["h_when"]
    draw_text(p, c, x0, ty, inner_w, b.about, SMALL, colour=GREY)
    ty += g["h_sub"] + c.pt(4)
    icon = g["icon"]
    for d, rh, pictures in zip(b.doses, g["rows"], g["pictures"]):
        draw_slot_icon(p, d.slot, QRectF(x0, ty, icon, icon))
        text_y = ty + max(0.0, (icon - c.line(BODY)) / 2)
        draw_text(p, c, x0 + icon + c.pt(8), text_y, g["slot_w"], d.when, BODY, True)
        draw_text(p, c, g["take_x"], text_y, g["take_w"], d.take, BODY)
        p.setFont(c.font(BODY, True))
        p.setPen(INK)
        mg_w = g["mg_w"]
        p.drawText(QRectF(right - mg_w - c.pt(4), text_y, mg_w + c.pt(4), c.line(BODY) * 1.5), _RIGHT, d.amount)
        for spot in pictures:
            draw_picture(p, c.font, spot.picture, spot.x, ty + spot.y, g["picture_h"], g["label_gap"],
                         c.font(BODY, True))
        ty += rh + g["row_gap"]
    if b.dialysis:
        draw_text(p, c, x0, ty, inner_w, b.dialysis, BODY, True, DIALYSIS_INK)
        ty += g["h_dz"]
    if b.tick_labels:
        p.save()
        p.setFont(c.font(SMALL))
        box_px, pitch, label_h = g["box"], g["pitch"], g["label_h"]
        for k, label in enumerate(b.tick_labels):
            r, col = divmod(k, g["per_row"])
            bx = x0 + col * pitch
            by = ty + r * g["tick_row_h"]
            p.setPen(GREY)
            p.drawText(QRectF(bx - c.pt(4), by, box_px + c.pt(8), label_h),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
            p.setPen(QPen(INK, c.pt(0.9)))
            p.setBrush(QColor("white"))
            p.drawRect(QRectF(bx, by + label_h, box_px, box_px))
        p.restore()
    else:
        draw_text(p, c, x0, ty, inner_w, b.every_day, BODY, True)


def paint_stop(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: StopBox = box.block
    border, pad, w = box.geo["border"], box.geo["pad"], box.geo["w"]
    ink, fill = (CONTINUE_BORDER, CONTINUE_FILL) if b.tone == "continue" else (STOP_BORDER, STOP_FILL)
    p.save()
    p.setPen(QPen(ink, border))
    p.setBrush(fill)
    p.drawRect(QRectF(border / 2, y + border / 2, c.width - border, box.height - border))
    p.restore()
    ty = y + border + pad
    ty += draw_text(p, c, border + pad, ty, w, b.main, 12.5, True, ink)
    draw_text(p, c, border + pad, ty + c.pt(3), w, b.sub, SMALL, colour=GREY)


def paint_chart(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    from PySide6.QtSvg import QSvgRenderer

    from planner.export.printout.chart_svg import chart_svg

    b: Chart = box.block
    svg = box.geo.get("svg")
    if svg is None:  # drawn once, however often the page is painted (a preview repaints)
        svg = box.geo["svg"] = chart_svg(b.schedule, *box.geo["inches"], audience=b.audience, scale=c.k)
    QSvgRenderer(svg).render(p, QRectF(0, y, c.width, box.height))


def paint_table_row(p: QPainter, c: QtMetrics, box: Box, y: float) -> None:
    b: TableRow = box.block
    g = box.geo
    widths, pad, icon, size = g["widths"], g["pad"], g["icon"], g["size"]
    x = 0.0
    p.save()
    p.setPen(QPen(RULE, c.pt(0.6)))
    p.setBrush(HEADER_FILL if b.header else Qt.BrushStyle.NoBrush)
    for w in widths:
        p.drawRect(QRectF(x, y, w, box.height))
        x += w
    p.restore()
    x = 0.0
    for k, (t, w) in enumerate(zip(b.cells, widths)):
        tx = x + pad
        if b.header and k >= 2:
            draw_slot_icon(p, b.columns.slots[k - 2], QRectF(tx, y + pad, icon, icon))
            tx += icon + c.pt(4)
        draw_text(p, c, tx, y + pad, x + w - pad - tx, t, size, b.header)
        x += w


PAINTERS = {Text: paint_text, Bullet: paint_bullet, LabelRow: paint_label_row, WarningBox: paint_warning,
            StepCard: paint_step, StopBox: paint_stop, Chart: paint_chart, TableRow: paint_table_row,
            MonthChart: paint_month, EmergencyBox: paint_emergency, PlanCode: paint_code}


def paint_pages(device: QPagedPaintDevice, c: QtMetrics, pages: list[Page], footer_h: float, footer: str,
                handout_language: str | None = None, clinician_from: int | None = None,
                clinician_footer: str = "") -> int:
    """Every page on device, each with its footer; returns the page count. The patient's pages
    (before clinician_from) are painted speaking handout_language; the clinician's, from
    clinician_from, in the window's language with clinician_footer."""
    n = len(pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(say("export.error.cannot-paint"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for i, page in enumerate(pages):
            if i:
                device.newPage()
            theirs = clinician_from is not None and i >= clinician_from
            with speaking(handout_language) if handout_language and not theirs else nullcontext():
                for box, y in page.items:
                    painter.save()
                    PAINTERS[type(box.block)](painter, c, box, y)
                    painter.restore()
                _footer(painter, c, device, footer_h, clinician_footer if theirs else footer, page_number(i + 1, n))
    finally:
        painter.end()
    return n


def _footer(painter: QPainter, c: QtMetrics, device, footer_h: float, footer: str, page_no: str) -> None:
    fy = c.height - footer_h + c.pt(5)
    painter.setPen(QPen(RULE, c.pt(0.6)))
    painter.drawLine(QPointF(0, fy - c.pt(3)), QPointF(c.width, fy - c.pt(3)))
    pw = c.text_w(page_no, SMALL, True) + c.pt(4)
    # One line, shortened if it must be: the footer has room for one line only.
    room = c.width - pw - c.pt(8)
    painter.setFont(c.font(SMALL))
    painter.setPen(GREY)
    short = QFontMetricsF(c.font(SMALL), device).elidedText(footer, Qt.TextElideMode.ElideMiddle, room)
    painter.drawText(QRectF(0, fy, room, c.line(SMALL) * 1.5),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), short)
    painter.setFont(c.font(SMALL, True))
    painter.setPen(INK)
    painter.drawText(QRectF(c.width - pw, fy, pw, c.line(SMALL) * 1.5), _RIGHT, page_no)


__all__ = ["QtMetrics", "draw_text", "paint_pages", "PAINTERS", "FAMILY"]
