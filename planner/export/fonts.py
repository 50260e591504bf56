"""The fonts every page and window is drawn with: the DejaVu family matplotlib ships.

In the export layer because the printout measures and paints text with them; the
application registers them at start-up from here.
"""

from __future__ import annotations

from pathlib import Path


def register_fonts(app) -> None:
    """Use the DejaVu fonts matplotlib ships, so the window, the chart and screenshots
    look the same on every machine, including one with no system fonts (where Qt would
    otherwise draw empty boxes)."""
    from importlib.util import find_spec

    from PySide6.QtGui import QFont, QFontDatabase

    # Found without importing matplotlib, which start-up leaves until the form is shown.
    ttf = Path(find_spec("matplotlib").submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"
    families = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(ttf / name))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        app.setFont(QFont(families[0], 9))
