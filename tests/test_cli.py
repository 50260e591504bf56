"""The command line as other tools see it: output, exit codes, one-line errors."""

import csv
import io
import json
import shutil
import subprocess
import sys
from importlib import resources

import pytest
from helpers import run_cli, write_plan

from planner.files.planfile import load_example
from planner.domain.schedule import compute_schedule

PHN = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-label-start.json"))
VALID = {
    "format_version": 1, "drug": "gabapentin", "start_date": "2026-12-01", "start_dose_mg": 300,
    "increment_mg": 300, "step_days": 1, "target_dose_mg": 900, "doses_per_day": 3,
}





def test_console_script_is_installed():
    assert shutil.which("titration-planner") or shutil.which("titration-planner", path=sys.prefix + "/bin")


def test_help_prints_usage_of_window_and_sub_commands():
    r = run_cli("--help")
    assert r.returncode == 0
    assert "schedule PLAN.json" in r.stdout and "--screenshot" in r.stdout


def test_schedule_text_prints_the_label_days_1_to_3():
    r = run_cli("schedule", PHN)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    day = {n: lines.index(next(x for x in lines if x.startswith(f"Day {n} "))) for n in (1, 2, 3)}
    assert "300 mg/day" in lines[day[1]] and "600 mg/day" in lines[day[2]] and "900 mg/day" in lines[day[3]]
    assert lines[day[1] + 1].split()[:4] == ["bedtime", "22:00", "300", "mg"]
    assert [x.split()[0] for x in lines[day[2] + 1: day[3]]] == ["morning", "bedtime"]
    assert all("1 × 300 mg capsule" in x for x in lines[day[3] + 1: day[3] + 4])


def test_schedule_json_matches_the_engine():
    r = run_cli("schedule", PHN, "--format", "json")
    assert r.returncode == 0
    out = json.loads(r.stdout)
    s = compute_schedule(load_example("gabapentin-phn-label-start"))
    assert len(out["days"]) == len(s.days)
    assert out["days"][0] == {
        "day": 1, "date": "2026-12-01", "phase": "titration", "total_mg": 300,
        "doses": [{"slot": "bedtime", "time": "22:00", "mg": 300,
                   "units": [{"strength_mg": 300, "form": "capsule", "count": 1}]}],
    }
    for d_json, d in zip(out["days"], s.days):
        assert d_json["total_mg"] == d.total_mg == sum(x["mg"] for x in d_json["doses"])
    assert out["dispense"] == [{"strength_mg": 300, "form": "capsule", "count": 39}]
    assert out["kidney"] is None
    assert {"code", "severity", "field", "message"} <= set(out["problems"][0])


def test_schedule_json_half_tablet_count_and_kidney(tmp_path):
    path = write_plan(tmp_path, {**VALID, "start_dose_mg": 300, "target_dose_mg": 300, "doses_per_day": 1,
                            "strengths_mg": [600], "kidney": {"crcl_ml_min": 41.3}})
    out = json.loads(run_cli("schedule", path, "--format", "json").stdout)
    assert out["days"][0]["doses"][0]["units"] == [{"strength_mg": 600, "form": "tablet", "count": 0.5}]
    k = out["kidney"]
    assert (k["crcl_ml_min"], k["band"], k["max_daily_mg"], k["doses_per_day"]) == (41.3, "30-59", 1400, 2)


def test_schedule_csv_parses_back_to_the_schedule():
    r = run_cli("schedule", PHN, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    s = compute_schedule(load_example("gabapentin-phn-label-start"))
    assert len(rows) == len(s.days)
    for row, d in zip(rows, s.days):
        assert int(row["total_mg"]) == d.total_mg and row["date"] == d.date.isoformat()
        for dose in d.doses:
            assert int(row[f"{dose.slot}_mg"]) == dose.mg and row[f"{dose.slot}_time"] == dose.time


def test_check_exit_codes(tmp_path):
    assert run_cli("check", PHN).returncode == 0
    blocking = write_plan(tmp_path, {**VALID, "target_dose_mg": 4800})
    r = run_cli("check", blocking)
    assert r.returncode == 1 and "above-label-maximum" in r.stdout
    r = run_cli("check", blocking, "--format", "json")
    assert r.returncode == 1 and json.loads(r.stdout)["blocking"] is True
    assert run_cli("schedule", blocking).returncode == 1


BAD = {
    "missing file": (None, "file"),
    "malformed json": ('{"drug": "gabapentin",', "file"),
    "not an object": ("[]", "plan"),
    "wrong type": ({**VALID, "start_dose_mg": "three hundred"}, "start_dose_mg"),
    "negative number": ({**VALID, "step_days": -3}, "step_days"),
    "absurd number": ({**VALID, "target_dose_mg": 10**12}, "target_dose_mg"),
    "unknown drug": ({**VALID, "drug": "diazepam"}, "drug"),
    "impossible date": ({**VALID, "start_date": "2026-13-45"}, "start_date"),
    "unknown field": ({**VALID, "dosage": 3}, "dosage"),
    "missing field": ({k: v for k, v in VALID.items() if k != "doses_per_day"}, "doses_per_day"),
    "NaN": ('{"format_version": 1, "start_dose_mg": NaN}', "file"),
    "too long a plan": ({**VALID, "start_dose_mg": 100, "increment_mg": 1, "target_dose_mg": 3600,
                         "step_days": 365}, "increment_mg"),
    "binary": (b"\x00\x01\x02\xff", "file"),
}


@pytest.mark.parametrize("command", ["schedule", "check"])
@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gets_one_line_naming_the_field_and_exit_2(tmp_path, command, case):
    content, field = BAD[case]
    path = str(tmp_path / "nope.json")
    if isinstance(content, bytes):
        (tmp_path / "nope.json").write_bytes(content)
    elif content is not None:
        path = write_plan(tmp_path, content, "nope.json")
    r = run_cli(command, path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert f"{field}:" in lines[0]


@pytest.mark.parametrize("args", [["schedule"], ["frobnicate", PHN], ["schedule", PHN, "--format", "pdf"]])
def test_bad_arguments_exit_2_in_one_line(args):
    r = run_cli(*args)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_headless_commands_import_no_qt_or_matplotlib():
    code = ("import sys, runpy; sys.argv=['titration-planner','schedule',%r]\n"
            "from planner.cli import main\nimport contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()): main(sys.argv[1:])\n"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','matplotlib','shiboken6')]\n"
            "print(bad)" % PHN)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr
