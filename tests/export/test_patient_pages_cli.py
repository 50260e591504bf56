"""`titration-planner export` with the patient's pages' options: --pages, --landscape,
--emergency-number and --no-tick-chart, and their errors (exit 2, naming the option)."""

from __future__ import annotations

import contextlib
import io
import re
from importlib import resources

import pytest

from planner.cli import USAGE_NOTE, main

pypdf = pytest.importorskip("pypdf")

PLAN = str(resources.files("planner.resources").joinpath("examples", "gabapentin-phn-to-1800-with-taper.json"))


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def export(tmp_path, *flags) -> tuple[list[str], list[tuple[float, float]]]:
    path = tmp_path / "plan.pdf"
    code, out, err = run("export", PLAN, "-o", str(path), "--today", "2026-12-01", "--paper", "A4", *flags)
    assert code == 0, err
    reader = pypdf.PdfReader(str(path))
    return ([re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages],
            [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages])


def test_the_usage_lists_the_new_options():
    for flag in ("--landscape", "--pages patient|clinician|all", "--emergency-number NUMBER", "--no-tick-chart"):
        assert flag in USAGE_NOTE


def test_pages_patient_by_default_clinician_or_all_when_asked(qapp, tmp_path):
    patient, _ = export(tmp_path)
    assert not any("For the prescriber and pharmacy" in p for p in patient)
    clinician, _ = export(tmp_path, "--pages", "clinician")
    assert clinician[0].startswith("For the prescriber and pharmacy")
    assert not any("Your doses, day by day" in p for p in clinician)
    both, _ = export(tmp_path, "--pages", "all")
    assert len(both) == len(patient) + len(clinician)


def test_landscape_emergency_number_and_tick_boxes(qapp, tmp_path):
    pages, sizes = export(tmp_path, "--landscape", "--emergency-number", "999", "--no-tick-chart")
    assert all(w > h for w, h in sizes)
    text = " ".join(pages)
    assert "Call 999 (or your local emergency number) if" in text
    assert "Tick a box each day" in text  # the cards' own tick boxes, with no month chart
    _, portrait = export(tmp_path)
    assert all(w < h for w, h in portrait)


@pytest.mark.parametrize("number", ["abc", "911; rm", "1234567890123456", "", "+-", "-5", "0", "1", "- 911"])
def test_a_bad_emergency_number_exits_2_naming_the_option(tmp_path, number):
    out = tmp_path / "plan.pdf"
    code, stdout, err = run("export", PLAN, "-o", str(out), "--emergency-number", number)
    assert code == 2 and "--emergency-number" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("number", ["15", "000", "112", "911", "+33 1 23 45 67", "0800-123-456"])
def test_real_emergency_numbers_are_taken(number):
    from planner.export.print_options import is_emergency_number

    assert is_emergency_number(number)


def test_a_bad_pages_choice_exits_2_naming_the_option(tmp_path):
    code, _, err = run("export", PLAN, "-o", str(tmp_path / "plan.pdf"), "--pages", "doctor")
    assert code == 2 and "--pages" in err


def test_the_pdf_options_refuse_unknown_choices():
    from planner.export.registry import format_for

    fmt = format_for("x.pdf")
    with pytest.raises(ValueError, match="orientation"):
        fmt.make_options(orientation="sideways")
    with pytest.raises(ValueError, match="pages"):
        fmt.make_options(part="doctor")
    with pytest.raises(ValueError, match="emergency number"):
        fmt.make_options(emergency_number="call me")
    assert fmt.make_options(emergency_number=" 112 ").emergency_number == "112"
