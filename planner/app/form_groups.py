"""The form's groups of rows (medicine, schedule, taper, kidney function, people), each
built onto the form: the widgets are the form's public attributes (form.target, ...).
The form (planner.app.form.PlanForm) is typed Any here: it imports these builders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QTimeEdit, QVBoxLayout, QWidget

from planner.app.date_field import DateField
from planner.app import form_kind
from planner.app.form_rows import TEXT_MAX_LEN, combo, group, label_text, number_field
from planner.domain.plan import SLOTS
from planner.domain.profiles import drug_ids, load_profile
from planner.domain.languages import handout_languages
from planner.text.catalogue import catalogue
from planner.text.units import drug_title

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QVBoxLayout as Layout


def taper_modes() -> tuple[tuple[str, str], ...]:
    return (("none", translate("Form", "No taper")), ("mg", translate("Form", "By mg per step")),
            ("percent", translate("Form", "By percent per step")))


def kidney_modes() -> tuple[tuple[str, str], ...]:
    return (("none", translate("Form", "Not entered")), ("crcl", translate("Form", "CrCl entered")),
            ("cg", translate("Form", "Cockcroft-Gault")))


def slot_fill_modes() -> tuple[tuple[str, str], ...]:
    return (("grow", translate("Form", "Add a dose a day at each step, from the label's minimum")),
            ("all", translate("Form", "Every dose from day 1")))


# The number fields: the form's attribute, and the plan field it edits (its row from the schema).
SCHEDULE_NUMBERS = (("start_dose", "start_dose_mg"), ("increment", "increment_mg"), ("step_days", "step_days"),
                    ("target", "target_dose_mg"), ("doses_per_day", "doses_per_day"))
# The people's texts: the form's attribute, the plan field.
TEXTS = (("patient_name", "patient.name"), ("patient_dob", "patient.date_of_birth"),
         ("patient_id", "patient.identifier"), ("prescriber_name", "prescriber.name"),
         ("prescriber_org", "prescriber.organisation"), ("prescriber_phone", "prescriber.phone"),
         ("pharmacy_name", "pharmacy.name"), ("pharmacy_phone", "pharmacy.phone"))


def build_medicine(form: Any, outer: Layout) -> None:
    f = group(translate("Form", "Medicine"), outer)
    form_kind.build_kind(form, f)
    form.drug = QComboBox()
    for d in drug_ids():
        p = load_profile(d)
        form.drug.addItem(f"{drug_title(p)} ({p.brand})", d)
    form.rows.row(f, "drug", form.drug)
    form.indication = QComboBox()
    form.rows.row(f, "indication", form.indication)
    form_kind.build_off_label(form, f)
    form_kind.build_template_button(form, f)
    form.strengths_box = QWidget()
    form.strengths_layout = QVBoxLayout(form.strengths_box)
    form.strengths_layout.setContentsMargins(0, 0, 0, 0)
    form.strengths_layout.setSpacing(2)
    form.rows.row(f, "strengths_mg", form.strengths_box)


def build_schedule(form: Any, outer: Layout) -> None:
    f = group(translate("Form", "Schedule"), outer)
    form.start_date = DateField(translate("Form", "Start date"))  # typed whole dates, a calendar and Today
    form.rows.row(f, "start_date", form.start_date, focus=form.start_date.edit)
    form_kind.build_current(form, f)
    form.number_labels = {}
    for attr, path in SCHEDULE_NUMBERS:
        setattr(form, attr, number_field(path))
        form.number_labels[path] = form.rows.row(f, path, getattr(form, attr))
    form.slot_fill = combo(slot_fill_modes())
    form.rows.row(f, "slot_fill", form.slot_fill)
    times = QWidget()
    tl = QHBoxLayout(times)
    tl.setContentsMargins(0, 0, 0, 0)
    form.slot_times = {}
    for slot in SLOTS:
        t = QTimeEdit()
        t.setDisplayFormat("HH:mm")
        t.setAccessibleName(f"{slot} dose time")
        t.setToolTip(translate("Form", "Clock time of the dose: {slot}").format(slot=form_kind.SLOT_IDS[slot]().lower()))
        form.slot_times[slot] = t
        box = QVBoxLayout()
        cap = QLabel(form_kind.SLOT_IDS[slot]())
        cap.setBuddy(t)
        cap.setStyleSheet("color: palette(mid); font-size: 8pt;")
        box.addWidget(cap)
        box.addWidget(t)
        tl.addLayout(box)
    form.rows.row(f, "slot_times", times)
    form_kind.build_after_target(form, f)
    form.maintenance = number_field("maintenance_days")
    form.maintenance_label = form.rows.row(f, "maintenance_days", form.maintenance)


def build_taper(form: Any, outer: Layout) -> None:
    f = group(translate("Form", "Taper"), outer)
    form.taper_group = f.parentWidget()
    form.taper_mode = combo(taper_modes())
    form.rows.row(f, "taper", form.taper_mode)
    form.taper_mg = number_field("taper.step_mg")
    form.taper_mg_label = form.rows.row(f, "taper.step_mg", form.taper_mg)
    form.taper_percent = number_field("taper.step_percent")
    form.taper_percent_label = form.rows.row(f, "taper.step_percent", form.taper_percent)
    form.taper_days = number_field("taper.step_days")
    form.taper_days_label = form.rows.row(f, "taper.step_days", form.taper_days)
    form_kind.build_taper_order(form, f)


def build_kidney(form: Any, outer: Layout) -> None:
    f = group(translate("Form", "Kidney function"), outer)
    form.kidney_mode = combo(kidney_modes())
    form.rows.row(f, "kidney", form.kidney_mode)
    form.crcl = number_field("kidney.crcl_ml_min")
    form.crcl_label = form.rows.row(f, "kidney.crcl_ml_min", form.crcl)
    form.age = number_field("kidney.age_years")
    form.age_label = form.rows.row(f, "kidney.age_years", form.age)
    form.sex = combo((("female", translate("Form", "Female")), ("male", translate("Form", "Male"))))
    form.sex_label = form.rows.row(f, "kidney.sex", form.sex)
    form.weight = number_field("kidney.weight_kg")
    form.weight_label = form.rows.row(f, "kidney.weight_kg", form.weight)
    scr = QWidget()
    sl = QHBoxLayout(scr)
    sl.setContentsMargins(0, 0, 0, 0)
    form.scr = number_field("kidney.serum_creatinine_mg_dl")
    form.scr_unit = combo((("mg_dl", "mg/dL"), ("umol_l", "µmol/L")))
    form.scr_unit.setAccessibleName(translate("Form", "Serum creatinine unit"))
    sl.addWidget(form.scr, 1)
    sl.addWidget(form.scr_unit)
    # One number and its unit: the row is the mg/dL field's, the µmol/L field shares its place.
    form.scr_label = form.rows.add(f, label_text("kidney.serum_creatinine"), scr, "kidney.serum_creatinine_mg_dl",
                                   focus=form.scr)
    form.rows.fields["kidney.serum_creatinine_umol_l"] = form.scr
    form.rows.errors["kidney.serum_creatinine_umol_l"] = form.rows.errors["kidney.serum_creatinine_mg_dl"]
    form.haemodialysis = QCheckBox(translate("Form", "On haemodialysis"))
    form.haemodialysis.setAccessibleName(translate("Form", "On haemodialysis"))
    form.haemodialysis_label = form.rows.add(f, "", form.haemodialysis, "kidney.haemodialysis")
    form.kidney_result = QLabel()
    form.kidney_result.setWordWrap(True)
    form.kidney_result.setAccessibleName(translate("Form", "Kidney function result"))
    form.kidney_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
    f.addRow(form.kidney_result)


def build_people(form: Any, outer: Layout) -> None:
    f = group(translate("Form", "Patient and prescriber"), outer)
    for attr, path in TEXTS:
        w = QLineEdit()
        w.setMaxLength(TEXT_MAX_LEN)
        setattr(form, attr, w)
        form.rows.row(f, path, w)
    form.patient_dob.setPlaceholderText(translate("Form", "YYYY-MM-DD (optional)"))
    # The patient's pages, calendar and CSV are printed in this language; the window keeps its own.
    form.handout_language = combo(tuple((code, language_label(code)) for code in handout_languages()))
    form.rows.row(f, "handout_language", form.handout_language)


def language_label(code: str) -> str:
    """'Español (Spanish), not reviewed': its own name, and whether a qualified translator has
    reviewed the translation, so the clinician knows before printing."""
    cat = catalogue(code)
    name = cat.name if cat.name == cat.english_name else f"{cat.name} ({cat.english_name})"
    #: The form's choice of handout language, for a translation no qualified medical translator has reviewed yet. {language}: "Español (Spanish)".
    return name if cat.reviewed else translate("Form", "{language}, not reviewed").format(language=name)
