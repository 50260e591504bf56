"""No two Alt letters clash (issue 15). Within the main window the menu bar's titles and every
label, button and box shown at the same time have different letters (rows the form hides may
share one: today's doses and the start dose, never shown together); within each menu, and each
submenu, every item has its own letter. Checked for every kind of plan with every optional row
shown, and in the New plan dialog. Every action of the menus is reachable from the keyboard:
by its letter, and the Edit menu's by a shortcut key too; no shortcut key does two things.
Before issue 15: Alt+F "Dose &filling" and the File menu, Alt+H "Prescriber p&hone" and Help,
Alt+D "&Drug" and "Start &date", Alt+I "&Indication" and "Step &interval", and O for both
"&Open…" and "Printout &Options" in the File menu."""

import itertools
import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu, QWidget

from planner.app.new_plan_dialog import NewPlanDialog
from planner.app.window_language import install_language
from planner.domain.plan import OFF_LABEL


@pytest.fixture(params=["en", "es"])
def language(request, qapp):
    """Every test here runs with the window in English and in Spanish (the labels differ, so do
    the letters: planner.app.form_rows.MNEMONICS_BY_LANGUAGE)."""
    install_language(request.param)
    yield request.param
    install_language("en")


@pytest.fixture
def win(language, win):
    """The conftest's window, made in the language."""
    return win

_LETTER = re.compile(r"&([^&\s])")


def letter(text: str | None) -> str | None:
    """The Alt letter of a text ("Sta&rt date" -> "r"; "&&" is a plain ampersand)."""
    found = _LETTER.search((text or "").replace("&&", ""))
    return found.group(1).lower() if found else None


def texts_shown(root: QWidget, top: QWidget) -> list[tuple[str, str]]:
    """(letter, where) of each label, button and group box title under root that top shows."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(top):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            text = w.text()
        elif isinstance(w, QGroupBox):
            text = w.title()
        else:
            continue
        if letter(text):
            out.append((letter(text), text))
    return out


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for key, where in found:
        by_letter.setdefault(key, []).append(where)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


def window_letters(win) -> list[tuple[str, str]]:
    menus = [(letter(a.text()), f"menu {a.text()}") for a in win.menuBar().actions() if letter(a.text())]
    return menus + texts_shown(win.centralWidget(), win)


def all_menus(win) -> list[QMenu]:
    """Every menu of the menu bar and every submenu, however deep (Open Recent filled first)."""
    win.fill_recent_menu()
    found, todo = [], [a.menu() for a in win.menuBar().actions() if a.menu()]
    while todo:
        menu = todo.pop()
        menu.aboutToShow.emit()  # menus filled as they open are filled now
        found.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu()]
    return found


def show_every_row(win, kind: str, maintenance: str, taper: str, kidney: str) -> None:
    f = win.form
    f.kind.setCurrentIndex(f.kind.findData(kind))
    f.indication.setCurrentIndex(f.indication.findData(OFF_LABEL))
    f.liquid_use.setCurrentIndex(f.liquid_use.findData("taper_end"))
    f.maintenance_mode.setCurrentIndex(f.maintenance_mode.findData(maintenance))
    f.taper_mode.setCurrentIndex(f.taper_mode.findData(taper))
    f.kidney_mode.setCurrentIndex(f.kidney_mode.findData(kidney))
    QApplication.processEvents()


def test_the_form_offers_an_off_label_use(win):
    assert win.form.indication.findData(OFF_LABEL) >= 0


def test_no_alt_letter_clashes_in_the_window_for_any_kind_of_plan(win):
    f = win.form
    assert not clashes(window_letters(win)), "the default plan"
    kinds = [f.kind.itemData(i) for i in range(f.kind.count())]
    for kind, maintenance, taper, kidney in itertools.product(kinds, ("review", "days"), ("mg", "percent"),
                                                              ("crcl", "cg")):
        show_every_row(win, kind, maintenance, taper, kidney)
        found = window_letters(win)
        assert not clashes(found), (kind, maintenance, taper, kidney, clashes(found))
        if kind == "start_and_stop":  # the most rows: titration, taper, off-label, liquid, kidney
            assert len(found) >= 20, found


def test_every_menu_item_has_its_own_letter(win, tmp_path):
    for name in ("a.json", "b&c.json"):
        (tmp_path / name).write_text("{}")
        win._add_recent(tmp_path / name)
    # Qt underlines every single "&": a file named "b&c.json" must not show a second letter.
    recent = [a.text() for a in (win.fill_recent_menu() or win.recent_menu.actions())]
    assert [len(_LETTER.findall(t.replace("&&", ""))) for t in recent] == [1, 1], recent
    for menu in all_menus(win):
        items = [a for a in menu.actions() if not a.isSeparator() and a.text()]
        found = [(letter(a.text()), a.text()) for a in items if letter(a.text())]
        assert not clashes(found), (menu.title(), clashes(found))
        if menu is not win.recent_menu or any(a.isEnabled() for a in items):
            paper = set(win.paper_actions.values())
            # Every item is reachable by its letter (the paper sizes are checked by name: A4, Letter).
            assert [a.text() for a in items if not letter(a.text()) and a not in paper] == [], menu.title()


def test_the_edit_menus_actions_have_shortcut_keys_and_no_key_does_two_things(win):
    edit = win.menuBar().actions()[1].menu()  # &Edit, &Editar
    for a in edit.actions():
        if not a.isSeparator():
            assert not a.shortcut().isEmpty(), a.text()  # Qt shows it beside the item
    keys = Counter(k.toString() for a in win.findChildren(type(win.undo_action)) for k in a.shortcuts())
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("path, key", [("slot_fill", None), ("prescriber.phone", None), ("start_date", "r"),
                                       ("step_days", "v"), ("drug", "d"), ("indication", "i")])
def test_the_clashes_issue_15_found_are_gone(win, language, path, key):
    if language != "en":
        pytest.skip("the English labels' letters")
    label = next(lab for lab in win.form.findChildren(QLabel) if lab.buddy() is win.form.fields[path])
    assert letter(label.text()) == key, label.text()
    assert letter(next(a.text() for a in win.menuBar().actions() if a.text() == "&Help")) == "h"
    file_menu = win.menuBar().actions()[0].menu()
    assert [letter(a.text()) for a in file_menu.actions()].count("o") == 1


def test_the_new_plan_dialog_has_no_clash(qtbot, language):
    dialog = NewPlanDialog(None, "gabapentin", "postherpetic_neuralgia")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = texts_shown(dialog, dialog)
    assert len(found) == 6 and not clashes(found), found
