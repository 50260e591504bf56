"""Phone reminders: the .ics file holds every dose of the plan, at its clock time, in words."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from conftest import make_plan
from planner.domain.plan import Override, Patient
from planner.files.planfile import example_names, load_example
from planner.domain.schedule import compute_schedule
from planner.export.printout.words import units_text
from planner.text.units import is_liquid
from planner.export.calendar import CHANGE_IDS, PRODID, course_events, day_changes, schedule_to_ics
from planner.text.catalogue import say


def parse(schedule, **kw):
    return Calendar.from_ical(schedule_to_ics(schedule, **kw))


def dose_starts(schedule):
    """Each dose by its date and clock time."""
    out = {}
    for d in schedule.days:
        for dose in d.doses:
            h, m = map(int, dose.time.split(":"))
            out[datetime.combine(d.date, time(h, m))] = (d, dose)
    assert len(out) == sum(len(d.doses) for d in schedule.days)  # no two doses at one time
    return out


@pytest.mark.parametrize("name", example_names())
def test_one_event_per_dose_at_its_date_and_time_in_words(name):
    # The English words (a Spanish example's calendar: test_spanish_calendar.py).
    s = compute_schedule(replace(load_example(name), handout_language="en"))
    if not s.exportable:
        pytest.skip(f"{name} has a blocking problem")
    cal = parse(s)
    events = cal.walk("VEVENT")
    doses = dose_starts(s)
    stop_days = [d for d in s.days if not d.doses]
    # A plan that continues has its all-day notes too (keep taking it; the review): see test_calendar_continuing.
    assert len(events) == sum(len(d.doses) for d in s.days) + len(stop_days) + len(course_events(s))
    assert bool(course_events(s)) == s.continues

    # Each dose's notes say what its step's dose does (up, the same, down), not the engine's phase.
    changes = {n: say(CHANGE_IDS[c]) for n, c in day_changes(s).items() if c != "stop"}
    dose_events = [e for e in events if isinstance(e.decoded("DTSTART"), datetime)]
    assert len(dose_events) == len(doses)
    seen = set()
    for ev in dose_events:
        start = ev.decoded("DTSTART")
        assert start.tzinfo is None, "dose times are floating local times"
        assert start in doses and start not in seen
        seen.add(start)
        day, dose = doses[start]
        summary = str(ev["SUMMARY"])
        # The printout's words for the units (plural by the count: "2 × 50 mg capsules"); the oral
        # solution in mL, named as the solution (a reminder is read alone), its mg said once:
        # "take 5 mL of the oral solution (100 mg)", not "5 mL (100 mg) (100 mg)".
        if all(is_liquid(u) for u in dose.units):
            ml = sum(u.count for u in dose.units)
            assert summary.count(f"({dose.mg} mg)") == 1 and f" {ml.normalize():f} mL of the oral solution (" in summary
        else:
            assert f"take {units_text(dose.units)} ({dose.mg} mg)" in summary
        assert summary.startswith(f"{s.profile.display_name}: take ") and summary.endswith(f"({dose.mg} mg)")
        end = ev.decoded("DTEND") if "DTEND" in ev else start + ev.decoded("DURATION")
        assert end - start == timedelta(minutes=5)
        description = str(ev["DESCRIPTION"])
        assert f"{day.total_mg} mg" in description and changes[day.day] in description
        assert f"Do not stop taking {s.profile.name} suddenly" in description
        alarms = ev.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == timedelta(0)
        assert str(alarms[0]["DESCRIPTION"]) == summary
        assert ev.decoded("DTSTAMP").tzinfo is not None

    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_no_time_zone_anywhere():
    raw = schedule_to_ics(compute_schedule(make_plan()))
    assert b"TZID" not in raw and b"VTIMEZONE" not in raw
    assert b"DTSTART:20261201T220000\r\n" in raw


def test_calendar_properties_and_patient_name():
    s = compute_schedule(make_plan(patient=Patient(name="Alex Example")))
    cal = parse(s)
    assert str(cal["PRODID"]) == PRODID == "-//Titration Planner//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "Gabapentin plan – Alex Example"
    assert str(parse(compute_schedule(make_plan()))["X-WR-CALNAME"]) == "Gabapentin plan"


def test_label_start_day_1_is_one_capsule_at_bedtime():
    cal = parse(compute_schedule(make_plan()))
    first = cal.walk("VEVENT")[0]
    assert first.decoded("DTSTART") == datetime(2026, 12, 1, 22, 0)
    assert str(first["SUMMARY"]) == "Gabapentin: take 1 × 300 mg capsule (300 mg)"


def test_half_tablets_are_said_as_the_engine_says_them():
    s = compute_schedule(make_plan(start_dose_mg=300, target_dose_mg=300, doses_per_day=1, strengths_mg=(600,)))
    summaries = {str(e["SUMMARY"]) for e in parse(s).walk("VEVENT") if isinstance(e.decoded("DTSTART"), datetime)}
    assert summaries == {"Gabapentin: take ½ of a 600 mg tablet (300 mg)"}  # as the printout says it


def test_stop_day_is_one_all_day_event():
    s = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    stop = [d for d in s.days if not d.doses]
    assert len(stop) == 1 and stop[0] is s.days[-1]
    events = [e for e in parse(s).walk("VEVENT") if not isinstance(e.decoded("DTSTART"), datetime)]
    assert len(events) == 1
    ev = events[0]
    assert ev.decoded("DTSTART") == stop[0].date and isinstance(ev.decoded("DTSTART"), date)
    assert str(ev["SUMMARY"]) == "Stop taking gabapentin today (as planned)"


def test_pregabalin_says_pregabalin():
    s = compute_schedule(load_example("pregabalin-phn"))
    for ev in parse(s).walk("VEVENT"):
        assert "gabapentin" not in str(ev["SUMMARY"]).lower() + str(ev.get("DESCRIPTION", "")).lower()
        assert str(ev["SUMMARY"]).startswith(("Pregabalin: take ", "Stop taking pregabalin"))


def test_same_plan_same_uids_different_plan_different_uids():
    # Another plan is another plan_id (an edit of the same plan keeps its UIDs:
    # tests/export/test_calendar_uids.py).
    now = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
    one, other = "0b6e4d2a-9c1f-4e8a-b3d5-7f2a1c9e8d40", "5d1f0c3b-7a2e-4f6d-8c9b-1e0a2b3c4d5e"
    a = schedule_to_ics(compute_schedule(make_plan(plan_id=one)), now=now)
    assert a == schedule_to_ics(compute_schedule(make_plan(plan_id=one)), now=now)
    uids = lambda raw: {str(e["UID"]) for e in Calendar.from_ical(raw).walk("VEVENT")}  # noqa: E731
    b = schedule_to_ics(compute_schedule(make_plan(target_dose_mg=1200, plan_id=other)), now=now)
    assert uids(a).isdisjoint(uids(b))


def test_a_plan_with_an_unresolved_blocking_problem_is_not_exported():
    s = compute_schedule(make_plan(target_dose_mg=4800))
    assert s.unresolved_blocking and not s.exportable
    with pytest.raises(ValueError, match="above-label-maximum"):
        schedule_to_ics(s)
    overridden = make_plan(target_dose_mg=4800, overrides=tuple(
        Override(p.code, "specialist pain clinic decision", p.value) for p in s.unresolved_blocking))
    s2 = compute_schedule(overridden)
    assert s2.exportable
    assert len(parse(s2).walk("VEVENT")) == sum(len(d.doses) for d in s2.days) + len(course_events(s2))


def test_a_plan_with_no_days_is_not_exported():
    s = compute_schedule(make_plan(increment_mg=0))  # cannot reach the target: no schedule
    assert not s.days
    with pytest.raises(ValueError):
        schedule_to_ics(s)


def test_on_haemodialysis_each_dose_reminder_says_the_extra_dose_after_a_session():
    # The paper said "After each dialysis session (4 hours): also take 2 × 100 mg capsules
    # (200 mg)"; the phone's reminders said nothing of it, so a patient using them missed it.
    import dataclasses

    from planner.files.planfile import plan_from_dict

    plan = plan_from_dict({
        "format_version": 3, "kind": "start", "drug": "gabapentin", "indication": "postherpetic_neuralgia",
        "start_date": "2026-12-01", "start_dose_mg": 100, "increment_mg": 100, "step_days": 3,
        "target_dose_mg": 200, "doses_per_day": 1, "strengths_mg": [100], "maintenance": "days",
        "maintenance_days": 7, "kidney": {"crcl_ml_min": 10, "haemodialysis": True}})
    s = compute_schedule(plan)
    supplements = {d.date: d.dialysis for d in s.days if d.dialysis is not None}
    assert supplements
    for lang, words in (("en", "After each dialysis session"), ("es", "diálisis")):
        cal = Calendar.from_ical(schedule_to_ics(compute_schedule(dataclasses.replace(plan, handout_language=lang))))
        doses = [e for e in cal.walk("VEVENT") if "DTSTART" in e and e.decoded("DTSTART").__class__.__name__ == "datetime"]
        assert doses
        for e in doses:
            day = e.decoded("DTSTART").date()
            if day in supplements:
                text = str(e["DESCRIPTION"])
                assert words in text and f"({supplements[day].mg} mg)" in text, text
