"""What the printed pages hold, as a list of blocks: no Qt, no matplotlib, no measuring.

planner.export.printout.content builds the list from a Schedule and the PrintOptions;
layout measures and paginates it; paint draws it with Qt. Every block is one piece of a
page that never splits across pages. Sizes are typographic points (before large print
scales them); colours are names the painter knows (COLOURS).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BODY = 11.0  # the body text's size in points
SMALL = 9.5  # footers, day labels over tick boxes, second lines

COLOUR_NAMES = ("ink", "grey", "warn", "stop", "dialysis")  # a Text's colour; the painter knows each


@dataclass
class Block:
    """Pagination for every kind of block."""

    space_after: float = 0.0  # points below the block, before the next
    keep_with_next: bool = False  # moves to the next page with the block after it (a heading)
    new_page: bool = False  # starts a page (the clinician's page)


@dataclass
class Text(Block):
    """A heading or paragraph: wrapped text, `top` points of space above it on the page."""

    text: str = ""
    size: float = BODY
    bold: bool = False
    colour: str = "ink"
    indent: float = 0.0
    top: float = 0.0


@dataclass
class Bullet(Block):
    text: str = ""
    size: float = BODY


@dataclass
class LabelColumn:
    """The width of a label column: the widest of `widest` (bold) plus `gap` points, and at
    most `max_share` of the text width."""

    widest: tuple[str, ...]
    gap: float
    max_share: float | None = None


@dataclass
class LabelRow(Block):
    """One row of two columns: a bold label and its value."""

    label: str = ""
    value: str = ""
    size: float = BODY
    column: LabelColumn | None = None


@dataclass
class WarningBox(Block):
    """The red box with a warning triangle: a title, a body and what to do instead."""

    title: str = ""
    body: str = ""
    instead: str = ""


@dataclass
class EmergencyBox(Block):
    """The box of serious side effects: its title on a red band, whom to call in an emergency
    (the number), the signs as bullets and the prescriber's and pharmacy's phones. Never split."""

    title: str = ""
    call: str = ""  # "Call 911 (or your local emergency number) if ..."
    lines: tuple[str, ...] = ()  # the serious signs, one bullet each
    contacts: tuple[str, ...] = ()  # "Your doctor: 01234 567890"
    top: float = 0.0  # points of space above the box


@dataclass(frozen=True)
class DoseRow:
    slot: str  # morning, midday, evening, bedtime: the picture beside it
    when: str  # "Morning 08:00"
    take: str  # "Take 1 × 300 mg capsule"
    amount: str  # "300 mg"
    units: tuple = ()  # the engine's Units of this dose: the painter draws each (capsule, tablet, syringe)
    syringe_ml: int | None = None  # the oral syringe's size, for a liquid dose
    scored_mg: tuple[int, ...] = ()  # strengths of the drug's scored tablets: their pictures show the score


@dataclass
class StepCard(Block):
    """One dose step: its dates and total, a line about the step, a row per dose, the dialysis
    supplement, and a tick box per day (or one line for a long step)."""

    phase: str = ""  # the coloured bar's phase
    when: str = ""
    total: str = ""
    about: str = ""
    slot_samples: tuple[str, ...] = ()  # the widest a "when" can be, for the column
    doses: tuple[DoseRow, ...] = ()
    dialysis: str = ""
    tick_labels: tuple[str, ...] = ()  # the day of the month over each tick box
    every_day: str = ""  # instead of tick boxes


@dataclass
class StopBox(Block):
    """The green box of the step that stops the medicine; with tone "continue", the box after
    the last step of a plan that continues (keep taking it)."""

    main: str = ""
    sub: str = ""
    tone: str = "stop"  # "stop" or "continue": the painter's colours


@dataclass
class Chart(Block):
    """The schedule chart (planner.chart draws it) across the text width."""

    schedule: Any = None
    audience: str = "patient"  # "patient": only what the patient takes; "clinician": with the limits


@dataclass
class TableColumns:
    """A table's columns: a date column as wide as `date_sample` (scaled), a total column as
    wide as `total_sample` (bold), and the rest shared by the time-of-day columns."""

    names: tuple[str, ...]
    date_sample: str
    total_sample: str
    slots: tuple[str, ...]


@dataclass
class TableRow(Block):
    columns: TableColumns | None = None
    cells: tuple[str, ...] = ()
    header: bool = False  # bold, shaded, time-of-day pictures; repeated on a page a row starts


@dataclass
class PlanCode(Block):
    """The plan as a QR code (issue 18; content_code builds it), its caption beside it.
    modules: the code's rows of dark (True) and light modules, without the quiet zone; empty
    when the plan is too long for one code (the caption then says so)."""

    text: str = ""  # what the code holds (planner.files.plan_code.encode_plan)
    modules: tuple[tuple[bool, ...], ...] = ()
    caption: str = ""
    size: float = SMALL  # the caption's size
    top: float = 0.0  # points of space above the block


@dataclass(frozen=True)
class Pages:
    """Every block of the printout, and the words of its footer."""

    blocks: list[Block]
    footer: str
    title: str  # the PDF's document title
    # The clinician's page, in the window's language: its first block and its footer (None: no
    # such page, or the whole printout is it and footer is already in the window's language).
    clinician_start: Block | None = None
    clinician_footer: str = ""


# --- the usual pieces -----------------------------------------------------------------------


def heading(text: str, size: float = 15.0, top: float = 10.0) -> Text:
    return Text(text=text, size=size, bold=True, top=top, space_after=4, keep_with_next=True)


def paragraph(text: str, size: float = BODY, bold: bool = False, colour: str = "ink", space_after: float = 4.0,
              keep_with_next: bool = False) -> Text:
    return Text(text=text, size=size, bold=bold, colour=colour, space_after=space_after,
                keep_with_next=keep_with_next)


def bullets(items) -> list[Block]:
    return [Bullet(text=item, space_after=3) for item in items]


def label_rows(rows: list[tuple[str, str]], size: float, column: LabelColumn) -> list[Block]:
    return [LabelRow(label=k, value=v, size=size, column=column, space_after=2.5) for k, v in rows]


# --- the month tick chart (content_month builds it, layout_month measures it) ----------------


@dataclass(frozen=True)
class TickDose:
    """One box to tick: a dose of the engine's day, its time of day's picture and its amount."""

    slot: str
    amount: str  # "300 mg"
    mg: int  # the engine's dose
    detail: str = ""  # a second line: the oral solution's mL


@dataclass(frozen=True)
class TickDay:
    """One cell of the calendar. date None: a day of the month before or after (blank)."""

    date: Any = None  # a datetime.date
    in_plan: bool = False  # False: grey, nothing to take from this plan on this day
    doses: tuple[TickDose, ...] = ()
    mark: str = ""  # "New dose", "Stop. No more doses.", "Review day"
    tone: str = ""  # "start", "change", "stop", "review": the painter's colour and border


@dataclass
class MonthChart(Block):
    """A month of the tick chart on its own page: weeks as rows, Monday first (ISO 8601).
    Layout splits it into parts (`weeks` a slice, `title` from `part_titles`) when a whole
    month does not fit the page."""

    title: str = ""
    subtitle: str = ""
    instruction: str = ""
    legend: tuple[tuple[str, str], ...] = ()  # (slot, "Morning 08:00") for the pictures used
    weekdays: tuple[str, ...] = ()  # "Monday" ...
    weekdays_short: tuple[str, ...] = ()  # "Mon" ... where the long names do not fit
    weeks: tuple[tuple[TickDay, ...], ...] = ()  # 7 days each
    notes: tuple[str, ...] = ()  # below the grid
    # A month split over n pages: part_titles[n] is the title of each of its parts.
    part_titles: dict[int, tuple[str, ...]] = field(default_factory=dict)


__all__ = ["heading", "paragraph", "bullets", "label_rows", "COLOUR_NAMES", "Block", "Text", "Bullet", "LabelColumn", "LabelRow", "WarningBox", "EmergencyBox", "DoseRow", "StepCard", "StopBox",
           "Chart", "TableColumns", "TableRow", "PlanCode", "Pages", "BODY", "SMALL",
           "TickDose", "TickDay", "MonthChart"]
