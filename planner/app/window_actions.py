"""The window's menus and actions, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox


translate = QCoreApplication.translate

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

    file_menu = win.file_menu = win.menuBar().addMenu(translate("Menu", "&File"))
    win.new_action = action(translate("Menu", "&New…"), lambda: win.ask_new(), QKeySequence.New, file_menu)
    win.open_action = action(translate("Menu", "&Open…"), lambda: win.open_plan(), QKeySequence.Open, file_menu)
    win.recent_menu = file_menu.addMenu(translate("Menu", "Open &Recent"))
    win.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    #: File menu: read a plan back from the code printed on its clinician's page; & marks its Alt letter.
    win.open_code_action = action(translate("Menu", "Open &from Code…"), lambda: open_from_code(win), None, file_menu)
    file_menu.addSeparator()
    win.save_action = action(translate("Menu", "&Save"), lambda: win.save(), QKeySequence.Save, file_menu)
    win.save_as_action = action(translate("Menu", "Save &As…"), lambda: win.save_as(), QKeySequence.SaveAs, file_menu)
    file_menu.addSeparator()
    win.preview_action = action(translate("Menu", "Print Pre&view…"), lambda: win.print_preview(),
                                QKeySequence("Ctrl+Shift+P"), file_menu)
    win.print_action = action(translate("Menu", "&Print…"), lambda: win.print_plan(), QKeySequence.Print, file_menu)
    win.export_pdf_action = action(translate("Menu", "Export as P&DF…"), lambda: win.export(".pdf"),
                                   QKeySequence("Ctrl+E"), file_menu)
    # The clinician's and pharmacy's page on its own: never stapled to the patient's pages.
    #: File menu: print only the clinician's and pharmacy's page; & marks its Alt letter.
    win.print_clinician_action = action(translate("Menu", "Print Clinician's Pa&ge…"), lambda: win.print_plan("clinician"), None,
                                        file_menu)
    #: File menu: export only the clinician's and pharmacy's page as a PDF; & marks its Alt letter.
    win.export_clinician_action = action(translate("Menu", "&Export Clinician's Page as PDF…"),
                                         lambda: win.export(".pdf", part="clinician"), None, file_menu)
    win.export_csv_action = action(translate("Menu", "Export as &CSV…"), lambda: win.export(".csv"), None, file_menu)
    win.export_ics_action = action(translate("Menu", "Export to Ca&lendar (.ics)…"), lambda: win.export(".ics"), None,
                                   file_menu)
    #: File menu: export the plan as a FHIR record for the health record system; & marks its Alt letter.
    win.export_fhir_action = action(translate("Menu", "Export for the &Health Record (FHIR)…"),
                                    lambda: win.export(".fhir.json"), None, file_menu)
    paper_menu = file_menu.addMenu(translate("Menu", "Pr&intout Options"))
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
    win.large_print_action = QAction(translate("Menu", "&Large print"), win, checkable=True)
    win.large_print_action.toggled.connect(lambda on: win.settings.setValue("print/large", on))
    paper_menu.addAction(win.large_print_action)
    _printout_options(win, paper_menu)
    _language_menu(win, file_menu)
    file_menu.addSeparator()
    action(translate("Menu", "&Quit"), win.close, QKeySequence.Quit, file_menu)

    edit_menu = win.menuBar().addMenu(translate("Menu", "&Edit"))
    # The commands' names (planner.app.commands) follow: "Undo Change target dose to …".
    win.undo_action = win.undo_stack.createUndoAction(win, translate("Menu", "&Undo"))
    win.undo_action.setShortcut(QKeySequence.Undo)
    win.redo_action = win.undo_stack.createRedoAction(win, translate("Menu", "&Redo"))
    win.redo_action.setShortcut(QKeySequence.Redo)
    edit_menu.addAction(win.undo_action)
    edit_menu.addAction(win.redo_action)
    edit_menu.addSeparator()
    # Shaping the schedule table's current step; the same actions are its context menu.
    #: Edit menu and the schedule table's context menu: insert a 7-day hold at the current row's dose; & marks its Alt letter.
    win.hold_action = action(translate("Menu", "&Stay on this dose 7 more days"), lambda: win.hold_step(), QKeySequence("Ctrl+Shift+H"),
                             edit_menu)
    #: Edit menu and the schedule table's context menu: type the current row's daily dose (F2 edits any of its numbers).
    win.edit_step_action = action(translate("Menu", "&Edit this step's daily dose"), lambda: win.edit_step(), None, edit_menu)
    #: Edit menu and the schedule table's context menu: put every step the prescriber shaped back (one undo step).
    win.remove_step_edits_action = action(translate("Menu", "Remove step edi&ts"), lambda: win.remove_step_edits(), None,
                                          edit_menu)
    for a in (win.hold_action, win.edit_step_action, win.remove_step_edits_action):
        win.table.addAction(a)
    win.table.selectionModel().currentChanged.connect(lambda *_: win._update_step_actions())
    edit_menu.addSeparator()
    # The problems list's context menu, from the keyboard: on its current blocking problem.
    #: Edit menu: record an override (with a reason) of the blocking problem chosen in the problems list; & marks its Alt letter.
    win.override_action = action(translate("Menu", "&Override a Blocking Problem…"), lambda: win.override_chosen(),
                                 QKeySequence("Ctrl+Shift+O"), edit_menu)
    #: Edit menu: remove the override of the blocking problem chosen in the problems list; & marks its Alt letter.
    win.remove_override_action = action(translate("Menu", "Remove O&verride"), lambda: win.remove_chosen_override(),
                                        QKeySequence("Ctrl+Shift+U"), edit_menu)
    win._update_step_actions()

    win.paper_actions[win.remembered.get("print/paper")].setChecked(True)
    win.large_print_action.setChecked(win.remembered.get("print/large"))
    help_menu = win.menuBar().addMenu(translate("Menu", "&Help"))
    action(translate("Menu", "&About"), lambda: about(win), None, help_menu)


def _printout_options(win: QMainWindow, menu) -> None:
    """Orientation, the tick chart pages and the emergency number, each remembered."""
    menu.addSeparator()
    win.orientation_group = QActionGroup(win)
    win.orientation_actions = {}
    for value, key in (("portrait", lambda: translate("Menu", "&Portrait")), ("landscape", lambda: translate("Menu", "Lan&dscape"))):
        a = QAction(key(), win, checkable=True)
        a.setData(value)
        win.orientation_group.addAction(a)
        menu.addAction(a)
        win.orientation_actions[value] = a
    win.orientation_actions[win.remembered.get("print/orientation")].setChecked(True)
    win.orientation_group.triggered.connect(lambda a: win.remembered.remember("print/orientation", a.data()))
    menu.addSeparator()
    #: File > Printout Options: add the month tick chart pages for the patient or carer; & marks its Alt letter.
    win.tick_chart_action = QAction(translate("Menu", "&Tick chart pages"), win, checkable=True)
    win.tick_chart_action.setChecked(win.remembered.get("print/tick_chart"))
    win.tick_chart_action.toggled.connect(lambda on: win.remembered.remember("print/tick_chart", on))
    menu.addAction(win.tick_chart_action)
    #: File > Printout Options: the emergency number printed on the patient's pages; & marks its Alt letter.
    win.emergency_action = QAction(translate("Menu", "&Emergency number…"), win)
    win.emergency_action.triggered.connect(lambda: win.ask_emergency_number())
    menu.addAction(win.emergency_action)
    menu.addSeparator()
    # The code on the clinician's page holds the plan; on the patient's pages only if asked.
    #: File > Printout Options: print the plan's code on the patient's pages too (it is always on the clinician's page).
    win.code_patient_pages_action = QAction(translate("Menu", "Plan &code on the patient's pages"), win, checkable=True)
    win.code_patient_pages_action.setChecked(win.remembered.get("print/code_on_patient_pages"))
    win.code_patient_pages_action.toggled.connect(lambda on: win.remembered.remember("print/code_on_patient_pages", on))
    menu.addAction(win.code_patient_pages_action)
    # Never remembered: the name goes into a code only for the plan the clinician ticked it for.
    #: File > Printout Options: let the plan's code hold the patient's name, identifier and date of birth; & marks its Alt letter.
    win.code_name_action = QAction(translate("Menu", "Patient's &name in the plan code"), win, checkable=True)
    win.document.loaded.connect(lambda: win.code_name_action.setChecked(False))
    menu.addAction(win.code_name_action)


def open_from_code(win: QMainWindow) -> bool:
    """File > Open from Code: the plan in a code, as a new unsaved plan (the one on screen is
    saved or dropped first, as for Open)."""
    from planner.app.code_dialog import OpenFromCodeDialog

    if not win.maybe_save():
        return False
    dialog = OpenFromCodeDialog(win, win.last_folder())
    if dialog.exec() != OpenFromCodeDialog.Accepted or dialog.plan is None:
        return False
    if not win.load_plan(dialog.plan, None):
        return False
    # Not on disk yet: unsaved, so closing or opening another plan asks first and autosave keeps it.
    win.document.undo_stack.resetClean()
    #: Status bar after File > Open from Code.
    win.statusBar().showMessage(translate("Menu", "Opened the plan from its code. Save it to keep it."), 8000)
    return True


def about(win: QMainWindow) -> None:
    QMessageBox.about(win, f"About {APP_NAME}", (
        f"<b>{APP_NAME}</b><p>Plans how a patient starts and stops gabapentin or pregabalin step "
        "by step. Every dose is checked against the FDA label (Neurontin, Lyrica) and the "
        "patient's kidney function. It makes no network connections.</p>"))


def _language_menu(win: QMainWindow, file_menu) -> None:
    """File > Window Language: the languages the window has, each by its own name; the choice is
    remembered and applies the next time the program starts (the handout's language is the plan's)."""
    from planner.app.window_language import SETTING, language_name, window_languages
    from planner.text.catalogue import current_language

    #: File menu: the submenu that chooses the language of the window's menus and form (not the handout's).
    win.language_menu = file_menu.addMenu(translate("Menu", "&Window Language"))
    win.language_group = QActionGroup(win)
    win.language_actions = {}
    chosen = win.settings.value(SETTING, "") or current_language()
    letters: set[str] = set()
    for code in window_languages():
        name = language_name(code)
        at = next((i for i, c in enumerate(name) if c.isalpha() and c.lower() not in letters), None)
        if at is not None:  # every item has its own Alt letter: English E, Español S
            letters.add(name[at].lower())
            name = f"{name[:at]}&{name[at:]}"
        a = QAction(name, win, checkable=True)
        a.setData(code)
        a.setChecked(code == chosen)
        win.language_group.addAction(a)
        win.language_menu.addAction(a)
        win.language_actions[code] = a

    def chosen_language(a: QAction) -> None:
        win.settings.setValue(SETTING, a.data())
        win.statusBar().showMessage(
            #: Status bar after File > Window Language; {language} is the language's own name ("Español").
            translate("Menu", "The window will be in {language} the next time Titration Planner starts.").format(
                language=a.text().replace("&", "")), 10000)

    win.language_group.triggered.connect(chosen_language)
