"""The plan form: one widget per plan field, showing the plan document.

The form is not the plan: the document (planner.app.document) is. The form turns each
user's edit into an undoable command on the document, and shows what the document holds
(after an undo, an override, another plan). It does no dose arithmetic and no validation
of its own: the document's result names the fields in error, and the form shows each
message beside its field. Number fields (number_field.NumberField) hold exactly what was
typed or opened, with no range: an out-of-range value gets the engine's message instead
of being rounded or clamped.

Its rows come from the schema (form_rows), grouped in form_groups; reading and writing it
as a plan-file dict is form_state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from planner.app import form_groups, form_kind
from planner.app.date_field import DateField
from planner.app.form_rows import Rows, product_text
from planner.app.form_state import FormState
from planner.app.number_field import NumberField, guard_wheel
from planner.domain.plan import DEFAULT_LARGER_DOSE_ORDER, OFF_LABEL
from planner.domain.profiles import drug_ids, load_profile
from planner.text.catalogue import profile_text

translate = QCoreApplication.translate

NO_INDICATION = ""



class PlanForm(FormState, QWidget):
    """Emits changed(field) after any edit by the user, naming the plan field that changed
    (once attached to a document, after the edit became a command on it)."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.document = None  # the plan document edited, once attached (a form alone only emits changed)
        self._larger_dose_order = list(DEFAULT_LARGER_DOSE_ORDER)
        self._overrides: list[dict[str, str]] = []  # recorded from the problems list, not a widget
        self._plan_id: str | None = None  # the plan's identity: passed through unchanged
        self._step_edits: list[dict[str, Any]] = []  # made in the schedule table, not a widget
        self.rows = Rows()
        self.fields: dict[str, QWidget] = self.rows.fields  # plan field -> the widget to focus
        self._strength_boxes: dict[int, QCheckBox] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        for build in (form_groups.build_medicine, form_groups.build_schedule, form_groups.build_taper,
                      form_kind.build_liquid, form_groups.build_kidney, form_groups.build_people):
            build(self, outer)
        outer.addStretch(1)

        self._connect()
        self._fill_drug_lists(drug_ids()[0], None, None)
        self._show_modes()
        self._wheel_guard = guard_wheel(self, also=(DateField,))

    def _connect(self) -> None:
        def emit(field):
            return lambda *_: self._edited(field)

        self.drug.currentIndexChanged.connect(self._drug_changed)
        self.indication.currentIndexChanged.connect(lambda *_: (self._show_modes(), self._edited("indication")))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box, name in ((self.maintenance_mode, "maintenance"), (self.liquid_use, "liquid.use")):
            box.currentIndexChanged.connect(lambda *_, name=name: (self._show_modes(), self._edited(name)))
        self.taper_order.currentIndexChanged.connect(emit("taper.order"))
        self.review_date.dateChanged.connect(emit("review_date"))
        self.syringe_group.idToggled.connect(lambda _id, on: on and self._edited("liquid.syringe_ml"))
        self.off_label_reason.textEdited.connect(emit("off_label.reason"))
        for slot, w in self.current.items():
            w.valueChanged.connect(emit(f"current.{slot}"))
        self.start_date.dateChanged.connect(emit("start_date"))
        for w, name in ((self.start_dose, "start_dose_mg"), (self.increment, "increment_mg"),
                        (self.step_days, "step_days"), (self.target, "target_dose_mg"),
                        (self.doses_per_day, "doses_per_day"), (self.maintenance, "maintenance_days"),
                        (self.taper_mg, "taper.step_mg"), (self.taper_percent, "taper.step_percent"),
                        (self.taper_days, "taper.step_days"), (self.crcl, "kidney.crcl_ml_min"),
                        (self.age, "kidney.age_years"), (self.weight, "kidney.weight_kg"),
                        (self.scr, "kidney.serum_creatinine"), (self.off_label_max, "off_label.max_daily_mg"),
                        (self.liquid_below, "liquid.below_mg")):
            w.valueChanged.connect(emit(name))
        self.slot_fill.currentIndexChanged.connect(emit("slot_fill"))
        for slot, t in self.slot_times.items():
            t.timeChanged.connect(emit(f"slot_times.{slot}"))
        self.taper_mode.currentIndexChanged.connect(lambda *_: (self._show_modes(), self._edited("taper")))
        self.kidney_mode.currentIndexChanged.connect(lambda *_: (self._show_modes(), self._edited("kidney")))
        self.sex.currentIndexChanged.connect(emit("kidney.sex"))
        self.scr_unit.currentIndexChanged.connect(emit("kidney.serum_creatinine_unit"))
        self.haemodialysis.toggled.connect(emit("kidney.haemodialysis"))
        self.handout_language.currentIndexChanged.connect(emit("handout_language"))
        for attr, name in form_groups.TEXTS:
            getattr(self, attr).textEdited.connect(emit(name))

    def _edited(self, field: str) -> None:
        if self._loading:
            return
        if self.document is not None:  # the edit becomes an undoable command on the document
            self.document.edit(field, self.state())
        self.changed.emit(field)

    # --- the document ---------------------------------------------------------------------

    def attach(self, document) -> None:
        """Edit this document (planner.app.document.PlanDocument) and show what it holds."""
        self.document = document
        document.changed.connect(self._show_document)

    def _show_document(self, _field: str) -> None:
        state = self.document.state
        if self.state() != state:  # an undo, redo, override or another plan: not what was typed
            self.set_state(state)

    @property
    def strength_boxes(self) -> dict[int, QCheckBox]:
        """The drug's strengths, by mg, each with the box that says whether it is dispensed."""
        return dict(self._strength_boxes)

    # --- what the drug and the modes show ------------------------------------------------------

    def _drug_changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._fill_drug_lists(self.drug.currentData(), None, None)
        finally:
            self._loading = False
        self._edited("drug")

    def _kind_changed(self, *_: Any) -> None:
        """Another kind of plan lays out other steps: edits made to the old steps' numbers
        would land on steps they were never meant for, so they go (in the same undo step)."""
        if not self._loading:
            self._step_edits = []
        self._show_modes()
        self._edited("kind")

    def _fill_drug_lists(self, drug: str, indication: str | None, strengths: list[int] | None) -> None:
        profile = load_profile(drug)
        self.indication.blockSignals(True)
        self.indication.clear()
        self.indication.addItem(translate("Form", "Not specified (overall label limits)"), NO_INDICATION)
        for ind in profile.indications:
            self.indication.addItem(profile_text(ind.name), ind.id)
        self.indication.setCurrentIndex(max(0, self.indication.findData(indication or NO_INDICATION)))
        self.indication.blockSignals(False)
        for box in self._strength_boxes.values():
            self.strengths_layout.removeWidget(box)
            box.hide()  # out of the Tab chain at once, not when the event loop deletes it
            box.deleteLater()
        self._strength_boxes = {}
        chosen = set(strengths) if strengths is not None else set(profile.strengths_mg)
        for form in profile.forms:
            product = product_text(form.strength_mg, form.form)
            #: A strength the prescriber may dispense, when the tablet is scored ("600 mg tablet (scored, may be halved)").
            box = QCheckBox(translate("Form", "{product} (scored, may be halved)").format(product=product)
                            if form.scored else product)
            box.setChecked(form.strength_mg in chosen)
            box.setAccessibleName(translate("Form", "Dispense {product}").format(product=product))
            box.toggled.connect(lambda *_: self._edited("strengths_mg"))
            self.strengths_layout.addWidget(box)
            self._strength_boxes[form.strength_mg] = box
        if self._strength_boxes:
            self.fields["strengths_mg"] = next(iter(self._strength_boxes.values()))
        self._place_strengths_in_tab_order()

    def _place_strengths_in_tab_order(self) -> None:
        """New boxes join the end of the window's Tab chain (after the schedule table): put
        them back where they are seen, after the label's start button."""
        before = self.template_button
        for box in self._strength_boxes.values():
            QWidget.setTabOrder(before, box)
            before = box

    def _show_modes(self) -> None:
        """The rows the kind of plan, the indication and each mode use; the others hidden."""
        kind = self.kind.currentData()
        for path, lab in self.number_labels.items():
            self._show_row(lab, form_kind.uses(kind, path))
        self._show_row(self.current_label, form_kind.uses(kind, "current"))
        after = form_kind.uses(kind, "maintenance")
        mode = self.maintenance_mode.currentData()
        self._show_row(self.maintenance_mode_label, after)
        self._show_row(self.maintenance_label, after and mode == "days")
        self._show_row(self.review_date_label, after and mode == "review")
        self.taper_group.setVisible(form_kind.uses(kind, "taper"))
        off_label = self.indication.currentData() == OFF_LABEL
        self._show_row(self.off_label_max_label, off_label)
        self._show_row(self.off_label_reason_label, off_label)
        self._show_row(self.liquid_below_label, self.liquid_use.currentData() == "taper_end")
        self._show_row(self.syringe_label, self.liquid_use.currentData() != "none")
        taper = self.taper_mode.currentData()
        self._show_row(self.taper_order_label, taper != "none")
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

    def _show_row(self, label, on: bool) -> None:
        label.setVisible(on)
        self.rows.holders[label].setVisible(on)

    # --- messages ----------------------------------------------------------------------

    def widget_for(self, field: str) -> QWidget | None:
        """The widget for a plan field as the engine names it (kidney.weight_kg, strengths_mg[1]);
        one of today's doses (current.bedtime) is its own box, not the row's first."""
        group, _, slot = field.partition(".")
        if group == "current" and slot in self.current:
            return self.current[slot]
        return self.rows.find(self.rows.fields, field)

    def field_name(self, field: str) -> str:
        """The label a clinician sees for a plan field ('start_dose_mg' -> 'Start dose')."""
        return self.rows.find(self.rows.names, field) or field

    def show_errors(self, errors: list[tuple[str, str]]) -> list[str]:
        """Show each (field, message) under its field; return the fields with no place."""
        for label in self.rows.errors.values():
            label.hide()
            label.clear()
        homeless = []
        for field, message in errors:
            w = self.widget_for(field)
            if isinstance(w, NumberField) and w.problem():
                message = w.problem()  # why the text could not be read, not just that it is not a number
            label = self.rows.find(self.rows.errors, field)
            if label is None:
                homeless.append(field)
                continue
            label.setText((label.text() + "\n" if label.text() else "") + message)
            label.show()
        return homeless

    def error_text(self, field: str) -> str:
        label = self.rows.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def set_kidney_result(self, text: str) -> None:
        self.kidney_result.setText(text)
