"""The window's chart laid out in pixels and painted with QPainter, from the ChartModel the
paper's matplotlib chart also draws (planner.chart.chart_model): the same bands, total line,
markers, phases, limits and legend, in the paper's colours and sizes (planner.chart.style).

Laid out once per model and size (layout), painted as often as Qt asks (paint): a paint
walks a few prepared polygons and texts, one point per step, never one per day, and every
text is measured once (QStaticText, cached by text and size). What paint draws is recorded
as it draws it, in pixels, so a test can read it back in dates and mg (chart_view.drawn)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF

from planner.app.chart_measure import Frame, Texts

from planner.chart.chart_model import (EMPTY_DAYS, ChartModel, limit_label, phase_label_fits, place_limit_labels,
                                       wrap_balanced)
from planner.chart.style import (INVALID_ALPHA, LABEL_FONT, LABEL_WRAP, LEGEND_FONT, LIMIT_STYLES, MARGINS_PT,
                                 PHASE_COLOURS, SLOT_COLOURS, TOTAL_COLOUR)
from planner.chart.ticks import date_ticks, day_month_label, mg_ticks
from planner.domain.plan import SLOTS

TICK_FONT, TITLE_FONT, AXIS_FONT, MESSAGE_FONT, INVALID_FONT = 8, 11, 10, 10, 9.5  # points, as on paper
TICK_PT, PAD_PT = 3.5, 3.5  # tick length and the gap to its label
_BLACK, _WHITE, _GRID = QColor("#000000"), QColor("#ffffff"), QColor("#d0d0d0")
_PHASE_TEXT, _MESSAGE, _BOX_TEXT = QColor("#555555"), QColor("#444444"), QColor("#222222")
_BOX_FILL, _BOX_EDGE = QColor("#fff6d6"), QColor("#b08800")
_TOTAL = QColor(TOTAL_COLOUR)


def _words(lim) -> list[str]:
    return _label_words(lim.text, lim.off_scale)


@lru_cache(maxsize=256)
def _label_words(text: str, off_scale: bool) -> list[str]:
    return limit_label(text, off_scale, 10_000).replace("\n", " ").split(" ")


def lx_end(legend: list, texts: Texts, pt: float) -> float:
    """Where the legend's last entry ends, in pixels."""
    key, word, x, handle, _ = legend[-1]
    return x + (handle + 4) * pt + texts.get(word, LEGEND_FONT)[1]


def _pen(colour, width_px: float, dashes=None) -> QPen:
    pen = QPen(QColor(colour), width_px)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dashes is not None:
        pen.setDashPattern(list(dashes))  # in line widths, as matplotlib scales its dashes
    return pen


class ChartScene:
    """One model laid out at one size: made by layout(), drawn by paint()."""

    def __init__(self, model: ChartModel | None, width: int, height: int, px_per_pt: float, texts: Texts,
                 invalid_reason: str | None, dpr: float = 1.0) -> None:
        self.model, self.texts, self.pt, self.dpr = model, texts, px_per_pt, dpr
        self._stamp = None
        self.invalid = invalid_reason
        self.width, self.height = width, height
        self.layout()

    # --- layout: everything in pixels, once -------------------------------------------------

    def layout(self) -> None:
        pt, m, model, texts = self.pt, MARGINS_PT, self.model, self.texts
        width_pt = self.width / pt
        # The paper's margins; on a narrow chart (a small window) a narrower right margin,
        # its labels wrapped to fit, so the axes keep most of the room.
        right_pt = m["right"] if width_pt >= 520 else max(80.0, min(m["right"], width_pt * 0.3), self._widest_word())
        # Too narrow even for that (a splitter dragged nearly shut): the axes without the labels.
        self.margin_labels = width_pt - m["left"] - right_pt >= 100
        if not self.margin_labels:
            right_pt = 10.0
        left = m["left"] * pt
        self.title_lines = self._title_lines(model.title if model is not None else "", left)
        # On a narrow chart the title and legend start at the widget's edge, not the axes'.
        self.text_left = left if width_pt >= 520 else 6 * pt
        legend_w = self.width - self.text_left - 6 * pt  # the legend may run into the right margin, as on paper
        self.legend, rows, x = [], 1, 0.0
        for key, word in (model.legend if model is not None and not model.empty else ()):
            handle = 14 if key in SLOTS else 18
            w = (handle + 4) * pt + texts.get(word, LEGEND_FONT)[1]
            if x and x + w > legend_w:  # too narrow for one row: another row below
                rows, x = rows + 1, 0.0
            self.legend.append((key, word, self.text_left + x, handle, rows))
            x += w + 12 * pt
        title_h = texts.get("Hg", TITLE_FONT)[2]
        top = m["top"] * pt + (rows - 1) * 14 * pt + (len(self.title_lines) - 1) * title_h
        self.legend = [(key, word, lx, handle, top - (7 + 14 * (rows - row)) * pt)
                       for key, word, lx, handle, row in self.legend]
        plot = QRectF(left, top, self.width - left - right_pt * pt, self.height - top - m["bottom"] * pt)
        self.fits = plot.width() > 4 and plot.height() > 4  # squeezed smaller than its margins: no axes
        if model is None:
            first, n_days, y_top = date.today(), EMPTY_DAYS, 1.0
        else:
            first, n_days, y_top = model.first, max(model.n_days, 1), model.y_top
        self.frame = f = Frame(plot, first, n_days, y_top)
        self.data = model is not None and not model.empty
        self.box_lines = self._box_lines(plot if self.fits else QRectF(0, 0, self.width, self.height))
        if not self.fits:
            return
        months = self._months()
        self.x_ticks = self._thin([(f.x(d), day_month_label(d, months)) for d in
                                   date_ticks(first, first + timedelta(days=n_days), plot.width() / pt)])
        self.y_ticks = [(f.y(mg), str(mg)) for mg in mg_ticks(y_top)] if self.data else []
        if not self.data:
            return
        self.phases = []
        for run in model.phases:
            rect = QRectF(QPointF(f.x(run.start), plot.top()), QPointF(f.x(run.end), plot.bottom()))
            # The paper's rule, and room for the word as this font draws it.
            shown = phase_label_fits(rect.width() / pt, run.word, LABEL_FONT) and \
                rect.width() >= texts.get(run.word, LABEL_FONT)[1] + 6 * pt
            self.phases.append((run, rect, shown))
        xs = [f.x(d) for d in model.edges]
        spans = list(zip(xs, xs[1:]))
        bottom, per_mg = plot.bottom(), plot.height() / y_top  # Frame.y, inlined: a point a step, four bands

        def steps(values, backwards=False):
            pts = [(QPointF(a, bottom - v * per_mg), QPointF(b, bottom - v * per_mg)) for (a, b), v in zip(spans, values)]
            return [q for pair in reversed(pts) for q in reversed(pair)] if backwards else [q for pair in pts for q in pair]

        self.bands = [(band.slot, QPolygonF(steps(band.upper) + steps(band.lower, True))) for band in model.bands]
        self.total = QPolygonF(steps(model.totals))
        self.marks = [QPointF(f.x(d), f.y(mg)) for d, mg in model.marks]
        self.limit_lines = [(lim.kind, f.y(lim.mg)) for lim in model.limits if not lim.off_scale]
        line_pt = max(LABEL_FONT * 1.2, texts.get("Hg", LABEL_FONT)[2] / pt)
        self.line_px = line_pt * pt
        labels = {lim.kind: self._fit_label(lim, (right_pt - 14) * pt) for lim in model.limits}
        # Labels climb above the axes only where the legend leaves room.
        clear = rows == 1 and (not self.legend or lx_end(self.legend, texts, pt) < plot.right())
        ceiling = plot.height() / pt + (14 if clear else 0)
        self.limit_labels = [(lim.kind, labels[lim.kind].split("\n"), plot.bottom() - line_y * pt,
                              plot.bottom() - y * pt, lim.off_scale)
                             for lim, line_y, y in place_limit_labels(model, plot.height() / pt, line_pt, labels, ceiling)
                             if self.margin_labels]

    def _title_lines(self, title: str, left: float) -> list[str]:
        """The title on one line, or two (the doses, then the dates) if the chart is narrow,
        cut short with an ellipsis only if even that does not fit."""
        room = self.width - (left if self.width / self.pt >= 520 else 6 * self.pt) - 4 * self.pt
        if not title or self.texts.get(title, TITLE_FONT)[1] <= room:
            return [title] if title else []
        lines = [part.strip() for part in title.split("   ")] if "   " in title else [title]
        fm = QFontMetricsF(self.texts.font(TITLE_FONT))
        return [fm.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]

    def _widest_word(self) -> float:
        """The widest word of the limit labels, in points, with the room before it (a word is
        never broken)."""
        words = {w for lim in (self.model.limits if self.model is not None else ()) for w in _words(lim)}
        return max((self.texts.get(w, LABEL_FONT)[1] / self.pt + 14 for w in words), default=0.0)

    def _fit_label(self, lim, room: float) -> str:
        """The model's label if it fits the margin, else wrapped narrower until it does."""
        label, chars = lim.label, LABEL_WRAP
        longest = max(len(w) for w in _words(lim))  # never break a word (nor "1800 mg/day")
        while chars - 2 >= longest and max(self.texts.get(line, LABEL_FONT)[1] for line in label.split("\n")) > room:
            chars -= 2
            label = limit_label(lim.text, lim.off_scale, chars)
        return label

    def _box_lines(self, area: QRectF) -> list[str]:
        """The reason the chart is greyed, wrapped to fit the yellow box inside the area."""
        if self.invalid is None:
            return []
        chars = 70
        lines = wrap_balanced(self.invalid, chars).split("\n")
        room = area.width() - 2 * (0.6 * INVALID_FONT + 4) * self.pt
        while chars > 20 and max(self.texts.get(line, INVALID_FONT)[1] for line in lines) > room:
            chars -= 5
            lines = wrap_balanced(self.invalid, chars).split("\n")
        return lines

    def _thin(self, ticks: list[tuple[float, str]]) -> list[tuple[float, str]]:
        """Every tick whose label has room; else every second, third, ... (narrow axes)."""
        widths = [self.texts.get(label, TICK_FONT)[1] for _, label in ticks]
        gap = 3 * self.pt
        for k in range(1, len(ticks) + 1):
            kept = list(range(0, len(ticks), k))
            if all(ticks[b][0] - widths[b] / 2 - (ticks[a][0] + widths[a] / 2) >= gap for a, b in zip(kept, kept[1:])):
                return [ticks[i] for i in kept]
        return ticks[:1]

    def _months(self) -> tuple[str, ...]:
        from planner.text.dates import month_names

        return month_names()

    # --- paint: a walk over what layout made -------------------------------------------------

    def paint(self, p: QPainter, drawn: list) -> None:
        """Paint the chart and append what was drawn (in pixels) to drawn."""
        p.fillRect(QRectF(0, 0, self.width, self.height), _WHITE)
        # The bands and spans fill whole pixels, crisp (as matplotlib snaps them) and faster;
        # the lines are smoothed.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        model, f, pt = self.model, self.frame, self.pt
        if self.title_lines:
            # The last line's baseline 20 pt above the axes (and any legend rows), as set_title(pad=20).
            rows = len({y for *_, y in self.legend}) or 1
            baseline = f.plot.top() - (20 + 14 * (rows - 1)) * pt
            p.setPen(_BLACK)
            p.setFont(self.texts.font(TITLE_FONT))
            for i, line in enumerate(reversed(self.title_lines)):
                st, w, h = self.texts.get(line, TITLE_FONT)
                p.drawStaticText(QPointF(self.text_left, baseline - i * h - self.texts.ascent(TITLE_FONT)), st)
            drawn.append(("title", "   ".join(self.title_lines)))
        if not self.fits:
            self._paint_invalid(p, drawn)
            return
        plot = f.plot
        dim = INVALID_ALPHA if self.invalid is not None else 1.0
        if self.data:
            p.save()
            p.setOpacity(dim)
            p.setClipRect(plot)
            for run, rect, _ in self.phases:
                p.fillRect(rect, QColor(PHASE_COLOURS[run.phase]))
                drawn.append(("phase", run.phase, rect))
            p.restore()
        self._paint_grid(p)
        if self.data:
            self._paint_data(p, drawn, dim)
        self._paint_axes(p)
        if model is not None and model.message is not None:
            p.setOpacity(dim)
            self._centred(p, [model.message], MESSAGE_FONT, _MESSAGE)
            p.setOpacity(1.0)
            drawn.append(("message", model.message))
        self._paint_invalid(p, drawn)

    def _paint_grid(self, p: QPainter) -> None:
        plot = self.frame.plot
        p.setPen(_pen(_GRID, 0.5 * self.pt))
        for y, _ in self.y_ticks:
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _paint_data(self, p: QPainter, drawn: list, dim: float) -> None:
        f, pt, plot = self.frame, self.pt, self.frame.plot
        p.save()
        p.setOpacity(dim)
        p.setClipRect(plot)
        for run, rect, shown in self.phases:  # the phase's word at the top of its span
            if shown:
                self._text(p, run.word, LABEL_FONT, _PHASE_TEXT, rect.center().x(), plot.top() + 0.015 * plot.height(),
                           "center", "top")
                drawn.append(("phase-label", run.phase, run.word))
        edge = QPen(_WHITE, 0.4 * pt)
        for slot, polygon in self.bands:
            p.setPen(edge)
            p.setBrush(QBrush(QColor(SLOT_COLOURS[slot])))
            p.drawPolygon(polygon)
            drawn.append(("band", slot, polygon))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for kind, y in self.limit_lines:
            style = LIMIT_STYLES[kind]
            a, b = QPointF(plot.left(), y), QPointF(plot.right(), y)
            dashes = style["linestyle"][1] if isinstance(style["linestyle"], tuple) else None
            if self.invalid is None:  # a white edge keeps the line readable over the dark bedtime band
                # dashed as its line (as matplotlib's stroke is), so it hides no other line between dashes
                edge_dashes = None if dashes is None else [d * style["linewidth"] / 3 for d in dashes]
                p.setPen(_pen(_WHITE, 3 * pt, edge_dashes))
                p.drawLine(a, b)
            p.setPen(_pen(style["color"], style["linewidth"] * pt, dashes))
            p.drawLine(a, b)
            drawn.append(("limit", kind, y))
        total = _pen(_TOTAL, 1.8 * pt)
        total.setCapStyle(Qt.PenCapStyle.SquareCap)
        p.setPen(total)
        p.drawPolyline(self.total)
        drawn.append(("total", self.total))
        p.setClipping(False)  # the markers may stand over the axes' edge, as on paper
        stamp, half = self._marker()
        for point in self.marks:  # one marker drawn once, stamped at each change
            p.drawPixmap(QPointF(point.x() - half, point.y() - half), stamp)
            drawn.append(("mark", point))
        self._paint_margin_labels(p, drawn)
        self._paint_legend(p, drawn)
        p.restore()

    def _marker(self) -> tuple[QPixmap, float]:
        """The dose-change marker (white, dark edge) as a pixmap at the screen's pixel ratio,
        and half its size."""
        if self._stamp is None:
            pt, dpr = self.pt, self.dpr
            half = 1.75 * pt + 1.1 * pt / 2 + 1
            size = math.ceil(2 * half * dpr)
            stamp = QPixmap(size, size)
            stamp.setDevicePixelRatio(dpr)
            stamp.fill(Qt.GlobalColor.transparent)
            q = QPainter(stamp)
            q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            q.setPen(QPen(_TOTAL, 1.1 * pt))
            q.setBrush(_WHITE)
            c = size / dpr / 2
            q.drawEllipse(QPointF(c, c), 1.75 * pt, 1.75 * pt)
            q.end()
            self._stamp = (stamp, c)
        return self._stamp

    def _paint_margin_labels(self, p: QPainter, drawn: list) -> None:
        pt, right = self.pt, self.frame.plot.right()
        for kind, lines, line_y, y, off in self.limit_labels:
            colour = LIMIT_STYLES[kind]["color"]
            if not off:
                p.setPen(_pen(colour, 0.7 * pt))
                p.drawPolyline(QPolygonF([QPointF(right, line_y), QPointF(right + 3 * pt, line_y),
                                          QPointF(right + 7 * pt, y)]))
            top = y - len(lines) * self.line_px / 2
            for i, line in enumerate(lines):
                self._text(p, line, LABEL_FONT, QColor(colour), right + 9 * pt, top + i * self.line_px, "left", "top")
            drawn.append(("limit-label", kind, "\n".join(lines)))

    def _paint_legend(self, p: QPainter, drawn: list) -> None:
        pt = self.pt
        for key, word, x, handle, y in self.legend:
            if key in SLOTS:
                p.fillRect(QRectF(x, y - 4 * pt, 14 * pt, 8 * pt), QColor(SLOT_COLOURS[key]))
            elif key == "total":
                p.setPen(_pen(_TOTAL, 1.8 * pt))
                p.drawLine(QPointF(x, y), QPointF(x + 18 * pt, y))
            else:
                p.setPen(QPen(_TOTAL, 1.1 * pt))
                p.setBrush(_WHITE)
                p.drawEllipse(QPointF(x + 9 * pt, y), 1.75 * pt, 1.75 * pt)
            self._text(p, word, LEGEND_FONT, _BLACK, x + (handle + 4) * pt, y, "left", "center")
            drawn.append(("legend", key, word))

    def _paint_axes(self, p: QPainter) -> None:
        f, pt, plot = self.frame, self.pt, self.frame.plot
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(_pen(_BLACK, 0.8 * pt))
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        tick, pad = TICK_PT * pt, PAD_PT * pt
        for x, label in self.x_ticks:
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick))
        for y, label in self.y_ticks:
            p.drawLine(QPointF(plot.left() - tick, y), QPointF(plot.left(), y))
        for x, label in self.x_ticks:
            self._text(p, label, TICK_FONT, _BLACK, x, plot.bottom() + tick + pad, "center", "top")
        for y, label in self.y_ticks:
            self._text(p, label, TICK_FONT, _BLACK, plot.left() - tick - pad, y, "right", "center")
        if self.model is not None:  # the axis label, read upwards, 40 pt left of the axis
            st, w, h = self.texts.get(self.model.y_label, AXIS_FONT)
            p.save()
            p.translate(plot.left() - 40 * pt, plot.center().y())
            p.rotate(-90)
            p.setPen(_BLACK)
            p.setFont(self.texts.font(AXIS_FONT))
            p.drawStaticText(QPointF(-w / 2, -h), st)
            p.restore()

    def _paint_invalid(self, p: QPainter, drawn: list) -> None:
        if self.invalid is None:
            return
        lines = self.box_lines
        self._centred(p, lines, INVALID_FONT, _BOX_TEXT, box=True)
        drawn.append(("invalid", "\n".join(lines)))

    def _centred(self, p: QPainter, lines: list[str], size: float, colour: QColor, box: bool = False) -> None:
        """Lines centred on the plot (on the widget if it has no room for one)."""
        area = self.frame.plot if self.fits else QRectF(0, 0, self.width, self.height)
        sizes = [self.texts.get(line, size) for line in lines]
        w = max(s[1] for s in sizes)
        h = sum(s[2] for s in sizes)
        top = area.center().y() - h / 2
        if box:
            pad = 0.6 * size * self.pt
            rect = QRectF(area.center().x() - w / 2 - pad, top - pad, w + 2 * pad, h + 2 * pad)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(_BOX_EDGE, 1.0 * self.pt))
            p.setBrush(_BOX_FILL)
            p.drawRoundedRect(rect, pad, pad)
        for line, (_, _, lh) in zip(lines, sizes):
            self._text(p, line, size, colour, area.center().x(), top, "center", "top")
            top += lh

    def _text(self, p: QPainter, text: str, size: float, colour: QColor, x: float, y: float, ha: str, va: str) -> None:
        st, w, h = self.texts.get(text, size)
        x -= {"left": 0, "center": w / 2, "right": w}[ha]
        y -= {"top": 0, "center": h / 2}[va]
        p.setPen(colour)
        p.setFont(self.texts.font(size))  # a static text is drawn in the painter's font
        p.drawStaticText(QPointF(x, y), st)
