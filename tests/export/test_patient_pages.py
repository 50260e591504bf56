"""The patient's pages (issue 15): no prescriber limits, what the medicine is for, the
emergency box, steps worded by what their dose does (a taper never "builds up"), a plan
that continues never ends, which pages print (patient, clinician, all) and landscape."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, datetime

import pytest
from icalendar import Calendar

from conftest import make_plan
from planner.domain.plan import OFF_LABEL, OffLabel, Taper
from planner.domain.profiles import drug_ids, load_profile
from planner.domain.schedule import compute_schedule
from planner.export.calendar import schedule_to_ics
from planner.export.print_options import DEFAULT_EMERGENCY, PrintOptions, default_emergency_number
from planner.export.printout.blocks import Chart, DoseRow, EmergencyBox, StepCard, StopBox, Text
from planner.export.printout.content import plan_pages
from planner.export.printout.words import change_words
from planner.files.planfile import example_names, load_example
from planner.text.catalogue import say

pypdf = pytest.importorskip("pypdf")

PRINTED = date(2026, 12, 1)
# What the prescriber's page says and the patient's must not: the label's and the kidneys' limits.
LIMITS = ("label maximum", "kidney maximum", "recommended up to", "CrCl", "mL/min")
TAPERS = ("gabapentin-stop-from-300-300-600", "pregabalin-stop-liquid-taper")


def schedule(name):
    return compute_schedule(load_example(name), today=PRINTED)


def block_texts(blocks) -> list[str]:
    """Every string a block prints (a dose row's words too); a chart is drawn, not worded here."""
    out = []
    for b in blocks:
        if isinstance(b, Chart):
            continue
        for f in fields(b):
            if f.name in ("colour", "phase", "tone", "audience"):  # names the painter knows, not words
                continue
            value = getattr(b, f.name)
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                if isinstance(item, str):
                    out.append(item)
                elif isinstance(item, DoseRow):
                    out += [item.when, item.take, item.amount]
    return out


def patient_text(s, **options) -> str:
    return " ".join(block_texts(plan_pages(s, PrintOptions(**options), PRINTED).blocks))


def pdf_pages(s, tmp_path, **options) -> list[str]:
    from planner.export.printout import export_pdf

    path = tmp_path / "plan.pdf"
    export_pdf(s, path, PrintOptions(printed_on=PRINTED, **options))
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in pypdf.PdfReader(str(path)).pages]


def page_sizes(path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in pypdf.PdfReader(str(path)).pages]


# --- no prescriber limits; a plan that continues never ends --------------------------------------


@pytest.mark.parametrize("name", example_names())
def test_the_patients_pages_hold_no_prescriber_limits(qapp, tmp_path, name):
    s = schedule(name)
    words = patient_text(s)
    printed = " ".join(pdf_pages(s, tmp_path))
    for limit in LIMITS:
        assert limit not in words, limit
        assert limit not in printed, limit
    # The clinician's page, asked for, still has them: the test reads what it says it reads.
    assert "CrCl" in " ".join(pdf_pages(s, tmp_path, part="clinician")) or s.kidney is None


@pytest.mark.parametrize("name", [n for n in example_names() if schedule(n).continues])
def test_a_continuing_plan_never_says_it_stops_or_ends(name):
    s = schedule(name)
    blocks = plan_pages(s, PrintOptions(), PRINTED).blocks
    assert not [b for b in blocks if isinstance(b, StopBox) and b.tone == "stop"]
    assert [b for b in blocks if isinstance(b, StopBox) and b.tone == "continue"]
    words = " ".join(block_texts(blocks))
    for ending in ("the plan ends", "no more doses", "stop taking it"):
        assert ending not in words, ending
    kind = blocks[1].text  # under the title: what the plan does
    assert kind not in (say("printout.kind.stop", drug=s.profile.name),
                        say("printout.kind.start-and-stop", drug=s.profile.name))


# --- each step worded and coloured by what its dose does ---------------------------------------


def cards(s) -> list[StepCard]:
    return [b for b in plan_pages(s, PrintOptions(), PRINTED).blocks if isinstance(b, StepCard)
            and b.phase != "current"]


def assert_every_step_goes_down(s):
    down, up = change_words("down"), change_words("up")
    got = cards(s)
    assert got
    for card in got:
        assert card.about.endswith(down), card.about
        assert up not in card.about and card.phase == "taper"
    ics = Calendar.from_ical(schedule_to_ics(s))
    notes = [str(e["DESCRIPTION"]) for e in ics.walk("VEVENT") if isinstance(e.decoded("DTSTART"), datetime)]
    assert notes and all(say("calendar.change.down") in n for n in notes)
    assert not any("building up" in n or say("calendar.change.up") in n for n in notes)


@pytest.mark.parametrize("name", TAPERS)
def test_a_tapers_steps_say_going_down_in_the_printout_and_the_calendar(name):
    assert_every_step_goes_down(schedule(name))


def test_a_taper_entered_with_start_equal_to_target_never_builds_up():
    s = compute_schedule(make_plan(start_dose_mg=900, target_dose_mg=900, maintenance_days=0,
                                   taper=Taper(step_days=7, step_mg=300)))
    assert s.steps[0].phase == "titration"  # what the engine calls day 1: the words must not follow it
    got = cards(s)
    assert got[0].about.endswith(say("pages.step.start")) and got[0].phase == "titration"
    for card in got[1:]:
        assert card.about.endswith(change_words("down")) and card.phase == "taper"
    words = " ".join(c.about for c in got)
    assert change_words("up") not in words
    notes = " ".join(str(e["DESCRIPTION"]) for e in Calendar.from_ical(schedule_to_ics(s)).walk("VEVENT"))
    assert "building up" not in notes and "titration" not in notes
    assert say("calendar.change.start") in notes and say("calendar.change.down") in notes


def test_a_step_up_the_same_and_down_read_so():
    s = compute_schedule(make_plan(target_dose_mg=1200, maintenance_days=7, taper=Taper(step_days=7, step_mg=300)))
    abouts = [c.about for c in cards(s)]
    totals = [st.total_mg for st in s.steps if st.doses]
    for k, (about, total) in enumerate(zip(abouts, totals)):
        if k == 0:
            want = "start"
        else:
            want = "up" if total > totals[k - 1] else "down" if total < totals[k - 1] else "same"
        assert about.endswith(say("pages.step.start") if want == "start" else change_words(want)), (k, about)
    assert {"up", "same", "down"} <= {("up" if t > p else "down" if t < p else "same")
                                      for p, t in zip(totals, totals[1:])}


# --- what the medicine is for -----------------------------------------------------------------


@pytest.mark.parametrize("drug", drug_ids())
def test_every_indication_has_plain_patient_words_and_they_print_near_the_top(drug):
    profile = load_profile(drug)
    base = schedule("gabapentin-phn-label-start" if drug == "gabapentin" else "pregabalin-phn")
    for ind in profile.indications:
        s = replace(base, plan=replace(base.plan, indication=ind.id))
        blocks = plan_pages(s, PrintOptions(), PRINTED).blocks
        line = blocks[2]  # under the title and the kind of plan
        assert isinstance(line, Text)
        if ind.id == OFF_LABEL:
            assert ind.purpose is None
            assert line.text == say("pages.purpose.other", drug=profile.name)
            continue
        assert ind.purpose and not re.search(r"\d", ind.purpose), ind.id  # no clinical numbers
        assert len(ind.purpose.split()) <= 12
        assert line.text == say("pages.purpose", drug=profile.name, purpose=ind.purpose)


def test_the_purpose_lines_of_the_issue():
    s = schedule("gabapentin-phn-label-start")
    assert patient_text(s).count("You take gabapentin for nerve pain after shingles.") == 1
    epilepsy = replace(s, plan=replace(s.plan, indication="epilepsy"))
    assert "You take gabapentin to help prevent seizures." in patient_text(epilepsy)


def test_the_off_label_reason_is_the_prescribers_not_printed_for_the_patient():
    s = schedule("gabapentin-off-label-diabetic-neuropathy")
    reason = s.plan.off_label.reason
    assert reason and reason not in patient_text(s)
    assert say("pages.purpose.other", drug="gabapentin") in patient_text(s)
    assert reason in patient_text(s, part="clinician")
    # Declared off-label with an indication that has words: the indication's words print.
    declared = replace(s, plan=replace(s.plan, indication="postherpetic_neuralgia", off_label=OffLabel(
        max_daily_mg=1800, reason="clinical text")))
    assert "for nerve pain after shingles" in patient_text(declared) and "clinical text" not in patient_text(declared)


# --- the emergency box ------------------------------------------------------------------------


def emergency(s, **options) -> EmergencyBox:
    boxes = [b for b in plan_pages(s, PrintOptions(**options), PRINTED).blocks if isinstance(b, EmergencyBox)]
    assert len(boxes) == 1
    return boxes[0]


def test_the_emergency_box_has_the_number_the_serious_signs_once_and_the_phones():
    s = schedule("gabapentin-phn-to-1800-with-taper")
    box = emergency(s, emergency_number="999")
    assert box.call.startswith("Call 999 (or your local emergency number) if")
    serious = s.profile.texts["serious_side_effects"]
    assert list(box.lines) == serious
    words = patient_text(s)
    for line in serious:  # printed once: in the box, not in a second list
        assert words.count(line) == 1, line
    assert any(s.plan.prescriber.phone in c for c in box.contacts)
    assert any(s.plan.pharmacy.phone in c for c in box.contacts)
    # No phones given: a line to write each on.
    bare = replace(s, plan=replace(s.plan, prescriber=None, pharmacy=None))
    assert all("____" in c for c in emergency(bare).contacts)
    assert emergency(bare).call.startswith(f"Call {DEFAULT_EMERGENCY} ")  # no number given, no Qt asked


@pytest.mark.parametrize(("territory", "number"), [("UnitedStates", "911"), ("UnitedKingdom", "999"),
                                                   ("Germany", "112")])
def test_the_emergency_number_defaults_by_locale_in_the_printed_pages(qapp, tmp_path, territory, number):
    from PySide6.QtCore import QLocale

    before = QLocale()
    territories = getattr(QLocale, "Territory", QLocale.Country)
    QLocale.setDefault(QLocale(QLocale.Language.English, getattr(territories, territory)))
    try:
        assert default_emergency_number() == number
        text = " ".join(pdf_pages(schedule("pregabalin-phn"), tmp_path))
        assert f"Call {number} (or your local emergency number) if" in text
        chosen = " ".join(pdf_pages(schedule("pregabalin-phn"), tmp_path, emergency_number="+44 20 7946"))
        assert "Call +44 20 7946 (or your local emergency number) if" in chosen
    finally:
        QLocale.setDefault(before)


def test_the_emergency_box_is_one_block_on_one_page(qapp):
    from PySide6.QtGui import QPdfWriter

    from planner.export.printout.render import _set_page, layout_plan

    s = schedule("pregabalin-stop-liquid-taper")
    for options in (PrintOptions(large_print=True), PrintOptions(orientation="landscape", large_print=True)):
        writer = QPdfWriter("/dev/null")
        writer.setResolution(300)
        _set_page(writer, options)
        c, pages, footer_h, _ = layout_plan(writer, s, options, PRINTED)
        placed = [(box, y) for page in pages for box, y in page.items if isinstance(box.block, EmergencyBox)]
        assert len(placed) == 1
        box, y = placed[0]
        assert y + box.height <= c.height - footer_h


# --- which pages: the patient's (default), the clinician's, or both --------------------------


def test_the_default_printout_is_the_patients_pages_only(qapp, tmp_path):
    s = schedule("gabapentin-phn-to-1800-with-taper")
    patient = pdf_pages(s, tmp_path)
    assert not any("For the prescriber and pharmacy" in p for p in patient)
    assert "Your doses, day by day" in patient[0]
    both = pdf_pages(s, tmp_path, part="all")
    footer = re.compile(r"Page \d+ of \d+")
    assert [footer.sub("", p) for p in both[:len(patient)]] == [footer.sub("", p) for p in patient]
    assert both[len(patient)].startswith("For the prescriber and pharmacy")


def test_the_clinicians_page_alone_says_whose_plan_it_is(qapp, tmp_path):
    s = schedule("gabapentin-phn-to-1800-with-taper")
    pages = pdf_pages(s, tmp_path, part="clinician")
    first = pages[0]
    assert first.startswith("For the prescriber and pharmacy")
    assert "Gabapentin plan for Alex Example (born 2 Apr 1950) · Starting gabapentin, then stopping it slowly" in first
    text = " ".join(pages)
    assert "Your doses, day by day" not in text and "Side effects that need help at once" not in text
    assert "Page 1 of" in first
    nameless = replace(s, plan=replace(s.plan, patient=None))
    blocks = plan_pages(nameless, PrintOptions(part="clinician"), PRINTED).blocks
    assert blocks[0].subtitle == "Gabapentin plan · Starting gabapentin, then stopping it slowly"  # beside the code
    assert not blocks[0].new_page


# --- landscape ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "long", "short"), [("A4", 841.9, 595.3), ("Letter", 792.0, 612.0)])
def test_landscape_turns_every_page(qapp, tmp_path, paper, long, short):
    from planner.export.printout import export_pdf

    s = schedule("gabapentin-stop-from-300-300-600")
    for orientation, want in (("portrait", (short, long)), ("landscape", (long, short))):
        path = tmp_path / f"{orientation}.pdf"
        n = export_pdf(s, path, PrintOptions(paper=paper, orientation=orientation, part="all", printed_on=PRINTED))
        sizes = page_sizes(path)
        assert len(sizes) == n
        for w, h in sizes:
            assert abs(w - want[0]) < 2 and abs(h - want[1]) < 2, (orientation, w, h)


# --- the tick boxes give way to the month tick chart -----------------------------------------


def test_with_the_month_tick_chart_the_cards_have_no_tick_boxes_and_say_so():
    s = schedule("gabapentin-phn-label-start")
    charted = plan_pages(s, PrintOptions(), PRINTED).blocks
    assert not any(b.tick_labels for b in charted if isinstance(b, StepCard))
    assert say("printout.doses.intro") not in block_texts(charted)
    assert say("pages.doses.intro.chart") in block_texts(charted)
    ticked = plan_pages(s, PrintOptions(tick_chart=False), PRINTED).blocks
    assert all(b.tick_labels for b in ticked if isinstance(b, StepCard) and b.phase != "current")
    assert say("printout.doses.intro") in block_texts(ticked)


def test_the_pages_turn_as_the_options_say_on_a_printer_the_preview_turned(qapp, tmp_path):
    """The preview's Landscape button turns its printer; the window hands that turn to the
    renderer in the options (orientation_of, tests/app/test_access_print_options.py), and
    the renderer lays the pages out as the options say, whatever the printer was before."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    from planner.export.printout import paint_plan

    s = schedule("gabapentin-stop-from-300-300-600")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "first.pdf"))
    options = PrintOptions(printed_on=PRINTED)
    paint_plan(printer, s, options)  # what the preview paints first: the options' orientation
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # the preview's Landscape button
    printer.setOutputFileName(str(tmp_path / "turned.pdf"))
    # The preview repaints with its printer's turn in the options (print_actions.orientation_of).
    paint_plan(printer, s, replace(options, orientation="landscape"))
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    assert all(w > h for w, h in page_sizes(tmp_path / "turned.pdf"))
    # Portrait again (the preview's Portrait button): the pages follow the options.
    printer.setOutputFileName(str(tmp_path / "back.pdf"))
    paint_plan(printer, s, options)
    assert all(w < h for w, h in page_sizes(tmp_path / "back.pdf"))
    # A new printer takes the options' orientation.
    fresh = QPrinter(QPrinter.PrinterMode.HighResolution)
    fresh.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    fresh.setOutputFileName(str(tmp_path / "fresh.pdf"))
    paint_plan(fresh, s, replace(options, orientation="landscape"))
    assert all(w > h for w, h in page_sizes(tmp_path / "fresh.pdf"))
