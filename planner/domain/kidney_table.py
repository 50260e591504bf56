"""The label's kidney-function table as a profile holds it: the CrCl bands (rows), their
columns (by the normal-function daily dose), and the supplement after haemodialysis; and
how it is read from a profile file, with the checks that its columns line up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.domain.cited import Cited, ProfileError, read_cited, read_decimal


@dataclass(frozen=True)
class Cell:
    """One cell of a kidney table: a daily dose, or a range of them ("25-50")."""

    low: int
    high: int

    @property
    def text(self) -> str:
        return str(self.high) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass(frozen=True)
class DialysisRow:
    """A row of a supplement table read by regimen (Lyrica 2.7): for a daily dose in
    low..high mg taken in `doses_per_day` doses, a supplement of any of `supplement_mg`."""

    daily: Cell
    doses_per_day: int
    supplement_mg: tuple[int, ...]


@dataclass(frozen=True)
class DialysisTable:
    """The supplementary dose after each haemodialysis session.

    by "column": one supplement per column of the kidney table (Neurontin Table 1);
    by "regimen": rows of daily regimens, each with the supplements the label allows (Lyrica 2.7).
    """

    by: str
    session_hours: int
    source: str
    column_mg: tuple[int, ...] = ()
    rows: tuple[DialysisRow, ...] = ()


@dataclass(frozen=True)
class KidneyBand:
    id: str
    name: str
    above: Decimal | None  # lower edge of the band, in mL/min
    above_inclusive: bool
    below: Decimal | None  # upper edge of the band, in mL/min
    below_inclusive: bool
    min_daily_mg: int
    max_daily_mg: int
    doses_per_day: int  # the most doses a day the label's regimen gives in this band
    regimen: str
    source: str
    # One cell per column of the label's table; the columns correspond across the bands, and
    # the normal-function band's cells head them (the indication's normal maximum picks one).
    columns: tuple[Cell, ...] = ()
    proportional_below_ml_min: Decimal | None = None
    # The fewest doses a day of this band's regimen, where it is below the indication's.
    min_doses_per_day: Cited | None = None

    @property
    def columns_daily_mg(self) -> tuple[int, ...]:
        """Each column's upper end."""
        return tuple(c.high for c in self.columns)

    def contains(self, crcl: Decimal) -> bool:
        if self.above is not None:
            if crcl < self.above or (crcl == self.above and not self.above_inclusive):
                return False
        if self.below is not None:
            if crcl > self.below or (crcl == self.below and not self.below_inclusive):
                return False
        return True


@dataclass(frozen=True)
class KidneyTable:
    source: str
    min_age_years: Cited
    bands: tuple[KidneyBand, ...]
    dialysis: DialysisTable | None

    @property
    def dialysis_supplement_mg(self) -> tuple[int, ...] | None:
        return self.dialysis.column_mg if self.dialysis is not None and self.dialysis.by == "column" else None

    @property
    def normal_band(self) -> KidneyBand:
        """The band with no upper edge: its cells head the columns."""
        return next(b for b in self.bands if b.below is None)

    def band_for(self, crcl: Decimal) -> KidneyBand:
        matches = [b for b in self.bands if b.contains(crcl)]
        if len(matches) != 1:
            raise ProfileError(f"kidney bands cover CrCl {crcl} {len(matches)} times, not once")
        return matches[0]


def _cell(x: Any) -> Cell:
    """A table cell: 150, or "25-50" for a range."""
    if isinstance(x, int) and not isinstance(x, bool):
        return Cell(x, x)
    m = re.fullmatch(r"(\d+)-(\d+)", str(x))
    if m is None or int(m[1]) > int(m[2]):
        raise ProfileError(f"kidney table cell {x!r} is not a dose or a range low-high")
    return Cell(int(m[1]), int(m[2]))


def _dialysis(d: dict[str, Any] | None) -> DialysisTable | None:
    if d is None:
        return None
    by = d.get("by", "column")
    if by == "column":
        return DialysisTable("column", int(d["session_hours"]), d["source"],
                             column_mg=tuple(int(x) for x in d["supplement_mg"]))
    if by == "regimen":
        rows = tuple(DialysisRow(_cell(r["daily_mg"]), int(r["doses_per_day"]),
                                 tuple(int(x) for x in r["supplement_mg"])) for r in d["rows"])
        return DialysisTable("regimen", int(d["session_hours"]), d["source"], rows=rows)
    raise ProfileError(f"haemodialysis_supplement.by must be column or regimen, not {by!r}")


def _check_columns(drug: str, table: KidneyTable) -> None:
    """The columns must line up across the bands, and each band's range must be its cells' range."""
    counts = {len(b.columns) for b in table.bands}
    if counts == {0}:
        return
    if len(counts) != 1:
        raise ProfileError(f"{drug}: the kidney bands have different numbers of columns")
    for b in table.bands:
        if (min(c.low for c in b.columns), max(c.high for c in b.columns)) != (b.min_daily_mg, b.max_daily_mg):
            raise ProfileError(f"{drug}: kidney band {b.id}'s columns do not span {b.min_daily_mg}-{b.max_daily_mg}")
    if table.dialysis is not None and table.dialysis.by == "column" and len(table.dialysis.column_mg) != counts.pop():
        raise ProfileError(f"{drug}: one dialysis supplement per kidney-table column is needed")


def _band(d: dict[str, Any]) -> KidneyBand:
    return KidneyBand(
        id=d["id"],
        name=d["name"],
        above=read_decimal(d["above"]),
        above_inclusive=bool(d["above_inclusive"]),
        below=read_decimal(d["below"]),
        below_inclusive=bool(d["below_inclusive"]),
        min_daily_mg=int(d["min_daily_mg"]),
        max_daily_mg=int(d["max_daily_mg"]),
        doses_per_day=int(d["doses_per_day"]),
        regimen=d["regimen"],
        source=d["source"],
        columns=tuple(_cell(c) for c in d.get("columns_daily_mg", ())),
        proportional_below_ml_min=read_decimal(d.get("proportional_below_ml_min")),
        min_doses_per_day=read_cited(d.get("min_doses_per_day")),
    )


def read_kidney_table(drug: str, k: dict[str, Any]) -> KidneyTable:
    table = KidneyTable(
        source=k["source"],
        min_age_years=read_cited(k["min_age_years"]),
        bands=tuple(_band(b) for b in k["bands"]),
        dialysis=_dialysis(k.get("haemodialysis_supplement")),
    )
    _check_columns(drug, table)
    return table
