"""What a dose line's pictures show, worked out from the engine's Units alone (no Qt): a
capsule or a tablet per unit to swallow (a half tablet drawn as half), or an oral syringe
filled to the dose's mL. The painter draws these (icons.draw_unit); layout measures them
with picture_width. Sizes are in picture heights (one height = PICTURE_PT points, scaled
for large print), so layout and painter agree on every device.

Shapes and the strength written on them tell pills apart; no maker's colours, which differ
from one maker to the next and would mislead."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planner.domain.liquid import draws
from planner.domain.units import Unit
from planner.text.catalogue import say
from planner.text.numbers import fmt_decimal
from planner.text.units import is_liquid

PICTURE_PT = 20.0  # the height of one picture, in points before large print
MAX_DRAWN = 3  # more whole units of one strength than this: one picture and "× N"
GAP = 0.2  # between two pictures, in heights
WIDTHS = {"capsule": 2.4, "tablet": 2.0}  # in heights; a half tablet beside the outline of its other half
SYRINGE_W = {5: 6.0, 10: 7.0}  # a 10 mL syringe is drawn longer than a 5 mL one


@dataclass(frozen=True)
class Picture:
    """One picture on a dose line.

    kind: "capsule", "tablet" or "syringe". times: how many units it stands for (a "× N"
    written after it when above 1). half: half a scored tablet. fill_ml / syringe_ml: the
    oral syringe's dose and size."""

    kind: str
    strength_mg: int = 0
    half: bool = False
    scored: bool = False
    times: int = 1
    fill_ml: Decimal = Decimal(0)
    syringe_ml: int = 0

    @property
    def label(self) -> str:
        """What is written after the picture: '× 4' for a multiple, '6 mL' for a syringe."""
        if self.kind == "syringe":
            return say("products.liquid.ml", ml=fmt_decimal(self.fill_ml))
        return say("pictures.times", n=self.times) if self.times > 1 else ""

    @property
    def width(self) -> float:
        """The picture's width in heights, without its label."""
        if self.kind == "syringe":
            return SYRINGE_W.get(self.syringe_ml, SYRINGE_W[10])
        return WIDTHS[self.kind] if self.kind in WIDTHS else WIDTHS["tablet"]


def syringe_for(ml: Decimal, syringe_ml: int | None) -> int:
    """The plan's syringe; a dose printed without one (today's doses) is shown in the smallest
    syringe it fits in, or in goes of the 10 mL one."""
    if syringe_ml:
        return syringe_ml
    return 5 if ml <= 5 else 10


def unit_pictures(unit: Unit, syringe_ml: int | None = None, scored: bool = False) -> list[Picture]:
    """The pictures of one Unit: exactly its count (whole units, then a half), or its mL."""
    if is_liquid(unit):
        size = syringe_for(unit.count, syringe_ml)
        return [Picture("syringe", unit.strength_mg, fill_ml=part, syringe_ml=size)
                for part in draws(unit.count, size)]
    whole = int(unit.count)
    half = unit.count - whole == Decimal("0.5")
    if unit.count - whole not in (Decimal(0), Decimal("0.5")):
        raise RuntimeError(f"{unit.count} × {unit.strength_mg} mg: a unit is whole or half")  # the engine never makes one
    kind = "capsule" if unit.form == "capsule" else "tablet"
    scored = scored or half  # only a scored tablet is split
    out: list[Picture] = []
    if whole > MAX_DRAWN:
        out.append(Picture(kind, unit.strength_mg, scored=scored, times=whole))
    else:
        out += [Picture(kind, unit.strength_mg, scored=scored) for _ in range(whole)]
    if half:
        out.append(Picture(kind, unit.strength_mg, half=True, scored=True))
    return out


def dose_pictures(units: tuple[Unit, ...], syringe_ml: int | None = None,
                  scored_mg: tuple[int, ...] = ()) -> list[Picture]:
    """Every picture of one dose, in the order of its units (largest strength first)."""
    return [pic for u in units for pic in unit_pictures(u, syringe_ml, u.form == "tablet" and u.strength_mg in scored_mg)]


def units_shown(pictures: list[Picture]) -> dict[tuple[str, int], Decimal]:
    """What the pictures add up to: (kind, strength) -> count, or ("syringe", mg per mL) -> mL.
    Tests compare it with the engine's Units."""
    out: dict[tuple[str, int], Decimal] = {}
    for pic in pictures:
        amount = pic.fill_ml if pic.kind == "syringe" else (Decimal("0.5") if pic.half else Decimal(pic.times))
        key = (pic.kind, pic.strength_mg)
        out[key] = out.get(key, Decimal(0)) + amount
    return out


@dataclass(frozen=True)
class Placed:
    """A picture where layout put it: x from the strip's left, y from its top (pixels)."""

    picture: Picture
    x: float
    y: float
    w: float  # the picture's own width, without its label


def place(pictures: list[Picture], height: float, gap: float, label_w, max_w: float | None = None,
          label_gap: float = 0.0) -> tuple[list[Placed], float, float]:
    """Pictures left to right, a new line where max_w would be passed (None: one line);
    label_w(text) is a label's width on the device. Returns the places, the widest line and
    the height."""
    out: list[Placed] = []
    x = y = widest = 0.0
    for pic in pictures:
        w = pic.width * height
        full = w + (label_gap + label_w(pic.label) if pic.label else 0.0)
        if x > 0 and max_w is not None and x + full > max_w:
            x, y = 0.0, y + height + gap
        out.append(Placed(pic, x, y, w))
        widest = max(widest, x + full)
        x += full + gap
    return out, widest, (y + height if out else 0.0)


__all__ = ["place", "Placed", "Picture", "unit_pictures", "dose_pictures", "units_shown", "syringe_for", "PICTURE_PT", "GAP",
           "MAX_DRAWN"]
