"""The printed plan, in three parts: what the pages say (content, content_clinician, words:
a Qt-free list of blocks), laying the blocks onto pages (layout: measured through a small
interface, no Qt) and painting them with Qt (painter, icons, chart_svg; render: the one
renderer for print preview, printer and PDF).

Importing this package imports no Qt: the painter's names below load on first use, so
`planner.export.printout.blocks` and `.content` stay pure Python.
"""

from __future__ import annotations

from importlib import import_module

from planner.export.print_options import PrintOptions, default_paper

_LAZY = {
    "paint_plan": "render", "render_pdf": "render", "export_pdf": "render", "ensure_gui_app": "render",
    "layout_plan": "render",
    "date_range": "words", "units_text": "words", "total_text": "words", "dispense_text": "words",
    "day_numbers": "words", "medicine_text": "words", "dialysis_line": "words", "patient_name": "words",
    "plan_pages": "content",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(name)


__all__ = ["PrintOptions", "default_paper", *_LAZY]
