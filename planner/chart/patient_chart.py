"""The patient's chart for the printout: only what the patient takes. The doses by time of
day stacked, the day's total as a black step line with its mg written at each change, the
dates. No prescriber's limits, no kidney figures, no phase names: those are the clinician's
(planner.chart.schedule_chart draws them in the window).

Drawn into a Figure the caller gives (never pyplot), once, with every font size multiplied
by `scale` so the chart's words grow with the printout's large print. Every number drawn is
the engine's: a Day's total_mg and a Step's doses.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.ticker import FixedLocator, MaxNLocator

from planner.chart.geometry import step_polygon
from planner.chart.style import SLOT_COLOURS, TOTAL_COLOUR
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule
from planner.text.catalogue import say
from planner.text.dates import plain_date
from planner.chart.date_ticks import DayMonthFormatter

# Font sizes in points at scale 1 (the printout's normal print).
SIZES = {"title": 12.0, "axis": 10.0, "ticks": 10.0, "legend": 10.0, "amount": 9.0}
HEADROOM = 1.22  # room above the highest total for its amount


def draw_patient_chart(figure: Figure, schedule: Schedule, scale: float = 1.0):
    """Draw the schedule's doses into figure; returns the Axes. Text sizes are SIZES × scale."""
    size = {k: v * scale for k, v in SIZES.items()}
    figure.set_layout_engine("constrained")
    ax = figure.add_subplot(1, 1, 1)
    days, steps = schedule.days, schedule.steps
    if not days:
        ax.set_axis_off()
        ax.text(0.5, 0.5, say("chart.empty"), transform=ax.transAxes, ha="center", va="center",
                fontsize=size["axis"])
        return ax
    end = days[-1].date + timedelta(days=1)  # the last day drawn as a whole day
    x_days = mdates.date2num([d.date for d in days] + [end])
    totals = [d.total_mg for d in days]

    edges = mdates.date2num([s.start for s in steps] + [end])
    by_slot = np.zeros((len(SLOTS), len(steps)))
    for j, step in enumerate(steps):
        for dose in step.doses:
            by_slot[SLOTS.index(dose.slot), j] += dose.mg
    lower = np.zeros(len(steps))
    for i, slot in enumerate(SLOTS):
        upper = lower + by_slot[i]
        if by_slot[i].any():
            ax.add_patch(Polygon(step_polygon(edges, lower, upper), closed=True, facecolor=SLOT_COLOURS[slot],
                                 edgecolor="white", linewidth=0.4, zorder=2, label=say(f"chart.slot.{slot}")))
        lower = upper
    ax.plot(x_days, totals + [totals[-1]], drawstyle="steps-post", color=TOTAL_COLOUR, linewidth=1.8 * scale,
            zorder=4, label=say("chart.patient.total"))

    top = max(totals) * HEADROOM or 1.0
    ax.set_xlim(x_days[0], x_days[-1])
    ax.set_ylim(0, top)
    _amounts(ax, figure, steps, end, size["amount"])

    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=8))
    ax.xaxis.set_major_formatter(DayMonthFormatter())
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 2.5, 5, 10]))
    # The limits are set and the figure is drawn once, so the ticks are found once: matplotlib
    # asks the locators again at every layout step and draw (about thirty times).
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(FixedLocator(axis.get_major_locator()()))
    ax.tick_params(labelsize=size["ticks"], width=0.8 * scale, length=3.5 * scale)
    ax.set_ylabel(say("chart.patient.axis"), fontsize=size["axis"])
    ax.grid(axis="y", color="#d0d0d0", linewidth=0.5, zorder=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # The title above the axes, the legend in one row under the dates: places the constrained
    # layout makes room for at any font size.
    ax.set_title(say("chart.patient.title", first=plain_date(days[0].date), last=plain_date(days[-1].date)),
                 loc="left", fontsize=size["title"], fontweight="bold")
    figure.legend(loc="outside lower left", ncol=len(SLOTS) + 1, frameon=False, fontsize=size["legend"],
                  handlelength=1.6, columnspacing=1.2)
    return ax


def _amounts(ax, figure: Figure, steps, end, fontsize: float) -> None:
    """Each run of days at one total has the total written over its line, where the run is
    wide enough to hold it (the step cards give every number; this helps read the chart)."""
    x0, x1 = ax.get_xlim()
    width_pt = ax.get_position().width * figure.get_figwidth() * 72
    per_day = width_pt / max(x1 - x0, 1.0)
    runs: list[list] = []  # [start, end, total]: steps at one total (a phase change alone is no change)
    for k, step in enumerate(steps):
        stop = steps[k + 1].start if k + 1 < len(steps) else end
        if runs and runs[-1][2] == step.total_mg:
            runs[-1][1] = stop
        else:
            runs.append([step.start, stop, step.total_mg])
    for start, stop, mg in runs:
        text = say("chart.patient.amount", mg=mg)
        if (stop - start).days * per_day < len(text) * fontsize * 0.62 + 4:
            continue
        mid = mdates.date2num(start) + (stop - start).days / 2
        ax.annotate(text, (mid, mg), xytext=(0, 2.5), textcoords="offset points", ha="center",
                    va="bottom", fontsize=fontsize, color=TOTAL_COLOUR, zorder=5)


__all__ = ["draw_patient_chart", "SIZES"]
