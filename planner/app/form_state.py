"""The form as a plan-file dict: state() reads what the form shows, set_state() shows a
dict. Every number is shown exactly as the dict holds it; one that cannot be is named
before anything changes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QTime

from planner.app.form_groups import TEXTS
from planner.app.number_field import NumberField, exact_decimal, holds_exactly, plain_number
from planner.domain.plan import DEFAULT_LARGER_DOSE_ORDER, FieldError, PlanError
from planner.domain.profiles import drug_ids
from planner.files.planfile import FORMAT_VERSION


def _number(w: NumberField) -> int | float | str:
    """A number field as the plan file holds it: 59.96 stays 59.96, 60 is 60; a text that
    cannot be read goes on as typed, so the engine refuses it and the plan shows invalid."""
    value = w.value()
    return plain_number(value) if value is not None else w.raw_text()


def _shown(value: Any) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(Decimal(value) if isinstance(value, int) else value)  # str(int) refuses over 4300 digits
    else:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


class FormState:
    """Mixed into PlanForm: reading and writing its widgets as a plan-file dict."""

    def state(self) -> dict[str, Any]:
        """The form as a plan-file dict (validated by the engine, not here)."""
        d: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "kind": "start_and_stop",  # the one shape the form edits so far
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
            "maintenance": "days",
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
        for attr, path in TEXTS:  # a group with no text is left out
            text = getattr(self, attr).text().strip()
            if text:
                group, key = path.split(".")
                d.setdefault(group, {})[key] = text
        if self._overrides:
            d["overrides"] = [dict(o) for o in self._overrides]
        if self._plan_id is not None:
            d["plan_id"] = self._plan_id
        return d

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

    def check_shows(self, d: dict[str, Any]) -> None:
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
        """Show a plan-file dict (one the engine wrote or accepted, or an earlier state()) without
        emitting changed. Every number is shown exactly as d holds it; one that cannot be
        raises PlanError naming its field, and then nothing on the form has changed."""
        self.check_shows(d)
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
            for attr, path in TEXTS:
                group, key = path.split(".")
                getattr(self, attr).setText((d.get(group) or {}).get(key, ""))
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

    def take(self, d: dict[str, Any]) -> dict[str, Any]:
        """Show d and return it as the form holds it (numbers as given, defaults filled in).
        Raises PlanError naming each value the form cannot show exactly, changing nothing."""
        self.set_state(d)
        return self.state()
