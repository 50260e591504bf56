"""No English sentence is assembled outside the text layer: the domain, file I/O, exports and
the chart hold codes and values; every sentence a person reads comes from the catalogue
(resources/text/<language>/*.po) through planner.text.

A string "looks like a sentence" when it has three words of letters in a row (f-string
parts joined). Not counted: docstrings, and the message of an exception that reports a
programming or data-packaging error to a maintainer (ProfileError, AssertionError,
TypeError, RuntimeError, NotImplementedError), which no clinician or patient reads.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CHECKED = ("domain", "files", "export", "chart")
SENTENCE = re.compile(r"[A-Za-z][a-z'’]+[ ,;:]+[A-Za-z][a-z'’]+[ ,;:]+[A-Za-z][a-z'’]+")
MAINTAINER_ERRORS = {"ProfileError", "AssertionError", "TypeError", "RuntimeError", "NotImplementedError"}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _maintainer_messages(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in MAINTAINER_ERRORS:
                ids.update(id(n) for a in node.args for n in ast.walk(a))
        if isinstance(node, ast.Assert) and node.msg is not None:
            ids.update(id(n) for n in ast.walk(node.msg))
    return ids


def sentences_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _maintainer_messages(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else " {} " for v in node.values)
            skip.update(id(v) for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if SENTENCE.search(text) and text not in PLACEMENT_CODES:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:70]!r}")
    return found


# matplotlib's placement codes (a legend's loc): words, but no one reads them.
PLACEMENT_CODES = {f"outside {v} {h}" for v in ("upper", "lower") for h in ("left", "center", "right")}
# FHIR's identifier system for a value that is a URI (RFC 3986): a code a record reads, not words.
PLACEMENT_CODES |= {"urn:ietf:rfc:3986"}


# Not wording, by module: strings that look like words but are a file format.
NOT_WORDING = {
    # The canonical value an override is recorded for ("age 9 years, label from 12 years"), stored
    # in plan files and compared for equality: translating it would stop every recorded override
    # matching. planner/domain/override_values.py says so.
    "planner/domain/override_values.py",
}


def test_no_sentence_is_worded_outside_the_text_layer():
    lines = []
    for layer in CHECKED:
        for path in sorted((ROOT / "planner" / layer).rglob("*.py")):
            if path.relative_to(ROOT).as_posix() in NOT_WORDING:
                continue
            lines.extend(sentences_in(path))
    assert not lines, "sentences outside planner.text:\n" + "\n".join(lines[:40])


def test_the_scan_sees_a_sentence_and_skips_a_docstring(tmp_path):
    f = ROOT / "planner" / "domain" / "_scan_probe.py"
    try:
        f.write_text('"""A docstring is not a sentence a person reads."""\n'
                     'x = f"the dose goes {1} above the label"\n'
                     'raise ProfileError("a maintainer reads this one")\n', encoding="utf-8")
        found = sentences_in(f)
    finally:
        f.unlink()
    assert len(found) == 1 and "goes" in found[0]
