"""New plans and the label's start: File > New asks which kind of plan (new_plan_dialog) and
fills the form from the label's template for the drug and indication
(planner.domain.templates); the form's "Use the label's start" puts the template in later, as
one undo step, only when the clinician asks (what was typed is never silently replaced).
The window's first plan is the template for gabapentin in postherpetic neuralgia, starting
today and continuing until review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from planner.app.new_plan_dialog import NewPlanChoice, ask_new_plan
from planner.domain.plan import PlanError
from planner.domain.profiles import load_profile
from planner.domain.templates import label_template, template_for
from planner.files.planfile import plan_to_dict

translate = QCoreApplication.translate

DEFAULT_CHOICE = NewPlanChoice("start", "gabapentin", "postherpetic_neuralgia")
# What the label's start replaces: the schedule's shape. The patient, the clinic, kidney
# function, the strengths the patient has, dose times, the oral solution, today's doses and
# an off-label statement stay as the clinician entered them.
TEMPLATE_KEYS = ("kind", "start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day",
                 "slot_fill", "maintenance", "maintenance_days", "review_date", "taper", "step_edits")


class LabelStarts:
    """Mixed into MainWindow: works on its document, form and status bar."""

    def template_state(self, choice: NewPlanChoice) -> dict[str, Any]:
        """A new plan's dict from the label's template (starting today)."""
        return plan_to_dict(label_template(choice.drug, choice.indication, self.today(), choice.kind))

    def ask_new(self) -> None:
        """File > New: which kind of plan, drug and indication; then the label's start for them."""
        state = self.document.state
        choice = ask_new_plan(self, state.get("drug"), state.get("indication"))
        if choice is None:
            return
        self.new_plan(choice=choice)
        if choice.kind in ("change", "stop"):  # the form asks today's doses
            self.focus_field("current")
            #: Status bar after File > New made a change or stop plan: the form asks today's doses.
            self.statusBar().showMessage(translate("NewPlan", "Enter the doses the patient takes now, at each time of day."), 15000)

    def label_start_available(self) -> bool:
        state = self.document.state
        try:
            return template_for(load_profile(state.get("drug")), state.get("indication")) is not None
        except (KeyError, TypeError, ValueError):  # no drug or indication the profiles know
            return False

    def use_label_start(self) -> None:
        """The label's start for the drug and indication on the form, as one undo step."""
        if not self.label_start_available():
            return
        state = self.document.state
        kind = state.get("kind", "start")
        current = tuple((k, v) for k, v in (state.get("current") or {}).items() if isinstance(v, int))
        plan = label_template(state["drug"], state["indication"], self.form.start_date.date().toPython(), kind,
                              current=current or None)
        template = plan_to_dict(plan)
        after = {k: v for k, v in state.items() if k not in TEMPLATE_KEYS}
        after.update({k: template[k] for k in TEMPLATE_KEYS if k in template})
        before_form = self.form.state()
        try:
            shown = self.form.take(after)
        except PlanError:
            self.form.set_state(before_form)
            return
        name = load_profile(state["drug"]).indication(state["indication"]).name
        #: Edit > Undo / Redo after the clinician put in the label's start; {indication} names the indication.
        self.document.replace(shown, translate("Command", "use the label's start for {indication}").format(indication=name))

    def _offer_label_start(self, field: str) -> None:
        """After the drug or indication changed: the button says whether the label has a start."""
        available = self.label_start_available()
        self.form.template_button.setEnabled(available)
        if field in ("drug", "indication") and available:
            name = load_profile(self.document.state["drug"]).indication(self.document.state["indication"]).name
            #: Status bar after the drug or indication was chosen and the label has a start for it.
            self.statusBar().showMessage(translate("Form", "The label has a start for {indication}: Use the label's start (Alt+L) puts it in, as one undo step.").format(indication=name), 15000)

    def _connect_label_starts(self) -> None:
        self.form.template_button.clicked.connect(self.use_label_start)
        self.form.changed.connect(self._offer_label_start)
        self.document.changed.connect(lambda _field: self._offer_label_start(""))
        self.form.template_button.setFocusPolicy(Qt.StrongFocus)
