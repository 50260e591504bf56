"""What a printout is printed with: the paper, large print, the printed-on date, and the
paper the locale prints on. Light on purpose: reading or saving the print settings does not
import the painter (Qt's QtCore is imported only to ask the locale)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Where people print on US Letter rather than A4 (ISO 216 is everywhere else).
LETTER_TERRITORIES = (
    "UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia", "Venezuela", "CostaRica",
    "Guatemala", "Panama", "DominicanRepublic", "PuertoRico", "ElSalvador", "Nicaragua", "Belize",
    "UnitedStatesOutlyingIslands", "UnitedStatesVirginIslands", "Guam", "AmericanSamoa",
)
PAPERS = ("A4", "Letter")


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "A4"  # "A4" or "Letter"
    large_print: bool = False  # bigger type (about 1.4x) for patients who need it
    printed_on: date | None = None  # default: today


def default_paper() -> str:
    """'Letter' where the locale's territory prints on US Letter, else 'A4'."""
    from PySide6.QtCore import QLocale

    territory = QLocale().territory()
    for name in LETTER_TERRITORIES:
        value = getattr(getattr(QLocale, "Territory", QLocale.Country), name, None)
        if value is not None and territory == value:
            return "Letter"
    return "A4"


__all__ = ["PrintOptions", "default_paper", "LETTER_TERRITORIES", "PAPERS"]
