"""Writing files whole or not at all, readable by their owner only.

Plans and their exports hold patient details; a crash or a full disk mid-write must
leave the previous file intact.

A temporary file is named `.<target>.<pid>.<random>.tmp<suffix>` beside its target.
A kill -9 cannot be caught, so the next write to the same folder removes the
temporary files of ours whose process is gone (sweep_stale): none outlives the next write.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside target to write to; on success it replaces target
    (os.replace), on any failure it is removed and target is untouched."""
    target = Path(target)
    sweep_stale(target.parent)
    # mkstemp makes the file with mode 0o600 and a name no one else can race for.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=f".tmp{target.suffix}",
                               dir=target.parent)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
            raise OSError(f"{Path(target).name}: only {written} of {len(data)} bytes could be written")
        if verify is not None:
            verify(tmp)
