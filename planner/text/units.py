"""Capsules and tablets in words: '1 × 300 mg capsule + 1 × 100 mg capsule'."""

from __future__ import annotations

from planner.domain.profiles import OralSolution
from planner.domain.profiles import Form
from planner.domain.units import Unit
from planner.text.catalogue import say
from planner.text.numbers import fmt_count


def describe_units(units: tuple[Unit, ...]) -> str:
    """'1 × 300 mg capsule + 1 × 100 mg capsule', '½ × 600 mg tablet'."""
    return " + ".join(f"{fmt_count(u.count)} × {u.strength_mg} mg {u.form}" for u in units)


def oral_solution_text(sol: OralSolution) -> str:
    """'250 mg per 5 mL'."""
    return say("problem.part.oral-solution", mg=sol.mg, per_ml=sol.per_ml)


def form_text(form: Form) -> str:
    """A product by its strength and form: '300 mg capsule'."""
    return f"{form.strength_mg} mg {form.form}"
