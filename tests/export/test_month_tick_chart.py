"""The month tick chart: a calendar page per month of the plan with one box per engine dose
(content_month), each month measured to fit the page, split by weeks when it cannot
(layout_month), and painted into the PDF."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.domain.schedule import compute_schedule
from planner.export.print_options import PrintOptions
from planner.export.printout.blocks import MonthChart, Text
from planner.export.printout.content import plan_pages
from planner.export.printout.content_month import (
    MAX_MONTHS, choose_months, left_out_text, month_blocks, plan_months,
)
from planner.files.planfile import example_names, load_example, parse_plan_text

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = date(2026, 12, 1)


def _cells(blocks):
    """Every dated cell of the chart, by date (a date printed twice is an error)."""
    out = {}
    for b in blocks:
        for week in b.weeks:
            assert len(week) == 7
            for cell in week:
                if cell.date is not None:
                    assert cell.date not in out, f"{cell.date} printed twice"
                    out[cell.date] = cell
    return out


def _month(b: MonthChart) -> tuple[int, int]:
    d = next(c.date for w in b.weeks for c in w if c.date is not None)
    return d.year, d.month


def four_doses_plan():
    """Four doses a day in November 2026, a month of six weeks (1 Nov is a Sunday)."""
    data = json.loads((ROOT / "resources/examples/gabapentin-phn-start-until-review.json").read_text())
    data.update(start_date="2026-11-01", doses_per_day=4, slot_fill="all", start_dose_mg=1200, increment_mg=400,
                step_days=7, target_dose_mg=2400, review_date="2026-12-20", step_edits=[])
    return compute_schedule(parse_plan_text(json.dumps(data)), today=date(2026, 10, 1))


@pytest.mark.parametrize("name", example_names())
def test_each_days_boxes_are_the_engines_doses(name):
    s = compute_schedule(load_example(name), today=TODAY)
    blocks = month_blocks(s)
    cells = _cells(blocks)
    shown = {_month(b) for b in blocks}
    assert [_month(b) for b in blocks] == sorted(shown)  # calendar order, one block per month
    in_plan = {d.date: d for d in s.days}
    for day in s.days:
        if (day.date.year, day.date.month) not in shown:
            continue
        cell = cells[day.date]
        assert cell.in_plan
        assert len(cell.doses) == len(day.doses)
        for box, dose in zip(cell.doses, day.doses):
            assert (box.slot, box.mg, box.amount) == (dose.slot, dose.mg, f"{dose.mg} mg")
    for when, cell in cells.items():  # today's doses before day 1, and days after the last, are not in it
        if when not in in_plan:
            assert not cell.in_plan and not cell.doses
    # Every day of each month shown, Monday first.
    for b in blocks:
        year, month = _month(b)
        first = date(year, month, 1)
        assert b.weeks[0][first.weekday()].date == first
        assert all(b.weeks[0][k].date is None for k in range(first.weekday()))
        assert b.new_page


@pytest.mark.parametrize("name", [n for n in example_names() if n != "gabapentin-slow-two-year"])
def test_every_month_of_a_plan_up_to_the_cap_gets_a_page(name):
    s = compute_schedule(load_example(name), today=TODAY)
    blocks = month_blocks(s)
    assert len(plan_months(s)) <= MAX_MONTHS
    assert [_month(b) for b in blocks] == plan_months(s)
    months = {1: "January", 12: "December", 2: "February", 3: "March"}
    for b in blocks:
        year, month = _month(b)
        if month in months:
            assert b.title == f"Tick chart: {months[month]} {year}"


def test_new_doses_the_stop_day_and_the_review_day_are_marked():
    s = compute_schedule(load_example("gabapentin-stop-from-300-300-600"), today=TODAY)
    cells = _cells(month_blocks(s))
    before = tuple((d.slot, d.mg) for d in s.current)
    for day in s.days:
        now = tuple((d.slot, d.mg) for d in day.doses)
        tone = cells[day.date].tone
        if not day.doses and before:
            assert tone == "stop" and "No more doses" in cells[day.date].mark
        elif now != before:
            assert tone == "change" and cells[day.date].mark == "New dose"
        else:
            assert tone == ""
        before = now
    s = compute_schedule(load_example("gabapentin-phn-start-until-review"), today=TODAY)
    blocks = month_blocks(s)
    cells = _cells(blocks)
    assert cells[s.days[0].date].tone == "start"
    assert s.review_date == s.days[-1].date and cells[s.review_date].mark == "Review day"
    after = s.days[-1].date + timedelta(days=1)
    assert not cells[after].in_plan  # the chart runs to the last laid-out day
    # ...and says to keep taking it, so no grey day reads as stopping.
    assert any("Keep taking 600 mg three times a day" in n for n in blocks[-1].notes)


def test_a_two_year_plan_prints_the_first_month_and_every_month_with_a_change_and_names_the_rest():
    s = compute_schedule(load_example("gabapentin-slow-two-year"), today=TODAY)
    blocks = month_blocks(s)
    months = plan_months(s)
    assert len(months) == 27 and len(blocks) == MAX_MONTHS
    shown = [_month(b) for b in blocks]
    changed = {(d.year, d.month) for d in _changes(s)}
    assert shown[0] == months[0] and changed <= set(shown)
    left = [m for m in months if m not in shown]
    assert left == [(2027, m) for m in range(4, 13)] + [(2028, m) for m in range(1, 7)]
    assert blocks[0].notes == ("This chart has no pages for Apr 2027 to Jun 2028. Your plan goes on in those months. "
                              "Ask your doctor to print them.",)


def _changes(s):
    out, before = [], tuple((d.slot, d.mg) for d in s.current) or None
    for d in s.days:
        now = tuple((x.slot, x.mg) for x in d.doses)
        if now != before:
            out.append(d.date)
        before = now
    return out


def test_the_cap_never_drops_a_changed_month_without_naming_it():
    months = [(2027, m) for m in range(1, 13)] + [(2028, m) for m in range(1, 13)]
    changed = set(months[::2])  # 12 months with a change, the first among them
    chosen = choose_months(months, changed, cap=6)
    assert chosen == months[0:12:2]
    # Every month left out is named, alone or in a run: the changed ones among them too.
    assert left_out_text(months, chosen).startswith(
        "This chart has no pages for Feb 2027, Apr 2027, Jun 2027, Aug 2027, Oct 2027, Dec 2027 to Dec 2028. ")
    # Few changes: the cap fills with the earliest months, in date order.
    assert choose_months(months, {(2028, 6)}, cap=4) == [(2027, 1), (2027, 2), (2027, 3), (2028, 6)]
    assert choose_months(months[:5], set(), cap=6) == months[:5]
    assert left_out_text(months[:5], months[:5]) == ""


def test_the_chart_follows_the_patients_advice_and_is_left_out_when_not_asked_for():
    s = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"), today=TODAY)
    blocks = plan_pages(s, PrintOptions(part="all"), TODAY).blocks
    first = next(i for i, b in enumerate(blocks) if isinstance(b, MonthChart))
    last = max(i for i, b in enumerate(blocks) if isinstance(b, MonthChart))
    assert any(isinstance(b, Text) and "side effects" in b.text.lower() for b in blocks[:first])
    assert blocks[last + 1].new_page  # the clinician's page after the chart
    assert last - first + 1 == len(plan_months(s))
    assert not any(isinstance(b, MonthChart) for b in plan_pages(s, PrintOptions(tick_chart=False), TODAY).blocks)
    assert not any(isinstance(b, MonthChart) for b in plan_pages(s, PrintOptions(part="clinician"), TODAY).blocks)


# --- measured on a real device: every paper, orientation and print size -------------------

PAGES = [(paper, orient, large) for paper in ("A4", "Letter") for orient in ("portrait", "landscape")
         for large in (False, True)]


def _device(paper: str, orientation: str):
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    from planner.export.printout.render import MARGIN_MM

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    size = QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4
    turn = QPageLayout.Orientation.Landscape if orientation == "landscape" else QPageLayout.Orientation.Portrait
    assert writer.setPageLayout(QPageLayout(QPageSize(size), turn, QMarginsF(*[MARGIN_MM] * 4),
                                            QPageLayout.Unit.Millimeter))
    return writer, buffer


def _inside(inner, outer, slack=0.5):
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox - slack and y >= oy - slack and x + w <= ox + ow + slack and y + h <= oy + oh + slack


def _check_fits(c, pages, page_h, blocks):
    from planner.export.printout.layout_month import DETAIL, DOSE, MARK, NUM

    mm6 = c.px_per_pt * 72 / 25.4 * 6
    seen = set()
    for page in pages:
        months = [(box, y) for box, y in page.items if isinstance(box.block, MonthChart)]
        assert len(months) == 1  # one month (or part of one) a page
        box, y = months[0]
        assert y == 0 and box.height <= page_h + 0.5
        assert any(c.in_plan for w in box.block.weeks for c in w)  # no page of grey days alone
        used = {d.slot for w in box.block.weeks for c in w for d in c.doses}
        assert {slot for slot, _ in box.block.legend} == used  # the key names the pictures on its page
        for cell in box.geo["cells"]:
            rect = cell["rect"]
            assert _inside(rect, (0, 0, c.width, box.height))
            day = cell["day"]
            if day.date is None:
                continue
            seen.add(day.date)
            assert c.text_w(str(day.date.day), NUM, True) <= cell["num"][2]
            assert _inside(cell["num"], rect)
            if cell["mark"] is not None:
                assert _inside(cell["mark"], rect)
                assert c.text_h(day.mark, cell["mark"][2], MARK, True) <= cell["mark"][3] + 0.5
            for dose, place in cell["doses"]:
                assert _inside(place["rect"], rect)
                for part in ("icon", "tick", "text"):
                    assert _inside(place[part], place["rect"]), part
                assert c.text_w(dose.amount, DOSE, True) <= place["text"][2]
                if dose.detail:  # the oral solution's mL, under the amount
                    assert c.text_w(dose.detail, DETAIL) <= place["detail"][2]
                    assert _inside(place["detail"], place["rect"])
                assert place["tick"][2] >= mm6 and place["tick"][3] >= mm6  # big enough to tick by hand
                for other, o in cell["doses"]:
                    if other is not dose:
                        assert not _overlap(place["rect"], o["rect"])
    wanted = {c.date for b in blocks for w in b.weeks for c in w if c.in_plan}
    assert wanted <= seen  # splitting a month loses no day of the plan


def _overlap(a, b):
    return a[0] < b[0] + b[2] - 0.5 and b[0] < a[0] + a[2] - 0.5 and a[1] < b[1] + b[3] - 0.5 \
        and b[1] < a[1] + a[3] - 0.5


@pytest.mark.parametrize("paper,orientation,large", PAGES)
def test_every_month_fits_the_page_with_boxes_big_enough_to_tick(qapp, paper, orientation, large):
    from planner.export.printout.blocks import SMALL
    from planner.export.printout.layout import lay_out
    from planner.export.printout.painter import QtMetrics
    from planner.export.printout.render import _ensure_fonts

    _ensure_fonts()
    writer, _buffer = _device(paper, orientation)
    c = QtMetrics(writer, PrintOptions(paper=paper, orientation=orientation, large_print=large))
    page_h = c.height - (c.line(SMALL) + c.pt(8))
    schedules = [compute_schedule(load_example(n), today=TODAY) for n in example_names()] + [four_doses_plan()]
    for s in schedules:
        blocks = month_blocks(s)
        pages = lay_out(c, blocks, page_h)
        _check_fits(c, pages, page_h, blocks)
        if not large and orientation == "portrait" and max(len(d.doses) for d in s.days) <= 3:
            assert len(pages) == len(blocks)  # normal print, portrait: a month a page


def test_a_month_too_tall_for_the_page_is_split_into_weeks(qapp):
    from planner.export.printout.blocks import SMALL
    from planner.export.printout.layout import lay_out
    from planner.export.printout.painter import QtMetrics
    from planner.export.printout.render import _ensure_fonts

    _ensure_fonts()
    writer, _buffer = _device("A4", "portrait")
    c = QtMetrics(writer, PrintOptions(large_print=True))
    page_h = c.height - (c.line(SMALL) + c.pt(8))
    s = four_doses_plan()
    november = month_blocks(s)[0]
    assert len(november.weeks) == 6
    parts = [box.block for page in lay_out(c, [november], page_h) for box, _ in page.items]
    assert len(parts) >= 2
    assert [w for p in parts for w in p.weeks] == list(november.weeks)
    assert [p.title for p in parts] == [f"Tick chart: November 2026 (page {k} of {len(parts)})"
                                        for k in range(1, len(parts) + 1)]


def test_the_pdf_prints_the_tick_chart(qapp, tmp_path):
    from planner.export.printout.render import render_pdf

    s = compute_schedule(load_example("gabapentin-stop-from-300-300-600"), today=TODAY)
    data, pages = render_pdf(s, PrintOptions(printed_on=TODAY))
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())  # a wrapped line reads as one
    assert "Tick chart: December 2026" in text and "Gabapentin for Alex Example" in text
    assert "Tick a box after each dose." in text and "New dose" in text and "No more doses" in text
    assert text.count("600 mg") == 7 + 7  # Dec 1-7 bedtime and Dec 8-14 bedtime: the engine's doses
    _, fewer = render_pdf(s, PrintOptions(printed_on=TODAY, tick_chart=False))
    assert fewer == pages - 1


def test_the_chart_speaks_in_short_plain_sentences():
    s = compute_schedule(load_example("gabapentin-slow-two-year"), today=TODAY)
    blocks = month_blocks(s) + month_blocks(compute_schedule(load_example("gabapentin-phn-start-until-review"),
                                                             today=TODAY))
    assert len(blocks[0].instruction.split()) <= 6  # one instruction, six words at most
    marks = {c.mark for b in blocks for w in b.weeks for c in w if c.mark}
    assert marks == {"Start", "New dose", "Stop. No more doses.", "Review day"}
    for text in [n for b in blocks for n in b.notes] + sorted(marks):
        for sentence in text.replace(":", ".").split(". "):
            assert len(sentence.split()) <= 12, sentence
