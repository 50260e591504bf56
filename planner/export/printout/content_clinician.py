"""What the prescriber's and pharmacist's page says, as blocks: the plan's inputs, the kidney
function, the problems, the overrides and what to dispense. No Qt; every sentence from the
catalogue (printout.po)."""

from __future__ import annotations

from planner.domain import schema
from planner.domain.plan import OFF_LABEL
from planner.domain.problems import SEVERITIES, cite
from planner.domain.schedule import Schedule
from planner.export.printout.blocks import Block, LabelColumn, heading, label_rows, paragraph
from planner.export.printout.content_code import code_block
from planner.export.printout.words import (
    day_numbers, days_text, dispense_text, kind_heading, patient_details, patient_name, plan_title, slot_name,
    units_text,
)
from planner.text.catalogue import catalogue, say, say_n
from planner.text.units import drug_name
from planner.text.dates import plain_date
from planner.text.kidney import kidney_limit_text
from planner.text.numbers import fmt_decimal
from planner.text.problems import problem_text
from planner.text.units import form_text

SIZE = 10.0
SLOT_NAMES = ("morning", "midday", "evening", "bedtime")
SEXES = ("female", "male")
SLOT_FILLS = {"grow": "printout.clinician.fill.grow", "all": "printout.clinician.fill.all"}
KINDS = {"start": "printout.clinician.kind.start", "change": "printout.clinician.kind.change",
         "stop": "printout.clinician.kind.stop", "start_and_stop": "printout.clinician.kind.start-and-stop"}
METHODS = {"entered": "printout.kidney.method.entered", "cockcroft-gault": "printout.kidney.method.cockcroft-gault"}


def _plan_forms(s: Schedule):
    from planner.domain.schedule import plan_forms

    return sorted(plan_forms(s.plan, s.profile), key=lambda f: f.strength_mg)


def plan_rows(s: Schedule) -> list[tuple[str, str]]:
    plan, profile = s.plan, s.profile
    comma = say("printout.list.comma")
    ind = plan.indication
    if ind:
        try:
            ind = profile.indication(ind).name
        except KeyError:
            ind = say("printout.clinician.off-label") if ind == OFF_LABEL else ind
    taper = say("printout.clinician.taper.none")
    if plan.taper is not None:
        t = plan.taper
        amount = say("printout.mg", mg=t.step_mg) if t.step_mg is not None \
            else say("printout.clinician.taper.percent", percent=t.step_percent)
        taper = say("printout.clinician.taper.value", amount=amount, every=days_text(t.step_days))
        if t.order:
            taper = say("printout.clinician.taper.order", taper=taper, order=comma.join(slot_name(x) for x in t.order))
    strengths = comma.join(form_text(f) for f in _plan_forms(s))
    if plan.strengths_mg is None:
        strengths = say("printout.clinician.every-strength", strengths=strengths)
    length = say("printout.clinician.plan-length", days=len(s.days), steps=len(s.steps))
    if s.end_date and s.continues:
        length = say("printout.clinician.plan-length.continuing", length=length, last=plain_date(s.end_date))
    elif s.end_date:
        length = say("printout.clinician.plan-length.ending", length=length, end=plain_date(s.end_date))
    fill = say(SLOT_FILLS[plan.slot_fill]) if plan.slot_fill in SLOT_FILLS else plan.slot_fill
    kind = say(KINDS[plan.kind]) if plan.kind in KINDS else plan.kind
    if plan.kind == "start_and_stop" and s.continues:  # a version 1 plan without a taper
        kind = say("printout.clinician.kind.start-and-stop.no-taper")
    rows = [
        (say("printout.clinician.drug"), say("printout.clinician.drug.value",
                                             drug=drug_name(profile, "printout.clinician.drug.value", display=True),
                                             product=profile.product)),
        (say("printout.clinician.label"), profile.label_title),
        (say("printout.clinician.indication"), ind or say("printout.clinician.not-given")),
        (say("printout.clinician.kind"), kind),
    ]
    if s.current:
        rows.append((say("printout.clinician.current"), say(
            "printout.clinician.current.value", total=say("printout.total", mg=sum(d.mg for d in s.current)),
            doses=comma.join(say("printout.clinician.slot-mg", slot=slot_name(d.slot), mg=d.mg) for d in s.current),
            date=plain_date(plan.start_date))))
    if plan.start_dose_mg is not None:
        rows.append((say("printout.clinician.start"), say(
            "printout.clinician.start.value", date=plain_date(plan.start_date),
            total=say("printout.total", mg=plan.start_dose_mg))))
    if plan.increment_mg is not None and plan.step_days is not None:  # one row: the page has room for one
        rows.append((say("printout.clinician.increment"), say(
            "printout.clinician.increment.value", total=say("printout.total", mg=plan.increment_mg),
            every=days_text(plan.step_days))))
    optional = [(plan.target_dose_mg, "printout.clinician.target", lambda v: say("printout.total", mg=v)),
                (plan.doses_per_day, "printout.clinician.doses-per-day", str)]
    rows += [(say(label), word(value)) for value, label, word in optional if value is not None]
    return rows + [
        (say("printout.clinician.slot-filling"), fill),
        (say("printout.clinician.times"), comma.join(say("printout.dose.when", slot=slot_name(k), time=v)
                                                     for k, v in plan.slot_times)),
        (say("printout.clinician.larger-first"),
         comma.join(say(f"printout.clinician.slot.{x}") if x in SLOT_NAMES else x for x in plan.larger_dose_order)),
        (say("printout.clinician.maintenance"), maintenance_text(s)),
        (say("printout.clinician.taper"), taper),
        (say("printout.clinician.strengths"), strengths),
        (say("printout.clinician.plan-length.label"), length),
    ] + shaped_rows(s)


def maintenance_text(s: Schedule) -> str:
    plan = s.plan
    if plan.maintenance != "review":
        return days_text(plan.maintenance_days)
    if s.review_date is not None:
        return say("printout.clinician.maintenance.review", date=plain_date(s.review_date))
    return say("printout.clinician.maintenance.review-undated")


def shaped_rows(s: Schedule) -> list[tuple[str, str]]:
    """The steps the prescriber shaped (edited, or a hold inserted), numbered as the patient's pages number them."""
    parts = []
    for n, st in enumerate(s.steps, 1):
        if not (st.edited or st.hold):
            continue
        what = "printout.clinician.shaped.hold" if st.hold else "printout.clinician.shaped.edited"
        parts.append(say(what, step=n, days=day_numbers(st), total=say("printout.total", mg=st.total_mg)))
    if not parts:
        return []
    return [(say("printout.clinician.shaped"), say("printout.list.semicolon").join(parts))]


def off_label_blocks(s: Schedule) -> list[Block]:
    """Off-label use, marked where the prescriber and pharmacist cannot miss it."""
    ol = s.plan.off_label
    if ol is None and s.plan.indication != OFF_LABEL:
        return []
    ol_reason = ol.reason if ol is not None and ol.reason else say("printout.clinician.not-given")
    text = say("printout.clinician.off-label.reason", reason=ol_reason)
    if ol is not None and ol.max_daily_mg is not None:
        text = say("printout.clinician.off-label.maximum", text=text, mg=ol.max_daily_mg)
    return [paragraph(text, size=11.5, bold=True, colour="warn", space_after=6)]


def kidney_rows(s: Schedule) -> list[tuple[str, str]]:
    k, ki = s.kidney, s.plan.kidney
    method = say(METHODS[k.method]) if k.method in METHODS else k.method
    rows = [(say("printout.kidney.crcl"), say_n("printout.kidney.crcl.value", k.doses_per_day,
                                                crcl=fmt_decimal(k.crcl_ml_min), method=method)),
            (say("printout.kidney.limit"), kidney_limit_text(k))]
    if ki is not None and ki.crcl_ml_min is None:
        scr = (say("printout.kidney.scr.mg-dl", value=ki.serum_creatinine_mg_dl) if ki.serum_creatinine_mg_dl
               is not None else say("printout.kidney.scr.umol-l", value=ki.serum_creatinine_umol_l))
        rows.append((say("printout.kidney.inputs"), say("printout.kidney.inputs.value", age=ki.age_years,
                                                        sex=say(f"printout.clinician.sex.{ki.sex}")
                                                        if ki.sex in SEXES else ki.sex,
                                                        weight=ki.weight_kg, scr=scr)))
    rows.append((say("printout.kidney.haemodialysis"),
                 say("printout.yes") if k.haemodialysis else say("printout.no")))
    return rows + dialysis_rows(s)


def dialysis_rows(s: Schedule) -> list[tuple[str, str]]:
    """The clinician's row: each step's supplement, with the label's amount where the strengths
    give less and the label's other amount where it gives two (the problems list says how each
    step was matched to the label's table)."""
    parts = []
    for n, st in enumerate(s.steps, 1):
        dz = st.dialysis
        if dz is None:
            continue
        label = []
        if dz.mg != dz.label_mg:
            label.append(say("printout.dialysis.label", mg=dz.label_mg))
        if dz.label_higher_mg is not None:
            label.append(say("printout.dialysis.label-or", mg=dz.label_mg, higher_mg=dz.label_higher_mg))
        units = units_text(dz.units)
        if label:
            units = say("printout.list.semicolon").join([units, say("printout.list.comma").join(label)])
        parts.append(say("printout.dialysis.step-row", step=n, mg=dz.mg, units=units))
    if not parts:
        return []
    dz = s.dialysis_steps[0].dialysis
    return [(say("printout.dialysis.after"), say("printout.dialysis.after.value", hours=dz.session_hours,
                                                 source=cite(dz.source),
                                                 steps=say("printout.list.semicolon").join(parts)))]


def problem_row(s: Schedule, pr) -> tuple[str, str]:
    text = say("printout.problem", code=pr.code, text=problem_text(pr).rstrip("."))
    if pr.source:
        text += say("printout.problem.source", source=cite(pr.source))
    ov = s.override_for(pr) if pr.severity == "blocking" else None
    if ov:
        text += say("printout.problem.overridden", value=ov.value, reason=ov.reason)
    return (say(f"printout.clinician.severity.{pr.severity}") if pr.severity in SEVERITIES else pr.severity), text


def override_row(s: Schedule, o) -> tuple[str, str]:
    blocking = [pr for pr in s.problems if pr.code == o.code and pr.severity == "blocking"]
    covers = [pr for pr in blocking if s.override_for(pr) is o]
    what = (say("printout.override.covers", problem=problem_text(covers[0])) if covers
            else say("printout.override.covers-none"))
    # The value it was given for: a reader can see the decision matches the doses printed.
    given = say("printout.override.given", value=o.value) if o.value else say("printout.override.given-none")
    return o.code, say("printout.override", given=given, reason=o.reason, what=what)


def title_line(s: Schedule) -> str:
    """Whose plan and what it does, under the page's title: the page printed on its own
    (part "clinician") says which patient and plan it belongs to."""
    kind, pt = kind_heading(s), s.plan.patient
    if not (patient_name(s) or (pt and (pt.date_of_birth or pt.identifier))):
        return say("pages.clinician.plan", plan=plan_title(s), kind=kind)
    who = patient_details(s, say("printout.clinician.not-given"))
    return say("pages.clinician.plan-for", drug=drug_name(s.profile, "pages.clinician.plan-for", display=True),
               patient=who, kind=kind)


def handout_language_rows(s: Schedule) -> list[tuple[str, str]]:
    """The language the patient's pages were printed in, by its English name and its own."""
    cat = catalogue(s.plan.handout_language)
    name = cat.name if cat.name == cat.english_name else say(
        "pages.clinician.language.value", english_name=cat.english_name, name=cat.name)
    return [(say("pages.clinician.language"), name)]


def unreviewed_blocks(s: Schedule) -> list[Block]:
    """Until a qualified medical translator's review is recorded in the catalogue, the
    clinician's page says the patient's pages are an unreviewed translation."""
    cat = catalogue(s.plan.handout_language)
    if cat.reviewed:
        return []
    # The language by the name a reader of the window's language knows: English's, else its own.
    language = cat.english_name if catalogue().is_source else cat.name
    return [paragraph(say("pages.clinician.unreviewed", language=language), size=SIZE, bold=True,
                      space_after=4)]


def clinician(s: Schedule, code_with_patient: bool = False) -> list[Block]:
    """The page's blocks, headed by its title beside the plan's code (issue 18; content_code):
    code_with_patient puts the patient's identifying fields in the code."""
    plan, profile = s.plan, s.profile
    out: list[Block] = [code_block(plan, code_with_patient, top=0, title=say("printout.clinician.title"),
                                   subtitle=title_line(s), space_after=6, new_page=True)]
    out += off_label_blocks(s)
    column = LabelColumn((say("printout.clinician.larger-first"),), 14)
    out += label_rows(plan_rows(s) + handout_language_rows(s), SIZE, column)
    out += unreviewed_blocks(s)

    out.append(heading(say("printout.kidney.heading"), size=12.5, top=8))
    out += label_rows(kidney_rows(s), SIZE, column) if s.kidney is not None \
        else [paragraph(say("printout.kidney.not-entered"), size=SIZE)]

    out.append(heading(say("printout.problems.heading"), size=12.5, top=8))
    out += label_rows([problem_row(s, pr) for pr in s.problems], SIZE, column) if s.problems \
        else [paragraph(say("printout.none"), size=SIZE)]

    out.append(heading(say("printout.overrides.heading"), size=12.5, top=8))
    out += label_rows([override_row(s, o) for o in plan.overrides], SIZE, column) if plan.overrides \
        else [paragraph(say("printout.none"), size=SIZE)]

    out.append(heading(say("printout.dispense.heading"), size=12.5, top=8))
    if s.dispense:
        out += [paragraph(dispense_text(line, s.profile), size=SIZE, bold=True, space_after=2) for line in s.dispense]
    else:
        out.append(paragraph(say("printout.dispense.nothing"), size=SIZE))
    if s.dialysis_steps:
        out.append(paragraph(say("printout.dispense.not-dialysis"), size=SIZE, bold=True))
    if profile.half_tablet_use_within_days:
        out.append(paragraph(say("printout.dispense.half-tablets", days=profile.half_tablet_use_within_days.value),
                             size=SIZE, colour="grey"))
    out.append(paragraph(say("printout.engine-doses", version=schema.FORMAT_VERSION), size=SIZE, colour="grey",
                         space_after=0))
    out[-1].keep_with_next = False
    return out


__all__ = ["clinician", "title_line", "plan_rows", "kidney_rows", "dialysis_rows", "maintenance_text", "shaped_rows",
           "off_label_blocks"]
