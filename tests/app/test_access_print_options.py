"""The printout's options in the window: orientation (menu and the preview's buttons), the
clinician's page on its own, the tick chart pages and the emergency number; all remembered."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from planner.app import settings_store
from planner.app.main_window import MainWindow
from planner.app.print_options_dialog import EmergencyNumberDialog


def paints(monkeypatch) -> list:
    """The options each paint_plan call was given (the renderer itself is not run)."""
    seen = []
    monkeypatch.setattr("planner.export.printout.paint_plan", lambda device, schedule, options: seen.append(options))
    return seen


def test_the_previews_landscape_and_portrait_buttons_turn_the_pages(win, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    seen = paints(monkeypatch)

    def fake_exec(dialog):  # what the preview's buttons do: turn its printer, then paint again
        printer = dialog.printer()
        dialog.paintRequested.emit(printer)
        printer.setPageOrientation(QPageLayout.Landscape)
        dialog.paintRequested.emit(printer)
        printer.setPageOrientation(QPageLayout.Portrait)
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    win.print_preview()
    assert [o.orientation for o in seen] == ["portrait", "landscape", "portrait"]
    assert all(o.part == "patient" for o in seen)


def test_the_preview_opens_in_the_orientation_chosen_in_the_menu(win, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    seen = paints(monkeypatch)
    opened = []

    def fake_exec(dialog):
        opened.append(dialog.printer().pageLayout().orientation())
        dialog.paintRequested.emit(dialog.printer())
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    win.orientation_actions["landscape"].trigger()
    win.print_preview()
    assert opened == [QPageLayout.Landscape] and seen[0].orientation == "landscape"


def test_print_follows_the_print_dialogs_orientation(win, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    seen = paints(monkeypatch)

    def fake_exec(dialog):
        dialog.printer().setPageOrientation(QPageLayout.Landscape)
        return QPrintDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    win.print_clinician_action.trigger()
    assert (seen[0].orientation, seen[0].part) == ("landscape", "clinician")


def test_the_clinicians_page_is_printed_and_exported_only_when_asked(win, tmp_path, monkeypatch):
    exported = []
    monkeypatch.setattr("planner.export.files.export_file",
                        lambda schedule, path, options: exported.append((path.name, options.part)) or "PDF")
    assert win.export(".pdf", tmp_path / "plan.pdf")
    assert win.export(".pdf", tmp_path / "plan-clinician.pdf", part="clinician")
    assert exported == [("plan.pdf", "patient"), ("plan-clinician.pdf", "clinician")]
    # From the menu: the save dialog suggests a name of its own for the clinician's page.
    suggested = []
    monkeypatch.setattr("planner.app.print_actions.QFileDialog.getSaveFileName",
                        lambda parent, title, name, kinds: suggested.append(name) or ("", ""))
    win.export_clinician_action.trigger()
    assert suggested[0].endswith("plan-clinician.pdf")


def test_printout_options_build_the_print_options(win):
    options = win.print_options()
    assert (options.orientation, options.part, options.tick_chart, options.emergency_number) == (
        "portrait", "patient", True, None)
    win.orientation_actions["landscape"].trigger()
    win.tick_chart_action.setChecked(False)
    win.remembered.remember("print/emergency_number", "000")
    options = win.print_options("clinician")
    assert (options.orientation, options.part, options.tick_chart, options.emergency_number) == (
        "landscape", "clinician", False, "000")


def test_printout_options_are_remembered_for_next_time(win, qtbot, settings, monkeypatch):
    win.orientation_actions["landscape"].trigger()
    win.tick_chart_action.setChecked(False)
    monkeypatch.setattr("planner.app.print_options_dialog.ask_emergency_number", lambda *a: "+44 999")
    win.emergency_action.trigger()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again, before_close_func=lambda w: w.setWindowModified(False))
    options = again.print_options()
    assert (options.orientation, options.tick_chart, options.emergency_number) == ("landscape", False, "+44 999")


@pytest.mark.parametrize("value, kept", [
    ("112", "112"), (" +1 800-555 0100 ", "+1 800-555 0100"), ("", ""),
    ("911; rm", None), ("1234567890123456", None), ("+ -", None), (42, None)])
def test_the_emergency_number_setting_is_checked(value, kept):
    if kept is None:
        with pytest.raises(settings_store.BadSetting):
            settings_store.emergency_text(value)
    else:
        assert settings_store.emergency_text(value) == kept


def test_a_bad_remembered_orientation_or_number_is_reset(settings, qtbot):
    settings.setValue("print/orientation", "sideways")
    settings.setValue("print/emergency_number", "call 911")
    win = MainWindow(settings=settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.setWindowModified(False))
    assert win.print_options().orientation == "portrait" and win.print_options().emergency_number is None
    assert {"Page orientation", "Emergency number"} <= {label for label, _ in win.remembered.problems}


def test_the_emergency_number_dialog_takes_only_a_phone_number(qtbot):
    dialog = EmergencyNumberDialog("", "911")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    assert "Leave it empty to use 911" in dialog.about.text()  # the locale's number, shown
    assert dialog.number.placeholderText() == "911" and dialog.value() == "" and ok.isEnabled()
    qtbot.keyClicks(dialog.number, "1a2-3 +x4")  # letters are refused as typed
    assert dialog.number.text() == "12-3 +4" and dialog.value() == "12-3 +4"
    dialog.number.setText("")
    qtbot.keyClicks(dialog.number, "1" * 20)
    assert len(dialog.number.text()) == 15
    dialog.number.setText("+")
    assert dialog.value() is None and not ok.isEnabled()
    dialog.number.setText("999")
    qtbot.keyClick(dialog.number, Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted and dialog.value() == "999"
