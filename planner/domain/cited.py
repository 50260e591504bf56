"""A label number with the section it came from, and the error for a broken profile file.
The lowest module of the profiles: the kidney table and the profile are made of these."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


class ProfileError(Exception):
    """A profile file is missing or malformed: a packaging bug, never user input."""


@dataclass(frozen=True)
class Cited:
    """A label number with the section it came from."""

    value: int
    source: str


def read_cited(d: dict[str, Any] | None) -> Cited | None:
    if d is None:
        return None
    return Cited(int(d["value"]), str(d["source"]))


def read_decimal(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))
