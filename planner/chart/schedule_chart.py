"""The schedule as a chart: total mg/day as a step line over the dates, the doses by
time of day stacked beneath it, the daily limits as horizontal lines and the phases as
background spans.

The window embeds the Figure in a FigureCanvasQTAgg and calls update() on every
keystroke; the printout draws a fresh Figure with draw_schedule(). So every artist is
made once in ScheduleChart.__init__ and update() only sets data and limits on them.

No dose arithmetic happens here: every mg drawn is a Day's total_mg, a Dose's mg (a
Step holds its days' doses) or a Limit from daily_limits(). The slot areas are stacked
in drawing order, and the Schedule guarantees a day's doses sum to its total.

The caller owns the Figure and its canvas; this module never touches the global
figure manager (the stateful plotting interface).
"""

from __future__ import annotations

import textwrap
from datetime import date, timedelta

import numpy as np
from matplotlib import dates as mdates
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D, ScaledTranslation, offset_copy

from planner.domain.plan import SLOTS
from planner.domain.problems import daily_limits
from planner.text.problems import limit_text
from planner.domain.schedule import PHASES, Schedule

# Morning to bedtime runs light to dark, like the day. No reds, oranges or purples:
# those belong to the limit lines.
SLOT_COLOURS = {
    "morning": "#ffd166",
    "midday": "#a7c957",
    "evening": "#4ea8de",
    "bedtime": "#355070",
}
PHASE_COLOURS = {
    "titration": "#e3edf9",
    "maintenance": "#e6f4e3",
    "taper": "#f9ebe1",
}
# kind -> line style; the order is the order labels are listed when they tie.
LIMIT_STYLES = {
    "target": dict(color="#222222", linestyle=(0, (5, 3)), linewidth=1.3),
    "recommended": dict(color="#e07b00", linestyle=(0, (1, 2)), linewidth=1.8),
    "kidney-maximum": dict(color="#7b2fa6", linestyle="-", linewidth=1.5),
    "label-maximum": dict(color="#c62828", linestyle="-", linewidth=1.5),
}
TOTAL_COLOUR = "#111111"
HEADROOM = 1.15  # the highest of peak, target and kidney maximum sits at 1/1.15 of the axis
LABEL_FONT = 7.5  # points
LEGEND_FONT = 8
LABEL_WRAP = 24  # characters per line of a limit label in the right margin
INVALID_ALPHA = 0.25
# Margins in points, not fractions: the y-axis label, the limit labels on the right and
# the title and legend on top need the same room whatever size the window gives the figure.
MARGINS_PT = dict(left=60, right=150, bottom=36, top=56)
EMPTY_MESSAGE = "No schedule: see the problems list"


def _num(d: date) -> float:
    """A date as matplotlib draws it (days since its epoch)."""
    return float(mdates.date2num(d))


def _wrap_label(text: str) -> str:
    """Break before a bracket first, then at words, to fit the right margin; an amount
    stays on one line with its unit ("1800 mg/day")."""
    text = text.replace(" mg/day", "\u00a0mg/day")  # textwrap does not break at a no-break space
    head, sep, tail = text.partition(" (")
    parts = [head] + ([f"({tail}"] if sep else [])
    return "\n".join(textwrap.fill(p, LABEL_WRAP) for p in parts)


def _wrap_balanced(text: str, width: int) -> str:
    """Wrap into as few lines as width allows, with the lines about the same length."""
    lines = max(1, -(-len(text) // width))
    return textwrap.fill(text, max(-(-len(text) // lines) + 4, 20))


def _points_from(figure: Figure, ax, corner: tuple[float, float]):
    """A transform taking points measured from a corner of the axes (in axes fractions)
    to the display: stays right when the figure is resized or drawn at another dpi."""
    return Affine2D().scale(1 / 72) + figure.dpi_scale_trans + ScaledTranslation(*corner, ax.transAxes)


def _step_polygon(edges: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """The outline of a band that is constant between edges[i] and edges[i+1]:
    along the top left to right, then along the bottom right to left."""
    xs = np.repeat(edges, 2)[1:-1]
    top = np.column_stack([xs, np.repeat(upper, 2)])
    bottom = np.column_stack([xs[::-1], np.repeat(lower, 2)[::-1]])
    return np.concatenate([top, bottom])


class ScheduleChart:
    """A chart of one schedule, drawn into a Figure the caller owns."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self._fit_margins()
        ax = self.ax = figure.add_subplot(1, 1, 1)
        self._schedule: Schedule | None = None
        self._invalid = False
        self._ylim = (0.0, 1.0)

        # Phases: background spans with a label at the top.
        self._phase_spans = {}
        self._phase_labels = {}
        for phase in PHASES:
            span = ax.axvspan(0, 1, facecolor=PHASE_COLOURS[phase], edgecolor="none", zorder=0)
            span.set_visible(False)
            self._phase_spans[phase] = span
            label = ax.text(0, 0.985, phase, transform=ax.get_xaxis_transform(), ha="center", va="top",
                            fontsize=LABEL_FONT, color="#555555", zorder=1, clip_on=True)
            label.set_visible(False)
            self._phase_labels[phase] = label

        # The doses by time of day, stacked morning (bottom) to bedtime (top).
        self._slot_areas = {}
        for i, slot in enumerate(SLOTS):
            poly = Polygon(np.zeros((4, 2)), closed=True, facecolor=SLOT_COLOURS[slot],
                           edgecolor="white", linewidth=0.4, zorder=2 + i * 0.01, label=slot)
            ax.add_patch(poly)
            self._slot_areas[slot] = poly

        # The total: a step line, and a marker where the doses change.
        (self._total_line,) = ax.plot([], [], drawstyle="steps-post", color=TOTAL_COLOUR, linewidth=1.8,
                                      zorder=4, label="total mg/day")
        (self._change_marks,) = ax.plot([], [], linestyle="none", marker="o", markersize=3.5,
                                        markerfacecolor="white", markeredgecolor=TOTAL_COLOUR,
                                        markeredgewidth=1.1, zorder=5, label="dose change", clip_on=False)

        # Limits: a line across the axes each, labelled in the right margin.
        # Margin labels and leaders are placed in points from the axes' lower left corner.
        self._pt_from_bottom_left = _points_from(figure, ax, (0, 0))
        self._limit_lines: dict[str, Line2D] = {}
        self._limit_labels: dict[str, Text] = {}
        self._limit_leaders: dict[str, Line2D] = {}
        for kind, style in LIMIT_STYLES.items():
            # A white edge keeps the line readable over the dark bedtime area.
            line = ax.axhline(0, zorder=3, path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
                              **style)
            line.set_visible(False)
            self._limit_lines[kind] = line
            label = Text(0, 0, "", ha="left", va="center", fontsize=LABEL_FONT, color=style["color"],
                         linespacing=1.1, transform=self._pt_from_bottom_left, clip_on=False)
            leader = Line2D([], [], color=style["color"], linewidth=0.7, transform=self._pt_from_bottom_left,
                            clip_on=False)
            for a in (label, leader):
                a.set_visible(False)
                ax.add_artist(a)
            self._limit_labels[kind] = label
            self._limit_leaders[kind] = leader
        self._limit_order = list(LIMIT_STYLES)
        self._shown_limits: list[tuple[str, float, str]] = []  # (kind, mg, label text) in the schedule

        # Axes furniture.
        ax.set_ylabel("mg per day")
        # Fixed label and title positions: matplotlib otherwise measures every tick label on
        # each draw to place them, which costs more than drawing the data.
        ax.yaxis.set_label_coords(0, 0.5, transform=offset_copy(ax.transAxes, figure, x=-40, units="points"))
        ax.xaxis.set_label_coords(0.5, 0)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=7, integer=True, steps=[1, 2, 2.5, 5, 10]))
        ax.grid(axis="y", color="#d0d0d0", linewidth=0.5, zorder=0.5)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=8)
        self._auto_locator = mdates.AutoDateLocator(minticks=5, maxticks=10)
        self._auto_formatter = mdates.ConciseDateFormatter(self._auto_locator, show_offset=False)
        self._day_locator = mdates.DayLocator(interval=1)
        self._day_formatter = mdates.ConciseDateFormatter(self._day_locator, show_offset=False)
        self._short_plan = None  # which locator is in use

        self._title = ax.set_title("", loc="left", fontsize=11, pad=20, y=1.0)
        self._make_legend()

        self._message = ax.text(0.5, 0.5, EMPTY_MESSAGE, transform=ax.transAxes, ha="center", va="center",
                                fontsize=10, color="#444444", zorder=10)
        self._message.set_visible(False)
        self._invalid_box = ax.text(
            0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center", fontsize=9.5, color="#222222",
            zorder=11, bbox=dict(boxstyle="round,pad=0.6", facecolor="#fff6d6", edgecolor="#b08800",
                                 linewidth=1.0),
        )
        self._invalid_box.set_visible(False)

        # Everything that greys out when the input is not up to date.
        self._data_artists = [
            *self._phase_spans.values(), *self._phase_labels.values(), *self._slot_areas.values(),
            self._total_line, self._change_marks, *self._limit_lines.values(), *self._limit_labels.values(),
            *self._limit_leaders.values(), *(a for entry in self._legend_entries.values() for a in entry),
        ]
        self._alpha = {id(a): a.get_alpha() for a in self._data_artists}

        # Margin labels and phase labels are placed in points, so place them again on resize.
        figure.canvas.mpl_connect("resize_event", lambda _event: (self._fit_margins(), self._place_labels()))
        self._show_empty(None)

    # --- read-only views --------------------------------------------------------------

    @property
    def total_line_data(self) -> tuple[list[date], list[int]]:
        """The step line's x (dates) and y (mg/day) as drawn."""
        xs = self._total_line.get_xdata()
        ys = self._total_line.get_ydata()
        return [mdates.num2date(x).date() for x in xs], [int(y) for y in ys]

    @property
    def slot_area_data(self) -> dict[str, tuple[list[date], list[int], list[int]]]:
        """Per slot, as drawn: the step edges (dates) and the band's bottom and top between
        each edge and the next (len(edges) - 1 values each)."""
        out = {}
        for slot, poly in self._slot_areas.items():
            xy = np.asarray(poly.get_xy())
            if not poly.get_visible() or len(xy) < 4:
                out[slot] = ([], [], [])
                continue
            if np.allclose(xy[0], xy[-1]) and len(xy) % 2 == 1:  # closed: matplotlib repeats the start
                xy = xy[:-1]
            half = len(xy) // 2
            top, bottom = xy[:half], xy[half:][::-1]
            edges = [top[0, 0]] + list(top[1::2, 0])
            out[slot] = ([mdates.num2date(x).date() for x in edges],
                         [int(y) for y in bottom[0::2, 1]], [int(y) for y in top[0::2, 1]])
        return out

    @property
    def is_invalid(self) -> bool:
        return self._invalid

    @property
    def invalid_reason(self) -> str | None:
        return self._invalid_box.get_text() if self._invalid else None

    @property
    def message(self) -> str | None:
        """The message over empty axes, if one is shown."""
        return self._message.get_text() if self._message.get_visible() else None

    # --- drawing ----------------------------------------------------------------------

    def update(self, schedule: Schedule) -> None:
        """Show this schedule, not greyed out."""
        self._schedule = schedule
        self._set_invalid_look(False)
        plan = schedule.plan
        # The dates in the title, not in matplotlib's offset label, which names the last
        # tick's month (a December plan read "2027-Mar").
        span = ""
        if schedule.days:
            span = f"   {_long_date(schedule.days[0].date)} – {_long_date(schedule.days[-1].date)}"
        self._title.set_text(
            f"{schedule.profile.display_name} {plan.start_dose_mg} → {plan.target_dose_mg} mg/day{span}"
        )
        if not schedule.days:
            self._show_empty(schedule)
            return
        self._message.set_visible(False)

        days, steps = schedule.days, schedule.steps
        end = days[-1].date + timedelta(days=1)  # the last day drawn as a whole day
        x_days = mdates.date2num([d.date for d in days] + [end])
        totals = [d.total_mg for d in days]
        self._total_line.set_data(x_days, totals + [totals[-1]])
        self._total_line.set_visible(True)

        # Stacked slot areas, one band per step.
        edges = mdates.date2num([s.start for s in steps] + [end])
        by_slot = np.zeros((len(SLOTS), len(steps)))
        index = {slot: i for i, slot in enumerate(SLOTS)}
        for j, step in enumerate(steps):
            for dose in step.doses:
                by_slot[index[dose.slot], j] = dose.mg
        lower = np.zeros(len(steps))
        used = []
        for i, slot in enumerate(SLOTS):
            upper = lower + by_slot[i]
            poly = self._slot_areas[slot]
            poly.set_xy(_step_polygon(edges, lower, upper))
            poly.set_visible(True)
            if by_slot[i].any():
                used.append(slot)
            lower = upper

        # A marker where the doses change (the first step, and each step whose doses differ
        # from the one before; a phase change alone is shown by the spans).
        marks = [s for k, s in enumerate(steps) if k == 0 or s.doses != steps[k - 1].doses]
        self._change_marks.set_data(mdates.date2num([s.start for s in marks]), [s.total_mg for s in marks])
        self._change_marks.set_visible(True)

        # Phase spans (each phase is one run of days: titration, then maintenance, then taper).
        for phase in PHASES:
            span, label = self._phase_spans[phase], self._phase_labels[phase]
            run = [s for s in steps if s.phase == phase]
            if not run:
                span.set_visible(False)
                label.set_visible(False)
                continue
            x0 = _num(run[0].start)
            x1 = _num(run[-1].end + timedelta(days=1))
            span.set_x(x0)
            span.set_width(x1 - x0)
            span.set_visible(True)
            label.set_x((x0 + x1) / 2)

        # Limits and the y range.
        limits = daily_limits(schedule)
        peak = max(totals)
        scale = [float(peak)] + [float(lim.mg) for lim in limits if lim.kind in ("target", "kidney-maximum")]
        top = max(scale) * HEADROOM or 1.0
        self._ylim = (0.0, top)
        self._shown_limits = [(lim.kind, float(lim.mg), limit_text(lim)) for lim in limits]
        kinds = {lim.kind for lim in limits}
        for kind, line in self._limit_lines.items():
            if kind in kinds:
                mg = next(m for k, m, _ in self._shown_limits if k == kind)
                line.set_ydata([mg, mg])
                line.set_visible(mg <= top)
            else:
                line.set_visible(False)

        self.ax.set_xlim(x_days[0], x_days[-1])
        self.ax.set_ylim(0, top)
        self._set_date_ticks(len(days))
        self._set_legend(tuple(used))
        self._place_labels()

    def set_invalid(self, reason: str) -> None:
        """Grey out what is drawn and show why it is not up to date; update() clears it."""
        self._invalid_box.set_text(_wrap_balanced(reason, 70))
        self._set_invalid_look(True)

    # --- helpers ----------------------------------------------------------------------

    def _set_invalid_look(self, invalid: bool) -> None:
        if invalid == self._invalid and invalid is False:
            return
        self._invalid = invalid
        for a in self._data_artists:
            normal = self._alpha[id(a)]
            a.set_alpha(INVALID_ALPHA * (normal if normal is not None else 1.0) if invalid else normal)
        for line in self._limit_lines.values():  # the white edge would not grey out
            line.set_path_effects([] if invalid else [patheffects.withStroke(linewidth=3, foreground="white")])
        self._message.set_alpha(INVALID_ALPHA if invalid else None)
        self._invalid_box.set_visible(invalid)

    def _show_empty(self, schedule: Schedule | None) -> None:
        for a in self._data_artists:
            a.set_visible(False)
        self._shown_limits = []
        self._legend_keys = None
        start = schedule.plan.start_date if schedule is not None else date.today()
        self.ax.set_xlim(_num(start), _num(start + timedelta(days=14)))
        self._ylim = (0.0, 1.0)
        self.ax.set_ylim(0, 1)
        self._set_date_ticks(14)
        self.ax.set_yticks([])
        self._message.set_visible(schedule is not None)
        if schedule is None:
            self._title.set_text("")

    def _set_date_ticks(self, n_days: int) -> None:
        short = n_days <= 14
        if short:
            # Every day on a wide chart, every other day if the axes are narrow.
            width_pt = self.ax.get_position().width * self.figure.get_figwidth() * 72
            self._day_locator = mdates.DayLocator(interval=1 if width_pt / (n_days + 1) >= 22 else 2)
            self._day_formatter = mdates.ConciseDateFormatter(self._day_locator, show_offset=False)
            self.ax.xaxis.set_major_locator(self._day_locator)
            self.ax.xaxis.set_major_formatter(self._day_formatter)
        elif self._short_plan is not False:
            self.ax.xaxis.set_major_locator(self._auto_locator)
            self.ax.xaxis.set_major_formatter(self._auto_formatter)
        self._short_plan = short
        if self.ax.yaxis.get_major_locator().__class__ is not MaxNLocator:
            self.ax.yaxis.set_major_locator(MaxNLocator(nbins=7, integer=True, steps=[1, 2, 2.5, 5, 10]))

    def _make_legend(self) -> None:
        """A one-row legend above the axes, under the title: a swatch per slot in use, the
        total line and the dose-change marker. Drawn from plain artists placed in points from
        the axes' top left corner (matplotlib's Legend re-lays itself out on every draw, which
        costs more than the whole chart's data)."""
        t = _points_from(self.figure, self.ax, (0, 1))
        y = 7.0  # the row's middle, in points above the axes
        self._legend_entries: dict[str, tuple] = {}
        for slot in SLOTS:
            swatch = Rectangle((0, y - 4), 14, 8, facecolor=SLOT_COLOURS[slot], edgecolor="none",
                               transform=t, clip_on=False)
            self._legend_entries[slot] = (swatch,)
        self._legend_entries["total"] = (
            Line2D([0, 18], [y, y], color=TOTAL_COLOUR, linewidth=1.8, transform=t, clip_on=False),)
        self._legend_entries["change"] = (
            Line2D([7], [y], linestyle="none", marker="o", markersize=3.5, markerfacecolor="white",
                   markeredgecolor=TOTAL_COLOUR, markeredgewidth=1.1, transform=t, clip_on=False),)
        words = {"total": "total mg/day", "change": "dose change"}
        measure = TextToPath()
        prop = FontProperties(size=LEGEND_FONT)
        self._legend_widths = {}
        for key, (handle,) in list(self._legend_entries.items()):
            word = words.get(key, key)
            text = Text(0, y, word, fontsize=LEGEND_FONT, va="center", ha="left", transform=t, clip_on=False)
            self._legend_entries[key] = (handle, text)
            handle_w = 14 if key in SLOTS else 18
            self._legend_widths[key] = (handle_w, measure.get_text_width_height_descent(word, prop, False)[0])
            for a in (handle, text):
                a.set_visible(False)
                self.ax.add_artist(a)
        self._legend_keys: tuple[str, ...] | None = None

    def _set_legend(self, used: tuple[str, ...]) -> None:
        keys = used + ("total", "change")
        if keys == self._legend_keys:
            return
        x = 0.0
        for key, (handle, text) in self._legend_entries.items():
            if key not in keys:
                handle.set_visible(False)
                text.set_visible(False)
                continue
            handle_w, text_w = self._legend_widths[key]
            if isinstance(handle, Rectangle):
                handle.set_x(x)
            else:
                xs = [x, x + handle_w] if len(handle.get_xdata()) == 2 else [x + handle_w / 2]
                handle.set_xdata(xs)
            text.set_x(x + handle_w + 4)
            handle.set_visible(True)
            text.set_visible(True)
            x += handle_w + 4 + text_w + 12
        self._legend_keys = keys

    def _fit_margins(self) -> None:
        w, h = (x * 72 for x in self.figure.get_size_inches())
        m = MARGINS_PT
        if w <= m["left"] + m["right"] or h <= m["bottom"] + m["top"]:
            return  # squeezed smaller than its margins (a splitter dragged shut): nothing to fit
        self.figure.subplots_adjust(left=m["left"] / w, right=1 - m["right"] / w,
                                    bottom=m["bottom"] / h, top=1 - m["top"] / h)

    def _place_labels(self) -> None:
        """Limit labels in the right margin at their line's height, pushed apart so none
        overlap; a limit above the axis is listed at the top as off scale. Phase labels
        show only where their span is wide enough."""
        if not self._shown_limits:
            return
        ax, fig = self.ax, self.figure
        pos = ax.get_position()
        height_pt = pos.height * fig.get_figheight() * 72
        width_pt = pos.width * fig.get_figwidth() * 72
        y0, y1 = self._ylim
        x0, x1 = ax.get_xlim()

        def to_pt(mg: float) -> float:
            return (mg - y0) / (y1 - y0) * height_pt

        items = []  # [kind, line y (pt), wanted y (pt), height (pt), text, off scale]
        for kind, mg, text in self._shown_limits:
            off = mg > y1
            label = f"↑ {text} (off scale)" if off else text
            wrapped = _wrap_label(label)
            h = (wrapped.count("\n") + 1) * LABEL_FONT * 1.2
            line_y = height_pt if off else to_pt(mg)
            items.append([kind, line_y, line_y, h, wrapped, off])
        # Highest first; ties in the order of LIMIT_STYLES.
        items.sort(key=lambda it: (-it[2], self._limit_order.index(it[0])))
        ceiling = height_pt + 14
        gap = 2.0
        prev_bottom = ceiling
        for it in items:
            y = min(it[2], prev_bottom - it[3] / 2)
            it[2] = y
            prev_bottom = y - it[3] / 2 - gap
        floor = -20.0
        if prev_bottom < floor:  # pushed off the bottom: move the whole stack up
            shift = floor - prev_bottom
            for it in items:
                it[2] += shift
        for kind, label in self._limit_labels.items():
            leader = self._limit_leaders[kind]
            it = next((i for i in items if i[0] == kind), None)
            if it is None:
                label.set_visible(False)
                leader.set_visible(False)
                continue
            _, line_y, y, _, text, off = it
            label.set_text(text)
            label.set_position((width_pt + 9, y))
            label.set_visible(True)
            leader.set_data([width_pt, width_pt + 3, width_pt + 7], [line_y, line_y, y])
            leader.set_visible(not off)

        for phase in PHASES:
            span, label = self._phase_spans[phase], self._phase_labels[phase]
            if not span.get_visible():
                label.set_visible(False)
                continue
            span_pt = span.get_width() / (x1 - x0) * width_pt
            label.set_visible(span_pt >= len(phase) * LABEL_FONT * 0.62 + 6)


def _long_date(d) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def draw_schedule(figure: Figure, schedule: Schedule) -> ScheduleChart:
    """Build a chart in this Figure and show the schedule: for the printout."""
    chart = ScheduleChart(figure)
    chart.update(schedule)
    return chart


if __name__ == "__main__":  # micro-benchmark: python3 -m planner.chart.schedule_chart
    import statistics
    import time
    from datetime import date as _date

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from planner.domain.plan import Plan, Taper
    from planner.domain.schedule import compute_schedule

    def year_plan(increment: int, step_days: int, taper_days: int) -> Schedule:
        plan = Plan(drug="gabapentin", start_date=_date(2026, 1, 1), start_dose_mg=100, increment_mg=increment,
                    step_days=step_days, target_dose_mg=1800, doses_per_day=3, maintenance_days=200,
                    taper=Taper(step_days=taper_days, step_mg=100))
        return compute_schedule(plan)

    a, b = year_plan(100, 5, 4), year_plan(100, 6, 3)
    print(f"plans: {len(a.days)} and {len(b.days)} days, {len(a.steps)} and {len(b.steps)} steps")

    def bench(draw_once, n=50) -> float:
        draw_once(0)
        times = []
        for i in range(n):
            t = time.perf_counter()
            draw_once(i + 1)
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)

    fig = Figure(figsize=(9, 4.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    chart = ScheduleChart(fig)

    def chart_once(i: int) -> None:
        chart.update(a if i % 2 else b)
        canvas.draw()

    bare = Figure(figsize=(9, 4.5), dpi=100)
    bare_canvas = FigureCanvasAgg(bare)
    bare_ax = bare.add_subplot(1, 1, 1)
    (bare_line,) = bare_ax.plot([], [], drawstyle="steps-post")
    data = {}
    for key, s in (("a", a), ("b", b)):
        data[key] = (mdates.date2num([d.date for d in s.days]), [d.total_mg for d in s.days])
    bare_ax.set_xlim(min(data["a"][0][0], data["b"][0][0]), max(data["a"][0][-1], data["b"][0][-1]))
    bare_ax.set_ylim(0, 2100)

    def bare_once(i: int) -> None:
        bare_line.set_data(*data["a" if i % 2 else "b"])
        bare_canvas.draw()

    print(f"ScheduleChart update()+draw(): median {bench(chart_once):.1f} ms over 50")
    print(f"bare Line2D set_data()+draw(): median {bench(bare_once):.1f} ms over 50")
