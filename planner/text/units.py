"""Capsules, tablets and the oral solution in words: '1 × 300 mg capsule + 1 × 100 mg capsule',
'6 mL (300 mg)', 'Draw up 6 mL in the oral syringe.'"""

from __future__ import annotations

from decimal import Decimal

from planner.domain.liquid import LIQUID_FORM, draws
from planner.domain.profiles import Form, OralSolution, Profile
from planner.domain.units import Unit
from planner.text.catalogue import catalogue, profile_text, say, say_n
from planner.text.numbers import fmt_count, fmt_decimal


def is_liquid(u: Unit) -> bool:
    return u.form == LIQUID_FORM


def liquid_dose_text(u: Unit) -> str:
    """How much oral solution, and the mg it holds: '6 mL (300 mg)'."""
    return say("products.liquid.dose", ml=fmt_decimal(u.count), mg=fmt_decimal(u.mg))


def draw_up_text(u: Unit, syringe_ml: int) -> str:
    """What the patient does with the oral syringe: 'Draw up 6 mL in the oral syringe.'; a dose
    larger than the syringe in goes, full syringes first: '... in 2 goes: 10 mL, then 2 mL.'"""
    parts = draws(u.count, syringe_ml)
    if len(parts) == 1:
        return say("products.liquid.draw-up", ml=fmt_decimal(u.count))
    return say_n("products.liquid.draw-up.goes", len(parts), ml=fmt_decimal(u.count),
                 parts=say("products.list.then").join(say("products.liquid.ml", ml=fmt_decimal(p)) for p in parts))


# The words of a capsule or a tablet are per form (products.po: units.*.capsule, units.*.tablet),
# each with the plural forms of the language, so a translation puts the form's name where its
# grammar wants it ('1 cápsula de 300 mg'), never an English form name in a foreign sentence.


def _plural(count: Decimal) -> int:
    """The n a count of units takes its plural form by: 1½ tablets are more than one."""
    return 2 if count > 1 else 1


def unit_count_text(u: Unit) -> str:
    """A count of one form in a dose's words ('2 × 300 mg capsules'), the form's message chosen
    by the unit's form; a form with no message raises MissingMessage."""
    return say_n(f"units.count.{u.form}", _plural(u.count), count=fmt_count(u.count), strength_mg=u.strength_mg)


def unit_short_text(u: Unit) -> str:
    """A count of one form in short ('2 × 300 mg capsule'): the window's table, the CSV."""
    return say_n(f"units.describe.{u.form}", _plural(u.count), count=fmt_count(u.count), strength_mg=u.strength_mg)


def describe_units(units: tuple[Unit, ...]) -> str:
    """'1 × 300 mg capsule + 1 × 100 mg capsule', '½ × 600 mg tablet', '6 mL (300 mg)'."""
    return " + ".join(liquid_dose_text(u) if is_liquid(u) else unit_short_text(u) for u in units)


def strengths_of_form_text(strength_mg: int, form: str) -> str:
    """A strength the patient holds, by its form: '300 mg capsules'; 'cápsulas de 300 mg'."""
    return say(f"units.strengths.{form}", strength_mg=strength_mg)


def dispense_count_text(count: int, strength_mg: int, form: str) -> str:
    """What to dispense of one form: '30 × 300 mg capsule'."""
    return say_n(f"units.dispense.{form}", count, count=count, strength_mg=strength_mg)


def drug_name(profile: Profile, msgid: str | None = None, display: bool = False) -> str:
    """The drug's generic name in the language in use ('gabapentin', 'gabapentina'), for the
    message msgid. display: the English capitalises it there (a title: 'Gabapentin plan'); in
    another language it is capitalised only where msgid's message starts with it."""
    cat = catalogue()
    name = profile_text(profile.name)
    if cat.is_source:
        capital = display
    else:
        capital = msgid is not None and cat.template(msgid).startswith("{drug")
    return name[:1].upper() + name[1:] if capital else name


def drug_title(profile: Profile) -> str:
    """The drug's name to stand alone (a choice in the window, a chart's title): 'Gabapentin',
    'Gabapentina'."""
    name = profile_text(profile.name)
    return name[:1].upper() + name[1:]


def oral_solution_text(sol: OralSolution) -> str:
    """'250 mg per 5 mL'."""
    if sol.per_ml == 1:  # the label's own words: "20 mg/mL", not "20 mg per 1 mL"
        return say("problem.part.oral-solution.per-ml", mg=sol.mg)
    return say("problem.part.oral-solution", mg=sol.mg, per_ml=sol.per_ml)


def form_text(form: Form) -> str:
    """A product by its strength and form: '300 mg capsule'; the solution: 'oral solution 50 mg per mL'."""
    if form.form == LIQUID_FORM:
        return say("products.form.oral-solution", mg_per_ml=form.strength_mg)
    return say(f"units.form.{form.form}", strength_mg=form.strength_mg)


def liquid_dispense_text(line, profile: Profile | None) -> str:
    """'gabapentin oral solution 250 mg per 5 mL: 840 mL (2 bottles of 470 mL)'. Without the
    profile (the bottle size unknown): 'oral solution 50 mg per mL: 840 mL (2 bottles)'."""
    ml = fmt_decimal(Decimal(line.count))
    if profile is None:
        what = say("products.form.oral-solution", mg_per_ml=line.strength_mg)
        bottles = say_n("products.dispense.bottles", line.bottles) if line.bottles else ""
    else:
        what = say("products.dispense.solution", drug=drug_name(profile, "products.dispense.solution"),
                   solution=oral_solution_text(profile.oral_solution))
        size = profile.oral_solution.bottle_ml
        bottles = say_n("products.dispense.bottles-of", line.bottles, bottle_ml=size) if line.bottles and size else ""
    if not bottles:
        return say("products.dispense.liquid", solution=what, ml=ml)
    return say("products.dispense.liquid.bottles", solution=what, ml=ml, bottles=bottles)
