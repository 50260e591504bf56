"""What every painter of the printout shares: the ink colours and wrapped text at a place.
Its own module so that painter.py and the painters it calls (painter_month) use one copy."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

INK = QColor("#111111")
GREY = QColor("#555555")
RULE = QColor("#9a9a9a")
WARN_BORDER = QColor("#b71c1c")  # the warnings' red: the taper warning's border, the emergency box


def draw_text(p: QPainter, c, x: float, y: float, w: float, text: str, size: float, bold: bool = False,
              colour: QColor = INK, align=Qt.AlignmentFlag.AlignLeft) -> float:
    """Wrapped text at (x, y) in width w (c: painter.QtMetrics); returns its height."""
    h = c.text_h(text, w, size, bold)
    p.setFont(c.font(size, bold))
    p.setPen(colour)
    flags = _FLAGS.get(align)
    if flags is None:  # Qt's flag arithmetic costs more than drawing a short text: once per alignment
        flags = _FLAGS[align] = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    # A little more room than measured, so rounding on the device never drops a last line.
    p.drawText(QRectF(x, y, w, h + c.line(size)), flags, text)
    return h


_FLAGS: dict = {}


__all__ = ["INK", "GREY", "RULE", "WARN_BORDER", "draw_text"]
