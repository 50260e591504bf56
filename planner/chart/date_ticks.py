"""Date ticks in the language in use (planner.text.dates), never matplotlib's or the C
locale's month names: a Spanish page shows 'dic', not 'Dec'. Concise, as matplotlib's
ConciseDateFormatter: the day of the month, the month's name on its first day and the year
on 1 January."""

from __future__ import annotations

import matplotlib.dates as mdates
from matplotlib.ticker import Formatter

from planner.chart.ticks import day_month_label
from planner.text.dates import month_names


class DayMonthFormatter(Formatter):
    """The names are those of the language in use when the formatter is made (the chart is
    built inside the handout's `speaking` for the patient's pages)."""

    def __init__(self) -> None:
        self.months = month_names()

    def _label(self, value: float) -> str:
        return day_month_label(mdates.num2date(value).date(), self.months)

    def __call__(self, x, pos=None) -> str:
        return self._label(x)

    def format_ticks(self, values) -> list[str]:
        return [self._label(v) for v in values]
