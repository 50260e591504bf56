"""Writing files whole or not at all, readable by their owner only.

Plans and their exports hold patient details; a crash or a full disk mid-write must
leave the previous file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_MODE = 0o600


@contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[str]:
    """A temporary path beside target to write to; on success it replaces target
    (os.replace), on any failure it is removed and target is untouched."""
    target = Path(target)
    # mkstemp makes the file with mode 0o600 and a name no one else can race for.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}",
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


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with replacing(target) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
