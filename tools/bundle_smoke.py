"""Smoke checks of a built one-folder bundle (tools/build_bundle.py --smoke / --smoke-only DIR).

The bundle's executable runs as on a machine without Python: an environment emptied like
`env -i` (PATH=/usr/bin:/bin, HOME a new temporary folder, QT_QPA_PLATFORM=offscreen, no
PYTHONPATH or PYTHONHOME), and once from a copy of the folder moved elsewhere with a PATH that
holds no program at all and a fontconfig that finds no system font, while its memory map is
watched: the libpython it runs on must be the bundle's own, and no file of this machine's Python
may be loaded. It must

- open the window on an example plan and save a screenshot: a PNG of the window's size on the
  1366x768 screen it is given, not blank; again on X11 (xcb) under Xvfb, when xvfb-run is there;
- export the example's PDF (every page): each page renders (pdftoppm) and is not blank, and its
  text (pdftotext) holds every step's daily total the engine computes, in order;
- export it in Spanish (--language es) from the moved copy, its .po files deleted: the Spanish
  words from the catalogue, not the English ones, which proves the compiled catalogue
  (messages.mo) is in the bundle and is what it reads;
- write the same PDF text (pdftotext) as the checkout, in both languages, and print the same
  schedule (schedule --format json) as the checkout's engine;
- read the plan's code back from a picture of the clinician's page (from-code --image: zxing-cpp
  and Pillow in the bundle) and write the FHIR record, each the same as the checkout's;
- write nothing into the user's cache (the wheel reads its compiled catalogue, compiles nothing).

The expected words and doses come from the checkout (python -m planner, its catalogue), so the
bundle is compared with the source it was built from. Raises SmokeError naming every failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "titration-planner"
EXAMPLE = ROOT / "resources" / "examples" / "gabapentin-phn-to-1800-with-taper.json"
TODAY = "2026-06-01"  # fixed, so the texts compared do not depend on the day of the run
# The offscreen platform is given one 1366x768 screen: a screen that small gets all of it
# (planner.app.window_size), less the 2-pixel frame the offscreen platform draws around a window.
SCREEN = (1366, 768)
OFFSCREEN_FRAME = 2
WINDOW = (SCREEN[0] - 2 * OFFSCREEN_FRAME, SCREEN[1] - 2 * OFFSCREEN_FRAME)
TIMEOUT = 180  # seconds per run of the bundle


class SmokeError(Exception):
    """The bundle failed a smoke check: the message lists what failed."""


# --- Checkers (pure: tests/test_bundle_script.py runs them on made-up files) ----------------

def png_problems(path: Path, size: tuple[int, int]) -> list[str]:
    """What is wrong with a screenshot: missing, not a PNG, another size, or blank (one colour
    over nearly all of it)."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            im.load()
            fmt, got, rgb = im.format, im.size, im.convert("RGB")
    except (OSError, ValueError) as exc:
        return [f"{path.name}: not a readable image ({exc})"]
    problems = [] if fmt == "PNG" else [f"{path.name}: a {fmt}, not a PNG"]
    if got != tuple(size):
        problems.append(f"{path.name}: {got[0]}x{got[1]} pixels, expected the window's {size[0]}x{size[1]}")
    if is_blank(rgb):
        problems.append(f"{path.name}: blank (one colour)")
    return problems


def is_blank(image) -> bool:
    """An RGB image with fewer than 8 colours, or one colour over 99% of it, shows nothing."""
    colours = image.getcolors(maxcolors=1 << 16)
    if colours is None:  # more than 65536 colours: a picture
        return False
    most = max(count for count, _ in colours)
    return len(colours) < 8 or most > 0.99 * image.width * image.height


def text_problems(text: str, expected_in_order: list[str], absent: list[str] = (), what: str = "text") -> list[str]:
    """Each expected string must appear in the text, each after the one before; absent ones not at all."""
    problems, at = [], 0
    for want in expected_in_order:
        found = text.find(want, at)
        if found < 0:
            where = "at all" if want not in text else "after the one before"
            problems.append(f"{what}: {want!r} not found {where}")
        else:
            at = found + len(want)
    problems += [f"{what}: {unwanted!r} should not be there" for unwanted in absent if unwanted in text]
    return problems


def pdf_problems(pdf: Path, expected_in_order: list[str], absent: list[str] = (), pages_dir: Path | None = None) -> list[str]:
    """Every page of the PDF renders and is not blank; its text holds what is expected, in order."""
    from PIL import Image

    if not pdf.is_file() or pdf.stat().st_size == 0:
        return [f"{pdf.name}: not written"]
    info = _tool(["pdfinfo", pdf])
    pages = next((int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
    if pages < 1:
        return [f"{pdf.name}: no pages (pdfinfo: {info.strip()[:200]})"]
    out = pages_dir or Path(tempfile.mkdtemp(prefix="pdf-pages-"))
    _tool(["pdftoppm", "-r", "40", "-png", pdf, out / pdf.stem])
    rendered = sorted(out.glob(f"{pdf.stem}-*.png"))
    problems = [] if len(rendered) == pages else [f"{pdf.name}: {len(rendered)} of {pages} pages rendered"]
    for png in rendered:
        with Image.open(png) as im:
            if is_blank(im.convert("RGB")):
                problems.append(f"{pdf.name}: page {png.stem.rsplit('-', 1)[1]} is blank")
    return problems + text_problems(_tool(["pdftotext", "-layout", pdf, "-"]), expected_in_order, absent, pdf.name)


def _tool(cmd: list) -> str:
    try:
        result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise SmokeError(f"{cmd[0]} is not installed (apt-get install poppler-utils)") from None
    if result.returncode != 0:
        raise SmokeError(f"{' '.join(map(str, cmd))} failed: {result.stderr.strip()[:500]}")
    return result.stdout


# --- Running the bundle ------------------------------------------------------------------

def stripped_env(home: Path, path: str = "/usr/bin:/bin", screen_config: Path | None = None) -> dict[str, str]:
    """An environment as `env -i` leaves it, with only what the smoke sets."""
    qpa = f"offscreen:configfile={screen_config}" if screen_config else "offscreen"
    return {"PATH": path, "HOME": str(home), "QT_QPA_PLATFORM": qpa}


def run_bundle(exe: Path, args: list, env: dict[str, str], cwd: Path, watch: bool = False):
    """Run the bundle; with watch, also every file its process mapped into memory while running."""
    cmd = [str(exe), *map(str, args)]
    print(f"[smoke] {' '.join(cmd)}", flush=True)
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mapped: set[str] = set()
    deadline = time.monotonic() + TIMEOUT
    while watch and proc.poll() is None and time.monotonic() < deadline:
        mapped |= _mapped_files(proc.pid)
        time.sleep(0.02)
    try:
        out, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise SmokeError(f"{' '.join(cmd)} did not finish in {TIMEOUT} s") from None
    if proc.returncode != 0:
        raise SmokeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{out}{err}")
    return out, mapped


def _mapped_files(pid: int) -> set[str]:
    try:
        lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    except OSError:  # it has just ended
        return set()
    return {line.split(None, 5)[5] for line in lines if len(line.split(None, 5)) == 6 and line.split(None, 5)[5].startswith("/")}


def python_problems(mapped: set[str], bundle: Path) -> list[str]:
    """The process ran on the bundle's libpython, and loaded no file of this machine's Python."""
    libpython = sorted(p for p in mapped if Path(p).name.startswith("libpython"))
    problems = []
    if not libpython:
        problems.append("no libpython seen in the process's memory map")
    problems += [f"libpython loaded from outside the bundle: {p}" for p in libpython if not Path(p).is_relative_to(bundle)]
    system = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), ROOT}
    problems += [f"a file of this machine's Python or checkout was loaded: {p}"
                 for p in sorted(mapped) if any(Path(p).is_relative_to(s) for s in system)]
    return problems


def xcb_problems(exe: Path, home: Path, out: Path) -> list[str]:
    """The X11 platform plugin works: a screenshot under Xvfb, whose 1366x768 screen (no window
    manager, so no frame) the window takes whole. Skipped, saying so, without xvfb-run."""
    xvfb = shutil.which("xvfb-run", path="/usr/bin:/bin")
    if not xvfb:
        print("[smoke] no xvfb-run (apt-get install xvfb xauth): the X11 (xcb) platform is not tried")
        return []
    shot = out / "window-xcb.png"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "xcb"}
    run_bundle(Path(xvfb), ["-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", exe, EXAMPLE, "--screenshot", shot],
               env, out)
    return png_problems(shot, SCREEN)


def expected_from_checkout(out: Path) -> dict:
    """The engine's schedule, the catalogue's words and the PDFs' text, from the checkout the
    bundle was built from (this Python, PYTHONPATH at the checkout)."""
    code = """
import json, sys
from planner.text.catalogue import catalogue
days = json.loads(sys.argv[1])["days"]
totals = [d["total_mg"] for i, d in enumerate(days) if i == 0 or d["total_mg"] != days[i - 1]["total_mg"]]
print(json.dumps({lang: {"heading": catalogue(lang).say("printout.doses.heading"),
                         "totals": [catalogue(lang).say("printout.total", mg=t) for t in totals]}
                  for lang in ("en", "es")}))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}

    def planner(*args) -> str:
        return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, env=env, cwd=ROOT,
                              check=True, timeout=TIMEOUT).stdout

    schedule = planner("-m", "planner", "schedule", EXAMPLE, "--format", "json", "--today", TODAY)
    expected = {"schedule": schedule, **json.loads(planner("-c", code, schedule))}
    for lang in ("en", "es"):
        pdf = out / f"checkout-{lang}.pdf"
        planner("-m", "planner", *export_args(pdf, lang))
        expected[lang]["pdf_text"] = _tool(["pdftotext", "-layout", pdf, "-"])
    return expected


def export_args(pdf: Path, language: str) -> list:
    return ["export", EXAMPLE, "-o", pdf, "--pages", "all", "--today", TODAY, "--language", language]


def same_text(name: str, got: str, want: str) -> list[str]:
    """The bundle's PDF says what the checkout's says, line for line."""
    if got == want:
        return []
    for n, (a, b) in enumerate(zip(got.splitlines() + [""] * 9999, want.splitlines()), 1):
        if a != b:
            return [f"{name}: line {n} differs from the checkout's PDF: {a!r} instead of {b!r}"]
    return [f"{name}: its text differs from the checkout's PDF (length {len(got)} against {len(want)})"]


def code_and_record_problems(exe: Path, env: dict[str, str], pdf: Path, out: Path) -> list[str]:
    """The plan's code read back by the bundle from a picture of the clinician's page (the PDF's
    last page: zxing-cpp and Pillow are in the bundle), and its FHIR record: each the same as the
    checkout gives."""
    page = out / "clinician-150"
    pages = int(re.search(r"Pages:\s+(\d+)", _tool(["pdfinfo", pdf])).group(1))
    _tool(["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", str(pages), "-l", str(pages), pdf, page])
    checkout = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}

    def in_checkout(*args) -> str:
        return subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True,
                              env=checkout, cwd=ROOT, check=True, timeout=TIMEOUT).stdout

    problems = []
    decoded, _ = run_bundle(exe, ["from-code", "--image", f"{page}.png"], env, out)
    if decoded != in_checkout("from-code", "--image", f"{page}.png") or '"format_version"' not in decoded:
        problems.append("from-code --image of the clinician's page gives another plan than the checkout's")
    record, want = out / "bundle.fhir.json", out / "checkout.fhir.json"
    run_bundle(exe, ["export", EXAMPLE, "-o", record, "--today", TODAY], env, out)
    in_checkout("export", EXAMPLE, "-o", want, "--today", TODAY)
    if record.read_bytes() != want.read_bytes():
        problems.append("the FHIR record differs from the checkout's")
    return problems


def smoke(bundle: Path, keep: Path | None = None) -> None:
    """Run every smoke check on the bundle; raise SmokeError listing the failures (the outputs
    are then kept, and the message says where)."""
    started = time.monotonic()
    out = keep or Path(tempfile.mkdtemp(prefix="titration-smoke-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        _smoke(bundle, out)
    except (SmokeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise SmokeError(f"{exc}\n(the smoke's screenshots, PDFs and page images are in {out})") from None
    print(f"[smoke] all checks passed in {time.monotonic() - started:.0f} s (outputs in {out})", flush=True)
    if keep is None:
        shutil.rmtree(out, ignore_errors=True)


def _smoke(bundle: Path, out: Path) -> None:
    home = out / "home"
    home.mkdir(exist_ok=True)
    screen = out / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "smoke", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = stripped_env(home, screen_config=screen)
    exe = bundle / NAME
    expected = expected_from_checkout(out)
    en, es = expected["en"], expected["es"]
    problems: list[str] = []

    shot = out / "window.png"
    run_bundle(exe, [EXAMPLE, "--screenshot", shot], env, out)
    problems += png_problems(shot, WINDOW)

    pdf = out / "plan-en.pdf"
    run_bundle(exe, export_args(pdf, "en"), env, out)
    problems += pdf_problems(pdf, [en["heading"], *en["totals"]], [es["heading"]], pages_dir=out)
    problems += same_text(pdf.name, _tool(["pdftotext", "-layout", pdf, "-"]), en["pdf_text"])

    problems += code_and_record_problems(exe, env, pdf, out)

    schedule, _ = run_bundle(exe, ["schedule", EXAMPLE, "--format", "json", "--today", TODAY], env, out)
    if schedule != expected["schedule"]:
        problems.append("schedule --format json differs from the checkout's engine")

    # A copy moved elsewhere, without the .po files (so Spanish can only come from the compiled
    # messages.mo), run with no program at all on PATH: its process must map the copy's own
    # libpython and no file of this machine's Python...
    moved = out / "moved" / NAME
    shutil.copytree(bundle, moved, symlinks=True)
    for po in (moved / "_internal" / "planner" / "resources" / "text").glob("*/*.po"):
        po.unlink()
    empty_bin = out / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    if shutil.which("python3", path=str(empty_bin)) or shutil.which("python", path=str(empty_bin)):
        raise SmokeError(f"{empty_bin} has a python")
    # ... and no system font either (fontconfig given no folder): only the bundle's DejaVu fonts.
    no_fonts = out / "no-fonts.conf"
    no_fonts.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n')
    bare = {**stripped_env(home, str(empty_bin), screen), "FONTCONFIG_FILE": str(no_fonts)}
    moved_shot = out / "window-moved.png"
    _, mapped = run_bundle(moved / NAME, [EXAMPLE, "--screenshot", moved_shot], bare, out, watch=True)
    problems += png_problems(moved_shot, WINDOW)
    problems += python_problems(mapped, moved.resolve())
    libpython = sorted(p for p in mapped if Path(p).name.startswith("libpython"))
    print(f"[smoke] the moved copy ran on {', '.join(libpython) or 'no libpython?'} ({len(mapped)} files mapped)")

    pdf_es = out / "plan-es.pdf"
    _, mapped = run_bundle(moved / NAME, export_args(pdf_es, "es"), bare, out, watch=True)
    problems += python_problems(mapped, moved.resolve())
    problems += pdf_problems(pdf_es, [es["heading"], *es["totals"]], [en["heading"]], pages_dir=out)
    problems += same_text(pdf_es.name, _tool(["pdftotext", "-layout", pdf_es, "-"]), es["pdf_text"])
    shutil.rmtree(moved.parent, ignore_errors=True)

    problems += xcb_problems(exe, home, out)

    cache = home / ".cache" / NAME
    if cache.exists():
        problems.append(f"the bundle wrote into the user's cache: {sorted(p.name for p in cache.rglob('*'))}")

    if problems:
        raise SmokeError("the bundle failed its smoke checks:\n  " + "\n  ".join(problems))
