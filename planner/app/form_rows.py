"""The form's rows from the schema (planner.domain.schema): each row's label is the
field's name in the catalogue with its keyboard mnemonic; a number field's unit and step
come from the field's unit; a text field's length from the form's limit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from planner.app.number_field import NumberField
from planner.domain.schema import field
from planner.text.catalogue import current_language, say

translate = QCoreApplication.translate

# The letter after which Alt jumps to the field (its first occurrence in the label), by the
# window's language (the labels differ). No two letters the window shows at once are the same
# (tests/app/test_keyboard_mnemonics.py, in every language): in English the menu bar's F, E and
# H, the start date's Today (O) and the label's start (L) are taken. Today's doses and the start
# dose share S: a kind of plan shows one or the other, never both. Dose filling, At or below and
# Prescriber phone have no letter (none is left): Tab reaches them.
MNEMONICS = {
    "drug": "D", "indication": "I", "start_date": "r", "start_dose_mg": "S", "increment_mg": "c",
    "step_days": "v", "target_dose_mg": "T", "doses_per_day": "y", "maintenance_days": "M",
    "taper": "a", "kidney": "K", "patient.name": "P", "prescriber.name": "b",
    # The kinds of plan (form_kind).
    "kind": "n", "current": "s", "maintenance": "g", "review_date": "w", "taper.order": "u",
    "liquid.use": "q", "off_label.max_daily_mg": "x", "off_label.reason": "J",
}
# Spanish: the menu bar's A (Archivo), E (Editar) and Y (Ayuda), Hoy's H and the label's start
# button's U are taken, and the labels are longer in few letters: Fecha de revisión and Reducir
# primero have none left (Tab reaches them).
MNEMONICS_BY_LANGUAGE = {
    "en": MNEMONICS,
    "es": {
        "drug": "M", "indication": "I", "start_date": "F", "start_dose_mg": "D", "increment_mg": "c",
        "step_days": "v", "target_dose_mg": "b", "doses_per_day": "l", "maintenance_days": "o",
        "taper": "g", "kidney": "r", "patient.name": "N", "prescriber.name": "P",
        "kind": "T", "current": "D", "maintenance": "s", "liquid.use": "q", "off_label.max_daily_mg": "x",
        "off_label.reason": "J",
    },
}


def mnemonics() -> dict[str, str]:
    """The form's Alt letters in the window's language (none for a language without a list)."""
    return MNEMONICS_BY_LANGUAGE.get(current_language(), {})


# Rows whose label in the form is shorter than the field's name in messages (beside a mode
# or a unit that says the rest): the form's own label.
FORM_LABELS = {
    "taper.step_mg": lambda: translate("Form", "Reduce by"),
    "taper.step_percent": lambda: translate("Form", "Reduce by"),
    "taper.step_days": lambda: translate("Form", "Every"),
    "kidney.serum_creatinine": lambda: translate("Form", "Serum creatinine"),
    "current": lambda: translate("Form", "Doses taken now"),
    "liquid.use": lambda: translate("Form", "Liquid for"),
    "liquid.below_mg": lambda: translate("Form", "At or below"),
    "off_label.reason": lambda: translate("Form", "Justification"),
}


def suffix(unit: str) -> str | tuple[str, str]:
    """How a number field shows its unit (one form, or singular and plural), by the schema's unit."""
    if unit == "unit.days":
        return " " + translate("Units", "day"), " " + translate("Units", "days")
    words = {
        "unit.mg-per-day": lambda: translate("Units", "mg/day"), "unit.mg": lambda: translate("Units", "mg"),
        "unit.percent": lambda: translate("Units", "%"), "unit.ml-per-min": lambda: translate("Units", "mL/min"),
        "unit.years": lambda: translate("Units", "years"), "unit.kg": lambda: translate("Units", "kg"),
    }
    return " " + words[unit]() if unit in words else ""


STEPS = {"unit.mg-per-day": 100, "unit.mg": 100}  # the arrow keys' step; 1 for the others
TEXT_MAX_LEN = 250


def label_text(path: str) -> str:
    """The row's label with its mnemonic: 'target_dose_mg' -> '&Target dose'."""
    text = FORM_LABELS[path]() if path in FORM_LABELS else say(field(path).label)
    letter = mnemonics().get(path)
    if letter is None or letter not in text:
        return text
    at = text.index(letter)
    return f"{text[:at]}&{text[at:]}"

def product_text(strength_mg, form: str) -> str:
    """A product as the window names it: '300 mg capsule' ('cápsula de 300 mg')."""
    #: A capsule or tablet of a strength, in the form's list of strengths and the dispense totals.
    words = {"capsule": lambda: translate("Form", "{mg} mg capsule"), "tablet": lambda: translate("Form", "{mg} mg tablet")}
    return words[form]().format(mg=strength_mg) if form in words else f"{strength_mg} mg {form}"



def number_field(path: str) -> NumberField:
    """The number field for a plan field, with its unit and step from the schema."""
    unit = field(path).unit
    return NumberField(suffix(unit), STEPS.get(unit, 1))


def combo(items: tuple[tuple[str, str], ...]) -> QComboBox:
    box = QComboBox()
    for key, text in items:
        box.addItem(text, key)
    return box


def group(title: str, outer: QVBoxLayout) -> QFormLayout:
    g = QGroupBox(title)
    f = QFormLayout(g)
    f.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    f.setVerticalSpacing(4)
    outer.addWidget(g)
    return f


class Rows:
    """The form's rows as it builds them: the widget to focus, the inline error message
    and the label a clinician reads, by plan field."""

    def __init__(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.names: dict[str, str] = {}
        self.holders: dict[QLabel, QWidget] = {}  # each row's label -> the field and its message

    def add(self, form: QFormLayout, text: str, widget: QWidget, field_path: str,
            focus: QWidget | None = None) -> QLabel:
        """A labelled row with an inline error message under the field. The label is the
        field's buddy, and the field gets the same accessible name, for screen readers."""
        holder = QWidget()
        v = QVBoxLayout(holder)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        err = QLabel()
        err.setWordWrap(True)
        err.setStyleSheet("color: #b00020;")
        err.setAccessibleName(f"{text.replace('&', '') or field_path} error")
        err.hide()
        v.addWidget(err)
        label = QLabel(text)
        label.setMinimumWidth(120)
        target = focus or widget
        label.setBuddy(target)
        if text:
            target.setAccessibleName(text.replace("&", ""))
        form.addRow(label, holder)
        self.holders[label] = holder
        self.fields[field_path] = target
        self.errors[field_path] = err
        self.names[field_path] = text.replace("&", "") or target.accessibleName() or field_path
        return label

    def row(self, form: QFormLayout, path: str, widget: QWidget, focus: QWidget | None = None) -> QLabel:
        """A row labelled from the schema (and the catalogue) for a plan field."""
        return self.add(form, label_text(path), widget, path, focus)

    def find(self, table: dict, path: str):
        """The entry for a plan field as the engine names it (kidney.weight_kg, strengths_mg[1]):
        the field's own, or its group's."""
        name = path.split("[", 1)[0]
        while name:
            if name in table:
                return table[name]
            name = name.rpartition(".")[0]
        return None
