"""What the patient's pages say, as blocks (planner.export.printout.blocks), built from the
Schedule alone: every dose, date and total is the engine's. No Qt, no measuring; every
sentence from the catalogue (printout.po)."""

from __future__ import annotations

from datetime import date

from planner.domain.handout_texts import PLACES, Note, _fill, _indication, applicable_notes, notes
from planner.domain.plan import SLOTS
from planner.domain.schedule import Schedule, Step
from planner.export.print_options import DEFAULT_EMERGENCY, PrintOptions
from planner.export.printout.blocks import (
    BODY,
    Block,
    Chart,
    EmergencyBox,
    LabelColumn,
    Pages,
    StepCard,
    StopBox,
    TableColumns,
    TableRow,
    Text,
    WarningBox,
    bullets,
    heading,
    label_rows,
    paragraph,
)
from planner.export.printout.content_clinician import clinician
from planner.export.printout.content_code import code_block
from planner.export.printout.content_course import continue_box, dose_row, current_card, review_rows, start_row
from planner.export.printout.content_month import month_blocks
from planner.export.printout.words import (
    CHANGE_PHASES,
    change_words,
    date_range,
    day_numbers,
    days_text,
    dialysis_line,
    footer_text,
    kind_heading,
    medicine_text,
    patient_details,
    plan_title,
    purpose_text,
    slot_name,
    step_changes,
    total_text,
    take_text,
    units_text,
)
from planner.text.catalogue import profile_text, say, say_n, speaking
from planner.text.dates import day_name, long_date, month_name, plain_date
from planner.text.units import drug_name

MAX_TICK_DAYS = 31  # a step longer than this prints as one "every day from ... to ..." line
BLANK = "______________________________"
BLANK_NAME = "______________________"
BLANK_PHONE = "______________"


def blank_contact() -> str:
    """Lines to write a doctor's or pharmacy's name and phone on."""
    return say("pages.contact.blank", name=BLANK_NAME, phone=BLANK_PHONE)


# The drug profile's patient texts are written in English; other languages translate them
# (profile_texts.po, keyed by the English, placeholders filled after translating).


def _notes_in_language(plan, profile) -> list[Note]:
    """The notes this plan's handout carries (planner.domain.handout_texts), in the language in use."""
    ind = _indication(plan, profile)
    raw = {n["id"]: n for n in notes(profile)}
    out = []
    for n in applicable_notes(plan, profile):
        r = raw[n.id]
        lines = tuple(_fill(profile_text(line), ind, n.id) for line in r["lines"])
        intro = _fill(profile_text(r["intro"]), ind, n.id) if r.get("intro") else None
        out.append(Note(n.id, lines, n.source, n.place, profile_text(n.title) if n.title else None, intro))
    return out


def section_lines(plan, profile, key: str) -> list[str]:
    """One of the fixed lists (how_to_take, safety_tips, ...) with the notes placed in it."""
    lines = [profile_text(x) for x in (profile.texts or {}).get(key) or []]
    for n in _notes_in_language(plan, profile):
        if n.place == key:
            lines.extend(n.lines)
    return lines


def own_sections(plan, profile) -> list[Note]:
    return [n for n in _notes_in_language(plan, profile) if n.title]


def header(s: Schedule, printed_on: date) -> list[Block]:
    plan = s.plan
    out: list[Block] = [Text(text=say("printout.title.yours", drug=drug_name(s.profile, "printout.title.yours")),
                             size=22, bold=True,
                             space_after=2),
                        Text(text=kind_heading(s), size=15, bold=True, colour="grey", space_after=4),
                        # What the medicine is for, near the top: the AHRQ pill card's first column.
                        Text(text=purpose_text(s), size=12.5, space_after=6)]
    who = patient_details(s, BLANK)
    pr = plan.prescriber
    if pr and (pr.name or pr.organisation or pr.phone):
        doctor = say("printout.list.comma").join(x for x in (pr.name, pr.organisation) if x) \
            or say("printout.your-doctor")
        doctor = say("printout.contact.phone", who=doctor, phone=pr.phone) if pr.phone else doctor
    else:
        doctor = blank_contact()
    ph = plan.pharmacy
    if ph and (ph.name or ph.phone):
        pharmacy = ph.name or say("printout.your-pharmacy")
        pharmacy = say("printout.contact.phone", who=pharmacy, phone=ph.phone) if ph.phone else pharmacy
    else:
        pharmacy = blank_contact()
    rows = [
        (say("printout.label.patient"), who),
        (say("printout.label.medicine"), medicine_text(s)),
        (say("printout.label.doctor"), doctor),
        (say("printout.label.pharmacy"), pharmacy),
        start_row(s),
        *review_rows(s),
        (say("printout.label.printed"), plain_date(printed_on)),
    ]
    out += label_rows(rows, BODY, LabelColumn(tuple(k for k, _ in rows), 10, 0.38))
    out[-1].space_after = 10
    return out


def taper_warning(s: Schedule) -> list[Block]:
    tw = (s.profile.texts or {}).get("taper_warning") or {}
    title = profile_text(tw["title"]) if tw.get("title") else say(
        "printout.warning.title", drug=drug_name(s.profile, "printout.warning.title"))
    return [WarningBox(title=title, body=profile_text(tw["body"]) if tw.get("body") else "",
                       instead=profile_text(tw["instead"]) if tw.get("instead") else "", space_after=12)]


def schedule_blocks(s: Schedule, tick_chart: bool = True) -> list[Block]:
    """The dose steps. With the month tick chart (tick_chart), the steps have no tick boxes:
    the patient ticks each dose on the chart instead."""
    intro = say("pages.doses.intro.chart") if tick_chart else say("printout.doses.intro")
    out: list[Block] = [heading(say("printout.doses.heading"), top=0),
                        paragraph(intro, keep_with_next=True, space_after=6)]
    out += current_card(s)
    for i, (step, change) in enumerate(zip(s.steps, step_changes(s))):
        out.append(stop_box(s, step) if step.total_mg == 0 and not step.doses
                   else step_card(s, i + 1, step, change, ticks=not tick_chart))
    return out + continue_box(s)


def step_card(s: Schedule, number: int, step: Step, change: str, ticks: bool = True) -> StepCard:
    """One step, worded and coloured by what its dose does (words.step_change): up, the same,
    or down, never by the engine's phase alone. ticks: a tick box per day (up to a month)."""
    about = say("printout.step.about", number=number, days=day_numbers(step),
                length=days_text(step.days), phase=change_words(change))
    syringe_ml = s.plan.liquid.syringe_ml if s.plan.liquid else None
    doses = tuple(dose_row(s, d, take_text(d.units, syringe_ml)) for d in step.doses)
    ticks = ticks and step.days <= MAX_TICK_DAYS
    labels = tuple(str(date.fromordinal(step.start.toordinal() + k).day) for k in range(step.days)) if ticks else ()
    if ticks:
        every = ""
    elif step.days == 1:
        every = say("pages.step.one-day", date=long_date(step.start))
    else:
        every = say("printout.step.every-day", start=long_date(step.start), end=long_date(step.end),
                    length=days_text(step.days))
    return StepCard(phase=CHANGE_PHASES[change], when=date_range(step.start, step.end),
                    total=total_text(step.total_mg),
                    about=about, slot_samples=tuple(say("printout.dose.when", slot=slot_name(sl), time="00:00")
                                                    for sl in SLOTS),
                    doses=doses, dialysis=dialysis_line(step), tick_labels=labels, every_day=every, space_after=5)


def stop_box(s: Schedule, step: Step) -> StopBox:
    main = say("printout.stop.main", date=long_date(step.start), drug=drug_name(s.profile, "printout.stop.main"))
    sub = say("printout.stop.sub", days=day_numbers(step), total=total_text(0))
    return StopBox(main=main, sub=sub, space_after=7)


def chart(s: Schedule) -> list[Block]:
    return [heading(say("printout.chart.heading")),
            paragraph(say("printout.chart.intro"), keep_with_next=True, space_after=4),
            Chart(schedule=s, space_after=8)]


def taper_table(s: Schedule) -> list[Block]:
    steps = [st for st in s.steps if st.phase == "taper"]
    if s.plan.taper is None or not steps:
        return []
    out: list[Block] = [heading(say("printout.taper.heading")),
                        paragraph(say("printout.taper.intro", drug=drug_name(s.profile, "printout.taper.intro")),
                                  keep_with_next=True)]
    slots = tuple(sl for sl in SLOTS if any(d.slot == sl for st in steps for d in st.doses))
    sample = date(2026, 9, 30)  # the words of a wide date range, or the widest row's, set the date column
    widest = max([say("printout.date.range", end=long_date(sample), start=say(
        "printout.date.no-year", weekday=day_name(sample), day=sample.day, month=month_name(sample.month)))]
        + [date_range(st.start, st.end) for st in steps], key=len)
    names = (say("printout.taper.when"), say("printout.taper.total")) + tuple(slot_name(sl) for sl in slots)
    columns = TableColumns(names, date_sample=widest, total_sample=say("printout.total", mg="0000"), slots=slots)
    out.append(TableRow(columns=columns, cells=columns.names, header=True, keep_with_next=True))
    for st in steps:
        by_slot = {d.slot: d for d in st.doses}
        if st.total_mg == 0:
            cells = (date_range(st.start, st.end), total_text(0), say("printout.taper.stop")) \
                + ("",) * (len(slots) - 1)
        else:
            cells = (date_range(st.start, st.end), total_text(st.total_mg)) + tuple(
                units_text(by_slot[sl].units) if sl in by_slot else "—" for sl in slots)
        out.append(TableRow(columns=columns, cells=cells))
    out[-1].space_after = 6
    return out


def emergency_box(s: Schedule, signs, number: str) -> EmergencyBox:
    """The serious side effects (the profile's list, printed once: here) in a box with the
    emergency number and the prescriber's and pharmacy's phones (a line to write on if none)."""
    pr, ph = s.plan.prescriber, s.plan.pharmacy
    contacts = (say("pages.emergency.contact", who=say("printout.label.doctor"),
                    phone=pr.phone if pr and pr.phone else BLANK_PHONE),
                say("pages.emergency.contact", who=say("printout.label.pharmacy"),
                    phone=ph.phone if ph and ph.phone else BLANK_PHONE))
    return EmergencyBox(title=say("printout.advice.serious"), call=say("pages.emergency.call", number=number),
                        lines=tuple(signs), contacts=contacts, space_after=6, top=10)


def advice(s: Schedule, number: str) -> list[Block]:
    t = s.profile.texts or {}
    plan, profile = s.plan, s.profile
    out: list[Block] = []
    # Which notes this plan carries (by indication, by age) is decided in the domain.
    lines = {key: section_lines(plan, profile, key) for key in PLACES}
    if lines["how_to_take"]:
        out += [heading(say("printout.advice.how-to-take"))] + bullets(lines["how_to_take"])
    if t.get("missed_dose"):
        out += [heading(say("printout.advice.missed-dose")), paragraph(profile_text(t["missed_dose"]))]
    out.append(emergency_box(s, lines["serious_side_effects"], number))
    if lines["common_side_effects"]:
        out += [heading(say("printout.advice.common")),
                paragraph(say("printout.advice.common-intro"), keep_with_next=True)]
        out += bullets(lines["common_side_effects"])
    if lines["safety_tips"]:
        out += [heading(say("printout.advice.safety"))] + bullets(lines["safety_tips"])
    for note in own_sections(plan, profile):
        section: list[Block] = [heading(note.title)]
        if note.intro:
            section.append(paragraph(note.intro, keep_with_next=True))
        section += bullets(list(note.lines))
        for block in section[:-1]:  # a short section moves to the next page whole
            block.keep_with_next = True
        out += section
    if t.get("kidney_note") or s.kidney is not None:
        out.append(heading(say("printout.advice.kidneys")))
        if t.get("kidney_note"):
            out.append(paragraph(profile_text(t["kidney_note"])))
        if s.dialysis_steps:
            out.append(paragraph(say("printout.dialysis.note"), bold=True))
    ph, pr = plan.pharmacy, plan.prescriber
    calls = []
    if pr and pr.phone:
        calls.append(say("printout.call.doctor", phone=pr.phone))
    if ph and ph.phone:
        calls.append(say("printout.call.pharmacy", phone=ph.phone))
    if calls:
        out.append(paragraph(say_n("printout.call", len(calls), first=calls[0], second=calls[-1]),
                             bold=True, space_after=0))
    return out


def plan_pages(schedule: Schedule, options: PrintOptions, printed_on: date) -> Pages:
    """Every block of the printout, in order: the patient's pages, then (options.part) the clinician's.
    No Qt here: render fills in the locale's emergency number (print_options.emergency_number)
    before it calls this; options with none print the fallback, DEFAULT_EMERGENCY."""
    # The patient's pages in the plan's handout language; the clinician's in the window's.
    with speaking(schedule.plan.handout_language):
        patient = (header(schedule, printed_on) + taper_warning(schedule)
                   + schedule_blocks(schedule, options.tick_chart) + chart(schedule)
                   + taper_table(schedule) + advice(schedule, options.emergency_number or DEFAULT_EMERGENCY))
        if options.code_on_patient_pages:  # the code that reopens the plan (issue 18), if chosen
            patient.append(code_block(schedule.plan, options.code_with_patient, top=12))
        if options.tick_chart:  # the month tick chart, after the patient's advice
            patient += month_blocks(schedule)
        footer, title = footer_text(schedule, printed_on), plan_title(schedule)
    # The clinician's and pharmacy's page only when asked for: never stapled by default to
    # what the patient takes home.
    if options.part == "clinician":
        blocks = clinician(schedule) + [code_block(schedule.plan, options.code_with_patient)]
        blocks[0].new_page = False
        return Pages(blocks, footer_text(schedule, printed_on), plan_title(schedule))
    if options.part == "all":
        theirs = clinician(schedule) + [code_block(schedule.plan, options.code_with_patient)]
        return Pages(patient + theirs, footer, title, clinician_start=theirs[0],
                     clinician_footer=footer_text(schedule, printed_on))
    return Pages(patient, footer, title)


__all__ = ["plan_pages", "MAX_TICK_DAYS"]
