"""Each kind of plan round-trips through the command line (issue 14): `new` writes it,
`schedule` lays it out, `export` writes the PDF and the calendar; the PDF's text and the
parsed calendar give the engine's doses, today's doses come first for a change or a stop,
and only a plan that stops says it ends."""

from datetime import date, datetime

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.cli import main
from planner.domain.schedule import compute_schedule
from planner.files.planfile import load_plan_file

START = "2027-01-04"
KINDS = {
    "start": ["--kind", "start", "--review", "2027-03-01"],
    "change": ["--kind", "change", "--current", "morning=300,bedtime=600", "--target", "1800"],
    "stop": ["--kind", "stop", "--current", "morning=300,midday=300,bedtime=600"],
}


def run(capsys, *args) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_new_then_schedule_then_export(tmp_path, capsys, kind):
    plan_path = tmp_path / "plan.json"
    code, _ = run(capsys, "new", "--drug", "gabapentin", "--indication", "postherpetic_neuralgia",
                  "--start", START, *KINDS[kind], "-o", str(plan_path))
    assert code == 0
    plan = load_plan_file(plan_path)
    assert plan.kind == kind
    s = compute_schedule(plan, today=date(2027, 1, 1))
    assert s.exportable, [p.code for p in s.blocking]

    code, text = run(capsys, "schedule", str(plan_path), "--today", "2027-01-01")
    assert code == 0
    for st in s.steps:
        assert f"{st.total_mg} mg/day" in text or st.total_mg == 0

    pdf, ics = tmp_path / "plan.pdf", tmp_path / "plan.ics"
    assert run(capsys, "export", str(plan_path), "-o", str(pdf), "--today", "2027-01-01")[0] == 0
    assert run(capsys, "export", str(plan_path), "-o", str(ics), "--today", "2027-01-01")[0] == 0
    words = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)

    # Every step's daily dose is on paper as the engine gives it.
    for st in s.steps:
        if st.total_mg:
            assert f"{st.total_mg} mg/day" in words
    if kind in ("change", "stop"):
        assert "Now, until" in words and "The first change is on" in words
        assert s.current and s.days[0].date == date(2027, 1, 4)
    if kind == "stop":
        assert not s.continues and "stop taking gabapentin" in words.lower()
    else:
        assert s.continues and "Keep taking" in words and "Do not stop" in words

    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert events
    days = sorted(d.date() if isinstance(d, datetime) else d for d in (e.decoded("DTSTART") for e in events))
    assert days[0] == s.days[0].date
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    if kind == "start":
        assert s.review_date == date(2027, 3, 1) and "review" in summaries.lower()
