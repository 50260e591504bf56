"""What Edit > Undo and Redo call each change, in plain words: the field's name from the
schema (planner.domain.schema, its label in fields.po) and the new value as the form shows it
("change target dose to 1800 mg per day", "change patient name to Alex Example", "change
today's morning dose to 300 mg"). Never a dotted field path, a raw choice id or a unit twice.
Qt puts "Undo " or "Redo " before the name, so a name starts in lower case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.app.form_kind import LIQUID_IDS, MAINTENANCE_IDS, SLOT_IDS, order_words
from planner.domain.profiles import load_profile
from planner.domain.schema import field as schema_field
from planner.text.catalogue import say
from planner.text.dates import plain_date
from planner.text.numbers import fmt_decimal
from planner.text.units import drug_title

translate = QCoreApplication.translate

TEXT_SHOWN = 40  # a longer text is cut with "…": the menu names the change, it does not repeat it
# The choices whose words are the form's (choice value -> catalogue id).
CHOICE_IDS: dict[str, dict[str, str]] = {
    "kind": {"start": lambda: translate("Command", "start"), "change": lambda: translate("Command", "change"), "stop": lambda: translate("Command", "stop"),
             "start_and_stop": lambda: translate("Command", "start and stop")},
    "maintenance": MAINTENANCE_IDS,
    "liquid.use": LIQUID_IDS,
    "slot_fill": {"grow": lambda: translate("Form", "Add a dose a day at each step, from the label's minimum"), "all": lambda: translate("Form", "Every dose from day 1")},
    "kidney.sex": {"female": lambda: translate("Form", "Female"), "male": lambda: translate("Form", "Male")},
    "taper": {"none": lambda: translate("Form", "No taper"), "mg": lambda: translate("Form", "By mg per step"), "percent": lambda: translate("Form", "By percent per step")},
    "kidney": {"none": lambda: translate("Form", "Not entered"), "crcl": lambda: translate("Form", "CrCl entered"), "cg": lambda: translate("Form", "Cockcroft-Gault")},
}
# Fields whose label reads badly inside "change … to …": their name in a command.
COMMAND_NAMES = {"taper.step_mg": lambda: translate("Command", "taper step"), "taper.step_percent": lambda: translate("Command", "taper step"),
                 "taper.step_days": lambda: translate("Command", "taper step length")}


def schema_path(field: str, state: dict[str, Any]) -> str:
    """The schema's path for a field the form names: the serum creatinine number and its
    unit are one widget pair, held under the unit's key."""
    if field in ("kidney.serum_creatinine", "kidney.serum_creatinine_unit"):
        kidney = state.get("kidney") or {}
        return "kidney.serum_creatinine_umol_l" if "serum_creatinine_umol_l" in kidney else \
            "kidney.serum_creatinine_mg_dl"
    return field


def value_at(state: dict[str, Any], path: str) -> Any:
    value: Any = state
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _in_sentence(label: str) -> str:
    """'Target dose' -> 'target dose'; 'CrCl entered' and 'Cockcroft-Gault' stay."""
    first = label.split(" ", 1)[0]
    if any(c.isupper() for c in first[1:]):
        return label
    return label[:1].lower() + label[1:]


def field_words(path: str) -> str:
    """The field's name as it reads inside a sentence ("target dose", "today's morning dose")."""
    group, _, member = path.partition(".")
    if group == "current" and member in SLOT_IDS:
        #: One of today's doses in "change {field} to {value}" ("change today's morning dose to 300 mg").
        return translate("Command", "today's {slot} dose").format(slot=SLOT_IDS[member]().lower())
    if group == "slot_times" and member in SLOT_IDS:
        #: One dose time in "change {field} to {value}" ("change bedtime dose time to 22:00").
        return translate("Command", "{slot} dose time").format(slot=SLOT_IDS[member]().lower())
    if path in COMMAND_NAMES:
        return COMMAND_NAMES[path]()
    try:
        label = say(schema_field(path.split("[", 1)[0]).label)
    except KeyError:  # not a plan field: its last word, never its dotted path
        return path.rpartition(".")[2].replace("_", " ")
    return _in_sentence(label)


def _number_words(path: str, value: Any) -> str | None:
    unit = schema_field(path).unit
    try:
        number = fmt_decimal(Decimal(str(value)))
    except InvalidOperation:
        return None
    if unit == "unit.doses-a-day":  # "change doses per day to 3": the name says the unit
        return number
    if unit == "unit.days" and number == "1":
        #: One day, in "change step interval to 1 day" (more days: "{value} {unit}").
        return translate("Command", "1 day")
    #: A number with its unit, in "Change {field} to {value}" ("1800 mg per day").
    return translate("Command", "{value} {unit}").format(value=number, unit=say(unit)) if unit else number


def _text_words(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= TEXT_SHOWN else value[:TEXT_SHOWN - 1].rstrip() + "…"


def choice_words(path: str, state: dict[str, Any]) -> str | None:
    """A choice's words as the form shows it, or None when it has none."""
    value = value_at(state, path)
    if path == "drug" and isinstance(value, str):
        try:
            return _in_sentence(drug_title(load_profile(value)))
        except (KeyError, ValueError, OSError):
            return None
    if path == "indication":
        if not value:
            #: No indication chosen, in "change indication to {value}".
            return translate("Command", "not specified")
        try:
            return load_profile(state.get("drug")).indication(value).name
        except (KeyError, ValueError, TypeError, OSError):
            return None
    if path == "taper":
        taper = state.get("taper") if isinstance(state.get("taper"), dict) else {}
        value = "percent" if "step_percent" in taper else "mg" if taper else "none"
    elif path == "kidney":
        kidney = state.get("kidney") if isinstance(state.get("kidney"), dict) else None
        value = "none" if kidney is None else "crcl" if "crcl_ml_min" in kidney else "cg"
    elif path == "liquid.use" and value is None:
        value = "none"
    elif path == "taper.order":
        if not value:
            return _in_sentence(order_words(None))
        return ", ".join(SLOT_IDS[slot]().lower() for slot in value if slot in SLOT_IDS)
    ids = CHOICE_IDS.get(path, {})
    return _in_sentence(ids[value]()) if value in ids else None


def value_words(path: str, state: dict[str, Any]) -> str | None:
    """The new value as the menu shows it, or None when there is none to show (a number that
    cannot be read yet, a field cleared)."""
    if path.startswith("current.") or path.startswith("slot_times."):
        value = value_at(state, path)
        if path.startswith("slot_times."):
            return value if isinstance(value, str) else None
        return None if isinstance(value, (str, bool)) or value is None else \
            _number_words("current", value)
    try:
        f = schema_field(path)
    except KeyError:
        return None
    value = value_at(state, path)
    if f.kind == "choice" or path in ("taper", "kidney", "taper.order"):
        return choice_words(path, state)
    if value is None or isinstance(value, bool):
        return None
    if f.kind in ("int", "decimal"):
        return _number_words(path, value) if isinstance(value, (int, float, Decimal)) else None
    if f.kind == "date" and isinstance(value, str):
        try:
            return plain_date(date.fromisoformat(value))
        except ValueError:
            return _text_words(value)
    if f.kind == "strengths" and isinstance(value, list):
        if not value:
            return None
        #: A number with its unit, in "Change {field} to {value}" ("1800 mg per day").
        return translate("Command", "{value} {unit}").format(value=", ".join(str(v) for v in value), unit=say("unit.mg"))
    if f.kind == "text" and isinstance(value, str):
        return _text_words(value)
    return None


def edit_text(field: str, state: dict[str, Any]) -> str:
    """The name of a change to one field, state being the plan after it."""
    path = schema_path(field, state)
    name = field_words(path)
    value = value_at(state, path)
    if path == "kidney.haemodialysis":
        return (translate("Command", "turn on {field}") if value else translate("Command", "turn off {field}")).format(field=name)
    if path == "strengths_mg" and not value:
        #: A text (or the strengths) emptied, in Edit > Undo / Redo ("clear patient name").
        return translate("Command", "clear {field}").format(field=name)
    words = value_words(path, state)
    if words is None and value is None and not path.startswith("current."):
        try:
            if schema_field(path).kind == "text":
                #: A text (or the strengths) emptied, in Edit > Undo / Redo ("clear patient name").
                return translate("Command", "clear {field}").format(field=name)
        except KeyError:
            pass
    if words is not None and name.endswith(")") and "(" in name:
        name = name[:name.rindex("(")].rstrip()  # "serum creatinine (mg/dL)" to 1.2 mg/dL: the unit once
    #: Edit > Undo / Redo after the user changed a field whose value is not repeated in the menu (names and numbers that identify the patient, texts, lists).
    return translate("Command", "change {field}").format(field=name) if words is None else \
        translate("Command", "change {field} to {value}").format(field=name, value=words)


def problem_words(state: dict[str, Any], code: str, value: str | None, problems: tuple = ()) -> str:
    """A blocking problem named for an override: where it is and the value it is about."""
    problem = next((p for p in problems if getattr(p, "code", None) == code), None)
    where = field_words(problem.field) if problem is not None and problem.field else None
    if value is None:
        value = next((o.get("value") for o in state.get("overrides", []) if o.get("code") == code), None)
    if where and value:
        #: A blocking problem in command.record-override: {field} is where it is (command field words), {value} the value it is about ("the problem at target dose (peak 2400 mg/day, maximum 1800 mg/day)").
        return translate("Command", "the problem at {field} ({value})").format(field=where, value=value)
    if value:
        #: A blocking problem in command.record-override when its field is not known.
        return translate("Command", "the problem ({value})").format(value=value)
    #: A blocking problem in command.record-override when neither its field nor its value is known.
    return translate("Command", "a blocking problem")
