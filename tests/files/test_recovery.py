"""Autosave and recovery: unsaved work survives a crash, and leaves no copy once saved or discarded."""

import json
import os
import queue
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.files import recovery
from planner.files.planfile import example_names, load_example, plan_to_dict
from planner.files.recovery import RecoveryStore, check_form_state

TESTS = Path(__file__).parent.parent


def died(store: RecoveryStore, state: dict, source: str | None = None) -> Path:
    """A recovery file as a window leaves it when its process is killed: written, and its
    lock no longer held (closing the descriptor is what the kernel does on death)."""
    session = store.start_session()
    session.write(state, Path(source) if source else None)
    os.close(session._lock_fd)
    return session.path


def form_state(**changes) -> dict:
    d = plan_to_dict(load_example("gabapentin-phn-default"))
    d["strengths_mg"] = [100, 300, 400, 600, 800]  # as the form writes it: every strength listed
    d.update(changes)
    return d


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# --- the recovery folder, without Qt ---------------------------------------------------------

def test_a_running_windows_file_is_never_offered_and_a_dead_ones_is(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    alive = store.start_session()
    alive.write(form_state(), None)
    assert RecoveryStore(store.directory).orphans() == []  # its lock is held

    path = died(store, form_state(patient={"name": "Ada"}), "/plans/ada.json")
    [r] = RecoveryStore(store.directory).orphans()
    assert r.path == path and r.problem is None
    assert r.patient == "Ada" and r.source_file == Path("/plans/ada.json")
    assert r.state["patient"] == {"name": "Ada"}
    # While one start is offering it, a second start does not offer it too.
    assert RecoveryStore(store.directory).orphans() == []
    recovery.release(r)
    assert len(RecoveryStore(store.directory).orphans()) == 1


def test_files_are_for_the_user_alone(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    session = store.start_session()
    session.write(form_state(patient={"name": "Ada"}), None)
    assert stat.S_IMODE(os.stat(store.directory).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(session.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(session.lock_path).st_mode) == 0o600


def test_discard_removes_the_file_and_its_lock(tmp_path):
    store = RecoveryStore(tmp_path)
    died(store, form_state())
    [r] = store.orphans()
    store.discard(r)
    assert names(tmp_path) == [] and store.orphans() == []


def test_newest_first_and_lone_locks_swept(tmp_path):
    store = RecoveryStore(tmp_path)
    old = died(store, form_state(patient={"name": "Old"}))
    died(store, form_state(patient={"name": "New"}))
    doc = json.loads(old.read_text())
    doc["saved_at"] = "2020-01-01T09:00:00+00:00"
    old.write_text(json.dumps(doc))
    (tmp_path / "deadbeef.lock").write_text("")  # a window killed before its first autosave
    assert [r.patient for r in store.orphans()] == ["New", "Old"]
    assert not (tmp_path / "deadbeef.lock").exists()


@pytest.mark.parametrize("content, why", [
    (b'{"titration_planner_recovery": 1, "state": {"drug": "gabap', "damaged or truncated"),
    (b"\x00\xff\xfe binary", "damaged or truncated"),
    (b"[" * 100_000, "damaged or truncated"),
    (b" " * 1_000_001, "far too large"),
    (b'{"format_version": 1, "drug": "gabapentin"}', "not a recovery file"),
    (b'{"titration_planner_recovery": 2, "state": {}}', "not a recovery file"),
    (b'{"titration_planner_recovery": 1, "state": {"kind": "start", "drug": "gabapentin"}}', "start_date is missing"),
    (b'{"titration_planner_recovery": 1, "state": {"drug": "gabapentin"}}', "kind is missing"),
    (b'{"titration_planner_recovery": 1, "state": []}', "no form"),
])
def test_a_damaged_file_is_reported_not_restored(tmp_path, content, why):
    store = RecoveryStore(tmp_path)
    path = died(store, form_state())
    path.write_bytes(content)
    [r] = store.orphans()
    assert r.state is None and why in r.problem


def test_every_form_the_window_writes_has_the_shape_it_reads():
    for name in example_names():
        assert check_form_state(plan_to_dict(load_example(name))) is None, name


@pytest.mark.parametrize("change, field", [
    ({"start_dose_mg": ["300"]}, "start_dose_mg"),
    ({"start_dose_mg": True}, "start_dose_mg"),
    ({"strengths_mg": [300, "x"]}, "strengths_mg"),
    ({"taper": {"step_mg": 300}}, "taper"),
    ({"kidney": {"age_years": 70, "sex": "x", "weight_kg": 60, "serum_creatinine_mg_dl": 1}}, "kidney.sex"),
    ({"kidney": {"crcl_ml_min": None}}, "kidney.crcl_ml_min"),
    ({"patient": {"name": ["Ada"]}}, "patient"),
    ({"overrides": [{"code": "x"}]}, "overrides"),
])
def test_shape_check_names_the_field(change, field):
    assert field in check_form_state(form_state(**change))


# --- the window ------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def awin(qtbot, settings, store):
    """A window that autosaves into its own folder, 50 ms after an edit."""
    from planner.app.main_window import MainWindow

    w = MainWindow(settings=settings, recovery=store, autosave_ms=50)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    return w


def autosaved(qtbot, w) -> dict:
    qtbot.waitUntil(lambda: w.autosaver.path is not None and w.autosaver.path.exists(), timeout=3000)
    return json.loads(w.autosaver.path.read_text(encoding="utf-8"))


def test_an_edit_is_autosaved_within_the_interval(qtbot, awin):
    assert names(awin.autosaver.store.directory) == []  # nothing unsaved yet
    awin.form.target.setValue(1500)
    qtbot.keyClicks(awin.form.patient_name, "Ada")
    doc = autosaved(qtbot, awin)
    assert doc["state"] == awin.form.state()
    assert doc["state"]["target_dose_mg"] == 1500 and doc["state"]["patient"]["name"] == "Ada"
    assert stat.S_IMODE(os.stat(awin.autosaver.path).st_mode) == 0o600
    # Later edits replace it.
    awin.form.target.setValue(1200)
    qtbot.waitUntil(lambda: json.loads(awin.autosaver.path.read_text())["state"]["target_dose_mg"] == 1200)


def test_a_half_typed_invalid_plan_is_autosaved_too(qtbot, awin):
    awin.form.step_days.setValue(0)  # not a plan the core accepts
    assert awin.schedule is None
    assert autosaved(qtbot, awin)["state"]["step_days"] == 0


def test_a_clean_save_removes_the_recovery_file(qtbot, awin, tmp_path):
    awin.form.target.setValue(1500)
    path = autosaved(qtbot, awin) and awin.autosaver.path
    assert awin.write(tmp_path / "plan.json")
    assert not path.exists()
    # And a later edit starts a new one.
    awin.form.target.setValue(1200)
    autosaved(qtbot, awin)


def test_undo_back_to_the_saved_plan_removes_it(qtbot, awin):
    awin.form.target.setValue(1500)
    path = autosaved(qtbot, awin) and awin.autosaver.path
    awin.undo_action.trigger()
    assert not awin.isWindowModified() and not path.exists()


def test_a_deliberate_discard_removes_it(qtbot, awin, monkeypatch):
    awin.form.target.setValue(1500)
    path = autosaved(qtbot, awin) and awin.autosaver.path
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    awin.new_plan()
    assert not path.exists()
    qtbot.wait(150)  # no late autosave brings it back
    assert not path.exists()


def test_cancel_keeps_it(qtbot, awin, monkeypatch):
    awin.form.target.setValue(1500)
    path = autosaved(qtbot, awin) and awin.autosaver.path
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Cancel)
    assert not awin.close()
    assert path.exists()


def test_a_clean_close_leaves_nothing(qtbot, awin, store):
    awin.form.target.setValue(1500)
    autosaved(qtbot, awin)
    awin.undo_action.trigger()
    assert awin.close()
    assert names(store.directory) == []


def test_a_failed_autosave_says_so_and_retries(qtbot, awin, monkeypatch):
    real = recovery.write_bytes

    def full(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_bytes", full)
    awin.form.target.setValue(1500)
    qtbot.waitUntil(lambda: "Autosave failed: No space left on device" in awin.statusBar().currentMessage())
    assert awin.form.target.value() == 1500  # the plan on screen is untouched
    monkeypatch.setattr(recovery, "write_bytes", real)
    assert autosaved(qtbot, awin)["state"]["target_dose_mg"] == 1500
    assert awin.statusBar().currentMessage() == ""


def test_restore_puts_the_plan_back_as_unsaved_work(qtbot, awin, store, monkeypatch):
    state = form_state(target_dose_mg=1500, patient={"name": "Ada"})
    old = died(store, state, "/plans/ada.json")
    asked = []
    monkeypatch.setattr(type(awin), "_ask_restore", lambda self, r: asked.append(r.patient) or "restore")
    assert awin.offer_recovery()
    assert asked == ["Ada"]
    assert awin.form.state() == state
    assert awin.schedule is not None and awin.schedule.days[-1].total_mg == 1500
    assert awin.isWindowModified() and awin.windowTitle().startswith("ada.json[*]")
    assert awin.current_file == Path("/plans/ada.json")
    # The window's own autosave holds it now, and the dead window's file is gone.
    assert not old.exists()
    assert json.loads(awin.autosaver.path.read_text())["state"] == awin.form.state()
    assert store.orphans() == []


def test_discard_deletes_and_not_now_keeps(qtbot, awin, store, monkeypatch):
    before = awin.form.state()
    died(store, form_state(patient={"name": "Kept"}))
    monkeypatch.setattr(type(awin), "_ask_restore", lambda self, r: "later")
    assert not awin.offer_recovery()
    assert awin.form.state() == before
    monkeypatch.setattr(type(awin), "_ask_restore", lambda self, r: "discard")
    assert not awin.offer_recovery()
    assert awin.form.state() == before and names(store.directory) == []


def test_the_real_offer_names_the_patient_and_restores(qtbot, awin, store):
    died(store, form_state(target_dose_mg=1200, patient={"name": "Ada"}), "/plans/ada.json")
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return qtbot.wait(20) or answer()
        seen["text"] = box.text() + " " + box.informativeText()
        next(b for b in box.buttons() if b.text() == "&Restore").click()

    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, answer)
    assert awin.offer_recovery()
    assert "did not close properly" in seen["text"] and "for Ada" in seen["text"] and "ada.json" in seen["text"]
    assert awin.form.target.value() == 1200


def test_a_damaged_file_is_explained_and_kept_unless_deleted(qtbot, awin, store, monkeypatch):
    path = died(store, form_state())
    path.write_bytes(b"{ truncated")
    shown = []
    monkeypatch.setattr(type(awin), "_ask_damaged", lambda self, r: shown.append(r.problem) or "later")
    before = awin.form.state()
    assert not awin.offer_recovery()
    assert "damaged or truncated" in shown[0] and path.exists() and awin.form.state() == before
    monkeypatch.setattr(type(awin), "_ask_damaged", lambda self, r: "discard")
    awin.offer_recovery()
    assert not path.exists()


# --- a real crash ----------------------------------------------------------------------------

def driver(tmp_path, *args):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONFAULTHANDLER": "1",  # a crash on exit shows where
        "XDG_DATA_HOME": str(tmp_path / "data"),  # the application's data folder lives here
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "HOME": str(tmp_path / "home"),
    }
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    return subprocess.Popen([sys.executable, str(TESTS / "crash_driver.py"), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Reports:
    """The driver's JSON report lines, read in a thread so a silent app cannot hang the test."""

    def __init__(self, proc) -> None:
        self.proc, self.lines = proc, queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def until(self, key: str, timeout: float = 60) -> dict:
        got = {}
        end = time.monotonic() + timeout
        while key not in got:
            try:
                line = self.lines.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                self.proc.kill()
                pytest.fail(f"no {key!r} from the app within {timeout} s; got {got}")
            if line is None:
                pytest.fail(f"the app ended before {key!r}; got {got}; stderr: {self.proc.stderr.read()}")
            if line.startswith("{"):
                got.update(json.loads(line))
        return got


def test_kill_9_then_the_next_start_offers_the_plan_back(tmp_path):
    # The real application, edited, then killed with no chance to clean up.
    app = driver(tmp_path, "edit")
    got = Reports(app).until("autosaved")
    assert got["modified"]
    folder = Path(got["folder"])
    assert folder.is_relative_to(tmp_path / "data")  # the application's data folder
    app.send_signal(signal.SIGKILL)
    app.wait(10)
    assert app.returncode == -signal.SIGKILL
    assert Path(got["autosaved"]).exists()

    # The next start offers it; Restore brings the edits back as unsaved work.
    out = tmp_path / "saved.json"
    app = driver(tmp_path, "restore", str(out))
    reports = Reports(app)
    got = reports.until("files")
    own = got["own"]
    assert "did not close properly" in got["offer"] and "Ada Crash-Test" in got["offer"]
    assert got["state"]["patient"]["name"] == "Ada Crash-Test"
    assert got["state"]["target_dose_mg"] == 1500
    assert got["modified"] and got["title"].startswith("Untitled plan[*]")
    assert got["files"] == sorted([own, own.replace(".json", ".lock")])  # the old one is gone
    # A clean save, then a clean quit: no recovery file is left.
    got = reports.until("saved")
    assert got["saved"] and got["files"] == [own.replace(".json", ".lock")]
    assert app.wait(30) == 0, app.stderr.read()
    assert names(folder) == []
    assert json.loads(out.read_text())["patient"]["name"] == "Ada Crash-Test"


def test_discard_then_a_failed_open_keeps_the_recovery_file(qtbot, awin, monkeypatch, tmp_path):
    awin.form.target.setValue(1500)
    path = autosaved(qtbot, awin) and awin.autosaver.path
    bad = tmp_path / "bad.json"
    bad.write_text("{ truncated")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    assert not awin.open_plan(bad)
    # The plan is still on screen and unsaved, so its copy stays.
    assert awin.form.target.value() == 1500 and awin.isWindowModified() and path.exists()


def test_quitting_while_the_printout_still_loads_exits_cleanly(tmp_path):
    # Python must not tear down under the warm-up thread importing matplotlib (it aborted or crashed).
    running = []
    for _ in range(3):
        app = driver(tmp_path, "quit")
        running.append(Reports(app).until("warm_up_running")["warm_up_running"])
        assert app.wait(60) == 0, app.stderr.read()
    assert any(running)  # the window really closed while the thread was importing
