"""Recovery never crashes: a damaged recovery file is offered as damaged (keep or delete)
and never restored half-way; the recovery folder is owner-only whatever the umask, and a
file anyone could have written is never offered. Issue 11, item 11."""

import json
import math
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.files.formstate import check_form_state, lost_in_form
from planner.files.planfile import example_names, load_example, plan_to_dict
from planner.files.recovery import RecoveryStore, UnsafeFolder

OTHER_UID = 12345


def form_state(**changes) -> dict:
    d = plan_to_dict(load_example("gabapentin-phn-default"))
    d["strengths_mg"] = [100, 300, 400, 600, 800]  # as the form writes it: every strength listed
    d.update(changes)
    return d


def died(store: RecoveryStore, state, source: str | None = None) -> Path:
    """A recovery file as a killed window leaves it: written, its lock no longer held."""
    session = store.start_session()
    session.write(state, Path(source) if source else None)
    os.close(session._lock_fd)
    return session.path


def kidney(**k) -> dict:
    return form_state(kidney=k)


# --- the check, when the file is read --------------------------------------------------------

@pytest.mark.parametrize("state, words", [
    (form_state(drug="aspirin"), ['drug is "aspirin"', "does not know"]),
    (form_state(indication="migraine"), ['indication is "migraine"', "not an indication of"]),
    (form_state(strengths_mg=[100, 250]), ["strengths_mg[1] is 250 mg", "not made in"]),
    (form_state(strengths_mg=[300, 300]), ["strengths_mg[1]", "twice"]),
    (form_state(start_dose_mg=float("nan")), ["start_dose_mg must be a finite number"]),
    (form_state(target_dose_mg=float("inf")), ["target_dose_mg must be a finite number"]),
    (form_state(step_days=True), ["step_days must be a number; got true"]),
    (form_state(doses_per_day=[3]), ['doses_per_day must be a number; got a list']),
    (form_state(doses_per_day="3" * 61), ['doses_per_day is longer than the 60 characters']),
    (form_state(start_date="2027-02-30"), ["start_date is 2027-02-30", "not a real date"]),
    (form_state(start_date="15/03/2027"), ["start_date must be a date written YYYY-MM-DD"]),
    (form_state(slot_times={"morning": "08:00", "midday": "12:00", "evening": "18:00"}), ["slot_times.bedtime"]),
    (form_state(slot_times={"morning": "8:00", "midday": "12:00", "evening": "18:00", "bedtime": "22:00"}),
     ["slot_times.morning must be a clock time written HH:MM"]),
    (form_state(slot_fill="sometimes"), ["slot_fill must be one of grow, all"]),
    (form_state(larger_dose_order=["morning", "morning", "evening", "bedtime"]), ["larger_dose_order"]),
    (form_state(dose_colour="blue"), ["dose_colour is not a field of the form"]),
    (form_state(format_version=4), ["format_version must be 3"]),
    (form_state(taper={"step_mg": 100, "step_percent": 10, "step_days": 7}), ["taper has both"]),
    (form_state(taper={"step_mg": 100, "step_days": 7, "every": 2}), ["taper.every is not a field"]),
    (kidney(crcl_ml_min=50, haemodialysis="yes"), ["kidney.haemodialysis must be true or false"]),
    (kidney(crcl_ml_min=50, age_years=70), ["kidney.age_years is given with kidney.crcl_ml_min"]),
    (kidney(age_years=70, sex="male", weight_kg=70), ["kidney.serum_creatinine_mg_dl is missing"]),
    (kidney(age_years=70, sex="M", weight_kg=70, serum_creatinine_mg_dl=1), ["kidney.sex must be one of"]),
    (form_state(patient={"name": "Ada\nLovelace"}), ["patient.name must be a single line"]),
    (form_state(patient={"name": "x" * 251}), ["patient.name is longer than the 250 characters"]),
    (form_state(patient={"name": "Ada\ud800"}), ["patient.name is not valid text"]),
    (form_state(patient={"name": "Ada", "blood_group": "0"}), ["patient.blood_group is not a field"]),
    (form_state(prescriber={"phone": 5551234}), ["prescriber.phone must be text; got 5551234"]),
    (form_state(overrides=[{"code": "max-dose", "reason": "ok", "by": "me"}]), ["overrides[0].by is not a field"]),
    (form_state(overrides=[{"code": "max-dose", "reason": ""}]), ["overrides[0].reason is empty"]),
    (form_state(overrides=[{"code": "max-dose", "reason": "ok", "value": [1]}]),
     ["overrides[0].value must be a number; got a list"]),
    (form_state(plan_id=7), ["plan_id must be text"]),
])
def test_a_file_the_form_cannot_hold_is_offered_as_damaged_naming_what_is_wrong(tmp_path, state, words):
    store = RecoveryStore(tmp_path / "recovery")
    write_doc(store, state)
    [r] = store.orphans()
    assert r.state is None and r.problem.startswith("its plan is damaged: ")
    for w in words:
        assert w in r.problem, r.problem


def test_an_integer_too_long_to_read_or_mixed_time_zones_do_not_stop_the_offer(tmp_path):
    # Before: json's 4300-digit limit raised ValueError, and naive and aware saved_at
    # times could not be sorted: orphans() raised, and no window could start its offer.
    store = RecoveryStore(tmp_path / "recovery")
    huge = died(store, form_state())
    huge.write_text(huge.read_text().replace('"start_dose_mg": 300', '"start_dose_mg": ' + "9" * 5000))
    naive, aware = died(store, form_state()), died(store, form_state())
    for path, when in ((naive, "2026-11-30T09:00:00"), (aware, "2026-11-30T10:00:00+00:00")):
        doc = json.loads(path.read_text())
        doc["saved_at"] = when
        path.write_text(json.dumps(doc))
    found = store.orphans()
    assert len(found) == 3
    assert [r.path for r in found if r.problem] == [huge]
    assert "not a readable recovery file" in found[-1].problem


@pytest.mark.parametrize("change, words", [
    ({"source_file": "plans/relative.json"}, "not a usable file name"),
    ({"source_file": "/plans/a\x00b.json"}, "not a usable file name"),
    ({"saved_at": "yesterday"}, "the time it was saved"),
    ({"titration_planner_recovery": True}, "not a recovery file"),
    ({"note": "x"}, '"note", which is not part of a recovery file'),
])
def test_the_rest_of_the_file_is_checked_too(tmp_path, change, words):
    store = RecoveryStore(tmp_path / "recovery")
    path = died(store, form_state())
    path.write_text(json.dumps({**json.loads(path.read_text()), **change}))
    [r] = store.orphans()
    assert r.state is None and words in r.problem


@pytest.mark.parametrize("state", [
    form_state(start_dose_mg=100000000000),  # out of range: the core says so once it is on screen
    kidney(crcl_ml_min=1e11),
    kidney(crcl_ml_min=-5, haemodialysis=True),
    kidney(age_years=78.5, sex="female", weight_kg=62.35, serum_creatinine_umol_l=1.234),
    form_state(start_dose_mg=300.5, step_days=0, doses_per_day=9, maintenance_days=-1),
    form_state(taper={"step_percent": 12.25, "step_days": 7}),
    form_state(strengths_mg=[]),
    form_state(start_date="1800-01-01"),
    form_state(patient={"name": "x" * 201, "date_of_birth": "1950-0"}),  # too long for a plan, not the form
    form_state(prescriber={"phone": "0" * 42}),
    form_state(plan_id="0b6a5b3e-53b5-4a57-9d0e-0f5f3c9b1d2a"),  # from the other items of issue 11
    form_state(overrides=[{"code": "max-dose", "reason": "palliative", "value": 3600},
                          {"code": "kidney-dose", "reason": "seen by nephrology", "value": "30 mL/min"}]),
])
def test_half_typed_and_out_of_range_values_are_a_form_not_damage(state):
    assert check_form_state(state) is None


def test_every_form_the_window_writes_passes(qtbot):
    from planner.app.form import PlanForm

    form = PlanForm()
    qtbot.addWidget(form)
    for name in example_names():
        form.set_state(plan_to_dict(load_example(name)))
        assert check_form_state(form.state()) is None, name


# --- restore in the window: all or nothing ---------------------------------------------------

@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def awin(qtbot, settings, store):
    from planner.app.main_window import MainWindow

    w = MainWindow(settings=settings, recovery=store, autosave_ms=50)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    return w


def answers(monkeypatch, awin, restore="restore", damaged="later") -> list:
    """Answer the recovery questions without a box; returns the damaged files' problems."""
    seen = []
    monkeypatch.setattr(type(awin), "_ask_restore", lambda self, r: restore)
    monkeypatch.setattr(type(awin), "_ask_damaged", lambda self, r: seen.append(r.problem) or damaged)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Discard)
    return seen


def test_an_unknown_drug_is_offered_as_damaged_and_nothing_changes(qtbot, awin, store, monkeypatch):
    # Before: Restore stopped half-way with a traceback (the form was left half-set).
    path = died(store, form_state(drug="aspirin", target_dose_mg=1500))
    seen = answers(monkeypatch, awin)
    before = awin.form.state()
    assert not awin.offer_recovery()
    assert len(seen) == 1 and 'drug is "aspirin"' in seen[0]
    assert awin.form.state() == before and path.exists()  # "Keep": asked again next time


def test_set_state_failing_half_way_puts_the_form_back(qtbot, awin, store, monkeypatch):
    # Defence in depth: a file the check let through and the form still cannot take.
    died(store, form_state(target_dose_mg=1500, patient={"name": "Ada"}))
    seen = answers(monkeypatch, awin, damaged="later")
    real = awin.form.patient_name.setText

    def refuse(text):  # the form's last field fails, after the doses are already set
        if text == "Ada":
            raise RuntimeError("widget gone")
        real(text)

    monkeypatch.setattr(awin.form.patient_name, "setText", refuse)
    before = awin.form.state()
    assert not awin.offer_recovery()
    assert awin.form.state() == before and awin.form.target.value() != 1500
    assert len(seen) == 1 and "the form could not take one of its plan's values" in seen[0]
    assert not awin.isWindowModified() and awin.schedule is not None


def test_a_form_that_would_change_a_value_restores_nothing(qtbot, awin, store, monkeypatch):
    # A field that clamps or rounds (as a spin box did with CrCl 1e11 -> 10000) is caught.
    from planner.app.form import PlanForm

    died(store, form_state(target_dose_mg=1500))
    seen = answers(monkeypatch, awin)
    real = PlanForm.set_state

    def clamping(self, d):
        real(self, d)
        if self.target.value() == 1500:  # this form's field holds no more than 1200
            self.target.setValue(1200)

    monkeypatch.setattr(PlanForm, "set_state", clamping)
    before = awin.form.state()
    assert not awin.offer_recovery()
    assert awin.form.state() == before
    assert "cannot show exactly: target_dose_mg = 1500" in seen[0]


@pytest.mark.parametrize("state, field, value", [
    (kidney(crcl_ml_min=1e11), "kidney.crcl_ml_min", 1e11),
    (form_state(start_dose_mg=100000000000), "start_dose_mg", 100000000000),
    (form_state(taper={"step_percent": 12.25, "step_days": 7}), "taper.step_percent", 12.25),
])
def test_a_value_is_restored_exactly_or_not_at_all(qtbot, awin, store, monkeypatch, state, field, value):
    # Before: CrCl 1e11 came back as 10000 without a word; 1e11 as a start dose crashed.
    died(store, state)
    seen = answers(monkeypatch, awin)
    before = awin.form.state()
    restored = awin.offer_recovery()
    shown = awin.form.state()
    if restored:
        assert lost_in_form(state, shown) == []
    else:  # named, or (a widget that raised) said to be a value the form could not take
        assert shown == before and len(seen) == 1
        assert field in seen[0] or "the form could not take one of its plan's values" in seen[0]


@pytest.mark.parametrize("state, field, got", [
    (kidney(crcl_ml_min=1e11), "kidney.crcl_ml_min", "100000000000"),
    (form_state(start_dose_mg=100000000000), "start_dose_mg", "100000000000"),
])
def test_an_out_of_range_value_is_restored_and_shown_as_the_cores_error(qtbot, awin, store, monkeypatch,
                                                                        state, field, got):
    died(store, state)
    answers(monkeypatch, awin)
    assert awin.offer_recovery()
    assert lost_in_form(state, awin.form.state()) == []
    assert got in awin.form.error_text(field) and awin.schedule is None


def test_the_damaged_message_for_an_unknown_drug(qtbot, awin, store):
    path = died(store, form_state(drug="aspirin"))
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return QTimer.singleShot(20, answer)
        box.adjustSize()
        seen["text"] = box.text() + "\n" + box.informativeText()
        box.grab().save(os.environ.get("RECOVERY_SHOT", str(path.parent.parent / "damaged.png")))
        keep = [b for b in box.buttons() if b.text() == "&Keep"]
        keep[0].click() if keep else box.reject()  # never left open, whatever was asked

    QTimer.singleShot(0, answer)
    assert not awin.offer_recovery()
    assert "cannot be restored" in seen["text"]
    assert 'Its plan is damaged: drug is "aspirin", a medicine this program does not know' in seen["text"]
    assert str(path) in seen["text"] and path.exists()


# --- the folder: the user's alone -----------------------------------------------------------

@pytest.fixture
def umask0():
    old = os.umask(0)
    yield
    os.umask(old)


def mode(p: Path) -> int:
    return stat.S_IMODE(os.lstat(p).st_mode)


def test_every_folder_made_is_owner_only_under_umask_0(tmp_path, umask0):
    # Before: mkdir(parents=True) made the parents 0777 under umask 0.
    store = RecoveryStore(tmp_path / "share" / "TitrationPlanner" / "recovery")
    session = store.start_session()
    session.write(form_state(), None)
    for level in (tmp_path / "share", tmp_path / "share" / "TitrationPlanner", store.directory):
        assert mode(level) == 0o700, level
    assert mode(session.path) == 0o600 and mode(session.lock_path) == 0o600
    assert mode(tmp_path) == 0o700  # a folder that was there is not ours to change: pytest made it


def test_a_planted_file_in_an_open_folder_is_not_offered(tmp_path, umask0):
    # Before: a 0777 folder's plan was offered at start, whoever wrote it.
    store = RecoveryStore(tmp_path / "recovery")
    mine = died(store, form_state(patient={"name": "Mine"}))
    theirs = died(store, form_state(patient={"name": "Planted"}))
    open_to_all = died(store, form_state(patient={"name": "Open"}))
    os.chmod(store.directory, 0o777)
    os.chown(theirs, OTHER_UID, OTHER_UID)
    os.chmod(open_to_all, 0o666)
    found = store.orphans()
    assert [r.patient for r in found] == ["Mine"] and found[0].path == mine
    assert mode(store.directory) == 0o700  # ours: made owner-only again
    assert sorted((i.path, i.why) for i in store.ignored) == sorted(
        [(theirs, "it belongs to another user"), (open_to_all, "other users may write to it")])


def test_a_folder_that_is_not_ours_or_a_link_is_not_used(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    died(store, form_state())
    os.chown(store.directory, OTHER_UID, OTHER_UID)
    assert store.orphans() == [] and store.ignored[0].why == "it belongs to another user"
    assert str(store.ignored[0]) == (f"Ignored the recovery folder {store.directory} because anyone could "
                                     "have written it (it belongs to another user).")
    with pytest.raises(UnsafeFolder):
        store.start_session()
    os.chown(store.directory, os.getuid(), os.getgid())

    link = RecoveryStore(tmp_path / "link")
    link.directory.symlink_to(store.directory)
    assert link.orphans() == [] and link.ignored[0].why == "it is a link or not a folder"
    with pytest.raises(UnsafeFolder):
        link.start_session()


def test_a_linked_recovery_file_is_not_followed(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    elsewhere = died(RecoveryStore(tmp_path / "elsewhere"), form_state(patient={"name": "Elsewhere"}))
    (store.directory).mkdir(mode=0o700)
    (store.directory / "abc.json").symlink_to(elsewhere)
    assert store.orphans() == [] and store.ignored[0].why == "it is a link to another file"


def test_each_write_rechecks_the_folder(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    session = store.start_session()
    os.chmod(store.directory, 0o777)
    session.write(form_state(), None)
    assert mode(store.directory) == 0o700
    os.chown(store.directory, OTHER_UID, OTHER_UID)
    with pytest.raises(UnsafeFolder):
        session.write(form_state(), None)


def test_autosave_into_a_folder_that_is_not_ours_says_so(qtbot, awin, store):
    store.prepare()
    os.chown(store.directory, OTHER_UID, OTHER_UID)
    awin.form.target.setValue(1500)
    qtbot.waitUntil(lambda: "Autosave failed" in awin.statusBar().currentMessage())
    assert awin.statusBar().currentMessage() == (f"Autosave failed: the recovery folder {store.directory} "
                                                 "belongs to another user. Save the plan to keep it safe.")
    assert list(store.directory.iterdir()) == []


def test_the_window_says_a_planted_file_was_ignored(qtbot, awin, store, monkeypatch):
    theirs = died(store, form_state(patient={"name": "Planted"}))
    os.chown(theirs, OTHER_UID, OTHER_UID)
    asked = []
    monkeypatch.setattr(type(awin), "_ask_restore", lambda self, r: asked.append(r) or "restore")
    assert not awin.offer_recovery() and asked == []
    message = awin.statusBar().currentMessage()
    assert f"Ignored the recovery file {theirs} because anyone could have written it" in message
    assert "it belongs to another user" in message


# --- fuzz ------------------------------------------------------------------------------------

FULL = form_state(
    taper={"step_mg": 300, "step_days": 7},
    kidney={"age_years": 70, "sex": "female", "weight_kg": 60, "serum_creatinine_mg_dl": 1.1,
            "haemodialysis": False},
    patient={"name": "Ada", "date_of_birth": "1950-01-01", "identifier": "A1"},
    prescriber={"name": "Dr B", "organisation": "Clinic", "phone": "555"},
    pharmacy={"name": "Pharm", "phone": "556"},
    overrides=[{"code": "max-dose", "reason": "palliative"}],
)
assert check_form_state(FULL) is None


def paths(d, prefix=()):
    for k, v in d.items():
        yield prefix + (k,)
        if isinstance(v, dict):
            yield from paths(v, prefix + (k,))
        if isinstance(v, list):
            for i, x in enumerate(v):
                yield prefix + (k, i)
                if isinstance(x, dict):
                    yield from paths(x, prefix + (k, i))


PATHS = sorted(paths(FULL), key=repr)


def json_values(big: bool):
    """Any JSON value; with big=False, numbers a QSpinBox can take (today's form)."""
    leaves = st.none() | st.booleans() | numbers(big) | st.text(max_size=30) | st.sampled_from(
        ["gabapentin", "pregabalin", "epilepsy", "2027-03-15", "08:00", "female", "grow", "all", "max-dose"])
    return st.recursive(leaves, lambda kids: st.lists(kids, max_size=4)
                        | st.dictionaries(st.text(max_size=10), kids, max_size=4), max_leaves=8)


def numbers(big: bool):
    if big:
        return st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    return st.integers(-(2**31), 2**31 - 1) | st.floats(-1e9, 1e9) | st.sampled_from([math.nan, math.inf])


def like(value, big: bool):
    """A value of the same kind, so that many mutants are forms the check lets through."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, (int, float)):
        return numbers(big)
    if isinstance(value, str):
        return st.text(max_size=260) | st.sampled_from(["", " Ada ", "x" * 250, "1950-0", "23:59", "1752-09-14"])
    if isinstance(value, list) and all(isinstance(x, int) for x in value):
        return st.lists(st.sampled_from([100, 300, 400, 600, 800, 25, 75]), max_size=6)
    return json_values(big)


def mutated(big: bool):
    @st.composite
    def build(draw):
        state = json.loads(json.dumps(FULL))
        for _ in range(draw(st.integers(1, 3))):
            path = draw(st.sampled_from(PATHS))
            target = state
            try:
                for k in path[:-1]:
                    target = target[k]
                action = draw(st.sampled_from(["like", "like", "like", "set", "delete", "add"]))
                if action == "delete":
                    del target[path[-1]]
                elif action == "add" and isinstance(target, dict):
                    target[draw(st.text(max_size=12))] = draw(json_values(big))
                elif action == "like":
                    target[path[-1]] = draw(like(target[path[-1]], big))
                else:
                    target[path[-1]] = draw(json_values(big))
            except (KeyError, IndexError, TypeError):
                pass  # an earlier change took that branch away
        return state
    return build()


def write_doc(store: RecoveryStore, state) -> Path:
    path = died(store, form_state())
    doc = json.loads(path.read_text())
    doc["state"] = state
    path.write_text(json.dumps(doc))  # NaN and Infinity written as json does
    return path


FUZZ = hsettings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def fuzz_orphans(qtbot, tmp_path, big: bool, exact: bool) -> None:
    """orphans() never raises; each orphan is damaged, or a real form takes its state
    with no exception (and, once every field holds any number, exactly)."""
    from planner.app.form import PlanForm

    form = PlanForm()
    qtbot.addWidget(form)
    store = RecoveryStore(tmp_path / "recovery")

    def run(state):
        write_doc(store, state)
        [r] = store.orphans()
        store.discard(r)
        if r.problem is not None:
            assert r.state is None
            return
        form.set_state(r.state)
        assert check_form_state(form.state()) is None
        if exact:
            assert lost_in_form(r.state, form.state()) == []

    run = given(state=mutated(big))(run)
    if big:  # first, values today's spin boxes cannot hold: a known failure until they go
        run = example(state=kidney(crcl_ml_min=1e11))(example(state=form_state(start_dose_mg=10**11))(run))
    FUZZ(run)()


def test_fuzz_every_orphan_is_damaged_or_taken_by_the_form(qtbot, tmp_path):
    fuzz_orphans(qtbot, tmp_path, big=False, exact=False)


def test_fuzz_every_orphan_is_damaged_or_taken_exactly_by_the_form_any_number(qtbot, tmp_path):
    fuzz_orphans(qtbot, tmp_path, big=True, exact=True)


@FUZZ
@given(data=st.binary(max_size=400) | st.builds(
    lambda s: json.dumps({"titration_planner_recovery": 1, "saved_at": "2026-12-01T10:00:00+01:00",
                          "source_file": None, "state": s}).encode(), json_values(True)))
def test_fuzz_random_bytes_never_raise(tmp_path_factory, data):
    store = RecoveryStore(tmp_path_factory.mktemp("r") / "recovery")
    path = died(store, form_state())
    path.write_bytes(data)
    [r] = store.orphans()
    assert (r.state is None) == (r.problem is not None)


def test_fuzz_offer_recovery_never_raises_nor_half_sets_the_form(qtbot, settings, tmp_path, monkeypatch):
    from planner.app.main_window import MainWindow

    store = RecoveryStore(tmp_path / "recovery")
    w = MainWindow(settings=settings, recovery=store, autosave_ms=60_000)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    seen = answers(monkeypatch, w, damaged="discard")

    @hsettings(FUZZ, max_examples=80)
    @given(state=mutated(big=True))
    @example(state=form_state(drug="aspirin"))
    @example(state=form_state(start_dose_mg=100000000000))
    @example(state=kidney(crcl_ml_min=1e11))
    @example(state=form_state(target_dose_mg=1500, patient={"name": "Ada"}))
    def run(state):
        write_doc(store, state)
        seen.clear()
        before = w.form.state()
        restored = w.offer_recovery()
        shown = w.form.state()
        if restored:
            assert seen == [] and lost_in_form(state, shown) == []
        else:
            assert len(seen) == 1 and shown == before
        assert store.orphans() == []  # restored (now this window's own file) or deleted

    run()
    w.autosaver.close()


def test_a_number_typed_but_not_readable_is_restored_as_typed(qtbot, awin, store, monkeypatch):
    """The form writes a number it cannot read ("1,500": 1.5 or 1500?) as the typed text;
    a crash then must give the typing back with the field's message, not call it damage."""
    state = form_state(target_dose_mg="1,500")
    assert check_form_state(state) is None
    died(store, state)
    seen = answers(monkeypatch, awin)
    assert awin.offer_recovery() and seen == []
    assert awin.form.state()["target_dose_mg"] == "1,500"
    assert "1,500" in awin.form.target.lineEdit().text()
    assert awin.schedule is None  # shown invalid, never computed from a guess


def test_a_float_is_compared_as_the_decimal_the_file_writes():
    """Hypothesis found it: 2.156505709591171e+16 is shown as the decimal its text writes,
    21565057095911710 (the plan file reads floats that way), not the binary float's ...712."""
    from planner.files.formstate import lost_in_form

    saved = form_state(doses_per_day=2.156505709591171e16)
    shown = dict(saved, doses_per_day=21565057095911710)
    assert lost_in_form(saved, shown) == []
    assert lost_in_form(saved, dict(saved, doses_per_day=21565057095911712)) == ["doses_per_day"]
