"""The patient's rules: the ages each indication's label covers, the elderly patient's kidney
result, the kidney table's age, and a CrCl too high to trust.

The age is the completed years on the plan's start date from the date of birth; without a
date of birth, the age typed for the Cockcroft-Gault estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.domain.dates import completed_years
from planner.text.dates import plain_date
from planner.text.numbers import fmt_decimal
from planner.domain.problem import Problem, cite

if TYPE_CHECKING:
    from planner.domain.plan import Plan
    from planner.domain.profiles import Indication, Profile
    from planner.domain.days import Schedule


@dataclass(frozen=True)
class Age:
    years: Decimal
    field: str  # the plan field it comes from
    how: str  # words for the message

    @property
    def shown(self) -> str:
        return fmt_decimal(self.years)


def patient_age(plan: "Plan") -> Age | None:
    dob = plan.patient.date_of_birth if plan.patient else None
    if dob is not None:
        years = completed_years(dob, plan.start_date)
        return Age(Decimal(years), "patient.date_of_birth",
                   f"on the start date ({plain_date(plan.start_date)}), from the date of birth")
    if plan.kidney is not None and plan.kidney.age_years is not None:
        return Age(plan.kidney.age_years, "kidney.age_years", "as typed for the kidney estimate")
    return None


def patient_problems(s: "Schedule", indication: "Indication | None") -> list[Problem]:
    plan, profile = s.plan, s.profile
    out: list[Problem] = []
    age = patient_age(plan)
    if age is not None:
        out.extend(_typed_age(plan))
        outside = _outside_label_ages(profile, indication, age)
        out.extend(outside)
        if not outside:
            out.extend(_kidney_age(s, age))
        out.extend(_elderly_without_kidney(s, age))
    out.extend(_unreliable_crcl(s))
    return out


def _typed_age(plan: "Plan") -> list[Problem]:
    dob = plan.patient.date_of_birth if plan.patient else None
    typed = plan.kidney.age_years if plan.kidney else None
    if dob is None or typed is None:
        return []
    years = completed_years(dob, plan.start_date)
    if int(typed) == years:  # 58.5 typed for a patient of 58 agrees
        return []
    return [Problem(
        "age-disagrees-with-birth-date", "blocking", "kidney.age_years",
        f"The age typed for the kidney estimate is {fmt_decimal(typed)} years, but the date of birth "
        f"({plain_date(dob)}) makes the patient {years} on the start date ({plain_date(plan.start_date)}). "
        f"Correct the age or the date of birth: the kidney estimate and the age checks need the right age.",
        value=f"typed age {fmt_decimal(typed)} years, {years} years from date of birth",
    )]


def _covering(profile: "Profile", indication: "Indication | None") -> "Indication | None":
    """The indication whose ages apply: the plan's, or without one the youngest any indication covers."""
    if indication is not None:
        return indication if indication.ages is not None else None
    with_ages = [i for i in profile.indications if i.ages is not None]
    return min(with_ages, key=lambda i: i.ages.from_years, default=None)


def _outside_label_ages(profile: "Profile", indication: "Indication | None", age: Age) -> list[Problem]:
    covering = _covering(profile, indication)
    if covering is None or age.years >= covering.ages.from_years:
        return []
    ages = covering.ages
    what = covering.name[:1].lower() + covering.name[1:]
    if indication is None:
        lead = (f"No indication is chosen; the youngest patients the label gives {profile.name} to in mg/day "
                f"are {ages.from_years} years old, for {what} ({cite(ages.source)})")
    else:
        lead = (f"The label gives {profile.name} for {what} in mg/day, as this planner does, "
                f"from age {ages.from_years} ({cite(ages.source)})")
    younger = (f"Below that age {ages.younger}." if ages.younger
               else "The label does not cover a younger patient for this indication.")
    return [Problem(
        "age-outside-label", "blocking", age.field,
        f"The patient is {age.shown} years old {age.how}. {lead}. {younger} This planner cannot check "
        f"a dose for this patient.",
        ages.source, value=f"age {age.shown} years, label from {ages.from_years} years",
    )]


def _kidney_age(s: "Schedule", age: Age) -> list[Problem]:
    minimum = s.profile.kidney.min_age_years
    if s.kidney is None or age.years >= minimum.value:
        return []
    return [Problem(
        "kidney-age", "blocking", age.field,
        f"The patient is {age.shown} years old {age.how}. The label's kidney dosing and the "
        f"Cockcroft-Gault estimate apply from age {minimum.value} ({cite(minimum.source)}); this "
        f"planner cannot check a younger patient's dose by kidney function.",
        minimum.source, value=f"age {age.shown} years, minimum {minimum.value} years",
    )]


def _elderly_without_kidney(s: "Schedule", age: Age) -> list[Problem]:
    elderly = s.profile.elderly_from_years
    if elderly is None or s.kidney is not None or age.years < elderly.value:
        return []
    return [Problem(
        "elderly-no-kidney-result", "blocking", "kidney",
        f"The patient is {age.shown} years old {age.how}, and no kidney function is entered. The label "
        f"says to choose an older patient's {s.profile.name} dose by creatinine clearance "
        f"({cite(elderly.source)}): enter the CrCl or the Cockcroft-Gault values. If no result can be "
        f"had, record an override with the reason.",
        elderly.source, value=f"age {age.shown} years, no kidney result",
    )]


def _unreliable_crcl(s: "Schedule") -> list[Problem]:
    k = s.kidney
    limit = s.profile.plausible.unreliable_crcl_above_ml_min
    if k is None or k.crcl_ml_min <= limit.value:
        return []
    crcl = fmt_decimal(k.crcl_ml_min)
    why = ("Cockcroft-Gault overestimates kidney function when the creatinine is very low (little muscle: "
           "frailty, paralysis, amputation, long illness) or the weight is far above lean body weight, and "
           "a CrCl this high lifts every kidney limit.")
    if k.method == "entered":
        field = "kidney.crcl_ml_min"
        lead = f"The CrCl entered, {crcl} mL/min, is above {limit.value} mL/min and may be unreliable."
        advice = "Check the value and how it was found; a measured clearance is best."
    else:
        kin = s.plan.kidney
        field = ("kidney.serum_creatinine_umol_l" if kin.serum_creatinine_umol_l is not None
                 else "kidney.serum_creatinine_mg_dl")
        lead = f"The Cockcroft-Gault estimate, CrCl {crcl} mL/min, is above {limit.value} mL/min and may be unreliable."
        advice = "Check the creatinine (value and unit) and the weight, or enter a measured CrCl."
    return [Problem(
        "crcl-may-be-unreliable", "warning", field,
        f"{lead} {why} {advice} (The {limit.value} mL/min threshold is the planner's, not the label's.)",
        limit.source,
    )]
