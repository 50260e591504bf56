"""Writing files whole or not at all, into the file the user meant.

Plans and their exports hold patient details; a crash or a full disk mid-write must
leave the previous file intact. A new file is readable by its owner only. Writing over
an existing file keeps what the user set up around it: a symbolic link stays a link (its
target is replaced, in the target's own folder), the file's mode and group are kept (a
plan in a shared group folder stays readable by the group), and a read-only file is
refused rather than replaced.

A temporary file is named `.<target>.<pid>.<random>.tmp<suffix>` beside its target.
A kill -9 cannot be caught, so the next write to the same folder removes the
temporary files of ours whose process is gone (sweep_stale): none outlives the next write.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.text.catalogue import say

FILE_MODE = 0o600

# mkstemp's random part is 8 characters of [a-z0-9_].
_TEMP_RE = re.compile(r"\..+\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp(\..*)?")


def _process_gone(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: alive, someone else's
        return False
    return False


def sweep_stale(folder: str | os.PathLike[str]) -> list[str]:
    """Remove this user's temporary files in folder whose writing process has died
    (killed mid-write). Returns the names removed; never raises."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = _TEMP_RE.fullmatch(name)
        if m is None or not _process_gone(int(m["pid"])):
            continue
        path = os.path.join(folder, name)
        try:
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid():
                os.unlink(path)
                removed.append(name)
        except OSError:
            pass
    return removed


class ReadOnlyFile(PermissionError):
    """The target exists and is read-only: it is not replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, say("safefile.read-only"), str(path))
        self.path = path


class NotARegularFile(OSError):
    """The target exists and is not a regular file (a device, a pipe, a folder): it is not replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, say("safefile.not-a-file"), str(path))
        self.path = path


def real_target(target: str | os.PathLike[str]) -> Path:
    """The file a write to target lands in: symbolic links followed (also a dangling
    one: the file is then created where it points)."""
    return Path(os.path.realpath(target))


def is_read_only(st: os.stat_result, path: Path) -> bool:
    # The mode bits count even for root, who may write anything: a file its owner made
    # read-only was made so on purpose.
    return not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


@contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside the (real) target to write to; on success it replaces
    the target (os.replace), on any failure it is removed and the target is untouched.
    Raises ReadOnlyFile, before anything is written, if the target is read-only."""
    real = real_target(target)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    if old is not None and stat.S_ISREG(old.st_mode) and is_read_only(old, real):
        raise ReadOnlyFile(Path(target))
    if old is not None and not stat.S_ISREG(old.st_mode):
        # A device (-o /dev/null run as root), a pipe or a folder is never replaced by a file.
        raise NotARegularFile(Path(target))
    sweep_stale(real.parent)
    # mkstemp makes the file with mode 0o600 and a name no one else can race for.
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.{os.getpid()}.", suffix=f".tmp{real.suffix}",
                               dir=real.parent)
    os.close(fd)
    try:
        yield tmp
        if old is not None and stat.S_ISREG(old.st_mode):
            _take_owner_and_group(tmp, old)
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        else:
            os.chmod(tmp, FILE_MODE)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _take_owner_and_group(tmp: str, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as we may (only root may
    give a file away; an owner may give it any group they are in)."""
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (old.st_uid, old.st_gid):
        return
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
        return
    except PermissionError:
        pass
    if mine.st_gid != old.st_gid:
        try:
            os.chown(tmp, -1, old.st_gid)
        except PermissionError:
            pass  # not in that group: the folder's default group it is


def write_bytes(target: str | os.PathLike[str], data: bytes,
                verify: Callable[[str], None] | None = None) -> None:
    """Write data whole to target. verify(temp_path), if given, runs once the bytes are
    on disk and before the rename: it reads the file back and raises if it is wrong."""
    with replacing(target) as tmp:
        with open(tmp, "wb") as fh:
            written = fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if written != len(data):
            raise OSError(say("safefile.short-write", name=Path(target).name, written=written, total=len(data)))
        if verify is not None:
            verify(tmp)
