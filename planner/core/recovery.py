"""Recovery files: the unsaved plan of each running window, kept so a crash loses nothing.

Each window owns one session in the recovery folder: `<id>.json` (the form as a
plan-file dict, written whole by safefile) and `<id>.lock`, locked with flock for as
long as the window lives. The kernel drops the lock when the process dies, however it
dies (kill -9 included), so a recovery file whose lock can be taken belongs to no
running window: it is an orphan, and the next start offers it back.

The form is saved as it stands, even when its values are not yet a valid plan, so a
half-typed plan survives too. Pure Python: the window drives it, the core owns it.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .safefile import write_bytes

MARKER = "titration_planner_recovery"
VERSION = 1
MAX_BYTES = 1_000_000  # a form is a few kB; refuse anything that cannot be one
DIR_MODE = 0o700


if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


@dataclass
class Recovered:
    """An orphaned recovery file, locked by us while the clinician decides."""

    path: Path
    saved_at: datetime | None
    source_file: Path | None  # the plan file the unsaved work came from, if any
    state: dict[str, Any] | None  # None when the file is damaged
    problem: str | None  # why it cannot be read back
    _lock_fd: int | None = field(default=None, repr=False)

    @property
    def patient(self) -> str:
        return str(((self.state or {}).get("patient") or {}).get("name", ""))


class RecoveryStore:
    """The recovery folder (the application's data folder / recovery)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _ensure_dir(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, DIR_MODE)  # holds patient details: the user's eyes only

    def start_session(self) -> "RecoverySession":
        self._ensure_dir()
        return RecoverySession(self, uuid.uuid4().hex)

    def orphans(self) -> list[Recovered]:
        """Recovery files no running window owns, newest first, each locked for us until
        it is discarded, adopted or released."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in self.directory.glob("*.json"):
            fd = _lock(path.with_suffix(".lock"))
            if fd is None:
                continue  # a running window's, or one another start is offering now
            if not path.exists():  # its owner finished between the glob and the lock
                os.close(fd)
                continue
            found.append(_read(path, fd))
        self._sweep_locks()
        found.sort(key=lambda r: (r.saved_at is not None, r.saved_at or datetime.min), reverse=True)
        return found

    def _sweep_locks(self) -> None:
        """Lock files of windows that died before their first autosave: nothing to offer."""
        for lock in self.directory.glob("*.lock"):
            if lock.with_suffix(".json").exists():
                continue
            fd = _lock(lock)
            if fd is not None:
                _remove(lock)
                os.close(fd)

    def discard(self, r: Recovered) -> None:
        """The clinician chose to throw it away."""
        _remove(r.path)
        _remove(r.path.with_suffix(".lock"))
        release(r)


def release(r: Recovered) -> None:
    """Leave the file for the next start ("Not now")."""
    if r._lock_fd is not None:
        try:
            os.close(r._lock_fd)
        except OSError:
            pass
        r._lock_fd = None


class RecoverySession:
    """One window's recovery file."""

    def __init__(self, store: RecoveryStore, ident: str) -> None:
        self.path = store.directory / f"{ident}.json"
        self.lock_path = self.path.with_suffix(".lock")
        self._lock_fd = _lock(self.lock_path)
        if self._lock_fd is None:
            raise OSError(f"cannot create or lock {self.lock_path}")

    def write(self, state: dict[str, Any], source_file: Path | None) -> None:
        doc = {
            MARKER: VERSION,
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "source_file": str(source_file) if source_file else None,
            "state": state,
        }
        write_bytes(self.path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))

    def clear(self) -> None:
        """Nothing unsaved any more: the plan was saved, discarded or closed cleanly."""
        _remove(self.path)

    def close(self) -> None:
        """The window is closing normally: remove both files and let go of the lock."""
        self.clear()
        _remove(self.lock_path)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _open_lock(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None


def _lock(path: Path) -> int | None:
    """An open, locked descriptor of the lock file at path, or None if a live process
    holds it. A lock file can be swept away between our open and our lock; a lock on
    that unlinked file would guard nothing, so check it is still the file at path."""
    for _ in range(5):
        fd = _open_lock(path)
        if fd is None:
            return None
        if not _try_lock(fd):
            os.close(fd)
            return None
        try:
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return fd
        except OSError:
            pass
        os.close(fd)
    return None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _read(path: Path, fd: int) -> Recovered:
    def damaged(why: str) -> Recovered:
        return Recovered(path, None, None, None, why, fd)

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return damaged(f"it cannot be read ({exc.strerror or exc})")
    if len(data) > MAX_BYTES:
        return damaged("it is far too large to be a saved form")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return damaged("it is not a readable recovery file (damaged or truncated)")
    if not isinstance(doc, dict) or doc.get(MARKER) != VERSION:
        return damaged("it is not a recovery file this version of the program wrote")
    problem = check_form_state(doc.get("state"))
    if problem:
        return damaged(f"its plan is damaged ({problem})")
    try:
        saved_at = datetime.fromisoformat(doc.get("saved_at"))
    except (TypeError, ValueError):
        saved_at = None
    source = doc.get("source_file")
    return Recovered(path, saved_at, Path(source) if isinstance(source, str) and source else None,
                     doc["state"], None, fd)


# --- the shape of a saved form ------------------------------------------------------------

def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_num(x: Any) -> bool:
    return (_is_int(x) or isinstance(x, float)) and x == x and abs(x) < 1e12


def _is_str(x: Any) -> bool:
    return isinstance(x, str) and len(x) <= 1000


_REQUIRED = {"drug": _is_str, "start_date": _is_str, "start_dose_mg": _is_int, "increment_mg": _is_int,
             "step_days": _is_int, "target_dose_mg": _is_int, "doses_per_day": _is_int}
_OPTIONAL = {"format_version": _is_int, "indication": _is_str, "slot_fill": _is_str, "maintenance_days": _is_int,
             "strengths_mg": lambda v: isinstance(v, list) and all(_is_int(x) for x in v),
             "larger_dose_order": lambda v: isinstance(v, list) and all(_is_str(x) for x in v),
             "slot_times": lambda v: isinstance(v, dict) and all(_is_str(x) for x in v.values())}
_PEOPLE = ("patient", "prescriber", "pharmacy")


def check_form_state(state: Any) -> str | None:
    """Why a saved form cannot be put back on screen, or None. Only the shape is checked
    (the window validates the plan itself, as for any edit): each field the window reads
    must be there with the type it writes."""
    if not isinstance(state, dict):
        return "no form in it"
    for key, ok in _REQUIRED.items():
        if key not in state or not ok(state[key]):
            return f"{key} is missing or of the wrong type"
    for key, ok in _OPTIONAL.items():
        if key in state and not ok(state[key]):
            return f"{key} is of the wrong type"
    taper = state.get("taper")
    if taper is not None:
        step = "step_percent" if isinstance(taper, dict) and "step_percent" in taper else "step_mg"
        if not (isinstance(taper, dict) and _is_num(taper.get(step)) and _is_int(taper.get("step_days"))):
            return "taper is of the wrong type"
    kidney = state.get("kidney")
    if kidney is not None:
        if not isinstance(kidney, dict):
            return "kidney is of the wrong type"
        if "crcl_ml_min" in kidney:
            fields = ("crcl_ml_min",)
        else:
            scr = "serum_creatinine_umol_l" if "serum_creatinine_umol_l" in kidney else "serum_creatinine_mg_dl"
            fields = ("age_years", "weight_kg", scr)
            if kidney.get("sex") not in ("female", "male"):
                return "kidney.sex is missing or of the wrong type"
        for f in fields:
            if not _is_num(kidney.get(f)):
                return f"kidney.{f} is missing or of the wrong type"
    for group in _PEOPLE:
        v = state.get(group)
        if v is not None and not (isinstance(v, dict) and all(_is_str(x) for x in v.values())):
            return f"{group} is of the wrong type"
    overrides = state.get("overrides")
    if overrides is not None and not (isinstance(overrides, list) and all(
            isinstance(o, dict) and _is_str(o.get("code")) and _is_str(o.get("reason")) for o in overrides)):
        return "overrides is of the wrong type"
    return None
