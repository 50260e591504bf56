"""Measuring the code on the paper (blocks.PlanCode) for layout: the QR code's module size, its
quiet zone, and where its caption (and, heading the clinician's page, the title) go. Through a
layout.Metrics (layout imports this module); no Qt.

The module size is in millimetres of paper, not scaled for large print: about a 32 mm code,
each module from 0.5 mm (a phone or a hand scanner reads 0.4 mm and up) to 1 mm, snapped to
whole device pixels so each module is the same size. A QR code's largest version (177
modules) is then 93 mm with its quiet zone, which fits any page this prints on, landscape too."""

from __future__ import annotations

from typing import Any

from planner.export.printout.blocks import PlanCode

QUIET = 4  # modules of light margin on every side: the QR standard's quiet zone (ISO/IEC 18004)
TARGET_MM = 32.0  # the code's side with its quiet zone, where the modules can be this big
MIN_MODULE_MM = 0.5
MAX_MODULE_MM = 1.0
GAP_PT = 10.0  # between the code and the words beside it
BESIDE_MIN_PT = 120.0  # narrower beside the code: the words go above (title) or under it (caption)
MM_PER_PT = 25.4 / 72


def module_px(m: Any, modules: int) -> float:
    """A module's side in device pixels, for a code of `modules` modules a side."""
    mm = min(MAX_MODULE_MM, max(MIN_MODULE_MM, TARGET_MM / (modules + 2 * QUIET)))
    px = mm / MM_PER_PT * m.px_per_pt
    whole = round(px)
    # Whole pixels where that keeps the module at least MIN_MODULE_MM (a coarse device keeps px).
    return float(whole) if whole >= MIN_MODULE_MM / MM_PER_PT * m.px_per_pt else px


def code_geometry(m: Any, b: PlanCode) -> tuple[float, dict[str, Any]]:
    """The block's height and what its painter needs, measured with m (a layout.Metrics):
    the code's module, quiet zone, side and place (qx, qy), and each text to draw as
    (x, y, width, text, size, bold, colour name)."""
    top = m.pt(b.top)
    n = len(b.modules)
    module = module_px(m, n) if n else 0.0
    quiet = QUIET * module
    side = n * module + 2 * quiet
    gap = m.pt(GAP_PT) if n else 0.0
    beside = m.width - side - gap
    texts: list[tuple[float, float, float, str, float, bool, str]] = []

    def stack(x: float, y: float, w: float, items) -> float:
        for k, (text, size, bold, colour, after) in enumerate(items):
            texts.append((x, y, w, text, size, bold, colour))
            y += m.text_h(text, w, size, bold) + (m.pt(after) if k + 1 < len(items) else 0.0)
        return y

    caption = (b.caption, b.size, True, "ink", 0.0)
    if b.title:  # heading the clinician's page: the words on the left, the code on the right
        head = [(b.title, b.title_size, True, "ink", 2.0), (b.subtitle, b.subtitle_size, True, "grey", 6.0)]
        if beside >= m.pt(BESIDE_MIN_PT):
            bottom = stack(0.0, top, beside if n else m.width, head + [caption])
            qx, qy = m.width - side, top
            return max(bottom, top + side), _geo(top, module, quiet, side, qx, qy, texts)
        y = stack(0.0, top, m.width, head) + m.pt(6)
        top = y
    if beside >= m.pt(BESIDE_MIN_PT):  # the caption beside the code, level with its first module
        bottom = stack(side + gap, top + quiet, beside, [caption])
        return max(bottom, top + side), _geo(top, module, quiet, side, 0.0, top, texts)
    bottom = stack(0.0, top + side, m.width, [caption])  # under it
    return bottom, _geo(top, module, quiet, side, 0.0, top, texts)


def _geo(top, module, quiet, side, qx, qy, texts) -> dict[str, Any]:
    return dict(top=top, module=module, quiet=quiet, side=side, qx=qx, qy=qy, texts=texts)


__all__ = ["code_geometry", "module_px", "QUIET"]
