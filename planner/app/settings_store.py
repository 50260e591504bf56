"""The settings the program remembers between sessions, each checked like typed input.

A settings file is input like any other: it can be edited by hand, written by an older
or newer version, or hold a value the form accepted before a limit was added. Every
remembered value is read here, through its declared check; a bad one is removed from the
settings and reported once (naming the setting and why), and its default is used, so the
program always starts.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QSplitter, QWidget

from planner.domain.plan import PlanError
from planner.files.planfile import load_example, plan_from_dict, plan_to_dict

translate = QCoreApplication.translate

DEFAULT_PLAN = "gabapentin-phn-default"
MAX_RECENT = 8
MAX_PATH = 4096


class BadSetting(ValueError):
    """Why a remembered value cannot be used."""


def _kind(value: Any) -> str:
    """The value as the message shows it: short text quoted, anything else by its kind."""
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 20 and value.isprintable() else "other text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (bytes, QByteArray)):
        return "binary data"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__


@functools.lru_cache(maxsize=1)
def _base_plan() -> dict[str, Any]:
    return plan_to_dict(load_example(DEFAULT_PLAN))


def clinic_text(field: str) -> Callable[[Any], str]:
    """A prescriber or pharmacy detail: checked by the core exactly as a plan file's is."""
    group, key = field.split(".")

    def check(value: Any) -> str:
        if value is None:
            return ""
        d = dict(_base_plan())
        d[group] = {**d.get(group, {}), key: value}
        try:
            plan_from_dict(d)
        except PlanError as exc:
            mine = [e.message for e in exc.errors if e.field == field]
            raise BadSetting(mine[0] if mine else str(exc)) from None
        return value

    return check


def paper(value: Any) -> str:
    if value not in ("A4", "Letter"):
        raise BadSetting(f"must be A4 or Letter; got {_kind(value)}")
    return value


def orientation(value: Any) -> str:
    if value not in ("portrait", "landscape"):
        raise BadSetting(f"must be portrait or landscape; got {_kind(value)}")
    return value


EMERGENCY_MAX = 15
EMERGENCY_CHARACTERS = frozenset("0123456789 +-")


def emergency_text(value: Any) -> str:
    """A phone number to call in an emergency: digits, spaces, + and - (empty: the locale's)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadSetting(f"must be a phone number; got {_kind(value)}")
    value = value.strip()
    if len(value) > EMERGENCY_MAX:
        raise BadSetting(f"must be at most {EMERGENCY_MAX} characters long")
    if not set(value) <= EMERGENCY_CHARACTERS:
        raise BadSetting("may hold only digits, spaces, + and -")
    if value and not any(c.isdigit() for c in value):
        raise BadSetting("must have at least one digit")
    return value


def boolean(value: Any) -> bool:
    # The settings file stores true/false as text.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise BadSetting(f"must be true or false; got {_kind(value)}")


def path_text(value: Any) -> str:
    if not isinstance(value, str):
        raise BadSetting(f"must be a folder or file path; got {_kind(value)}")
    if not value or len(value) > MAX_PATH or not value.isprintable() or not os.path.isabs(value):
        raise BadSetting("is not a usable path (it must be one line, absolute, and not too long)")
    return value


def recent_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):  # a list of one is stored as plain text
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise BadSetting(f"must be a list of file paths; got {_kind(value)}")
    try:
        return [path_text(v) for v in value][:MAX_RECENT]
    except BadSetting as exc:
        raise BadSetting(f"must be a list of file paths; one {exc}") from None


def window_language(value: Any) -> str:
    from planner.app.window_language import window_languages

    if not isinstance(value, str) or value not in window_languages():
        raise BadSetting(f"is not a language the window has ({', '.join(window_languages())})")
    return value


def binary(value: Any) -> QByteArray:
    if isinstance(value, bytes):
        return QByteArray(value)
    if not isinstance(value, QByteArray):
        raise BadSetting(f"must be binary data saved by the program; got {'text' if isinstance(value, str) else _kind(value)}")
    return value


@dataclass(frozen=True)
class Setting:
    key: str
    label: str  # as the clinician knows it
    check: Callable[[Any], Any]
    default: Callable[[], Any]


def _default_paper() -> str:
    from planner.export.print_options import default_paper

    return default_paper()


SETTINGS = {s.key: s for s in (
    Setting("prescriber/name", "Prescriber (remembered)", clinic_text("prescriber.name"), str),
    Setting("prescriber/organisation", "Clinic (remembered)", clinic_text("prescriber.organisation"), str),
    Setting("prescriber/phone", "Prescriber phone (remembered)", clinic_text("prescriber.phone"), str),
    Setting("pharmacy/name", "Pharmacy (remembered)", clinic_text("pharmacy.name"), str),
    Setting("pharmacy/phone", "Pharmacy phone (remembered)", clinic_text("pharmacy.phone"), str),
    Setting("print/paper", "Paper size", paper, _default_paper),
    Setting("print/large", "Large print", boolean, lambda: False),
    Setting("print/orientation", "Page orientation", orientation, lambda: "portrait"),
    Setting("print/tick_chart", "Tick chart pages", boolean, lambda: True),
    Setting("print/emergency_number", "Emergency number", emergency_text, str),
    Setting("print/code_on_patient_pages", "Plan code on the patient's pages", boolean, lambda: False),
    Setting("recent_files", "Recent plans", recent_list, list),
    Setting("last_folder", "Last folder used", path_text, lambda: str(Path.home())),
    Setting("window/geometry", "Window size and place", binary, lambda: None),
    Setting("window/splitter", "Window layout", binary, lambda: None),
    Setting("window/language", "Window language", window_language, str),
)}


class SettingsStore(QObject):
    """Typed, checked access to the remembered settings."""

    dropped = Signal(str, str)  # label, why: a bad value was removed

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.problems: list[tuple[str, str]] = []

    def get(self, key: str) -> Any:
        """The remembered value, checked; its default when unset or bad (a bad one is removed)."""
        spec = SETTINGS[key]
        try:
            if not self.settings.contains(key):
                return spec.default()
            return spec.check(self.settings.value(key))
        except BadSetting as exc:
            why = str(exc)
        except Exception as exc:  # noqa: BLE001 - QSettings could not even decode it
            why = f"cannot be read ({type(exc).__name__})"
        self.drop(key, why)
        return spec.default()

    def drop(self, key: str, why: str) -> None:
        self.settings.remove(key)
        label = SETTINGS[key].label
        self.problems.append((label, why))
        self.dropped.emit(label, why)

    def remember(self, key: str, value: Any) -> bool:
        """Keep a value for next time only if it would pass the check when read back."""
        try:
            SETTINGS[key].check(value)
        except BadSetting:
            self.settings.remove(key)  # an invalid entry is not carried into the next session
            return False
        self.settings.setValue(key, value)
        return True

    def check_all(self) -> None:
        for key in SETTINGS:
            if not key.startswith("window/"):  # checked when restored: that needs the window
                self.get(key)

    def restore_geometry(self, window: QWidget, splitter: QSplitter) -> None:
        for key, restore in (("window/geometry", window.restoreGeometry), ("window/splitter", splitter.restoreState)):
            data = self.get(key)
            if data is not None and not restore(data):
                self.drop(key, "is not a window layout this program saved")


def notice_text(problems: list[tuple[str, str]]) -> str:
    return "\n".join(f"• {label}: {why}." for label, why in problems)


def show_notice(parent: QWidget, problems: list[tuple[str, str]]) -> QMessageBox:
    """One message, not blocking the window, naming each setting that was reset."""
    box = QMessageBox(QMessageBox.Information, "Titration Planner",
                      translate("Window", "Some remembered settings could not be used, so they were reset:"), parent=parent)
    box.setInformativeText(notice_text(problems) + "\n\nThe program uses its defaults for these. "
                           "Nothing else was changed.")
    box.setModal(False)
    box.show()
    return box
