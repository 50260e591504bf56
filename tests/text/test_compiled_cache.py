"""A checkout's text catalogues, compiled once and kept (planner.text.compiled_cache):
the kept copy must always be exactly what compiling the .po files gives now."""

import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from planner.text import compiled_cache, coverage
from planner.text.catalogue import _from_mo

ROOT = Path(__file__).resolve().parents[2]


def text_folder(language: str):
    return resources.files("planner.resources").joinpath("text", language)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def no_compiling(monkeypatch):
    def refuse(*_):
        raise AssertionError("compiled again")

    monkeypatch.setattr(coverage, "compile_language", refuse)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_kept_catalogue_is_the_compiled_one(cache, monkeypatch, language):
    fresh = coverage.compile_language(text_folder(language), language)
    assert compiled_cache.compiled(text_folder(language), language) == fresh  # compiled and kept
    assert len(list(cache.glob(f"{language}-*.mo"))) == 1
    no_compiling(monkeypatch)
    kept = compiled_cache.compiled(text_folder(language), language)  # read back, not compiled
    assert kept == fresh
    assert _from_mo(kept)[1] == _from_mo(fresh)[1]


def test_a_changed_po_file_is_compiled_again(cache, tmp_path):
    folder = tmp_path / "es"
    shutil.copytree(Path(str(text_folder("es"))), folder)
    before = _from_mo(compiled_cache.compiled(folder, "es"))[1]
    po = folder / "chart.po"
    text = po.read_text(encoding="utf-8")
    old = 'msgstr "No hay plan de dosis: vea la lista de problemas"'
    assert old in text
    po.write_text(text.replace(old, 'msgstr "Sin plan: vea los problemas"'), encoding="utf-8")
    after = _from_mo(compiled_cache.compiled(folder, "es"))[1]
    assert [k for k in before if before[k] != after[k]] == ["chart.empty"]
    assert after["chart.empty"] == "Sin plan: vea los problemas"
    assert len(list(cache.glob("es-*.mo"))) == 1  # the old copy is gone


def test_a_damaged_copy_is_compiled_again(cache, monkeypatch):
    fresh = compiled_cache.compiled(text_folder("en"), "en")
    (kept,) = cache.glob("en-*.mo")
    raw = bytearray(kept.read_bytes())
    raw[len(raw) // 2] ^= 0x20  # one flipped bit in a message
    kept.write_bytes(bytes(raw))
    assert compiled_cache.compiled(text_folder("en"), "en") == fresh
    kept.write_bytes(b"")  # emptied (a full disk)
    assert compiled_cache.compiled(text_folder("en"), "en") == fresh


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(compiled_cache.CACHE_ENV, str(blocker / "cache"))
    assert compiled_cache.compiled(text_folder("en"), "en") == coverage.compile_language(text_folder("en"), "en")


def test_a_kept_catalogue_spares_importing_babel(cache):
    code = ("import sys; from planner.text.catalogue import catalogue; catalogue('en'); catalogue('es');"
            "print('babel' in sys.modules)")
    env = {**os.environ, compiled_cache.CACHE_ENV: str(cache),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]
