"""`titration-planner install-desktop`: the menu entry, the plan file type, the AppStream
metadata and the icons, installed for this user (XDG data home), or removed again.

A clinician installs software from a menu, not with pip. What is written (and removed by
--uninstall, exactly, by name) under the data home:

  applications/<id>.desktop                         the menu entry; Exec is this program's absolute path
  mime/packages/<id>.xml                            the plan file type application/x-titration-plan (*.tplan)
  metainfo/<id>.metainfo.xml                        AppStream metadata for software centres
  icons/hicolor/<n>x<n>/{apps,mimetypes}/*.png      drawn from the one SVG at install time
  icons/hicolor/scalable/{apps,mimetypes}/*.svg

then the desktop's caches are refreshed with update-mime-database, update-desktop-database and
gtk-update-icon-cache where they are installed. The same code runs from a pip install and from
the frozen bundle (then Exec is the bundle's executable).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from planner.app.app_identity import APP_ID, PLAN_MIME_TYPE, icon_svg, resource
from planner.files import safefile
from planner.text.catalogue import say

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MIME_ICON = PLAN_MIME_TYPE.replace("/", "-")  # the icon name shared-mime-info looks up for the type
FILE_MODE = 0o644  # nothing private: the desktop's own programs read these
EXIT_OK, EXIT_PARTLY, EXIT_UNUSABLE = 0, 1, 2
# Characters the desktop entry spec reserves in an Exec argument (it is then quoted).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(given: str | None = None) -> Path:
    """--data-home, else $XDG_DATA_HOME (when absolute, as the base directory spec says), else ~/.local/share."""
    if given:
        return Path(given).expanduser().absolute()
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if os.path.isabs(env) else Path.home() / ".local" / "share"


def installed_files(home: Path) -> list[Path]:
    """Every file install writes under home: what uninstall removes."""
    icons = home / "icons" / "hicolor"
    files = [home / "applications" / f"{APP_ID}.desktop", home / "mime" / "packages" / f"{APP_ID}.xml",
             home / "metainfo" / f"{APP_ID}.metainfo.xml"]
    for folder in [f"{n}x{n}" for n in ICON_SIZES] + ["scalable"]:
        suffix = ".svg" if folder == "scalable" else ".png"
        files += [icons / folder / "apps" / f"{APP_ID}{suffix}", icons / folder / "mimetypes" / f"{MIME_ICON}{suffix}"]
    return files


def program_command() -> list[str]:
    """The absolute command that starts this program, the one running now: the frozen bundle's
    executable, the titration-planner script that is running, else this Python with -m planner
    (with the checkout on PYTHONPATH when that is where planner comes from). Never another
    titration-planner found on PATH: that may be an older or broken install (the trial found a
    stale one), and the menu entry would start it, or nothing."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == "titration-planner" and argv0.is_file():
        return [str(argv0.absolute())]
    command = [str(Path(sys.executable).absolute()), "-m", "planner"]
    root = Path(__file__).resolve().parents[2]  # a checkout run with PYTHONPATH: the menu needs it too
    if str(root) in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        command = ["env", f"PYTHONPATH={root}"] + command
    return command


def starts(command: list[str]) -> str | None:
    """None when the command starts the planner from a desktop's clean environment (its --help,
    which needs no display); else what went wrong, in its own words."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    try:
        done = subprocess.run([*command, "--help"], capture_output=True, text=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if done.returncode != 0 or "titration-planner" not in done.stdout:
        lines = (done.stderr or done.stdout).strip().splitlines()
        return lines[-1] if lines else say("desktop.exit-code", code=done.returncode)
    return None


def exec_argument(arg: str) -> str:
    """One argument of an Exec key, quoted as the desktop entry spec says (a path with a space)."""
    arg = arg.replace("%", "%%")
    if any(c in _RESERVED for c in arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg


def exec_value(command: list[str]) -> str:
    """The Exec value as written in the file: quoted arguments, the file field code, and the
    escapes every string value of a desktop entry has (a backslash is written twice)."""
    line = " ".join(exec_argument(a) for a in command) + " %f"
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry(command: list[str]) -> str:
    """The shipped menu entry with Exec set to the absolute command."""
    text = resource("desktop", f"{APP_ID}.desktop").read_text("utf-8")
    lines = [f"Exec={exec_value(command)}" if line.startswith("Exec=") else line for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def render_icon(size: int) -> bytes:
    """The SVG drawn as a size x size PNG (QtSvg, imported only here)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        _app.append(QGuiApplication(sys.argv[:1]))
    renderer = QSvgRenderer(QByteArray(icon_svg().read_bytes()))
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


_app: list = []  # the QGuiApplication made for drawing, kept alive while the program runs


def contents(home: Path) -> dict[Path, bytes]:
    """What each installed file holds."""
    svg = icon_svg().read_bytes()
    pngs = {n: render_icon(n) for n in ICON_SIZES}
    out: dict[Path, bytes] = {}
    for path in installed_files(home):
        folder = path.parent.parent.name
        if path.suffix == ".desktop":
            out[path] = desktop_entry(program_command()).encode("utf-8")
        elif path.suffix == ".xml":
            name = path.name if path.parent.name == "metainfo" else f"{APP_ID}.xml"
            out[path] = resource("desktop", name).read_bytes()
        elif folder == "scalable":
            out[path] = svg
        else:
            out[path] = pngs[int(folder.split("x")[0])]
    return out


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all (a half-written menu entry would be a broken one), by the program's
    one safe write; then readable by the desktop's programs, as nothing here is private."""
    path.parent.mkdir(parents=True, exist_ok=True)
    safefile.write_bytes(path, data)
    os.chmod(path, FILE_MODE)


@dataclass
class Outcome:
    """What install or uninstall did, line by line (a problem's line goes to stderr), and the exit code."""
    lines: list[tuple[str, bool]] = field(default_factory=list)
    code: int = EXIT_OK

    def tell(self, text: str) -> None:
        self.lines.append((text, False))

    def problem(self, text: str, code: int) -> None:
        self.lines.append((text, True))
        self.code = max(self.code, code)


def _refresh(home: Path, outcome: Outcome) -> None:
    """Rebuild the caches the desktop reads, with the tools that are installed."""
    icons = home / "icons" / "hicolor"
    for tool, args, folder in (("update-mime-database", [], home / "mime"),
                               ("update-desktop-database", [], home / "applications"),
                               ("gtk-update-icon-cache", ["-f", "-t", "-q"], icons)):
        found = shutil.which(tool)
        if found is None:
            outcome.tell(say("desktop.tool-missing", tool=tool))
            continue
        if not folder.is_dir():
            continue
        command = [tool, *args, str(folder)]
        try:
            run = subprocess.run([found, *command[1:]], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            outcome.problem(say("desktop.tool-failed", command=" ".join(command), why=str(exc)), EXIT_PARTLY)
            continue
        if run.returncode != 0:
            why = (run.stderr or run.stdout).strip() or say("desktop.exit-code", code=run.returncode)
            outcome.problem(say("desktop.tool-failed", command=" ".join(command), why=why), EXIT_PARTLY)
        else:
            outcome.tell(say("desktop.ran", command=" ".join(command)))


def install(home: Path) -> Outcome:
    outcome = Outcome()
    files = contents(home)
    for path, data in files.items():
        try:
            _write(path, data)
        except OSError as exc:
            outcome.problem(say("desktop.cannot-write", path=path, why=exc.strerror or exc), EXIT_UNUSABLE)
            return outcome
    n_icons = sum(1 for p in files if "icons" in p.parts)
    for path in files:
        if "icons" not in path.parts:
            outcome.tell(say("desktop.wrote", path=path))
    outcome.tell(say("desktop.wrote-icons", count=n_icons, folder=home / "icons" / "hicolor"))
    command = program_command()
    outcome.tell(say("desktop.runs", command=exec_value(command)))
    failed = starts(command)
    if failed is not None:  # a menu entry that starts nothing would fail without a word (Terminal=false)
        outcome.problem(say("desktop.does-not-start", command=exec_value(command), why=failed), EXIT_PARTLY)
    _refresh(home, outcome)
    if outcome.code == EXIT_OK:
        outcome.tell(say("desktop.installed"))
    return outcome


def uninstall(home: Path) -> Outcome:
    outcome = Outcome()
    removed = []
    for path in installed_files(home):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            outcome.problem(say("desktop.cannot-remove", path=path, why=exc.strerror or exc), EXIT_UNUSABLE)
            continue
        removed.append(path)
        if "icons" not in path.parts:
            outcome.tell(say("desktop.removed", path=path))
        _remove_empty_folders(path.parent, home)
    if not removed and outcome.code == EXIT_OK:
        outcome.tell(say("desktop.nothing-to-remove", folder=home))
        return outcome
    n_icons = sum(1 for p in removed if "icons" in p.parts)
    if n_icons:
        outcome.tell(say("desktop.removed-icons", count=n_icons, folder=home / "icons" / "hicolor"))
    _refresh(home, outcome)
    return outcome


def _remove_empty_folders(folder: Path, home: Path) -> None:
    """The folders install made for its files, when nothing else is in them (never home itself,
    nor mime/packages: update-mime-database needs it to rebuild the database without our type)."""
    while folder != home and home in folder.parents and folder != home / "mime" / "packages":
        try:
            folder.rmdir()
        except OSError:  # not empty (or not ours to remove): stop there
            return
        folder = folder.parent


def run(args) -> int:
    """The sub-command: install, or remove with --uninstall; prints what it did."""
    if sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # icons are drawn with no display
    home = data_home(args.data_home)
    try:
        outcome = uninstall(home) if args.uninstall else install(home)
    except ImportError as exc:  # Qt draws the icons: a Python without PySide6
        sys.stderr.write(say("desktop.no-qt", why=exc) + "\n")
        return EXIT_UNUSABLE
    for text, is_problem in outcome.lines:
        (sys.stderr if is_problem else sys.stdout).write(text + "\n")
    return outcome.code
