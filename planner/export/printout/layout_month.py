"""Measuring a month of the tick chart (blocks.MonthChart) through layout's Metrics: every
cell, dose box, tick square and line of text placed, so the painter only draws and a test can
check that nothing overflows. A month too tall for the page is split into parts of whole
weeks (split_months), each on its own page with the same title, key and day names. No Qt.

Every rectangle is (x, y, width, height) in device pixels from the block's top-left.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from planner.domain.plan import SLOTS
from planner.export.printout.blocks import Block, MonthChart

TITLE, SUB, HOW, KEY, HEAD, NUM, MARK, DOSE, DETAIL, NOTE = 18.0, 12.0, 12.0, 10.0, 10.0, 11.0, 8.5, 9.5, 8.0, 10.5
TICK = 18.0  # the square to tick: 18 pt is 6.35 mm, bigger in large print
ICON = 10.0  # the time of day's picture in a dose box
KEY_ICON = 13.0
CELL_PAD, BOX_PAD, BOX_GAP, GAP = 2.5, 2.0, 2.0, 2.0
DAY_SAMPLE = "31"


def _dose_box(m, inner: float, doses) -> dict[str, Any]:
    """How a dose box is laid out this month, the first of these the widest amount fits:
    "side" (picture, amount, square in a row), "column" (the picture over the amount, the
    square beside them) or "stacked" (picture and square, the amount below them)."""
    s = m.pt
    bp, ic, tick, gap = s(BOX_PAD), s(ICON), s(TICK), s(GAP)
    text_w = max((max(m.text_w(d.amount, DOSE, True), m.text_w(d.detail, DETAIL) if d.detail else 0.0)
                  for d in doses), default=0.0)
    detail_h = m.line(DETAIL) if any(d.detail for d in doses) else 0.0
    text_h = m.line(DOSE, True) + detail_h
    if bp + ic + gap + text_w + gap + tick + bp <= inner:
        mode, h = "side", max(tick, text_h, ic) + 2 * bp
    elif bp + text_w + gap + tick + bp <= inner:
        mode, h = "column", max(tick, ic + text_h) + 2 * bp
    else:
        mode, h = "stacked", 2 * bp + max(ic, tick) + s(1) + text_h
    return {"mode": mode, "h": h, "bp": bp, "ic": ic, "tick": tick, "gap": gap, "text_h": text_h,
            "detail_h": detail_h}


def _place_dose(m, x: float, y: float, inner: float, box: dict[str, Any], detail: bool) -> dict[str, tuple]:
    bp, ic, tick, gap, h = box["bp"], box["ic"], box["tick"], box["gap"], box["h"]
    line = m.line(DOSE, True)
    text_h = line + (box["detail_h"] if detail else 0.0)  # a dose with no mL line is centred alone
    tick_x = x + inner - bp - tick
    tick_r = (tick_x, y + (h - tick) / 2, tick, tick)
    if box["mode"] == "side":
        icon = (x + bp, y + (h - ic) / 2, ic, ic)
        tx = x + bp + ic + gap
        text = (tx, y + (h - text_h) / 2, tick_x - gap - tx, line)
    elif box["mode"] == "column":
        top = y + (h - ic - text_h) / 2
        icon = (x + bp, top, ic, ic)
        text = (x + bp, top + ic, tick_x - gap - x - bp, line)
    else:
        top = max(ic, tick)
        icon = (x + bp, y + bp + (top - ic) / 2, ic, ic)
        tick_r = (tick_x, y + bp + (top - tick) / 2, tick, tick)
        text = (x + bp, y + bp + top + m.pt(1), inner - 2 * bp, line)
    detail = (text[0], text[1] + line, text[2], box["detail_h"])
    return {"rect": (x, y, inner, h), "icon": icon, "tick": tick_r, "text": text, "detail": detail}


def _side_by_side(m, y: float, left_w: float, left_h: float, right_w: float, right_h: float):
    """Where a right-hand piece goes on the line of a left-hand one ((x, y) or None: below it)."""
    if left_w + m.pt(16) + right_w > m.width:
        return None
    return m.width - right_w, y + max(0.0, left_h - right_h)


def _heading(m, b: MonthChart, geo: dict[str, Any]) -> float:
    """The title with the medicine and name beside it (or below, if they do not fit), the
    instruction with the key of pictures beside it (or below); returns the grid's top."""
    s, width = m.pt, m.width
    title_h = m.text_h(b.title, width, TITLE, True)
    geo["title"] = (0.0, 0.0, width, title_h)
    sub_w, sub_h = m.text_w(b.subtitle, SUB) + s(1), m.line(SUB)
    at = _side_by_side(m, 0.0, m.text_w(b.title, TITLE, True), title_h, sub_w, sub_h)
    if at is not None:
        geo["subtitle"] = (at[0], at[1], sub_w, sub_h)
        y = title_h + s(4)
    else:
        sub_h = m.text_h(b.subtitle, width, SUB)
        geo["subtitle"] = (0.0, title_h + s(2), width, sub_h)
        y = title_h + s(2) + sub_h + s(4)
    how_h = m.text_h(b.instruction, width, HOW, True)
    geo["instruction"] = (0.0, y, width, how_h)
    # The key: each time of day's picture and its words.
    icon, line = s(KEY_ICON), m.line(KEY)
    row_h = max(icon, line)
    widths = [icon + s(3) + m.text_w(words, KEY) + s(1) for _, words in b.legend]
    key_w = sum(widths) + s(14) * max(0, len(widths) - 1)
    at = _side_by_side(m, y, m.text_w(b.instruction, HOW, True), how_h, key_w, row_h) if b.legend else None
    if at is not None:
        x, ky = at
        bottom = max(y + how_h, ky + row_h)
    else:
        x, ky = 0.0, y + how_h + s(4)
        bottom = ky + row_h if b.legend else y + how_h
    key = []
    for (slot, words), w in zip(b.legend, widths):
        if x > 0 and x + w > width:  # wraps across the width when it cannot sit beside
            x, ky = 0.0, ky + row_h + s(3)
            bottom = ky + row_h
        tw = w - icon - s(3)
        key.append((slot, words, (x, ky + (row_h - icon) / 2, icon, icon),
                    (x + icon + s(3), ky + (row_h - line) / 2, tw, line)))
        x += w + s(14)
    geo["key"] = key
    return bottom + s(6)


def month_geometry(m, b: MonthChart) -> tuple[float, dict[str, Any]]:
    """The month's height on this device and where everything on it goes."""
    s, width = m.pt, m.width
    geo: dict[str, Any] = {}
    y = _heading(m, b, geo)
    # The grid: the day names, then a row per week as tall as its fullest day.
    col = width / 7
    pad = s(CELL_PAD)
    inner = col - 2 * pad
    long_fit = all(m.text_w(n, HEAD, True) <= inner for n in b.weekdays)
    geo["names"] = b.weekdays if long_fit else b.weekdays_short
    head_h = m.line(HEAD, True) + 2 * pad
    geo["head"] = [(k * col, y, col, head_h) for k in range(7)]
    y += head_h
    box = _dose_box(m, inner, [d for w in b.weeks for c in w for d in c.doses])
    num_h = m.line(NUM, True)
    gap = s(BOX_GAP)
    cells, rows = [], []
    day_w = m.text_w(DAY_SAMPLE, NUM, True) + s(4)
    for week in b.weeks:
        # A mark goes beside the day's number when it fits on that line, else below it.
        beside = [bool(c.mark) and m.text_w(c.mark, MARK, True) <= inner - day_w for c in week]
        marks = [0.0 if bs or not c.mark else m.text_h(c.mark, inner, MARK, True) + s(1)
                 for c, bs in zip(week, beside)]
        # Each time of day keeps its place down the week's cells (a bedtime-only day's box is
        # level with the other days' bedtime boxes).
        slots = [sl for sl in SLOTS if any(d.slot == sl for c in week for d in c.doses)]
        # A day with no doses (the stop day) has its words where the boxes would be.
        below = max([mk for c, mk in zip(week, marks) if c.doses], default=0.0)
        row_h = max([num_h + below + max(len(slots), 1) * (box["h"] + gap) - gap]
                    + [num_h + mk for c, mk in zip(week, marks) if not c.doses]) + 2 * pad
        for k, (c, mk, bs) in enumerate(zip(week, marks, beside)):
            cx = k * col
            cy = y + pad + num_h
            mark = None
            if bs:
                mh = m.line(MARK, True)
                mark = (cx + pad + day_w, y + pad + (num_h - mh) * 0.7, inner - day_w, mh)
            elif c.mark:
                mark = (cx + pad, cy, inner, mk - s(1))
            cell = {"day": c, "rect": (cx, y, col, row_h), "num": (cx + pad, y + pad, day_w, num_h),
                    "mark": mark, "doses": []}
            for d in c.doses:
                by = cy + below + slots.index(d.slot) * (box["h"] + gap)
                cell["doses"].append((d, _place_dose(m, cx + pad, by, inner, box, bool(d.detail))))
            cells.append(cell)
        rows.append((y, row_h))
        y += row_h
    geo.update(cells=cells, rows=rows, col=col, pad=pad, box=box, grid_top=geo["head"][0][1])
    notes = []
    if b.notes:
        y += s(6)
    for note in b.notes:
        h = m.text_h(note, width, NOTE, True)
        notes.append((note, (0.0, y, width, h)))
        y += h + s(3)
    geo["notes"] = notes
    return y, geo


def _fits(m, b: MonthChart, page_h: float) -> bool:
    return month_geometry(m, b)[0] <= page_h


def _plan_weeks(weeks):
    """The weeks from the first with a day of the plan to the last with one."""
    has = [any(c.in_plan for c in week) for week in weeks]
    if not any(has):
        return weeks
    first = has.index(True)
    last = len(has) - 1 - has[::-1].index(True)
    return weeks[first:last + 1]


def split_month(m, b: MonthChart, page_h: float, found: dict | None = None) -> list[MonthChart]:
    """The month whole if it fits the page. Else its weeks with no day of the plan (before
    day 1, after the last day) are left off; then, if it still does not fit, its weeks go on
    the fewest pages that hold them (weeks 1-3 and 4-6), as evenly as they fit. The notes go
    under the last part. A whole month's geometry, worked out to see that it fits, is kept in
    found (by the block's id, with the block) for the layout to use, not work out again."""
    whole = month_geometry(m, b)
    if whole[0] <= page_h:
        if found is not None:
            found[("month", id(b))] = (b, whole)
        return [b]
    weeks = _plan_weeks(b.weeks)
    if _fits(m, replace(b, weeks=weeks), page_h):
        return [replace(b, weeks=weeks)]
    # Measured with the last part's title and the notes, the tallest a part's top and foot can be.
    probe = replace(b, title=b.part_titles[max(b.part_titles)][-1])
    groups: list[tuple] = [()]
    for week in weeks:  # the fewest pages: each holds as many weeks as fit
        if groups[-1] and not _fits(m, replace(probe, weeks=groups[-1] + (week,)), page_h):
            groups.append(())
        groups[-1] += (week,)
    k = len(groups)
    size = math.ceil(len(weeks) / k)
    even = [weeks[i:i + size] for i in range(0, len(weeks), size)]
    if len(even) == k and all(_fits(m, replace(probe, weeks=g), page_h) for g in even):
        groups = even
    if k == 1:
        return [replace(b, weeks=groups[0])]
    return [replace(b, weeks=g, title=b.part_titles[k][i], notes=b.notes if i == k - 1 else (),
                    legend=_legend(b, g)) for i, g in enumerate(groups)]


def _legend(b: MonthChart, weeks) -> tuple:
    """The key of a part: the times of day its weeks hold."""
    used = {d.slot for week in weeks for c in week for d in c.doses}
    return tuple((slot, words) for slot, words in b.legend if slot in used)


def split_months(m, blocks: list[Block], page_h: float, found: dict | None = None) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        out += split_month(m, b, page_h, found) if isinstance(b, MonthChart) else [b]
    return out


def month_geometry_found(m, b: MonthChart, found: dict) -> tuple[float, dict[str, Any]]:
    """The month's geometry, as split_months found it if it did."""
    kept = found.get(("month", id(b)))
    return kept[1] if kept is not None and kept[0] is b else month_geometry(m, b)


__all__ = ["month_geometry", "month_geometry_found", "split_month", "split_months", "TICK"]
