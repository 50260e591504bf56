"""The window's chart's measures: data to pixels and back (Frame), and each text measured and
laid out once (Texts), for planner.app.chart_scene."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText


class Frame:
    """Data to pixels and back: dates across the plot, mg up it."""

    def __init__(self, plot: QRectF, first: date, n_days: int, top: float) -> None:
        self.plot, self.first, self.n_days, self.top = plot, first.toordinal(), n_days, top

    def x(self, d: date) -> float:
        return self.plot.left() + (d.toordinal() - self.first) / self.n_days * self.plot.width()

    def y(self, mg: float) -> float:
        return self.plot.bottom() - mg / self.top * self.plot.height()

    def date_at(self, x: float) -> date:
        return date.fromordinal(self.first + round((x - self.plot.left()) / self.plot.width() * self.n_days))

    def mg_at(self, y: float) -> float:
        mg = (self.plot.bottom() - y) / self.plot.height() * self.top
        return round(mg) if abs(mg - round(mg)) < 1e-6 else mg


class Texts:
    """Each text measured and laid out once per size (the chart says the same words on
    every paint): QStaticText with its size in pixels."""

    def __init__(self, base: QFont) -> None:
        self.base, self._fonts, self._texts = base, {}, {}

    def font(self, pt: float) -> QFont:
        if pt not in self._fonts:
            f = QFont(self.base)
            f.setPointSizeF(pt)
            self._fonts[pt] = f
        return self._fonts[pt]

    def ascent(self, pt: float) -> float:
        return QFontMetricsF(self.font(pt)).ascent()

    def get(self, text: str, pt: float) -> tuple[QStaticText, float, float]:
        key = (text, pt)
        hit = self._texts.get(key)
        if hit is None:
            if len(self._texts) > 2000:  # many languages or plans seen: start again
                self._texts.clear()
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            font = self.font(pt)
            st.prepare(font=font)
            fm = QFontMetricsF(font)
            hit = self._texts[key] = (st, fm.horizontalAdvance(text), fm.height())
        return hit
