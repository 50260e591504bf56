"""The printout on a device: paint_plan for print preview, a printer and the PDF alike
(what the pages say, laid onto pages, then painted), and render_pdf for the PDF in memory."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice, QPdfWriter

from planner.domain.schedule import Schedule
from planner.text.catalogue import say, speaking
from planner.export.gate import refuse_unexportable
from planner.export.print_options import PrintOptions, emergency_number
from planner.export.printout.blocks import SMALL
from planner.export.printout.content import plan_pages
from planner.export.printout.layout import Page, lay_out
from planner.export.printout.painter import FAMILY, QtMetrics, paint_pages

MARGIN_MM = 14.0
CREATOR = "Titration Planner"  # the PDF's creator: the program's name

_APP = None  # keeps a QGuiApplication made here alive


def ensure_gui_app():
    """The QGuiApplication a PDF is drawn with, made if there is none. With no display
    (no DISPLAY or WAYLAND_DISPLAY) and no QT_QPA_PLATFORM chosen, it draws offscreen."""
    global _APP
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("a QCoreApplication is running; a PDF needs a QGuiApplication")
        return app
    if not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "titration-planner"])
    return _APP


def _ensure_fonts() -> None:
    if FAMILY not in QFontDatabase.families():
        from planner.export.fonts import register_fonts

        register_fonts(QGuiApplication.instance())


def _set_page(device: QPagedPaintDevice, options: PrintOptions) -> None:
    size_id = QPageSize.PageSizeId.Letter if options.paper.lower() == "letter" else QPageSize.PageSizeId.A4
    orientation = (QPageLayout.Orientation.Landscape if options.orientation == "landscape"
                   else QPageLayout.Orientation.Portrait)
    layout = QPageLayout(QPageSize(size_id), orientation,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    if not device.setPageLayout(layout):
        # A printer whose hardware margins are wider: keep its margins, still set the paper.
        device.setPageSize(QPageSize(size_id))
        device.setPageOrientation(orientation)


def _layout(device: QPagedPaintDevice, schedule: Schedule, options: PrintOptions, printed_on: date):
    c = QtMetrics(device, options)
    footer_h = c.line(SMALL) + c.pt(8)
    # The number the patient's pages print: the setting, else the locale's (asked of Qt here,
    # so the blocks are built without Qt).
    options = replace(options, emergency_number=emergency_number(options))
    pages = plan_pages(schedule, options, printed_on)
    return c, lay_out(c, pages.blocks, c.height - footer_h), footer_h, pages


def layout_plan(device: QPagedPaintDevice, schedule: Schedule, options: PrintOptions,
                printed_on: date) -> tuple[QtMetrics, list[Page], float, str]:
    """The pages laid out for this device: its metrics, the pages, the footer's height and words."""
    c, laid, footer_h, pages = _layout(device, schedule, options, printed_on)
    return c, laid, footer_h, pages.footer


def _first_page_of(laid: list[Page], block) -> int | None:
    for i, page in enumerate(laid):
        if any(box.block is block for box, _ in page.items):
            return i
    return None


def paint_plan(device: QPagedPaintDevice, schedule: Schedule, options: PrintOptions) -> int:
    """Paint every page on device (a QPrinter from QPrintPreviewDialog.paintRequested /
    QPrintDialog, or a QPdfWriter), calling device.newPage() between pages. Sets the page
    size/margins from options. Returns the page count."""
    refuse_unexportable(schedule)
    if QGuiApplication.instance() is None:
        raise RuntimeError("paint_plan needs a QGuiApplication")
    _ensure_fonts()
    printed_on = options.printed_on or date.today()
    _set_page(device, options)
    c, laid, footer_h, pages = _layout(device, schedule, options, printed_on)
    # What is worded while painting (page numbers, the dose chart, the pictures' words) on the
    # patient's pages is in the handout's language; on the clinician's page, the window's.
    if options.part == "clinician":
        return paint_pages(device, c, laid, footer_h, pages.footer)
    clinician_from = _first_page_of(laid, pages.clinician_start) if pages.clinician_start is not None else None
    return paint_pages(device, c, laid, footer_h, pages.footer, handout_language=schedule.plan.handout_language,
                       clinician_from=clinician_from, clinician_footer=pages.clinician_footer)


def render_pdf(schedule: Schedule, options: PrintOptions) -> tuple[bytes, int]:
    """The PDF in memory, and its page count. QPdfWriter reports no write error, so it
    never writes to a file: the caller writes the bytes and can see a short write."""
    from planner.export.printout.words import plan_title

    refuse_unexportable(schedule)
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(say("export.error.no-buffer"))
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    with speaking(schedule.plan.handout_language):
        writer.setTitle(plan_title(schedule))
    writer.setCreator(CREATOR)
    pages = paint_plan(writer, schedule, options)
    del writer  # the PDF is complete when the writer goes
    buffer.close()
    return bytes(buffer.data().data()), pages


def export_pdf(schedule: Schedule, path: str | os.PathLike, options: PrintOptions) -> int:
    """Write the PDF to path unchecked and return its page count. The application exports
    through planner.export.files.export_file, which checks the file before it replaces one."""
    data, pages = render_pdf(schedule, options)
    with open(path, "wb") as fh:
        fh.write(data)
    return pages


__all__ = ["paint_plan", "render_pdf", "export_pdf", "ensure_gui_app", "layout_plan", "MARGIN_MM"]
