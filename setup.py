"""The build step of the text catalogue. pyproject.toml holds the project's metadata and package
list; this file only adds a step to build_py (setuptools runs it for `pip install .`, `pip wheel`
and `python -m build`):

1. every language under resources/text/ but English is checked with planner.text.coverage.check
   (loaded from the source tree by its path: pure Python and Babel, nothing installed yet), and
   the build stops, listing every problem, when any language has one: a missing, empty, fuzzy,
   extra or stale translation, a placeholder changed, a drug profile's text not translated. A
   gap fails the build instead of printing English (or an id) on a patient's page;
2. each language's .po files are compiled into one text/<code>/messages.mo of the built package
   (planner.text.coverage.compile_language: messages by id, the profiles' texts, and the whole
   header of common.po, whose X- fields are the language's metadata), which the program reads
   with the standard library alone (planner.text.catalogue).

An editable install (`pip install -e .`) builds neither: the program runs from the checkout and
compiles the .po files in memory, and the tests (tests/text/test_catalogue_build.py) hold the
checkout's catalogue to the same check.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import SetupError

RESOURCES = "planner.resources"


class CatalogueError(SetupError):
    """A language's catalogue is incomplete or broken: the build stops."""


class BuildPyWithCatalogue(build_py):
    def run(self) -> None:
        compiled = {} if self.editable_mode else self._checked_and_compiled()
        super().run()
        for path, data in compiled.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            outputs += [str(p) for p in self._mo_paths().values()]
        return outputs

    def _text_root(self) -> Path:
        return Path(self.get_package_dir(RESOURCES)) / "text"

    def _mo_paths(self) -> dict[str, Path]:
        coverage = _coverage(self)
        out = Path(self.build_lib, *RESOURCES.split("."), "text")
        return {lang: out / lang / coverage.MO_NAME for lang in coverage.languages(self._text_root())}

    def _checked_and_compiled(self) -> dict[Path, bytes]:
        coverage = _coverage(self)
        text_root = self._text_root()
        profiles = Path(self.get_package_dir(RESOURCES)) / "profiles"
        problems: list[str] = []
        for lang in coverage.languages(text_root):
            if lang != coverage.SOURCE:
                problems += coverage.check(text_root, lang, profiles).problems
        if problems:
            raise CatalogueError(
                f"the text catalogue has {len(problems)} problem(s); no build with a gap "
                "(python3 tools/check_catalogue.py lists them too):\n  " + "\n  ".join(problems))
        compiled: dict[Path, bytes] = {}
        for lang, path in self._mo_paths().items():
            try:
                compiled[path] = coverage.compile_language(text_root / lang, lang)
            except ValueError as exc:
                raise CatalogueError(f"the text catalogue cannot be compiled: {exc}") from None
        return compiled


def _coverage(cmd: build_py):
    """planner/text/coverage.py of the source tree, loaded by its path (the package is not
    installed while it is being built)."""
    name = "_titration_planner_build_coverage"
    if name not in sys.modules:
        path = Path(cmd.get_package_dir("planner.text")) / "coverage.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]


setup(cmdclass={"build_py": BuildPyWithCatalogue})
