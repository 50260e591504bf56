"""Plans made from a seed, the same on every machine and in every version of the engine, and a
canonical form of a computed schedule to compare two engines by.

The engine lays a plan out by runs of equal days rather than day by day (issue 17); its result
must stay what the day-by-day engine gave, field for field. engine_digests.json holds, for each
seed and each example, the digest of what the day-by-day engine (d841511) computed for it;
test_engine_runs.py recomputes them. To record them again after an intended change to the
engine's results: PYTHONPATH=<tree> python tests/domain/seeded_plans.py --write
(python tests/domain/seeded_plans.py --dump DIR writes each seed's whole canonical form,
to see where two engines differ).

Only the standard library, planner.domain and the example loader: the same file runs against an
older tree.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

SEEDS = range(600)
TODAY = date(2026, 6, 1)  # what a start in the past is judged against: fixed, so digests hold
DIGESTS = Path(__file__).with_name("engine_digests.json")

_SLOTS = ("morning", "midday", "evening", "bedtime")


def plan(seed: int):
    """One plan of any kind, with what the form allows: edits, holds, overrides of splits,
    kidney bands and dialysis, the oral solution, tapers by mg, by percent and in a cut order."""
    from planner.domain.plan import (
        KidneyInput, Liquid, OffLabel, Plan, StepEdit, Taper,
    )
    from planner.domain.profiles import load_profile

    r = random.Random(seed)
    drug = r.choice(("gabapentin", "pregabalin"))
    profile = load_profile(drug)
    unit = 25 if drug == "pregabalin" else 100
    strengths = None
    if r.random() < 0.6:
        strengths = tuple(sorted(r.sample(profile.strengths_mg, r.randint(1, len(profile.strengths_mg)))))

    def dose(most: int = 3600) -> int:
        return r.randint(1, most // unit) * unit if r.random() < 0.9 else r.randint(1, most)

    kind = r.choice(("start", "change", "stop", "start_and_stop"))
    n = r.randint(1, 4)
    current = None
    if kind in ("change", "stop"):
        slots = sorted(r.sample(_SLOTS, r.randint(1, 4)), key=_SLOTS.index)
        current = tuple((s, dose(1200)) for s in slots)
    long_plan = r.random() < 0.15  # a plan of a year or two: many days, the same few doses
    step_days = r.randint(5, 21) if long_plan else r.randint(1, 7)
    taper = None
    if kind in ("stop", "start_and_stop", "change") and r.random() < 0.85:
        order = None
        if r.random() < 0.35:
            order = tuple(r.sample(_SLOTS, r.randint(1, 4)))
        if r.random() < 0.5:
            taper = Taper(step_days=r.randint(1, 21 if long_plan else 10), step_mg=r.randint(1, 6) * unit // 2,
                          order=order)
        else:
            taper = Taper(step_days=r.randint(1, 21 if long_plan else 10),
                          step_percent=Decimal(r.choice(("5", "10", "12.5", "20", "25", "33", "50"))), order=order)
    maintenance = "days"
    review = None
    start = date(2026, 1, 1) + timedelta(days=r.randint(0, 900))
    if kind in ("start", "change") and r.random() < 0.5:
        maintenance = "review"
        review = start + timedelta(days=r.randint(-5, 900 if long_plan else 120))
        if r.random() < 0.1:
            review = None
    indication = r.choice([None] + [i.id for i in profile.indications])
    off_label = None
    if indication == "off_label":
        off_label = OffLabel(r.randint(300, profile.max_daily_mg.value + 600), "neuropathic pain")
    kidney = None
    roll = r.random()
    if roll < 0.2:
        kidney = KidneyInput(crcl_ml_min=Decimal(r.choice(("8", "12", "15", "22", "29", "30", "45", "59", "60", "75", "110"))),
                             haemodialysis=r.random() < 0.5)
    elif roll < 0.3:
        kidney = KidneyInput(age_years=Decimal(r.randint(18, 95)), sex=r.choice(("female", "male")),
                             weight_kg=Decimal(r.randint(40, 120)),
                             serum_creatinine_umol_l=Decimal(r.randint(50, 600)))
    liquid = None
    if r.random() < 0.2:
        if r.random() < 0.5:
            liquid = Liquid("all", None, r.choice((5, 10)))
        else:
            liquid = Liquid("taper_end", r.randint(1, 8) * unit, r.choice((5, 10)))
    edits = []
    for _ in range(r.choice((0, 0, 0, 1, 1, 2, 3))):
        e = {"step": r.randint(0 if r.random() < 0.05 else 1, 8)}
        what = r.random()
        if what < 0.3:
            e["total_mg"] = dose(2400)
        elif what < 0.5:
            slots = sorted(r.sample(_SLOTS, r.randint(1, 4)), key=_SLOTS.index)
            e["doses"] = tuple((s, dose(900)) for s in slots)
            if r.random() < 0.3:
                e["total_mg"] = sum(mg for _, mg in e["doses"]) + (0 if r.random() < 0.7 else unit)
        if r.random() < 0.4:
            e["days"] = r.randint(1, 40)
        if r.random() < 0.3:
            e["hold_days"] = r.randint(1, 30)
        edits.append(StepEdit(**e))
    times = (("morning", "08:00"), ("midday", "13:00"), ("evening", "18:00"), ("bedtime", "22:00"))
    if r.random() < 0.2:
        times = (("morning", "07:00"), ("midday", "12:30"), ("evening", "17:00"), ("bedtime", "23:00"))
    inc = r.choice((0, unit, unit, 2 * unit, 3 * unit)) if r.random() < 0.95 else r.randint(1, 500)
    if long_plan:
        inc = unit
    return Plan(
        drug=drug,
        start_date=start,
        start_dose_mg=dose(1200) if kind in ("start", "start_and_stop") else None,
        increment_mg=inc,
        step_days=step_days,
        target_dose_mg=None if kind == "stop" else dose(),
        doses_per_day=n if kind != "stop" else None,
        strengths_mg=strengths,
        indication=indication,
        kind=kind,
        current=current,
        slot_fill=r.choice(("grow", "all")),
        slot_times=times,
        larger_dose_order=tuple(r.sample(_SLOTS, 4)),
        maintenance=maintenance,
        maintenance_days=r.randint(200, 700) if long_plan else r.randint(0, 40),
        review_date=review,
        taper=taper,
        step_edits=tuple(edits),
        liquid=liquid,
        off_label=off_label,
        kidney=kidney,
    )


def canonical(x):
    """Plain JSON data for a schedule: every dataclass field by name (the profile by its name
    only: it is read from the package, not computed), exact Decimals and Fractions as text."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        if type(x).__name__ == "Profile":
            return ["Profile", x.name]
        return [type(x).__name__] + [[f.name, canonical(getattr(x, f.name))] for f in dataclasses.fields(x)]
    if isinstance(x, dict):
        return ["dict"] + sorted([repr(k), canonical(v)] for k, v in x.items())
    if isinstance(x, (tuple, list)):
        return [canonical(v) for v in x]
    return _scalar(x)


def _scalar(x):
    if isinstance(x, (Decimal, Fraction, date)):
        return f"{type(x).__name__}:{x}"
    if x is None or isinstance(x, (bool, int, str)):
        return x
    if isinstance(x, float):
        return f"float:{x!r}"
    return f"{type(x).__name__}:{x!r}"


_FIELDS: dict[type, tuple[str, ...] | None] = {}


NOT_COMPUTED = {"rxnorm"}


def _fields(t: type) -> tuple[str, ...] | None:
    """The dataclass's field names, or None for any other type. A product's RxNorm code (issue 18)
    names a product the engine chose; it is not part of what the engine computed."""
    if t not in _FIELDS:
        _FIELDS[t] = (tuple(f.name for f in dataclasses.fields(t) if f.name not in NOT_COMPUTED)
                      if dataclasses.is_dataclass(t) else None)
    return _FIELDS[t]


def fingerprint(x, seen: dict) -> str:
    """A digest of canonical(x), made from the digests of its parts: the days of a step share
    their doses, so each part is hashed once (seen: by id, with the object, so no id is reused)."""
    if id(x) in seen:
        return seen[id(x)][1]
    names = _fields(type(x))
    if names is not None:
        if type(x).__name__ == "Profile":
            parts = ["Profile", x.name]
        else:
            parts = [type(x).__name__] + [f"{n}={fingerprint(getattr(x, n), seen)}" for n in names]
    elif isinstance(x, dict):
        parts = ["dict"] + sorted(f"{k!r}={fingerprint(v, seen)}" for k, v in x.items())
    elif isinstance(x, (tuple, list)):
        parts = ["seq"] + [fingerprint(v, seen) for v in x]
    else:
        return repr(_scalar(x))
    seen[id(x)] = (x, hashlib.sha256(repr(parts).encode()).hexdigest()[:24])
    return seen[id(x)][1]


def example(name: str):
    """An example plan of resources/examples."""
    from planner.files.planfile import load_example

    return load_example(name)


def example_names() -> list[str]:
    from planner.files.planfile import example_names

    return sorted(example_names())


def computed(seed: int | str):
    """The schedule the engine computes for plan(seed) (a name: that example), or the error it raises."""
    from planner.domain.schedule import compute_schedule

    p = example(seed) if isinstance(seed, str) else plan(seed)
    try:
        return compute_schedule(p, today=TODAY)
    except Exception as exc:  # an error is an outcome too: both engines must raise the same
        return ("raised", type(exc).__name__, str(exc))


def outcome(seed: int | str):
    """canonical(computed(seed)): to read where two engines differ."""
    return canonical(computed(seed))


def digest(seed: int | str) -> str:
    return fingerprint(computed(seed), {})[:20]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--write"]:
        recorded = {"examples": {n: digest(n) for n in example_names()}, "seeds": {str(s): digest(s) for s in SEEDS}}
        DIGESTS.write_text(json.dumps(recorded, indent=0) + "\n", encoding="utf-8")
    elif argv[:1] == ["--dump"]:
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for s in [*example_names(), *SEEDS]:
            (out / f"{s}.json").write_text(json.dumps(outcome(s), sort_keys=True, indent=1), encoding="utf-8")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
