"""The text catalogue: every sentence a patient or clinician reads, keyed by message id.

One folder per language under resources/text/ (en is the source language), holding gettext
.po files, one per area (problems.po, printout.po, files.po, ...). Each message has an id
("problem.above-label-maximum") and named placeholders ("{peak_mg} mg/day"), so code never
assembles a sentence and a translator sees the whole of one. The .po files are read with
Babel and served through the standard library's gettext (GNUTranslations), plural forms
included. A missing message is an error, never a silent fall back to the id or to English.

    from planner.text.catalogue import say, say_n, catalogue
    say("problem.above-label-maximum", peak_mg=2400, limit_mg=1800)   # English
    catalogue("es").say(...)                                            # the handout's language
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from importlib import resources
from string import Formatter
from typing import Any

TEXT_PACKAGE = "planner.resources"
SOURCE_LANGUAGE = "en"


class MissingMessage(KeyError):
    """A message id the language's catalogue does not hold."""


class Catalogue:
    def __init__(self, language: str, translations: gettext.GNUTranslations, ids: frozenset[str]) -> None:
        self.language = language
        self._t = translations
        self.ids = ids

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
    folder = resources.files(TEXT_PACKAGE).joinpath("text")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))))


def read_messages(language: str) -> dict[str, str | tuple[str, ...]]:
    """Every message of a language from its .po files, by id (a tuple for plural forms).
    Raises ValueError naming the file for a message id given twice."""
    return _read(language)[1]


@lru_cache(maxsize=None)
def _read(language: str):
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    folder = resources.files(TEXT_PACKAGE).joinpath("text", language)
    if not folder.is_dir():
        raise MissingMessage(f"no text catalogue for the language {language!r} (there are: {', '.join(languages())})")
    merged = None
    messages: dict[str, str | tuple[str, ...]] = {}
    where: dict[str, str] = {}
    for po in sorted((p for p in folder.iterdir() if p.name.endswith(".po")), key=lambda p: p.name):
        with po.open("rb") as fh:
            cat = read_po(fh, locale=language.replace("-", "_"), domain=po.name[:-3])
        if merged is None:
            merged = cat
        for m in cat:
            if not m.id:
                continue
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            if key in where:
                raise ValueError(f"text/{language}/{po.name}: message {key!r} is also in {where[key]}")
            where[key] = po.name
            messages[key] = tuple(m.string) if isinstance(m.string, (tuple, list)) else m.string
            if merged is not cat:
                merged[m.id] = m
    if merged is None:
        raise MissingMessage(f"the text catalogue for {language!r} has no .po file")
    buf = io.BytesIO()
    write_mo(buf, merged)
    buf.seek(0)
    return gettext.GNUTranslations(buf), messages


@lru_cache(maxsize=None)
def catalogue(language: str = SOURCE_LANGUAGE) -> Catalogue:
    translations, messages = _read(language)
    return Catalogue(language, translations, frozenset(messages))


def say(msgid: str, /, **values: Any) -> str:
    """A message in the source language (English): what the clinician's side reads until
    the window is translated (issue 16)."""
    return catalogue().say(msgid, **values)


def say_n(msgid: str, n: int, /, **values: Any) -> str:
    return catalogue().say_n(msgid, n, **values)
