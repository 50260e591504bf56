"""One export path: a format registered once is written by export_file and the command line
through the same verified write (rendered, read back from disk, checked, then renamed), and
refused when its check fails, with no other change anywhere."""

from __future__ import annotations

import os

import pytest
from conftest import make_plan

from planner import cli
from planner.domain.schedule import compute_schedule
from planner.export import registry
from planner.export.files import export_file
from planner.export.registry import ExportFormat, format_for
from planner.files.planfile import save_plan_file


def _render_days(schedule, options):
    text = "".join(f"{d.date.isoformat()} {d.total_mg}\n" for d in schedule.days)
    return text.encode("utf-8"), len(schedule.days)


def _check_days(data, schedule, count):
    lines = data.decode("utf-8").splitlines()
    if len(lines) != count or any(not line.endswith(f" {d.total_mg}") for line, d in zip(lines, schedule.days)):
        raise ValueError("the day list does not hold the plan")


@pytest.fixture
def days_format(monkeypatch):
    """A new format, registered only for this test."""
    seen = []

    def check(data, schedule, count):
        seen.append((data, sorted(os.listdir(os.environ["DAYS_FOLDER"]))))
        _check_days(data, schedule, count)

    fmt = ExportFormat("days", ".days", "export.filter.csv", "export.count.rows", _render_days, check)
    monkeypatch.setattr(registry, "FORMATS", dict(registry.FORMATS))
    registry.register(fmt)
    return fmt, seen


def test_a_registered_format_is_found_by_its_suffix_and_unknown_ones_are_named(days_format):
    fmt, _ = days_format
    assert format_for("plan.DAYS") is fmt
    with pytest.raises(ValueError, match=r"'\.txt'.*\.pdf, \.csv, \.ics, \.fhir\.json, \.days"):
        format_for("plan.txt")


def test_a_new_format_is_written_through_the_verified_write(tmp_path, monkeypatch, days_format):
    fmt, seen = days_format
    monkeypatch.setenv("DAYS_FOLDER", str(tmp_path))
    schedule = compute_schedule(make_plan(target_dose_mg=900))
    path = tmp_path / "plan.days"
    what = export_file(schedule, path)
    assert what == f"{len(schedule.days)} rows"
    assert path.read_bytes() == _render_days(schedule, None)[0]
    # Checked once, on the temporary file read back, before the target existed.
    (data, listing), = seen
    assert data == path.read_bytes() and path.name not in listing and len(listing) == 1
    assert (path.stat().st_mode & 0o777) == 0o600


def test_a_new_format_whose_check_fails_is_refused_and_the_old_file_kept(tmp_path, monkeypatch, days_format):
    fmt, _ = days_format
    monkeypatch.setenv("DAYS_FOLDER", str(tmp_path))
    path = tmp_path / "plan.days"
    path.write_bytes(b"the export made before\n")
    wrong = ExportFormat(fmt.name, fmt.suffix, fmt.description_id, fmt.count_id,
                         lambda s, o: (_render_days(s, o)[0].replace(b" 300\n", b" 3000\n", 1), len(s.days)),
                         fmt.check)
    registry.register(wrong)
    with pytest.raises(ValueError, match="failed its check: the day list does not hold the plan"):
        export_file(compute_schedule(make_plan(target_dose_mg=900)), path)
    assert path.read_bytes() == b"the export made before\n"
    assert os.listdir(tmp_path) == ["plan.days"]


def test_the_command_line_writes_a_new_format_by_its_suffix(tmp_path, monkeypatch, capsys, days_format):
    fmt, seen = days_format
    monkeypatch.setenv("DAYS_FOLDER", str(tmp_path))
    plan = tmp_path / "plan.json"
    save_plan_file(make_plan(target_dose_mg=900), plan)
    out = tmp_path / "plan.days"
    assert cli.main(["export", str(plan), "-o", str(out)]) == 0
    days = len(compute_schedule(make_plan(target_dose_mg=900)).days)
    assert capsys.readouterr().out == f"wrote {out} ({days} rows)\n"
    assert len(seen) == 1 and out.read_bytes() == seen[0][0]


def test_every_export_refuses_an_unexportable_schedule_before_writing(tmp_path):
    from decimal import Decimal

    from planner.domain.plan import KidneyInput

    schedule = compute_schedule(make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(20))))
    assert schedule.unresolved_blocking
    for suffix in registry.FORMATS:
        with pytest.raises(ValueError, match="blocking problems with no recorded override"):
            export_file(schedule, tmp_path / f"plan{suffix}")
    assert os.listdir(tmp_path) == []
