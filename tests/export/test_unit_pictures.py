"""The pictures on each dose line are exactly the engine's units: as many capsules or tablets
of each strength as the patient swallows (a half drawn as half, a scored tablet with its
score), or the oral syringe filled to the dose's mL. Checked through the layout's geometry
(every example, normal and large print, portrait and landscape) and through the painter's
own calls."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageLayout, QPdfWriter

from planner.domain.schedule import compute_schedule
from planner.domain.units import Unit
from planner.export.print_options import PrintOptions
from planner.export.printout import painter as painter_module
from planner.export.printout.blocks import StepCard
from planner.export.printout.render import _ensure_fonts, _set_page, ensure_gui_app, layout_plan, render_pdf
from planner.export.printout.unit_pictures import (
    MAX_DRAWN,
    Picture,
    dose_pictures,
    unit_pictures,
    units_shown,
)
from planner.files.planfile import example_names, load_example
from planner.text.units import is_liquid

PRINTED = date(2026, 12, 1)


def engine_units(units: tuple[Unit, ...]) -> dict[tuple[str, int], Decimal]:
    """The engine's units in the pictures' terms: (kind, strength) -> count, or mL."""
    out = {}
    for u in units:
        kind = "syringe" if is_liquid(u) else ("capsule" if u.form == "capsule" else "tablet")
        out[(kind, u.strength_mg)] = out.get((kind, u.strength_mg), Decimal(0)) + u.count
    return out


def engine_doses(s):
    """Every dose the patient's cards show, in order: today's, then each step's."""
    out = [d for d in (s.current or ())]
    for step in s.steps:
        out += list(step.doses)
    return out


def laid_out(schedule, options: PrintOptions, landscape: bool = False):
    ensure_gui_app()
    _ensure_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    _set_page(writer, options)
    if landscape:
        writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    c, pages, _, _ = layout_plan(writer, schedule, options, PRINTED)
    return c, [box for page in pages for box, _ in page.items if isinstance(box.block, StepCard)]


def plan_named(name: str):
    """An example, or a variant of one: the oral solution all through in the 10 mL syringe,
    or 600 mg tablets (whole and half) with 100 mg capsules."""
    if name == "liquid-all-10-ml":
        p = load_example("pregabalin-stop-liquid-taper")
        return replace(p, liquid=replace(p.liquid, use="all", below_mg=None, syringe_ml=10))
    if name == "tablets-and-halves":
        return replace(load_example("gabapentin-stop-from-300-300-600"), strengths_mg=(600, 100),
                       current=(("morning", 600), ("midday", 300), ("bedtime", 1200)))
    return load_example(name)


NAMES = example_names() + ("liquid-all-10-ml", "tablets-and-halves")
CASES = [(name, large, landscape) for name in NAMES for large, landscape in
         ((False, False), (True, False), (False, True), (True, True))]


def test_the_variants_draw_what_they_are_for():
    liquid = compute_schedule(plan_named("liquid-all-10-ml"))
    assert any(u.count > 5 and is_liquid(u) for st in liquid.steps for d in st.doses for u in d.units)
    tablets = compute_schedule(plan_named("tablets-and-halves"))
    units = [u for d in engine_doses(tablets) for u in d.units]
    assert any(u.form == "tablet" and u.count % 1 for u in units) and any(u.form == "capsule" for u in units)


@pytest.mark.parametrize("name,large,landscape", CASES)
def test_every_dose_line_pictures_exactly_the_engines_units(name, large, landscape):
    s = compute_schedule(plan_named(name))
    c, cards = laid_out(s, PrintOptions(large_print=large), landscape)
    doses = engine_doses(s)
    rows = [(d, spots, rh, box) for box in cards for d, spots, rh in
            zip(box.block.doses, box.geo["pictures"], box.geo["rows"])]
    assert len(rows) == len(doses)
    syringe = s.plan.liquid.syringe_ml if s.plan.liquid else None
    for (row, spots, row_h, box), dose in zip(rows, doses):
        assert row.units == tuple(dose.units)
        pics = [sp.picture for sp in spots]
        assert units_shown(pics) == engine_units(dose.units), row.take
        scored = {f.strength_mg for f in s.profile.forms if f.scored}
        for pic in pics:
            assert pic.scored == (pic.kind == "tablet" and pic.strength_mg in scored)
        for pic in pics:
            if pic.kind == "syringe":
                assert 0 < pic.fill_ml <= pic.syringe_ml
                if syringe is not None:  # the plan's syringe, today's doses too
                    assert pic.syringe_ml == syringe
        g = box.geo
        h = g["picture_h"]
        # every picture inside its row and the card, clear of the words and the mg
        text_h = c.text_h(row.take, g["take_w"], 11.0)
        for sp in spots:
            assert sp.y >= -0.01 and sp.y + h <= row_h + 0.01
            assert sp.x + sp.w <= g["right"] - g["mg_w"] + 0.01
            beside = sp.x >= g["take_x"] + g["take_w"]
            assert beside or (sp.x >= g["take_x"] and sp.y >= text_h)
        for a, b in zip(spots, spots[1:]):  # left to right, or on a new line: never on each other
            assert b.y > a.y or b.x >= a.x + a.w


def test_a_half_tablet_and_many_tablets():
    pics = unit_pictures(Unit(600, "tablet", Decimal("2.5")), scored=True)
    assert [(p.kind, p.half, p.scored) for p in pics] == [("tablet", False, True)] * 2 + [("tablet", True, True)]
    many = unit_pictures(Unit(100, "capsule", Decimal(MAX_DRAWN + 3)))
    assert len(many) == 1 and many[0].times == MAX_DRAWN + 3 and many[0].label == f"× {MAX_DRAWN + 3}"
    few = unit_pictures(Unit(300, "capsule", Decimal(MAX_DRAWN)))
    assert len(few) == MAX_DRAWN and all(p.times == 1 and not p.label for p in few)
    assert units_shown(many) == {("capsule", 100): Decimal(MAX_DRAWN + 3)}


def test_a_dose_larger_than_the_syringe_is_drawn_in_goes():
    liquid = Unit(50, "oral solution", Decimal(12))
    pics = unit_pictures(liquid, syringe_ml=10)
    assert [(p.kind, p.fill_ml, p.syringe_ml) for p in pics] == [("syringe", 10, 10), ("syringe", 2, 10)]
    assert pics[1].label == "2 mL"
    # today's doses have no plan syringe: the smallest that holds the dose
    assert unit_pictures(Unit(20, "oral solution", Decimal("2.6")))[0].syringe_ml == 5


def test_only_the_profiles_scored_tablets_show_a_score():
    s = compute_schedule(replace(load_example("gabapentin-stop-from-300-300-600"), strengths_mg=(600, 100)))
    scored = {f.strength_mg for f in s.profile.forms if f.scored}
    assert scored == {600, 800}
    tablet, capsule = Unit(600, "tablet", Decimal(1)), Unit(100, "capsule", Decimal(1))
    assert [p.scored for p in dose_pictures((tablet, capsule))] == [False, False]
    assert [p.scored for p in dose_pictures((tablet, capsule), scored_mg=(600, 800))] == [True, False]
    from planner.export.printout.content import plan_pages

    blocks = plan_pages(s, PrintOptions(), PRINTED).blocks  # the content knows the scored tablets
    rows = [d for b in blocks if isinstance(b, StepCard) for d in b.doses]
    assert rows and all(d.scored_mg == (600, 800) for d in rows)


@pytest.mark.parametrize("name", ["pregabalin-stop-liquid-taper", "gabapentin-stop-from-300-300-600"])
def test_the_painter_draws_every_picture_layout_placed(name, monkeypatch):
    s = compute_schedule(load_example(name))
    drawn: list[Picture] = []
    real = painter_module.draw_picture

    def record(p, font, pic, *args):
        drawn.append(pic)
        real(p, font, pic, *args)

    monkeypatch.setattr(painter_module, "draw_picture", record)
    ensure_gui_app()
    render_pdf(s, PrintOptions(printed_on=PRINTED))
    syringe = s.plan.liquid.syringe_ml if s.plan.liquid else None
    wanted = [pic for d in engine_doses(s) for pic in dose_pictures(tuple(d.units), syringe)]
    assert units_shown(drawn) == units_shown(wanted)
    assert len(drawn) == len(wanted)
