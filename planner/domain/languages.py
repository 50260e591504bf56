"""The languages a handout can be printed in: one folder per language under resources/text/
(en, es, ...). Adding a language is adding its folder (README, "Adding a language"); the plan
field handout_language takes its choices from here, so no list in the code names them."""

from __future__ import annotations

from functools import cache
from importlib import resources

SOURCE_LANGUAGE = "en"
TEXT_PACKAGE = "planner.resources"


@cache
def handout_languages() -> tuple[str, ...]:
    """The language codes with a catalogue, English first."""
    folder = resources.files(TEXT_PACKAGE).joinpath("text")
    found = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    return tuple(sorted(found, key=lambda code: (code != SOURCE_LANGUAGE, code)))
