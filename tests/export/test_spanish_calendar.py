"""Issue 16: the phone calendar (.ics) and the CSV of a plan printed in Spanish are in Spanish
with the engine's doses, and the command line exports them (and the PDF) with --language."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import replace
from datetime import datetime

import pytest
from icalendar import Calendar

from planner.cli import main
from planner.domain.schedule import compute_schedule
from planner.export.calendar import schedule_to_ics
from planner.export.files import export_file
from planner.files.planfile import example_names, load_example
from planner.text.units import is_liquid

STOP = "gabapentin-stop-from-300-300-600"
ENGLISH_WORDS = re.compile(r"\b(take|Take|capsules?|tablets?|Day|Stop|stop|your|Gabapentin|Pregabalin|"
                           r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Dec|Nov)\b")


def spanish(name: str):
    return compute_schedule(replace(load_example(name), handout_language="es"))


def _cli(args) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code
    return code, err.getvalue()


@pytest.mark.parametrize("name", example_names())
def test_the_spanish_calendar_parses_and_holds_the_engines_doses_in_spanish(name):
    s = spanish(name)
    cal = Calendar.from_ical(schedule_to_ics(s, now=datetime(2026, 6, 1)))
    events = list(cal.walk("VEVENT"))
    doses = {(day.date, d.time): d for day in s.days for d in day.doses}
    assert str(cal.get("X-WR-CALNAME")).startswith(("Gabapentina", "Pregabalina"))
    seen = 0
    for ev in events:
        summary, notes = str(ev.get("SUMMARY")), str(ev.get("DESCRIPTION"))
        assert not ENGLISH_WORDS.search(summary), summary
        assert not ENGLISH_WORDS.search(notes), notes
        start = ev.decoded("DTSTART")
        if isinstance(start, datetime):
            dose = doses[(start.date(), f"{start:%H:%M}")]
            assert summary.endswith(f"({dose.mg} mg)"), summary
            assert summary.startswith(("Gabapentina: tome ", "Pregabalina: tome ")), summary
            if not any(is_liquid(u) for u in dose.units):
                for u in dose.units:
                    assert re.search(r"(cápsula|tableta)s? de %d mg" % u.strength_mg, summary), summary
            seen += 1
    assert seen == len(doses)


@pytest.mark.parametrize("name", example_names())
def test_the_spanish_csv_parses_and_its_mg_are_the_engines(name, tmp_path):
    s = spanish(name)
    out = tmp_path / "plan.csv"
    export_file(s, out)  # the verified write: its check reads the Spanish file back
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"))))
    head = rows[0]
    assert head[:4] == ["día", "fecha", "fase", "total_mg"]
    assert len(head) == 20 and "mañana_mg" in head and "acostarse_unidades" in head
    for row, day in zip(rows[1:], s.days):
        cells = dict(zip(head, row))
        assert cells["fecha"] == day.date.isoformat()  # dates stay ISO
        assert int(cells["total_mg"]) == day.total_mg
        assert cells["fase"] in ("aumento", "mantenimiento", "reducción")
        by_slot = {d.slot: d for d in day.doses}
        for slot, word in (("morning", "mañana"), ("midday", "mediodía"), ("evening", "tarde"),
                           ("bedtime", "acostarse")):
            mg = cells[f"{word}_mg"]
            assert (int(mg) if mg else None) == (by_slot[slot].mg if slot in by_slot else None)
            assert not ENGLISH_WORDS.search(cells[f"{word}_unidades"])
    assert rows[-1][-2] in ("continuar", "suspendido")


def test_the_english_csv_header_is_unchanged(tmp_path):
    out = tmp_path / "plan.csv"
    export_file(compute_schedule(load_example(STOP)), out)
    head = out.read_text("utf-8").splitlines()[0]
    assert head.startswith("day,date,phase,total_mg,morning_time,morning_mg,morning_units")
    assert head.endswith("after_dialysis_mg,after_dialysis_units,then,review_date")


@pytest.mark.parametrize("suffix", [".pdf", ".ics", ".csv"])
def test_the_command_line_exports_in_spanish(suffix, tmp_path):
    out = tmp_path / f"plan{suffix}"
    code, err = _cli(["export", f"resources/examples/{STOP}.json", "-o", str(out), "--language", "es",
                      "--today", "2026-06-01"])
    assert code == 0, err
    if suffix == ".pdf":
        from pypdf import PdfReader

        text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
        assert "Su plan de gabapentina" in text and "martes 1 dic 2026" in text
    elif suffix == ".ics":
        assert "Gabapentina: tome 1 cápsula de 300 mg (300 mg)" in out.read_text("utf-8")
    else:
        assert out.read_text("utf-8").startswith("día,fecha,fase,total_mg")


def test_an_unsupported_language_exits_2_listing_the_supported_ones(tmp_path):
    code, err = _cli(["export", f"resources/examples/{STOP}.json", "-o", str(tmp_path / "x.pdf"),
                      "--language", "fr"])
    assert code == 2
    assert "en" in err and "es" in err and "fr" in err
    assert not (tmp_path / "x.pdf").exists()
