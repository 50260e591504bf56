"""The oral solution in words (planner/text/units.py, the printout's words): mL with the mg,
how to draw it up, and its dispense line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from planner.domain.days import DispenseLine
from planner.domain.liquid import LIQUID_FORM, liquid_maker
from planner.domain.plan import Liquid
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.domain.units import Unit
from planner.export.formats import schedule_to_dict, schedule_to_text
from planner.export.printout.words import dispense_text, units_text
from planner.files.planfile import load_example
from planner.text.units import describe_units, draw_up_text, form_text, liquid_dose_text

GABA = Unit(50, LIQUID_FORM, Decimal("6"))
PREGA = Unit(20, LIQUID_FORM, Decimal("3.8"))


def test_a_liquid_dose_reads_ml_then_mg():
    assert liquid_dose_text(GABA) == "6 mL (300 mg)"
    assert liquid_dose_text(PREGA) == "3.8 mL (76 mg)"
    assert describe_units((GABA,)) == "6 mL (300 mg)"
    assert units_text((PREGA,)) == "3.8 mL (76 mg)"  # the printout: never '3 × 20 mg'


def test_draw_up_in_one_go_or_in_goes():
    assert draw_up_text(GABA, 10) == "Use the oral syringe: draw up 6 mL and swallow it."
    assert draw_up_text(GABA, 5) == "Use the oral syringe: draw up and swallow 6 mL in 2 goes: 5 mL, then 1 mL."
    assert draw_up_text(Unit(50, LIQUID_FORM, Decimal("12")), 5) == (
        "Use the oral syringe: draw up and swallow 12 mL in 3 goes: 5 mL, then 5 mL, then 2 mL.")


def test_the_solution_named_as_a_product():
    (f,) = liquid_maker(replace(load_example("pregabalin-phn"), liquid=Liquid()), load_profile("pregabalin")).forms
    assert form_text(f) == "oral solution 20 mg per mL"


def test_dispense_line_of_the_solution():
    gaba = load_profile("gabapentin")
    line = DispenseLine(50, LIQUID_FORM, Decimal("840"), 2)
    assert dispense_text(line, gaba) == "gabapentin oral solution 250 mg per 5 mL: 840 mL (2 bottles of 470 mL)"
    assert dispense_text(DispenseLine(20, LIQUID_FORM, Decimal("79.8"), 1), load_profile("pregabalin")) == (
        "pregabalin oral solution 20 mg per mL: 79.8 mL (1 bottle of 473 mL)")
    assert dispense_text(line) == "oral solution 50 mg per mL: 840 mL (2 bottles)"
    assert dispense_text(DispenseLine(300, "capsule", 30), gaba) == "30 × 300 mg capsule"


def test_exports_show_the_solution_in_ml_and_bottles():
    plan = replace(load_example("gabapentin-phn-to-1800-with-taper"), liquid=Liquid("taper_end", 900, 5))
    s = compute_schedule(plan, today=date(2026, 6, 1))
    text = schedule_to_text(s)
    assert "gabapentin oral solution 250 mg per 5 mL: 252 mL (1 bottle of 470 mL)" in text
    assert "6 mL (300 mg)" in text and "× 50 mg oral solution" not in text
    assert schedule_to_dict(s)["dispense"][-1] == {"strength_mg": 50, "form": LIQUID_FORM, "count": 252, "bottles": 1}
