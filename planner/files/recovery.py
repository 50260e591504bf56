"""Recovery files: the unsaved plan of each running window, kept so a crash loses nothing.

Each window owns one session in the recovery folder: `<id>.json` (the form as a
plan-file dict, written whole by safefile) and `<id>.lock`, locked with flock for as
long as the window lives. The kernel drops the lock when the process dies, however it
dies (kill -9 included), so a recovery file whose lock can be taken belongs to no
running window: it is an orphan, and the next start offers it back.

The form is saved as it stands, even when its values are not yet a valid plan, so a
half-typed plan survives too; a file is checked completely when it is read back
(formstate), and one that is not a form the window can hold is offered as damaged.

The folder holds patient details and what is in it is put back on screen, so it is the
user's alone: created owner-only whatever the umask, and re-checked before anything in
it is offered or written. A file in it that someone else could have written is ignored.
Pure Python: the window drives it, the core owns it.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from planner.files.formstate import check_form_state
from planner.files.safefile import write_bytes
from planner.files.upgrades import upgraded
from planner.text.catalogue import say

__all__ = ["Ignored", "Recovered", "RecoverySession", "RecoveryStore", "UnsafeFolder", "check_form_state",
           "release"]

MARKER = "titration_planner_recovery"
VERSION = 1
MAX_BYTES = 1_000_000  # a form is a few kB; refuse anything that cannot be one
DIR_MODE = 0o700
MAX_PATH = 4096
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


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


@dataclass
class Ignored:
    """A file (or the whole folder) not offered because anyone could have written it."""

    path: Path
    why: str  # in plain words: "it belongs to another user"
    untrusted: bool = True  # False: the folder could not be read at all

    def __str__(self) -> str:
        what = "file" if self.path.suffix == ".json" else "folder"
        how = "ignored" if self.untrusted else "unreadable"
        return say(f"recovery.{how}-{what}", path=self.path, why=self.why)


class UnsafeFolder(OSError):
    """The recovery folder cannot be trusted: a link, not a folder, or someone else's.
    code: "link", "not-folder" or "not-ours"; why: that in words."""

    def __init__(self, directory: Path, code: str) -> None:
        self.code = code
        self.why = say(f"recovery.folder.{code}")
        super().__init__(say("recovery.unsafe-folder", folder=directory, why=self.why))


class RecoveryStore:
    """The recovery folder (the application's data folder / recovery)."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.ignored: list[Ignored] = []  # what the last orphans() left alone, and why

    def prepare(self) -> None:
        """Make the folder if need be, and check it is the user's alone (raises OSError)."""
        _make_private_dirs(self.directory)
        self.check_folder()

    def check_folder(self) -> None:
        """The folder must be a real folder of this user's, open to no one else: one that
        is ours is made owner-only again; any other raises UnsafeFolder."""
        try:
            fd = os.open(self.directory, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise UnsafeFolder(self.directory, "link") from exc
            raise
        try:
            st = os.fstat(fd)
            if not stat.S_ISDIR(st.st_mode):
                raise UnsafeFolder(self.directory, "not-folder")
            if not _ours(st):
                raise UnsafeFolder(self.directory, "not-ours")
            if stat.S_IMODE(st.st_mode) & 0o077:
                os.fchmod(fd, DIR_MODE)  # holds patient details: the user's eyes only
        finally:
            os.close(fd)

    def start_session(self) -> "RecoverySession":
        self.prepare()
        return RecoverySession(self, uuid.uuid4().hex)

    def orphans(self) -> list[Recovered]:
        """Recovery files no running window owns, newest first, each locked for us until
        it is discarded, adopted or released. Never raises: a folder or file that cannot
        be trusted is left alone and listed in self.ignored."""
        self.ignored = []
        if not os.path.lexists(self.directory):
            return []
        try:
            self.check_folder()
            paths = sorted(self.directory.glob("*.json"))
        except UnsafeFolder as exc:
            self.ignored.append(Ignored(self.directory, say(f"recovery.folder-it.{exc.code}")))
            return []
        except OSError as exc:
            self.ignored.append(Ignored(self.directory, exc.strerror or str(exc), untrusted=False))
            return []
        found = []
        for path in paths:
            fd = _lock(path.with_suffix(".lock"))
            if fd is None:
                continue  # a running window's, or one another start is offering now
            r = _read(path, fd)
            if isinstance(r, Ignored):
                os.close(fd)
                if r.why:  # no why: its owner finished between the glob and the lock
                    self.ignored.append(r)
                continue
            found.append(r)
        try:
            self._sweep_locks()
        except OSError:
            pass  # a lone lock file left over does no harm
        found.sort(key=_age, reverse=True)
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
        self.store = store
        self.path = store.directory / f"{ident}.json"
        self.lock_path = self.path.with_suffix(".lock")
        self._lock_fd = _lock(self.lock_path)
        if self._lock_fd is None:
            raise OSError(say("recovery.cannot-lock", path=self.lock_path))

    def write(self, state: dict[str, Any], source_file: Path | None) -> None:
        doc = {
            MARKER: VERSION,
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "source_file": str(source_file) if source_file else None,
            "state": state,
        }
        self.store.prepare()  # re-checked before each write: it may have been changed meanwhile
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


def _ours(st: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _make_private_dirs(directory: Path) -> None:
    """Create each missing level of directory owner-only. mkdir's mode passes through the
    umask (under umask 0 it would give 0777), so each level we create is also chmod-ed,
    through a descriptor so a link swapped in meanwhile is not followed."""
    missing = []
    level = directory
    while not os.path.lexists(level) and level.parent != level:
        missing.append(level)
        level = level.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, DIR_MODE)
        except FileExistsError:
            continue  # made meanwhile; the recovery folder itself is checked next anyway
        fd = os.open(level, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
        try:
            os.fchmod(fd, DIR_MODE)
        finally:
            os.close(fd)


def _open_lock(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
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


def _age(r: Recovered) -> tuple[bool, float]:
    return (r.saved_at is not None, r.saved_at.timestamp() if r.saved_at is not None else 0.0)


def _read(path: Path, fd: int) -> Recovered | Ignored:
    """The file at path (its lock fd held), checked completely; Ignored if anyone but
    this user could have written it (why is empty when it is simply gone)."""
    def damaged(why: str) -> Recovered:
        return Recovered(path, None, None, None, why, fd)

    try:
        fh = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return Ignored(path, "")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Ignored(path, say("recovery.file.link"))
        return damaged(say("recovery.file.unreadable", why=exc.strerror or exc))
    try:
        st = os.fstat(fh)
        if not stat.S_ISREG(st.st_mode):
            return Ignored(path, say("recovery.file.not-plain"))
        if not _ours(st):
            return Ignored(path, say("recovery.folder-it.not-ours"))
        if stat.S_IMODE(st.st_mode) & 0o022:
            return Ignored(path, say("recovery.file.writable-by-others"))
        with os.fdopen(fh, "rb", closefd=False) as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return damaged(say("recovery.file.unreadable", why=exc.strerror or exc))
    finally:
        os.close(fh)
    if len(data) > MAX_BYTES:
        return damaged(say("recovery.file.too-large"))
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: also an int of 5000 digits
        return damaged(say("recovery.file.unreadable-json"))
    if not isinstance(doc, dict) or type(doc.get(MARKER)) is not int or doc[MARKER] != VERSION:
        return damaged(say("recovery.file.not-ours"))
    unknown = sorted(set(doc) - {MARKER, "saved_at", "source_file", "state"})
    if unknown:
        return damaged(say("recovery.file.unknown-key", key=json.dumps(unknown[0])[:40]))
    # A form saved by an older version of the program is upgraded as its plan file would be.
    state = doc.get("state")
    state = upgraded(state) if isinstance(state, dict) else state
    problem = check_form_state(state)
    if problem:
        return damaged(say("recovery.file.plan-damaged", problem=problem))
    saved_at = _time(doc.get("saved_at"))
    if saved_at is None:
        return damaged(say("recovery.file.no-time"))
    source = doc.get("source_file")
    if source is not None and not _path_text(source):
        return damaged(say("recovery.file.bad-source"))
    return Recovered(path, saved_at, Path(source) if source else None, state, None, fd)


def _time(text: Any) -> datetime | None:
    """An aware local time (so files from any time zone sort and show alike), or None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    try:
        t = datetime.fromisoformat(text).astimezone()
        t.timestamp()
        return t
    except (ValueError, OverflowError, OSError):
        return None


def _path_text(text: Any) -> bool:
    return (isinstance(text, str) and 0 < len(text) <= MAX_PATH and os.path.isabs(text)
            and not any(ord(c) < 32 or "\ud800" <= c <= "\udfff" for c in text))
