"""A checkout's compiled text catalogues, kept between runs.

An installed wheel holds each language's messages.mo, compiled and checked by the build.
A checkout (or an editable install) has only the .po files: compiling them with Babel costs
about 90 ms a language (60 ms of it importing Babel), on every start of the window and of
every command. So the compiled catalogue is kept in the user's cache folder, named by a
hash of everything it is compiled from (every .po file's name and bytes, and the compiler's
own source): a changed .po, or a changed compiler, is compiled again, never served stale.
Each file starts with the SHA-256 of the rest, so a damaged file is compiled again too.
Nothing here is the user's work: a cache that cannot be read or written is simply skipped.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from planner.text import coverage

CACHE_ENV = "TITRATION_PLANNER_CACHE"  # where to keep them instead (tests)


def cache_folder() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "titration-planner" / "text"


def source_hash(folder, language: str) -> str:
    """What the compiled catalogue depends on: its .po files and the compiler."""
    h = hashlib.sha256(language.encode())
    h.update(Path(coverage.__file__).read_bytes())
    for po in sorted((p for p in folder.iterdir() if p.name.endswith(".po")), key=lambda p: p.name):
        data = po.read_bytes()
        h.update(f"\0{po.name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:32]


def compiled(folder, language: str) -> bytes:
    """The language's .mo, from the cache when it holds this exact source, else compiled
    (coverage.compile_language) and kept for the next run."""
    try:
        path = cache_folder() / f"{language}-{source_hash(folder, language)}.mo"
    except OSError:
        return coverage.compile_language(folder, language)
    data = _read(path)
    if data is not None:
        return data
    data = coverage.compile_language(folder, language)
    _write(path, data, language)
    return data


def _read(path: Path) -> bytes | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    digest, data = raw[:32], raw[32:]
    return data if len(raw) > 32 and hashlib.sha256(data).digest() == digest else None


def _write(path: Path, data: bytes, language: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".mo")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(data).digest() + data)
            os.replace(tmp, path)  # whole or not at all: a reader never sees half a file
        except BaseException:
            os.unlink(tmp)
            raise
        for old in path.parent.glob(f"{language}-*.mo"):  # older sources' copies
            if old != path and len(old.stem) == len(path.stem):
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: compile again next time
