"""Who the program is to the desktop: its application id, its plan file type and its icon.

One place for the names the menu entry, the file type, the AppStream metadata and the
window share (resources/desktop/ holds those files, named after APP_ID). Light on purpose:
the window reads it at start-up, so it imports no QtSvg (tests/app/test_startup_imports.py).
"""

from __future__ import annotations

from importlib import resources

# Reverse DNS, as AppStream and the desktop entry spec ask. It assumes the project's home is a
# GitHub account "titration-planner" (AppStream writes a hyphen of a domain as "_"): check it
# before a first release, as the id must never change after (the desktop keys settings on it).
APP_ID = "io.github.titration_planner.TitrationPlanner"
# A plan file saved for the desktop: the plan JSON as it is, with its own extension so the file
# manager opens it in the planner (plans saved as .json are still read and written).
PLAN_MIME_TYPE = "application/x-titration-plan"
PLAN_SUFFIX = ".tplan"
ICON_FILE = "titration-planner.svg"


def resource(*parts: str):
    """A file shipped in planner.resources (a checkout, a wheel or a frozen bundle)."""
    return resources.files("planner.resources").joinpath(*parts)


def icon_svg():
    return resource("icons", ICON_FILE)


def window_icon():
    """The program's icon for its windows, drawn from the one SVG by Qt's icon engine plugin
    when first shown (QIcon on the file: PySide6.QtSvg is not imported)."""
    from pathlib import Path

    from PySide6.QtGui import QIcon, QPixmap

    svg = icon_svg()
    if isinstance(svg, Path):
        return QIcon(str(svg))
    pixmap = QPixmap()  # not a plain file (a zipped package): drawn once at a large size
    pixmap.loadFromData(svg.read_bytes(), "SVG")
    return QIcon(pixmap)
