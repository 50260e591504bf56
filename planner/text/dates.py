"""Dates in words, in English whatever the C locale says (Qt sets it from the desktop's, so
strftime would print "Di 01 Dez 2026" beside "Tue 1 Dec 2026"). Day and month by name, so no
reader can swap them. One table for the problems, the printout and the window's table.
Other languages will come from Babel (issue 16); English stays this table, so pages do not change."""

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
