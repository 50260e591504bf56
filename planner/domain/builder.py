"""What the engine's parts (segments, taper, step_edits, layout) use of the engine's builder
(schedule._Builder): the plan, its one DoseMaker and the label's regimen. A protocol, so the
parts need not import the engine that imports them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from planner.domain.days import Dose, Rounding
    from planner.domain.kidney import KidneyAssessment
    from planner.domain.plan import Plan
    from planner.domain.profiles import Profile
    from planner.domain.units import DoseMaker


class Builder(Protocol):
    plan: "Plan"
    profile: "Profile"
    maker: "DoseMaker"  # the one maker of every amount
    solid_maker: "DoseMaker"  # the capsules and tablets allowed: today's regimen is made of these
    kidney: "KidneyAssessment | None"
    gap_doses: int  # the doses a day the epilepsy gap rule needs (0: no rule)
    # From this day on no day's number changes what the engine gives it (the label's first
    # days have their own regimen): equal days from here are laid out as one run.
    steady_from: int
    roundings: list["Rounding"]
    fewer: list[tuple[int, int, int, int]]

    @property
    def n(self) -> int: ...

    def floor(self, day: int) -> int: ...

    def makeable(self, wanted: Decimal | int, n: int, prefer_higher: bool) -> int | None: ...

    def doses_for(self, total: int, n: int) -> tuple[tuple["Dose", ...], int]: ...

    def doses_at(self, slots: tuple[tuple[str, int], ...], maker: "DoseMaker | None" = None) -> tuple["Dose", ...]: ...
