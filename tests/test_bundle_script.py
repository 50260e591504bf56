"""The one-folder bundle's build script (tools/build_bundle.py) and its smoke checks
(tools/bundle_smoke.py), without building: what the bundle must hold comes from pyproject's
package-data, and each checker fails on a bad screenshot, page, text or memory map. CI builds the
bundle and runs the smoke (.ci/run); the last test runs it here on a bundle already built, when
TITRATION_PLANNER_BUNDLE names its folder."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


build_bundle = _load("build_bundle")
bundle_smoke = _load("bundle_smoke")


# --- What the bundle must hold -------------------------------------------------------------

def test_declared_data_is_what_pyproject_declares():
    data = build_bundle.declared_data()
    examples = sorted(p.name for p in (ROOT / "resources" / "examples").glob("*.json"))
    assert [p.rsplit("/", 1)[1] for p in data if p.startswith("planner/resources/examples/")] == examples
    for rel in ("planner/resources/profiles/gabapentin.json", "planner/resources/inputs/syringes.json",
                "planner/resources/schema/plan-v3.schema.json", "planner/resources/text/es/printout.po",
                "planner/resources/translations/titration_planner_es.qm"):
        assert rel in data
    # not declared, so not shipped: the Qt Linguist source, the README's screenshots
    assert not [p for p in data if p.endswith(".ts") or "/screenshots/" in p]


def test_declared_data_follows_a_new_pattern(tmp_path):
    """Data another change declares (icons, desktop files) is required without editing the script."""
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "app.svg").write_text("<svg/>")
    (tmp_path / "resources" / "icons" / "notes.txt").write_text("not declared")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.setuptools]\npackage-dir = { "planner" = "planner", "planner.resources" = "resources" }\n'
        '[tool.setuptools.package-data]\n"planner.resources" = ["icons/*.svg"]\n')
    assert build_bundle.declared_data(tmp_path) == ["planner/resources/icons/app.svg"]


def _complete_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "titration-planner"
    internal = bundle / "_internal"
    wanted = build_bundle.declared_data() + list(build_bundle.REQUIRED) + [
        f"planner/resources/text/{lang}/messages.mo" for lang in build_bundle.languages()]
    for rel in wanted + [f"PySide6/{m}.abi3.so" for m in build_bundle.QT_MODULES]:
        (internal / rel).parent.mkdir(parents=True, exist_ok=True)
        (internal / rel).write_bytes(b"x")
    exe = bundle / "titration-planner"
    exe.write_bytes(b"#!/bin/false\n")
    exe.chmod(0o755)
    return bundle


def test_a_complete_bundle_has_no_problems(tmp_path):
    assert build_bundle.bundle_problems(_complete_bundle(tmp_path)) == []


@pytest.mark.parametrize("damage, says", [
    ("planner/resources/text/es/messages.mo", "missing planner/resources/text/es/messages.mo"),
    ("planner/resources/profiles/pregabalin.json", "missing planner/resources/profiles/pregabalin.json"),
    ("matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf", "missing matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "missing PySide6/Qt/plugins/platforms/libqxcb.so"),
])
def test_a_missing_file_is_named(tmp_path, damage, says):
    bundle = _complete_bundle(tmp_path)
    (bundle / "_internal" / damage).unlink()
    assert build_bundle.bundle_problems(bundle) == [says + (" (pyproject package-data or the compiled catalogue)"
                                                            if damage.startswith("planner/") else "")]


@pytest.mark.parametrize("extra, says", [
    ("python3.11/lib-dynload/_tkinter.cpython-311-x86_64-linux-gnu.so", "tkinter is in the bundle"),
    ("_tcl_data/init.tcl", "tkinter is in the bundle"),
    ("PySide6/QtNetwork.abi3.so", "an unused Qt module is in the bundle: PySide6/QtNetwork.abi3.so"),
])
def test_what_should_not_be_there_is_named(tmp_path, extra, says):
    bundle = _complete_bundle(tmp_path)
    (bundle / "_internal" / extra).parent.mkdir(parents=True, exist_ok=True)
    (bundle / "_internal" / extra).write_bytes(b"x")
    problems = build_bundle.bundle_problems(bundle)
    assert problems and all(says in p for p in problems)


def test_a_bundle_without_its_executable_is_named(tmp_path):
    bundle = _complete_bundle(tmp_path)
    (bundle / "titration-planner").unlink()
    assert build_bundle.bundle_problems(bundle) == [f"no executable {bundle / 'titration-planner'}"]


# --- The smoke's checkers ------------------------------------------------------------------

def _png(path: Path, size=(200, 100), drawn=True) -> Path:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, "white")
    if drawn:
        d = ImageDraw.Draw(im)
        for i in range(12):
            d.rectangle([i * 15, 10, i * 15 + 10, 90], fill=(i * 20, 255 - i * 20, 100))
    im.save(path)
    return path


def test_a_drawn_screenshot_of_the_right_size_passes(tmp_path):
    assert bundle_smoke.png_problems(_png(tmp_path / "s.png"), (200, 100)) == []


def test_a_blank_screenshot_fails(tmp_path):
    assert bundle_smoke.png_problems(_png(tmp_path / "s.png", drawn=False), (200, 100)) == ["s.png: blank (one colour)"]


def test_a_screenshot_of_another_size_fails(tmp_path):
    assert bundle_smoke.png_problems(_png(tmp_path / "s.png", size=(796, 796)), bundle_smoke.WINDOW) == [
        "s.png: 796x796 pixels, expected the window's 1362x764"]


def test_a_missing_or_broken_screenshot_fails(tmp_path):
    assert bundle_smoke.png_problems(tmp_path / "none.png", (1, 1))
    (tmp_path / "bad.png").write_bytes(b"not a png")
    assert "not a readable image" in bundle_smoke.png_problems(tmp_path / "bad.png", (1, 1))[0]


def test_text_must_hold_the_doses_in_order_and_not_the_other_language():
    text = "Your doses, day by day\n300 mg/day ... 600 mg/day ... 300 mg/day"
    assert bundle_smoke.text_problems(text, ["Your doses", "300 mg/day", "600 mg/day", "300 mg/day"]) == []
    assert bundle_smoke.text_problems(text, ["600 mg/day", "900 mg/day"]) == ["text: '900 mg/day' not found at all"]
    assert bundle_smoke.text_problems(text, ["600 mg/day", "Your doses"]) == [
        "text: 'Your doses' not found after the one before"]
    assert bundle_smoke.text_problems(text, [], ["Sus dosis", "day by day"]) == ["text: 'day by day' should not be there"]


def _pdf(path: Path, pages: list[str]) -> Path:
    """A PDF with one page per text ('' for a blank page), drawn by matplotlib."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    with PdfPages(path) as pdf:
        for words in pages:
            fig = Figure(figsize=(4, 3))
            if words:
                fig.text(0.05, 0.5, words, fontsize=20)
                fig.add_artist(Rectangle((0.1, 0.1), 0.8, 0.2, color="navy"))
            pdf.savefig(fig)
    return path


needs_poppler = pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("pdftotext")),
                                   reason="poppler-utils (pdftoppm, pdftotext) not installed")


@needs_poppler
def test_a_pdf_with_the_doses_passes(tmp_path):
    pdf = _pdf(tmp_path / "p.pdf", ["300 mg/day", "600 mg/day"])
    assert bundle_smoke.pdf_problems(pdf, ["300 mg/day", "600 mg/day"], pages_dir=tmp_path) == []


@needs_poppler
def test_a_pdf_with_a_blank_page_or_without_a_dose_fails(tmp_path):
    pdf = _pdf(tmp_path / "p.pdf", ["300 mg/day", ""])
    assert bundle_smoke.pdf_problems(pdf, ["300 mg/day", "600 mg/day"], pages_dir=tmp_path) == [
        "p.pdf: page 2 is blank", "p.pdf: '600 mg/day' not found at all"]


def test_a_missing_pdf_fails(tmp_path):
    assert bundle_smoke.pdf_problems(tmp_path / "none.pdf", []) == ["none.pdf: not written"]


def test_the_memory_map_must_show_the_bundles_own_python(tmp_path):
    bundle = tmp_path / "moved" / "titration-planner"
    own = f"{bundle}/_internal/libpython3.11.so.1.0"
    assert bundle_smoke.python_problems({own, "/usr/lib/x86_64-linux-gnu/libc.so.6"}, bundle) == []
    assert bundle_smoke.python_problems({"/usr/lib/x86_64-linux-gnu/libc.so.6"}, bundle) == [
        "no libpython seen in the process's memory map"]
    system = str(Path(sys.base_prefix) / "lib" / "libpython3.11.so.1.0")
    problems = bundle_smoke.python_problems({own, system}, bundle)
    assert problems == [f"libpython loaded from outside the bundle: {system}",
                        f"a file of this machine's Python or checkout was loaded: {system}"]


def test_the_stripped_environment_holds_only_what_the_smoke_sets(tmp_path):
    env = bundle_smoke.stripped_env(tmp_path, screen_config=tmp_path / "s.json")
    assert env == {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                   "QT_QPA_PLATFORM": f"offscreen:configfile={tmp_path / 's.json'}"}


# --- The smoke itself, on a bundle built beforehand -----------------------------------------

@pytest.mark.skipif(not os.environ.get("TITRATION_PLANNER_BUNDLE"),
                    reason="set TITRATION_PLANNER_BUNDLE to a built bundle's folder (python tools/build_bundle.py)")
@pytest.mark.timeout(900)
def test_the_built_bundle_passes_its_smoke():
    bundle = Path(os.environ["TITRATION_PLANNER_BUNDLE"]).resolve()
    assert build_bundle.bundle_problems(bundle) == []
    bundle_smoke.smoke(bundle)
