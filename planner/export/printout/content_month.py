"""The month tick chart a patient or carer fills in: one MonthChart block (its own page) per
calendar month the plan covers, one box per dose of the engine's day, the dose in each.

Rules, so a reader of the pages and of this code agree:
- Weeks are rows from Monday to Sunday (ISO 8601), whatever the locale: the printout's day
  names (planner.text.dates.day_names) run Monday first too.
- A day is in the plan from day 1 to the last laid-out day (Schedule.days); today's doses
  before day 1 (a change or a stop plan's `current`) are not, and neither is a day after the
  last: those cells are grey with no boxes. A plan that continues says to keep taking it
  under its last month's grid, so no grey day reads as stopping.
- Marks: the first day of a plan that starts the medicine ("Start"); each day the doses
  change from the day before, or from today's doses on day 1 ("New dose"); the day the
  doses end ("Stop"); the review date of a plan that continues until review ("Review day").
- Page cap (MAX_MONTHS): a plan over more months than that prints the first month, then
  every month with a mark (a new dose, the stop day, the review day), then the earliest
  months left, up to MAX_MONTHS months in date order. A month is never left out silently:
  the first month's page names every month with no page and says to ask for them. In large
  print a month may take two pages (layout splits its weeks), never fewer boxes.

Every dose, date and mark comes from the Schedule; every sentence from the catalogue
(tick_chart.po). No Qt.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from planner.domain.schedule import Day, Schedule
from planner.export.printout.blocks import Block, MonthChart, TickDay, TickDose
from planner.export.printout.content_course import keep_taking_main
from planner.export.printout.words import mg_text, patient_name, slot_name
from planner.domain.plan import SLOTS
from planner.text.catalogue import say
from planner.text.dates import day_names, month_name
from planner.text.units import drug_name
from planner.text.numbers import fmt_decimal
from planner.text.units import is_liquid

MAX_MONTHS = 12  # at most a year of month pages in one printout
MAX_PARTS = 6  # a month has at most 6 weeks: the most pages layout can split it over

MONTH_IDS = ("tick.month.january", "tick.month.february", "tick.month.march", "tick.month.april",
             "tick.month.may", "tick.month.june", "tick.month.july", "tick.month.august",
             "tick.month.september", "tick.month.october", "tick.month.november", "tick.month.december")
WEEKDAY_IDS = ("tick.weekday.monday", "tick.weekday.tuesday", "tick.weekday.wednesday", "tick.weekday.thursday",
               "tick.weekday.friday", "tick.weekday.saturday", "tick.weekday.sunday")
MARK_IDS = {"start": "tick.mark.start", "change": "tick.mark.new-dose", "stop": "tick.mark.stop",
            "review": "tick.mark.review"}

Month = tuple[int, int]  # (year, month)


def _dose_key(doses) -> tuple:
    return tuple((d.slot, d.mg) for d in doses)


def day_marks(s: Schedule) -> dict[date, str]:
    """The tone of each marked day: 'start', 'change', 'stop' or 'review'."""
    marks: dict[date, str] = {}
    before = _dose_key(s.current) if s.current else None
    for d in s.days:
        now = _dose_key(d.doses)
        if not d.doses and (before is None or before):
            marks[d.date] = "stop"
        elif before is None:
            marks[d.date] = "start"
        elif now != before:
            marks[d.date] = "change"
        before = now
    if s.review_date is not None:
        marks.setdefault(s.review_date, "review")
    return marks


def plan_months(s: Schedule) -> list[Month]:
    seen: list[Month] = []
    for d in s.days:
        m = (d.date.year, d.date.month)
        if not seen or seen[-1] != m:
            seen.append(m)
    return seen


def choose_months(months: list[Month], marked: set[Month], cap: int = MAX_MONTHS) -> list[Month]:
    """The months that get a page (the page cap rule in the module's docstring)."""
    if len(months) <= cap:
        return list(months)
    chosen = [months[0]] + [m for m in months[1:] if m in marked]
    chosen += [m for m in months if m not in chosen]
    return sorted(chosen[:cap])


def _month_word(m: Month) -> str:
    return say("tick.months.one", month=month_name(m[1]), year=m[0])


def left_out_text(months: list[Month], chosen: list[Month]) -> str:
    """'This chart has no pages for Apr 2027 to Jun 2028, Aug 2028. ...' ('' when none is left out)."""
    runs: list[list[Month]] = []
    for i, m in enumerate(months):
        if m in chosen:
            continue
        if runs and months.index(runs[-1][-1]) == i - 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    if not runs:
        return ""
    words = [_month_word(r[0]) if len(r) == 1 else say("tick.months.range", first=_month_word(r[0]),
                                                        last=_month_word(r[-1])) for r in runs]
    return say("tick.left-out", months=say("printout.list.comma").join(words))


def tick_dose(dose) -> TickDose:
    liquid = [u for u in dose.units if is_liquid(u)]
    detail = say("products.liquid.ml", ml=fmt_decimal(sum(u.count for u in liquid))) if liquid else ""
    return TickDose(dose.slot, mg_text(dose.mg), dose.mg, detail)


def _cell(day: date, by_date: dict[date, Day], marks: dict[date, str]) -> TickDay:
    d = by_date.get(day)
    tone = marks.get(day, "")
    return TickDay(date=day, in_plan=d is not None, doses=tuple(tick_dose(x) for x in d.doses) if d else (),
                   mark=say(MARK_IDS[tone]) if tone else "", tone=tone)


def month_weeks(year: int, month: int, by_date: dict[date, Day], marks: dict[date, str]):
    """The month's weeks, Monday first; days of the months either side are blank cells."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    day = first - timedelta(days=first.weekday())
    weeks = []
    while day <= last:
        weeks.append(tuple(_cell(day + timedelta(days=k), by_date, marks)
                           if (day + timedelta(days=k)).month == month else TickDay()
                           for k in range(7)))
        day += timedelta(days=7)
    return tuple(weeks)


def month_blocks(s: Schedule) -> list[Block]:
    """The tick chart's pages: one MonthChart per chosen month, each starting a page."""
    if not s.days:
        return []
    by_date = {d.date: d for d in s.days}
    marks = day_marks(s)
    months = plan_months(s)
    marked = {(d.year, d.month) for d, tone in marks.items() if tone != "start"}
    chosen = choose_months(months, marked)
    left_out = left_out_text(months, chosen)
    who = patient_name(s)
    msgid = "tick.for" if who else "tick.drug"
    subtitle = say(msgid, drug=drug_name(s.profile, msgid, display=True), patient=who) if who \
        else say(msgid, drug=drug_name(s.profile, msgid, display=True))
    times = {}
    for d in s.days:
        for dose in d.doses:
            times.setdefault(dose.slot, dose.time)
    out: list[Block] = []
    for year, month in chosen:
        weeks = month_weeks(year, month, by_date, marks)
        used = {dose.slot for week in weeks for cell in week for dose in cell.doses}
        legend = tuple((sl, say("tick.key", slot=slot_name(sl), time=times[sl])) for sl in SLOTS if sl in used)
        name = say(MONTH_IDS[month - 1])
        notes = []
        if left_out and (year, month) == chosen[0]:
            notes.append(left_out)
        if s.continues and (year, month) == months[-1]:
            notes.append(keep_taking_main(s))
        parts = {n: tuple(say("tick.title.part", month=name, year=year, part=k, parts=n) for k in range(1, n + 1))
                 for n in range(2, MAX_PARTS + 1)}
        out.append(MonthChart(title=say("tick.title", month=name, year=year), subtitle=subtitle,
                              instruction=say("tick.how"), legend=legend,
                              weekdays=tuple(say(i) for i in WEEKDAY_IDS), weekdays_short=day_names(),
                              weeks=weeks, notes=tuple(notes), part_titles=parts, new_page=True))
    return out


__all__ = ["month_blocks", "choose_months", "day_marks", "plan_months", "left_out_text", "month_weeks",
           "MAX_MONTHS"]
