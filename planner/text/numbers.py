"""Numbers in words: mg amounts, counts of units, decimals. Exact: a limit is never shown
rounded up past the number the check uses."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

TENTH = Decimal("0.1")


def fmt_decimal(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


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
