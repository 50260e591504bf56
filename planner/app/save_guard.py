"""Saving over a plan file safely: notice that another window or program changed it since
this window read or wrote it (and ask what to do), and explain a read-only file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.files.filestamp import FileStamp, read_stamp
from planner.domain.plan import Plan, PlanError
from planner.files.planfile import parse_plan_text

translate = QCoreApplication.translate

TITLE = "Titration Planner"

RELOAD, OVERWRITE, SAVE_AS, CANCEL = "reload", "overwrite", "save_as", "cancel"


def stamp_of_loaded(path: Path, plan: Plan) -> FileStamp | None:
    """The stamp of the file a plan was just read from. The file is read again for it, so
    check it still holds that plan: if it changed in between, we do not know what we
    showed (None), and the next Save asks."""
    try:
        got = read_stamp(path)
        if got is None:
            return None
        stamp, data = got
        return stamp if parse_plan_text(data.decode("utf-8-sig")) == plan else None
    except (OSError, UnicodeDecodeError, PlanError):
        return None


def ask_conflict(parent: QWidget, path: Path, how: str) -> str:
    """Another window or program changed (or deleted) the file since we read or wrote it:
    RELOAD, OVERWRITE, SAVE_AS or CANCEL."""
    whats = {
        "deleted": lambda: translate("Window", "{name} is no longer there: it was deleted, moved or renamed since "
                                     "this window opened or saved it."),
        "unknown": lambda: translate("Window", "{name} may have been changed by another window or program: this window "
                                     "has not seen the version on disk (for example, its plan was restored after a crash)."),
        "unreadable": lambda: translate("Window", "{name} can no longer be read, so it cannot be checked for changes "
                                        "made since this window opened or saved it."),
    }
    what = (whats[how]() if how in whats else translate(
        "Window", "{name} was changed by another window or program since this window opened or saved it.")).format(
        name=path.name)
    box = QMessageBox(QMessageBox.Warning, TITLE, what, parent=parent)
    overwrite_text = translate("Window", "&Save here anyway") if how == "deleted" else translate("Window", "&Overwrite")
    more = (translate("Window", "Overwrite replaces the other version with the plan shown here: the other changes are lost. ")
            if how != "deleted" else translate("Window", "Save here anyway writes the plan shown here to that file again. "))
    reload = None
    if how in ("changed", "unknown"):
        more = translate("Window", "Reload opens the version on disk and drops the changes made here. ") + more
    keep = translate("Window", "Save As saves it under another name.") if how == "deleted" else \
        translate("Window", "Save As keeps both.")
    box.setInformativeText(translate("Window", "{more}{keep}\n\nThe file: {path}").format(more=more, keep=keep, path=path))
    if how in ("changed", "unknown"):
        reload = box.addButton(translate("Window", "&Reload"), QMessageBox.DestructiveRole)
    overwrite = box.addButton(overwrite_text, QMessageBox.AcceptRole)
    save_as = box.addButton(translate("Window", "Save &As…"), QMessageBox.ActionRole)
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is None or clicked is cancel:
        return CANCEL
    if reload is not None and clicked is reload:
        return RELOAD
    return OVERWRITE if clicked is overwrite else SAVE_AS if clicked is save_as else CANCEL


def confirm_reload(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, TITLE, translate("Window", "Open the version of {name} on disk and drop the changes made in this "
                                "window?\n\nThis cannot be undone.").format(name=path.name), QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
    return answer == QMessageBox.Yes


def ask_save_as_read_only(parent: QWidget, path: Path) -> bool:
    """The file is read-only: it was not changed. True to save under another name."""
    box = QMessageBox(QMessageBox.Warning, TITLE, translate("Window", "{name} is read-only, so it was not changed.").format(
        name=path.name),
                      parent=parent)
    box.setInformativeText(translate("Window", "Save the plan under another name instead? Or make the file writable, "
                                     "then save again.\n\nThe file: {path}").format(path=path))
    save_as = box.addButton(translate("Window", "Save &As…"), QMessageBox.AcceptRole)
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(save_as)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save_as
