"""Where the chart's ticks go and what they say, in pure Python: the window's QPainter chart
imports this at start-up, before matplotlib is loaded (or without it at all). The rules are
those of the paper chart's matplotlib locators (AutoDateLocator(minticks=5, maxticks=10),
DayLocator and MaxNLocator(nbins=7, integer=True, steps=[1, 2, 2.5, 5, 10])), so the screen
and the page tick the same dates and doses; tests/chart/test_ticks.py holds them equal."""

from __future__ import annotations

import math
from datetime import date, timedelta

SHORT_DAYS = 14  # a plan this short ticks every day (or every other day on narrow axes)
DAY_MIN_PT = 22  # the room a day's label needs to tick every day
MIN_TICKS, MAX_TICKS = 5, 10
_MONTH_INTERVALS = (1, 2, 3, 4, 6)
_DAY_INTERVALS = (1, 2, 4, 7, 14)  # 4, not 3: 3 would tick the 31st and the 1st side by side
_YEAR_INTERVALS = (1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000)
_Y_STEPS = (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20)  # 1, 2, 2.5, 5, 10 and their neighbours
Y_BINS = 7


def day_month_label(d: date, months: tuple[str, ...]) -> str:
    """The day of the month; the month's name on its first day, the year on 1 January."""
    if d.day == 1:
        return str(d.year) if d.month == 1 else months[d.month - 1]
    return str(d.day)


def _months_between(first: date, last: date) -> int:
    months = (last.year - first.year) * 12 + last.month - first.month
    return months - 1 if last.day < first.day else months


def date_ticks(first: date, end: date, width_pt: float) -> list[date]:
    """The dates ticked on axes from first to end (the day after the last) width_pt wide."""
    n_days = (end - first).days
    if n_days <= SHORT_DAYS:
        step = 1 if width_pt / (n_days + 1) >= DAY_MIN_PT else 2
        # matplotlib's DayLocator counts its steps from (first - the span).
        start = first - timedelta(days=n_days)
        return [d for d in (start + timedelta(days=k) for k in range(0, 2 * n_days + 1, step)) if first <= d <= end]
    months = _months_between(first, end)
    years = months // 12
    limit = MAX_TICKS - 1
    if years >= MIN_TICKS:
        interval = next((i for i in _YEAR_INTERVALS if years <= i * limit), _YEAR_INTERVALS[-1])
        return [date(y, 1, 1) for y in range(first.year, end.year + 1)
                if y % interval == 0 and first <= date(y, 1, 1) <= end]
    if months >= MIN_TICKS:
        interval = next((i for i in _MONTH_INTERVALS if months <= i * limit), _MONTH_INTERVALS[-1])
        wanted = set(range(1, 13)[::interval])
        out, d = [], date(first.year, first.month, 1)
        while d <= end:
            if d >= first and d.month in wanted:
                out.append(d)
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return out
    interval = next((i for i in _DAY_INTERVALS if n_days <= i * limit), _DAY_INTERVALS[-1])
    days = {14: (1, 15), 7: (1, 8, 15, 22)}.get(interval, tuple(range(1, 32)[::interval]))
    return [d for d in (first + timedelta(days=k) for k in range(n_days + 1)) if d.day in days]


def mg_ticks(top: float) -> list[int]:
    """Whole-number doses ticked on an axis from 0 to top: 'nice' steps, at most 7 bins."""
    if top <= 0:
        return []
    scale = 10 ** math.floor(math.log10(top / Y_BINS))
    steps = [s * scale for s in _Y_STEPS]
    steps = [s for s in steps if s < 1 or abs(s - round(s)) < 0.001]
    raw = top / Y_BINS
    step = next((s for s in steps if s >= raw), steps[-1])
    if math.floor(top) >= 1:
        step = max(1, step)
    out, k = [], 0
    while k * step <= top * (1 + 1e-10):
        out.append(round(k * step))
        k += 1
    return out
