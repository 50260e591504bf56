"""Build the one-folder bundle (PyInstaller) that runs on a machine without Python, and smoke it.

    python tools/build_bundle.py                     # build dist/titration-planner/
    python tools/build_bundle.py --smoke             # build, then run the smoke checks on it
    python tools/build_bundle.py --smoke-only DIR    # only the smoke checks, on a built bundle

Needs the `bundle` extra (pip install '.[bundle]': PyInstaller) and the program's own dependencies
in the Python that runs it. The bundle is built the way a user's install is, not from the checkout:

1. the wheel is built from a copy of the source tree (setup.py checks every language's catalogue
   and compiles it to messages.mo, as for any install; a copy, so no stale build/ folder leaks in);
2. it is installed (no dependencies, no index) in a temporary venv that also sees this Python's
   packages (after its own), and PyInstaller runs there (tools/titration-planner.spec), from a temporary folder
   and without PYTHONPATH, so `planner` can only come from the wheel;
3. the result is checked: every file pyproject's package-data declares is in it, each language's
   compiled catalogue, matplotlib's DejaVu fonts, the Qt plugins the program needs (platforms
   offscreen, xcb and wayland, the SVG image format, printing), and no tkinter nor Qt module the
   program does not use.

The smoke checks (tools/bundle_smoke.py) then run the bundle's executable as a user would, with
no Python anywhere in reach. Exit code 0 when all is well; else 1, with a message saying what failed.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "titration-planner.spec"
NAME = "titration-planner"
PACKAGE = "planner"
MO_NAME = "messages.mo"  # planner.text.coverage.MO_NAME, which setup.py compiles
# Not copied into the wheel's build folder: not the source, or the build's own output (setuptools
# reuses a stale build/ folder, and a .mo left in the tree would hide the build's own).
COPY_IGNORE = (".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", ".pytest_cache",
               ".hypothesis", "tests", "*.pyc", "*.mo")
# What the bundle must carry besides the package's data (paths inside its _internal folder).
REQUIRED = (
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",  # the printout and the window register these
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf",
    "matplotlib/mpl-data/fonts/ttf/DejaVuSans-Oblique.ttf",
    "matplotlib/mpl-data/matplotlibrc",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # CI, --screenshot, export without a display
    "PySide6/Qt/plugins/platforms/libqxcb.so",  # an X11 desktop
    "PySide6/Qt/plugins/platforms/libqwayland.so",  # a Wayland desktop
    "PySide6/Qt/plugins/imageformats/libqsvg.so",  # the printout's icons and charts are SVG
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",  # File > Print to a real printer
)
# The only PySide6 modules the program imports; any other is dead weight in the bundle.
QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"}


class BuildError(Exception):
    """A step of the build failed: the message says which and why."""


def declared_data(root: Path = ROOT) -> list[str]:
    """Every file pyproject.toml's package-data declares, as its path in an installed package
    ('planner/resources/profiles/gabapentin.json'), found in the source tree by the same globs
    setuptools uses. The bundle must hold every one."""
    setuptools = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    package_dir = setuptools.get("package-dir", {})
    found: set[str] = set()
    for package, patterns in setuptools.get("package-data", {}).items():
        source = root / _package_source(package, package_dir)
        for pattern in patterns:
            for path in source.glob(pattern):
                if path.is_file() and "__pycache__" not in path.parts:
                    found.add("/".join([*package.split("."), *path.relative_to(source).parts]))
    return sorted(found)


def _package_source(package: str, package_dir: dict[str, str]) -> str:
    """Where a package's files are in the source tree (pyproject's package-dir, else its dotted name)."""
    if package in package_dir:
        return package_dir[package]
    parent, _, last = package.rpartition(".")
    return f"{_package_source(parent, package_dir)}/{last}" if parent else package_dir.get("", ".") + "/" + package


def languages(root: Path = ROOT) -> list[str]:
    """The languages with a catalogue (a folder of .po files under resources/text)."""
    return sorted(p.parent.name for p in (root / "resources" / "text").glob("*/common.po"))


def bundle_problems(bundle: Path, root: Path = ROOT) -> list[str]:
    """What a built bundle lacks or should not hold; empty when it is complete."""
    internal = bundle / "_internal"
    problems = []
    if not os.access(bundle / NAME, os.X_OK):
        problems.append(f"no executable {bundle / NAME}")
    wanted = declared_data(root) + [f"{PACKAGE}/resources/text/{lang}/{MO_NAME}" for lang in languages(root)]
    problems += [f"missing {rel} (pyproject package-data or the compiled catalogue)"
                 for rel in wanted if not (internal / rel).is_file()]
    problems += [f"missing {rel}" for rel in REQUIRED if not (internal / rel).is_file()]
    for path in internal.rglob("*"):
        rel = path.relative_to(internal).as_posix()
        if fnmatch.fnmatch(path.name, "_tkinter*") or rel.startswith(("tcl", "tk", "_tcl_data", "_tk_data")):
            problems.append(f"tkinter is in the bundle: {rel}")
        if path.parent == internal / "PySide6" and path.name.endswith(".so") and path.name.startswith("Qt"):
            if path.name.split(".")[0] not in QT_MODULES:
                problems.append(f"an unused Qt module is in the bundle: {rel}")
    return problems


def _run(cmd: list[str], what: str, **kwargs) -> None:
    print(f"[bundle] {what}: {' '.join(map(str, cmd))}", flush=True)
    result = subprocess.run([str(c) for c in cmd], **kwargs)
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit code {result.returncode}); see the output above")


def _clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH/PYTHONHOME: the checkout must not be importable."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    return {**env, "PIP_ROOT_USER_ACTION": "ignore", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def build_wheel(work: Path) -> Path:
    source = work / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    # The build needs setuptools and Babel (pyproject's build-system): this Python's, when it has
    # them (no download); else pip fetches them into an isolated build environment.
    no_isolation = ["--no-build-isolation"] if all(importlib.util.find_spec(m) for m in ("setuptools", "babel")) else []
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", *no_isolation, "-q", "-w", work / "wheel", source],
         "building the wheel", cwd=work, env=_clean_env())
    wheels = sorted((work / "wheel").glob("titration_planner-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one wheel in {work / 'wheel'}, found {len(wheels)}")
    return wheels[0]


def make_venv(work: Path, wheel: Path) -> Path:
    """A venv holding the wheel, that also sees this Python's packages (PySide6, matplotlib,
    PyInstaller...) through a .pth file listing their folders, after its own: `planner` is the
    wheel's. (Not --system-site-packages: from inside a venv that would be the base Python's
    packages, not this one's; and no pip in it: Debian's Python has no ensurepip.) The folders
    are only put on the path, so their .pth files do not run: an editable install's finder of
    the checkout is not installed in it either."""
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], "making the venv", cwd=work)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True, env=_clean_env()).stdout.strip())
    # Every package folder this Python searches: its own, the user's (pip install --user), a
    # system one it was made to see (venv --system-site-packages), Debian's dist-packages.
    outer = [p for p in dict.fromkeys(sys.path) if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    (site / "zz-outer-packages.pth").write_text("".join(f"{path}\n" for path in outer), encoding="utf-8")
    _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", site, wheel],
         "installing the wheel in the venv", cwd=work, env=_clean_env())
    probe = ("import sys, importlib.util as u, pathlib; import planner; "
             "print(pathlib.Path(planner.__file__).resolve().parent); "
             "sys.exit(0 if all(u.find_spec(m) for m in ('PyInstaller', 'PySide6', 'matplotlib')) else 3)")
    result = subprocess.run([python, "-c", probe], cwd=work, env=_clean_env(), capture_output=True, text=True)
    if result.returncode == 3:
        raise BuildError("PyInstaller, PySide6 or matplotlib is not installed: pip install '.[bundle]'")
    if result.returncode != 0:
        raise BuildError(f"the wheel does not import in the venv: {result.stderr.strip()}")
    where = Path(result.stdout.strip())
    if not where.is_relative_to(venv.resolve()):
        raise BuildError(f"`planner` comes from {where}, not from the wheel in {venv}: "
                         "an editable install or a path in the way")
    if not (where / "resources" / "text" / "en" / MO_NAME).is_file():
        raise BuildError(f"the installed wheel has no compiled catalogue ({where}/resources/text/en/{MO_NAME})")
    print(f"[bundle] planner comes from the wheel: {where}", flush=True)
    return python


def build(dist: Path, keep_work: bool = False) -> Path:
    """Build dist/titration-planner/ and check its contents; return its path."""
    work = Path(tempfile.mkdtemp(prefix="titration-bundle-"))
    try:
        started = time.monotonic()
        wheel = build_wheel(work)
        python = make_venv(work, wheel)
        bundle = dist / NAME
        if bundle.exists():
            shutil.rmtree(bundle)
        _run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
              "--distpath", dist, "--workpath", work / "pyinstaller", SPEC],
             "running PyInstaller", cwd=work, env=_clean_env())
        problems = bundle_problems(bundle)
        if problems:
            raise BuildError("the bundle is incomplete:\n  " + "\n  ".join(problems))
        print(f"[bundle] built {bundle} in {time.monotonic() - started:.0f} s: "
              f"{_size_mb(bundle):.0f} MB, {sum(1 for p in bundle.rglob('*') if p.is_file())} files", flush=True)
        return bundle
    finally:
        if keep_work:
            print(f"[bundle] kept the work folder {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where dist/titration-planner/ goes")
    p.add_argument("--smoke", action="store_true", help="after building, run the smoke checks")
    p.add_argument("--smoke-only", type=Path, metavar="DIR", help="only run the smoke checks on a built bundle")
    p.add_argument("--keep-work", action="store_true", help="keep the temporary build folder (to debug)")
    p.add_argument("--smoke-out", type=Path, metavar="DIR", help="keep the smoke's screenshots, PDFs and page images here")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tools"))
    import bundle_smoke

    try:
        started = time.monotonic()
        if args.smoke_only:
            bundle = args.smoke_only.resolve()
            problems = bundle_problems(bundle)
            if problems:
                raise BuildError("the bundle is incomplete:\n  " + "\n  ".join(problems))
        else:
            bundle = build(args.dist.resolve(), args.keep_work)
        if args.smoke or args.smoke_only:
            bundle_smoke.smoke(bundle, args.smoke_out)
        print(f"[bundle] done in {time.monotonic() - started:.0f} s", flush=True)
    except (BuildError, bundle_smoke.SmokeError) as exc:
        print(f"[bundle] FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
