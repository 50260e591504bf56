"""The application makes no network connection at all (README: "Privacy").

Three layers: an import-linter contract keeps networking modules out of planner (see
test_architecture); a whole session under a Python audit hook records no network event;
and the real programs, traced with strace, open no internet socket even from C++ (Qt).
"""

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
EXAMPLE = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-to-1800-with-taper.json"))


def test_a_whole_session_raises_no_network_event(tmp_path):
    r = subprocess.run([sys.executable, str(TESTS / "network_session.py"), str(tmp_path)],
                       capture_output=True, text=True, timeout=240,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout.strip().splitlines()[-1])
    # The session really did its work, so the silence means something.
    assert report["exit_codes"] == [0] * 6
    for name in ("cli.pdf", "cli.csv", "cli.ics", "plan.json", "printer.pdf", "window.pdf", "window.csv",
                 "window.ics"):
        assert name in report["files"]
    assert report["events"] == []
    assert report["network_modules"] == []


def strace_works() -> str | None:
    """Why strace cannot trace here (None when it can)."""
    if shutil.which("strace") is None:
        return "strace is not installed (.ci/run installs it)"
    r = subprocess.run(["strace", "-f", "-qq", "-e", "trace=none", "true"], capture_output=True, text=True)
    if r.returncode != 0:
        return f"strace cannot trace in this sandbox: {r.stderr.strip()[:200]}"
    return None


INET = re.compile(r"\b(socket|connect|sendto|sendmsg|bind)\(.*\b(AF_INET6?|AF_PACKET)\b")


@pytest.mark.parametrize("args", [
    ["--screenshot", "window.png", EXAMPLE],
    ["export", EXAMPLE, "-o", "plan.pdf"],
    ["export", EXAMPLE, "-o", "plan.ics"],
    ["schedule", EXAMPLE],
], ids=["window", "export-pdf", "export-ics", "schedule"])
def test_the_real_programs_open_no_internet_socket(tmp_path, args):
    why = strace_works()
    if why:
        pytest.skip(why)
    log = tmp_path / "strace.log"
    r = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg,bind", "-e", "signal=none",
                        "-o", str(log), sys.executable, "-m", "planner", *args],
                       cwd=tmp_path, capture_output=True, text=True, timeout=240,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    calls = log.read_text().splitlines()
    assert [c for c in calls if INET.search(c)] == []
