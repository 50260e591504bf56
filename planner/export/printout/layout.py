"""Laying the printout's blocks onto pages: each block measured (through Metrics, so this
works with any measurer: Qt's font metrics when painting, a fake one in tests), then
paginated so that no block splits across pages and a heading stays with what follows.
Every length here is in device pixels; Metrics.pt turns the blocks' points into pixels.
No Qt."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from planner.export.printout.unit_pictures import GAP, PICTURE_PT, dose_pictures, place
from planner.export.printout.blocks import (
    SMALL,
    Block,
    Bullet,
    Chart,
    EmergencyBox,
    LabelColumn,
    LabelRow,
    MonthChart,
    PlanCode,
    StepCard,
    StopBox,
    TableColumns,
    TableRow,
    Text,
    WarningBox,
)
from planner.export.printout.layout_boxes import emergency_geometry
from planner.export.printout.layout_code import code_geometry
from planner.export.printout.layout_month import month_geometry_found, split_months

CHART_MIN_WIDTH_PT = 560.0
MIN_TAKE_PT = 120.0  # the words of a dose keep at least this width beside its pictures
BODY_PT = 11.0  # a dose row's words
TICK_SAMPLE = "31"  # the widest day of the month over a tick box
TABLE_SLOT_MIN_PT = 110.0  # the narrowest a time-of-day column gets for the date column's sake


class Metrics(Protocol):
    """What layout needs to know of the page and its fonts."""

    width: float  # the text column, in pixels
    height: float  # the page's printable height, in pixels
    px_per_pt: float

    def pt(self, x: float) -> float: ...  # x points (scaled for large print) in pixels
    def line(self, size: float, bold: bool = False) -> float: ...  # line spacing
    def text_w(self, text: str, size: float, bold: bool = False) -> float: ...  # one line's width
    def text_h(self, text: str, width: float, size: float, bold: bool = False) -> float: ...  # wrapped height


@dataclass
class Box:
    """A block measured: its height, the room below it, and whatever its painter needs
    (geo: the sizes and positions layout worked out)."""

    block: Block
    height: float
    space_after: float
    geo: dict[str, Any] = field(default_factory=dict)
    repeat: "Box | None" = None  # a table header to paint again on a page this box starts


@dataclass
class Page:
    items: list[tuple[Box, float]] = field(default_factory=list)  # each box and its top


def label_width(m: Metrics, column: LabelColumn, size: float) -> float:
    w = max(m.text_w(k, size, True) for k in column.widest) + m.pt(column.gap)
    return min(w, m.width * column.max_share) if column.max_share is not None else w


def table_widths(m: Metrics, cols: TableColumns, size: float) -> list[float]:
    pad = m.pt(4)
    date_w = max(m.text_w(cols.date_sample, size) * 0.62, m.width * 0.24)
    mg_w = m.text_w(cols.total_sample, size, True) + 2 * pad
    # A wide page (landscape, or few times of day) gives the dates one line when the
    # time-of-day columns keep room for "2 × 300 mg capsules".
    one_line = m.text_w(cols.date_sample, size) + 2 * pad + m.pt(2)
    if (m.width - one_line - mg_w) / max(1, len(cols.slots)) >= m.pt(TABLE_SLOT_MIN_PT):
        date_w = max(date_w, one_line)
    slot_w = (m.width - date_w - mg_w) / max(1, len(cols.slots))
    return [date_w, mg_w] + [slot_w] * len(cols.slots)


def measure(m: Metrics, b: Block, cache: dict[int, Any]) -> Box:
    """The block's height and geometry on this device."""
    space = m.pt(b.space_after)
    if isinstance(b, Text):
        pad = m.pt(b.top)
        w = m.width - b.indent
        return Box(b, pad + m.text_h(b.text, w, b.size, b.bold), space, {"pad": pad, "w": w})
    if isinstance(b, Bullet):
        indent = m.pt(16)
        w = m.width - indent
        return Box(b, m.text_h(b.text, w, b.size), space, {"indent": indent, "w": w})
    if isinstance(b, LabelRow):
        key = id(b.column)
        if key not in cache:
            cache[key] = label_width(m, b.column, b.size)
        label_w = cache[key]
        w = m.width - label_w
        h = max(m.text_h(b.label, label_w - m.pt(6), b.size, True), m.text_h(b.value, w, b.size))
        return Box(b, h, space, {"label_w": label_w, "w": w})
    if isinstance(b, WarningBox):
        return _warning(m, b, space)
    if isinstance(b, StepCard):
        return _step(m, b, space, cache)
    if isinstance(b, StopBox):
        border, pad = m.pt(2.5), m.pt(9)
        w = m.width - 2 * (border + pad)
        h1 = m.text_h(b.main, w, 12.5, True)
        h2 = m.text_h(b.sub, w, SMALL)
        return Box(b, 2 * (border + pad) + h1 + m.pt(3) + h2, space, {"border": border, "pad": pad, "w": w})
    if isinstance(b, Chart):
        height = min(m.width * 0.5, m.height * 0.42)
        # The chart's legend and limit labels need a figure about 560 pt wide; a narrower
        # text column gets the chart drawn that wide and scaled down to fit.
        # The patient's chart has no limit labels: drawn at the column's width, its text at the
        # size large print asks for.
        zoom = 1.0 if b.audience == "patient" else min(1.0, (m.width / m.px_per_pt) / CHART_MIN_WIDTH_PT)
        inches = (m.width / m.px_per_pt / 72 / zoom, height / m.px_per_pt / 72 / zoom)
        return Box(b, height, space, {"inches": inches})
    if isinstance(b, TableRow):
        return _table_row(m, b, space, cache)
    if isinstance(b, EmergencyBox):
        height, geo = emergency_geometry(m, b)
        return Box(b, height, space, geo)
    if isinstance(b, PlanCode):
        height, geo = code_geometry(m, b)
        return Box(b, height, space, geo)
    if isinstance(b, MonthChart):
        height, geo = month_geometry_found(m, b, cache)
        return Box(b, height, space, geo)
    raise TypeError(f"no layout for {type(b).__name__}")


def _warning(m: Metrics, b: WarningBox, space: float) -> Box:
    border, pad, icon = m.pt(3.5), m.pt(10), m.pt(30)
    inner_x = border + pad + icon + m.pt(10)
    w = m.width - inner_x - border - pad
    h_title = m.text_h(b.title, w, 15.0, True)
    h_body = m.text_h(b.body, w, 11.0) if b.body else 0.0
    h_instead = m.text_h(b.instead, w, 11.0, True) if b.instead else 0.0
    gap = m.pt(5)
    inner_h = h_title + (gap + h_body if b.body else 0) + (gap + h_instead if b.instead else 0)
    height = 2 * (border + pad) + max(inner_h, icon)
    return Box(b, height, space, {"border": border, "pad": pad, "icon": icon, "inner_x": inner_x, "w": w,
                                  "gap": gap})


def _step(m: Metrics, b: StepCard, space: float, cache: dict) -> Box:
    body = BODY_PT
    bar, pad = m.pt(5), m.pt(5)
    x0 = bar + pad
    right = m.width - pad
    inner_w = right - x0
    head = 12.5
    total_w = m.text_w(b.total, head, True)
    h_when = m.text_h(b.when, inner_w - total_w - m.pt(12), head, True)
    h_sub = m.text_h(b.about, inner_w, SMALL)
    # dose rows: icon | slot and time | what to take | mg
    icon = m.pt(17)
    slot_w = max(m.text_w(t, body, True) for t in b.slot_samples) + m.pt(10)
    # as wide as the widest amount of any card, so the pictures line up from card to card
    mg_w = max([m.text_w(d.amount, body, True) for d in b.doses] + [cache.get("mg") or 0.0]) + m.pt(4)
    take_x = x0 + icon + m.pt(8) + slot_w
    take_w = right - mg_w - m.pt(8) - take_x
    pictures, take_w, rows = _dose_pictures(m, b, take_x, take_w, icon, body, cache.get("pictures"),
                                              cache.get("take"))
    row_gap = m.pt(2.5)
    h_dz = m.text_h(b.dialysis, inner_w, body, True) + row_gap if b.dialysis else 0.0
    # tick boxes, or one line for a long step
    box = m.pt(12)
    pitch = max(box + m.pt(4), m.text_w(TICK_SAMPLE, SMALL) + m.pt(5))
    per_row = max(1, int((inner_w + (pitch - box)) // pitch))
    label_h = m.line(SMALL)
    tick_row_h = label_h + box + m.pt(3)
    if b.tick_labels:
        h_ticks = math.ceil(len(b.tick_labels) / per_row) * tick_row_h
    else:
        h_ticks = m.text_h(b.every_day, inner_w, body, True)
    height = pad + h_when + h_sub + m.pt(4) + sum(rows) + row_gap * len(rows) + h_dz + h_ticks + pad
    return Box(b, height, space, dict(
        bar=bar, pad=pad, x0=x0, right=right, inner_w=inner_w, head=head, total_w=total_w, h_when=h_when,
        h_sub=h_sub, icon=icon, slot_w=slot_w, mg_w=mg_w, take_x=take_x, take_w=take_w, rows=rows,
        pictures=pictures, picture_h=m.pt(PICTURE_PT), label_gap=m.pt(3), row_gap=row_gap, h_dz=h_dz, box=box, pitch=pitch, per_row=per_row, label_h=label_h,
        tick_row_h=tick_row_h))


def widest_strip(m: Metrics, blocks: list[Block]) -> float:
    """The widest row of unit pictures on any step card, in pixels."""
    h, gap, label_gap = m.pt(PICTURE_PT), m.pt(GAP * PICTURE_PT), m.pt(3)
    return max((place(dose_pictures(d.units, d.syringe_ml, d.scored_mg), h, gap,
                      lambda t: m.text_w(t, BODY_PT, True), None, label_gap)[1]
                for b in blocks if isinstance(b, StepCard) for d in b.doses), default=0.0)


def _dose_pictures(m: Metrics, b: StepCard, take_x: float, take_w: float, icon: float, body: float,
                   widest_strip: float | None = None, widest_take: float | None = None):
    """Where each dose row's unit pictures go: beside its words when the words keep room
    enough (a wide page), else under them. Returns per row the pictures placed (x from the
    card's left, y from the row's top), the words' width, and each row's height."""
    h, gap, label_gap = m.pt(PICTURE_PT), m.pt(GAP * PICTURE_PT), m.pt(3)

    def label_w(text: str) -> float:
        return m.text_w(text, body, True)

    drawn = [dose_pictures(d.units, d.syringe_ml, d.scored_mg) for d in b.doses]
    widest = max((place(ps, h, gap, label_w, None, label_gap)[1] for ps in drawn), default=0.0)
    # One column for every card's pictures where the widest strip of the printout leaves the
    # words room (the pills line up from card to card), else this card's own.
    column = max(widest, widest_strip or 0.0)
    if widest > 0 and take_w - column - m.pt(10) >= m.pt(MIN_TAKE_PT):
        widest = column
    beside = widest > 0 and take_w - widest - m.pt(10) >= m.pt(MIN_TAKE_PT)
    if beside:
        # The pictures just after the longest words of any card (a wide page keeps them
        # near what they show), never pressing the words into more lines.
        take_w = min(take_w - widest - m.pt(10), max(m.pt(MIN_TAKE_PT), (widest_take or take_w) + m.pt(2)))
    placed, rows = [], []
    for d, ps in zip(b.doses, drawn):
        text_h = m.text_h(d.take, take_w, body)
        spots, _, pics_h = place(ps, h, gap, label_w, None if beside else take_w, label_gap)
        if beside:
            row_h = max(icon, text_h, pics_h)
            x, y = take_x + take_w + m.pt(10), (row_h - pics_h) / 2
        else:
            row_h = max(icon, text_h + (m.pt(3) + pics_h if spots else 0.0))
            x, y = take_x, text_h + m.pt(3)
        placed.append([replace(s, x=s.x + x, y=s.y + y) for s in spots])
        rows.append(row_h)
    return placed, take_w, rows


def _table_row(m: Metrics, b: TableRow, space: float, cache: dict[int, Any]) -> Box:
    size = 11.0
    key = id(b.columns)
    if key not in cache:
        cache[key] = table_widths(m, b.columns, size)
    widths = cache[key]
    pad = m.pt(4)
    icon = m.pt(14) if b.header else 0
    hs = [m.text_h(t, w - 2 * pad - (icon + m.pt(4) if b.header and k >= 2 else 0), size, b.header)
          for k, (t, w) in enumerate(zip(b.cells, widths))]
    return Box(b, max(hs + [icon]) + 2 * pad, space, {"widths": widths, "pad": pad, "icon": icon, "size": size})


def lay_out(m: Metrics, blocks: list[Block], page_h: float) -> list[Page]:
    """Every block measured and placed on pages page_h pixels high."""
    cards = [d for b in blocks if isinstance(b, StepCard) for d in b.doses]
    cache: dict[Any, Any] = {"pictures": widest_strip(m, blocks),
                             "take": max((m.text_w(d.take, BODY_PT) for d in cards), default=None),
                             "mg": max((m.text_w(d.amount, BODY_PT, True) for d in cards), default=None)}
    boxes, header = [], None
    for b in split_months(m, blocks, page_h, cache):  # a month of the tick chart too tall for a page: in parts
        box = measure(m, b, cache)
        if isinstance(b, TableRow):
            if b.header:
                header = box
            else:
                box.repeat = header
        boxes.append(box)
    return paginate(boxes, page_h)


def paginate(boxes: list[Box], page_h: float) -> list[Page]:
    pages = [Page()]
    y = 0.0
    i = 0
    while i < len(boxes):
        # A run of keep-with-next boxes moves as one (a heading stays with what follows).
        j = i
        run_h = boxes[i].height
        while boxes[j].block.keep_with_next and j + 1 < len(boxes):
            run_h += boxes[j].space_after + boxes[j + 1].height
            j += 1
        if boxes[i].block.new_page and pages[-1].items:
            pages.append(Page())
            y = 0.0
        if y > 0 and y + run_h > page_h and run_h <= page_h:
            pages.append(Page())
            y = 0.0
        for b in boxes[i:j + 1]:
            if y > 0 and y + b.height > page_h:
                pages.append(Page())
                y = 0.0
            if y == 0 and b.repeat is not None:
                pages[-1].items.append((b.repeat, y))
                y += b.repeat.height + b.repeat.space_after
            pages[-1].items.append((b, y))
            y += b.height + b.space_after
        i = j + 1
    return pages


__all__ = ["Metrics", "Box", "Page", "measure", "lay_out", "paginate", "label_width", "table_widths"]
