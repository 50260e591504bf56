"""Printing and exporting from the window: gated on blocking problems, one renderer."""

import csv
import io
import re
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.app.main_window import MainWindow

pypdf = pytest.importorskip("pypdf")






def pdf_text(path) -> list[str]:
    # Qt's PDFs put tabs between words; compare words, not whitespace.
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(str(path)).pages]


def test_a_blocking_problem_stops_export_until_overridden(win, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    win.form.target.setValue(4200)
    out = tmp_path / "plan.pdf"
    assert not win.export(".pdf", out)
    assert not out.exists() and "blocking problem" in said[0] and "3600 mg/day" in said[0]
    assert win.record_override("above-label-maximum", "Specialist epilepsy clinic: reviewed weekly")
    assert "Overridden by the prescriber" in win.problems.item(0).text()
    assert win.plan.overrides[0].reason == "Specialist epilepsy clinic: reviewed weekly"
    assert win.export(".pdf", out)
    # The reason is on the clinician's page, printed only when asked for (issue 15).
    assert "Specialist epilepsy clinic: reviewed weekly" not in "\n".join(pdf_text(out))
    assert win.export(".pdf", out, part="clinician")
    assert "Specialist epilepsy clinic: reviewed weekly" in "\n".join(pdf_text(out))
    # The override is part of the plan: undo takes it away again.
    win.undo_action.trigger()
    assert win.plan.overrides == () and not win.schedule.exportable


def test_invalid_inputs_stop_export(win, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]) or QMessageBox.Ok)
    win.form.start_dose.setValue(0)
    assert not win.export(".csv", tmp_path / "x.csv")
    assert "Start dose" in said[0]


def test_csv_and_calendar_export_from_the_window(win, tmp_path):
    assert win.export(".csv", tmp_path / "plan.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "plan.csv").read_text("utf-8"))))
    assert [int(r["total_mg"]) for r in rows] == [d.total_mg for d in win.schedule.days]
    assert win.export(".ics", tmp_path / "plan")  # the suffix is added
    assert (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_print_preview_paints_what_the_pdf_export_paints(win, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    preview = tmp_path / "preview.pdf"

    def fake_exec(dialog):  # what the preview would paint, captured as a PDF
        printer = QPrinter(QPrinter.HighResolution)
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(preview))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    win.print_preview()
    exported = tmp_path / "export.pdf"
    assert win.export(".pdf", exported)
    assert pdf_text(preview) == pdf_text(exported)
    for st in win.schedule.steps:
        if st.total_mg:
            assert f"{st.total_mg} mg/day" in "\n".join(pdf_text(preview))


def test_printout_options_are_remembered(win, qtbot, settings):
    win.paper_actions["Letter"].trigger()
    win.large_print_action.setChecked(True)
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.print_options().paper == "Letter" and again.print_options().large_print
