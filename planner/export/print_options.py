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
ORIENTATIONS = ("portrait", "landscape")
# Which pages: what the patient takes home, the clinician's and pharmacy's page, or both.
# The clinician's page is never added to the patient's by default (issue 15).
PARTS = ("patient", "clinician", "all")

# The emergency number by the locale's territory: 911 in North America, 999 in the UK,
# 112 elsewhere in the EU (the EU-wide number) and as the fallback. A setting overrides it.
EMERGENCY_BY_TERRITORY = {
    "UnitedStates": "911", "Canada": "911", "Mexico": "911", "PuertoRico": "911", "Guam": "911",
    "UnitedStatesVirginIslands": "911", "AmericanSamoa": "911", "Philippines": "911",
    "UnitedKingdom": "999", "Ireland": "112", "Australia": "000", "NewZealand": "111",
}
DEFAULT_EMERGENCY = "112"
# What an emergency number may hold: digits, spaces, "+" and "-", at most this many characters
# (a short code or an international number, printed as given).
EMERGENCY_NUMBER_CHARS = frozenset("0123456789 +-")
EMERGENCY_NUMBER_MAX = 15


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "A4"  # "A4" or "Letter"
    large_print: bool = False  # bigger type (about 1.4x) for patients who need it
    printed_on: date | None = None  # default: today
    orientation: str = "portrait"  # "portrait" or "landscape" (ORIENTATIONS)
    part: str = "patient"  # "patient", "clinician" or "all" (PARTS)
    tick_chart: bool = True  # the month tick chart pages after the patient's doses
    emergency_number: str | None = None  # None: default_emergency_number() where printed
    # The code that holds the plan (issue 18, planner.files.plan_code): always on the clinician's
    # page; on the patient's pages too when chosen. The patient's name, identifier and date of
    # birth go into it only when the clinician ticks that they may.
    code_on_patient_pages: bool = False
    code_with_patient: bool = False


def default_paper() -> str:
    """'Letter' where the locale's territory prints on US Letter, else 'A4'."""
    from PySide6.QtCore import QLocale

    territory = QLocale().territory()
    for name in LETTER_TERRITORIES:
        value = getattr(getattr(QLocale, "Territory", QLocale.Country), name, None)
        if value is not None and territory == value:
            return "Letter"
    return "A4"


def _territory_name() -> str | None:
    from PySide6.QtCore import QLocale

    territory = QLocale().territory()
    enum = getattr(QLocale, "Territory", QLocale.Country)
    for name in EMERGENCY_BY_TERRITORY:
        value = getattr(enum, name, None)
        if value is not None and territory == value:
            return name
    return None


def default_emergency_number() -> str:
    """The emergency number where the program runs: 911, 999, 112 (the fallback), ..."""
    return EMERGENCY_BY_TERRITORY.get(_territory_name() or "", DEFAULT_EMERGENCY)


def is_emergency_number(text: str) -> bool:
    """A number the patient's pages can print: digits, spaces, + and -, at most
    EMERGENCY_NUMBER_MAX characters, starting with a digit or +, with at least 2 digits (the
    shortest emergency numbers have 2, France's 15; '-5' or '1' is a slip, not a number)."""
    text = text.strip()
    return (0 < len(text) <= EMERGENCY_NUMBER_MAX and set(text) <= EMERGENCY_NUMBER_CHARS
            and (text[0].isdigit() or text[0] == "+") and sum(ch.isdigit() for ch in text) >= 2)


def emergency_number(options: PrintOptions) -> str:
    """The number the patient's pages print: the setting, else the locale's."""
    return options.emergency_number or default_emergency_number()


__all__ = ["PrintOptions", "default_paper", "default_emergency_number", "emergency_number", "LETTER_TERRITORIES",
           "PAPERS", "ORIENTATIONS", "PARTS", "EMERGENCY_BY_TERRITORY", "DEFAULT_EMERGENCY", "is_emergency_number",
           "EMERGENCY_NUMBER_MAX"]
