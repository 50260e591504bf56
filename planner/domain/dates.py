"""Date arithmetic the rules need. Dates in words are the text layer's (planner.text.dates)."""

from __future__ import annotations

from datetime import date


def completed_years(born: date, on: date) -> int:
    """Age in whole years on a day: one less until the birthday comes round (29 Feb: on 1 Mar)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
