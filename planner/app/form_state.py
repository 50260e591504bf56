"""The form as a plan-file dict: state() reads what the form shows, set_state() shows a
dict. Every number is shown exactly as the dict holds it; one that cannot be is named
before anything changes."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QTime

from planner.app.form_groups import SCHEDULE_NUMBERS, TEXTS
from planner.app.form_kind import EVEN_SPLIT, needs, order_words, uses
from planner.app.number_field import NumberField, exact_decimal, holds_exactly, plain_number
from planner.domain.languages import SOURCE_LANGUAGE
from planner.domain.plan import DEFAULT_LARGER_DOSE_ORDER, OFF_LABEL, SLOTS, SYRINGE_ML, FieldError, PlanError
from planner.domain.profiles import drug_ids
from planner.files.planfile import FORMAT_VERSION


def _number(w: NumberField) -> int | float | str:
    """A number field as the plan file holds it: 59.96 stays 59.96, 60 is 60; a text that
    cannot be read goes on as typed, so the engine refuses it and the plan shows invalid."""
    value = w.value()
    return plain_number(value) if value is not None else w.raw_text()


def _given(w: NumberField) -> bool:
    """The field holds something: a number, or a text (maybe unreadable); not an empty field."""
    return w.value() is not None or bool(w.raw_text())


def _show(w: NumberField, value: Any) -> None:
    """A number as the plan holds it; a text typed earlier as it was (never read again)."""
    if isinstance(value, str):
        w.set_unread_text(value)
    else:
        w.setValue(value)


def _group(d: dict[str, Any], key: str) -> dict[str, Any]:
    value = d.get(key)
    return value if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(Decimal(value) if isinstance(value, int) else value)  # str(int) refuses over 4300 digits
    else:
        text = f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


class FormState:
    """Mixed into PlanForm: reading and writing its widgets as a plan-file dict. A field the
    kind of plan does not use is neither shown nor written (its widget keeps what was typed,
    for when the kind changes back)."""

    def state(self) -> dict[str, Any]:
        """The form as a plan-file dict (validated by the engine, not here)."""
        kind = self.kind.currentData()
        d: dict[str, Any] = {"format_version": FORMAT_VERSION, "kind": kind, "drug": self.drug.currentData()}
        if self.indication.currentData():
            d["indication"] = self.indication.currentData()
        if self.indication.currentData() == OFF_LABEL:
            off: dict[str, Any] = {}
            if _given(self.off_label_max):
                off["max_daily_mg"] = _number(self.off_label_max)
            if self.off_label_reason.text().strip():
                off["reason"] = self.off_label_reason.text().strip()
            d["off_label"] = off
        d["start_date"] = self.start_date.date().toString("yyyy-MM-dd")
        if uses(kind, "current"):
            current = {s: _number(w) for s, w in self.current.items() if _given(w) and w.value() != 0}
            if current:
                d["current"] = current
        for attr, path in SCHEDULE_NUMBERS:  # one the kind may use is left out when empty
            w = getattr(self, attr)
            if needs(kind, path) or (uses(kind, path) and _given(w)):
                d[path] = _number(w)
        d.update({
            "strengths_mg": [s for s, box in self._strength_boxes.items() if box.isChecked()],
            "slot_fill": self.slot_fill.currentData(),
            "slot_times": {s: t.time().toString("HH:mm") for s, t in self.slot_times.items()},
            "larger_dose_order": list(self._larger_dose_order),
        })
        if uses(kind, "maintenance"):
            d["maintenance"] = self.maintenance_mode.currentData()
            if d["maintenance"] == "days":
                d["maintenance_days"] = _number(self.maintenance)
            else:
                d["review_date"] = self.review_date.date().toString("yyyy-MM-dd")
        taper = self.taper_mode.currentData() if uses(kind, "taper") else "none"
        if taper == "mg":
            d["taper"] = {"step_mg": _number(self.taper_mg), "step_days": _number(self.taper_days)}
        elif taper == "percent":
            d["taper"] = {"step_percent": _number(self.taper_percent), "step_days": _number(self.taper_days)}
        if taper != "none" and self.taper_order.currentData() != EVEN_SPLIT:
            d["taper"]["order"] = self.taper_order.currentData().split(",")
        if self._step_edits:
            d["step_edits"] = copy.deepcopy(self._step_edits)
        use = self.liquid_use.currentData()
        if use != "none":
            d["liquid"] = {"use": use}
            if use == "taper_end" and _given(self.liquid_below):
                d["liquid"]["below_mg"] = _number(self.liquid_below)
            d["liquid"]["syringe_ml"] = self.syringe_group.checkedId()
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
        d["handout_language"] = self.handout_language.currentData()
        if self._overrides:
            d["overrides"] = [dict(o) for o in self._overrides]
        if self._plan_id is not None:
            d["plan_id"] = self._plan_id
        return d

    def _numbers_in(self, d: dict[str, Any]) -> list[tuple[str, NumberField, Any]]:
        """(plan field, its number field, the value d gives it) for each number set_state shows:
        one the kind uses is shown empty when d leaves it out (as "", a text: a template
        leaves out what the label does not say)."""
        kind = d.get("kind", "start_and_stop")
        out = [(path, getattr(self, attr), d.get(path, "")) for attr, path in SCHEDULE_NUMBERS if uses(kind, path)]
        if uses(kind, "current"):
            current = _group(d, "current")
            out += [(f"current.{s}", self.current[s], current.get(s, 0)) for s in SLOTS]
        if uses(kind, "maintenance") and d.get("maintenance", "days") == "days":
            out.append(("maintenance_days", self.maintenance, d.get("maintenance_days", 0)))
        taper = d.get("taper")
        if isinstance(taper, dict) and uses(kind, "taper"):
            key, w = ("step_percent", self.taper_percent) if "step_percent" in taper else ("step_mg", self.taper_mg)
            out += [(f"taper.{key}", w, taper.get(key)), ("taper.step_days", self.taper_days, taper.get("step_days"))]
        if d.get("indication") == OFF_LABEL:
            out.append(("off_label.max_daily_mg", self.off_label_max, _group(d, "off_label").get("max_daily_mg", "")))
        liquid = _group(d, "liquid")
        if liquid.get("use") == "taper_end":
            out.append(("liquid.below_mg", self.liquid_below, liquid.get("below_mg", "")))
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
        """Raise PlanError naming each value the form cannot show exactly, before any change."""
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
        liquid = d.get("liquid")
        if liquid is not None and _group(d, "liquid").get("syringe_ml", SYRINGE_ML[0]) not in SYRINGE_ML:
            errors.append(FieldError("liquid.syringe_ml", f"is not one of {', '.join(map(str, SYRINGE_ML))} mL"))
        if d.get("kind", "start_and_stop") not in (self.kind.itemData(i) for i in range(self.kind.count())):
            errors.append(FieldError("kind", "is not a kind of plan this program knows"))
        if errors:
            raise PlanError(errors)

    def set_state(self, d: dict[str, Any]) -> None:
        """Show a plan-file dict (one the engine wrote or accepted, or an earlier state()) without
        emitting changed. Every number is shown exactly as d holds it; one that cannot be
        raises PlanError naming its field, and then nothing on the form has changed."""
        self.check_shows(d)
        self._loading = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(d.get("kind", "start_and_stop")))
            drug = d.get("drug", drug_ids()[0])
            self.drug.setCurrentIndex(max(0, self.drug.findData(drug)))
            self._fill_drug_lists(drug, d.get("indication"), d.get("strengths_mg"))
            self.off_label_reason.setText(_group(d, "off_label").get("reason", ""))
            self.start_date.setDate(QDate.fromString(d["start_date"], "yyyy-MM-dd"))
            self.slot_fill.setCurrentIndex(max(0, self.slot_fill.findData(d.get("slot_fill", "grow"))))
            times = d.get("slot_times") or {}
            for slot, t in self.slot_times.items():
                if slot in times:
                    t.setTime(QTime.fromString(times[slot], "HH:mm"))
            self._larger_dose_order = list(d.get("larger_dose_order") or DEFAULT_LARGER_DOSE_ORDER)
            if "maintenance" in d or "maintenance_days" in d:
                self.maintenance_mode.setCurrentIndex(self.maintenance_mode.findData(d.get("maintenance", "days")))
            if isinstance(d.get("review_date"), str):
                self.review_date.setDate(QDate.fromString(d["review_date"], "yyyy-MM-dd"))
            self._set_taper(d.get("taper"))
            self._set_liquid(_group(d, "liquid") if d.get("liquid") is not None else None)
            self._step_edits = copy.deepcopy(list(d.get("step_edits") or []))
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
            self.handout_language.setCurrentIndex(
                max(0, self.handout_language.findData(d.get("handout_language", SOURCE_LANGUAGE))))
            self._overrides = [dict(o) for o in d.get("overrides", [])]
            self._plan_id = d.get("plan_id")
            shown = self._numbers_in(d)
            for _, w, value in shown:
                _show(w, value)
            self._keep_unused(d, {id(w) for _, w, _ in shown})
        finally:
            self._loading = False
        self._show_modes()

    def _set_taper(self, taper: Any) -> None:
        if not isinstance(taper, dict):
            self.taper_mode.setCurrentIndex(0)
            return
        self.taper_mode.setCurrentIndex(self.taper_mode.findData("percent" if "step_percent" in taper else "mg"))
        order = taper.get("order")
        key = ",".join(order) if order else EVEN_SPLIT
        if self.taper_order.findData(key) < 0:  # an order of the file's own: offered as it is
            self.taper_order.addItem(order_words(tuple(order)), key)
        self.taper_order.setCurrentIndex(self.taper_order.findData(key))

    def _set_liquid(self, liquid: dict[str, Any] | None) -> None:
        use = "none" if liquid is None else liquid.get("use", "all")
        self.liquid_use.setCurrentIndex(max(0, self.liquid_use.findData(use)))
        if liquid is not None:
            self.syringe_buttons[liquid.get("syringe_ml", SYRINGE_ML[0])].setChecked(True)

    def _keep_unused(self, d: dict[str, Any], shown: set[int]) -> None:
        """A number the kind does not use, given anyway: shown in its (hidden) field when it
        can be shown exactly, so that changing the kind back finds it."""
        for attr, path in SCHEDULE_NUMBERS:
            w = getattr(self, attr)
            value = d.get(path)
            if id(w) not in shown and value is not None and not isinstance(value, str):
                exact = exact_decimal(value)
                if exact is not None and holds_exactly(exact):
                    w.setValue(value)

    def take(self, d: dict[str, Any]) -> dict[str, Any]:
        """Show d and return it as the form holds it (numbers as given, defaults filled in).
        Raises PlanError naming each value the form cannot show exactly, changing nothing."""
        self.set_state(d)
        return self.state()
