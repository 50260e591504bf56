"""Dates in words, in English whatever the C locale says (Qt sets it from the desktop's, so
strftime would print "Di 01 Dez 2026" beside "Tue 1 Dec 2026"). Day and month by name, so no
reader can swap them. One table for the problems, the printout and the window's table."""

from __future__ import annotations

from datetime import date

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def long_date(d: date) -> str:
    """'Tue 1 Dec 2026'."""
    return f"{DAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def plain_date(d: date) -> str:
    """'1 Dec 2026'."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def completed_years(born: date, on: date) -> int:
    """Age in whole years on a day: one less until the birthday comes round (29 Feb: on 1 Mar)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
