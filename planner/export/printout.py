"""The printed plan: one renderer for print preview, real printing and PDF export.

paint_plan() lays the whole plan out first (every block measured with the device's own
font metrics, then paginated so that no block splits across pages), and only then
paints, so every footer can say "Page X of Y".

No dose arithmetic happens here. Every number printed is read from the Schedule: a
Step's dates and total_mg, a Dose's slot, time, mg and units (formatted with the core's
fmt_count), the dispense lines and the dialysis supplement. The chart is drawn by
planner.chart.schedule_chart.draw_schedule() from the same Schedule, as SVG, so it stays vector in the PDF.

Units: layout happens in device pixels. pt(x) converts typographic points to pixels at
the device's resolution (300 dpi for the PDF, whatever the printer reports otherwise),
and fonts are sized in points, so a QPrinter and a QPdfWriter give the same page.
"""

from __future__ import annotations

import io
import math
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from planner.text.dates import DAY_NAMES, MONTH_NAMES, long_date, plain_date
from planner.domain.handout_texts import PLACES, own_sections, section_lines
from planner.text.numbers import fmt_count, fmt_decimal
from planner.domain.plan import SLOTS
from planner.domain.problems import cite
from planner.text.problems import problem_text
from planner.domain.schedule import Schedule, Step
from planner.domain.units import Unit
from planner.text.kidney import kidney_limit_text
from planner.export.gate import refuse_unexportable
from planner.export.print_options import PrintOptions, default_paper  # noqa: F401 - its public names

FAMILY = "DejaVu Sans"
LARGE_PRINT_SCALE = 1.4
MARGIN_MM = 14.0
PLAN_FILE_FORMAT = 1  # planner.files.planfile.FORMAT_VERSION; the printout names it for the pharmacist
CHART_MIN_WIDTH_PT = 560.0
MAX_TICK_DAYS = 31  # a step longer than this prints as one "every day from ... to ..." line

SLOT_NAMES = {"morning": "Morning", "midday": "Midday", "evening": "Evening", "bedtime": "Bedtime"}
PHASE_WORDS = {
    "titration": "building up",
    "maintenance": "staying on this dose",
    "taper": "coming down",
}

# The chart's colours (planner.chart.schedule_chart), so a step block and the chart read as one.
SLOT_TILES = {"morning": "#ffd166", "midday": "#a7c957", "evening": "#4ea8de", "bedtime": "#355070"}
PHASE_BARS = {"titration": "#7fa7d9", "maintenance": "#86c27d", "taper": "#e0a47a"}
INK = QColor("#111111")
GREY = QColor("#555555")
RULE = QColor("#9a9a9a")
WARN_BORDER = QColor("#b71c1c")
WARN_FILL = QColor("#fdecea")
STOP_BORDER = QColor("#1b5e20")
STOP_FILL = QColor("#eef7ee")


# --- words ------------------------------------------------------------------------------


def date_range(start: date, end: date) -> str:
    """'Tue 1 Dec – Thu 3 Dec 2026'; the year on both ends when they differ."""
    if start == end:
        return long_date(start)
    if start.year == end.year:
        return f"{DAY_NAMES[start.weekday()]} {start.day} {MONTH_NAMES[start.month - 1]} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def day_numbers(step: Step) -> str:
    return f"Day {step.first_day}" if step.days == 1 else f"Days {step.first_day}–{step.last_day}"


def units_text(units: tuple[Unit, ...]) -> str:
    """What to swallow, in words, with the engine's counts and strengths:
    '1 × 300 mg capsule', '½ of a 600 mg tablet', '2 × 100 mg capsules and 1 × 400 mg capsule'."""
    parts = []
    for u in units:
        if u.count == Decimal("0.5"):
            parts.append(f"½ of a {u.strength_mg} mg {u.form}")
        else:
            plural = "s" if u.count > 1 else ""
            parts.append(f"{fmt_count(u.count)} × {u.strength_mg} mg {u.form}{plural}")
    return " and ".join(parts)


def total_text(mg: int) -> str:
    return f"{mg} mg/day"


def dispense_text(line) -> str:
    return f"{line.count} × {line.strength_mg} mg {line.form}"


def _strengths_text(schedule: Schedule) -> str:
    if schedule.dispense:
        pairs = [(d.strength_mg, d.form) for d in schedule.dispense]
    else:
        from planner.domain.schedule import plan_forms

        pairs = [(f.strength_mg, f.form) for f in plan_forms(schedule.plan, schedule.profile)]
    for st in schedule.dialysis_steps:
        pairs += [(u.strength_mg, u.form) for u in st.dialysis.units]
    return ", ".join(f"{s} mg {form}s" for s, form in sorted(set(pairs)))


def medicine_text(schedule: Schedule) -> str:
    p = schedule.profile
    return f"{p.display_name} ({p.brand}) — {_strengths_text(schedule)}"


def patient_name(schedule: Schedule) -> str | None:
    pt = schedule.plan.patient
    return pt.name if pt and pt.name else None


# --- measuring and painting -------------------------------------------------------------


class _Ctx:
    """Fonts and sizes for one device and one set of options."""

    def __init__(self, device: QPagedPaintDevice, options: PrintOptions) -> None:
        self.device = device
        self.k = LARGE_PRINT_SCALE if options.large_print else 1.0
        self.px_per_pt = device.resolution() / 72.0
        self.width = float(device.width())
        self.height = float(device.height())
        self._fonts: dict[tuple[float, bool], QFont] = {}
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self.body = 11.0
        self.small = 9.5  # footers, day labels over tick boxes, second lines

    def pt(self, x: float) -> float:
        """x points (scaled for large print) in device pixels."""
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
        r = self.fm(size, bold).boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), _WRAP, text)
        return max(r.height(), self.line(size, bold))


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def _draw_text(p: QPainter, c: _Ctx, x: float, y: float, w: float, text: str, size: float, bold: bool = False,
               colour: QColor = INK, align=Qt.AlignmentFlag.AlignLeft) -> float:
    """Wrapped text at (x, y) in width w; returns its height."""
    h = c.text_h(text, w, size, bold)
    p.setFont(c.font(size, bold))
    p.setPen(colour)
    flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    # A little more room than measured, so rounding on the device never drops a last line.
    p.drawText(QRectF(x, y, w, h + c.line(size)), flags, text)
    return h


@dataclass
class Block:
    """A piece of a page that never splits: its height, and how to paint it at y."""

    height: float
    paint: Callable[[QPainter, float], None]
    space_after: float = 0.0
    keep_with_next: bool = False
    new_page: bool = False
    repeat: "Block | None" = None  # a table header to paint again on a page this block starts


@dataclass
class _Page:
    items: list[tuple[Block, float]] = field(default_factory=list)


def _paginate(blocks: list[Block], page_h: float) -> list[_Page]:
    pages = [_Page()]
    y = 0.0
    i = 0
    while i < len(blocks):
        # A run of keep-with-next blocks moves as one (a heading stays with what follows).
        j = i
        run_h = blocks[i].height
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            run_h += blocks[j].space_after + blocks[j + 1].height
            j += 1
        first = blocks[i]
        if first.new_page and pages[-1].items:
            pages.append(_Page())
            y = 0.0
        if y > 0 and y + run_h > page_h and run_h <= page_h:
            pages.append(_Page())
            y = 0.0
        for b in blocks[i:j + 1]:
            if y > 0 and y + b.height > page_h:
                pages.append(_Page())
                y = 0.0
            if y == 0 and b.repeat is not None:
                pages[-1].items.append((b.repeat, y))
                y += b.repeat.height + b.repeat.space_after
            pages[-1].items.append((b, y))
            y += b.height + b.space_after
        i = j + 1
    return pages


# --- icons ------------------------------------------------------------------------------


def _sun_rays(path: QPainterPath, cx: float, cy: float, r_in: float, r_out: float, angles) -> None:
    for a in angles:
        rad = math.radians(a)
        path.moveTo(cx + r_in * math.cos(rad), cy - r_in * math.sin(rad))
        path.lineTo(cx + r_out * math.cos(rad), cy - r_out * math.sin(rad))


def draw_slot_icon(p: QPainter, slot: str, rect: QRectF) -> None:
    """A picture of the time of day (the AHRQ pill card's idea): sunrise, sun, sunset or
    moon on a tile in the chart's colour for that slot. Drawn with paths, no image files."""
    s = rect.width()
    x0, y0 = rect.x(), rect.y()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(SLOT_TILES.get(slot, "#cccccc")))
    p.drawRoundedRect(rect, s * 0.18, s * 0.18)
    dark = QColor("#3b2a00")
    line = QPen(dark, s * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    cx = x0 + s / 2
    if slot in ("morning", "evening"):
        horizon = y0 + s * 0.66
        r = s * 0.22
        sun = QPainterPath()
        sun.addEllipse(QPointF(cx, horizon), r, r)
        clip = QPainterPath()
        clip.addRect(QRectF(x0, y0, s, horizon - y0))
        p.setBrush(QColor("#f76707" if slot == "morning" else "#ff922b"))
        p.setPen(QPen(dark, s * 0.04))
        p.drawPath(sun.intersected(clip))
        rays = QPainterPath()
        _sun_rays(rays, cx, horizon, r * 1.35, r * 1.85, (20, 55, 90, 125, 160))
        p.setPen(line)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(rays)
        p.drawLine(QPointF(x0 + s * 0.12, horizon), QPointF(x0 + s * 0.88, horizon))
        # An arrow under the horizon: the sun coming up, or going down.
        ay0, ay1 = horizon + s * 0.08, horizon + s * 0.26
        arrow = QPainterPath()
        if slot == "morning":
            arrow.moveTo(cx, ay1)
            arrow.lineTo(cx, ay0)
            arrow.moveTo(cx - s * 0.08, ay0 + s * 0.08)
            arrow.lineTo(cx, ay0)
            arrow.lineTo(cx + s * 0.08, ay0 + s * 0.08)
        else:
            arrow.moveTo(cx, ay0)
            arrow.lineTo(cx, ay1)
            arrow.moveTo(cx - s * 0.08, ay1 - s * 0.08)
            arrow.lineTo(cx, ay1)
            arrow.lineTo(cx + s * 0.08, ay1 - s * 0.08)
        p.drawPath(arrow)
    elif slot == "midday":
        cy = y0 + s / 2
        r = s * 0.19
        rays = QPainterPath()
        _sun_rays(rays, cx, cy, r * 1.4, r * 2.1, range(0, 360, 45))
        p.setPen(line)
        p.drawPath(rays)
        p.setPen(QPen(dark, s * 0.04))
        p.setBrush(QColor("#ffd43b"))
        p.drawEllipse(QPointF(cx, cy), r, r)
    else:  # bedtime: a crescent moon and two stars
        cy = y0 + s * 0.52
        r = s * 0.3
        moon = QPainterPath()
        moon.addEllipse(QPointF(cx - s * 0.04, cy), r, r)
        bite = QPainterPath()
        bite.addEllipse(QPointF(cx + s * 0.1, cy - s * 0.08), r * 0.85, r * 0.85)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#fff3bf"))
        p.drawPath(moon.subtracted(bite))
        for sx, sy, sr in ((0.76, 0.26, 0.055), (0.8, 0.62, 0.04)):
            p.drawEllipse(QPointF(x0 + s * sx, y0 + s * sy), s * sr, s * sr)
    p.restore()


def _warning_triangle(p: QPainter, rect: QRectF) -> None:
    s = rect.width()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    tri = QPainterPath()
    tri.moveTo(rect.x() + s / 2, rect.y() + s * 0.06)
    tri.lineTo(rect.x() + s * 0.97, rect.y() + s * 0.92)
    tri.lineTo(rect.x() + s * 0.03, rect.y() + s * 0.92)
    tri.closeSubpath()
    p.setPen(QPen(WARN_BORDER, s * 0.07, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(QColor("#ffd43b"))
    p.drawPath(tri)
    p.setPen(QPen(QColor("#111111"), s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(rect.x() + s / 2, rect.y() + s * 0.36), QPointF(rect.x() + s / 2, rect.y() + s * 0.62))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#111111"))
    p.drawEllipse(QPointF(rect.x() + s / 2, rect.y() + s * 0.77), s * 0.055, s * 0.055)
    p.restore()


# --- the blocks -------------------------------------------------------------------------


class _Builder:
    def __init__(self, c: _Ctx, schedule: Schedule, options: PrintOptions, printed_on: date) -> None:
        self.c = c
        self.s = schedule
        self.o = options
        self.printed_on = printed_on
        self.name = schedule.profile.name
        self.texts = schedule.profile.texts or {}
        self.blocks: list[Block] = []

    def add(self, block: Block) -> Block:
        self.blocks.append(block)
        return block

    # generic pieces

    def heading(self, text: str, size: float = 15.0, top: float = 10.0) -> Block:
        c = self.c
        h_text = c.text_h(text, c.width, size, True)
        pad = c.pt(top)

        def paint(p: QPainter, y: float) -> None:
            _draw_text(p, c, 0, y + pad, c.width, text, size, True)

        return self.add(Block(pad + h_text, paint, space_after=c.pt(4), keep_with_next=True))

    def paragraph(self, text: str, size: float | None = None, bold: bool = False, indent: float = 0.0,
                  colour: QColor = INK, space_after: float = 4.0, keep_with_next: bool = False) -> Block:
        c = self.c
        size = size or c.body
        w = c.width - indent
        h = c.text_h(text, w, size, bold)

        def paint(p: QPainter, y: float) -> None:
            _draw_text(p, c, indent, y, w, text, size, bold, colour)

        return self.add(Block(h, paint, space_after=c.pt(space_after), keep_with_next=keep_with_next))

    def bullets(self, items: list[str], size: float | None = None) -> None:
        c = self.c
        size = size or c.body
        indent = c.pt(16)
        w = c.width - indent
        for item in items:
            h = c.text_h(item, w, size)

            def paint(p: QPainter, y: float, item=item) -> None:
                r = c.pt(2.2)
                p.save()
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(INK)
                p.drawEllipse(QPointF(c.pt(6), y + c.fm(size).ascent() * 0.62), r, r)
                p.restore()
                _draw_text(p, c, indent, y, w, item, size)

            self.add(Block(h, paint, space_after=c.pt(3)))

    def label_rows(self, rows: list[tuple[str, str]], size: float, label_w: float | None = None) -> None:
        """Two columns: a bold label and its value, each row a block."""
        c = self.c
        if label_w is None:
            label_w = max(c.text_w(k, size, True) for k, _ in rows) + c.pt(10)
            label_w = min(label_w, c.width * 0.38)
        w = c.width - label_w
        for k, v in rows:
            h = max(c.text_h(k, label_w - c.pt(6), size, True), c.text_h(v, w, size))

            def paint(p: QPainter, y: float, k=k, v=v) -> None:
                _draw_text(p, c, 0, y, label_w - c.pt(6), k, size, True)
                _draw_text(p, c, label_w, y, w, v, size)

            self.add(Block(h, paint, space_after=c.pt(2.5)))

    # the patient's pages

    def header(self) -> None:
        c, s = self.c, self.s
        plan = s.plan
        title = f"Your {self.name} plan"
        self.add(Block(c.text_h(title, c.width, 22, True), lambda p, y: _draw_text(p, c, 0, y, c.width, title, 22, True),
                       space_after=c.pt(6)))
        pt_ = plan.patient
        who = patient_name(s) or "______________________________"
        extra = []
        if pt_ and pt_.date_of_birth:
            extra.append(f"born {plain_date(pt_.date_of_birth)}")
        if pt_ and pt_.identifier:
            extra.append(f"ID {pt_.identifier}")
        if extra:
            who += " (" + ", ".join(extra) + ")"
        pr = plan.prescriber
        if pr and (pr.name or pr.organisation or pr.phone):
            doctor = ", ".join(x for x in (pr.name, pr.organisation) if x) or "Your doctor"
            doctor += f" — phone {pr.phone}" if pr.phone else ""
        else:
            doctor = "______________________  phone ______________"
        ph = plan.pharmacy
        if ph and (ph.name or ph.phone):
            pharmacy = (ph.name or "Your pharmacy") + (f" — phone {ph.phone}" if ph.phone else "")
        else:
            pharmacy = "______________________  phone ______________"
        start = long_date(plan.start_date)
        if s.end_date is not None:
            start += f" (the plan ends {long_date(s.end_date)})"
        rows = [
            ("Patient", who),
            ("Medicine", medicine_text(s)),
            ("Your doctor", doctor),
            ("Your pharmacy", pharmacy),
            ("Start date", start),
            ("Printed", plain_date(self.printed_on)),
        ]
        self.label_rows(rows, c.body)
        self.blocks[-1].space_after = c.pt(10)

    def taper_warning(self) -> None:
        c = self.c
        tw = self.texts.get("taper_warning") or {}
        title = tw.get("title") or f"Do not stop taking {self.name} suddenly"
        body = tw.get("body") or ""
        instead = tw.get("instead") or ""
        border = c.pt(3.5)
        pad = c.pt(10)
        icon = c.pt(30)
        inner_x = border + pad + icon + c.pt(10)
        w = c.width - inner_x - border - pad
        title_size = 15.0
        h_title = c.text_h(title, w, title_size, True)
        h_body = c.text_h(body, w, c.body) if body else 0.0
        h_instead = c.text_h(instead, w, c.body, True) if instead else 0.0
        gap = c.pt(5)
        inner_h = h_title + (gap + h_body if body else 0) + (gap + h_instead if instead else 0)
        height = 2 * (border + pad) + max(inner_h, icon)

        def paint(p: QPainter, y: float) -> None:
            p.save()
            p.setPen(QPen(WARN_BORDER, border, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                          Qt.PenJoinStyle.MiterJoin))
            p.setBrush(WARN_FILL)
            p.drawRect(QRectF(border / 2, y + border / 2, c.width - border, height - border))
            p.restore()
            _warning_triangle(p, QRectF(border + pad, y + border + pad, icon, icon))
            ty = y + border + pad
            ty += _draw_text(p, c, inner_x, ty, w, title, title_size, True, WARN_BORDER)
            if body:
                ty += gap + _draw_text(p, c, inner_x, ty + gap, w, body, c.body)
            if instead:
                _draw_text(p, c, inner_x, ty + gap, w, instead, c.body, True)

        self.add(Block(height, paint, space_after=c.pt(12)))

    def schedule_blocks(self) -> None:
        s = self.s
        self.heading("Your doses, day by day", top=0)
        self.paragraph(
            "Take the doses shown for each date, at the times shown. Tick a box each day once you have "
            "taken all of that day's doses.", keep_with_next=True, space_after=6)
        for i, step in enumerate(s.steps):
            if step.total_mg == 0 and not step.doses:
                self.stop_block(step)
            else:
                self.step_block(i + 1, step)

    def step_block(self, number: int, step: Step) -> None:
        c = self.c
        bar = c.pt(5)
        pad = c.pt(5)
        x0 = bar + pad
        right = c.width - pad
        inner_w = right - x0
        head_size = 12.5
        when = date_range(step.start, step.end)
        total = total_text(step.total_mg)
        total_w = c.text_w(total, head_size, True)
        h_when = c.text_h(when, inner_w - total_w - c.pt(12), head_size, True)
        sub = f"Step {number} · {day_numbers(step)} · {step.days} day{'s' if step.days != 1 else ''} · " \
              f"{PHASE_WORDS.get(step.phase, step.phase)}"
        h_sub = c.text_h(sub, inner_w, c.small)

        # dose rows: icon | slot and time | what to take | mg
        icon = c.pt(17)
        slot_w = max(c.text_w(f"{SLOT_NAMES[sl]} 00:00", c.body, True) for sl in SLOTS) + c.pt(10)
        mg_w = max(c.text_w(f"{d.mg} mg", c.body, True) for d in step.doses) + c.pt(4)
        take_x = x0 + icon + c.pt(8) + slot_w
        take_w = right - mg_w - c.pt(8) - take_x
        rows = []
        for d in step.doses:
            take = f"Take {units_text(d.units)}"
            rh = max(icon, c.text_h(take, take_w, c.body))
            rows.append((d, take, rh))
        row_gap = c.pt(2.5)
        dz_text = dialysis_line(step)
        h_dz = c.text_h(dz_text, inner_w, c.body, True) + row_gap if dz_text else 0.0

        # tick boxes, or one line for a long step
        ticks = step.days <= MAX_TICK_DAYS
        label_size = c.small
        box = c.pt(12)
        pitch = max(box + c.pt(4), c.text_w("31", label_size) + c.pt(5))
        per_row = max(1, int((inner_w + (pitch - box)) // pitch))
        tick_rows = math.ceil(step.days / per_row) if ticks else 0
        label_h = c.line(label_size)
        tick_row_h = label_h + box + c.pt(3)
        if ticks:
            h_ticks = tick_rows * tick_row_h
            every = ""
        else:
            every = f"Every day from {long_date(step.start)} to {long_date(step.end)} ({step.days} days)."
            h_ticks = c.text_h(every, inner_w, c.body, True)

        height = pad + h_when + h_sub + c.pt(4) + sum(r[2] for r in rows) + row_gap * len(rows) \
            + h_dz + h_ticks + pad

        def paint(p: QPainter, y: float) -> None:
            p.save()
            p.setPen(QPen(RULE, c.pt(0.8)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(0, y, c.width, height))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(PHASE_BARS.get(step.phase, "#bbbbbb")))
            p.drawRect(QRectF(0, y, bar, height))
            p.restore()
            ty = y + pad
            _draw_text(p, c, x0, ty, inner_w - total_w - c.pt(12), when, head_size, True)
            p.setFont(c.font(head_size, True))
            p.setPen(INK)
            p.drawText(QRectF(right - total_w - c.pt(4), ty, total_w + c.pt(4), c.line(head_size, True) * 1.5),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), total)
            ty += h_when
            _draw_text(p, c, x0, ty, inner_w, sub, c.small, colour=GREY)
            ty += h_sub + c.pt(4)
            for d, take, rh in rows:
                draw_slot_icon(p, d.slot, QRectF(x0, ty, icon, icon))
                text_y = ty + max(0.0, (icon - c.line(c.body)) / 2)
                _draw_text(p, c, x0 + icon + c.pt(8), text_y, slot_w,
                           f"{SLOT_NAMES.get(d.slot, d.slot)} {d.time}", c.body, True)
                _draw_text(p, c, take_x, text_y, take_w, take, c.body)
                p.setFont(c.font(c.body, True))
                p.setPen(INK)
                p.drawText(QRectF(right - mg_w - c.pt(4), text_y, mg_w + c.pt(4), c.line(c.body) * 1.5),
                           int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"{d.mg} mg")
                ty += rh + row_gap
            if dz_text:
                _draw_text(p, c, x0, ty, inner_w, dz_text, c.body, True, DIALYSIS_INK)
                ty += h_dz
            if ticks:
                p.save()
                p.setFont(c.font(label_size))
                for k in range(step.days):
                    r, col = divmod(k, per_row)
                    bx = x0 + col * pitch
                    by = ty + r * tick_row_h
                    day = step.start.toordinal() + k
                    dom = date.fromordinal(day).day
                    p.setPen(GREY)
                    p.drawText(QRectF(bx - c.pt(4), by, box + c.pt(8), label_h),
                               int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), str(dom))
                    p.setPen(QPen(INK, c.pt(0.9)))
                    p.setBrush(QColor("white"))
                    p.drawRect(QRectF(bx, by + label_h, box, box))
                p.restore()
            else:
                _draw_text(p, c, x0, ty, inner_w, every, c.body, True)

        self.add(Block(height, paint, space_after=c.pt(5)))

    def stop_block(self, step: Step) -> None:
        c = self.c
        border = c.pt(2.5)
        pad = c.pt(9)
        w = c.width - 2 * (border + pad)
        main = f"From {long_date(step.start)}: stop taking {self.name} — your doctor planned this step"
        sub = f"{day_numbers(step)} · {total_text(0)} · no more doses from this date"
        h1 = c.text_h(main, w, 12.5, True)
        h2 = c.text_h(sub, w, c.small)
        height = 2 * (border + pad) + h1 + c.pt(3) + h2

        def paint(p: QPainter, y: float) -> None:
            p.save()
            p.setPen(QPen(STOP_BORDER, border))
            p.setBrush(STOP_FILL)
            p.drawRect(QRectF(border / 2, y + border / 2, c.width - border, height - border))
            p.restore()
            ty = y + border + pad
            ty += _draw_text(p, c, border + pad, ty, w, main, 12.5, True, STOP_BORDER)
            _draw_text(p, c, border + pad, ty + c.pt(3), w, sub, c.small, colour=GREY)

        self.add(Block(height, paint, space_after=c.pt(7)))

    def chart(self) -> None:
        c, s = self.c, self.s
        self.heading("Your plan as a chart")
        self.paragraph("The black line is your total dose each day. The coloured bands show the doses at each "
                       "time of day, with the same colours as the pictures beside your doses.",
                       keep_with_next=True, space_after=4)
        width = c.width
        height = min(width * 0.5, c.height * 0.42)
        # The chart's legend and limit labels need a figure about 560 pt wide; a narrower
        # text column gets the chart drawn that wide and scaled down to fit.
        zoom = min(1.0, (width / c.px_per_pt) / CHART_MIN_WIDTH_PT)
        svg = _chart_svg(s, width / c.px_per_pt / 72 / zoom, height / c.px_per_pt / 72 / zoom)

        def paint(p: QPainter, y: float) -> None:
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(svg)
            renderer.render(p, QRectF(0, y, width, height))

        self.add(Block(height, paint, space_after=c.pt(8)))

    def taper_table(self) -> None:
        c, s = self.c, self.s
        steps = [st for st in s.steps if st.phase == "taper"]
        if s.plan.taper is None or not steps:
            return
        self.heading("How your dose comes down")
        self.paragraph(f"Lower your dose only on these dates. Do not stop {self.name} sooner than planned.",
                       keep_with_next=True)
        slots = [sl for sl in SLOTS if any(d.slot == sl for st in steps for d in st.doses)]
        size = c.body
        pad = c.pt(4)
        date_w = max(c.text_w("Wed 30 Sep – Wed 30 Sep 2026", size) * 0.62, c.width * 0.24)
        mg_w = c.text_w("0000 mg/day", size, True) + 2 * pad
        slot_w = (c.width - date_w - mg_w) / max(1, len(slots))
        cols = [("When", date_w), ("Total", mg_w)] + [(SLOT_NAMES[sl], slot_w) for sl in slots]

        def row_block(cells: list[str], bold: bool, fill: QColor | None, icons: bool = False) -> Block:
            icon = c.pt(14) if icons else 0
            hs = [c.text_h(t, w - 2 * pad - (icon + c.pt(4) if icons and k >= 2 else 0), size, bold)
                  for k, (t, (_, w)) in enumerate(zip(cells, cols))]
            height = max(hs + [icon]) + 2 * pad

            def paint(p: QPainter, y: float) -> None:
                x = 0.0
                p.save()
                p.setPen(QPen(RULE, c.pt(0.6)))
                p.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
                for _, w in cols:
                    p.drawRect(QRectF(x, y, w, height))
                    x += w
                p.restore()
                x = 0.0
                for k, (t, (_, w)) in enumerate(zip(cells, cols)):
                    tx = x + pad
                    if icons and k >= 2:
                        draw_slot_icon(p, slots[k - 2], QRectF(tx, y + pad, icon, icon))
                        tx += icon + c.pt(4)
                    _draw_text(p, c, tx, y + pad, x + w - pad - tx, t, size, bold)
                    x += w

            return Block(height, paint)

        header = row_block([name for name, _ in cols], True, QColor("#f1f1f1"), icons=True)
        header.keep_with_next = True
        self.add(header)
        for st in steps:
            by_slot = {d.slot: d for d in st.doses}
            if st.total_mg == 0:
                cells = [date_range(st.start, st.end), total_text(0), "Stop: no more doses"] + [""] * (len(slots) - 1)
            else:
                cells = [date_range(st.start, st.end), total_text(st.total_mg)] + [
                    (units_text(by_slot[sl].units) if sl in by_slot else "—") for sl in slots]
            b = row_block(cells, False, None)
            b.repeat = header
            self.add(b)
        self.blocks[-1].space_after = c.pt(6)

    def advice(self) -> None:
        t = self.texts
        plan, profile = self.s.plan, self.s.profile
        # Which notes this plan carries (by indication, by age) is decided in the core.
        lines = {key: section_lines(plan, profile, key) for key in PLACES}
        if lines["how_to_take"]:
            self.heading("How to take your medicine")
            self.bullets(lines["how_to_take"])
        if t.get("missed_dose"):
            self.heading("If you miss a dose")
            self.paragraph(t["missed_dose"])
        if lines["serious_side_effects"]:
            self.heading("Side effects that need help at once")
            self.bullets(lines["serious_side_effects"])
        if lines["common_side_effects"]:
            self.heading("Common side effects")
            self.paragraph("Tell your doctor if any of these bother you or do not go away:", keep_with_next=True)
            self.bullets(lines["common_side_effects"])
        if lines["safety_tips"]:
            self.heading("Keeping safe")
            self.bullets(lines["safety_tips"])
        for note in own_sections(plan, profile):
            first = len(self.blocks)
            self.heading(note.title)
            if note.intro:
                self.paragraph(note.intro, keep_with_next=True)
            self.bullets(list(note.lines))
            for block in self.blocks[first:-1]:  # a short section moves to the next page whole
                block.keep_with_next = True
        if t.get("kidney_note") or self.s.kidney is not None:
            self.heading("Your kidneys and this medicine")
            if t.get("kidney_note"):
                self.paragraph(t["kidney_note"])
            if self.s.dialysis_steps:
                self.paragraph(DIALYSIS_NOTE, bold=True)
        ph = self.s.plan.pharmacy
        pr = self.s.plan.prescriber
        calls = []
        if pr and pr.phone:
            calls.append(f"your doctor on {pr.phone}")
        if ph and ph.phone:
            calls.append(f"your pharmacy on {ph.phone}")
        if calls:
            self.paragraph("Questions? Call " + " or ".join(calls) + ".", bold=True, space_after=0)

    # the clinician's page

    def clinician(self) -> None:
        c, s = self.c, self.s
        plan, profile = s.plan, s.profile
        size = 10.0
        title = "For the prescriber and pharmacy"
        h = c.text_h(title, c.width, 17, True)
        self.add(Block(h, lambda p, y: _draw_text(p, c, 0, y, c.width, title, 17, True),
                       space_after=c.pt(6), new_page=True))
        ind = plan.indication
        if ind:
            try:
                ind = profile.indication(ind).name
            except KeyError:
                pass
        taper = "none"
        if plan.taper is not None:
            t = plan.taper
            amount = f"{t.step_mg} mg" if t.step_mg is not None else f"{t.step_percent}% of the current dose"
            taper = f"reduce by {amount} every {_days(t.step_days)}, to zero"
        strengths = ", ".join(f.label for f in _plan_forms(s))
        if plan.strengths_mg is None:
            strengths = f"every solid strength: {strengths}"
        rows = [
            ("Drug", f"{profile.display_name}: {profile.product}"),
            ("Label", profile.label_title),
            ("Indication", ind or "not given"),
            ("Start", f"{plain_date(plan.start_date)} at {plan.start_dose_mg} mg/day"),
            ("Increment", f"{plan.increment_mg} mg/day"),
            ("Step interval", _days(plan.step_days)),
            ("Target", f"{plan.target_dose_mg} mg/day"),
            ("Doses per day", str(plan.doses_per_day)),
            ("Slot filling", {"grow": "grow (one more dose a day at each step, never fewer than the label gives)",
                              "all": "all (every dose from the start)"}.get(plan.slot_fill, plan.slot_fill)),
            ("Times", ", ".join(f"{SLOT_NAMES.get(k, k)} {v}" for k, v in plan.slot_times)),
            ("Larger doses first at", ", ".join(plan.larger_dose_order)),
            ("Maintenance", _days(plan.maintenance_days)),
            ("Taper", taper),
            ("Strengths", strengths),
            ("Plan length", f"{len(s.days)} days, {len(s.steps)} steps"
                            + (f", ending {plain_date(s.end_date)}" if s.end_date else "")),
        ]
        label_w = c.text_w("Larger doses first at", size, True) + c.pt(14)
        self.label_rows(rows, size, label_w)

        self.heading("Kidney function", size=12.5, top=8)
        if s.kidney is not None:
            k = s.kidney
            method = {"entered": "entered by the clinician",
                      "cockcroft-gault": "estimated by Cockcroft-Gault"}.get(k.method, k.method)
            doses = "1 dose" if k.doses_per_day == 1 else f"up to {k.doses_per_day} doses"
            kr = [("CrCl", f"{fmt_decimal(k.crcl_ml_min)} mL/min, {method}; {doses} a day"),
                  ("Kidney limit", kidney_limit_text(k))]
            ki = plan.kidney
            inputs = []
            if ki is not None and ki.crcl_ml_min is None:
                scr = (f"{ki.serum_creatinine_mg_dl} mg/dL" if ki.serum_creatinine_mg_dl is not None
                       else f"{ki.serum_creatinine_umol_l} µmol/L")
                inputs.append(f"age {ki.age_years}, {ki.sex}, {ki.weight_kg} kg, serum creatinine {scr}")
            if inputs:
                kr.append(("Inputs", "; ".join(inputs)))
            kr.append(("Haemodialysis", "yes" if k.haemodialysis else "no"))
            kr += dialysis_rows(s)
            self.label_rows(kr, size, label_w)
        else:
            self.paragraph("Not entered.", size=size)

        self.heading("Problems found by the planner", size=12.5, top=8)
        if s.problems:
            for pr in s.problems:
                src = f" Source: {cite(pr.source)}." if pr.source else ""
                ov = s.override_for(pr) if pr.severity == "blocking" else None
                extra = f" Overridden for {ov.value}: {ov.reason}" if ov else ""
                self.label_rows([(f"{pr.severity}", f"[{pr.code}] {problem_text(pr).rstrip('.')}.{src}{extra}")], size, label_w)
        else:
            self.paragraph("None.", size=size)

        self.heading("Recorded overrides", size=12.5, top=8)
        if plan.overrides:
            for o in plan.overrides:
                blocking = [pr for pr in s.problems if pr.code == o.code and pr.severity == "blocking"]
                covers = [pr for pr in blocking if s.override_for(pr) is o]
                what = (f"overrides the blocking problem: {problem_text(covers[0])}" if covers
                        else "covers no blocking problem of the current plan")
                # The value it was given for: a reader can see the decision matches the doses printed.
                given = f"Given for: {o.value}. " if o.value else "Given for no recorded value (older file). "
                self.label_rows([(o.code, f"{given}Reason: {o.reason} — {what}")], size, label_w)
        else:
            self.paragraph("None.", size=size)

        self.heading("To dispense for the whole plan", size=12.5, top=8)
        if s.dispense:
            for line in s.dispense:
                self.paragraph(dispense_text(line), size=size, bold=True, space_after=2)
        else:
            self.paragraph("Nothing.", size=size)
        if s.dialysis_steps:
            self.paragraph("Not included above: the supplements after each dialysis session (see Kidney "
                           "function); the number of sessions is not known to the planner.", size=size, bold=True)
        if profile.half_tablet_use_within_days:
            self.paragraph(f"Half tablets: the other half is counted as the next half dose if it comes within "
                           f"{profile.half_tablet_use_within_days.value} days; otherwise a new tablet.",
                           size=size, colour=GREY)
        self.paragraph(f"Printed doses are the engine's doses; plan file format {PLAN_FILE_FORMAT}.",
                       size=size, colour=GREY, space_after=0)
        if self.blocks:
            self.blocks[-1].keep_with_next = False


DIALYSIS_INK = QColor("#355070")
DIALYSIS_NOTE = ("If you have dialysis: after each dialysis session, take the extra dose shown in your plan "
                 "for that day. There is no extra dose after your last dose.")


def dialysis_line(step: Step) -> str:
    """The step's supplement after each dialysis session, in the patient's words ('' if none)."""
    dz = step.dialysis
    if dz is None:
        return ""
    return f"After each dialysis session ({dz.session_hours} hours): also take {units_text(dz.units)} ({dz.mg} mg)."


def dialysis_rows(s: Schedule) -> list[tuple[str, str]]:
    """The clinician's row: each step's supplement, with the label's amount where the strengths
    give less and the label's other amount where it gives two (the problems list says how each
    step was matched to the label's table)."""
    parts = []
    for n, st in enumerate(s.steps, 1):
        dz = st.dialysis
        if dz is None:
            continue
        label = []
        if dz.mg != dz.label_mg:
            label.append(f"label {dz.label_mg} mg")
        if dz.label_higher_mg is not None:
            label.append(f"label {dz.label_mg} or {dz.label_higher_mg} mg")
        extra = f"; {', '.join(label)}" if label else ""
        parts.append(f"step {n}, {dz.mg} mg ({units_text(dz.units)}{extra})")
    if not parts:
        return []
    dz = s.dialysis_steps[0].dialysis
    return [("After dialysis", f"after each {dz.session_hours}-hour session ({cite(dz.source)}): "
                               + "; ".join(parts) + "; none after the last dose")]


def _plan_forms(s: Schedule):
    from planner.domain.schedule import plan_forms

    return sorted(plan_forms(s.plan, s.profile), key=lambda f: f.strength_mg)


def _chart_svg(schedule: Schedule, width_in: float, height_in: float) -> bytes:
    import matplotlib
    from matplotlib.figure import Figure

    from planner.chart.schedule_chart import draw_schedule

    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "titration-planner",
                                "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(width_in, height_in))
        draw_schedule(fig, schedule)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg")
    return _drop_empty_glyphs(buf.getvalue())


def _drop_empty_glyphs(svg: bytes) -> bytes:
    """A glyph with no outline (the space) is written as a <path> with no d attribute, which
    Qt's SVG reader rejects, warning about every <use> of it. Drop the glyph and its uses."""
    empty = _NO_OUTLINE.findall(svg)
    if not empty:
        return svg
    svg = _NO_OUTLINE.sub(b"", svg)
    ids = b"|".join(re.escape(i) for i in empty)
    return re.sub(rb'<use xlink:href="#(?:' + ids + rb')"[^>]*/>', b"", svg)


_NO_OUTLINE = re.compile(rb'<path id="([^"]*)"(?:\s+transform="[^"]*")?\s*/>')


_APP = None  # keeps a QGuiApplication made here alive


def ensure_gui_app():
    """The QGuiApplication a PDF is drawn with, made if there is none. With no display
    (no DISPLAY or WAYLAND_DISPLAY) and no QT_QPA_PLATFORM chosen, it draws offscreen."""
    global _APP
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a QCoreApplication is running; a PDF needs a QGuiApplication")
        return app
    if not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "titration-planner"])
    return _APP


# --- the page ---------------------------------------------------------------------------


def _ensure_fonts() -> None:
    if FAMILY not in QFontDatabase.families():
        from planner.export.fonts import register_fonts

        register_fonts(QGuiApplication.instance())


def _set_page(device: QPagedPaintDevice, options: PrintOptions) -> None:
    size_id = QPageSize.PageSizeId.Letter if options.paper.lower() == "letter" else QPageSize.PageSizeId.A4
    layout = QPageLayout(QPageSize(size_id), QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    if not device.setPageLayout(layout):
        # A printer whose hardware margins are wider: keep its margins, still set the paper.
        device.setPageSize(QPageSize(size_id))
        device.setPageOrientation(QPageLayout.Orientation.Portrait)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _footer_text(schedule: Schedule, printed_on: date) -> str:
    who = patient_name(schedule)
    for_whom = f" for {who}" if who else ""
    return f"{schedule.profile.display_name} plan{for_whom} · printed {printed_on.strftime('%d %b %Y').lstrip('0')}"


def layout_plan(device: QPagedPaintDevice, schedule: Schedule, options: PrintOptions,
                printed_on: date) -> tuple[_Ctx, list[_Page], float]:
    c = _Ctx(device, options)
    footer_h = c.line(c.small) + c.pt(8)
    b = _Builder(c, schedule, options, printed_on)
    b.header()
    b.taper_warning()
    b.schedule_blocks()
    b.chart()
    b.taper_table()
    b.advice()
    b.clinician()
    return c, _paginate(b.blocks, c.height - footer_h), footer_h


def paint_plan(device: QPagedPaintDevice, schedule: Schedule, options: PrintOptions) -> int:
    """Paint every page on device (a QPrinter from QPrintPreviewDialog.paintRequested /
    QPrintDialog, or a QPdfWriter), calling device.newPage() between pages. Sets the page
    size/margins from options. Returns the page count."""
    refuse_unexportable(schedule)
    if QGuiApplication.instance() is None:
        raise RuntimeError("paint_plan needs a QGuiApplication")
    _ensure_fonts()
    printed_on = options.printed_on or date.today()
    _set_page(device, options)
    c, pages, footer_h = layout_plan(device, schedule, options, printed_on)
    footer = _footer_text(schedule, printed_on)
    return _paint_pages(device, c, pages, footer_h, footer)


def _paint_pages(device: QPagedPaintDevice, c: _Ctx, pages: list[_Page], footer_h: float, footer: str) -> int:
    n = len(pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting on the printer or PDF file")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for i, page in enumerate(pages):
            if i:
                device.newPage()
            for block, y in page.items:
                painter.save()
                block.paint(painter, y)
                painter.restore()
            # footer
            fy = c.height - footer_h + c.pt(5)
            painter.setPen(QPen(RULE, c.pt(0.6)))
            painter.drawLine(QPointF(0, fy - c.pt(3)), QPointF(c.width, fy - c.pt(3)))
            page_no = f"Page {i + 1} of {n}"
            pw = c.text_w(page_no, c.small, True) + c.pt(4)
            # One line, shortened if it must be: the footer has room for one line only.
            room = c.width - pw - c.pt(8)
            painter.setFont(c.font(c.small))
            painter.setPen(GREY)
            short = QFontMetricsF(c.font(c.small), device).elidedText(footer, Qt.TextElideMode.ElideMiddle, room)
            painter.drawText(QRectF(0, fy, room, c.line(c.small) * 1.5),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), short)
            painter.setFont(c.font(c.small, True))
            painter.setPen(INK)
            painter.drawText(QRectF(c.width - pw, fy, pw, c.line(c.small) * 1.5),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), page_no)
    finally:
        painter.end()
    return n


def render_pdf(schedule: Schedule, options: PrintOptions) -> tuple[bytes, int]:
    """The PDF in memory, and its page count. QPdfWriter reports no write error, so it
    never writes to a file: the caller writes the bytes and can see a short write."""
    refuse_unexportable(schedule)
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError("could not open a memory buffer for the PDF")
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    who = patient_name(schedule)
    writer.setTitle(f"{schedule.profile.display_name} plan" + (f" for {who}" if who else ""))
    writer.setCreator("Titration Planner")
    pages = paint_plan(writer, schedule, options)
    del writer  # the PDF is complete when the writer goes
    buffer.close()
    return bytes(buffer.data().data()), pages


def export_pdf(schedule: Schedule, path: str | os.PathLike, options: PrintOptions) -> int:
    """Write the PDF to path unchecked and return its page count. The application exports
    through planner.export.files.export_file, which checks the file before it replaces one."""
    data, pages = render_pdf(schedule, options)
    with open(path, "wb") as fh:
        fh.write(data)
    return pages
