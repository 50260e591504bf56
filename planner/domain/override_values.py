"""The canonical value of a blocking problem: the quantity an override is recorded for.

Plan files store it (Override.value) and an override covers a problem only while the problem
has the same value, so these strings are a file format, not wording: they never change and
are never translated (a translated value would stop matching every override already recorded).
They are English-like only because the first files were written that way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

TENTH = Decimal("0.1")


def canonical_mg(d: Decimal | Fraction | int) -> str:
    """mg as the files record it: whole where whole; a Fraction exactly (a short decimal or a
    mixed number "46 2/3"); any other Decimal to one decimal."""
    if isinstance(d, Fraction):
        if d.denominator == 1:
            return str(d.numerator)
        if (d * 100).denominator == 1:
            return _decimal(Decimal(d.numerator) / Decimal(d.denominator))
        whole, rest = divmod(d, 1)
        return f"{whole} {rest.numerator}/{rest.denominator}" if whole else f"{rest.numerator}/{rest.denominator}"
    if d == d.to_integral_value():
        return str(int(d))
    return _decimal(d.quantize(TENTH, rounding=ROUND_HALF_UP))


def _decimal(d: Decimal) -> str:
    return format(d.normalize(), "f")


def hours(minutes: int) -> str:
    """Whole hours, or hours to one decimal."""
    return str(minutes // 60) if minutes % 60 == 0 else f"{minutes / 60:.1f}"


def above_maximum(peak: int, limit: Decimal | Fraction) -> str:
    return f"peak {peak} mg/day, maximum {canonical_mg(limit)} mg/day"


def cannot_reach(start: int, target: int) -> str:
    return f"increment 0 mg, start {start} mg/day, target {target} mg/day"


def target_below_start(target: int, start: int) -> str:
    return f"target {target} mg/day, start {start} mg/day"


def raised_too_soon(held: int, at: int, need: int) -> str:
    return f"{held} days at {at} mg/day before going above, label {need}"


def taper_too_short(days: int, minimum: int) -> str:
    return f"taper {days} days, minimum {minimum} days"


def typed_age(typed: Decimal, years: int) -> str:
    return f"typed age {_decimal(typed)} years, {years} years from date of birth"


def age_outside_label(age: Decimal, from_years: int) -> str:
    return f"age {_decimal(age)} years, label from {from_years} years"


def kidney_age(age: Decimal, minimum: int) -> str:
    return f"age {_decimal(age)} years, minimum {minimum} years"


def elderly_without_kidney(age: Decimal) -> str:
    return f"age {_decimal(age)} years, no kidney result"


def fewer_doses_than_label(n: int, label: int) -> str:
    return f"{n} dose{'s' if n != 1 else ''} a day, label {label}"


def gap(longest_minutes: int, label_hours: int) -> str:
    return f"longest gap {hours(longest_minutes)} hours, label {label_hours} hours"


def label_start(day: int, mg: int, limit: int) -> str:
    return f"day {day} {mg} mg/day, label start {limit} mg/day"


def stated_above_label(stated: int, label: int) -> str:
    return f"stated maximum {stated} mg/day, label maximum {label} mg/day"
