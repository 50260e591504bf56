"""Small helpers shared by the tests: readers over a schedule, and running the CLI."""

import errno
import json
import subprocess
import sys

from planner.domain.schedule import Schedule


def run_cli(*args, cwd=None, timeout=120):
    """titration-planner as another tool runs it: no display, no Qt platform chosen,
    a C locale and no home folder."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "HOME": "/nonexistent"}
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout, encoding="utf-8")


def write_plan(tmp_path, data, name="plan.json") -> str:
    """A plan file: a dict as JSON, or text as given."""
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def codes(s: Schedule) -> set[str]:
    return {p.code for p in s.problems}


def problem(s: Schedule, code: str):
    found = [p for p in s.problems if p.code == code]
    assert found, f"no {code} problem in {[p.code for p in s.problems]}"
    return found[0]


def doses_of(day) -> list[tuple[str, int]]:
    return [(d.slot, d.mg) for d in day.doses]


class HalfWrite:
    """A file that takes half of what is written, then the disk is full."""

    def __init__(self, path, mode):
        self.fh = open(path, mode)  # noqa: SIM115 - closed in __exit__

    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def __getattr__(self, name):
        return getattr(self.fh, name)


def copy_for_build(root, dest):
    """A clean copy of the source tree to build a wheel from: setuptools reuses a stale build/
    folder (which would hide a module missing from the package list), and a .mo left in the
    tree would hide the build's own."""
    import shutil

    shutil.copytree(root, dest, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache", "*.mo"))
    return dest


def build_wheel(src, out, timeout=600):
    """pip wheel of a source tree, with this environment's setuptools and Babel (no download)."""
    return subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=timeout,
    )
