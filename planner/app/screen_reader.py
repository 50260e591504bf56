"""What a screen reader reads beyond the labels: the chart summarised in words (its
accessible description) and each field's error message as that field's description."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from planner.domain.kinds import starting_mg, target_mg
from planner.domain.schedule import Schedule
from planner.text.dates import plain_date
from planner.text.units import drug_title

translate = QCoreApplication.translate

# The description a field had before an error was shown in it (a date's typing hint), kept
# on the widget so that fixing the error gives it back.
OWN_DESCRIPTION = "planner_own_description"


def dose_moves(schedule: Schedule) -> tuple[int, int]:
    """How many times the daily dose goes up and down, from today's doses (change and stop
    plans) through every step of the engine's schedule."""
    totals = [sum(d.mg for d in schedule.current)] if schedule.current else []
    totals += [st.total_mg for st in schedule.steps]
    up = sum(1 for a, b in zip(totals, totals[1:]) if b > a)
    down = sum(1 for a, b in zip(totals, totals[1:]) if b < a)
    return up, down


def chart_summary(schedule: Schedule) -> str:
    """The schedule in one or two sentences: drug, start and target, dates, steps up and
    down, and how it ends (review, goes on, or stops)."""
    plan, days = schedule.plan, schedule.days
    drug = drug_title(schedule.profile)
    if not days:
        #: The chart's text alternative when the plan has no days to show.
        return translate("ScreenReader", "Chart of {drug}: no doses to show.").format(drug=drug)
    last = days[-1]
    if schedule.continues and schedule.review_date is not None:
        #: In access.chart-summary: the plan holds its last dose until the review date.
        ending = translate("ScreenReader", "Then {mg} mg a day until the review on {date}.").format(mg=last.total_mg, date=plain_date(schedule.review_date))
    elif schedule.continues:
        #: In access.chart-summary: the patient goes on taking the last dose after the plan's last day.
        ending = translate("ScreenReader", "Then {mg} mg a day goes on after {date}.").format(mg=last.total_mg, date=plain_date(last.date))
    else:
        taken = [d for d in days if d.total_mg > 0]
        #: In access.chart-summary: the plan tapers to a stop; {date} is the day of the last dose.
        ending = translate("ScreenReader", "The last dose is on {date}; then the medicine stops.").format(date=plain_date((taken[-1] if taken else last).date))
    up, down = dose_moves(schedule)
    #: The chart's text alternative for screen readers (its accessible description): {drug} its name, {start_mg} and {target_mg} as in the chart's title, {first} and {last} the plan's first and last days, {up} access.steps-up, {down} access.steps-down, {ending} one of access.chart-until-review, access.chart-continues or access.chart-stops.
    return translate("ScreenReader", "Chart of {drug}, from {start_mg} to {target_mg} mg a day, {first} to {last}: {up} and {down}. {ending}").format(drug=drug, start_mg=starting_mg(plan), target_mg=target_mg(plan), first=plain_date(days[0].date), last=plain_date(last.date), up=(translate("ScreenReader", "{n} step up") if up == 1 else translate("ScreenReader", "{n} steps up")).format(n=up), down=(translate("ScreenReader", "{n} step down") if down == 1 else translate("ScreenReader", "{n} steps down")).format(n=down), ending=ending)


def _describe(widget: QWidget, error: str) -> None:
    """The error as the widget's description, or its own description when there is none."""
    if widget.property(OWN_DESCRIPTION) is None:
        widget.setProperty(OWN_DESCRIPTION, widget.accessibleDescription())
    widget.setAccessibleDescription(error or widget.property(OWN_DESCRIPTION))


class _MessageWatch(QObject):
    """Keeps a widget's description equal to a message label while the label shows."""

    EVENTS = (QEvent.Show, QEvent.Hide, QEvent.Paint)  # Paint: new text in a label already shown

    def __init__(self, message: QLabel, widget: QWidget) -> None:
        super().__init__(message)
        self.message, self.widget = message, widget
        message.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.EVENTS:
            said = self.message.text() if self.message.isVisible() else ""
            if said or self.widget.accessibleDescription() == self.message.text():
                _describe(self.widget, said)
        return False


def tie_message(message: QLabel, widget: QWidget) -> None:
    """A message shown under a widget as it is typed (a date that cannot be read) becomes
    the widget's accessible description while it shows."""
    _MessageWatch(message, widget)


def describe_errors(rows) -> None:
    """Each field whose error message shows gets it as its accessible description; a field
    with none gets its own description back (planner.app.form_rows.Rows)."""
    for path, message in rows.errors.items():
        widget = rows.fields.get(path)
        if widget is None:
            continue
        _describe(widget, message.text() if not message.isHidden() else "")
