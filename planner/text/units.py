"""Capsules and tablets in words: '1 × 300 mg capsule + 1 × 100 mg capsule'."""

from __future__ import annotations

from planner.domain.units import Unit
from planner.text.numbers import fmt_count


def describe_units(units: tuple[Unit, ...]) -> str:
    """'1 × 300 mg capsule + 1 × 100 mg capsule', '½ × 600 mg tablet'."""
    return " + ".join(f"{fmt_count(u.count)} × {u.strength_mg} mg {u.form}" for u in units)
