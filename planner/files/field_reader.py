"""Reading one field of a plan file by its schema declaration (planner.domain.schema): its
kind, range, length, choices, default and whether it is required. Reader collects a
FieldError naming the field for every way a value can be wrong, and names every key the
schema does not declare as unknown. plan_reader reads a whole plan with it."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal
from typing import Any

from planner.domain import schema
from planner.domain.plan import FieldError
from planner.domain.schema import Field
from planner.files.wording import got, key_shown, one_of, unit_words
from planner.text.catalogue import say

# ASCII digits, whole string: \d takes any script's digits and $ takes a final newline.
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME_RE = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# The years a plan's dates may fall in: outside them a date is a typing slip.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def is_whole_number(value: Any) -> bool:
    return not isinstance(value, bool) and (isinstance(value, int) or (
        isinstance(value, float) and math.isfinite(value) and value.is_integer()))


def exact(value: int | float) -> Decimal:
    # repr of a float is its shortest exact decimal, so 41.3 stays 41.3.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


class Reader:
    """Collects field errors while reading one JSON object (the plan, or one of its groups)."""

    def __init__(self, errors: list[FieldError], obj: dict[str, Any], prefix: str = "") -> None:
        self.errors = errors
        self.obj = obj
        self.prefix = prefix
        self.seen: set[str] = set()

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError(self.name(key), message))

    def has(self, key: str) -> bool:
        return key in self.obj and self.obj[key] is not None

    def skip(self, *keys: str) -> None:
        """Keys a rule has judged as a whole: not read one by one, not unknown."""
        self.seen.update(keys)

    def get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        if key not in self.obj or self.obj[key] is None:
            if required:
                self.fail(key, say("files.field.missing"))
            return None
        return self.obj[key]

    # --- one field, by its kind ---------------------------------------------------------

    def read(self, f: Field, required: bool | None = None, **how: Any) -> Any:
        """The field's value (its default when the file leaves it out), or None after naming
        what is wrong with it. required overrides the schema's (a rule knows better)."""
        need = f.required if required is None else required
        value = self.get(f.key, need)
        if value is None:
            return f.default
        return getattr(self, f"_{f.kind}")(f, value, **how)

    def _int(self, f: Field, value: Any) -> int | None:
        if not is_whole_number(value):
            self.fail(f.key, say("files.field.whole-number", unit=unit_words(f), got=got(value)))
            return None
        value = int(value)
        if not f.low <= value <= f.high:
            self.fail(f.key, say("files.field.from-to", low=f.low, high=f.high, unit=unit_words(f), got=value))
            return None
        return value

    def _decimal(self, f: Field, value: Any, low: Decimal | None = None, high: Decimal | None = None) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not math.isfinite(value)):
            self.fail(f.key, say("files.field.number", unit=unit_words(f), got=got(value)))
            return None
        d = exact(value)
        low = f.low if low is None else low
        high = f.high if high is None else high
        if low is None or high is None:
            return d  # a rule judges its range (planner.files.plan_rules.plausible)
        too_low = d <= low if f.low_open else d < low
        if too_low or d > high:
            words = "files.field.above-to" if f.low_open else "files.field.from-to"
            self.fail(f.key, say(words, low=low, high=high, unit=unit_words(f), got=got(value)))
            return None
        return d

    def _text(self, f: Field, value: Any) -> str | None:
        if not isinstance(value, str):
            self.fail(f.key, say("files.field.text", got=got(value)))
            return None
        if f.max_len is not None and len(value) > f.max_len:
            self.fail(f.key, say("files.field.too-long", max_len=f.max_len))
            return None
        # Control characters and Unicode line breaks would split the printout's lines.
        if any((ord(c) < 32 and c != "\t") or c in "\x7f\x85\u2028\u2029" for c in value):
            self.fail(f.key, say("files.field.one-line"))
            return None
        if any("\ud800" <= c <= "\udfff" for c in value):  # "\ud800" in JSON: not writable as UTF-8
            self.fail(f.key, say("files.field.surrogate"))
            return None
        return value.strip() or None

    def _choice(self, f: Field, value: Any, choices: tuple[str, ...] | None = None) -> str | None:
        options = f.choices if choices is None else choices
        if not isinstance(value, str) or value not in options:
            self.fail(f.key, say("files.field.choice", choices=one_of(options), got=got(value)))
            return f.default
        return value

    def _bool(self, f: Field, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.fail(f.key, say("files.field.bool", got=got(value)))
            return f.default
        return value

    def _date(self, f: Field, value: Any) -> date | None:
        if not isinstance(value, str) or not DATE_RE.fullmatch(value):
            self.fail(f.key, say("files.field.date-format", got=got(value)))
            return None
        try:
            d = date.fromisoformat(value)
        except ValueError:
            self.fail(f.key, say("files.field.date-unreal", date=value))
            return None
        if not FIRST_YEAR <= d.year <= LAST_YEAR:
            self.fail(f.key, say("files.field.date-implausible", date=value))
            return None
        return d

    def _uuid(self, f: Field, value: Any) -> str | None:
        if not isinstance(value, str) or not UUID_RE.fullmatch(value):
            self.fail(f.key, say("files.field.uuid", got=got(value)))
            return None
        return value

    def _strengths(self, f: Field, value: Any, made: Any = None) -> tuple[int, ...] | None:
        """made(i, strength) names a strength the drug is not made in (plan_rules)."""
        if not isinstance(value, list) or not value:
            self.fail(f.key, say("files.field.strengths", got=got(value)))
            return None
        out: list[int] = []
        for i, s in enumerate(value):
            at = f"{f.key}[{i}]"
            if not is_whole_number(s):
                self.fail(at, say("files.field.strength", got=got(s)))
                return None
            s = int(s)
            if made is not None and not made(self, at, s):
                return None
            if s in out:
                self.fail(at, say("files.field.strength-twice", strength_mg=s))
                return None
            out.append(s)
        return tuple(sorted(out))

    def _times(self, f: Field, value: Any) -> tuple[tuple[str, str], ...] | None:
        sub = self.object(f.key, value)
        if sub is None:
            return f.default
        times = dict(f.default)
        for slot in f.choices:
            t = sub.get(slot, False)
            if t is None:
                continue
            if not isinstance(t, str) or not TIME_RE.fullmatch(t):
                sub.fail(slot, say("files.field.time", got=got(t)))
                continue
            times[slot] = t
        sub.finish()
        return tuple((s, times[s]) for s in f.choices)

    def _doses(self, f: Field, value: Any) -> tuple[tuple[str, int], ...] | None:
        """{slot: whole mg}: held in slot order, a 0 left out (that time of day is not taken)."""
        sub = self.object(f.key, value)
        if sub is None:
            return None
        out = []
        ok = True
        for slot in f.choices:
            mg = sub.get(slot, False)
            if mg is None:
                continue
            if not is_whole_number(mg):
                sub.fail(slot, say("files.field.whole-number", unit=unit_words(f), got=got(mg)))
                ok = False
                continue
            mg = int(mg)
            if not f.low <= mg <= f.high:
                sub.fail(slot, say("files.field.from-to", low=f.low, high=f.high, unit=unit_words(f), got=mg))
                ok = False
                continue
            if mg:
                out.append((slot, mg))
        sub.finish()
        return tuple(out) if ok else None

    def _order(self, f: Field, value: Any, words: str = "files.field.order") -> tuple[str, ...] | None:
        """words: what the order means, in the message (the larger doses' order by default)."""
        slots = f.choices
        if not isinstance(value, list) or sorted(map(str, value)) != sorted(slots) or len(value) != len(slots):
            self.fail(f.key, say(words, slots=one_of(slots), got=got(value)))
            return f.default
        return tuple(value)

    def _group(self, f: Field, value: Any, rule: Any = None) -> Any:
        """A group's members by the schema; rule(sub, values) reads the members it judges
        together first (plan_rules). None when the group is unusable."""
        sub = self.object(f.key, value)
        if sub is None:
            return None
        values: dict[str, Any] = {} if rule is None else rule(sub)
        for member in schema.in_group(f.path):
            if member.key not in sub.seen:
                values[member.key] = sub.read(member)
        sub.finish()
        return values

    def _records(self, f: Field, value: Any, rule: Any = None) -> tuple[dict[str, Any], ...]:
        if not isinstance(value, list):
            self.fail(f.key, say("files.field.records", members=_members(f), got=got(value)))
            return f.default
        out = []
        for i, item in enumerate(value):
            at = f"{f.key}[{i}]"
            if not isinstance(item, dict):
                self.fail(at, say("files.field.record", members=_members(f), got=got(item)))
                continue
            sub = Reader(self.errors, item, f"{self.name(at)}.")
            values = {m.key: sub.read(m) for m in schema.in_group(f.path)}
            sub.finish()
            if rule is None or rule(sub, values, out):
                out.append(values)
        return tuple(out)

    def object(self, key: str, value: Any) -> "Reader | None":
        if not isinstance(value, dict):
            self.fail(key, say("files.field.object", got=got(value)))
            return None
        return Reader(self.errors, value, f"{self.name(key)}.")

    def finish(self) -> None:
        for key in self.obj:
            if key not in self.seen:
                self.fail(key_shown(key), say("files.field.unknown"))


def _members(f: Field) -> str:
    return "{" + one_of(m.key for m in schema.in_group(f.path)) + "}"
