"""The schedule as a chart: total mg/day as a step line over the dates, the doses by
time of day stacked beneath it, the daily limits as horizontal lines and the phases as
background spans.

The paper's chart (the printout draws a Figure with draw_schedule()); the window draws the
same ChartModel with QPainter (planner.app.chart_view). What is shown (bands, total, marks,
phases, limits, legend, title) is computed once in chart_model; this module only places it
in matplotlib artists, made once in ScheduleChart.__init__ and given data by show_model().

The caller owns the Figure and its canvas; this module never touches the global
figure manager (the stateful plotting interface).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from matplotlib import dates as mdates
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from planner.chart.chart_model import EMPTY_DAYS, ChartModel, chart_model, wrap_balanced
from planner.chart.furniture import ChartFurniture
from planner.chart.geometry import date_num, points_from, step_polygon
from planner.chart.style import INVALID_ALPHA, LABEL_FONT, LIMIT_STYLES, PHASE_COLOURS, SLOT_COLOURS, TOTAL_COLOUR
from planner.domain.plan import SLOTS
from planner.domain.schedule import PHASES, Schedule
from planner.text.catalogue import say
from planner.chart.date_ticks import DayMonthFormatter


class ScheduleChart(ChartFurniture):
    """A chart of one schedule, drawn into a Figure the caller owns."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self._fit_margins()
        ax = self.ax = figure.add_subplot(1, 1, 1)
        self._model: ChartModel | None = None
        self._invalid = False
        self._ylim = (0.0, 1.0)

        # Phases: background spans with a label at the top.
        self._phase_spans = {}
        self._phase_labels = {}
        for phase in PHASES:
            span = ax.axvspan(0, 1, facecolor=PHASE_COLOURS[phase], edgecolor="none", zorder=0)
            span.set_visible(False)
            self._phase_spans[phase] = span
            label = ax.text(0, 0.985, say(f"chart.phase.{phase}"), transform=ax.get_xaxis_transform(), ha="center", va="top",
                            fontsize=LABEL_FONT, color="#555555", zorder=1, clip_on=True)
            label.set_visible(False)
            self._phase_labels[phase] = label

        # The doses by time of day, stacked morning (bottom) to bedtime (top).
        self._slot_areas = {}
        for i, slot in enumerate(SLOTS):
            poly = Polygon(np.zeros((4, 2)), closed=True, facecolor=SLOT_COLOURS[slot],
                           edgecolor="white", linewidth=0.4, zorder=2 + i * 0.01, label=say(f"chart.slot.{slot}"))
            ax.add_patch(poly)
            self._slot_areas[slot] = poly

        # The total: a step line, and a marker where the doses change.
        (self._total_line,) = ax.plot([], [], drawstyle="steps-post", color=TOTAL_COLOUR, linewidth=1.8,
                                      zorder=4, label=say("chart.legend.total"))
        (self._change_marks,) = ax.plot([], [], linestyle="none", marker="o", markersize=3.5,
                                        markerfacecolor="white", markeredgecolor=TOTAL_COLOUR,
                                        markeredgewidth=1.1, zorder=5, label=say("chart.legend.change"), clip_on=False)

        # Limits: a line across the axes each, labelled in the right margin.
        # Margin labels and leaders are placed in points from the axes' lower left corner.
        self._pt_from_bottom_left = points_from(figure, ax, (0, 0))
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

        # Axes furniture.
        ax.set_ylabel(say("chart.axis.mg-per-day"))
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
        self._auto_formatter = DayMonthFormatter()
        self._day_locator = mdates.DayLocator(interval=1)
        self._day_formatter = DayMonthFormatter()
        self._short_plan = None  # which locator is in use

        self._title = ax.set_title("", loc="left", fontsize=11, pad=20, y=1.0)
        self._make_legend()

        self._message = ax.text(0.5, 0.5, say("chart.empty"), transform=ax.transAxes, ha="center", va="center",
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
        self.show_model(chart_model(schedule))

    def show_model(self, model: ChartModel) -> None:
        """Show a chart model (the one the window's chart draws), not greyed out."""
        self._model = model
        self._set_invalid_look(False)
        # The dates in the title, not in matplotlib's offset label, which names the last
        # tick's month (a December plan read "2027-Mar").
        # The kind of plan says where it starts (today's doses for a change or a stop) and aims.
        self._title.set_text(model.title)
        if model.empty:
            self._show_empty(model)
            return
        self._message.set_visible(False)

        # The total, a point a day as the page has always drawn it (the screen draws a point a
        # step: the same line; matplotlib snaps a line of fewer points to other pixels).
        days, totals = model.day_totals()
        self._total_line.set_data(mdates.date2num(days), totals)
        edges = mdates.date2num(model.edges)
        self._total_line.set_visible(True)

        # Stacked slot areas, one band per step.
        for band in model.bands:
            poly = self._slot_areas[band.slot]
            poly.set_xy(step_polygon(edges, np.asarray(band.lower, float), np.asarray(band.upper, float)))
            poly.set_visible(True)

        self._change_marks.set_data(mdates.date2num([d for d, _ in model.marks]), [mg for _, mg in model.marks])
        self._change_marks.set_visible(True)

        runs = {run.phase: run for run in model.phases}
        for phase in PHASES:
            span, label = self._phase_spans[phase], self._phase_labels[phase]
            run = runs.get(phase)
            if run is None:
                span.set_visible(False)
                label.set_visible(False)
                continue
            x0, x1 = date_num(run.start), date_num(run.end)
            span.set_x(x0)
            span.set_width(x1 - x0)
            span.set_visible(True)
            label.set_x((x0 + x1) / 2)

        top = model.y_top
        self._ylim = (0.0, top)
        shown = {lim.kind: lim for lim in model.limits}
        for kind, line in self._limit_lines.items():
            lim = shown.get(kind)
            if lim is not None:
                line.set_ydata([lim.mg, lim.mg])
                line.set_visible(not lim.off_scale)
            else:
                line.set_visible(False)

        self.ax.set_xlim(edges[0], edges[-1])
        self.ax.set_ylim(0, top)
        self._set_date_ticks(model.n_days)
        self._set_legend(tuple(key for key, _ in model.legend[:-2]))
        self._place_labels()

    def set_invalid(self, reason: str) -> None:
        """Grey out what is drawn and show why it is not up to date; update() clears it."""
        self._invalid_box.set_text(wrap_balanced(reason, 70))
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

    def _show_empty(self, model: ChartModel | None) -> None:
        for a in self._data_artists:
            a.set_visible(False)
        self._legend_keys = None
        start = model.first if model is not None else date.today()
        self.ax.set_xlim(date_num(start), date_num(start + timedelta(days=EMPTY_DAYS)))
        self._ylim = (0.0, 1.0)
        self.ax.set_ylim(0, 1)
        self._set_date_ticks(EMPTY_DAYS)
        self.ax.set_yticks([])
        self._message.set_visible(model is not None)
        if model is None:
            self._title.set_text("")
        else:
            self._message.set_text(model.message)


def draw_schedule(figure: Figure, schedule: Schedule) -> ScheduleChart:
    """Build a chart in this Figure and show the schedule: for the printout."""
    chart = ScheduleChart(figure)
    chart.update(schedule)
    return chart


