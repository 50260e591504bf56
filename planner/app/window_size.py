"""How big the window opens: never past the screen's available area (a 1366x768 laptop
gets all of it), most of a larger screen; and how its panels share the room."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QMainWindow

# Up to this size a screen is small: the window takes all of it. A larger screen keeps a
# margin beside the window (its desktop stays in sight) but little above and below: the
# form is tall (about 1000 pixels), up to the largest useful size.
SMALL = QSize(1600, 900)
LARGE_SHARE = (0.9, 0.96)
LARGEST = QSize(2200, 1300)
# The right-hand panels' shares of the height: chart, schedule table, problems list.
RIGHT_SHARES = (0.46, 0.36, 0.18)
FORM_SHARE_MAX = 0.45  # the form never takes more than this of the width


def window_size(available: QSize, frame: QMargins | None = None) -> QSize:
    """The window's size (without its frame) on a screen with this available size."""
    frame = frame or QMargins()
    room = QSize(available.width() - frame.left() - frame.right(),
                 available.height() - frame.top() - frame.bottom())
    width, height = room.width(), room.height()
    if available.width() > SMALL.width():
        width = min(width, int(available.width() * LARGE_SHARE[0]), LARGEST.width())
    if available.height() > SMALL.height():
        height = min(height, int(available.height() * LARGE_SHARE[1]), LARGEST.height())
    return QSize(width, height)


def frame_margins(win: QMainWindow) -> QMargins:
    """The window manager's frame around the window, once shown (none before)."""
    outer, inner = win.frameGeometry(), win.geometry()
    return QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                    outer.right() - inner.right(), outer.bottom() - inner.bottom())


def fit_window(win: QMainWindow, available: QRect | None = None, keep_size: bool = False) -> None:
    """Size and place the window on its screen's available area, and share the panels.
    keep_size: a remembered size is kept if it fits (else shrunk); it is moved onto the screen."""
    if available is None:
        screen = win.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    frame = frame_margins(win)
    largest = window_size(available.size(), frame)
    if keep_size:
        size = QSize(min(win.width(), available.width() - frame.left() - frame.right()),
                     min(win.height(), available.height() - frame.top() - frame.bottom()))
    else:
        size = largest
    win.resize(size)
    outer = QSize(win.width() + frame.left() + frame.right(), win.height() + frame.top() + frame.bottom())
    # Centred when there is room, else at the available area's top left.
    x = available.x() + max(0, (available.width() - outer.width()) // 2)
    y = available.y() + max(0, (available.height() - outer.height()) // 2)
    if keep_size and available.contains(win.frameGeometry()):
        return
    win.move(x, y)
    if not keep_size:
        share_panels(win)


def share_panels(win, form_too: bool = True) -> None:
    """The form as wide as it wants (at most FORM_SHARE_MAX of the width); the chart, table
    and problems list share the rest of the height by RIGHT_SHARES. form_too=False keeps
    the form's remembered width."""
    if form_too:
        total = sum(win.splitter.sizes()) or win.width()
        form = min(max(win.form_scroll.minimumWidth(), win.form_scroll.sizeHint().width()),
                   int(total * FORM_SHARE_MAX))
        win.splitter.setSizes([form, total - form])
    height = sum(win._right.sizes()) or win.height()
    win._right.setSizes([int(height * share) for share in RIGHT_SHARES])


PREVIEW_WIDTH = 1100  # room for a page at a readable zoom and the preview's tool bar


def preview_size(available: QSize) -> QSize:
    """The print preview as tall as the screen allows (Qt opens it at about 700x500, where a
    page shows at 38%, too small to read)."""
    return QSize(min(int(available.width() * 0.9), PREVIEW_WIDTH), int(available.height() * 0.9))
