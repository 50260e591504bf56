"""The printout in three parts: what the pages say (blocks, built with no Qt and no
matplotlib, holding the engine's doses), laying them onto pages (testable with any
measurer), and painting (tested through the PDF in test_printout.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from planner.domain.schedule import compute_schedule
from planner.export.print_options import PrintOptions
from planner.export.printout.blocks import Chart, PlanCode, StepCard, StopBox, TableRow
from planner.export.printout.content import plan_pages
from planner.export.printout.layout import lay_out
from planner.files.planfile import load_example
from planner.text.numbers import fmt_count

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = "gabapentin-phn-to-1800-with-taper"


def test_the_blocks_are_built_without_qt_or_matplotlib_and_hold_the_engines_doses():
    script = f"""
import json, sys
from datetime import date
from planner.domain.schedule import compute_schedule
from planner.export.print_options import PrintOptions
from planner.export.printout.blocks import StepCard
from planner.export.printout.content import plan_pages
from planner.files.planfile import load_example
s = compute_schedule(load_example({EXAMPLE!r}))
pages = plan_pages(s, PrintOptions(), date(2026, 12, 1))
cards = [[b.total, [d.amount for d in b.doses]] for b in pages.blocks if isinstance(b, StepCard)]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "matplotlib", "numpy"))
print(json.dumps({{"heavy": heavy, "cards": cards}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    got = json.loads(out.stdout)
    assert got["heavy"] == []
    steps = [st for st in compute_schedule(load_example(EXAMPLE)).steps if st.doses]
    assert got["cards"] == [[f"{st.total_mg} mg/day", [f"{d.mg} mg" for d in st.doses]] for st in steps]


def test_each_step_card_says_what_to_take_from_the_engines_units_and_ticks_every_day():
    s = compute_schedule(load_example(EXAMPLE))
    # With the month tick chart (the default) the cards have no tick boxes: the chart has one per dose.
    charted = plan_pages(s, PrintOptions(), date(2026, 12, 1)).blocks
    assert not any(b.tick_labels for b in charted if isinstance(b, StepCard))
    blocks = plan_pages(s, PrintOptions(tick_chart=False), date(2026, 12, 1)).blocks
    cards = [b for b in blocks if isinstance(b, (StepCard, StopBox))]
    assert len(cards) == len(s.steps)
    for card, st in zip(cards, s.steps):
        if isinstance(card, StopBox):
            assert st.total_mg == 0 and "stop taking gabapentin" in card.main
            continue
        for row, dose in zip(card.doses, st.doses, strict=True):
            assert row.slot == dose.slot and dose.time in row.when
            assert all(f"{fmt_count(u.count)} × {u.strength_mg} mg" in row.take for u in dose.units)
        if st.days <= 31:
            assert card.tick_labels == tuple(str(date.fromordinal(st.start.toordinal() + k).day)
                                             for k in range(st.days))
        else:  # a long step is one line, not a month of boxes
            assert not card.tick_labels and f"({st.days} days)" in card.every_day
    assert sum(isinstance(b, Chart) for b in blocks) == 1


class FakeMetrics:
    """Every character 0.5 em wide, lines 1.2 em apart: enough to lay pages out with no Qt."""

    width, height, px_per_pt = 500.0, 700.0, 1.0

    def pt(self, x):
        return x

    def line(self, size, bold=False):
        return size * 1.2

    def text_w(self, text, size, bold=False):
        return len(text) * size * 0.5

    def text_h(self, text, width, size, bold=False):
        per_line = max(1, int(width // (size * 0.5)))
        return -(-max(1, len(text)) // per_line) * self.line(size)


def test_layout_keeps_headings_with_what_follows_repeats_table_headers_and_splits_no_block():
    s = compute_schedule(load_example(EXAMPLE))
    blocks = plan_pages(s, PrintOptions(part="all"), date(2026, 12, 1)).blocks
    m = FakeMetrics()
    pages = lay_out(m, blocks, 650.0)
    placed = [box for page in pages for box, _ in page.items]
    # Every block once, in order (a repeated table header aside), each wholly on its page.
    assert [b.block for b in placed if not (isinstance(b.block, TableRow) and b.block.header)] == \
        [b for b in blocks if not (isinstance(b, TableRow) and b.header)]
    for page in pages:
        for box, y in page.items:
            assert y + box.height <= 650.0 or y == 0
        last_box, _ = page.items[-1]
        if page is not pages[-1]:
            assert not last_box.block.keep_with_next, last_box.block  # no heading ends a page
        first, _ = page.items[0]
        rows = [b for b, _ in page.items if isinstance(b.block, TableRow)]
        if rows:
            assert rows[0].block.header  # a page of taper rows starts with the header
    # The clinician's page starts with its title beside the plan's code (issue 18).
    clinician = next(i for i, page in enumerate(pages)
                     if isinstance(page.items[0][0].block, PlanCode) and page.items[0][0].block.new_page)
    assert pages[clinician].items[0][0].block.title == "For the prescriber and pharmacy"
