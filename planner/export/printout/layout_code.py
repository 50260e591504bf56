"""Measuring the code on the paper (blocks.PlanCode) for layout: the QR code's module size, its
quiet zone and where the caption goes. Through a layout.Metrics (layout imports this module);
no Qt.

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
GAP_PT = 10.0  # between the code and its caption
CAPTION_MIN_PT = 120.0  # narrower beside the code: the caption goes under it
MM_PER_PT = 25.4 / 72


def module_px(m: Any, modules: int) -> float:
    """A module's side in device pixels, for a code of `modules` modules a side."""
    mm = min(MAX_MODULE_MM, max(MIN_MODULE_MM, TARGET_MM / (modules + 2 * QUIET)))
    px = mm / MM_PER_PT * m.px_per_pt
    whole = round(px)
    # Whole pixels where that keeps the module at least MIN_MODULE_MM (a coarse device keeps px).
    return float(whole) if whole >= MIN_MODULE_MM / MM_PER_PT * m.px_per_pt else px


def code_geometry(m: Any, b: PlanCode) -> tuple[float, dict[str, Any]]:
    """The block's height and what its painter needs, measured with m (a layout.Metrics)."""
    top = m.pt(b.top)
    if not b.modules:  # too long for a code: the caption alone
        return top + m.text_h(b.caption, m.width, b.size, True), dict(top=top, side=0.0, module=0.0, quiet=0.0,
                                                                       cx=0.0, cy=top, cw=m.width)
    n = len(b.modules)
    module = module_px(m, n)
    quiet = QUIET * module
    side = n * module + 2 * quiet
    gap = m.pt(GAP_PT)
    cw = m.width - side - gap
    if cw >= m.pt(CAPTION_MIN_PT):  # beside the code, level with its first module
        ch = m.text_h(b.caption, cw, b.size, True)
        height = top + max(side, quiet + ch)
        cx, cy = side + gap, top + quiet
    else:  # under it, from the code's left edge
        cw = m.width
        ch = m.text_h(b.caption, cw, b.size, True)
        height = top + side + ch
        cx, cy = 0.0, top + side
    return height, dict(top=top, side=side, module=module, quiet=quiet, cx=cx, cy=cy, cw=cw)


__all__ = ["code_geometry", "module_px", "QUIET"]
