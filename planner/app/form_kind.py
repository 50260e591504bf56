"""The form's rows for the kinds of plan (format version 2): the kind, today's doses, what
follows the target (continue until review, or hold for some days), the taper's cut order,
the oral solution and an off-label use. Built onto the form like form_groups; which rows a
kind shows (and which fields its state writes) is USED_BY_KIND.

Each row's Alt letter is in form_rows.MNEMONICS, with the rule that keeps them apart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, \
    QVBoxLayout, QWidget

from planner.app.date_field import DateField
from planner.app.form_rows import TEXT_MAX_LEN, combo, group, number_field
from planner.domain.plan import PLAN_KINDS, SLOTS, SYRINGE_ML
from planner.text.catalogue import say

translate = QCoreApplication.translate

KIND_IDS = {"start": lambda: translate("Form", "Start: titrate up, then continue"), "change": lambda: translate("Form", "Change: from today's doses to a new dose"), "stop": lambda: translate("Form", "Stop: taper today's doses to zero"),
            "start_and_stop": lambda: translate("Form", "Start and stop: titrate, hold, taper")}
MAINTENANCE_IDS = {"review": lambda: translate("Form", "Continue until review"), "days": lambda: translate("Form", "Hold for a number of days")}
LIQUID_IDS = {"none": lambda: translate("Form", "None (capsules and tablets)"), "all": lambda: translate("Form", "Every step"), "taper_end": lambda: translate("Form", "The taper's last steps")}
SLOT_IDS = {"morning": lambda: translate("Form", "Morning"), "midday": lambda: translate("Form", "Midday"), "evening": lambda: translate("Form", "Evening"),
            "bedtime": lambda: translate("Form", "Bedtime")}
EVEN_SPLIT = "even"  # the taper's cut-order choice for None: every step re-splits the day evenly

# The fields (and rows) each kind of plan uses; the others are kept in their widgets but
# neither shown nor written (a hidden field can then never hold the error that stops a plan).
# "maybe": used when given (a change plan's titration pace, its taper when going down).
USED_BY_KIND: dict[str, dict[str, tuple[str, ...]]] = {
    "start": {"need": ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day",
                       "maintenance"), "maybe": ()},
    "start_and_stop": {"need": ("start_dose_mg", "increment_mg", "step_days", "target_dose_mg", "doses_per_day",
                                "maintenance", "taper"), "maybe": ()},
    "change": {"need": ("current", "target_dose_mg", "doses_per_day", "maintenance"),
               "maybe": ("increment_mg", "step_days", "taper")},
    "stop": {"need": ("current", "taper"), "maybe": ()},
}


def uses(kind: str, what: str) -> bool:
    used = USED_BY_KIND.get(kind, USED_BY_KIND["start_and_stop"])
    return what in used["need"] or what in used["maybe"]


def needs(kind: str, what: str) -> bool:
    return what in USED_BY_KIND.get(kind, USED_BY_KIND["start_and_stop"])["need"]


def order_words(order: tuple[str, ...] | None) -> str:
    if order is None:
        #: The taper's cut-order choice where no time of day is cut first: each step re-splits the day's dose evenly.
        return translate("Form", "Spread evenly over the day")
    #: The taper's cut-order choice: the times of day in the order they are cut ("Morning, Midday, Evening, Bedtime").
    return translate("Form", "{slots}").format(slots=", ".join(SLOT_IDS[s]() for s in order))


def preset_orders() -> tuple[tuple[str, ...], ...]:
    """The cut orders offered: daytime doses first with bedtime last (drowsiness matters least
    at night), the reverse of the order a titration adds them, and bedtime first."""
    return (("morning", "midday", "evening", "bedtime"), ("midday", "morning", "evening", "bedtime"),
            ("evening", "midday", "morning", "bedtime"), ("bedtime", "evening", "midday", "morning"))


def _slot_fields(attr_prefix: str, form: Any) -> QWidget:
    """Four number fields, one per time of day, each with its caption (as the dose times)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    fields = {}
    for slot in SLOTS:
        w = number_field("current")
        #: A screen reader's name of one of today's dose fields ("Today's dose, Morning").
        w.setAccessibleName(translate("Form", "Today's dose, {slot}").format(slot=SLOT_IDS[slot]()))
        col = QVBoxLayout()
        cap = QLabel(SLOT_IDS[slot]())
        cap.setBuddy(w)
        cap.setStyleSheet("color: palette(mid); font-size: 8pt;")
        col.addWidget(cap)
        col.addWidget(w)
        row.addLayout(col)
        fields[slot] = w
    setattr(form, attr_prefix, fields)
    return box


def build_kind(form: Any, f) -> None:
    """Into the medicine group, first: the kind of plan."""
    form.kind = combo(tuple((k, KIND_IDS[k]()) for k in PLAN_KINDS))
    form.kind_label = form.rows.row(f, "kind", form.kind)


def build_off_label(form: Any, f) -> None:
    """Into the medicine group, after the indication: shown for "Other (off-label)"."""
    form.off_label_max = number_field("off_label.max_daily_mg")
    form.off_label_max.set_unread_text("")  # empty until stated: never a maximum of 0 nobody typed
    form.off_label_max_label = form.rows.row(f, "off_label.max_daily_mg", form.off_label_max)
    form.off_label_reason = QLineEdit()
    form.off_label_reason.setMaxLength(TEXT_MAX_LEN)
    form.off_label_reason_label = form.rows.row(f, "off_label.reason", form.off_label_reason)
    form.off_label_reason.setAccessibleName(say("field.off_label.reason"))


def build_template_button(form: Any, f) -> None:
    """Into the medicine group: the label's start for the drug and indication chosen, offered,
    never put in by itself over what the clinician typed."""
    #: The button in the medicine group that puts in the label's start for the drug and indication chosen; & marks its Alt letter.
    form.template_button = QPushButton(translate("Form", "Use the &label's start"))
    #: The tooltip of form.use-label-start.
    form.template_button.setToolTip(translate("Form", "Replace the schedule with the label's start, titration and target for this drug and indication (one undo step)"))
    #: The button in the medicine group that puts in the label's start for the drug and indication chosen; & marks its Alt letter.
    form.template_button.setAccessibleName(translate("Form", "Use the &label's start").replace("&", ""))
    f.addRow("", form.template_button)


def build_current(form: Any, f) -> None:
    """Into the schedule group, after the start date: today's doses (change and stop plans)."""
    box = _slot_fields("current", form)
    form.current_box = box
    form.current_label = form.rows.row(f, "current", box, focus=form.current["morning"])
    #: A screen reader's name of one of today's dose fields ("Today's dose, Morning").
    form.current["morning"].setAccessibleName(translate("Form", "Today's dose, {slot}").format(slot=SLOT_IDS["morning"]()))


def build_after_target(form: Any, f) -> None:
    """Into the schedule group, last: continue until review (with its date), or hold for days."""
    form.maintenance_mode = combo(tuple((m, MAINTENANCE_IDS[m]()) for m in ("review", "days")))
    form.maintenance_mode_label = form.rows.row(f, "maintenance", form.maintenance_mode)
    form.review_date = DateField(say("field.review_date"))
    # Today is no review date, and Alt+O is the start date's Today: the review has no such button.
    form.review_date.today_button.hide()
    form.review_date.today_button.setParent(None)
    form.review_date_label = form.rows.row(f, "review_date", form.review_date, focus=form.review_date.edit)


def build_taper_order(form: Any, f) -> None:
    """Into the taper group: which time of day is cut first."""
    form.taper_order = combo(((EVEN_SPLIT, order_words(None)),)
                             + tuple((",".join(o), order_words(o)) for o in preset_orders()))
    form.taper_order_label = form.rows.row(f, "taper.order", form.taper_order)


def build_liquid(form: Any, outer) -> None:
    #: The title of the form's group of oral solution fields.
    f = group(translate("Form", "Oral solution"), outer)
    form.liquid_use = combo(tuple((k, v()) for k, v in LIQUID_IDS.items()))
    form.rows.row(f, "liquid.use", form.liquid_use)
    form.liquid_below = number_field("liquid.below_mg")
    form.liquid_below.set_unread_text("")
    form.liquid_below_label = form.rows.row(f, "liquid.below_mg", form.liquid_below)
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    form.syringe_group = QButtonGroup(box)
    form.syringe_buttons = {}
    for ml in SYRINGE_ML:
        #: An oral syringe choice ("5 mL"); {ml} may carry the & of its Alt letter.
        b = QRadioButton(translate("Form", "{ml} mL").format(ml=f"&{ml}"))
        #: An oral syringe choice ("5 mL"); {ml} may carry the & of its Alt letter.
        b.setAccessibleName(translate("Form", "{ml} mL").format(ml=ml))
        form.syringe_group.addButton(b, ml)
        form.syringe_buttons[ml] = b
        row.addWidget(b)
    row.addStretch(1)
    form.syringe_buttons[SYRINGE_ML[0]].setChecked(True)
    form.syringe_label = form.rows.add(f, say("field.liquid.syringe_ml"), box, "liquid.syringe_ml",
                                       focus=form.syringe_buttons[SYRINGE_ML[0]])
