"""The window's language: Qt's translation system for the window's own words
(resources/translations/titration_planner_<code>.qm, made from the .ts by tools/translations.py),
Qt's own catalogue for its standard buttons and dialogs (qtbase_<code>.qm), and the text
catalogue (planner.text.catalogue.use_language) for the messages the lower layers word
(problems, field names, file errors).

Chosen at start-up: the setting "window/language" if set, else the system locale's language
when there is a translation for it, else English (the source: no translation needed). The
handout's language is the plan's own (the form's "Handout language"), independent of this.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from planner.text.catalogue import SOURCE_LANGUAGE, catalogue, languages, use_language

SETTING = "window/language"
PREFIX = "titration_planner_"


def _folder():
    return resources.files("planner.resources").joinpath("translations")


def window_languages() -> tuple[str, ...]:
    """English, and every language with both a compiled window translation and a text catalogue."""
    folder = _folder()
    found = {p.name[len(PREFIX):-3] for p in folder.iterdir()
             if p.name.startswith(PREFIX) and p.name.endswith(".qm")} if folder.is_dir() else set()
    return (SOURCE_LANGUAGE,) + tuple(sorted(found & set(languages()) - {SOURCE_LANGUAGE}))


def language_name(code: str) -> str:
    """The language's name in itself ('Español'), as the language menu lists it."""
    return catalogue(code).name


def choose_language(settings: QSettings | None = None, system: str | None = None) -> str:
    """The setting if it names a language the window has, else the system locale's language
    (system: a locale name such as 'es_MX', QLocale.system()'s by default) if the window has
    it, else English."""
    supported = window_languages()
    chosen = settings.value(SETTING, "") if settings is not None else ""
    if isinstance(chosen, str) and chosen in supported:
        return chosen
    code = (system if system is not None else QLocale.system().name())[:2].lower()
    return code if code in supported else SOURCE_LANGUAGE


_installed: list[QTranslator] = []


def install_language(code: str, app: QCoreApplication | None = None) -> str:
    """Put the window in language code: our translation and Qt's own on the application, and the
    text catalogue's language. Widgets made afterwards speak it (the window is made after this).
    English removes the translators. Returns the code in use."""
    app = app or QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if code != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if not ours.load(str(_folder().joinpath(f"{PREFIX}{code}.qm"))):
            raise FileNotFoundError(f"no window translation {PREFIX}{code}.qm")
        app.installTranslator(ours)
        _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    use_language(code)
    return code
