"""Small readers over a computed schedule, shared by the tests."""

from planner.core.schedule import Schedule


def codes(s: Schedule) -> set[str]:
    return {p.code for p in s.problems}


def problem(s: Schedule, code: str):
    found = [p for p in s.problems if p.code == code]
    assert found, f"no {code} problem in {[p.code for p in s.problems]}"
    return found[0]


def doses_of(day) -> list[tuple[str, int]]:
    return [(d.slot, d.mg) for d in day.doses]
