"""The text catalogue: every sentence a patient or clinician reads, keyed by message id.

One folder per language under resources/text/ (en is the source language), holding gettext
.po files, one per area (problems.po, printout.po, files.po, ...). Each message has an id
("problem.above-label-maximum") and named placeholders ("{peak_mg} mg/day"), so code never
assembles a sentence and a translator sees the whole of one. The .po files are read with
Babel and served through the standard library's gettext (GNUTranslations), plural forms
included (an installed wheel holds them compiled and checked by the build: text/<code>/messages.mo,
see _read). A missing message is an error, never a silent fall back to the id or to English.

    from planner.text.catalogue import say, say_n, catalogue, speaking
    say("problem.above-label-maximum", peak_mg=2400, limit_mg=1800)   # the window's language
    with speaking(plan.handout_language):                              # the patient's pages
        say("printout.title.yours", drug=...)

Two languages are in play: the window's (set once at start-up with use_language, from the
setting or the system locale) and the handout's, a property of the plan; the printout, the
calendar and the CSV word the patient's side inside `speaking(language)`. A context variable
holds it, so code below never passes a language along and cannot mix two on one page by
forgetting to. The drug profiles' patient texts are written in English beside their label
citations; other languages translate them in profile_texts.po, keyed by the English text
(Catalogue.text). Each language's metadata (its own name, Babel locale for dates and numbers,
whether a qualified translator has reviewed it) is the header of its common.po.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from string import Formatter
from typing import Any

from planner.text.compiled_cache import compiled
from planner.text.coverage import MO_NAME, PROFILE_CONTEXT, PROFILE_TEXTS, header_fields

from planner.domain.languages import SOURCE_LANGUAGE, TEXT_PACKAGE, handout_languages


class MissingMessage(KeyError):
    """A message id the language's catalogue does not hold."""


class Catalogue:
    def __init__(self, language: str, translations: gettext.GNUTranslations, ids: frozenset[str],
                 metadata: dict[str, str] | None = None, profile_texts: dict[str, str] | None = None) -> None:
        self.language = language
        self._t = translations
        self.ids = ids
        self.metadata = metadata or {}
        self._profile_texts = profile_texts or {}

    @property
    def name(self) -> str:
        """The language's name in itself: 'Español' (English: 'English')."""
        return self.metadata.get("X-Language-Name", "English" if self.language == SOURCE_LANGUAGE else self.language)

    @property
    def english_name(self) -> str:
        return self.metadata.get("X-Language-Name-English", self.name)

    @property
    def babel_locale(self) -> str:
        """The Babel locale its dates and numbers are written in ('es_US')."""
        return self.metadata.get("X-Babel-Locale", self.language.replace("-", "_"))

    @property
    def is_source(self) -> bool:
        return self.language == SOURCE_LANGUAGE

    @property
    def reviewed(self) -> bool:
        """Has a qualified medical translator reviewed this language ('yes: <who>, <date>')?
        The source language is written, not translated."""
        return self.is_source or self.metadata.get("X-Translation-Reviewed", "no").lower().startswith("yes")

    @property
    def review(self) -> str:
        """What the catalogue records about its review, as written ('no', 'yes: ...')."""
        return self.metadata.get("X-Translation-Reviewed", "no")

    def text(self, english: str, /, **values: Any) -> str:
        """A drug profile's patient text in this language (keyed by its English), its
        {placeholders} filled from values."""
        if self.is_source:
            template = english
        else:
            template = self._profile_texts.get(english)
            if not template:
                raise MissingMessage(f"the {self.language!r} catalogue has no translation of the profile text {english[:60]!r}")
        return _fill(english[:40], template, values) if values else template

    @property
    def profile_texts(self) -> dict[str, str]:
        """The drug profiles' texts translated, by their English (empty for English itself)."""
        return dict(self._profile_texts)

    def template(self, msgid: str) -> str:
        """The message as written, {placeholders} unfilled."""
        return self._template(msgid)

    def _template(self, msgid: str) -> str:
        if msgid not in self.ids:
            raise MissingMessage(f"{msgid!r} is not in the {self.language!r} text catalogue")
        return self._t.gettext(msgid)

    def say(self, msgid: str, /, **values: Any) -> str:
        """The message, its {placeholders} filled from values (every one must be given)."""
        return _fill(msgid, self._template(msgid), values)

    def say_n(self, msgid: str, n: int, /, **values: Any) -> str:
        """A message with plural forms, chosen by n in this language's plural rule; {n} is n."""
        if msgid not in self.ids:
            raise MissingMessage(f"{msgid!r} is not in the {self.language!r} text catalogue")
        return _fill(msgid, self._t.ngettext(msgid, msgid, n), {"n": n, **values})


def _fill(msgid: str, template: str, values: dict[str, Any]) -> str:
    try:
        return template.format_map(values)
    except KeyError as exc:
        raise MissingMessage(f"{msgid!r} needs the value {exc.args[0]!r}") from None


def placeholders(template: str) -> set[str]:
    """The named placeholders of a message ({dose_mg} -> 'dose_mg')."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(template) if name}


def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first (one listing: planner.domain.languages)."""
    return handout_languages()


def read_messages(language: str) -> dict[str, str | tuple[str, ...]]:
    """Every message of a language, by id (a tuple for plural forms).
    Raises ValueError naming the file for a message id given twice."""
    return _read(language)[1]


@lru_cache(maxsize=None)
def _read(language: str):
    """The language's compiled catalogue: its translations, messages by id, metadata (the header
    of common.po) and the drug profiles' texts by their English.

    An installed wheel holds text/<language>/messages.mo, compiled and checked by the build
    (setup.py); it is read with the standard library alone, so start-up does not import Babel.
    A checkout (or an editable install) has no .mo: the .po files are compiled the same way in
    memory (planner.text.coverage.compile_language), and read by the same code."""
    folder = resources.files(TEXT_PACKAGE).joinpath("text", language)
    if not folder.is_dir():
        raise MissingMessage(f"no text catalogue for the language {language!r} (there are: {', '.join(languages())})")
    mo = folder.joinpath(MO_NAME)
    if mo.is_file():
        data = mo.read_bytes()
    else:
        if not any(p.name.endswith(".po") and p.name != PROFILE_TEXTS for p in folder.iterdir()):
            raise MissingMessage(f"the text catalogue for {language!r} has no .po file")
        data = compiled(folder, language)  # compiled once, then kept (compiled_cache)
    return _from_mo(data)


def _from_mo(data: bytes):
    translations = gettext.GNUTranslations(io.BytesIO(data))
    messages: dict[str, str | tuple[str, ...]] = {}
    forms: dict[str, dict[int, str]] = {}
    texts: dict[str, str] = {}
    metadata: dict[str, str] = {}
    # GNUTranslations keeps what it read in _catalog: the header under "", a plural message's
    # forms under (id, index), a message with a context under "context\x04id".
    for key, value in translations._catalog.items():
        if isinstance(key, tuple):
            forms.setdefault(key[0], {})[key[1]] = value
        elif key == "":
            metadata = header_fields(value)
        elif "\x04" in key:
            context, _, english = key.partition("\x04")
            if context == PROFILE_CONTEXT:
                texts[english] = value
        else:
            messages[key] = value
    for msgid, by_index in forms.items():
        messages[msgid] = tuple(by_index[i] for i in sorted(by_index))
    return translations, dict(sorted(messages.items())), metadata, texts


def catalogue(language: str | None = None) -> Catalogue:
    """A language's catalogue (None: the language in use, see speaking)."""
    return _catalogue(current_language() if language is None else language)


@lru_cache(maxsize=None)
def _catalogue(language: str) -> Catalogue:
    translations, messages, metadata, texts = _read(language)
    return Catalogue(language, translations, frozenset(messages), metadata, texts)


# The window's language, for the whole program (use_language), and the language of the text
# being worded now, where it differs (speaking): the handout's.
_window_language = SOURCE_LANGUAGE
_speaking: ContextVar[str | None] = ContextVar("speaking", default=None)


def current_language() -> str:
    return _speaking.get() or _window_language


def use_language(language: str) -> Catalogue:
    """Make language the program's language (the window's); raises MissingMessage, naming the
    languages there are, for one without a catalogue."""
    global _window_language
    cat = catalogue(language)
    _window_language = language
    return cat


@contextmanager
def speaking(language: str) -> Iterator[Catalogue]:
    """Word everything inside the block in language (the handout's), then go back."""
    cat = catalogue(language)
    token = _speaking.set(language)
    try:
        yield cat
    finally:
        _speaking.reset(token)


def say(msgid: str, /, **values: Any) -> str:
    """A message in the language in use (the window's, or the handout's inside speaking)."""
    return catalogue(current_language()).say(msgid, **values)


def say_n(msgid: str, n: int, /, **values: Any) -> str:
    return catalogue(current_language()).say_n(msgid, n, **values)


def profile_text(english: str, /, **values: Any) -> str:
    """A drug profile's patient text in the language in use."""
    return catalogue(current_language()).text(english, **values)
