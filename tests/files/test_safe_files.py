"""A save that fails half-way leaves the previous file whole, leaves no litter, and says so."""

import errno
import json
import os

import pytest
from conftest import make_plan
from PySide6.QtWidgets import QMessageBox

from planner.files import safefile
from planner.domain.plan import Patient
from planner.files.planfile import load_plan_file, save_plan_file
from planner.files.recovery import RecoveryStore
from planner.domain.schedule import compute_schedule
from planner.export.files import export_file

from helpers import HalfWrite




def fail_replace(*a):
    raise OSError(errno.EACCES, "Permission denied")


def fail_fsync(fd):
    raise OSError(errno.EIO, "Input/output error")


FAILURES = {
    "disk full mid-write": ("open", HalfWrite),
    "error flushing to disk": ("fsync", fail_fsync),
    "rename refused": ("replace", fail_replace),
}


def break_save(monkeypatch, how):
    name, fake = FAILURES[how]
    if name == "open":
        monkeypatch.setattr(safefile, "open", fake, raising=False)
    else:
        monkeypatch.setattr(safefile.os, name, fake)


@pytest.mark.parametrize("how", FAILURES)
def test_a_failed_save_leaves_the_previous_plan_file_whole(tmp_path, monkeypatch, how):
    path = tmp_path / "plan.json"
    save_plan_file(make_plan(patient=Patient(name="Ada")), path)
    before = path.read_bytes()
    break_save(monkeypatch, how)
    with pytest.raises(OSError):
        save_plan_file(make_plan(target_dose_mg=1800, patient=Patient(name="Ada")), path)
    assert path.read_bytes() == before
    assert load_plan_file(path).target_dose_mg == 900
    assert os.listdir(tmp_path) == ["plan.json"]  # no half-written temporary file left


@pytest.mark.parametrize("how", FAILURES)
def test_a_failed_first_save_writes_nothing(tmp_path, monkeypatch, how):
    break_save(monkeypatch, how)
    with pytest.raises(OSError):
        save_plan_file(make_plan(), tmp_path / "plan.json")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".pdf", ".csv", ".ics"])
def test_a_failed_export_leaves_the_previous_export_whole(tmp_path, monkeypatch, suffix):
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    path = tmp_path / f"plan{suffix}"
    export_file(compute_schedule(make_plan()), path)
    before = path.read_bytes()
    break_save(monkeypatch, "rename refused")
    with pytest.raises(OSError):
        export_file(compute_schedule(make_plan(target_dose_mg=1800)), path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == [path.name]


@pytest.mark.parametrize("how", FAILURES)
def test_the_window_says_the_file_on_disk_is_unchanged_and_keeps_the_work(qtbot, settings, tmp_path,
                                                                           monkeypatch, how):
    from planner.app.main_window import MainWindow

    win = MainWindow(settings=settings, recovery=RecoveryStore(tmp_path / "recovery"), autosave_ms=10)
    qtbot.addWidget(win, before_close_func=lambda w: w.setWindowModified(False))
    path = tmp_path / "plan.json"
    save_plan_file(make_plan(patient=Patient(name="Ada")), path)
    before = path.read_bytes()
    assert win.open_plan(path)
    win.form.target.setValue(1800)
    qtbot.waitUntil(lambda: win.autosaver.path is not None and win.autosaver.path.exists())

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    break_save(monkeypatch, how)
    assert not win.save()
    assert path.read_bytes() == before
    assert len(said) == 1 and "Could not save plan.json" in said[0]
    assert "plan.json on disk is unchanged" in said[0] and "nothing was lost" in said[0]
    # The edit is still on screen, still unsaved, and still in its recovery file.
    assert win.form.target.value() == 1800 and win.isWindowModified()
    assert json.loads(win.autosaver.path.read_text())["state"]["target_dose_mg"] == 1800
    assert sorted(os.listdir(tmp_path)) == ["plan.json", "recovery", "settings.ini"]


def test_a_device_a_pipe_or_a_folder_is_never_replaced_by_a_file(tmp_path):
    # Run as root, "-o /dev/null" once replaced the device with a 0600 file (issue 18's trial).
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    targets = [pipe, folder]
    if os.geteuid() == 0:  # only root may make a device node: a second /dev/null, here
        device = tmp_path / "null"
        os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))
        targets.append(device)
    schedule = compute_schedule(make_plan())
    for target in targets:
        kind = os.lstat(target).st_mode
        with pytest.raises(safefile.NotARegularFile) as refused:
            save_plan_file(make_plan(), target)
        assert str(target) in str(refused.value) and "not a regular file" in str(refused.value)
        if target.suffix:  # an export by its suffix; the device has none
            with pytest.raises(safefile.NotARegularFile):
                export_file(schedule, target, None)
        assert os.lstat(target).st_mode == kind  # still the device, pipe or folder
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets)  # no file left beside
