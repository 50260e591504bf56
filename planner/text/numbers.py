"""Numbers in words: mg amounts, counts of units, decimals. Exact: a limit is never shown
rounded up past the number the check uses. In the language in use, its decimal symbol comes
from Babel (the catalogue's babel_locale: es_US writes a point, as in the US); numbers are
never grouped (no '1,200' a reader could take for 1.2), never rounded here."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from planner.text.catalogue import catalogue

TENTH = Decimal("0.1")


@lru_cache(maxsize=None)
def _decimal_symbol(locale: str) -> str:
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(locale)


def decimal_symbol() -> str:
    """The decimal symbol of the language in use ('.' in English)."""
    cat = catalogue()
    return "." if cat.is_source else _decimal_symbol(cat.babel_locale)


def fmt_decimal(d: Decimal) -> str:
    """Every digit the Decimal has (trailing zeros dropped), ungrouped, with the language's decimal symbol."""
    s = format(d.normalize(), "f")
    point = decimal_symbol()
    return s.replace(".", point) if point != "." else s


def fmt_mg(d: Decimal | Fraction | int) -> str:
    """mg for display. A Fraction (a kidney limit) is shown exactly: whole, a short decimal,
    or a mixed number ("46 2/3"), never rounded up past the limit the check uses.
    A Decimal is whole where whole, else one decimal."""
    if isinstance(d, Fraction):
        if d.denominator == 1:
            return str(d.numerator)
        if (d * 100).denominator == 1:
            return fmt_decimal(Decimal(d.numerator) / Decimal(d.denominator))
        whole, rest = divmod(d, 1)
        return f"{whole} {rest.numerator}/{rest.denominator}" if whole else f"{rest.numerator}/{rest.denominator}"
    if d == d.to_integral_value():
        return str(int(d))
    return fmt_decimal(d.quantize(TENTH, rounding=ROUND_HALF_UP))


def fmt_count(count: Decimal) -> str:
    """A count of capsules or tablets: '2', '½', '1½'."""
    whole = int(count)
    half = count - whole == Decimal("0.5")
    if half:
        return "½" if whole == 0 else f"{whole}½"
    return str(whole)
