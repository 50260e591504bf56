"""Measuring the emergency box (blocks.EmergencyBox) for layout: its red title band, the call
line, a bullet per serious sign and the phones side by side. Through a layout.Metrics (layout
imports this module, so this one does not import layout); no Qt."""

from __future__ import annotations

from typing import Any

from planner.export.printout.blocks import EmergencyBox

TITLE, CALL, BODY = 15.0, 12.5, 11.0


def emergency_geometry(m: Any, b: EmergencyBox) -> tuple[float, dict[str, Any]]:
    """The box's height and the geometry its painter needs, measured with m (a layout.Metrics)."""
    top, border, pad, band_pad = m.pt(b.top), m.pt(2.5), m.pt(9), m.pt(5)
    w = m.width - 2 * (border + pad)
    indent = m.pt(16)
    h_title = m.text_h(b.title, w, TITLE, True)
    band = h_title + 2 * band_pad
    h_call = m.text_h(b.call, w, CALL, True)
    gap = m.pt(5)
    bullets = [m.text_h(line, w - indent, BODY) for line in b.lines]
    bullet_gap = m.pt(3)
    # The phones side by side, half the width each; one under the other where a phone would
    # not fit on one line (large print), so a number never breaks across lines.
    half = (w - m.pt(12)) / max(1, len(b.contacts))
    side_by_side = all(m.text_w(c, BODY, True) <= half for c in b.contacts)
    if side_by_side:
        contact_hs = [max((m.text_h(c, half, BODY, True) for c in b.contacts), default=0.0)]
    else:
        half = w
        contact_hs = [m.text_h(c, w, BODY, True) for c in b.contacts]
    h_contacts = sum(contact_hs)
    inner = h_call + (gap + sum(bullets) + bullet_gap * len(bullets) if bullets else 0.0) \
        + (gap + h_contacts if b.contacts else 0.0)
    height = top + border + band + pad + inner + pad + border
    return height, dict(top=top, border=border, pad=pad, band_pad=band_pad, w=w, indent=indent, band=band,
                        h_call=h_call, gap=gap, bullets=bullets, bullet_gap=bullet_gap, half=half,
                        side_by_side=side_by_side, contact_hs=contact_hs)


__all__ = ["emergency_geometry"]
