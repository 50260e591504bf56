"""What the printout says for each kind of plan: its heading, today's regimen before day 1
(day 1 is the first change), no building-up words for a plan that comes down, and on the
clinician's page the kind, the review, the shaped steps and off-label use.

Until the engine lays out change and stop plans, today's regimen is put on a real start
plan's schedule with dataclasses.replace (Schedule.current is what the printout reads)."""

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

pypdf = pytest.importorskip("pypdf")

from conftest import make_plan  # noqa: E402
from planner.domain.plan import OffLabel, Taper  # noqa: E402
from planner.domain.schedule import Dose, compute_schedule  # noqa: E402
from planner.domain.units import Unit  # noqa: E402
from planner.export.calendar import schedule_to_ics  # noqa: E402
from planner.export.printout import PrintOptions, export_pdf  # noqa: E402
from planner.export.printout.content import plan_pages  # noqa: E402
from planner.export.printout.blocks import StepCard, Text  # noqa: E402
from planner.export.printout.words import regimen_words  # noqa: E402

PRINTED = date(2026, 11, 20)
TODAY = (("morning", 300), ("midday", 300), ("bedtime", 600))


def capsules(slot: str, mg: int) -> Dose:
    times = {"morning": "08:00", "midday": "13:00", "evening": "18:00", "bedtime": "22:00"}
    return Dose(slot, times[slot], mg, (Unit(300, "capsule", Decimal(mg // 300)),))


def with_current(schedule, kind: str):
    """The schedule as a change or stop plan from 300/300/600 would give it."""
    plan = replace(schedule.plan, kind=kind, current=TODAY)
    return replace(schedule, plan=plan, current=tuple(capsules(sl, mg) for sl, mg in TODAY))


def pdf_pages(schedule, tmp_path, part="patient") -> list[str]:
    """The pages' text: the patient's pages (the default printout), or part "clinician"."""
    path = tmp_path / "plan.pdf"
    export_pdf(schedule, path, PrintOptions(printed_on=PRINTED, part=part))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]


def test_todays_regimen_is_the_starting_point_before_day_1(qapp, tmp_path):
    s = with_current(compute_schedule(make_plan(kind="start", target_dose_mg=1800)), "change")
    blocks = plan_pages(s, PrintOptions(printed_on=PRINTED), PRINTED).blocks
    cards = [b for b in blocks if isinstance(b, StepCard)]
    now = cards[0]
    # The heading names the last day of today's doses, as the card's line does (up to and
    # including Mon 30 Nov): never the day of the first change.
    assert now.when == "Now, until Mon 30 Nov 2026" and now.total == "1200 mg/day"
    assert "up to and including Mon 30 Nov 2026" in now.every_day
    assert [(d.when, d.amount) for d in now.doses] == [("Morning 08:00", "300 mg"), ("Midday 13:00", "300 mg"),
                                                       ("Bedtime 22:00", "600 mg")]
    assert now.every_day == ("Take these doses up to and including Mon 30 Nov 2026. "
                             "The first change is on Tue 1 Dec 2026 (day 1).")
    assert cards[1].about.startswith("Step 1 · Day 1 ·")
    patient = " ".join(pdf_pages(s, tmp_path))
    assert "First change Tue 1 Dec 2026 (day 1)" in patient  # the header's row, not "Start date"
    assert "Start date" not in patient
    assert "Changing your gabapentin dose" in patient
    assert "Take 2 × 300 mg capsules" in patient


def test_a_plan_that_comes_down_never_reads_as_building_up(qapp, tmp_path):
    # Steps laid out as titration below today's regimen (a change to a lower dose) read as coming down.
    down = compute_schedule(make_plan(target_dose_mg=150, start_dose_mg=900, taper=Taper(step_days=7, step_mg=300)))
    down = replace(down, days=tuple(replace(d, phase="titration") for d in down.days[:-1]),
                   steps=tuple(replace(st, phase="titration") for st in down.steps[:-1]))
    s = with_current(down, "change")
    assert s.days[-1].total_mg < sum(d.mg for d in s.current) and s.steps[0].phase == "titration"
    patient = " ".join(pdf_pages(s, tmp_path))
    assert "building up" not in patient and "Starting" not in patient
    assert "coming down" in patient and "Changing your gabapentin dose" in patient

    stop = with_current(compute_schedule(make_plan(target_dose_mg=150, taper=Taper(step_days=7, step_mg=100))),
                        "stop")
    patient = " ".join(pdf_pages(stop, tmp_path))
    assert "Stopping gabapentin slowly" in patient
    assert "building up" not in patient and "Starting" not in patient and "Start date" not in patient
    ics = schedule_to_ics(stop).decode()
    assert "building up" not in ics


def test_kind_headings():
    def heading(s):
        return [b.text for b in plan_pages(s, PrintOptions(printed_on=PRINTED), PRINTED).blocks if isinstance(b, Text)][1]

    start = compute_schedule(make_plan(kind="start"))
    assert heading(start) == "Starting gabapentin"
    assert heading(with_current(start, "change")) == "Changing your gabapentin dose"
    taper = compute_schedule(make_plan(taper=Taper(step_days=7, step_mg=300)))
    assert heading(taper) == "Starting gabapentin, then stopping it slowly"
    assert heading(with_current(taper, "stop")) == "Stopping gabapentin slowly"


def test_regimen_words():
    assert regimen_words(tuple(capsules(sl, 600) for sl in ("morning", "midday", "bedtime"))) == \
        "600 mg three times a day"
    assert regimen_words((capsules("bedtime", 300),)) == "300 mg at bedtime"
    assert regimen_words(tuple(capsules(sl, mg) for sl, mg in TODAY)) == \
        "300 mg in the morning, 300 mg at midday and 600 mg at bedtime"


def test_the_clinicians_page_gives_the_kind_the_review_shaped_steps_and_off_label_use(qapp, tmp_path):
    # The drug profiles gain the "off_label" indication in another part of this work: the
    # declaration alone (plan.off_label) marks the page.
    plan = make_plan(kind="start", maintenance="review", review_date=date(2027, 1, 12),
                     off_label=OffLabel(max_daily_mg=1800, reason="diabetic neuropathic pain"))
    s = compute_schedule(plan)
    s = replace(s, review_date=plan.review_date)  # until the engine copies it
    steps = list(s.steps)
    steps[1] = replace(steps[1], edited=True)
    steps[2] = replace(steps[2], hold=True)
    s = replace(s, steps=tuple(steps))
    clinician = " ".join(pdf_pages(s, tmp_path, "clinician"))
    assert "Off-label use: diabetic neuropathic pain; stated maximum 1800 mg/day" in clinician
    assert "Kind of plan start: titrate up to the target, then continue" in clinician
    assert "continue at the target until the review on 12 Jan 2027" in clinician
    assert "step 2 (Day 2) edited: 600 mg/day; step 3 (Day 3) hold at 900 mg/day" in clinician

    changed = with_current(compute_schedule(make_plan(kind="start")), "change")
    clinician = " ".join(pdf_pages(changed, tmp_path, "clinician"))
    assert ("Today's regimen Morning 300 mg, Midday 300 mg, Bedtime 600 mg (1200 mg/day); "
            "the first change is on 1 Dec 2026 (day 1)") in clinician
    assert "Off-label" not in clinician


@pytest.mark.parametrize("hold_days", [0, 14])
def test_a_target_below_the_start_is_worded_as_its_days_go(qapp, tmp_path, hold_days):
    s = compute_schedule(make_plan(target_dose_mg=150, maintenance_days=hold_days,
                                   taper=Taper(step_days=7, step_mg=100)))
    first = next(d for d in s.days if d.phase == "taper")
    assert first.day == hold_days + 1 and all(d.total_mg == 300 for d in s.days[:hold_days])
    clinician = " ".join(pdf_pages(s, tmp_path, "clinician"))
    if hold_days:
        assert (f"so this plan holds 300 mg/day for {hold_days} days, then tapers from it to zero: "
                f"the first reduction is on day {first.day}, {first.total_mg} mg/day.") in clinician
    else:
        assert "holds" not in clinician
        assert ("so this plan tapers from 300 mg/day to zero: day 1 is already the first reduction, "
                f"{s.days[0].total_mg} mg/day.") in clinician


def test_the_medicine_row_names_the_strengths_of_todays_regimen_too():
    from planner.export.printout.words import medicine_text

    s = compute_schedule(make_plan(kind="start", strengths_mg=(100,)))
    assert "300 mg capsules" not in medicine_text(s)
    assert "100 mg capsules, 300 mg capsules" in medicine_text(with_current(s, "change"))
