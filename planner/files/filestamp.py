"""What a plan file held when this window last read or wrote it, to notice when another
window or program changed it since (a "lost update" if we then saved over it)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    sha256: str
    size: int
    mtime_ns: int

    @classmethod
    def of_bytes(cls, path: str | os.PathLike[str], data: bytes) -> "FileStamp":
        """The stamp of a file we have just written with data (its stat for the time)."""
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            mtime = 0
        return cls(hashlib.sha256(data).hexdigest(), len(data), mtime)


def read_stamp(path: str | os.PathLike[str], limit: int = 50_000_000) -> tuple[FileStamp, bytes] | None:
    """The stamp and bytes of the file as it is now; None when it is gone. Other read
    errors are raised (OSError)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read(limit)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return FileStamp(hashlib.sha256(data).hexdigest(), len(data), st.st_mtime_ns), data


def changed_since(path: Path, stamp: FileStamp | None) -> str | None:
    """None when the file holds what the stamp says; else how it changed: "changed",
    "deleted", "unreadable", or "unknown" (no stamp: we never saw what it held, so it may
    have changed). The bytes decide: a file rewritten with the same content is unchanged."""
    try:
        now = read_stamp(path)
    except OSError:
        return "unreadable"
    if now is None:
        return "deleted"
    if stamp is None:
        return "unknown"
    if (now[0].sha256, now[0].size) != (stamp.sha256, stamp.size):
        return "changed"
    return None
