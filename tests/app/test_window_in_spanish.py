"""The window in Spanish (setting window/language = es): its menus, form, problems (the text
catalogue's) and table headings are Spanish, no text shown is an English source of the window's
translation; the setting round-trips; an unsupported system locale falls back to English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMenu, QWidget

from planner.app.window_language import SETTING, choose_language, install_language, window_languages
from planner.text.catalogue import current_language

ROOT = Path(__file__).resolve().parent.parent.parent
TS = ROOT / "resources" / "translations" / "titration_planner_es.ts"


def english_sources() -> set[str]:
    """The English sources whose Spanish differs (Total, Cockcroft-Gault, mg... are the same)."""
    out = set()
    for m in ET.parse(TS).getroot().iter("message"):
        src, tr = m.findtext("source"), m.findtext("translation")
        if src != tr:
            out.add(src)
    return out


@pytest.fixture
def spanish(qapp, settings):
    settings.setValue(SETTING, "es")
    install_language(choose_language(settings))
    yield
    install_language("en")


@pytest.fixture
def es_win(spanish, qtbot, settings):
    from planner.app.main_window import MainWindow

    w = MainWindow(settings=settings)
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    return w


def shown_texts(win) -> list[str]:
    texts = []
    for w in win.findChildren(QWidget):
        if not w.isVisibleTo(win):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
    todo = [a.menu() for a in win.menuBar().actions() if a.menu()]
    texts += [a.text() for a in win.menuBar().actions()]
    while todo:
        menu: QMenu = todo.pop()
        menu.aboutToShow.emit()
        for a in menu.actions():
            texts.append(a.text())
            if a.menu():
                todo.append(a.menu())
    model = win.table.model()
    texts += [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    texts += [win.problems.item(i).text() for i in range(win.problems.count())]
    return [t for t in texts if t]


def test_the_window_in_spanish_shows_no_english_source(es_win):
    english = english_sources()
    left = [t for t in shown_texts(es_win) if t in english]
    assert left == []


def test_the_window_in_spanish_speaks_spanish(es_win):
    assert current_language() == "es"
    menus = [a.text() for a in es_win.menuBar().actions()]
    assert menus == ["&Archivo", "&Editar", "A&yuda"]
    labels = [w.text() for w in es_win.form.findChildren(QLabel)]
    assert "&Medicamento" in labels and "&Fecha de inicio" in labels
    model = es_win.table.model()
    assert [model.headerData(c, Qt.Horizontal) for c in range(3)] == ["Fechas", "Días", "Fase"]
    problems = [es_win.problems.item(i).text() for i in range(es_win.problems.count())]
    assert problems and all(p.startswith(("Bloqueante: ", "Advertencia: ", "Nota: ", "No se encontraron"))
                            for p in problems), problems
    # The number fields' units.
    assert es_win.form.target.suffix() == " mg/día"


def test_the_handout_language_combo_names_each_language_in_itself(es_win):
    box = es_win.form.handout_language
    items = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert items["en"] == "English"
    assert items["es"].startswith("Español") and "sin revisar" in items["es"]


def test_the_window_in_english_is_unchanged(win):
    assert current_language() == "en"
    assert [a.text() for a in win.menuBar().actions()] == ["&File", "&Edit", "&Help"]


def test_the_language_setting_round_trips(win, settings):
    assert set(win.language_actions) == set(window_languages()) == {"en", "es"}
    assert win.language_actions["en"].isChecked()
    win.language_actions["es"].trigger()
    assert settings.value(SETTING) == "es"
    assert "Español" in win.statusBar().currentMessage()
    again = QSettings(settings.fileName(), QSettings.IniFormat)
    assert choose_language(again, system="en_US") == "es"
    assert win.remembered.get(SETTING) == "es"


@pytest.mark.parametrize("system, expected", [("es_MX", "es"), ("es", "es"), ("fr_FR", "en"), ("de_DE", "en"),
                                              ("C", "en"), ("en_GB", "en")])
def test_the_system_locale_chooses_when_nothing_is_set(settings, system, expected):
    assert choose_language(settings, system=system) == expected


def test_a_setting_for_a_language_the_window_lacks_is_ignored(settings):
    settings.setValue(SETTING, "fr")
    assert choose_language(settings, system="fr_FR") == "en"
    assert choose_language(settings, system="es_US") == "es"


def test_the_spanish_table_words_its_units_and_times_of_day_in_spanish(es_win, qtbot):
    # A step with different units at different times listed them by the plan file's keys
    # ("morning: 1 × 300 mg capsule"); the stop row said "stop".
    from planner.files.planfile import load_example

    es_win.load_plan(load_example("gabapentin-phn-to-1800-with-taper"), None)
    model = es_win.table.model()
    cells = [model.data(model.index(r, model.columnCount() - 1), Qt.DisplayRole) for r in range(model.rowCount())]
    joined = " | ".join(cells)
    for english in ("morning", "midday", "evening", "bedtime", "capsule", "tablet", "each dose", "stop"):
        assert english not in joined, joined
    assert "mañana: " in joined and "cápsula" in joined and cells[-1] == "fin"


def test_the_spanish_window_names_the_drug_and_indication_in_spanish(es_win):
    # The profiles' English names ("Gabapentin (Neurontin)", "Postherpetic neuralgia (adults)")
    # were shown as they are, in the form's choices and inside Spanish problem sentences.
    from planner.domain.schedule import compute_schedule
    from planner.files.planfile import load_example
    from planner.text.problems import problem_text

    form = es_win.form
    drugs = [form.drug.itemText(i) for i in range(form.drug.count())]
    indications = [form.indication.itemText(i) for i in range(form.indication.count())]
    assert "Gabapentina (Neurontin)" in drugs and "Pregabalina (Lyrica)" in drugs
    assert "Neuralgia posherpética (adultos)" in indications
    assert not any("neuralgia (adults)" in t or "Gabapentin " in t for t in drugs + indications)
    plan = load_example("gabapentin-kidney-30-59")
    import dataclasses
    words = [problem_text(p) for p in compute_schedule(dataclasses.replace(plan, kidney=None)).problems]
    joined = " ".join(words)
    assert "Gabapentina necesita" in joined or "gabapentina" in joined, joined
    assert "Gabapentin " not in joined and "gabapentin " not in joined and "(adults)" not in joined, joined
    assert "CrCl de 60 mL/min o más" in joined and "or more" not in joined, joined
