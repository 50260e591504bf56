"""Every export is written beside its target, read back from disk and checked whole, and only
then renamed over the target: a full disk, a short or broken file, or a kill mid-export
leaves the old file as it was and no temporary file behind."""

import dataclasses
import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_plan
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.files import safefile
from planner.domain.plan import Patient
from planner.files.planfile import save_plan_file
from planner.domain.schedule import compute_schedule
from planner.export import files, printout
from planner.export.files import FORMATS, PAUSE_ENV, export_file

from helpers import HalfWrite

ROOT = Path(__file__).resolve().parent.parent.parent
SUFFIXES = [".pdf", ".csv", ".ics", ".fhir.json"]


@pytest.fixture(autouse=True)
def gui():
    return QApplication.instance() or QApplication([])


def schedule(target=900):
    return compute_schedule(make_plan(target_dose_mg=target, patient=Patient(name="Ada")))


def exported(tmp_path, suffix):
    """A good export already on disk, and its bytes."""
    path = tmp_path / f"plan{suffix}"
    export_file(schedule(), path)
    return path, path.read_bytes()


def assert_untouched(tmp_path, path, before):
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [path.name]  # no temporary file left


# --- one registry, one path ---------------------------------------------------------------

def test_every_format_is_registered_once_with_a_writer_and_a_checker():
    assert sorted(FORMATS) == sorted(SUFFIXES)
    for suffix, fmt in FORMATS.items():
        assert fmt.suffix == suffix and f"*{suffix}" in fmt.description
        assert callable(fmt.render) and callable(fmt.check)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_format_goes_through_its_checker_on_the_file_read_back(tmp_path, monkeypatch, suffix):
    seen = []
    fmt = FORMATS[suffix]

    def spy(data, sched, count):
        seen.append((data, count, sorted(os.listdir(tmp_path))))
        fmt.check(data, sched, count)

    monkeypatch.setitem(FORMATS, suffix, dataclasses.replace(fmt, check=spy))
    path = tmp_path / f"plan{suffix}"
    what = export_file(schedule(), path)
    assert len(seen) == 1
    data, count, listing = seen[0]
    assert data == path.read_bytes()
    assert what == fmt.count_text(count) and what.startswith(f"{count:,} ")
    # The check ran on the temporary file beside the target, before the target existed.
    assert listing != [path.name] and all(n.startswith(f".{path.name}.{os.getpid()}.") for n in listing)


def test_the_window_file_dialog_offers_the_registered_description(win, tmp_path, monkeypatch):
    asked = []

    def dialog(parent, title, suggested, filters):
        asked.append(filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    for suffix in SUFFIXES:
        assert not win.export(suffix)
    assert asked == [FORMATS[s].description for s in SUFFIXES]


# --- a full disk ----------------------------------------------------------------------------

class SilentShortWrite(HalfWrite):
    """Half the file reaches the disk and no error is reported (as QPdfWriter did)."""

    def write(self, data):
        self.fh.write(data[: len(data) // 2])
        return len(data)


def no_space_on_fsync(fd):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("how", ["write", "fsync"])
def test_a_full_disk_leaves_the_old_export_whole_and_no_temporary_file(tmp_path, monkeypatch, suffix, how):
    path, before = exported(tmp_path, suffix)
    if how == "write":
        monkeypatch.setattr(safefile, "open", HalfWrite, raising=False)
    else:
        monkeypatch.setattr(safefile.os, "fsync", no_space_on_fsync)
    with pytest.raises(OSError) as exc:
        export_file(schedule(1800), path)
    assert exc.value.errno == errno.ENOSPC
    assert_untouched(tmp_path, path, before)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_short_write_that_reports_no_error_is_caught_by_reading_back(tmp_path, monkeypatch, suffix):
    path, before = exported(tmp_path, suffix)
    monkeypatch.setattr(safefile, "open", SilentShortWrite, raising=False)
    with pytest.raises(OSError, match="read back"):
        export_file(schedule(1800), path)
    assert_untouched(tmp_path, path, before)


# --- a file that is not the plan ------------------------------------------------------------

def cut_pdf(keep):
    real = printout.render_pdf

    def render(sched, options):
        data, pages = real(sched, options)
        return keep(data), pages

    return render


@pytest.mark.parametrize("keep", [lambda d: d[: len(d) // 2], lambda d: d[:-30], lambda d: d[:-6],
                                  lambda d: d[:5000] + b"\n%%EOF\n"],
                         ids=["half", "no-trailer", "no-eof-marker", "cut-with-an-eof-marker"])
def test_a_truncated_pdf_is_refused(tmp_path, monkeypatch, keep):
    path, before = exported(tmp_path, ".pdf")
    monkeypatch.setattr(printout, "render_pdf", cut_pdf(keep))
    with pytest.raises(ValueError, match="failed its check: the PDF"):
        export_file(schedule(1800), path)
    assert_untouched(tmp_path, path, before)


def test_a_pdf_with_a_page_missing_is_refused(tmp_path, monkeypatch):
    path, before = exported(tmp_path, ".pdf")
    real = printout.render_pdf
    monkeypatch.setattr(printout, "render_pdf", lambda s, o: (real(s, o)[0], real(s, o)[1] + 1))
    with pytest.raises(ValueError, match=r"the PDF has \d+ pages; it should have \d+"):
        export_file(schedule(1800), path)
    assert_untouched(tmp_path, path, before)


def broken(suffix, change):
    fmt = FORMATS[suffix]
    return dataclasses.replace(fmt, render=lambda s, o: (lambda d, n: (change(d), n))(*fmt.render(s, o)))


@pytest.mark.parametrize("suffix, change, words", [
    (".csv", lambda d: d.replace(b",600,", b",6000,", 1), "the row for day"),
    (".csv", lambda d: d[: d.rindex(b"\n", 0, len(d) - 1) + 1], "rows of days"),
    (".ics", lambda d: d.replace(b"-bedtime@", b"-morning@", 1), "reads back differently"),
    (".ics", lambda d: d[: d.rindex(b"BEGIN:VEVENT")] + b"END:VCALENDAR\r\n", "events; it should have"),
    (".ics", lambda d: d[: len(d) // 2], "cannot be read back"),
], ids=["csv-wrong-dose", "csv-row-missing", "ics-wrong-uid", "ics-event-missing", "ics-cut"])
def test_a_csv_or_calendar_that_does_not_parse_back_to_the_schedule_is_refused(tmp_path, monkeypatch, suffix,
                                                                                change, words):
    path, before = exported(tmp_path, suffix)
    monkeypatch.setitem(FORMATS, suffix, broken(suffix, change))
    with pytest.raises(ValueError, match=words):
        export_file(schedule(1800), path)
    assert_untouched(tmp_path, path, before)


# --- the window -----------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["full disk", "short pdf"])
def test_the_window_says_the_export_failed_and_the_old_file_is_unchanged(win, tmp_path, monkeypatch, how):
    folder = tmp_path / "exports"  # tmp_path holds the window's settings.ini
    folder.mkdir()
    path = folder / "plan.pdf"
    assert win.export(".pdf", path)
    before = path.read_bytes()
    win.form.target.setValue(win.form.target.value() + 300)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    if how == "full disk":
        monkeypatch.setattr(safefile, "open", HalfWrite, raising=False)
    else:
        monkeypatch.setattr(printout, "render_pdf", cut_pdf(lambda d: d[: len(d) // 2]))
    win.statusBar().clearMessage()
    assert not win.export(".pdf", path)
    assert len(said) == 1 and said[0].startswith("Could not export plan.pdf: ")
    assert ("No space left on device" if how == "full disk" else "failed its check") in said[0]
    assert "plan.pdf on disk is unchanged" in said[0]
    assert "Exported" not in win.statusBar().currentMessage()
    assert_untouched(folder, path, before)


# --- killed mid-export ----------------------------------------------------------------------

def start_paused_export(tmp_path, out):
    """The CLI exporting in a child process, stopped (by PAUSE_ENV, a test-only hook) once
    its temporary file is on disk. Returns the process and the temporary file's path."""
    plan = tmp_path / "plan.json"
    save_plan_file(make_plan(target_dose_mg=1800), plan)
    marker = tmp_path / "paused"
    env = {**os.environ, PAUSE_ENV: str(marker), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "planner", "export", str(plan), "-o", str(out)],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while not marker.exists() or not marker.read_text():
        if proc.poll() is not None:
            pytest.fail(f"the export ended without pausing: {proc.communicate()}")
        time.sleep(0.05)
    tmp = Path(marker.read_text())
    marker.unlink()
    plan.unlink()
    return proc, tmp


@pytest.mark.parametrize("suffix", [".pdf", ".ics"])
def test_a_kill_mid_export_leaves_the_old_file_and_the_next_write_removes_the_temporary_file(tmp_path, suffix):
    path, before = exported(tmp_path, suffix)
    proc, tmp = start_paused_export(tmp_path, path)
    assert tmp.parent == tmp_path and tmp.exists() and tmp.name.startswith(f".{path.name}.{proc.pid}.")
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == sorted([path.name, tmp.name])  # kill -9 cannot be cleaned up at once

    other = tmp_path / "other.csv"  # the next write to that folder, of any file
    export_file(schedule(), other)
    assert sorted(os.listdir(tmp_path)) == sorted([path.name, other.name])
    assert path.read_bytes() == before


def test_sigterm_mid_export_removes_the_temporary_file_at_once(tmp_path):
    path, before = exported(tmp_path, ".csv")
    proc, tmp = start_paused_export(tmp_path, path)
    assert tmp.exists()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate()
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    assert_untouched(tmp_path, path, before)


def test_the_sweep_removes_only_our_temporary_files_of_dead_processes(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    names = {
        f".plan.pdf.{dead.pid}.abcd_123.tmp.pdf": False,  # its writer is gone
        f".plan.pdf.{os.getpid()}.abcd_123.tmp.pdf": True,  # this process: still writing
        f".plan.pdf.{os.getppid()}.abcd_123.tmp.pdf": True,  # a live process
        ".plan.pdf.abcd_123.tmp.pdf": True,  # not our naming: not ours to remove
        "plan.pdf": True,
    }
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    removed = safefile.sweep_stale(tmp_path)
    assert removed == [n for n, keep in names.items() if not keep]
    assert sorted(os.listdir(tmp_path)) == sorted(n for n, keep in names.items() if keep)


def test_a_failing_check_in_the_shared_write_leaves_nothing(tmp_path):
    target = tmp_path / "x.bin"
    target.write_bytes(b"old")

    def refuse(tmp):
        assert Path(tmp).read_bytes() == b"new"
        raise ValueError("not good")

    with pytest.raises(ValueError, match="not good"):
        safefile.write_bytes(target, b"new", verify=refuse)
    assert_untouched(tmp_path, target, b"old")
    assert files.export_format("a.PDF") is FORMATS[".pdf"]


def test_the_cli_says_why_in_one_line_and_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    from planner import cli

    plan = tmp_path / "plan.json"
    save_plan_file(make_plan(), plan)
    path = tmp_path / "plan.csv"
    assert cli.main(["export", str(plan), "-o", str(path)]) == 0
    before = path.read_bytes()
    capsys.readouterr()
    monkeypatch.setitem(FORMATS, ".csv", broken(".csv", lambda d: d.replace(b",600,", b",6000,", 1)))
    assert cli.main(["export", str(plan), "-o", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(f"titration-planner: -o: {path}: the new file failed its check: the CSV")
    assert path.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["plan.csv", "plan.json"]


def test_the_calendar_check_reads_what_icalendar_reads_and_refuses_a_broken_structure():
    """The check's own reader (icalendar's took 2.7 s to read a two-year calendar back) must
    agree with icalendar on every event, and refuse what is not one closed calendar."""
    from icalendar import Calendar

    from planner.files.planfile import load_example
    from planner.export.calendar import schedule_to_ics
    from planner.export.checks import read_events

    for name in ("gabapentin-phn-to-1800-with-taper", "pregabalin-phn"):
        data = schedule_to_ics(compute_schedule(load_example(name)))
        ref = [(str(e["UID"]), e.decoded("DTSTART")) for e in Calendar.from_ical(data).walk("VEVENT")]
        assert read_events(data) == ref and ref
    cut = data[: data.rindex(b"END:VEVENT")]
    for broken in (cut, cut + b"\r\n", data.replace(b"END:VEVENT", b"END:VALARM", 1),
                   data.replace(b"BEGIN:VCALENDAR", b"BEGIN:VEVENT", 1), data[:-2]):
        with pytest.raises(ValueError):
            read_events(broken)
