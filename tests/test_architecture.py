"""The shape of the code: a pure core, and data that ships inside the wheel."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The pure-Python layers: the domain, the text catalogue and file I/O.
PURE_MODULES = sorted(f"{p.parent.name}.{p.stem}" for layer in ("domain", "text", "files")
                      for p in (ROOT / "planner" / layer).glob("*.py"))


def test_import_linter_contracts_hold():
    """The layers hold; domain, text and files have no Qt or matplotlib; the window's chart
    has no matplotlib; nothing in planner imports a networking module."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 kept, 0 broken" in r.stdout


def test_importing_every_pure_module_loads_no_qt_or_matplotlib():
    code = (
        "import importlib, sys\n"
        f"for m in {PURE_MODULES!r}: importlib.import_module('planner.' + m)\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'matplotlib')])"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def wheel(built_wheel) -> Path:
    # built from a clean copy of the tree, once a session (tests/conftest.py)
    return built_wheel[1]


def test_wheel_ships_every_module_of_the_source_tree(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in (ROOT / "planner").rglob("*.py"):
        assert f.relative_to(ROOT).as_posix() in names, f"{f} is missing from the wheel"


def test_wheel_ships_profiles_and_examples(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in (ROOT / "resources").rglob("*.json"):
        assert f"planner/resources/{f.relative_to(ROOT / 'resources').as_posix()}" in names


def test_profiles_and_examples_load_from_the_installed_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "import planner.resources\n"
        "from planner.domain.profiles import drug_ids, load_profile\n"
        "from planner.files.planfile import example_names, load_example\n"
        "from planner.domain.schedule import compute_schedule\n"
        "assert planner.resources.__file__.startswith(%r), planner.resources.__file__\n"
        "print(drug_ids(), [load_profile(d).max_daily_mg.value for d in drug_ids()])\n"
        "print(compute_schedule(load_example('gabapentin-phn-label-start')).days[2].total_mg)\n"
    ) % (str(site), str(site))
    r = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["('gabapentin', 'pregabalin') [3600, 600]", "900"]
