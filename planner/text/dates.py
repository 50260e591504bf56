"""Dates in words, in the language in use (planner.text.catalogue: the window's, or the
handout's inside `speaking`), day and month by name, so no reader can swap them.

English keeps its own table, whatever the C locale says (Qt sets it from the desktop's, so
strftime would print "Di 01 Dez 2026" beside "Tue 1 Dec 2026"), so English pages do not
change: 'Tue 1 Dec 2026'. Every other language is written by Babel in its catalogue's
babel_locale with the same pattern, weekday and month abbreviated by name: 'mar 1 dic 2026'.
No language is named here: a new catalogue folder brings its own names through Babel.
One module for the problems, the printout, the calendar, the charts and the window's table."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from planner.text.catalogue import catalogue

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=None)
def _names(locale: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from babel.dates import get_day_names, get_month_names

    days = get_day_names("abbreviated", context="format", locale=locale)
    months = get_month_names("abbreviated", context="format", locale=locale)
    # A patient reads 'sep', not 'sept.': no abbreviation dot.
    return (tuple(days[i].rstrip(".") for i in range(7)), tuple(months[i].rstrip(".") for i in range(1, 13)))


def day_names() -> tuple[str, ...]:
    """Monday first, abbreviated, in the language in use: ('Mon', ...), ('lun', ...)."""
    cat = catalogue()
    return DAY_NAMES if cat.is_source else _names(cat.babel_locale)[0]


def month_names() -> tuple[str, ...]:
    """January first, abbreviated, in the language in use: ('Jan', ...), ('ene', ...)."""
    cat = catalogue()
    return MONTH_NAMES if cat.is_source else _names(cat.babel_locale)[1]


@lru_cache(maxsize=None)
def _wide_days(locale: str) -> tuple[str, ...]:
    from babel.dates import get_day_names

    days = get_day_names("wide", context="format", locale=locale)
    return tuple(days[i] for i in range(7))


def day_name(d: date) -> str:
    """The weekday to write beside a month: abbreviated, unless the language abbreviates a
    weekday and a month the same way (Spanish 'mar' is martes and marzo: 'mar 2 mar' could be
    read two ways), then in full: 'martes 2 mar 2027'."""
    cat = catalogue()
    if cat.is_source:
        return DAY_NAMES[d.weekday()]
    days, months = _names(cat.babel_locale)
    return _wide_days(cat.babel_locale)[d.weekday()] if set(days) & set(months) else days[d.weekday()]


def month_name(month: int) -> str:
    """The month (1-12) abbreviated: 'Dec', 'dic'."""
    return month_names()[month - 1]


def long_date(d: date) -> str:
    """'Tue 1 Dec 2026'; 'martes 1 dic 2026'."""
    return f"{day_name(d)} {d.day} {month_name(d.month)} {d.year}"


def plain_date(d: date) -> str:
    """'1 Dec 2026'; '1 dic 2026'."""
    return f"{d.day} {month_name(d.month)} {d.year}"


def day_month(d: date) -> str:
    """A chart's or a table's short date: '1 Dec'; '1 dic'."""
    return f"{d.day} {month_name(d.month)}"
