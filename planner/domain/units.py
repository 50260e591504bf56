"""Making doses out of capsules and tablets that exist.

All amounts are whole mg (a scored tablet's half is checked to be whole mg when the
profile loads), so every sum here is exact integer arithmetic.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations_with_replacement
from math import gcd

from planner.domain.profiles import Form


@dataclass(frozen=True)
class Piece:
    """What a patient swallows: a whole capsule or tablet, or half of a scored tablet."""

    form: Form
    half: bool

    @property
    def mg(self) -> int:
        return self.form.strength_mg // 2 if self.half else self.form.strength_mg


@dataclass(frozen=True)
class Unit:
    """How many of one strength make (part of) a dose; count 0.5 is half a tablet."""

    strength_mg: int
    form: str
    count: Decimal

    @property
    def mg(self) -> Decimal:
        return self.count * self.strength_mg


@dataclass(frozen=True)
class Split:
    """One day's doses: their amounts, largest first, and what makes each."""

    amounts: tuple[int, ...]
    units: tuple[tuple[Unit, ...], ...]


class SplitsAtMost:
    """Shared by every maker of doses (capsules and tablets here, the oral solution in liquid.py)."""

    def split(self, total: int, n: int) -> Split | None:
        raise NotImplementedError

    def split_at_most(self, total: int, n: int) -> Split | None:
        """Exactly n doses if possible, else as many as the pieces allow."""
        for k in range(n, 0, -1):
            s = self.split(total, k)
            if s is not None:
                return s
        return None


class DoseMaker(SplitsAtMost):
    """Makes amounts from one patient's strengths, with the fewest pieces."""

    def __init__(self, forms: tuple[Form, ...]) -> None:
        pieces = [Piece(f, False) for f in forms] + [Piece(f, True) for f in forms if f.scored]
        # Larger pieces first: among equally short ways to make a dose, the one with the
        # larger pieces wins, so the choice is deterministic.
        self.pieces = tuple(sorted(pieces, key=lambda p: (-p.mg, p.half)))
        self.forms = forms
        self.quantum = 0
        for p in self.pieces:
            self.quantum = gcd(self.quantum, p.mg)
        self.largest = max(p.mg for p in self.pieces)
        self.smallest = min(p.mg for p in self.pieces)
        # best[i]: (pieces, halves, counts per piece) for i * quantum mg, or None.
        self._best: list[tuple[int, int, tuple[int, ...]] | None] = [(0, 0, (0,) * len(self.pieces))]
        self._split_cache: dict[tuple[int, int], Split | None] = {}
        # One maker may serve two threads (dose_maker): _best only grows, under the lock, and
        # an entry once made never changes, so a reader needs no lock.
        self._growing = threading.Lock()

    def _grow(self, upto: int) -> None:
        if upto < len(self._best):
            return
        with self._growing:
            self._grow_locked(upto)

    def _grow_locked(self, upto: int) -> None:
        best = self._best
        q = self.quantum
        for i in range(len(best), upto + 1):
            choice = None
            for j, p in enumerate(self.pieces):
                k = p.mg // q
                if k > i or best[i - k] is None:
                    continue
                n, h, counts = best[i - k]
                cand = (n + 1, h + p.half)
                if choice is None or cand < choice[:2]:
                    c = list(counts)
                    c[j] += 1
                    choice = (cand[0], cand[1], tuple(c))
            best.append(choice)

    def makeable(self, mg: int) -> bool:
        if mg < 0 or mg % self.quantum:
            return False
        i = mg // self.quantum
        self._grow(i)
        return self._best[i] is not None

    def pieces_for(self, mg: int) -> int:
        """How many pieces the fewest-piece way to make mg takes (mg must be makeable)."""
        self._grow(mg // self.quantum)
        return self._best[mg // self.quantum][0]

    def units_for(self, mg: int) -> tuple[Unit, ...]:
        """The fewest-piece way to make mg, one Unit per strength, largest strength first."""
        if not self.makeable(mg):
            raise ValueError(f"not makeable: {mg} mg")  # callers ask only for makeable amounts
        counts = self._best[mg // self.quantum][2]
        per_strength: dict[int, Decimal] = {}
        for p, c in zip(self.pieces, counts):
            if c:
                add = Decimal(c) / 2 if p.half else Decimal(c)
                per_strength[p.form.strength_mg] = per_strength.get(p.form.strength_mg, Decimal(0)) + add
        by_strength = {f.strength_mg: f for f in self.forms}
        return tuple(
            Unit(s, by_strength[s].form, per_strength[s]) for s in sorted(per_strength, reverse=True)
        )

    # --- a day ----------------------------------------------------------------------

    def split(self, total: int, n: int) -> Split | None:
        """total mg as exactly n doses, as even as the pieces allow; None if impossible.

        Among exact splits: the smallest difference between the largest and smallest
        dose, then the fewest pieces in the day, then the fewest halves.
        """
        key = (total, n)
        if key in self._split_cache:
            return self._split_cache[key]
        result = self._split(total, n)
        self._split_cache[key] = result
        return result

    def _split(self, total: int, n: int) -> Split | None:
        if total <= 0 or total % self.quantum or total < n * self.smallest:
            return None
        if n == 1:
            return Split((total,), (self.units_for(total),)) if self.makeable(total) else None
        q = self.quantum
        mean = total / n
        # An evenest split never differs by more than the largest piece (moving a piece
        # from the largest dose to the smallest would make it more even), so every dose
        # of one lies within one largest piece of the mean.
        lo = max(self.smallest, int((mean - self.largest) // q) * q)
        hi = min(total, int((mean + self.largest) // q + 1) * q)
        candidates = [a for a in range(lo, hi + 1, q) if self.makeable(a)]
        best = None
        for head in combinations_with_replacement(candidates, n - 1):
            last = total - sum(head)
            if last < head[-1] or not self.makeable(last):
                continue
            amounts = head + (last,)
            score = (
                amounts[-1] - amounts[0],
                sum(self.pieces_for(a) for a in amounts),
                sum(self._best[a // q][1] for a in amounts),
            )
            if best is None or score < best[0]:
                best = (score, amounts)
        if best is None:
            return None
        amounts = tuple(sorted(best[1], reverse=True))
        return Split(amounts, tuple(self.units_for(a) for a in amounts))

    def nearest_total(self, wanted: int | Decimal, n: int, prefer_higher: bool = False) -> int | None:
        """The makeable day total nearest wanted that splits into at most n doses.
        Ties go down (less drug) unless prefer_higher. None if nothing above 0 is makeable."""
        q = self.quantum
        below = int(wanted // q) * q  # wanted may be a Decimal (a percent taper)
        above = below if below == wanted else below + q
        candidates: list[int] = []
        down, up = below, above
        limit = below + self.largest * n + q
        while down > 0 or up <= limit:
            pair = []
            if down > 0:
                pair.append(down)
            if up <= limit and up != down:
                pair.append(up)
            found = [t for t in pair if self.split_at_most(t, n) is not None]
            if found:
                candidates = found
                break
            down -= q
            up += q
        if not candidates:
            return None
        return min(candidates, key=lambda t: (abs(t - wanted), -t if prefer_higher else t))


_MAKERS: dict[tuple[Form, ...], DoseMaker] = {}
_MAKERS_LOCK = threading.Lock()
_MAKERS_KEPT = 512  # more sets of forms than a session meets (every subset of a drug's is 255)


def dose_maker(forms: tuple[Form, ...]) -> DoseMaker:
    """The DoseMaker of these forms, one for the program's life: what it works out (the fewest
    pieces for each amount, each day's split) depends on the forms alone, so an edit of the
    plan does not work it out again."""
    with _MAKERS_LOCK:
        maker = _MAKERS.get(forms)
        if maker is None:
            if len(_MAKERS) >= _MAKERS_KEPT:
                _MAKERS.clear()
            maker = _MAKERS[forms] = DoseMaker(forms)
        return maker
