"""Installing like a desktop application (issue 18): the menu entry, the plan file type, the
AppStream metadata and the icons validate with the desktop's own tools, and
`titration-planner install-desktop` puts them where the desktop finds them, and takes them away.

The tools come from Debian (appstream, desktop-file-utils, shared-mime-info, xdg-utils,
libglib2.0-bin; .ci/run installs them): without one a test is skipped on a workstation and FAILS
in CI, so a missing package never passes unnoticed. Everything runs in subprocesses: this
process makes no Qt application (tests/app and tests/export make theirs)."""

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from planner.app.app_identity import APP_ID, PLAN_MIME_TYPE, PLAN_SUFFIX
from planner.app.desktop_install import ICON_SIZES, exec_value, installed_files

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"
EXAMPLE = ROOT / "resources" / "examples" / "gabapentin-phn-to-1800-with-taper.json"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed: .ci/run installs it (APT_PACKAGES)")
        pytest.skip(f"{name} is not installed")
    return found


def _env(home: Path, **extra) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home),
           "XDG_DATA_DIRS": f"{home}:/usr/local/share:/usr/share", "XDG_CONFIG_HOME": str(home / "config"),
           # xdg-mime reads a file's type as a desktop does (gio, shared-mime-info); its generic
           # fallback (file(1)) looks only at the content, which is JSON
           "XDG_CURRENT_DESKTOP": "GNOME", **extra}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return env


def install_desktop(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner", "install-desktop", "--data-home", str(home), *args],
                          capture_output=True, text=True, env=_env(home), timeout=300)


def validate_desktop_entry(path: Path) -> None:
    out = subprocess.run([tool("desktop-file-validate"), str(path)], capture_output=True, text=True)
    lines = (out.stdout + out.stderr).splitlines()
    # A hint (MedicalSoftware "can be extended" with Education or Science) is advice, not a fault.
    assert out.returncode == 0 and not [l for l in lines if ": error:" in l or ": warning:" in l], lines


# --- the shipped files ------------------------------------------------------------------------

def test_appstream_metainfo_validates():
    out = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(DESKTOP / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not [l for l in out.stdout.splitlines() if l.startswith(("E:", "W:"))], out.stdout


def test_metainfo_names_the_menu_entry_and_the_plan_type():
    root = ET.parse(DESKTOP / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID and root.get("type") == "desktop-application"
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert [m.text for m in root.iter("mediatype")] == [PLAN_MIME_TYPE]
    assert {c.text for c in root.iter("category")} == {"Office", "MedicalSoftware"}
    assert root.findtext("project_license") == "MIT"


def test_the_desktop_entry_validates():
    validate_desktop_entry(DESKTOP / f"{APP_ID}.desktop")


def test_the_desktop_entry_says_what_the_issue_asks():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(DESKTOP / f"{APP_ID}.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Categories"].split(";")[:2] == ["Office", "MedicalSoftware"]
    assert e["MimeType"] == f"{PLAN_MIME_TYPE};" and e["Icon"] == APP_ID and e["Terminal"] == "false"
    assert e["Exec"] == "titration-planner %f"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert e[key] and e[f"{key}[es]"], key


def test_the_plan_file_type():
    root = ET.parse(DESKTOP / f"{APP_ID}.xml").getroot()
    [t] = root.findall(f"{MIME_NS}mime-type")
    assert t.get("type") == PLAN_MIME_TYPE
    assert [g.get("pattern") for g in t.findall(f"{MIME_NS}glob")] == [f"*{PLAN_SUFFIX}"]
    assert t.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text for c in t.findall(f"{MIME_NS}comment")}
    assert comments == {None: "Titration plan", "es": "Plan de titulación"}


def test_the_plan_extension_is_not_a_known_type():
    # shared-mime-info's own database (freedesktop.org) has no *.tplan: no other program's files are taken over.
    globs = Path("/usr/share/mime/globs2")
    if not globs.is_file():
        tool("update-mime-database")  # fails in CI, skips elsewhere: the database comes with it
    assert f"*{PLAN_SUFFIX}" not in globs.read_text(encoding="utf-8")


def test_the_wheel_ships_the_icon_and_the_desktop_files(built_wheel):
    names = set(zipfile.ZipFile(built_wheel[1]).namelist())
    expected = ["icons/titration-planner.svg"] + [f"desktop/{p.name}" for p in DESKTOP.iterdir()]
    assert [n for n in expected if f"planner/resources/{n}" not in names] == []


# --- Exec, quoted as the desktop entry spec says ------------------------------------------------

@pytest.mark.parametrize("command, value", [
    (["/usr/bin/titration-planner"], "/usr/bin/titration-planner %f"),
    (["/opt/My Apps/titration-planner"], '"/opt/My Apps/titration-planner" %f'),
    (["/opt/a$b/tp"], '"/opt/a\\\\$b/tp" %f'),  # \$ inside the quotes; the file writes the backslash twice
    (["/opt/100%/tp"], "/opt/100%%/tp %f"),
    (["env", "PYTHONPATH=/src", "/usr/bin/python3", "-m", "planner"], "env PYTHONPATH=/src /usr/bin/python3 -m planner %f"),
])
def test_exec_is_quoted_as_the_spec_says(command, value):
    assert exec_value(command) == value


# --- install and uninstall into a data home of the test's own -------------------------------------

@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    for name in ("update-mime-database", "update-desktop-database"):
        tool(name)
    # no space: xdg-mime (a shell script) splits XDG_DATA_DIRS at spaces and then finds no default
    home = tmp_path_factory.mktemp("datahome")
    out = install_desktop(home)
    assert out.returncode == 0, out.stdout + out.stderr
    return home, out.stdout


def _installed_entry(home: Path) -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(home / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return entry["Desktop Entry"]


def test_install_writes_every_file_and_says_what_it_ran(installed):
    home, said = installed
    files = installed_files(home)
    assert [f for f in files if not f.is_file()] == []
    assert len([f for f in files if "icons" in f.parts]) == 2 * (len(ICON_SIZES) + 1)
    assert f"ran update-mime-database {home / 'mime'}" in said
    assert f"ran update-desktop-database {home / 'applications'}" in said
    assert "Titration Planner is in the applications menu" in said


def test_installed_icons_have_their_sizes(installed):
    from PySide6.QtGui import QImage

    home, _ = installed
    for n in ICON_SIZES:
        for kind, name in (("apps", APP_ID), ("mimetypes", PLAN_MIME_TYPE.replace("/", "-"))):
            image = QImage(str(home / "icons" / "hicolor" / f"{n}x{n}" / kind / f"{name}.png"))
            assert (image.width(), image.height()) == (n, n), (kind, n)
            assert image.hasAlphaChannel()
    assert (home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_bytes() == \
        (ROOT / "resources/icons/titration-planner.svg").read_bytes()


def test_the_installed_entry_runs_an_absolute_program_and_validates(installed):
    home, _ = installed
    exec_line = _installed_entry(home)["Exec"]
    command = shlex.split(exec_line.replace("\\\\", "\\"))
    assert command[-1] == "%f"
    program = command[0] if command[0] != "env" else next(a for a in command[1:] if "=" not in a)
    assert os.path.isabs(program) and os.access(program, os.X_OK), exec_line
    validate_desktop_entry(home / "applications" / f"{APP_ID}.desktop")


def test_the_desktop_knows_a_plan_file_and_opens_it_with_the_planner(installed, tmp_path):
    home, _ = installed
    plan = tmp_path / f"plan for the desktop{PLAN_SUFFIX}"
    shutil.copy(EXAMPLE, plan)
    filetype = subprocess.run([tool("xdg-mime"), "query", "filetype", str(plan)], capture_output=True, text=True,
                              env=_env(home))
    assert filetype.stdout.strip() == PLAN_MIME_TYPE, filetype.stdout + filetype.stderr
    default = subprocess.run([tool("xdg-mime"), "query", "default", PLAN_MIME_TYPE], capture_output=True, text=True,
                             env=_env(home))
    assert default.stdout.strip() == f"{APP_ID}.desktop", default.stdout + default.stderr


def test_the_installed_entry_opens_a_plan_file(installed, tmp_path):
    # What the file manager does: the entry's Exec with %f replaced by the file (then a screenshot, to end).
    home, _ = installed
    plan = tmp_path / f"plan{PLAN_SUFFIX}"
    shutil.copy(EXAMPLE, plan)
    shot = tmp_path / "window.png"
    command = [str(plan) if a == "%f" else a for a in shlex.split(_installed_entry(home)["Exec"].replace("\\\\", "\\"))]
    out = subprocess.run(command + ["--screenshot", str(shot)], capture_output=True, text=True, env=_env(home),
                         timeout=180)
    assert out.returncode == 0 and shot.stat().st_size > 10_000, out.stderr


def test_uninstall_removes_everything_it_installed(tmp_path):
    for name in ("update-mime-database", "update-desktop-database"):
        tool(name)
    home = tmp_path / "data"
    (home / "applications").mkdir(parents=True)
    theirs = home / "applications" / "someone-else.desktop"
    theirs.write_text("[Desktop Entry]\nType=Application\nName=Else\nExec=true\n")
    assert install_desktop(home).returncode == 0
    out = install_desktop(home, "--uninstall")
    assert out.returncode == 0, out.stdout + out.stderr
    assert [f for f in installed_files(home) if f.exists()] == []
    assert theirs.is_file()  # only ours goes
    # The desktop's caches were rebuilt without the type: nothing left names it.
    mentions = [p for p in home.rglob("*") if p.is_file() and any(
        word in p.read_bytes() for word in (APP_ID.encode(), b"titration-plan", PLAN_SUFFIX.encode()))]
    assert mentions == []
    plan = tmp_path / f"x{PLAN_SUFFIX}"
    shutil.copy(EXAMPLE, plan)
    filetype = subprocess.run([tool("xdg-mime"), "query", "filetype", str(plan)], capture_output=True, text=True,
                              env=_env(home))
    assert filetype.stdout.strip() != PLAN_MIME_TYPE
    again = install_desktop(home, "--uninstall")
    assert again.returncode == 0 and "nothing to remove" in again.stdout


def test_a_frozen_program_installs_its_own_executable(tmp_path):
    # The one-folder bundle calls the same code: Exec is the bundle's executable, quoted when its path has a space.
    tool("desktop-file-validate")
    home = tmp_path / "data"
    bundle = tmp_path / "Titration Planner" / "titration-planner"
    bundle.parent.mkdir()
    bundle.write_text('#!/bin/sh\necho "usage: titration-planner [PLAN.json]"\n')  # its --help, as the bundle's
    bundle.chmod(0o755)
    code = ("import sys; sys.frozen = True; sys.executable = %r\n"
            "from planner.cli import main; sys.exit(main(['install-desktop', '--data-home', %r]))") % (str(bundle), str(home))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(home), timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert _installed_entry(home)["Exec"] == f'"{bundle}" %f'
    validate_desktop_entry(home / "applications" / f"{APP_ID}.desktop")


def test_a_menu_entry_that_would_start_nothing_is_said_and_another_program_on_path_is_not_taken(tmp_path):
    # The trial: a stale titration-planner on PATH (an old editable install) became the menu's command,
    # and the menu entry then started nothing, without a word (Terminal=false).
    tool("desktop-file-validate")
    home, stale = tmp_path / "data", tmp_path / "bin" / "titration-planner"
    stale.parent.mkdir()
    stale.write_text("#!/bin/sh\nexit 1\n")
    stale.chmod(0o755)
    env = {**_env(home), "PATH": f"{stale.parent}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run([sys.executable, "-m", "planner", "install-desktop", "--data-home", str(home)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert str(stale) not in _installed_entry(home)["Exec"] and "-m planner" in _installed_entry(home)["Exec"]
    # A frozen program whose executable does not start: the entry is written, and the clinician is told.
    broken = tmp_path / "broken" / "titration-planner"
    broken.parent.mkdir()
    broken.write_text("#!/bin/sh\necho 'error while loading shared libraries' >&2\nexit 127\n")
    broken.chmod(0o755)
    code = ("import sys; sys.frozen = True; sys.executable = %r\n"
            "from planner.cli import main; sys.exit(main(['install-desktop', '--data-home', %r]))") % (str(broken), str(home))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(home), timeout=300)
    assert out.returncode == 1
    assert "does not start" in out.stderr and "error while loading shared libraries" in out.stderr
