"""A schedule as phone reminders: an iCalendar (.ics) file with one event per dose.

Written with the maintained icalendar library, never by hand. Times are floating
local times (no time zone), so a dose at 22:00 rings at 22:00 wherever the phone is.
No dose arithmetic happens here: every amount and every unit comes from the engine.

Each event's UID is the plan's identity (plan_identity: its plan_id) with the dose's
date and time of day, so importing a re-export after an edit updates the reminders in
place; SEQUENCE (seconds since 2026, so every later export is higher), DTSTAMP and
LAST-MODIFIED tell the calendar app the newer version wins. The file is METHOD:PUBLISH,
a snapshot: an import never deletes events, so days a shortened plan drops stay on the
phone until removed there.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from planner.domain.plan import plan_identity
from planner.domain.schedule import Day, Dose, Schedule
from planner.export.gate import refuse_unexportable
from planner.export.printout.words import dialysis_line, regimen_words, step_changes, units_text
from planner.text.catalogue import say, speaking
from planner.text.dates import long_date
from planner.text.numbers import fmt_decimal
from planner.text.units import drug_name, is_liquid

PRODID = "-//Titration Planner//EN"
DOSE_MINUTES = 5

# A dose's notes say what its step's dose does compared with the step before
# (words.step_change), never the engine's phase: a step going down never reads as building up.
CHANGE_IDS = {"start": "calendar.change.start", "up": "calendar.change.up", "same": "calendar.change.same",
              "down": "calendar.change.down"}


SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=timezone.utc)
# The reminder to book the review rings this many days before it (never before day 1): two
# weeks is about how far ahead a surgery or clinic appointment has to be asked for.
BOOK_REVIEW_DAYS_BEFORE = 14


def event_uid(schedule: Schedule, day: date, slot: str) -> str:
    """One dose's UID: the plan's identity, the date and the time of day. A dose edit
    keeps it; only a dose that moves gets a new one."""
    return f"{plan_identity(schedule.plan)}-{day:%Y%m%d}-{slot}@titration-planner"


def stop_uid(schedule: Schedule, day: Day) -> str:
    """The plan's one stop day has one UID wherever an edit moves it, so the old "stop
    today" reminder moves too instead of staying on a day that now has doses."""
    if day is schedule.days[-1]:
        return f"{plan_identity(schedule.plan)}-stop@titration-planner"
    return event_uid(schedule, day.date, "stop")


def expected_events(schedule: Schedule) -> list[tuple[str, date | datetime]]:
    """Every event the file holds, in order: its UID and its start (a datetime for a
    dose, a date for the stop day). The export's check compares the file read back with it."""
    out: list[tuple[str, date | datetime]] = []
    for day in schedule.days:
        if not day.doses:
            out.append((stop_uid(schedule, day), day.date))
        for dose in day.doses:
            out.append((event_uid(schedule, day.date, dose.slot), datetime.combine(day.date, _clock(dose.time))))
    return out + [(uid, when) for uid, when, _, _ in course_events(schedule)]


def course_events(schedule: Schedule) -> list[tuple[str, date, str, str]]:
    """The all-day events of a plan that continues after its last laid-out day, in date order:
    (UID, date, summary, notes). With a review date: a reminder to book the review
    BOOK_REVIEW_DAYS_BEFORE days before it, and one on the review day. If the reminders stop
    before a review (or there is none): on the last day, to keep taking it and ask the prescriber."""
    if not schedule.continues:
        return []
    ident, profile = plan_identity(schedule.plan), schedule.profile
    last = schedule.days[-1]
    regimen = regimen_words(last.doses)
    out = []
    review = schedule.review_date
    if review is not None:
        book = max(schedule.plan.start_date, review - timedelta(days=BOOK_REVIEW_DAYS_BEFORE))
        out.append((f"{ident}-book-review@titration-planner", book,
                    say("calendar.book-review", drug=drug_name(profile, "calendar.book-review")),
                    say("calendar.book-review.description", drug=drug_name(profile, "calendar.book-review.description"),
                        date=long_date(review))))
    if review is None or last.date < review:
        out.append((f"{ident}-continue@titration-planner", last.date,
                    say("calendar.continue", drug=drug_name(profile, "calendar.continue")),
                    say("calendar.continue.description", regimen=regimen)))
    if review is not None:
        out.append((f"{ident}-review@titration-planner", review,
                    say("calendar.review", drug=drug_name(profile, "calendar.review")),
                    say("calendar.review.description", regimen=regimen)))
    return sorted(out, key=lambda e: e[1])


def dose_summary(schedule: Schedule, dose: Dose) -> str:
    """'Gabapentin: take 2 × 300 mg capsules (600 mg)', in the printout's words (plurals, halves);
    the oral solution in mL only, as the mg follow: 'take 5 mL (100 mg)'."""
    if dose.units and all(is_liquid(u) for u in dose.units):
        # Named as the oral solution: a reminder read alone must not leave the patient guessing.
        units = say("calendar.units.liquid", ml=fmt_decimal(sum(u.count for u in dose.units)))
    else:
        units = units_text(dose.units)
    return say("calendar.dose", drug=drug_name(schedule.profile, "calendar.dose", display=True), units=units,
               mg=dose.mg)


def stop_summary(schedule: Schedule) -> str:
    return say("calendar.stop", drug=drug_name(schedule.profile, "calendar.stop"))


def calendar_name(schedule: Schedule) -> str:
    patient = schedule.plan.patient
    if patient is not None and patient.name:
        return say("calendar.name.for", drug=drug_name(schedule.profile, "calendar.name.for", display=True),
                   patient=patient.name)
    return say("calendar.name", drug=drug_name(schedule.profile, "calendar.name", display=True))


def day_changes(schedule: Schedule) -> dict[int, str]:
    """By day number: what the dose of the day's step does compared with the step before."""
    out = {}
    for step, change in zip(schedule.steps, step_changes(schedule)):
        out.update({d: change for d in range(step.first_day, step.last_day + 1)})
    return out


def _dose_description(schedule: Schedule, day: Day, change: str) -> str:
    words = say(CHANGE_IDS[change])
    if schedule.continues:  # no "day 5 of 34": the plan goes on after its last day
        text = say("calendar.dose.description.continuing", day=day.day, total_mg=day.total_mg,
                   drug=drug_name(schedule.profile, "calendar.dose.description.continuing"), change=words)
    else:
        text = say("calendar.dose.description", day=day.day, last=schedule.days[-1].day, total_mg=day.total_mg,
                   drug=drug_name(schedule.profile, "calendar.dose.description"), change=words)
    # On haemodialysis the extra dose after each session is on the paper: the phone says it too.
    extra = dialysis_line(day)
    return f"{text} {extra}" if extra else text


def _stop_description(schedule: Schedule, day: Day) -> str:
    return say("calendar.stop.description", day=day.day, drug=drug_name(schedule.profile, "calendar.stop.description"))


def _alarm(text: str, trigger: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)  # relative to the event's start
    alarm.add("description", text)
    return alarm


def _clock(hhmm: str) -> time:
    h, m = hhmm.split(":")
    return time(int(h), int(m))


def schedule_to_ics(schedule: Schedule, now: datetime | None = None) -> bytes:
    """The whole plan as an iCalendar file, worded in the plan's handout language. Raises
    ValueError unless the schedule is exportable (it has days and every blocking problem has
    a recorded override)."""
    refuse_unexportable(schedule)
    with speaking(schedule.plan.handout_language):
        return _ics(schedule, now)


def _ics(schedule: Schedule, now: datetime | None) -> bytes:

    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    sequence = max(0, int((stamp - SEQUENCE_EPOCH).total_seconds()))

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name(schedule))

    changes = day_changes(schedule)
    for day in schedule.days:
        if not day.doses:
            cal.add_component(_stop_event(schedule, day, stamp, sequence))
            continue
        description = _dose_description(schedule, day, changes[day.day])
        for dose in day.doses:
            start = datetime.combine(day.date, _clock(dose.time))  # naive: floating local time
            summary = dose_summary(schedule, dose)
            ev = Event()
            ev.add("uid", event_uid(schedule, day.date, dose.slot))
            _stamp(ev, stamp, sequence)
            ev.add("dtstart", start)
            ev.add("dtend", start + timedelta(minutes=DOSE_MINUTES))
            ev.add("summary", summary)
            ev.add("description", description)
            ev.add("transp", "TRANSPARENT")  # a reminder, not a busy meeting
            ev.add_component(_alarm(summary, timedelta(0)))
            cal.add_component(ev)
    for uid, when, summary, notes in course_events(schedule):
        cal.add_component(_all_day_event(schedule, uid, when, summary, notes, stamp, sequence))
    return cal.to_ical()


def _stamp(ev: Event, stamp: datetime, sequence: int) -> None:
    ev.add("dtstamp", stamp)
    ev.add("last-modified", stamp)
    ev.add("sequence", sequence)


def _stop_event(schedule: Schedule, day: Day, stamp: datetime, sequence: int) -> Event:
    return _all_day_event(schedule, stop_uid(schedule, day), day.date, stop_summary(schedule),
                          _stop_description(schedule, day), stamp, sequence)


def _all_day_event(schedule: Schedule, uid: str, day: date, summary: str, notes: str, stamp: datetime,
                   sequence: int) -> Event:
    ev = Event()
    ev.add("uid", uid)
    _stamp(ev, stamp, sequence)
    ev.add("dtstart", day)  # a date: an all-day event
    ev.add("dtend", day + timedelta(days=1))
    ev.add("summary", summary)
    ev.add("description", notes)
    ev.add("transp", "TRANSPARENT")
    # Ring at the first clock time of the day, when a dose would otherwise be taken.
    first = min(_clock(t) for _, t in schedule.plan.slot_times)
    ev.add_component(_alarm(summary, timedelta(hours=first.hour, minutes=first.minute)))
    return ev


__all__ = ["schedule_to_ics", "CHANGE_IDS", "dose_summary", "stop_summary", "calendar_name", "event_uid", "stop_uid",
           "expected_events", "course_events", "day_changes", "PRODID", "BOOK_REVIEW_DAYS_BEFORE"]
