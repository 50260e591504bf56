"""The window's menus and actions, declared in one place."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from planner.text.catalogue import say

APP_NAME = "Titration Planner"
PAPERS = ("A4", "Letter")


def make_actions(win: QMainWindow) -> None:
    """Build the menu bar; each action is kept on the window (a MainWindow) under a public name."""
    def action(text: str, slot, shortcut=None, menu=None) -> QAction:
        a = QAction(text, win)
        if shortcut is not None:
            a.setShortcut(shortcut)
        a.triggered.connect(slot)
        if menu is not None:
            menu.addAction(a)
        return a

    file_menu = win.menuBar().addMenu("&File")
    win.new_action = action("&New…", lambda: win.ask_new(), QKeySequence.New, file_menu)
    win.open_action = action("&Open…", lambda: win.open_plan(), QKeySequence.Open, file_menu)
    win.recent_menu = file_menu.addMenu("Open &Recent")
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    file_menu.addSeparator()
    win.save_action = action("&Save", lambda: win.save(), QKeySequence.Save, file_menu)
    win.save_as_action = action("Save &As…", lambda: win.save_as(), QKeySequence.SaveAs, file_menu)
    file_menu.addSeparator()
    win.preview_action = action("Print Pre&view…", lambda: win.print_preview(),
                                QKeySequence("Ctrl+Shift+P"), file_menu)
    win.print_action = action("&Print…", lambda: win.print_plan(), QKeySequence.Print, file_menu)
    win.export_pdf_action = action("Export as P&DF…", lambda: win.export(".pdf"),
                                   QKeySequence("Ctrl+E"), file_menu)
    # The clinician's and pharmacy's page on its own: never stapled to the patient's pages.
    win.print_clinician_action = action(say("action.print-clinician"), lambda: win.print_plan("clinician"), None,
                                        file_menu)
    win.export_clinician_action = action(say("action.export-clinician-pdf"),
                                         lambda: win.export(".pdf", part="clinician"), None, file_menu)
    win.export_csv_action = action("Export as &CSV…", lambda: win.export(".csv"), None, file_menu)
    win.export_ics_action = action("Export to Ca&lendar (.ics)…", lambda: win.export(".ics"), None,
                                   file_menu)
    paper_menu = file_menu.addMenu("Pr&intout Options")
    win.paper_group = QActionGroup(win)
    win.paper_actions = {}
    for paper in PAPERS:
        a = QAction(paper, win, checkable=True)
        a.setData(paper)
        win.paper_group.addAction(a)
        paper_menu.addAction(a)
        win.paper_actions[paper] = a
    win.paper_group.triggered.connect(lambda a: win.settings.setValue("print/paper", a.data()))
    paper_menu.addSeparator()
    win.large_print_action = QAction("&Large print", win, checkable=True)
    win.large_print_action.toggled.connect(lambda on: win.settings.setValue("print/large", on))
    paper_menu.addAction(win.large_print_action)
    _printout_options(win, paper_menu)
    file_menu.addSeparator()
    action("&Quit", win.close, QKeySequence.Quit, file_menu)

    edit_menu = win.menuBar().addMenu("&Edit")
    # The commands' names (planner.app.commands) follow: "Undo Change target dose to …".
    win.undo_action = win.undo_stack.createUndoAction(win, "&Undo")
    win.undo_action.setShortcut(QKeySequence.Undo)
    win.redo_action = win.undo_stack.createRedoAction(win, "&Redo")
    win.redo_action.setShortcut(QKeySequence.Redo)
    edit_menu.addAction(win.undo_action)
    edit_menu.addAction(win.redo_action)
    edit_menu.addSeparator()
    # Shaping the schedule table's current step; the same actions are its context menu.
    win.hold_action = action(say("action.hold-step"), lambda: win.hold_step(), QKeySequence("Ctrl+Shift+H"),
                             edit_menu)
    win.edit_step_action = action(say("action.edit-step"), lambda: win.edit_step(), None, edit_menu)
    win.remove_step_edits_action = action(say("action.remove-step-edits"), lambda: win.remove_step_edits(), None,
                                          edit_menu)
    for a in (win.hold_action, win.edit_step_action, win.remove_step_edits_action):
        win.table.addAction(a)
    win.table.selectionModel().currentChanged.connect(lambda *_: win._update_step_actions())
    edit_menu.addSeparator()
    # The problems list's context menu, from the keyboard: on its current blocking problem.
    win.override_action = action(say("action.override"), lambda: win.override_chosen(),
                                 QKeySequence("Ctrl+Shift+O"), edit_menu)
    win.remove_override_action = action(say("action.remove-override"), lambda: win.remove_chosen_override(),
                                        QKeySequence("Ctrl+Shift+U"), edit_menu)
    win._update_step_actions()

    win.paper_actions[win.remembered.get("print/paper")].setChecked(True)
    win.large_print_action.setChecked(win.remembered.get("print/large"))
    help_menu = win.menuBar().addMenu("&Help")
    action("&About", lambda: about(win), None, help_menu)


def _printout_options(win: QMainWindow, menu) -> None:
    """Orientation, the tick chart pages and the emergency number, each remembered."""
    menu.addSeparator()
    win.orientation_group = QActionGroup(win)
    win.orientation_actions = {}
    for value, key in (("portrait", "action.portrait"), ("landscape", "action.landscape")):
        a = QAction(say(key), win, checkable=True)
        a.setData(value)
        win.orientation_group.addAction(a)
        menu.addAction(a)
        win.orientation_actions[value] = a
    win.orientation_actions[win.remembered.get("print/orientation")].setChecked(True)
    win.orientation_group.triggered.connect(lambda a: win.remembered.remember("print/orientation", a.data()))
    menu.addSeparator()
    win.tick_chart_action = QAction(say("action.tick-chart"), win, checkable=True)
    win.tick_chart_action.setChecked(win.remembered.get("print/tick_chart"))
    win.tick_chart_action.toggled.connect(lambda on: win.remembered.remember("print/tick_chart", on))
    menu.addAction(win.tick_chart_action)
    win.emergency_action = QAction(say("action.emergency-number"), win)
    win.emergency_action.triggered.connect(lambda: win.ask_emergency_number())
    menu.addAction(win.emergency_action)


def about(win: QMainWindow) -> None:
    QMessageBox.about(win, f"About {APP_NAME}", (
        f"<b>{APP_NAME}</b><p>Plans how a patient starts and stops gabapentin or pregabalin step "
        "by step. Every dose is checked against the FDA label (Neurontin, Lyrica) and the "
        "patient's kidney function. It makes no network connections.</p>"))
