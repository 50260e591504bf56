"""Stable calendar: an event's UID is the plan's identity with the dose's date and time of day,
so importing a re-export after an edit updates the reminders instead of doubling them."""

import json
import uuid
from datetime import datetime, timezone

import pytest
from conftest import make_plan
from icalendar import Calendar

from planner.domain.plan import Patient, PlanError, plan_identity
from planner.files.planfile import (dump_plan, load_example, load_plan_file, plan_from_dict, plan_to_dict,
                                   save_plan_file)
from planner.files.recovery import RecoveryStore
from planner.domain.schedule import compute_schedule
from planner.export.calendar import schedule_to_ics

ID = "0b6e4d2a-9c1f-4e8a-b3d5-7f2a1c9e8d40"
NOW = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)


def events(plan, now=NOW):
    """(date, slot) -> the event, for every event of the plan's calendar."""
    out = {}
    for ev in Calendar.from_ical(schedule_to_ics(compute_schedule(plan), now=now)).walk("VEVENT"):
        start = ev.decoded("DTSTART")
        if isinstance(start, datetime):
            slot = {t: s for s, t in plan.slot_times}[start.strftime("%H:%M")]
            out[(start.date(), slot)] = ev
        else:
            # A continuing plan's all-day notes (keep taking it, the review) have one UID each
            # per plan, wherever an edit moves them; the stop day is keyed by its date.
            kind = str(ev["UID"])[37:].partition("@")[0]  # after the plan's identity (a UUID) and a hyphen
            out[(None, kind) if kind in ("continue", "review", "book-review") else (start, "stop")] = ev
    return out


def uids(plan, now=NOW):
    return {key: str(ev["UID"]) for key, ev in events(plan, now).items()}


def test_a_dose_edit_keeps_the_uids_of_every_date_and_time_of_day():
    before = make_plan(target_dose_mg=900, plan_id=ID)
    after = make_plan(target_dose_mg=1800, plan_id=ID)  # only the later steps change
    a, b = events(before), events(after)
    unchanged = [k for k in a if k in b and str(a[k]["SUMMARY"]) == str(b[k]["SUMMARY"])]
    assert unchanged, "the first days are the same in both plans"
    for key in a.keys() & b.keys():
        assert str(a[key]["UID"]) == str(b[key]["UID"])  # the same (date, slot): the same event, updated
    assert len(b) > len(a)  # the longer plan adds events; it does not re-create the old ones


def test_moving_a_dose_changes_only_that_event():
    plan = make_plan(plan_id=ID, doses_per_day=3)
    moved = make_plan(plan_id=ID, doses_per_day=3,
                      slot_times=(("morning", "08:00"), ("midday", "13:00"), ("evening", "18:00"),
                                  ("bedtime", "21:30")))
    a, b = events(plan), events(moved)
    assert a.keys() == b.keys() and uids(plan) == uids(moved)
    for key in a:
        changed = a[key].decoded("DTSTART") != b[key].decoded("DTSTART")
        assert changed == (key[1] == "bedtime")
        if not changed:
            assert a[key].to_ical() == b[key].to_ical()


def test_the_same_plan_exported_twice_has_the_same_uids_and_a_later_export_a_higher_sequence():
    plan = make_plan(plan_id=ID)
    later = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)
    first, second = events(plan), events(plan, later)
    assert {k: str(e["UID"]) for k, e in first.items()} == {k: str(e["UID"]) for k, e in second.items()}
    for key in first:
        assert int(second[key]["SEQUENCE"]) > int(first[key]["SEQUENCE"]) >= 0
        assert second[key].decoded("LAST-MODIFIED") == second[key].decoded("DTSTAMP") == later


def test_different_plans_never_share_a_uid():
    ids = [str(uuid.UUID(int=n * 0x1111_0000_0000_1111 + 7, version=4)) for n in range(1, 6)]
    seen: set[str] = set()
    for pid in ids:
        these = set(uids(make_plan(plan_id=pid)).values())
        assert these.isdisjoint(seen)
        seen |= these
    other_patient = make_plan(patient=Patient(name="Bea"))
    assert set(uids(make_plan(patient=Patient(name="Ada"))).values()).isdisjoint(uids(other_patient).values())


def test_a_plan_file_without_an_id_is_known_by_its_drug_and_patient():
    ada = Patient(name="Ada", identifier="H123")
    old = make_plan(patient=ada)  # as read from a file written before plan_id
    assert old.plan_id is None
    assert uids(old) == {k: v for k, v in uids(make_plan(patient=ada, target_dose_mg=1800)).items() if k in uids(old)}
    assert plan_identity(old) == plan_identity(make_plan(patient=ada, step_days=3))
    assert plan_identity(old) != plan_identity(make_plan(patient=Patient(name="Ada", identifier="H124")))
    assert plan_identity(old) != plan_identity(make_plan(patient=ada, drug="pregabalin"))
    uuid.UUID(plan_identity(old))  # a UUID like any plan_id


def test_plan_id_is_read_and_written_exactly_and_checked():
    upper = ID.upper()
    d = {**plan_to_dict(make_plan()), "plan_id": upper}
    plan = plan_from_dict(d)
    assert plan.plan_id == upper and plan_to_dict(plan)["plan_id"] == upper
    assert json.loads(dump_plan(plan))["plan_id"] == upper
    assert plan_identity(plan) == ID  # case does not make another plan
    assert "plan_id" not in plan_to_dict(make_plan())
    for bad in ["not-a-uuid", 12, "", ID + "0", "{" + ID + "}", ID.replace("-", "")]:
        with pytest.raises(PlanError) as exc:
            plan_from_dict({**d, "plan_id": bad})
        assert [e.field for e in exc.value.errors] == ["plan_id"] and "UUID" in exc.value.errors[0].message


# --- the window ------------------------------------------------------------------------------

def test_new_gives_a_fresh_id_and_the_form_passes_it_through(win):
    first = win.plan.plan_id
    assert first and uuid.UUID(first)
    win.new_plan(ask=False)
    assert win.plan.plan_id not in (None, first)
    pid = win.plan.plan_id
    win.form.target.setValue(win.form.target.value() + 300)  # an edit keeps the identity
    assert win.form.state()["plan_id"] == pid and win.plan.plan_id == pid


def test_open_keeps_the_id_and_save_writes_one_for_an_old_file(win, tmp_path):
    with_id = tmp_path / "with-id.json"
    save_plan_file(make_plan(plan_id=ID), with_id)
    assert win.open_plan(with_id) and win.plan.plan_id == ID

    old = tmp_path / "old.json"
    plan = load_example("gabapentin-phn-label-start")
    save_plan_file(plan, old)
    assert plan.plan_id is None and "plan_id" not in old.read_text("utf-8")  # as files before plan_id
    before = uids(plan)
    assert win.open_plan(old)
    assert win.plan.plan_id == plan_identity(plan)  # the same UIDs as before the file had an id
    assert win.save()
    saved = load_plan_file(old)
    assert saved.plan_id == plan_identity(plan) and uids(saved) == before


def test_autosave_and_recovery_keep_the_id(qtbot, settings, tmp_path):
    from planner.app.main_window import MainWindow

    store = RecoveryStore(tmp_path / "recovery")
    win = MainWindow(settings=settings, recovery=store, autosave_ms=10)
    qtbot.addWidget(win, before_close_func=lambda w: w.setWindowModified(False))
    pid = win.plan.plan_id
    win.form.target.setValue(win.form.target.value() + 300)
    qtbot.waitUntil(lambda: win.autosaver.path is not None and win.autosaver.path.exists())
    state = json.loads(win.autosaver.path.read_text())["state"]
    assert state["plan_id"] == pid

    other = MainWindow(settings=settings)
    qtbot.addWidget(other, before_close_func=lambda w: w.setWindowModified(False))
    other.form.set_state(state)
    assert other.form.state()["plan_id"] == pid


def test_the_stop_reminder_moves_with_the_stop_day_instead_of_staying_behind():
    plan = load_example("gabapentin-phn-to-1800-with-taper")
    plan = plan_from_dict({**plan_to_dict(plan), "plan_id": ID})
    longer = plan_from_dict({**plan_to_dict(plan), "maintenance_days": plan.maintenance_days + 7})
    stop = lambda p: [(k[0], str(e["UID"])) for k, e in events(p).items() if k[1] == "stop"]  # noqa: E731
    (old_day, old_uid), = stop(plan)
    (new_day, new_uid), = stop(longer)
    assert new_day > old_day and new_uid == old_uid
    # The old stop day now has doses: the re-import updates the stop event, it does not add doses beside it.
    assert {u for k, u in uids(longer).items() if k[0] == old_day} and old_uid not in {
        u for k, u in uids(longer).items() if k[0] == old_day}
