"""Fuzzing the plan loader and every CLI sub-command with generated and mutated plan files.

Protects the contract of planner/core/planfile.py and planner/cli.py: whatever bytes a
plan file holds, loading it raises nothing but PlanError, and `titration-planner
schedule|check|export` exits 0, 1 or 2, never prints a traceback, never reaches the CLI's
"internal error" catch-all, never hangs, and leaves no file behind when it refuses.

Files are (a) plans generated field by field, mostly plausible with a few fields broken,
(b) the shipped examples with structural and byte-level mutations, (c) junk. Each call
runs under a hang guard: 5 s of CPU time (a busy machine does not trip it) or 30 s.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from importlib import resources

import pytest
from helpers import run_cli
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from planner import cli
from planner.domain.plan import SLOTS, PlanError
from planner.files.planfile import MAX_FILE_BYTES, load_plan_file
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule

# A hang is CPU time; wall time only catches a blocked call. The heaviest plan the fuzz can
# write takes under 1 s of CPU here (pregabalin from 19,999 mg/day down 25 mg a day: 800 steps),
# yet a 5 s guard once tripped on an example Hypothesis then ran in well under 1 s, so the
# guard is 10 s: ten times the worst real case, still far short of a hang.
CPU_SECONDS = 10.0
WALL_SECONDS = 30.0

FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                   HealthCheck.large_base_example])

DRUGS = ("gabapentin", "pregabalin")
PROFILES = {d: load_profile(d) for d in DRUGS}
PLAN_KEYS = (
    "format_version", "drug", "indication", "start_date", "start_dose_mg", "increment_mg", "step_days",
    "target_dose_mg", "doses_per_day", "strengths_mg", "slot_fill", "slot_times", "larger_dose_order",
    "maintenance_days", "taper", "kidney", "patient", "prescriber", "pharmacy", "overrides",
)
REQUIRED = {"format_version", "drug", "start_date", "start_dose_mg", "increment_mg", "step_days",
            "target_dose_mg", "doses_per_day"}
PROBLEM_CODES = (
    "above-kidney-maximum", "above-label-maximum", "above-recommended-dose", "below-kidney-range",
    "dialysis-supplement-not-given", "fewer-doses", "gap-between-doses", "increment-cannot-reach-target",
    "more-doses-than-label", "no-kidney-function", "raised-too-soon", "taper-too-short", "target-below-start",
    "too-many-doses-for-kidney",
)

# (argv after the plan path, output file name or None): every sub-command and format.
VARIANTS = (
    ("schedule", (), None), ("schedule", ("--format", "text"), None), ("schedule", ("--format", "json"), None),
    ("schedule", ("--format", "csv"), None), ("check", (), None), ("check", ("--format", "json"), None),
    ("export", (), "out.csv"), ("export", (), "out.ics"),
)
PDF_VARIANTS = (("export", (), "out.pdf"), ("export", ("--paper", "Letter", "--large-print"), "out.pdf"))


# --- wrong values ----------------------------------------------------------------------

NASTY_NUMBERS = (0, -1, 1, 2, 5, 366, 3651, 20_001, 10**30, -10**30, 2**63, 2**64 + 1, 0.5, -0.0,
                 1.5, 300.0, 1e16, 1e300, 1e308, -1e308, 5e-324, math.nan, math.inf, -math.inf)
NASTY_TEXT = (
    "", " ", "\n", "a\nb", "\r", "\t", "\x00", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff", "\ud800", "\udfff",
    "2026-12-01\n", "2026-02-30", "0000-00-00", "2026-1-1", "9999-12-31",
    "٢٠٢٦-١٢-٠١", "𝟚𝟘𝟚𝟞-𝟙𝟚-𝟘𝟙", "24:00", "8:00", "08:00\n", "٠٨:٠٠", "NaN", "null", "300", "1e3",
    "gabapentin ", "GABAPENTIN", "morning", "female\n", "%s%n{0}", "../../etc/passwd",
)
# Raw JSON text that json.dumps cannot write: big exponents, overlong integers, deep nesting.
RAW_NUMBERS = ("1e999", "-1e999", "1E400", "-0", "0e0", "1.0000000000000000001",
               "1" + "0" * 4000, "1" + "0" * 5000)  # Python refuses int strings over 4300 digits
RAW_NESTED = ("[" * 100 + "0" + "]" * 100, "[" * 5000 + "0" + "]" * 5000, '{"a":' * 3000 + "0" + "}" * 3000,
              "[" * 200_000)
RAW_JSON = RAW_NUMBERS + RAW_NESTED
# Built, not listed, so that hypothesis' statistics print the strategies readably.
long_text = st.sampled_from([("x", 201), ("😀", 60), ("x", 5000), ("\u0301", 300)]).map(lambda cn: cn[0] * cn[1])
_RAW_MARK = re.compile(r'"@@RAW(\d+)@@"')

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.sampled_from(NASTY_NUMBERS), st.sampled_from(NASTY_TEXT), long_text,
)
any_json = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=4)
    | st.dictionaries(st.text(max_size=8) | st.sampled_from(PLAN_KEYS + SLOTS), kids, max_size=4),
    max_leaves=12,
)
raw_marks = st.integers(0, len(RAW_JSON) - 1).map(lambda i: f"@@RAW{i}@@")
nested_marks = st.integers(len(RAW_NUMBERS), len(RAW_JSON) - 1).map(lambda i: f"@@RAW{i}@@")
wrong_values = st.one_of(any_json, st.sampled_from(NASTY_NUMBERS), st.sampled_from(NASTY_TEXT), long_text, raw_marks)


def csv_first_headings() -> set[str]:
    """The CSV export's first column heading in each language a handout is printed in."""
    from planner.export.formats import csv_header
    from planner.text.catalogue import languages, speaking

    firsts = set()
    for language in languages():
        with speaking(language):
            firsts.add(csv_header()[0])
    return firsts

def _serialize(draw, data) -> bytes:
    """JSON as an editor might write it; raw marks become the raw text they stand for."""
    text = json.dumps(data, indent=draw(st.sampled_from([None, 2, "\t"])), ensure_ascii=draw(st.booleans()))
    text = _RAW_MARK.sub(lambda m: RAW_JSON[int(m.group(1))], text)
    # A lone surrogate written unescaped is not UTF-8: exactly what a broken editor leaves.
    return text.encode("utf-8", "surrogatepass")


# --- (a) plans generated field by field ------------------------------------------------

def record(fields: dict, required=frozenset(), dirty: bool = False):
    """A JSON object from {key: strategy of a plausible value}: the required keys and some
    optional ones. In a dirty plan, one object in three also gets a few broken keys (a
    wrong value, null, or left out) and one in ten an unknown key; a clean plan is whole,
    so about half the plans get past the loader into the engine."""
    @st.composite
    def build(draw):
        broken = set()
        if dirty and draw(st.integers(0, 2)) == 0:
            broken = draw(st.sets(st.sampled_from(sorted(fields)), min_size=1, max_size=3))
        out = {}
        for key, good in fields.items():
            if key in broken:
                how = draw(st.sampled_from(["wrong", "wrong", "null", "missing"]))
                if how != "missing":
                    out[key] = None if how == "null" else draw(wrong_values)
            elif key in required or draw(st.booleans()):
                out[key] = draw(good)
        if dirty and draw(st.integers(0, 9)) == 0:
            out[draw(unknown_keys)] = draw(wrong_values)
        return out
    return build()


def mg(lo: int, hi: int, step: int):
    # Mostly clinical amounts, sometimes any whole number or the loader's bounds.
    return st.one_of(st.integers(lo // step or 1, hi // step).map(lambda k: k * step), st.integers(lo, hi),
                     st.sampled_from([1, 19_999, 20_000]), st.integers(lo, hi).map(float))


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


plain_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    # The loader takes these too: a lone surrogate (written "\ud800" in JSON), NEL, a line separator.
    st.sampled_from(["Alex Example", "Zoë O'Brien-Łukasz", "محمد عبد الله", "山田 太郎", "\u202eevil",
                     "x" * 200, "Al\ud800ex", "\udfff", "Alex\x85Example", "Alex\u2028Example", "\ufeffAlex"]),
)
iso_dates = st.one_of(st.dates(date(2020, 1, 1), date(2035, 12, 31)),
                      st.sampled_from([date(1900, 1, 1), date(2200, 12, 31)])).map(date.isoformat)
# Four increasing clock times: gaps of at most 359 minutes never pass midnight.
slot_times = st.tuples(st.integers(0, 359), *[st.integers(1, 359)] * 3).map(
    lambda gaps: {slot: clock(sum(gaps[:i + 1])) for i, slot in enumerate(SLOTS)})
percent = st.one_of(st.integers(1, 100), st.floats(0.001, 100).map(lambda x: round(x, 3)))


def taper(dirty: bool):
    return st.one_of(
        record({"step_mg": mg(25, 600, 25), "step_days": st.integers(1, 28)}, {"step_mg", "step_days"}, dirty),
        record({"step_percent": percent, "step_days": st.integers(1, 28)}, {"step_percent", "step_days"}, dirty),
    )


def kidney(dirty: bool):
    person = {"age_years": st.integers(18, 110) | st.floats(1, 120).map(lambda x: round(x, 1)),
              "sex": st.sampled_from(["female", "male"]),
              "weight_kg": st.integers(35, 180) | st.floats(1, 400).map(lambda x: round(x, 1)),
              "haemodialysis": st.booleans()}
    return st.one_of(
        record({"crcl_ml_min": st.floats(0.1, 250).map(lambda x: round(x, 1)) | st.integers(1, 250),
                "haemodialysis": st.booleans()}, {"crcl_ml_min"}, dirty),
        record({**person, "serum_creatinine_mg_dl": st.floats(0.1, 30).map(lambda x: round(x, 2))},
               {"age_years", "sex", "weight_kg", "serum_creatinine_mg_dl"}, dirty),
        record({**person, "serum_creatinine_umol_l": st.integers(10, 2500)},
               {"age_years", "sex", "weight_kg", "serum_creatinine_umol_l"}, dirty),
    )


def overrides(dirty: bool):
    item = record({"code": st.sampled_from(PROBLEM_CODES), "reason": plain_text.filter(str.strip)},
                  {"code", "reason"}, dirty)
    return st.lists(item, max_size=3, unique_by=lambda o: str(o.get("code")))  # twice is a PlanError


@st.composite
def generated_plan(draw, dirty: bool) -> dict:
    drug = draw(st.sampled_from(DRUGS))
    profile = PROFILES[drug]
    step = min(profile.strengths_mg)
    return draw(record({
        "format_version": st.just(1),
        "drug": st.just(drug),
        "indication": st.sampled_from([i.id for i in profile.indications]),
        "start_date": iso_dates,
        "start_dose_mg": mg(step, 1200, step),
        "increment_mg": st.one_of(st.integers(0, 12).map(lambda k: k * step), st.integers(0, 900),
                                  st.sampled_from([0, 1, 20_000])),
        "step_days": st.integers(1, 14) | st.sampled_from([1, 365]),
        "target_dose_mg": mg(step, 3600, step),
        "doses_per_day": st.integers(1, 4),
        "strengths_mg": st.lists(st.sampled_from(profile.strengths_mg), min_size=1, unique=True),
        "slot_fill": st.sampled_from(["grow", "all"]),
        "slot_times": slot_times,
        "larger_dose_order": st.permutations(SLOTS),
        "maintenance_days": st.integers(0, 60) | st.sampled_from([0, 1, 3649, 3650]),
        "taper": taper(dirty),
        "kidney": kidney(dirty),
        "patient": record({"name": plain_text, "date_of_birth": iso_dates, "identifier": plain_text},
                          dirty=dirty),
        "prescriber": record({"name": plain_text, "organisation": plain_text,
                              "phone": st.from_regex(r"\+?[0-9 ()-]{3,20}", fullmatch=True)}, dirty=dirty),
        "pharmacy": record({"name": plain_text, "phone": st.from_regex(r"[0-9 ]{3,20}", fullmatch=True)},
                           dirty=dirty),
        "overrides": overrides(dirty),
    }, REQUIRED, dirty))


# --- (b) shipped examples, mutated -----------------------------------------------------

def _examples() -> dict[str, str]:
    folder = resources.files("planner.resources").joinpath("examples")
    return {p.name: p.read_text("utf-8") for p in folder.iterdir() if p.name.endswith(".json")}


EXAMPLES = _examples()


def _slots(node, out: list, path: str = "") -> list:
    """Every (container, key, path) in the tree, so a mutation can reach any depth."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        where = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        out.append((node, key, where))
        _slots(value, out, where)
    return out


NEAR_TEXT = ("\n", " ", "\t", "\x00", "\x85", "\u2028", "\ud800", "\ufeff", "\u0301")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def near_miss(value):
    """Values one small edit away from a valid one: where a check is easiest to get wrong
    ("2026-12-01\n", 301, "300", 1800.5, a list one item short)."""
    if isinstance(value, bool):
        return st.sampled_from([0, 1, "true", None, [value]])
    if isinstance(value, (int, float)):
        return st.sampled_from([value + 1, value - 1, -value, value + 0.5, value * 1000, value * 10**30,
                                str(value), float(value), [value]])
    if isinstance(value, str):
        return st.one_of(
            st.tuples(st.integers(0, len(value)), st.sampled_from(NEAR_TEXT)).map(
                lambda t: value[:t[0]] + t[1] + value[t[0]:]),
            st.sampled_from([value.upper(), value[:-1], value.translate(ARABIC_DIGITS), value * 2]),
        )
    if isinstance(value, list):
        return st.sampled_from([[], value[:-1], value + value[:1], value[::-1], [value]])
    if isinstance(value, dict):
        return st.sampled_from([{}, [value], {**value, "": 0}])
    return wrong_values


unknown_keys = st.one_of(st.text(max_size=12), st.sampled_from(PLAN_KEYS + SLOTS + NASTY_TEXT),
                         st.sampled_from(PLAN_KEYS).flatmap(near_miss).filter(lambda k: isinstance(k, str)))
TREE_OPS = ("near-miss", "near-miss", "replace", "delete", "add-key", "number", "wrap", "nest", "retype", "root")


@st.composite
def _mutate_tree(draw, data, log: list, ops=TREE_OPS):
    slots = _slots(data, [])
    op = draw(st.sampled_from(ops))
    if op == "root" or not isinstance(data, dict):
        log.append("root replaced")
        return draw(wrong_values)
    if op == "add-key" or not slots:
        dicts = [(data, "")] + [(c[k], where) for c, k, where in slots if isinstance(c[k], dict)]
        target, where = draw(st.sampled_from(dicts))
        key = draw(unknown_keys)
        target[key] = draw(wrong_values)
        log.append(f"add-key {where}.{key!r}")
        return data
    container, key, where = draw(st.sampled_from(slots))
    value = container[key]
    if op == "delete":
        del container[key]
    elif op == "near-miss":
        container[key] = draw(near_miss(value))
    elif op == "replace":
        container[key] = draw(wrong_values)
    elif op == "number":
        container[key] = draw(st.sampled_from(NASTY_NUMBERS) | raw_marks)
    elif op == "wrap":
        container[key] = [value]
    elif op == "nest":
        container[key] = draw(nested_marks)
    elif op == "retype":  # the same value, written as another JSON type: 300 -> "300", "7" -> 7.0
        if not isinstance(value, str):
            container[key] = json.dumps(value)
        else:
            container[key] = float(value) if value.isdigit() else {"value": value}
    log.append(f"{op} {where}" + ("" if op == "delete" else f" = {_short(container[key])}"))
    return data


def _short(value) -> str:
    mark = _RAW_MARK.fullmatch(json.dumps(value)) if isinstance(value, str) else None
    text = f"raw {RAW_JSON[int(mark.group(1))]}" if mark else repr(value)
    return text if len(text) <= 60 else text[:45] + "..." + text[-10:]


UTF8_BOM = b"\xef\xbb\xbf"
BAD_UTF8 = (b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe2\x82", b"\x80")
PAD_TO = (MAX_FILE_BYTES - 1, MAX_FILE_BYTES, MAX_FILE_BYTES + 1, 2 * MAX_FILE_BYTES)


@st.composite
def _mutate_bytes(draw, raw: bytes, log: list) -> bytes:
    op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "bad-utf8", "bom", "utf16",
                               "whitespace", "pad-to", "deep", "dup-key"]))
    at = draw(st.integers(0, len(raw)))
    log.append(f"{op}@{at}")
    if op == "truncate":
        return raw[:at]
    if op == "flip" and raw:
        i = min(at, len(raw) - 1)
        return raw[:i] + bytes([raw[i] ^ (1 << draw(st.integers(0, 7)))]) + raw[i + 1:]
    if op == "insert":
        return raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    if op == "delete":
        return raw[:at] + raw[at + draw(st.integers(1, 16)):]
    if op == "bad-utf8":
        return raw[:at] + draw(st.sampled_from(BAD_UTF8)) + raw[at:]
    if op == "bom":
        return draw(st.sampled_from([UTF8_BOM, UTF8_BOM * 2, b"\xff\xfe", b"\xfe\xff"])) + raw
    if op == "utf16":
        return raw.decode("utf-8", "replace").encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32"])))
    if op == "whitespace":
        return raw[:at] + draw(st.sampled_from([b" ", b"\n", b"\t", b"\r\n"])) * draw(
            st.sampled_from([1000, 100_000])) + raw[at:]
    if op == "pad-to":  # right at the 1 MB cap, on both sides of it
        return raw + b" " * max(0, draw(st.sampled_from(PAD_TO)) - len(raw))
    if op == "deep":
        opener = draw(st.sampled_from([b"[", b'{"a":']))
        return raw[:at] + opener * draw(st.sampled_from([50, 5000, 200_000])) + raw[at:]
    if op == "dup-key":
        i = raw.find(b"{") + 1
        return raw[:i] + draw(st.sampled_from([b'"drug": "gabapentin", ', b'"format_version": 1, '])) + raw[i:]
    return raw


@dataclass(frozen=True)
class PlanFile:
    """Bytes to write as a plan file, and how they were made (shown when a test fails)."""

    data: bytes
    how: str

    def __repr__(self) -> str:
        shown = self.data if len(self.data) <= 600 else self.data[:300] + b" ... " + self.data[-200:]
        return f"PlanFile({len(self.data):,} bytes, {self.how}: {shown!r})"

    def _repr_pretty_(self, p, cycle) -> None:  # hypothesis prints falsifying examples this way
        p.text(repr(self))


@st.composite
def generated_files(draw, modes=("clean", "one flaw", "dirty")) -> PlanFile:
    """clean: every field plausible; one flaw: one near-miss or wrong value, so its message
    is the one the CLI prints; dirty: several fields broken at once."""
    mode, log = draw(st.sampled_from(modes)), []
    data = draw(generated_plan(dirty=mode == "dirty"))
    if mode == "one flaw":
        data = draw(_mutate_tree(data, log, TREE_OPS[:-1]))
    return PlanFile(_serialize(draw, data), f"generated {mode}{': ' if log else ''}{'; '.join(log)}")


@st.composite
def mutated_files(draw) -> PlanFile:
    name = draw(st.sampled_from(sorted(EXAMPLES)))
    data, log = json.loads(EXAMPLES[name]), []
    for _ in range(draw(st.integers(0, 4))):
        data = draw(_mutate_tree(data, log))
    raw = _serialize(draw, data)
    for _ in range(draw(st.integers(0, 3))):
        raw = draw(_mutate_bytes(raw, log))
    return PlanFile(raw, f"{name} mutated: {'; '.join(log) or 'unchanged'}")


junk_files = st.one_of(
    st.binary(max_size=64).map(lambda b: PlanFile(b, "random bytes")),
    st.sampled_from([b"", b" \n\t", UTF8_BOM, b"null", b"[]", b"{}", b'{"a":1,"a":2}', b"NaN", b"\x00" * 100])
    .map(lambda b: PlanFile(b, "tiny")),
    any_json.map(lambda v: PlanFile(json.dumps(v).encode("utf-8", "surrogatepass"), "any JSON")),
)
plan_files = st.one_of(generated_files(), mutated_files(), junk_files)


# --- running with a hang guard ---------------------------------------------------------

class _Hang(BaseException):
    """Raised by the timers. Not an Exception, so cli.main's catch-all cannot swallow it."""


@contextlib.contextmanager
def no_hang(what: str):
    """Fail, naming what, if the block uses CPU_SECONDS of CPU or WALL_SECONDS of wall time.
    pytest-timeout's own SIGALRM timer is put back afterwards."""
    def ring(signum, frame):
        raise _Hang(signum)

    old = {s: signal.signal(s, ring) for s in (signal.SIGPROF, signal.SIGALRM)}
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_PROF, CPU_SECONDS)
    outer, outer_interval = signal.setitimer(signal.ITIMER_REAL, WALL_SECONDS)
    if outer:
        signal.setitimer(signal.ITIMER_REAL, min(WALL_SECONDS, outer))
    try:
        yield
    except _Hang as h:
        limit = f"{CPU_SECONDS} s of CPU" if h.args[0] == signal.SIGPROF else f"{WALL_SECONDS} s"
        raise AssertionError(f"{what}: still running after {limit}: a hang") from None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        for s, handler in old.items():
            signal.signal(s, handler)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001), outer_interval)


def _write(folder: str, f: PlanFile) -> str:
    path = os.path.join(folder, "plan.json")
    with open(path, "wb") as fh:
        fh.write(f.data)
    return path


def expected_exit(path: str, command: str) -> int:
    """The exit code the contract asks for, from the library itself: 2 unusable, 1 blocking
    (for export: not exportable), 0 otherwise."""
    try:
        with no_hang("load_plan_file + compute_schedule"):
            schedule = compute_schedule(load_plan_file(path))
    except PlanError:
        return 2
    if command == "export":
        return 0 if schedule.exportable else 1
    return 1 if schedule.has_blocking else 0


def run_main(argv: list[str]) -> tuple[int, str, str]:
    """cli.main in this process, its output captured; SystemExit (argparse) is an exit too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), no_hang(" ".join(argv)):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def check_outcome(code, out: str, err: str, *, plan: str, variant, folder: str) -> None:
    """The contract first, then agreement with the library on the same file."""
    command, options, output = variant
    assert code in (0, 1, 2), f"exit code {code!r}; stderr: {err!r}"
    assert "Traceback" not in err and "Traceback" not in out, err
    # cli.main turns any unexpected exception into this line and exit 2: a bug, not an answer.
    assert "internal error" not in err, err
    expected = expected_exit(plan, command)
    assert code == expected, f"exit {code}, the library says {expected}; stdout {out[:300]!r}, stderr {err!r}"
    if code == 2:
        lines = err.rstrip("\n").split("\n")
        assert len(lines) == 1 and plan in lines[0], f"exit 2 needs one line naming the file; got {err!r}"
        assert out == "", out[:300]
    elif "json" in options:
        json.loads(out)  # other tools read this
    elif "csv" in options:
        assert list(csv.reader(io.StringIO(out)))
    if command == "export":
        left = sorted(os.listdir(folder))
        if code == 0:
            assert left == sorted(["plan.json", output]), left
            if output.endswith(".csv"):  # headed in the handout's language: "day,", "día,"
                with open(os.path.join(folder, output), encoding="utf-8-sig") as fh:
                    assert fh.readline().split(",")[0] in csv_first_headings()
            else:
                magic = {".ics": b"BEGIN:VCALENDAR", ".pdf": b"%PDF-"}[output[-4:]]
                with open(os.path.join(folder, output), "rb") as fh:
                    assert fh.read(len(magic)) == magic
        else:  # refused: no output and no temporary file left behind
            assert left == ["plan.json"], left


def fuzz_cli_once(f: PlanFile, variant) -> int:
    command, options, output = variant
    with tempfile.TemporaryDirectory() as folder:
        plan = _write(folder, f)
        argv = [command, plan, *options]
        if output:
            argv += ["-o", os.path.join(folder, output)]
        code, out, err = run_main(argv)
        check_outcome(code, out, err, plan=plan, variant=variant, folder=folder)
    return code


# --- the tests -------------------------------------------------------------------------

@settings(max_examples=1500, **FUZZ)
@given(plan_files)
def test_loader_raises_only_plan_error(f):
    """load_plan_file + compute_schedule: a Plan and a Schedule, or a PlanError; files over
    the 1 MB cap are refused by size."""
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, f)
        try:
            with no_hang("load_plan_file + compute_schedule"):
                plan = load_plan_file(path)
                event("loaded")
                compute_schedule(plan)
                event("scheduled")
        except PlanError as exc:
            assert str(exc), "a PlanError must say what is wrong"
            if len(f.data) > MAX_FILE_BYTES:  # refused by size, before any parsing
                assert "larger than" in str(exc), str(exc)
            return
        assert len(f.data) <= MAX_FILE_BYTES, "a file over the 1 MB cap was loaded"


@settings(max_examples=1000, **FUZZ)
@given(plan_files, st.sampled_from(VARIANTS))
# A Spanish handout's CSV is headed in Spanish ("día,"): found by the fuzzer in CI.
@example(PlanFile(EXAMPLES["gabapentin-stop-es.json"].encode(), "Spanish handout"), VARIANTS[6])
def test_cli_subcommands_keep_the_exit_code_contract(f, variant):
    """schedule (every --format), check (every --format), export to .csv and .ics."""
    event(f"{variant[0]} exit {fuzz_cli_once(f, variant)}")


def _seed(how: str, **changes) -> PlanFile:
    return PlanFile(json.dumps({**json.loads(EXAMPLES["gabapentin-phn-label-start.json"]), **changes}).encode(), how)


# Inputs the fuzz found breaking the contract, so that every run checks them.
SEEDS = {
    "unknown-key-with-newline": (_seed("unknown key", **{"a\nb": 1}), VARIANTS[4]),
    "date-with-trailing-newline": (_seed("start_date", start_date="2026-12-01\n"), VARIANTS[4]),
    "lone-surrogate-in-a-name": (_seed("patient name", patient={"name": "Al\ud800ex"}), VARIANTS[7]),
}


@pytest.mark.parametrize("seed", SEEDS)
def test_cli_on_inputs_the_fuzz_found(seed):
    fuzz_cli_once(*SEEDS[seed])


@settings(max_examples=50, **FUZZ)
@given(st.one_of(generated_files(("clean", "one flaw")), plan_files), st.sampled_from(PDF_VARIANTS))
def test_cli_pdf_export_keeps_the_exit_code_contract(qapp, f, variant):
    """export to .pdf (Qt, offscreen): fewer examples, each takes up to a second.
    qapp: the tests' QApplication, made first; the CLI would otherwise make a bare
    QGuiApplication, on which every later window test aborts."""
    event(f"pdf exit {fuzz_cli_once(f, variant)}")


@settings(max_examples=30, **FUZZ)
@given(plan_files, st.sampled_from(VARIANTS + PDF_VARIANTS[:1]))
@example(PlanFile(b"[" * 200_000, "deep"), VARIANTS[0])
@example(PlanFile(b"{}" + b" " * MAX_FILE_BYTES, "over the cap"), VARIANTS[5])
@example(PlanFile(UTF8_BOM + EXAMPLES["gabapentin-phn-default.json"].encode(), "BOM"), VARIANTS[6])
@example(PlanFile(b'{"format_version": 1, "drug": "\xff"}', "not UTF-8"), VARIANTS[7])
def test_real_process_keeps_the_exit_code_contract(f, variant):
    """The installed entry point, as another tool runs it, behaves like cli.main in-process."""
    command, options, output = variant
    with tempfile.TemporaryDirectory() as folder:
        plan = _write(folder, f)
        argv = [command, plan, *options] + (["-o", os.path.join(folder, output)] if output else [])
        try:
            r = run_cli(*argv, timeout=20)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"titration-planner {' '.join(argv)}: still running after 20 s: a hang") from None
        check_outcome(r.returncode, r.stdout, r.stderr, plan=plan, variant=variant, folder=folder)
