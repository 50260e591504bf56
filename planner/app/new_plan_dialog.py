"""File > New: which kind of plan (start, change, stop, start and stop), for which drug and
indication. The window then fills the form from the label's template for them (for change
and stop plans the form then asks today's doses). Keyboard: each choice has its own Alt
letter, Enter creates, Escape cancels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, \
    QRadioButton, QVBoxLayout, QWidget

from planner.domain.plan import PLAN_KINDS
from planner.domain.profiles import drug_ids, load_profile
from planner.text.units import drug_title
from planner.text.catalogue import profile_text

translate = QCoreApplication.translate

# Each kind's choice, with its Alt letter (& in the text; none shared with Drug, Indication).
KIND_CHOICES = {"start": lambda: translate("NewPlan", "&Start it: titrate up, then continue until a review"), "change": lambda: translate("NewPlan", "C&hange today's dose: up or down to a new daily dose"), "stop": lambda: translate("NewPlan", "S&top it: taper today's doses to zero"),
                "start_and_stop": lambda: translate("NewPlan", "Start &and stop: titrate, hold, then taper")}


@dataclass(frozen=True)
class NewPlanChoice:
    kind: str
    drug: str
    indication: str | None


class NewPlanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, drug: str | None = None, indication: str | None = None) -> None:
        super().__init__(parent)
        #: The title of the File > New dialog.
        self.setWindowTitle(translate("NewPlan", "New plan"))
        outer = QVBoxLayout(self)
        #: The File > New dialog's question above the kinds of plan.
        ask = QLabel(translate("NewPlan", "What does the plan do?"))
        outer.addWidget(ask)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for i, kind in enumerate(PLAN_KINDS):
            b = QRadioButton(KIND_CHOICES[kind]())
            b.setAccessibleName(b.text().replace("&", ""))
            self.kind_group.addButton(b, i)
            self.kind_buttons[kind] = b
            outer.addWidget(b)
        self.kind_buttons["start"].setChecked(True)
        form = QFormLayout()
        outer.addLayout(form)
        self.drug = QComboBox()
        for d in drug_ids():
            p = load_profile(d)
            self.drug.addItem(f"{drug_title(p)} ({p.brand})", d)
        self.indication = QComboBox()
        for label_id, box in ((lambda: translate("NewPlan", "&Drug"), self.drug), (lambda: translate("NewPlan", "&Indication"), self.indication)):
            label = QLabel(label_id())
            label.setBuddy(box)
            box.setAccessibleName(label.text().replace("&", ""))
            form.addRow(label, box)
        self.drug.currentIndexChanged.connect(lambda *_: self._fill_indications(None))
        if drug is not None and self.drug.findData(drug) >= 0:
            self.drug.setCurrentIndex(self.drug.findData(drug))
        self._fill_indications(indication)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        #: File > New: the button that makes the plan (Enter).
        self.buttons.button(QDialogButtonBox.Ok).setText(translate("NewPlan", "Create"))
        self.buttons.button(QDialogButtonBox.Ok).setDefault(True)  # Enter creates, Escape cancels
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.kind_buttons["start"].setFocus()

    def _fill_indications(self, indication: str | None) -> None:
        profile = load_profile(self.drug.currentData())
        self.indication.clear()
        #: File > New: the indication choice for none (the label's overall limits, no label start).
        self.indication.addItem(translate("NewPlan", "Not specified (overall label limits)"), None)
        for ind in profile.indications:
            self.indication.addItem(profile_text(ind.name), ind.id)
        at = self.indication.findData(indication) if indication is not None else -1
        self.indication.setCurrentIndex(at if at >= 0 else min(1, self.indication.count() - 1))

    def choice(self) -> NewPlanChoice:
        kind = next(k for k, b in self.kind_buttons.items() if b.isChecked())
        return NewPlanChoice(kind, self.drug.currentData(), self.indication.currentData())


def ask_new_plan(parent: QWidget, drug: str | None = None, indication: str | None = None) -> NewPlanChoice | None:
    """The clinician's choice, or None when they cancelled."""
    dialog = NewPlanDialog(parent, drug, indication)
    return dialog.choice() if dialog.exec() == QDialog.Accepted else None
