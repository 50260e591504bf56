"""The plan form: one widget per plan field, read and written as a plan-file dict.

The form does no dose arithmetic and no validation of its own: it hands the dict to
planner.core (plan_from_dict), and shows the core's field errors beside the fields.
Number fields (number_field.NumberField) hold exactly what was typed or opened, with no
range: an out-of-range value gets the core's message instead of being rounded or clamped.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.plan import DEFAULT_LARGER_DOSE_ORDER, SLOTS, FieldError, PlanError
from planner.files.planfile import FORMAT_VERSION
from planner.domain.profiles import drug_ids, load_profile
from planner.app.date_field import DateField
from planner.app.number_field import NumberField, exact_decimal, guard_wheel, holds_exactly, plain_number

TAPER_MODES = (("none", "No taper"), ("mg", "By mg per step"), ("percent", "By percent per step"))
KIDNEY_MODES = (("none", "Not entered"), ("crcl", "CrCl entered"), ("cg", "Cockcroft-Gault"))
SLOT_FILL_MODES = (("grow", "Add a dose a day at each step, from the label's minimum"),
                   ("all", "Every dose from day 1"))
NO_INDICATION = ""


MG_DAY = " mg/day"
DAYS = (" day", " days")


def _number(w: NumberField) -> int | float | str:
    """A number field as the plan file holds it: 59.96 stays 59.96, 60 is 60; a text that
    cannot be read goes on as typed, so the core refuses it and the plan shows invalid."""
    value = w.value()
    return plain_number(value) if value is not None else w.raw_text()


class PlanForm(QWidget):
    """Emits changed(field) after any edit, naming the plan field that changed."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._larger_dose_order = list(DEFAULT_LARGER_DOSE_ORDER)
        self._overrides: list[dict[str, str]] = []  # recorded from the problems list, not a widget
        self._plan_id: str | None = None  # the plan's identity: passed through unchanged
        self.fields: dict[str, QWidget] = {}  # plan field -> the widget to focus
        self._errors: dict[str, QLabel] = {}  # plan field -> its inline message
        self._names: dict[str, str] = {}  # plan field -> its label, as the clinician reads it
        self._strength_boxes: dict[int, QCheckBox] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)

        # --- the medicine
        g, f = self._group("Medicine", outer)
        self.drug = QComboBox()
        for d in drug_ids():
            p = load_profile(d)
            self.drug.addItem(f"{p.display_name} ({p.brand})", d)
        self._row(f, "&Drug", self.drug, "drug")
        self.indication = QComboBox()
        self._row(f, "&Indication", self.indication, "indication")
        self.strengths_box = QWidget()
        self._strengths_layout = QVBoxLayout(self.strengths_box)
        self._strengths_layout.setContentsMargins(0, 0, 0, 0)
        self._strengths_layout.setSpacing(2)
        self._row(f, "Strengths dispensed", self.strengths_box, "strengths_mg")

        # --- the schedule
        g, f = self._group("Schedule", outer)
        self.start_date = DateField("Start date")  # typed whole dates, a calendar and Today
        self._row(f, "Start &date", self.start_date, "start_date", focus=self.start_date.edit)
        self.start_dose = NumberField(MG_DAY, 100)
        self._row(f, "&Start dose", self.start_dose, "start_dose_mg")
        self.increment = NumberField(MG_DAY, 100)
        self._row(f, "In&crement", self.increment, "increment_mg")
        self.step_days = NumberField(DAYS)
        self._row(f, "Step &interval", self.step_days, "step_days")
        self.target = NumberField(MG_DAY, 100)
        self._row(f, "&Target dose", self.target, "target_dose_mg")
        self.doses_per_day = NumberField()
        self._row(f, "Doses per da&y", self.doses_per_day, "doses_per_day")
        self.slot_fill = QComboBox()
        for key, text in SLOT_FILL_MODES:
            self.slot_fill.addItem(text, key)
        self._row(f, "Dose &filling", self.slot_fill, "slot_fill")
        times = QWidget()
        tl = QHBoxLayout(times)
        tl.setContentsMargins(0, 0, 0, 0)
        self.slot_times: dict[str, QTimeEdit] = {}
        for slot in SLOTS:
            t = QTimeEdit()
            t.setDisplayFormat("HH:mm")
            t.setAccessibleName(f"{slot} dose time")
            t.setToolTip(f"Clock time of the {slot} dose")
            self.slot_times[slot] = t
            box = QVBoxLayout()
            cap = QLabel(slot.capitalize())
            cap.setBuddy(t)
            cap.setStyleSheet("color: palette(mid); font-size: 8pt;")
            box.addWidget(cap)
            box.addWidget(t)
            tl.addLayout(box)
        self._row(f, "Dose times", times, "slot_times")
        self.maintenance = NumberField(DAYS)
        self._row(f, "&Maintenance", self.maintenance, "maintenance_days")

        # --- the taper
        g, f = self._group("Taper", outer)
        self.taper_mode = QComboBox()
        for key, text in TAPER_MODES:
            self.taper_mode.addItem(text, key)
        self._row(f, "T&aper", self.taper_mode, "taper")
        self.taper_mg = NumberField(MG_DAY, 100)
        self.taper_mg_label = self._row(f, "Reduce by", self.taper_mg, "taper.step_mg")
        self.taper_percent = NumberField(" %")
        self.taper_percent_label = self._row(f, "Reduce by", self.taper_percent, "taper.step_percent")
        self.taper_days = NumberField(DAYS)
        self.taper_days_label = self._row(f, "Every", self.taper_days, "taper.step_days")

        # --- kidney function
        g, f = self._group("Kidney function", outer)
        self.kidney_mode = QComboBox()
        for key, text in KIDNEY_MODES:
            self.kidney_mode.addItem(text, key)
        self._row(f, "&Kidney function", self.kidney_mode, "kidney")
        self.crcl = NumberField(" mL/min")
        self.crcl_label = self._row(f, "CrCl", self.crcl, "kidney.crcl_ml_min")
        self.age = NumberField(" years")
        self.age_label = self._row(f, "Age", self.age, "kidney.age_years")
        self.sex = QComboBox()
        self.sex.addItem("Female", "female")
        self.sex.addItem("Male", "male")
        self.sex_label = self._row(f, "Sex", self.sex, "kidney.sex")
        self.weight = NumberField(" kg")
        self.weight_label = self._row(f, "Weight (actual)", self.weight, "kidney.weight_kg")
        scr = QWidget()
        sl = QHBoxLayout(scr)
        sl.setContentsMargins(0, 0, 0, 0)
        self.scr = NumberField()
        self.scr_unit = QComboBox()
        self.scr_unit.addItem("mg/dL", "mg_dl")
        self.scr_unit.addItem("µmol/L", "umol_l")
        self.scr_unit.setAccessibleName("Serum creatinine unit")
        sl.addWidget(self.scr, 1)
        sl.addWidget(self.scr_unit)
        self.scr_label = self._row(f, "Serum creatinine", scr, "kidney.serum_creatinine_mg_dl", focus=self.scr)
        self.fields["kidney.serum_creatinine_umol_l"] = self.scr
        self._errors["kidney.serum_creatinine_umol_l"] = self._errors["kidney.serum_creatinine_mg_dl"]
        self.haemodialysis = QCheckBox("On haemodialysis")
        self.haemodialysis.setAccessibleName("On haemodialysis")
        self.haemodialysis_label = self._row(f, "", self.haemodialysis, "kidney.haemodialysis")
        self.kidney_result = QLabel()
        self.kidney_result.setWordWrap(True)
        self.kidney_result.setAccessibleName("Kidney function result")
        self.kidney_result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        f.addRow(self.kidney_result)

        # --- people
        g, f = self._group("Patient and prescriber", outer)
        self.patient_name = QLineEdit()
        self._row(f, "&Patient name", self.patient_name, "patient.name")
        self.patient_dob = QLineEdit()
        self.patient_dob.setPlaceholderText("YYYY-MM-DD (optional)")
        self._row(f, "Date of birth", self.patient_dob, "patient.date_of_birth")
        self.patient_id = QLineEdit()
        self._row(f, "Patient number", self.patient_id, "patient.identifier")
        self.prescriber_name = QLineEdit()
        self._row(f, "P&rescriber", self.prescriber_name, "prescriber.name")
        self.prescriber_org = QLineEdit()
        self._row(f, "Clinic", self.prescriber_org, "prescriber.organisation")
        self.prescriber_phone = QLineEdit()
        self._row(f, "Prescriber p&hone", self.prescriber_phone, "prescriber.phone")
        self.pharmacy_name = QLineEdit()
        self._row(f, "Pharmacy", self.pharmacy_name, "pharmacy.name")
        self.pharmacy_phone = QLineEdit()
        self._row(f, "Pharmacy phone", self.pharmacy_phone, "pharmacy.phone")
        for w in (self.patient_name, self.patient_dob, self.patient_id, self.prescriber_name, self.prescriber_org,
                  self.prescriber_phone, self.pharmacy_name, self.pharmacy_phone):
            w.setMaxLength(250)
        outer.addStretch(1)

        self._connect()
        self._fill_drug_lists(drug_ids()[0], None, None)
        self._show_modes()
        self._wheel_guard = guard_wheel(self, also=(DateField,))

    # --- building -------------------------------------------------------------------------

    def _group(self, title: str, outer: QVBoxLayout) -> tuple[QGroupBox, QFormLayout]:
        g = QGroupBox(title)
        f = QFormLayout(g)
        f.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        f.setVerticalSpacing(4)
        outer.addWidget(g)
        return g, f

    def _row(self, form: QFormLayout, text: str, widget: QWidget, field: str,
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
        err.setAccessibleName(f"{text.replace('&', '') or field} error")
        err.hide()
        v.addWidget(err)
        label = QLabel(text)
        label.setMinimumWidth(120)
        target = focus or widget
        label.setBuddy(target)
        if text:
            target.setAccessibleName(text.replace("&", ""))
        form.addRow(label, holder)
        self.fields[field] = target
        self._errors[field] = err
        self._names[field] = text.replace("&", "") or target.accessibleName() or field
        return label

    def _connect(self) -> None:
        def emit(field):
            return lambda *_: self._edited(field)

        self.drug.currentIndexChanged.connect(self._drug_changed)
        self.indication.currentIndexChanged.connect(emit("indication"))
        self.start_date.dateChanged.connect(emit("start_date"))
        for w, name in ((self.start_dose, "start_dose_mg"), (self.increment, "increment_mg"),
                        (self.step_days, "step_days"), (self.target, "target_dose_mg"),
                        (self.doses_per_day, "doses_per_day"), (self.maintenance, "maintenance_days"),
                        (self.taper_mg, "taper.step_mg"), (self.taper_percent, "taper.step_percent"),
                        (self.taper_days, "taper.step_days"), (self.crcl, "kidney.crcl_ml_min"),
                        (self.age, "kidney.age_years"), (self.weight, "kidney.weight_kg"),
                        (self.scr, "kidney.serum_creatinine")):
            w.valueChanged.connect(emit(name))
        self.slot_fill.currentIndexChanged.connect(emit("slot_fill"))
        for slot, t in self.slot_times.items():
            t.timeChanged.connect(emit(f"slot_times.{slot}"))
        self.taper_mode.currentIndexChanged.connect(lambda *_: (self._show_modes(), self._edited("taper")))
        self.kidney_mode.currentIndexChanged.connect(lambda *_: (self._show_modes(), self._edited("kidney")))
        self.sex.currentIndexChanged.connect(emit("kidney.sex"))
        self.scr_unit.currentIndexChanged.connect(emit("kidney.serum_creatinine_unit"))
        self.haemodialysis.toggled.connect(emit("kidney.haemodialysis"))
        for w, name in ((self.patient_name, "patient.name"), (self.patient_dob, "patient.date_of_birth"),
                        (self.patient_id, "patient.identifier"),
                        (self.prescriber_name, "prescriber.name"),
                        (self.prescriber_org, "prescriber.organisation"),
                        (self.prescriber_phone, "prescriber.phone"), (self.pharmacy_name, "pharmacy.name"),
                        (self.pharmacy_phone, "pharmacy.phone")):
            w.textEdited.connect(emit(name))

    def _edited(self, field: str) -> None:
        if not self._loading:
            self.changed.emit(field)

    def _drug_changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._fill_drug_lists(self.drug.currentData(), None, None)
        finally:
            self._loading = False
        self._edited("drug")

    def _fill_drug_lists(self, drug: str, indication: str | None, strengths: list[int] | None) -> None:
        profile = load_profile(drug)
        self.indication.blockSignals(True)
        self.indication.clear()
        self.indication.addItem("Not specified (overall label limits)", NO_INDICATION)
        for ind in profile.indications:
            self.indication.addItem(ind.name, ind.id)
        self.indication.setCurrentIndex(max(0, self.indication.findData(indication or NO_INDICATION)))
        self.indication.blockSignals(False)
        for box in self._strength_boxes.values():
            self._strengths_layout.removeWidget(box)
            box.deleteLater()
        self._strength_boxes = {}
        chosen = set(strengths) if strengths is not None else set(profile.strengths_mg)
        for form in profile.forms:
            text = f"{form.strength_mg} mg {form.form}" + (" (scored, may be halved)" if form.scored else "")
            box = QCheckBox(text)
            box.setChecked(form.strength_mg in chosen)
            box.setAccessibleName(f"Dispense {form.strength_mg} mg {form.form}")
            box.toggled.connect(lambda *_: self._edited("strengths_mg"))
            self._strengths_layout.addWidget(box)
            self._strength_boxes[form.strength_mg] = box
        if self._strength_boxes:
            self.fields["strengths_mg"] = next(iter(self._strength_boxes.values()))

    def _show_modes(self) -> None:
        taper = self.taper_mode.currentData()
        for w, lab, on in ((self.taper_mg, self.taper_mg_label, taper == "mg"),
                           (self.taper_percent, self.taper_percent_label, taper == "percent"),
                           (self.taper_days, self.taper_days_label, taper != "none")):
            w.parentWidget().setVisible(on)
            lab.setVisible(on)
        kidney = self.kidney_mode.currentData()
        for w, lab, on in ((self.crcl, self.crcl_label, kidney == "crcl"),
                           (self.age, self.age_label, kidney == "cg"),
                           (self.sex, self.sex_label, kidney == "cg"),
                           (self.weight, self.weight_label, kidney == "cg"),
                           (self.scr.parentWidget(), self.scr_label, kidney == "cg"),
                           (self.haemodialysis, self.haemodialysis_label, kidney != "none")):
            w.parentWidget().setVisible(on)
            lab.setVisible(on)
        self.kidney_result.setVisible(kidney != "none")

    # --- reading and writing -------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The form as a plan-file dict (validated by the core, not here)."""
        d: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "drug": self.drug.currentData(),
        }
        if self.indication.currentData():
            d["indication"] = self.indication.currentData()
        d.update({
            "start_date": self.start_date.date().toString("yyyy-MM-dd"),
            "start_dose_mg": _number(self.start_dose),
            "increment_mg": _number(self.increment),
            "step_days": _number(self.step_days),
            "target_dose_mg": _number(self.target),
            "doses_per_day": _number(self.doses_per_day),
            "strengths_mg": [s for s, box in self._strength_boxes.items() if box.isChecked()],
            "slot_fill": self.slot_fill.currentData(),
            "slot_times": {s: t.time().toString("HH:mm") for s, t in self.slot_times.items()},
            "larger_dose_order": list(self._larger_dose_order),
            "maintenance_days": _number(self.maintenance),
        })
        taper = self.taper_mode.currentData()
        if taper == "mg":
            d["taper"] = {"step_mg": _number(self.taper_mg), "step_days": _number(self.taper_days)}
        elif taper == "percent":
            d["taper"] = {"step_percent": _number(self.taper_percent), "step_days": _number(self.taper_days)}
        kidney = self.kidney_mode.currentData()
        if kidney == "crcl":
            d["kidney"] = {"crcl_ml_min": _number(self.crcl), "haemodialysis": self.haemodialysis.isChecked()}
        elif kidney == "cg":
            d["kidney"] = {
                "age_years": _number(self.age),
                "sex": self.sex.currentData(),
                "weight_kg": _number(self.weight),
                f"serum_creatinine_{self.scr_unit.currentData()}": _number(self.scr),
                "haemodialysis": self.haemodialysis.isChecked(),
            }
        for key, pairs in (
            ("patient", (("name", self.patient_name), ("date_of_birth", self.patient_dob),
                         ("identifier", self.patient_id))),
            ("prescriber", (("name", self.prescriber_name), ("organisation", self.prescriber_org),
                            ("phone", self.prescriber_phone))),
            ("pharmacy", (("name", self.pharmacy_name), ("phone", self.pharmacy_phone))),
        ):
            values = {k: w.text().strip() for k, w in pairs if w.text().strip()}
            if values:
                d[key] = values
        if self._overrides:
            d["overrides"] = [dict(o) for o in self._overrides]
        if self._plan_id is not None:
            d["plan_id"] = self._plan_id
        return d

    def set_overrides(self, overrides: list[dict[str, str]]) -> None:
        """Record the clinician's overrides (the caller pushes the undo step)."""
        self._overrides = [dict(o) for o in overrides]
        self._edited("overrides")

    def _numbers_in(self, d: dict[str, Any]) -> list[tuple[str, NumberField, Any]]:
        """(plan field, its number field, the value d gives it) for each number set_state shows."""
        out = [(k, w, d.get(k)) for k, w in (
            ("start_dose_mg", self.start_dose), ("increment_mg", self.increment), ("step_days", self.step_days),
            ("target_dose_mg", self.target), ("doses_per_day", self.doses_per_day))]
        out.append(("maintenance_days", self.maintenance, d.get("maintenance_days", 0)))
        taper = d.get("taper")
        if isinstance(taper, dict):
            key, w = ("step_percent", self.taper_percent) if "step_percent" in taper else ("step_mg", self.taper_mg)
            out += [(f"taper.{key}", w, taper.get(key)), ("taper.step_days", self.taper_days, taper.get("step_days"))]
        kidney = d.get("kidney")
        if isinstance(kidney, dict):
            if "crcl_ml_min" in kidney:
                out.append(("kidney.crcl_ml_min", self.crcl, kidney.get("crcl_ml_min")))
            else:
                unit = "umol_l" if "serum_creatinine_umol_l" in kidney else "mg_dl"
                out += [("kidney.age_years", self.age, kidney.get("age_years")),
                        ("kidney.weight_kg", self.weight, kidney.get("weight_kg")),
                        (f"kidney.serum_creatinine_{unit}", self.scr, kidney.get(f"serum_creatinine_{unit}"))]
        return out

    def _check_numbers(self, d: dict[str, Any]) -> None:
        """Raise PlanError naming each number the form cannot show exactly, before any change."""
        errors = []
        for field, _, value in self._numbers_in(d):
            if isinstance(value, str):
                continue  # a text typed earlier that could not be read: shown as it was
            exact = exact_decimal(value)
            if value is None:
                errors.append(FieldError(field, "is missing"))
            elif exact is None:
                what = "a finite number" if isinstance(value, (float, Decimal)) else "a number"
                errors.append(FieldError(field, f"is not {what} (got {_shown(value)})"))
            elif not holds_exactly(exact):
                errors.append(FieldError(field, f"is too large or has more digits than the form can keep "
                                                f"exactly (got {_shown(value)})"))
        if errors:
            raise PlanError(errors)

    def set_state(self, d: dict[str, Any]) -> None:
        """Show a plan-file dict (one the core wrote or accepted, or an earlier state()) without
        emitting changed. Every number is shown exactly as d holds it; one that cannot be
        raises PlanError naming its field, and then nothing on the form has changed."""
        self._check_numbers(d)
        self._loading = True
        try:
            drug = d.get("drug", drug_ids()[0])
            self.drug.setCurrentIndex(max(0, self.drug.findData(drug)))
            self._fill_drug_lists(drug, d.get("indication"), d.get("strengths_mg"))
            self.start_date.setDate(QDate.fromString(d["start_date"], "yyyy-MM-dd"))
            self.slot_fill.setCurrentIndex(max(0, self.slot_fill.findData(d.get("slot_fill", "grow"))))
            times = d.get("slot_times") or {}
            for slot, t in self.slot_times.items():
                if slot in times:
                    t.setTime(QTime.fromString(times[slot], "HH:mm"))
            self._larger_dose_order = list(d.get("larger_dose_order") or DEFAULT_LARGER_DOSE_ORDER)
            taper = d.get("taper")
            if taper is None:
                self.taper_mode.setCurrentIndex(0)
            elif "step_percent" in taper:
                self.taper_mode.setCurrentIndex(self.taper_mode.findData("percent"))
            else:
                self.taper_mode.setCurrentIndex(self.taper_mode.findData("mg"))
            kidney = d.get("kidney")
            if kidney is None:
                self.kidney_mode.setCurrentIndex(0)
            else:
                self.haemodialysis.setChecked(bool(kidney.get("haemodialysis")))
                if "crcl_ml_min" in kidney:
                    self.kidney_mode.setCurrentIndex(self.kidney_mode.findData("crcl"))
                else:
                    self.kidney_mode.setCurrentIndex(self.kidney_mode.findData("cg"))
                    self.sex.setCurrentIndex(self.sex.findData(kidney["sex"]))
                    unit = "umol_l" if "serum_creatinine_umol_l" in kidney else "mg_dl"
                    self.scr_unit.setCurrentIndex(self.scr_unit.findData(unit))
            patient = d.get("patient") or {}
            prescriber = d.get("prescriber") or {}
            pharmacy = d.get("pharmacy") or {}
            self.patient_name.setText(patient.get("name", ""))
            self.patient_id.setText(patient.get("identifier", ""))
            self.patient_dob.setText(patient.get("date_of_birth", ""))
            self.prescriber_name.setText(prescriber.get("name", ""))
            self.prescriber_org.setText(prescriber.get("organisation", ""))
            self.prescriber_phone.setText(prescriber.get("phone", ""))
            self.pharmacy_name.setText(pharmacy.get("name", ""))
            self.pharmacy_phone.setText(pharmacy.get("phone", ""))
            self._overrides = [dict(o) for o in d.get("overrides", [])]
            self._plan_id = d.get("plan_id")
            for _, w, value in self._numbers_in(d):
                if isinstance(value, str):
                    w.set_unread_text(value)
                else:
                    w.setValue(value)
        finally:
            self._loading = False
        self._show_modes()

    # --- messages ----------------------------------------------------------------------

    def widget_for(self, field: str) -> QWidget | None:
        """The widget for a plan field as the core names it (kidney.weight_kg, strengths_mg[1])."""
        name = field.split("[", 1)[0]
        while name:
            if name in self.fields:
                return self.fields[name]
            name = name.rpartition(".")[0]
        return None

    def field_name(self, field: str) -> str:
        """The label a clinician sees for a plan field ('start_dose_mg' -> 'Start dose')."""
        name = field.split("[", 1)[0]
        while name:
            if name in self._names:
                return self._names[name]
            name = name.rpartition(".")[0]
        return field

    def show_errors(self, errors: list[tuple[str, str]]) -> list[str]:
        """Show each (field, message) under its field; return the fields with no place."""
        for label in self._errors.values():
            label.hide()
            label.clear()
        homeless = []
        for field, message in errors:
            w = self.widget_for(field)
            if isinstance(w, NumberField) and w.problem():
                message = w.problem()  # why the text could not be read, not just that it is not a number
            name = field.split("[", 1)[0]
            while name and name not in self._errors:
                name = name.rpartition(".")[0]
            label = self._errors.get(name)
            if label is None:
                homeless.append(field)
                continue
            label.setText((label.text() + "\n" if label.text() else "") + message)
            label.show()
        return homeless

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def set_kidney_result(self, text: str) -> None:
        self.kidney_result.setText(text)


def _shown(value: Any) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(Decimal(value) if isinstance(value, int) else value)  # str(int) refuses over 4300 digits
    else:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
