"""A plan that continues (its last day has a dose: the patient keeps taking it) never says on
the patient's pages, in the calendar or in the CSV that the treatment ends; it says to keep
taking the dose and not to stop, and gives the review date. A plan that stops still says when."""

import csv
import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

pypdf = pytest.importorskip("pypdf")

from icalendar import Calendar  # noqa: E402

from conftest import make_plan  # noqa: E402
from planner.domain.plan import Plan, Taper  # noqa: E402
from planner.domain.schedule import compute_schedule  # noqa: E402
from planner.export.calendar import BOOK_REVIEW_DAYS_BEFORE, schedule_to_ics  # noqa: E402
from planner.export.formats import schedule_to_csv, schedule_to_text  # noqa: E402
from planner.export.printout import PrintOptions, export_pdf  # noqa: E402
from planner.files.planfile import example_names, load_example  # noqa: E402
from planner.text.dates import long_date  # noqa: E402

PRINTED = date(2026, 11, 20)
REVIEW = date(2027, 1, 12)

# Words that tell a reader the treatment ends. Phrases, not words: "Do not stop" and
# "Do not stop taking gabapentin suddenly" are required wording and must not match.
ENDING = [
    r"\bends?\b", r"\bending\b", r"\bend date\b", r"\blast dose\b", r"\blast day\b", r"\bfinish",
    r"(?<!not )\bstop taking\b", r"\bno more doses\b", r"\bno more (gabapentin|pregabalin)\b",
    r"\bas planned\b", r"\bthe plan is over\b", r"\bcourse\b", r"\bday \d+ of \d+\b", r"\bstopped\b",
]


# Safety advice that is not about the plan: the label's advice on a severe allergic reaction.
NOT_ABOUT_THE_PLAN = [r"stop taking (gabapentin|pregabalin) and get emergency help"]


def ending_phrases(text: str) -> list[str]:
    for pattern in NOT_ABOUT_THE_PLAN:
        text = re.sub(pattern, "", text, flags=re.IGNORECASE)
    return [m.group(0) for pattern in ENDING for m in re.finditer(pattern, text, re.IGNORECASE)]


def start_plan(**changes) -> Plan:
    """A new plan of kind start that continues until a review."""
    return make_plan(**{"kind": "start", "maintenance": "review", "review_date": REVIEW, "target_dose_mg": 1800,
                        "step_days": 3, **changes})


def scheduled(plan: Plan):
    s = compute_schedule(plan, today=date(2026, 11, 1))
    # Until the engine lays out the days through the review date, it does not copy the date
    # onto the schedule: the words under test read it from there.
    if s.review_date is None and plan.maintenance == "review":
        s = replace(s, review_date=plan.review_date)
    return s


def continuing_plans() -> dict[str, object]:
    plans = {f"example {n}": load_example(n) for n in example_names()}
    plans = {k: p for k, p in plans.items() if p.taper is None}
    plans["start until review"] = start_plan()
    plans["start until review, uneven"] = start_plan(target_dose_mg=1000)
    # A plan kept until review must have its date (blocking review-date-missing); a start plan
    # held for a fixed number of days has none and continues too.
    plans["start, no review date"] = make_plan(kind="start", maintenance="days", maintenance_days=0)
    plans["start, fixed maintenance"] = make_plan(kind="start", maintenance_days=14)
    plans["version 1 shape without a taper"] = make_plan(maintenance_days=28)
    return plans


def pdf_pages(schedule, tmp_path) -> list[str]:
    path = tmp_path / "plan.pdf"
    export_pdf(schedule, path, PrintOptions(printed_on=PRINTED))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]


def ics_text(schedule) -> str:
    """Every summary, description and alarm text of the calendar, unfolded."""
    cal = Calendar.from_ical(schedule_to_ics(schedule))
    return "\n".join(str(c[key]) for c in cal.walk() for key in ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME")
                     if key in c)


def test_the_scan_finds_ending_words_and_spares_do_not_stop():
    assert ending_phrases("Do not stop. Do not stop taking gabapentin suddenly.") == []
    assert ending_phrases("Start Tue 1 Dec 2026 (the plan ends Sun 3 Jan 2027)") == ["ends"]
    assert ending_phrases("Stop taking gabapentin today (as planned)") == ["Stop taking", "as planned"]
    assert ending_phrases("Day 3 of 34: 900 mg") == ["Day 3 of 34"]
    assert ending_phrases("Stop taking gabapentin and get emergency help at once if your face swells") == []


@pytest.mark.parametrize("name", list(continuing_plans()))
def test_a_continuing_plan_never_says_it_ends(qapp, tmp_path, name):
    s = scheduled(continuing_plans()[name])
    assert s.exportable and s.continues, name
    pages = pdf_pages(s, tmp_path)
    patient = " ".join(pages[:-1])
    assert ending_phrases(" ".join(pages)) == []
    assert ending_phrases(ics_text(s)) == []
    assert ending_phrases(schedule_to_csv(s)) == []
    assert ending_phrases(schedule_to_text(s)) == []

    # It says to keep taking the dose and not to stop, and gives the review date.
    assert "Keep taking" in patient and "Do not stop." in patient
    if s.review_date is not None:
        assert f"Your review is on {long_date(s.review_date)}: book it now." in patient
    rows = list(csv.DictReader(io.StringIO(schedule_to_csv(s))))
    assert rows[-1]["then"] == "continue" and all(r["then"] == "" for r in rows[:-1])
    assert rows[-1]["review_date"] == (s.review_date.isoformat() if s.review_date else "")


def test_the_patient_reads_the_last_doses_in_plain_words(qapp, tmp_path):
    s = scheduled(start_plan())
    assert [d.mg for d in s.days[-1].doses] == [600, 600, 600]
    patient = " ".join(pdf_pages(s, tmp_path)[:-1])
    assert ("Keep taking 600 mg three times a day. Do not stop. Your review is on Tue 12 Jan 2027: book it now."
            in patient)
    assert "Your review Tue 12 Jan 2027: book it now" in patient  # the header's row
    assert "Starting gabapentin" in patient


def test_the_calendar_asks_to_book_the_review_and_marks_the_review_day():
    s = scheduled(start_plan())
    cal = Calendar.from_ical(schedule_to_ics(s))
    all_day = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in cal.walk("VEVENT")
               if not isinstance(e.decoded("DTSTART"), datetime)}
    assert all_day["Book your gabapentin review"] == REVIEW - timedelta(days=BOOK_REVIEW_DAYS_BEFORE)
    assert all_day["Your gabapentin review is today"] == REVIEW
    review = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "Your gabapentin review is today")
    assert "Keep taking 600 mg three times a day. Do not stop." in str(review["DESCRIPTION"])
    if s.days[-1].date >= REVIEW:  # the engine lays the days out through the review date
        assert "Keep taking gabapentin: ask your doctor about your next check" not in all_day


def test_without_a_review_date_the_last_reminder_says_keep_taking_it_and_ask():
    s = scheduled(make_plan(kind="start", maintenance="days", maintenance_days=0))
    assert s.review_date is None and s.continues
    events = sorted(Calendar.from_ical(schedule_to_ics(s)).walk("VEVENT"),
                    key=lambda e: (e.decoded("DTSTART") if isinstance(e.decoded("DTSTART"), datetime)
                                   else datetime.combine(e.decoded("DTSTART"), datetime.max.time())))
    last = events[-1]
    assert last.decoded("DTSTART") == s.days[-1].date
    assert str(last["SUMMARY"]) == "Keep taking gabapentin: ask your doctor about your next check"
    assert "Keep taking 300 mg three times a day every day after today too. Do not stop." in str(
        last["DESCRIPTION"])


def test_a_start_and_stop_plan_still_says_when_it_ends(qapp, tmp_path):
    s = scheduled(load_example("gabapentin-phn-to-1800-with-taper"))
    assert not s.continues
    pages = pdf_pages(s, tmp_path)
    patient = " ".join(pages[:-1])
    assert f"(the plan ends {long_date(s.end_date)})" in patient
    assert f"From {long_date(s.end_date)}: stop taking gabapentin" in patient
    assert "Keep taking" not in patient
    assert "Starting gabapentin, then stopping it slowly" in patient
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(schedule_to_ics(s)).walk("VEVENT")]
    assert "Stop taking gabapentin today (as planned)" in summaries
    assert not any("review" in x or "Keep taking" in x for x in summaries)
    rows = list(csv.DictReader(io.StringIO(schedule_to_csv(s))))
    assert rows[-1]["then"] == "stopped" and rows[-1]["total_mg"] == "0"
    assert ", ends " in schedule_to_text(s).splitlines()[1]


def test_a_taper_only_plan_reads_as_stopping(qapp, tmp_path):
    # A target below the start with a taper: the days only come down.
    s = scheduled(make_plan(target_dose_mg=150, taper=Taper(step_days=7, step_mg=100)))
    assert s.days[0].phase == "taper" and not s.continues
    patient = " ".join(pdf_pages(s, tmp_path)[:-1])
    assert "Stopping gabapentin slowly" in patient
    assert "building up" not in patient and "Starting" not in patient
