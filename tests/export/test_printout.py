"""The printed plan: every printed dose is the engine's dose, on pages that count themselves."""

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

pypdf = pytest.importorskip("pypdf")

from planner.domain import schema  # noqa: E402
from planner.domain.plan import KidneyInput, Override  # noqa: E402
from planner.files.planfile import load_example  # noqa: E402
from planner.domain.schedule import compute_schedule  # noqa: E402
from planner.domain.units import Unit  # noqa: E402
from planner.text.numbers import fmt_count  # noqa: E402
from planner.export.printout.content_month import MAX_MONTHS  # noqa: E402
from planner.export.printout import (  # noqa: E402
    PrintOptions,
    date_range,
    default_paper,
    dispense_text,
    export_pdf,
    total_text,
    units_text,
)

from conftest import make_plan  # noqa: E402

PRINTED = date(2026, 11, 20)
EXAMPLES = ["gabapentin-phn-label-start", "gabapentin-phn-to-1800-with-taper", "pregabalin-phn",
            "gabapentin-kidney-30-59"]


def pdf_text(path) -> list[str]:
    """Each page's text, with runs of white space made one space (a wrapped line is a space)."""
    reader = pypdf.PdfReader(str(path))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def export(schedule, tmp_path, name="plan.pdf", **options):
    path = tmp_path / name
    pages = export_pdf(schedule, path, PrintOptions(printed_on=PRINTED, **options))
    return path, pages


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_step_and_dose_is_printed_as_the_engine_made_it(qapp, tmp_path, name):
    schedule = compute_schedule(load_example(name))
    path, pages = export(schedule, tmp_path, part="all")
    texts = pdf_text(path)
    assert len(texts) == pages
    patient = " ".join(texts[:-1])  # the last page is the clinician's (asked for: part "all")
    for step in schedule.steps:
        assert date_range(step.start, step.end) in patient, step
        assert total_text(step.total_mg) in patient, step
        for dose in step.doses:
            assert f"Take {units_text(dose.units)}" in patient, dose
            assert f"{dose.mg} mg" in patient
    title = schedule.profile.texts["taper_warning"]["title"]
    assert title in texts[0], "the taper warning belongs on page 1"
    for i in range(1, pages + 1):
        assert f"Page {i} of {pages}" in texts[i - 1]
    clinician = texts[-1]
    assert "For the prescriber and pharmacy" in clinician
    for line in schedule.dispense:
        assert dispense_text(line) in clinician
    assert f"Printed doses are the engine's doses; plan file format {schema.FORMAT_VERSION}" in clinician


def test_units_text_uses_the_engine_counts_and_strengths():
    half = (Unit(600, "tablet", Decimal("0.5")),)
    assert units_text(half) == "½ of a 600 mg tablet"
    mixed = (Unit(600, "tablet", Decimal("1.5")), Unit(100, "capsule", Decimal("2")))
    text = units_text(mixed)
    assert text == "1½ × 600 mg tablets and 2 × 100 mg capsules"
    for u in mixed:
        assert f"{fmt_count(u.count)} × {u.strength_mg} mg {u.form}" in text


def test_header_names_the_patient_prescriber_pharmacy_and_medicine(qapp, tmp_path):
    schedule = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    path, _ = export(schedule, tmp_path)
    first = pdf_text(path)[0]
    for words in ("Your gabapentin plan", "Alex Example", "born 2 Apr 1950", "Dr Sam Carter",
                  "Riverside Pain Clinic", "01234 567890", "High Street Pharmacy", "01234 765432",
                  "Tue 1 Dec 2026", "20 Nov 2026", "Gabapentin (Neurontin)"):
        assert words in first, words


def test_the_final_stop_step_and_the_taper_table(qapp, tmp_path):
    schedule = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    path, _ = export(schedule, tmp_path)
    text = " ".join(pdf_text(path))
    stop = schedule.steps[-1]
    assert stop.total_mg == 0 and not stop.doses
    assert "From Sat 20 Mar 2027: stop taking gabapentin — your doctor planned this step" in text
    assert "How your dose comes down" in text


def test_a_two_year_plan_stays_a_few_pages(qapp, tmp_path):
    schedule = compute_schedule(load_example("gabapentin-slow-two-year"))
    assert len(schedule.days) == 817
    path, pages = export(schedule, tmp_path, tick_chart=False)
    assert pages <= 12
    _, with_chart = export(schedule, tmp_path, "chart.pdf")
    assert with_chart <= pages + MAX_MONTHS  # the month tick chart's page cap (content_month)
    text = " ".join(pdf_text(path))
    long_steps = [s for s in schedule.steps if s.days > 31]
    assert long_steps
    for step in long_steps:
        assert "Every day from" in text


def test_paper_sizes_and_large_print(qapp, tmp_path):
    schedule = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    a4, a4_pages = export(schedule, tmp_path, "a4.pdf", paper="A4")
    letter, _ = export(schedule, tmp_path, "letter.pdf", paper="Letter")
    large, large_pages = export(schedule, tmp_path, "large.pdf", large_print=True)
    w, h = (float(x) for x in pypdf.PdfReader(str(a4)).pages[0].mediabox.upper_right)
    assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2
    w, h = (float(x) for x in pypdf.PdfReader(str(letter)).pages[0].mediabox.upper_right)
    assert abs(w - 612) < 2 and abs(h - 792) < 2
    assert large_pages > a4_pages
    assert default_paper() in ("A4", "Letter")


def test_unresolved_blocking_problem_refuses_and_an_override_prints_its_reason(qapp, tmp_path):
    # CrCl 20 mL/min allows at most 700 mg/day of gabapentin: 900 mg/day is blocking.
    plan = make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(20)))
    schedule = compute_schedule(plan)
    assert schedule.unresolved_blocking
    with pytest.raises(ValueError, match="blocking problem"):
        export_pdf(schedule, tmp_path / "refused.pdf", PrintOptions())
    assert not (tmp_path / "refused.pdf").exists()

    reason = "Specialist renal team advised 900 mg/day"
    code = schedule.unresolved_blocking[0].code
    overridden = compute_schedule(replace(plan, overrides=tuple(
        Override(p.code, reason, p.value) for p in schedule.unresolved_blocking)))
    assert overridden.exportable
    path, _ = export(overridden, tmp_path, "overridden.pdf", part="clinician")
    clinician = " ".join(pdf_text(path))
    assert reason in clinician
    assert code in clinician
    assert "overrides the blocking problem" in clinician


def test_the_chart_is_vector_not_a_picture(qapp, tmp_path):
    schedule = compute_schedule(load_example("gabapentin-phn-to-1800-with-taper"))
    path, _ = export(schedule, tmp_path)
    reader = pypdf.PdfReader(str(path))
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            assert ref.get_object().get("/Subtype") != "/Image"
    chart_page = next(p for p in reader.pages if "Your plan as a chart" in re.sub(r"\s+", " ", p.extract_text()))
    ops = chart_page.get_contents().get_data()
    # the chart's areas and lines are path operators: many fills and strokes
    assert len(re.findall(rb"\bf\b|\bf\*|\bS\b", ops)) > 20


def test_no_schedule_the_engine_can_make_breaks_the_printout(qapp, tmp_path):
    plans = [
        make_plan(),
        make_plan(doses_per_day=4, slot_fill="all", target_dose_mg=3600, increment_mg=600),
        make_plan(doses_per_day=1, target_dose_mg=300),
        make_plan(strengths_mg=(600,), start_dose_mg=300, increment_mg=300, target_dose_mg=1200),
        make_plan(step_days=40, target_dose_mg=600),
        make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True), start_dose_mg=100,
                  increment_mg=100, target_dose_mg=300, doses_per_day=1),
    ]
    for i, plan in enumerate(plans):
        schedule = compute_schedule(plan)
        if not schedule.exportable:
            continue
        path, pages = export(schedule, tmp_path, f"p{i}.pdf")
        assert pages >= 2
        assert f"Page {pages} of {pages}" in pdf_text(path)[-1]


def test_dialysis_supplement_is_printed_with_its_units(qapp, tmp_path):
    plan = make_plan(kidney=KidneyInput(crcl_ml_min=Decimal(10), haemodialysis=True), start_dose_mg=100,
                     increment_mg=100, target_dose_mg=200, doses_per_day=1)
    schedule = compute_schedule(plan)
    assert schedule.exportable and schedule.dialysis_steps
    path, _ = export(schedule, tmp_path)
    text = " ".join(pdf_text(path))
    for st in schedule.dialysis_steps:  # each step's own supplement
        dz = st.dialysis
        assert f"After each dialysis session ({dz.session_hours} hours): also take {units_text(dz.units)}" in text
