"""The one verified write every export goes through, whatever its format.

export_file finds the format by the path's suffix (planner.export.registry), refuses a
schedule that may not be exported (planner.export.gate), renders the whole file in memory,
writes the bytes beside the target (safefile), fsyncs them, reads the temporary file back
from disk, checks it with the format's own checker and only then renames it over the
target. Any failure raises OSError or ValueError, leaves the old file as it was and removes
the temporary file; one left by a kill -9 is removed by the next write to that folder. The
files hold patient details, so they are readable by their owner only (mode 0o600).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from planner.domain.schedule import Schedule
from planner.export.gate import refuse_unexportable
from planner.export.registry import FORMATS, ExportFormat, format_for
from planner.files import safefile
from planner.text.catalogue import say

# Tests only: the path of a file to create once the temporary file is on disk; the
# export then waits there until it is killed (tests/export/test_export_checked.py kills it).
PAUSE_ENV = "TITRATION_PLANNER_TEST_PAUSE_EXPORT"

export_format = format_for  # the name callers have used


def ensure_gui_app():
    """The QGuiApplication a PDF is drawn with (planner.export.printout.ensure_gui_app)."""
    from planner.export.printout import ensure_gui_app as ensure

    return ensure()


def _pause_for_tests(tmp: str) -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text(tmp, "utf-8")
        while True:
            time.sleep(1)


def verified_write(fmt: ExportFormat, schedule: Schedule, path: str | os.PathLike[str], options=None) -> str:
    """Render the schedule in fmt, write it to path only once the file read back from disk
    passes fmt's check; return what was written in a few words ("3 pages")."""
    refuse_unexportable(schedule)
    data, count = fmt.render(schedule, options)

    def verify(tmp: str) -> None:
        _pause_for_tests(tmp)
        with open(tmp, "rb") as fh:
            on_disk = fh.read()
        if on_disk != data:
            raise OSError(say("export.read-back-differs", got=f"{len(on_disk):,}", want=f"{len(data):,}"))
        try:
            fmt.check(on_disk, schedule, count)
        except ValueError as exc:
            raise ValueError(say("export.check-failed", reason=str(exc))) from None

    safefile.write_bytes(Path(path), data, verify)
    return fmt.count_text(count)


def export_file(schedule: Schedule, path: str | os.PathLike[str], options=None) -> str:
    """Write the schedule to path in the format its suffix names, checked before it
    replaces anything; return what was written in a few words ("3 pages", "110 rows").

    ValueError for an unknown suffix, a schedule that is not exportable (no days, or a
    blocking problem with no recorded override) or a file that fails its check; OSError
    if the file cannot be written. options are the format's (a PDF's PrintOptions).
    """
    fmt = format_for(path)
    return verified_write(fmt, schedule, path, options)


__all__ = ["FORMATS", "ExportFormat", "export_file", "export_format", "verified_write", "ensure_gui_app",
           "PAUSE_ENV"]
