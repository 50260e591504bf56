"""The text catalogue (gettext .po files read with Babel): every message id the code asks for is in the English catalogue with
the placeholders the code fills, none is there unused, and no id is given twice."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from planner.text.catalogue import MissingMessage, catalogue, placeholders, read_messages

ROOT = Path(__file__).resolve().parent.parent.parent
KEYWORDS = {"say": None, "say_n": None}


def _literals() -> dict[str, str]:
    """Every string literal in planner that is shaped like a message id of a catalogue area
    ("printout.slot.morning"), with where it is: ids are passed to say() directly, from a
    conditional, or from a table (a format's file-dialog filter, a phase's words)."""
    from planner.domain.schema import FIELDS

    areas = {i.split(".", 1)[0] for i in read_messages("en")}
    paths = {f.path for f in FIELDS}  # "kidney.sex" is a plan field, not a message
    groups = {f.group for f in FIELDS if f.group}
    shape = re.compile(r"[a-z]+(\.[a-z0-9][a-z0-9_-]*)+")
    out = {}
    for path in (ROOT / "planner").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and shape.fullmatch(node.value) \
                    and node.value.split(".", 1)[0] in areas and node.value not in paths and not node.value.endswith(".po") \
                    and not (node.value.split(".", 1)[0] in groups and "_" in node.value):  # a field's name
                out.setdefault(node.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return out


def _calls() -> list[tuple[str, int, str | None, str | None, set[str] | None]]:
    """(file, line, static id or None, f-string prefix or None, keyword names or None) per call."""
    out = []
    for path in (ROOT / "planner").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name not in KEYWORDS or not node.args:
                continue
            first = node.args[0]
            keys = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
            if name == "say_n" and keys is not None:
                keys = keys | {"n"}  # say_n fills {n} itself; a message may leave it out
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                out.append((where, node.lineno, first.value, None, keys))
            elif isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
                out.append((where, node.lineno, None, first.values[0].value, keys))
            else:
                out.append((where, node.lineno, None, "", keys))
    return out


def test_every_id_the_code_names_is_in_the_english_catalogue():
    ids = catalogue("en").ids
    named = _literals()
    named.update({c[2]: c[0] for c in _calls() if c[2]})  # ids passed to say() directly, of any shape
    missing = sorted(f"{where}: {i}" for i, where in named.items() if i not in ids)
    assert not missing, "asked for but not in resources/text/en/*.po:\n" + "\n".join(missing)


def test_every_call_fills_exactly_the_placeholders_of_its_message():
    messages = read_messages("en")
    wrong = []
    for where, _line, msgid, _prefix, keys in _calls():
        if msgid is None or keys is None or msgid not in messages:
            continue
        text = messages[msgid]
        wanted = set().union(*(placeholders(t) for t in text)) if isinstance(text, tuple) else placeholders(text)
        if wanted != keys and not (wanted | {"n"} == keys and _line_is_say_n(where)):
            wrong.append(f"{where}: {msgid} wants {sorted(wanted)}, given {sorted(keys)}")
    assert not wrong, "\n".join(wrong)


def _line_is_say_n(where: str) -> bool:
    path, line = where.rsplit(":", 1)
    return "say_n(" in (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_no_message_is_unused():
    calls = _calls()
    static = {c[2] for c in calls if c[2]} | set(_literals())
    prefixes = tuple(c[3] for c in calls if c[3])
    # Ids built from a declared table (schema field labels and units) are used through it.
    from planner.domain.schema import FIELDS
    declared = {f.label for f in FIELDS} | {f.unit for f in FIELDS if f.unit}
    unused = sorted(i for i in read_messages("en") if i not in static and i not in declared
                    and not (prefixes and i.startswith(prefixes)))
    assert not unused, f"in the catalogue but never asked for: {unused}"


def test_an_id_given_twice_is_refused(tmp_path, monkeypatch):
    from planner.text import catalogue as cat

    en = tmp_path / "text" / "en"
    en.mkdir(parents=True)
    for name in ("a.po", "b.po"):
        (en / name).write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                               'msgid "same.id"\nmsgstr "Once"\n', encoding="utf-8")
    monkeypatch.setattr(cat.resources, "files", lambda _pkg: tmp_path)
    cat._read.cache_clear()
    cat._catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match="same.id"):
            cat.read_messages("en")
    finally:
        cat._read.cache_clear()
        cat._catalogue.cache_clear()


def test_a_missing_id_or_value_is_an_error_not_a_fallback():
    en = catalogue("en")
    with pytest.raises(MissingMessage):
        en.say("no.such.message")
    with pytest.raises(MissingMessage, match="first"):
        en.say("chart.title.dates", drug="Gabapentin", start_mg=300, target_mg=1800, last="x")


def test_plural_forms_follow_the_count(tmp_path, monkeypatch):
    from planner.text import catalogue as cat

    en = tmp_path / "text" / "en"
    en.mkdir(parents=True)
    (en / "a.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                             '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                             'msgid "x.days"\nmsgid_plural "x.days"\nmsgstr[0] "{n} day"\nmsgstr[1] "{n} days"\n',
                             encoding="utf-8")
    monkeypatch.setattr(cat.resources, "files", lambda _pkg: tmp_path)
    cat._read.cache_clear()
    cat._catalogue.cache_clear()
    try:
        c = cat.catalogue("en")
        assert [c.say_n("x.days", n) for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    finally:
        cat._read.cache_clear()
        cat._catalogue.cache_clear()


def test_every_message_is_one_well_formed_template():
    for msgid, text in read_messages("en").items():
        for t in text if isinstance(text, tuple) else (text,):
            assert t, f"{msgid} is empty"
            assert not re.search(r"(?<!\{)\{\s*\}(?!\})", t), f"{msgid} has an unnamed placeholder"
            placeholders(t)  # raises on a malformed brace
