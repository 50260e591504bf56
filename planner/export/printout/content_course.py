"""What the patient's pages say about where the plan starts from and where it goes after its
last laid-out day: today's regimen before day 1 (change and stop plans), and for a plan that
continues, to keep taking the dose, not to stop, and the review date. Nothing here says a
continuing plan ends. Every sentence from the catalogue (printout.po)."""

from __future__ import annotations

from datetime import timedelta

from planner.domain.days import Dose
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule
from planner.text.units import is_liquid
from planner.export.printout.blocks import DoseRow, StepCard, StopBox
from planner.export.printout.words import mg_text, regimen_words, slot_name, total_text, units_text
from planner.text.catalogue import say
from planner.text.dates import long_date


def dose_row(s: Schedule, d: Dose, take: str) -> DoseRow:
    """One dose line: its time of day, what to take, its mg, and what its pictures need: the
    engine's units, the plan's oral syringe for a liquid dose, the drug's scored tablets."""
    liquid = s.plan.liquid
    syringe_ml = liquid.syringe_ml if liquid and any(is_liquid(u) for u in d.units) else None
    scored = tuple(sorted(f.strength_mg for f in s.profile.forms if f.scored))
    return DoseRow(d.slot, say("printout.dose.when", slot=slot_name(d.slot), time=d.time), take, mg_text(d.mg),
                   tuple(d.units), syringe_ml, scored)


def current_card(s: Schedule) -> list[StepCard]:
    """Today's regimen as the starting point, before day 1. Day 1 (the start date) is the
    first change: the page says so."""
    if not s.current:
        return []
    start = s.plan.start_date
    doses = tuple(dose_row(s, d, say("printout.dose.take", units=units_text(d.units))) for d in s.current)
    return [StepCard(phase="current", when=say("printout.current.when", last=long_date(start - timedelta(days=1))),
                     total=total_text(sum(d.mg for d in s.current)),
                     about=say("printout.current.about"),
                     slot_samples=tuple(say("printout.dose.when", slot=slot_name(sl), time="00:00") for sl in SLOTS),
                     doses=doses,
                     every_day=say("printout.current.until", last=long_date(start - timedelta(days=1)),
                                   date=long_date(start)),
                     space_after=5)]


def keep_taking_main(s: Schedule) -> str:
    """'Keep taking 600 mg three times a day. Do not stop. Your review is on ...: book it now.'"""
    main = say("printout.continue.main", regimen=regimen_words(s.days[-1].doses))
    if s.review_date is not None:
        return say("printout.continue.with-review", main=main, date=long_date(s.review_date))
    return say("printout.continue.no-review", main=main)


def continue_box(s: Schedule) -> list[StopBox]:
    """After the last step of a plan that continues: keep taking it, do not stop."""
    if not s.continues:
        return []
    sub = say("printout.continue.sub", date=long_date(s.days[-1].date))
    return [StopBox(main=keep_taking_main(s), sub=sub, tone="continue", space_after=7)]


def start_row(s: Schedule) -> tuple[str, str]:
    """The header's start row: the start date, or (change and stop plans) the first change."""
    start = long_date(s.plan.start_date)
    if s.current:
        return say("printout.label.first-change"), say("printout.first-change", date=start)
    if s.continues or s.end_date is None:
        return say("printout.label.start"), start
    return say("printout.label.start"), say("printout.start.with-end", start=start, end=long_date(s.end_date))


def review_rows(s: Schedule) -> list[tuple[str, str]]:
    if s.review_date is None or not s.continues:
        return []
    return [(say("printout.label.review"), say("printout.review.value", date=long_date(s.review_date)))]


__all__ = ["dose_row", "current_card", "continue_box", "keep_taking_main", "start_row", "review_rows"]
