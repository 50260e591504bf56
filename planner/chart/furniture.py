"""The chart's furniture: date ticks, the one-row legend, the margins, and the limit and
phase labels placed in points. A mixin of ScheduleChart, kept apart from the data it frames."""

from __future__ import annotations

from matplotlib import dates as mdates
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator

from planner.chart.chart_model import phase_label_fits, place_limit_labels
from planner.chart.geometry import points_from
from planner.chart.style import LABEL_FONT, LEGEND_FONT, MARGINS_PT, SLOT_COLOURS, TOTAL_COLOUR
from planner.domain.plan import SLOTS
from planner.domain.schedule import PHASES
from planner.text.catalogue import say
from planner.chart.date_ticks import DayMonthFormatter


class ChartFurniture:
    def _set_date_ticks(self, n_days: int) -> None:
        short = n_days <= 14
        if short:
            # Every day on a wide chart, every other day if the axes are narrow.
            width_pt = self.ax.get_position().width * self.figure.get_figwidth() * 72
            self._day_locator = mdates.DayLocator(interval=1 if width_pt / (n_days + 1) >= 22 else 2)
            self._day_formatter = DayMonthFormatter()
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
        t = points_from(self.figure, self.ax, (0, 1))
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
        words = {"total": say("chart.legend.total"), "change": say("chart.legend.change"),
                 **{slot: say(f"chart.slot.{slot}") for slot in SLOTS}}
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
        model = self._model
        if model is None or not model.limits:
            return
        ax, fig = self.ax, self.figure
        pos = ax.get_position()
        height_pt = pos.height * fig.get_figheight() * 72
        width_pt = pos.width * fig.get_figwidth() * 72
        x0, x1 = ax.get_xlim()
        placed = {lim.kind: (lim, line_y, y) for lim, line_y, y in place_limit_labels(model, height_pt, LABEL_FONT * 1.2)}
        for kind, label in self._limit_labels.items():
            leader = self._limit_leaders[kind]
            if kind not in placed:
                label.set_visible(False)
                leader.set_visible(False)
                continue
            lim, line_y, y = placed[kind]
            label.set_text(lim.label)
            label.set_position((width_pt + 9, y))
            label.set_visible(True)
            leader.set_data([width_pt, width_pt + 3, width_pt + 7], [line_y, line_y, y])
            leader.set_visible(not lim.off_scale)

        for phase in PHASES:
            span, label = self._phase_spans[phase], self._phase_labels[phase]
            if not span.get_visible():
                label.set_visible(False)
                continue
            span_pt = span.get_width() / (x1 - x0) * width_pt
            label.set_visible(phase_label_fits(span_pt, label.get_text(), LABEL_FONT))
