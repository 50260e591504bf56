"""Saving never loses someone else's work or the file's set-up, and remembered settings are
checked like typed input (issue 11, items 5 and 7)."""

from dataclasses import replace
import json
import os
import stat

import pytest
from conftest import make_plan
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from planner.files import safefile
from planner.domain.plan import Patient
from planner.files.planfile import load_plan_file, save_plan_file
from planner.app import save_guard
from planner.app.main_window import MainWindow
from planner.app.settings_store import SETTINGS, SettingsStore


def window(qtbot, settings):
    w = MainWindow(settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    return w


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "plan.json"
    save_plan_file(make_plan(patient=Patient(name="Ada")), path)
    return path


def files(folder):
    return sorted(n for n in os.listdir(folder) if n != "settings.ini")


def target_on_disk(path):
    return json.loads(path.read_text("utf-8"))["target_dose_mg"]


class Asked:
    """Answers the Save-conflict question with `answer` and records how often it came."""

    def __init__(self, monkeypatch, answer):
        self.hows = []
        monkeypatch.setattr(save_guard, "ask_conflict", lambda parent, path, how: self.hows.append(how) or answer)


# --- item 7: no lost update --------------------------------------------------------------------

@pytest.fixture
def two(qtbot, settings, plan_path):
    """Two windows on one plan file; the second has saved 1200 mg over it."""
    first, second = window(qtbot, settings), window(qtbot, settings)
    assert first.open_plan(plan_path) and second.open_plan(plan_path)
    second.form.target.setValue(1200)
    assert second.save()
    first.form.target.setValue(1800)
    return first, second


def test_saving_over_another_windows_save_asks_and_cancel_keeps_both(two, plan_path, monkeypatch):
    first, _ = two
    asked = Asked(monkeypatch, save_guard.CANCEL)
    assert not first.save()
    assert asked.hows == ["changed"]
    assert target_on_disk(plan_path) == 1200  # the other window's save is kept
    assert first.isWindowModified() and first.form.target.value() == 1800  # and ours is still here


def test_overwrite_replaces_and_then_saves_quietly(two, plan_path, monkeypatch):
    first, _ = two
    asked = Asked(monkeypatch, save_guard.OVERWRITE)
    assert first.save()
    assert target_on_disk(plan_path) == 1800 and not first.isWindowModified()
    first.form.target.setValue(2400)
    assert first.save()  # our own last save is what is on disk now: no question
    assert asked.hows == ["changed"] and target_on_disk(plan_path) == 2400


def test_reload_shows_the_disk_version_once_confirmed(two, plan_path, monkeypatch):
    first, _ = two
    Asked(monkeypatch, save_guard.RELOAD)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    assert not first.save()
    assert first.form.target.value() == 1800 and first.isWindowModified()  # not confirmed: nothing dropped
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert not first.save()
    assert first.form.target.value() == 1200 and not first.isWindowModified()
    assert target_on_disk(plan_path) == 1200


def test_save_as_keeps_both(two, plan_path, tmp_path, monkeypatch):
    first, _ = two
    Asked(monkeypatch, save_guard.SAVE_AS)
    other = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert first.save()
    assert target_on_disk(plan_path) == 1200 and target_on_disk(other) == 1800
    assert first.current_file == other


def test_another_program_writing_or_deleting_the_file_is_noticed(qtbot, settings, plan_path, monkeypatch):
    w = window(qtbot, settings)
    assert w.open_plan(plan_path)
    w.form.target.setValue(1500)
    asked = Asked(monkeypatch, save_guard.CANCEL)
    plan_path.write_text(plan_path.read_text("utf-8").replace('"Ada"', '"Ada Lovelace"'))
    assert not w.save()
    plan_path.unlink()
    assert not w.save()
    assert asked.hows == ["changed", "deleted"]
    assert not plan_path.exists()


def test_the_same_bytes_written_again_are_no_change(qtbot, settings, plan_path, monkeypatch):
    w = window(qtbot, settings)
    assert w.open_plan(plan_path)
    monkeypatch.setattr(save_guard, "ask_conflict", lambda *a: pytest.fail("asked with nothing changed"))
    data = plan_path.read_bytes()
    plan_path.unlink()
    plan_path.write_bytes(data)  # e.g. a sync tool putting back the same file
    w.form.target.setValue(1500)
    assert w.save() and target_on_disk(plan_path) == 1500


def test_the_real_conflict_question_offers_four_answers(qtbot, two, plan_path):
    first, _ = two
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        box.grab().save(str(plan_path.parent / "conflict.png"))
        next(b for b in box.buttons() if b.text().replace("&", "") == "Overwrite").click()

    QTimer.singleShot(0, answer)
    assert first.save()
    assert "plan.json was changed by another window or program" in seen["text"]
    assert sorted(seen["buttons"]) == sorted(["Reload", "Overwrite", "Save As…", "Cancel"])
    assert target_on_disk(plan_path) == 1800
    if os.environ.get("SCREENSHOT_DIR"):
        (plan_path.parent / "conflict.png").replace(os.path.join(os.environ["SCREENSHOT_DIR"], "conflict.png"))


# --- item 7: links, read-only files, modes and groups ---------------------------------------

def test_saving_writes_through_a_symbolic_link(qtbot, settings, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "real.json"
    save_plan_file(make_plan(), real)
    link = tmp_path / "plan.json"
    link.symlink_to(real)
    w = window(qtbot, settings)
    assert w.open_plan(link)
    w.form.target.setValue(1500)
    assert w.save()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert target_on_disk(real) == 1500
    assert sorted(os.listdir(shared)) == ["real.json"] and files(tmp_path) == ["plan.json", "shared"]


def test_a_read_only_file_is_not_replaced_and_save_as_is_offered(qtbot, settings, plan_path, tmp_path,
                                                                  monkeypatch):
    w = window(qtbot, settings)
    assert w.open_plan(plan_path)
    plan_path.chmod(0o444)  # no owner-write bit: read-only, even to root
    before = plan_path.read_bytes()
    w.form.target.setValue(1500)
    said = []

    def refuse(parent, path):
        said.append(path)
        return False

    monkeypatch.setattr(save_guard, "ask_save_as_read_only", refuse)
    assert not w.save()
    assert said == [plan_path] and plan_path.read_bytes() == before and w.isWindowModified()
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o444
    assert files(tmp_path) == ["plan.json"]  # no temporary file left
    # Accepting the offer saves elsewhere.
    other = tmp_path / "copy.json"
    monkeypatch.setattr(save_guard, "ask_save_as_read_only", lambda parent, path: True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert w.save()
    assert target_on_disk(other) == 1500 and plan_path.read_bytes() == before


def test_the_real_read_only_message_names_the_file(qtbot, settings, plan_path):
    w = window(qtbot, settings)
    plan_path.chmod(0o400)
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["text"] = box.text()
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        if os.environ.get("SCREENSHOT_DIR"):
            box.grab().save(os.path.join(os.environ["SCREENSHOT_DIR"], "read-only.png"))
        box.reject()

    QTimer.singleShot(0, answer)
    assert not w.write(plan_path)
    assert seen["text"] == "plan.json is read-only, so it was not changed."
    assert sorted(seen["buttons"]) == ["Cancel", "Save As…"]


def test_exports_refuse_a_read_only_file_too(tmp_path):
    out = tmp_path / "plan.csv"
    out.write_text("kept\n")
    out.chmod(0o444)
    with pytest.raises(safefile.ReadOnlyFile):
        safefile.write_bytes(out, b"new")
    assert out.read_text() == "kept\n" and os.listdir(tmp_path) == ["plan.csv"]


def test_an_existing_files_mode_and_group_are_kept(tmp_path):
    path = tmp_path / "plan.json"
    save_plan_file(make_plan(), path)
    groups = [g for g in os.getgroups() if g != path.stat().st_gid] or [path.stat().st_gid]
    os.chown(path, -1, groups[0])
    path.chmod(0o640)
    save_plan_file(make_plan(target_dose_mg=1500), path)
    st = path.stat()
    assert stat.S_IMODE(st.st_mode) == 0o640 and st.st_gid == groups[0]
    assert load_plan_file(path).target_dose_mg == 1500


def test_a_file_of_another_group_keeps_it_when_we_may_set_it(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root may give a file a group it is not in")
    path = tmp_path / "plan.json"
    save_plan_file(make_plan(), path)
    os.chown(path, 4321, 4321)  # a colleague's file in a shared folder
    path.chmod(0o660)
    save_plan_file(make_plan(target_dose_mg=1500), path)
    st = path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4321, 0o660)


def test_new_files_stay_private(tmp_path):
    old = os.umask(0)
    try:
        save_plan_file(make_plan(), tmp_path / "plan.json")
        safefile.write_bytes(tmp_path / "out.csv", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "out.csv").stat().st_mode) == 0o600


# --- item 5: remembered settings are input too ---------------------------------------------

PHONE_42 = "+44 20 7946 0000 ext. 1234 (reception desk)"[:42]
BAD_SETTINGS = """[prescriber]
phone={phone}
name="Dr A\\nNother"
[pharmacy]
name=Corner Pharmacy
[print]
paper=A5
large=maybe
[General]
recent_files=@ByteArray(not a list)
last_folder=relative/folder
[window]
geometry=@ByteArray(garbage)
splitter=not even bytes
"""


def write_settings(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_bad_remembered_settings_are_dropped_named_and_the_window_opens(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from planner.files.planfile import load_example
    from planner.app.main_window import DEFAULT_PLAN

    assert len(PHONE_42) == 42
    ini = tmp_path / "bad.ini"
    write_settings(ini, BAD_SETTINGS.format(phone=PHONE_42))
    settings = QSettings(str(ini), QSettings.IniFormat)
    assert settings.value("prescriber/name") == "Dr A\nNother"  # the file holds what we think
    w = MainWindow(settings=settings)  # today: PlanError (a traceback) before any window
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.restore_geometry()
    w.show()
    qtbot.waitUntil(lambda: w.settings_notice is not None)

    # The default plan, with the one good remembered value.
    clean = QSettings(str(tmp_path / "clean.ini"), QSettings.IniFormat)
    clean.setValue("pharmacy/name", "Corner Pharmacy")
    reference = window(qtbot, clean)
    # Each new plan has an identity of its own (plan_id); everything else is the same.
    assert replace(w.plan, plan_id=None) == replace(reference.plan, plan_id=None) and w.schedule is not None
    assert w.plan.pharmacy.name == "Corner Pharmacy" and w.plan.prescriber == load_example(DEFAULT_PLAN).prescriber
    assert w.paper_group.checkedAction().data() in ("A4", "Letter") and not w.large_print_action.isChecked()
    assert w.recent_files() == []

    # The bad values are gone from the file; the good one stays.
    settings.sync()
    left = QSettings(str(ini), QSettings.IniFormat)
    assert sorted(left.allKeys()) == ["pharmacy/name"]

    # One message names each setting and says why.
    box = w.settings_notice
    text = box.text() + "\n" + box.informativeText()
    for words in ("Prescriber phone (remembered): is longer than 40 characters",
                  "Prescriber (remembered): must be a single line of text",
                  'Paper size: must be A4 or Letter; got "A5"',
                  "Large print: must be true or false",
                  "Recent plans: must be a list of file paths; got binary data",
                  "Last folder used: is not a usable path",
                  "Window size and place: is not a window layout this program saved",
                  "Window layout: must be binary data saved by the program"):
        assert words in text, text
    assert not box.isModal() and box.isVisible()
    assert "remembered settings were reset" in w.statusBar().currentMessage()
    if os.environ.get("SCREENSHOT_DIR"):
        box.grab().save(os.path.join(os.environ["SCREENSHOT_DIR"], "settings-notice.png"))


def test_an_invalid_typed_value_is_not_remembered(win, qtbot, settings):
    qtbot.keyClicks(win.form.prescriber_phone, "0" * 41)
    qtbot.keyClicks(win.form.pharmacy_phone, "01632 960000")
    assert [f for f, _ in win.input_errors] == ["prescriber.phone"]
    assert not settings.contains("prescriber/phone")
    assert settings.value("pharmacy/phone") == "01632 960000"


def test_good_settings_are_used_and_kept(qtbot, settings, tmp_path):
    recent = [str(tmp_path / "a.json"), str(tmp_path / "b.json")]
    first = window(qtbot, settings)
    settings.setValue("prescriber/phone", "01632 960001")
    settings.setValue("print/paper", "Letter")
    settings.setValue("print/large", True)
    settings.setValue("recent_files", recent)
    settings.setValue("last_folder", str(tmp_path))
    first.resize(900, 700)
    settings.setValue("window/geometry", first.saveGeometry())
    settings.setValue("window/splitter", first.splitter.saveState())
    settings.sync()
    w = window(qtbot, settings)
    w.restore_geometry()
    assert w.form.state()["prescriber"]["phone"] == "01632 960001"
    assert w.paper_group.checkedAction().data() == "Letter" and w.large_print_action.isChecked()
    assert w.recent_files() == recent and w.last_folder() == str(tmp_path)
    assert w.remembered.problems == [] and w.settings_notice is None
    assert len(settings.allKeys()) == 7


def test_the_program_starts_with_a_remembered_42_character_phone(tmp_path):
    """The real start-up, as the clinician's desktop runs it (today: a traceback, exit 1)."""
    import subprocess
    import sys

    config = tmp_path / "config"
    write_settings(config / "TitrationPlanner" / "Titration Planner.conf",
                   f"[prescriber]\nphone={PHONE_42}\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
           "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_RUNTIME_DIR": str(tmp_path / "runtime")}
    (tmp_path / "runtime").mkdir(mode=0o700)
    out = tmp_path / "out.png"
    r = subprocess.run([sys.executable, "-m", "planner", "--screenshot", str(out)], env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    conf = (config / "TitrationPlanner" / "Titration Planner.conf").read_text()
    assert PHONE_42 not in conf  # dropped, so the next start is clean too


# --- item 5: fuzzed settings ------------------------------------------------------------------

# Any value QSettings can hold (a Python int beyond 64 bits cannot even be stored).
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False),
    st.text(max_size=60), st.sampled_from(["A4", "Letter", "true", "false", "/tmp", "/tmp/a.json", "0" * 41]),
    st.lists(st.one_of(st.text(max_size=20), st.integers(-2**63, 2**63 - 1)), max_size=4),
    st.binary(max_size=64),
)
# As a hand-edited or foreign settings file holds them: QSettings' own @-notations included.
RAW = st.tuples(st.sampled_from(["", "@ByteArray(", "@Variant(", "@Invalid(", "@Rect(", "@Size(", "\""]),
                st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40),
                st.sampled_from(["", ")", "\""])).map("".join)


def opens_and_leaves_only_good_values(qtbot, settings):
    w = MainWindow(settings=settings)
    w.restore_geometry()
    w.show()
    assert w.plan is not None and w.schedule is not None  # the default plan, usable
    # What is left in the settings passes every check: the next start is quiet.
    again = SettingsStore(settings)
    again.check_all()
    again.restore_geometry(w, w.splitter)
    assert again.problems == []
    w.close()
    w.deleteLater()  # many examples: do not keep every window until the test ends


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({}, optional={k: VALUES for k in SETTINGS}))
def test_any_settings_values_the_window_opens(qtbot, tmp_path, values):
    from PySide6.QtCore import QByteArray, QSettings

    ini = tmp_path / f"fuzz-{len(os.listdir(tmp_path))}.ini"
    s = QSettings(str(ini), QSettings.IniFormat)
    for key, value in values.items():
        s.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)
    s.sync()
    # Read back from the file too: what the next start sees.
    opens_and_leaves_only_good_values(qtbot, s)
    opens_and_leaves_only_good_values(qtbot, QSettings(str(ini), QSettings.IniFormat))


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.fixed_dictionaries({}, optional={k: RAW for k in SETTINGS}))
def test_any_settings_file_the_window_opens(qtbot, tmp_path, lines):
    from PySide6.QtCore import QSettings

    ini = tmp_path / f"raw-{len(os.listdir(tmp_path))}.ini"
    text = "".join(f"[{k.split('/')[0] if '/' in k else 'General'}]\n{k.split('/')[-1]}={v}\n"
                   for k, v in lines.items())
    ini.write_text(text, "utf-8")
    opens_and_leaves_only_good_values(qtbot, QSettings(str(ini), QSettings.IniFormat))


def test_a_plan_restored_after_a_crash_asks_before_saving_over_its_file(qtbot, settings, plan_path, tmp_path,
                                                                        monkeypatch):
    from planner.files.recovery import Recovered, RecoveryStore

    w = MainWindow(settings=settings, recovery=RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    state = {**w.form.state(), "target_dose_mg": 1500}
    w.restore(Recovered(tmp_path / "old.json", None, plan_path, state, None))
    asked = Asked(monkeypatch, save_guard.CANCEL)
    assert not w.save()
    assert asked.hows == ["unknown"] and target_on_disk(plan_path) == 900  # we never saw what is on disk
    Asked(monkeypatch, save_guard.OVERWRITE)
    assert w.save() and target_on_disk(plan_path) == 1500
