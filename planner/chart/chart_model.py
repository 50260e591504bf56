"""Everything the schedule chart shows, computed once from a Schedule in data units (dates
and mg): the window's QPainter chart (planner.app.chart_view) and the paper's matplotlib
chart (schedule_chart) both draw this one model, so the screen and the page cannot differ
in what they say. Pure Python: no matplotlib, no numpy, no Qt (the window imports it at
start-up).

No dose arithmetic happens here: every mg is a Step's total_mg, a Dose's mg or a Limit
from daily_limits(); the bands are stacked in SLOTS order (morning at the bottom), and the
Schedule guarantees a day's doses sum to its total. The chart is drawn per step, never per
day: a two-year plan of daily steps costs what its steps cost."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

from planner.chart.style import HEADROOM, LABEL_WRAP, LIMIT_STYLES
from planner.domain.kinds import starting_mg, tapers_to_zero, target_mg
from planner.domain.plan import SLOTS
from planner.domain.problems import daily_limits
from planner.domain.schedule import PHASES, Schedule
from planner.text.catalogue import say
from planner.text.dates import plain_date
from planner.text.problems import limit_text

EMPTY_DAYS = 14  # the dates an empty chart spans, from the plan's start


@dataclass(frozen=True)
class Band:
    """One time of day's doses, stacked: constant from edges[i] to edges[i+1] (the
    model's step edges), from lower[i] to upper[i] mg."""

    slot: str
    lower: tuple[int, ...]
    upper: tuple[int, ...]
    used: bool  # some step gives a dose at this time of day


@dataclass(frozen=True)
class PhaseRun:
    phase: str
    start: date
    end: date  # the day after its last
    word: str


@dataclass(frozen=True)
class LimitMark:
    kind: str  # a key of LIMIT_STYLES
    mg: float
    text: str  # limit_text(): "label maximum 3600 mg/day"
    label: str  # as written in the margin: wrapped, marked when off scale
    off_scale: bool  # above the axis: no line, the label at the top


@dataclass(frozen=True)
class ChartModel:
    title: str
    message: str | None  # over empty axes (a schedule without days)
    first: date  # the x range: the first day drawn ...
    end: date  # ... to the day after the last (the last day drawn as a whole day)
    edges: tuple[date, ...]  # step starts, then end
    totals: tuple[int, ...]  # mg/day of each step
    bands: tuple[Band, ...]  # SLOTS order, bottom to top
    marks: tuple[tuple[date, int], ...]  # where the doses change: (date, mg/day)
    phases: tuple[PhaseRun, ...]
    limits: tuple[LimitMark, ...]
    y_top: float
    legend: tuple[tuple[str, str], ...]  # (key, word): slots in use, then total and change
    y_label: str

    @property
    def empty(self) -> bool:
        return not self.totals

    @property
    def n_days(self) -> int:
        return (self.end - self.first).days

    def day_totals(self) -> tuple[list[date], list[int]]:
        """The total line read day by day (each day and the end, as the paper's line was
        drawn): for tests and read-only views, never on the drawing path."""
        xs, ys = [], []
        for a, b, mg in zip(self.edges, self.edges[1:], self.totals):
            for k in range((b - a).days):
                xs.append(a + timedelta(days=k))
                ys.append(mg)
        if xs:
            xs.append(self.end)
            ys.append(ys[-1])
        return xs, ys


def chart_model(schedule: Schedule) -> ChartModel:
    """The chart of this schedule, ready to draw."""
    title = chart_title(schedule)
    y_label = say("chart.axis.mg-per-day")
    days, steps = schedule.days, schedule.steps
    if not days:
        start = schedule.plan.start_date
        return ChartModel(title, say("chart.empty"), start, start + timedelta(days=EMPTY_DAYS), (), (), (), (), (), (),
                          1.0, (), y_label)
    end = days[-1].date + timedelta(days=1)
    edges = tuple(s.start for s in steps) + (end,)
    totals = tuple(s.total_mg for s in steps)

    bands, lower = [], (0,) * len(steps)
    for slot in SLOTS:
        mg = tuple(next((d.mg for d in s.doses if d.slot == slot), 0) for s in steps)
        upper = tuple(lo + m for lo, m in zip(lower, mg))
        bands.append(Band(slot, lower, upper, any(mg)))
        lower = upper

    # A marker where the doses change (the first step, and each step whose doses differ
    # from the one before; a phase change alone is shown by the spans).
    marks = tuple((s.start, s.total_mg) for k, s in enumerate(steps) if k == 0 or s.doses != steps[k - 1].doses)

    # Each phase is one run of steps: titration, then maintenance, then taper.
    phases = []
    for phase in PHASES:
        run = [s for s in steps if s.phase == phase]
        if run:
            phases.append(PhaseRun(phase, run[0].start, run[-1].end + timedelta(days=1), say(f"chart.phase.{phase}")))

    limits = daily_limits(schedule)
    peak = max(totals)
    scale = [float(peak)] + [float(lim.mg) for lim in limits if lim.kind in ("target", "kidney-maximum")]
    top = max(scale) * HEADROOM or 1.0
    marks_ = []
    for lim in limits:
        text, mg = limit_text(lim), float(lim.mg)
        off = mg > top
        marks_.append(LimitMark(lim.kind, mg, text, limit_label(text, off), off))

    legend = tuple((b.slot, say(f"chart.slot.{b.slot}")) for b in bands if b.used)
    legend += (("total", say("chart.legend.total")), ("change", say("chart.legend.change")))
    return ChartModel(title, None, days[0].date, end, edges, totals, tuple(bands), marks, tuple(phases),
                      tuple(marks_), top, legend, y_label)


def _stack(items, ceiling, order):
    """items: [kind, line y, height] in points; (kind, line y, label middle y), highest first
    (ties in LIMIT_STYLES order), pushed apart so none overlap."""
    placed = [[k, y, y, h] for k, y, h in items]
    placed.sort(key=lambda it: (-it[2], order.index(it[0])))
    gap = 2.0
    prev_bottom = ceiling
    for it in placed:
        it[2] = min(it[2], prev_bottom - it[3] / 2)
        prev_bottom = it[2] - it[3] / 2 - gap
    floor = -20.0
    if prev_bottom < floor:  # pushed off the bottom: move the whole stack up
        for it in placed:
            it[2] += floor - prev_bottom
    return [(k, line_y, y) for k, line_y, y, _ in placed]


def place_limit_labels(model: ChartModel, height_pt: float, line_pt: float, labels: dict[str, str] | None = None,
                       ceiling_pt: float | None = None) -> list[tuple[LimitMark, float, float]]:
    """Each limit with its line's height and its label's middle, in points up from the
    axes' bottom (an off-scale limit's line is the axes' top). labels: the label texts if
    not the model's (wrapped narrower); ceiling_pt: the highest a label may reach (14 pt
    above the axes unless said)."""
    by_kind = {lim.kind: lim for lim in model.limits}
    labels = labels or {lim.kind: lim.label for lim in model.limits}
    items = [[lim.kind, height_pt if lim.off_scale else lim.mg / model.y_top * height_pt,
              (labels[lim.kind].count("\n") + 1) * line_pt] for lim in model.limits]
    ceiling = height_pt + 14 if ceiling_pt is None else ceiling_pt
    return [(by_kind[k], line_y, y) for k, line_y, y in _stack(items, ceiling, list(LIMIT_STYLES))]


def phase_label_fits(width_pt: float, word: str, font_pt: float) -> bool:
    """A phase's word shows only where its span is wide enough."""
    return width_pt >= len(word) * font_pt * 0.62 + 6


def title_doses(plan) -> tuple[int, int]:
    """The daily doses the title names: where the plan starts and where it ends. A plan whose
    start and target are equal ends where its taper does (0) if it tapers, so a taper from
    1800 reads "1800 → 0", never "1800 → 1800"."""
    start, end = starting_mg(plan), target_mg(plan)
    if end == start and tapers_to_zero(plan):
        end = 0
    return start, end


def chart_title(schedule: Schedule) -> str:
    """'Gabapentin 300 → 1800 mg/day   1 Dec 2026 – 2 Feb 2027'; one dose, no arrow, when
    the plan starts and ends at the same dose."""
    from planner.text.units import drug_name

    start, end = title_doses(schedule.plan)
    days = schedule.days
    msgid = ("chart.title.dates.same" if days else "chart.title.same") if start == end else \
        ("chart.title.dates" if days else "chart.title")
    drug = drug_name(schedule.profile, msgid, display=True)
    dates = dict(first=plain_date(days[0].date), last=plain_date(days[-1].date)) if days else {}
    if start == end:
        return say(msgid, drug=drug, mg=start, **dates)
    return say(msgid, drug=drug, start_mg=start, target_mg=end, **dates)


def limit_label(text: str, off_scale: bool, width: int = LABEL_WRAP) -> str:
    """A limit's label in the right margin, width characters a line; an off-scale limit
    is marked so."""
    return wrap_label(say("chart.limit.off-scale", limit=text) if off_scale else text, width)


def wrap_label(text: str, width: int = LABEL_WRAP) -> str:
    """Break before a bracket first, then at words, to fit the right margin; an amount
    stays on one line with its unit ("1800 mg/day")."""
    text = text.replace(" mg/", "\u00a0mg/")  # "mg/day", "mg/día": textwrap does not break at a no-break space
    head, sep, tail = text.partition(" (")
    parts = [head] + ([f"({tail}"] if sep else [])
    return "\n".join(textwrap.fill(p, width) for p in parts)


def wrap_balanced(text: str, width: int) -> str:
    """Wrap into as few lines as width allows, with the lines about the same length."""
    lines = max(1, -(-len(text) // width))
    return textwrap.fill(text, max(-(-len(text) // lines) + 4, 20))
