"""`titration-planner export`: the file is written whole, or not at all, with the exit-code contract."""

import csv
import io
import json
import os
import stat
import subprocess
import sys
from datetime import datetime
from importlib import resources

import pytest
from helpers import run_cli, write_plan
from icalendar import Calendar

from planner.files.planfile import load_example
from planner.domain.schedule import compute_schedule

PHN = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-label-start.json"))
TAPER = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-to-1800-with-taper.json"))
VALID = {
    "format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 300,
    "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3,
    "patient": {"name": "Alex Example"},
}
BLOCKING = {**VALID, "target_dose_mg": 4800}  # above the label's maximum





def only(tmp_path, *names):
    """The folder holds exactly these files: no output, no temporary file left behind."""
    assert sorted(os.listdir(tmp_path)) == sorted(names)


def assert_one_line_exit_2(r, *words):
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for w in words:
        assert w in lines[0]


def test_help_lists_export():
    r = run_cli("--help")
    assert r.returncode == 0 and "export PLAN.json -o" in r.stdout
    r = run_cli("export", "--help")
    assert r.returncode == 0 and "--paper" in r.stdout and "--large-print" in r.stdout


def test_csv_export_parses_back_to_the_schedule(tmp_path):
    out = tmp_path / "plan.csv"
    r = run_cli("export", PHN, "-o", str(out))
    assert r.returncode == 0, r.stderr
    s = compute_schedule(load_example("gabapentin-phn-label-start"))
    assert r.stdout == f"wrote {out} ({len(s.days)} rows)\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(s.days)
    for row, d in zip(rows, s.days):
        assert row["date"] == d.date.isoformat() and int(row["total_mg"]) == d.total_mg
        for dose in d.doses:
            assert int(row[f"{dose.slot}_mg"]) == dose.mg and row[f"{dose.slot}_time"] == dose.time
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds patient details
    only(tmp_path, "plan.csv")


def test_ics_export_parses_back(tmp_path):
    out = tmp_path / "reminders.ICS"  # the suffix is not case-sensitive
    r = run_cli("export", TAPER, "-o", str(out))
    assert r.returncode == 0, r.stderr
    s = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    n_doses = sum(len(d.doses) for d in s.days)
    assert r.stdout == f"wrote {out} ({n_doses + 1:,} events)\n"
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == n_doses + 1
    starts = sorted(e.decoded("DTSTART") for e in events if isinstance(e.decoded("DTSTART"), datetime))
    first = s.days[0]
    assert starts[0] == datetime.combine(first.date, datetime.strptime(first.doses[0].time, "%H:%M").time())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "plan.csv"
    out.write_text("old contents\n")
    assert run_cli("export", PHN, "-o", str(out)).returncode == 0
    assert out.read_text().startswith("day,date,phase,total_mg")
    only(tmp_path, "plan.csv")


@pytest.mark.parametrize("options", [[], ["--paper", "Letter", "--large-print"], ["--paper", "A4"]])
def test_pdf_export(tmp_path, options):
    pytest.importorskip("planner.export.printout")
    out = tmp_path / "plan.pdf"
    r = run_cli("export", PHN, "-o", str(out), *options)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    pages = len(pypdf.PdfReader(str(out)).pages)
    assert r.stdout == f"wrote {out} ({pages} page{'' if pages == 1 else 's'})\n"
    assert "Traceback" not in r.stderr
    only(tmp_path, "plan.pdf")


@pytest.mark.parametrize("suffix", [".csv", ".ics", ".pdf"])
def test_blocking_plan_exits_1_prints_the_problems_and_writes_nothing(tmp_path, suffix):
    plan = write_plan(tmp_path, BLOCKING)
    r = run_cli("export", plan, "-o", str(tmp_path / f"out{suffix}"))
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stdout.splitlines()
    assert lines and all(x.startswith("blocking\t") for x in lines)
    assert any(x.split("\t")[1] == "above-label-maximum" for x in lines)
    only(tmp_path, "plan.json")


def test_recorded_override_lets_the_plan_export(tmp_path):
    check = subprocess.run([sys.executable, "-m", "planner", "check", write_plan(tmp_path, BLOCKING, "b.json"),
                            "--format", "json"], capture_output=True, text=True, timeout=60)
    codes = {p["code"]: p["value"] for p in json.loads(check.stdout)["problems"] if p["severity"] == "blocking"}
    assert "above-label-maximum" in codes
    overrides = [{"code": c, "reason": "Specialist pain clinic: higher dose agreed with the patient", "value": v}
                 for c, v in sorted(codes.items())]
    plan = write_plan(tmp_path, {**BLOCKING, "overrides": overrides})
    r = run_cli("export", plan, "-o", str(tmp_path / "out.ics"))
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert (tmp_path / "out.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_override_of_one_problem_leaves_the_others_blocking(tmp_path):
    plan = write_plan(tmp_path, {**BLOCKING, "overrides": [{"code": "some-other-code", "reason": "x"}]})
    r = run_cli("export", plan, "-o", str(tmp_path / "out.csv"))
    assert r.returncode == 1 and "above-label-maximum" in r.stdout
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("name", ["out.txt", "out", "out.json", "out.pdf.bak"])
def test_unknown_output_suffix_exits_2_naming_o(tmp_path, name):
    r = run_cli("export", PHN, "-o", str(tmp_path / name))
    assert_one_line_exit_2(r, "-o", name)
    only(tmp_path)


def test_missing_plan_exits_2(tmp_path):
    r = run_cli("export", str(tmp_path / "nope.json"), "-o", str(tmp_path / "out.csv"))
    assert_one_line_exit_2(r, "file:")
    only(tmp_path)


def test_unusable_plan_exits_2_naming_the_field(tmp_path):
    plan = write_plan(tmp_path, {**VALID, "step_days": -3})
    r = run_cli("export", plan, "-o", str(tmp_path / "out.ics"))
    assert_one_line_exit_2(r, "step_days:")
    only(tmp_path, "plan.json")


def test_missing_output_argument_exits_2():
    r = run_cli("export", PHN)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("suffix", [".csv", ".ics"])
def test_unwritable_place_exits_2_without_a_traceback(tmp_path, suffix):
    (tmp_path / "a-file").write_text("x")
    for out in (tmp_path / "no-such-dir" / f"out{suffix}", tmp_path / "a-file" / f"out{suffix}"):
        r = run_cli("export", PHN, "-o", str(out))
        assert_one_line_exit_2(r, "-o", str(out))
    (tmp_path / f"a-dir{suffix}").mkdir()
    r = run_cli("export", PHN, "-o", str(tmp_path / f"a-dir{suffix}"))
    assert_one_line_exit_2(r, "-o")
    assert sorted(os.listdir(tmp_path)) == sorted(["a-file", f"a-dir{suffix}"])
    assert os.listdir(tmp_path / f"a-dir{suffix}") == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_exits_2(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        r = run_cli("export", PHN, "-o", str(ro / "out.csv"))
        assert_one_line_exit_2(r, "-o")
        assert os.listdir(ro) == []
    finally:
        ro.chmod(0o700)


@pytest.mark.parametrize("suffix", [".csv", ".ics"])
def test_headless_export_imports_no_qt_or_matplotlib(tmp_path, suffix):
    out = str(tmp_path / f"out{suffix}")
    code = ("import sys, contextlib, io\n"
            "from planner.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): rc = main(['export', %r, '-o', %r])\n"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','matplotlib','shiboken6')]\n"
            "print(rc, bad)" % (PHN, out))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "0 []", r.stderr
    assert os.path.getsize(out) > 0


def test_schedule_and_check_still_work():
    assert run_cli("schedule", PHN).returncode == 0
    assert run_cli("check", PHN).returncode == 0
