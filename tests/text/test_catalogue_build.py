"""The text catalogue is checked and compiled by the build (setup.py): a wheel holds one
messages.mo per language, equal message for message to the .po files it came from, read without
Babel; a gap in a translation fails the build, naming the file and the message."""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import build_wheel, copy_for_build

from planner.text.catalogue import catalogue, read_messages
from planner.text.coverage import METADATA, MO_NAME, SOURCE, check, languages

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "resources" / "text"

# Prints every language's catalogue as JSON, as the program loads it from the folder given.
DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import planner.resources
assert planner.resources.__file__.startswith(sys.argv[1]), planner.resources.__file__
from planner.text.catalogue import catalogue, languages, read_messages
out = {}
for lang in languages():
    c = catalogue(lang)
    messages = read_messages(lang)
    out[lang] = {
        "messages": messages, "metadata": c.metadata, "profile texts": c.profile_texts,
        "name": c.name, "babel locale": c.babel_locale, "reviewed": c.reviewed,
        "counted": {i: [c._t.ngettext(i, i, n) for n in (0, 1, 2, 5, 21)]
                    for i, m in messages.items() if isinstance(m, tuple)},
    }
print(json.dumps({"languages": out, "babel imported": any(m.split(".")[0] == "babel" for m in sys.modules)}))
"""


def _dump(site: Path) -> dict:
    # A cache of its own: from the .po files it compiles, not reads a copy kept by another run.
    env = {**os.environ, "TITRATION_PLANNER_CACHE": str(site.parent / f"{site.name}-cache")}
    r = subprocess.run([sys.executable, "-I", "-c", DUMP, str(site)], capture_output=True, text=True,
                       timeout=120, cwd=site, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_the_wheel_holds_a_compiled_catalogue_for_every_language(built_wheel):
    src, wheel = built_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in languages(src / "resources" / "text"):
        assert f"planner/resources/text/{lang}/{MO_NAME}" in names
    assert not list(TEXT.glob(f"*/{MO_NAME}")), "a compiled catalogue is in the source tree (.gitignore'd)"


def test_the_compiled_catalogue_equals_the_po_files_message_for_message(built_wheel, tmp_path):
    """The same wheel, once as built (messages.mo) and once with the .mo files taken out (so the
    .po files beside them are compiled in memory, as in a checkout), loads the same catalogue:
    every id, message and plural form, the metadata and the drug profiles' texts. From the .mo
    the program does not import Babel."""
    _, wheel = built_wheel
    with_mo, without_mo = tmp_path / "mo", tmp_path / "po"
    for site in (with_mo, without_mo):
        zipfile.ZipFile(wheel).extractall(site)
    for mo in without_mo.rglob(MO_NAME):
        mo.unlink()
    from_mo, from_po = _dump(with_mo), _dump(without_mo)
    assert from_mo["babel imported"] is False
    assert from_po["babel imported"] is True  # it did compile the .po files
    assert from_mo["languages"].keys() == from_po["languages"].keys() >= {SOURCE, "es"}
    for lang, cat in from_mo["languages"].items():
        assert cat == from_po["languages"][lang], lang
        assert len(cat["messages"]) > 100
        if lang != SOURCE:
            assert all(cat["metadata"].get(name) for name in METADATA), cat["metadata"]
            assert cat["profile texts"]
    es = from_mo["languages"]["es"]
    assert (es["name"], es["babel locale"]) == ("Español", "es_US")
    assert es["counted"]["common.days"] == ["{n} días", "{n} día", "{n} días", "{n} días", "{n} días"]
    # and it is the checkout's catalogue
    for lang in from_mo["languages"]:
        checkout = {k: list(v) if isinstance(v, tuple) else v for k, v in read_messages(lang).items()}
        assert from_mo["languages"][lang]["messages"] == checkout, lang
        assert from_mo["languages"][lang]["metadata"] == catalogue(lang).metadata


def _paragraphs(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n\n")


def _msgid(paragraph: str) -> str | None:
    found = re.search(r'^msgid "(.+)"$', paragraph, re.M)
    return found and found.group(1)


def _first(parts: list[str], matching: str) -> int:
    """The index of the first message (not the header) with a line matching the pattern."""
    return next(i for i, p in enumerate(parts) if _msgid(p) and re.search(matching, p, re.M))


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A copy of the tree with three Spanish messages broken: one removed (calendar.po), one whose
    English source comment is stale (printout.po), one with a placeholder renamed
    (patient_pages.po). Gives (the copy, the problems the check must name)."""
    src = copy_for_build(ROOT, tmp_path_factory.mktemp("broken") / "titration-planner")
    es = src / "resources" / "text" / "es"
    expected = []

    parts = _paragraphs(es / "calendar.po")
    i = _first(parts, r"^msgstr ")
    expected.append(f"text/es/calendar.po: {_msgid(parts[i])!r} is not translated")
    (es / "calendar.po").write_text("\n\n".join(parts[:i] + parts[i + 1:]), encoding="utf-8")

    parts = _paragraphs(es / "printout.po")
    i = _first(parts, r'^#\. en: "')
    parts[i] = parts[i].replace('#. en: "', '#. en: "Before: ', 1)
    expected.append(f"text/es/printout.po: {_msgid(parts[i])!r} is stale")
    (es / "printout.po").write_text("\n\n".join(parts), encoding="utf-8")

    parts = _paragraphs(es / "patient_pages.po")
    i = _first(parts, r'^msgstr ".*\{\w+\}')
    parts[i] = re.sub(r'^(msgstr ".*?)\{(\w+)\}', r"\1{\2_renamed}", parts[i], count=1, flags=re.M)
    expected.append(f"text/es/patient_pages.po: {_msgid(parts[i])!r} has placeholders")
    (es / "patient_pages.po").write_text("\n\n".join(parts), encoding="utf-8")
    return src, expected


def test_a_gap_in_a_translation_fails_the_build_naming_file_and_message(broken, tmp_path):
    src, expected = broken
    r = build_wheel(src, tmp_path)
    assert r.returncode != 0
    said = r.stdout + r.stderr
    assert "text catalogue has 3 problem(s)" in said, said
    for problem in expected:
        assert problem in said, f"{problem!r} not in:\n{said}"
    assert not list(tmp_path.glob("*.whl"))


def test_check_catalogue_names_the_problems_of_a_broken_copy(broken):
    src, expected = broken
    r = subprocess.run([sys.executable, str(src / "tools" / "check_catalogue.py"), "es"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stdout + r.stderr
    for problem in expected:
        assert problem in r.stdout, f"{problem!r} not in:\n{r.stdout}"
    assert "es: 3 problems" in r.stdout


def test_every_translation_is_complete_and_current():
    """What the build checks, on the checkout (an editable install does not build the .mo)."""
    for lang in languages(TEXT):
        if lang == SOURCE:
            continue
        problems = check(TEXT, lang, ROOT / "resources" / "profiles").problems
        assert not problems, "\n".join(problems)


def test_check_catalogue_passes_on_the_tree():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "check_catalogue.py")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
