"""The patient's rules: the ages each indication's label covers, the elderly patient's kidney
result, the kidney table's age, and a CrCl too high to trust.

The age is the completed years on the plan's start date from the date of birth; without a
date of birth, the age typed for the Cockcroft-Gault estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from planner.domain import override_values as canonical
from planner.domain.dates import completed_years
from planner.domain.problem import Problem

if TYPE_CHECKING:
    from planner.domain.days import Schedule
    from planner.domain.plan import Plan
    from planner.domain.profiles import Indication, Profile


@dataclass(frozen=True)
class Age:
    years: Decimal
    field: str  # the plan field it comes from
    on: date | None = None  # the start date it is completed on, where it comes from the date of birth


def patient_age(plan: "Plan") -> Age | None:
    dob = plan.patient.date_of_birth if plan.patient else None
    if dob is not None:
        return Age(Decimal(completed_years(dob, plan.start_date)), "patient.date_of_birth", plan.start_date)
    if plan.kidney is not None and plan.kidney.age_years is not None:
        return Age(plan.kidney.age_years, "kidney.age_years")
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
    return [Problem("age-disagrees-with-birth-date", "blocking", "kidney.age_years",
                    value=canonical.typed_age(typed, years),
                    values={"typed": typed, "date_of_birth": dob, "years": years, "start": plan.start_date})]


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
    return [Problem("age-outside-label", "blocking", age.field, ages.source,
                    value=canonical.age_outside_label(age.years, ages.from_years),
                    values={"age": age, "drug": profile.name, "indication": covering.name,
                            "chosen": indication is not None, "ages": ages})]


def _kidney_age(s: "Schedule", age: Age) -> list[Problem]:
    minimum = s.profile.kidney.min_age_years
    if s.kidney is None or age.years >= minimum.value:
        return []
    return [Problem("kidney-age", "blocking", age.field, minimum.source,
                    value=canonical.kidney_age(age.years, minimum.value),
                    values={"age": age, "min_years": minimum.value})]


def _elderly_without_kidney(s: "Schedule", age: Age) -> list[Problem]:
    elderly = s.profile.elderly_from_years
    if elderly is None or s.kidney is not None or age.years < elderly.value:
        return []
    return [Problem("elderly-no-kidney-result", "blocking", "kidney", elderly.source,
                    value=canonical.elderly_without_kidney(age.years),
                    values={"age": age, "drug": s.profile.name})]


def _unreliable_crcl(s: "Schedule") -> list[Problem]:
    k = s.kidney
    limit = s.profile.plausible.unreliable_crcl_above_ml_min
    if k is None or k.crcl_ml_min <= limit.value:
        return []
    if k.method == "entered":
        field = "kidney.crcl_ml_min"
    else:
        kin = s.plan.kidney
        field = ("kidney.serum_creatinine_umol_l" if kin.serum_creatinine_umol_l is not None
                 else "kidney.serum_creatinine_mg_dl")
    return [Problem("crcl-may-be-unreliable", "warning", field, limit.source,
                    values={"crcl": k.crcl_ml_min, "method": k.method, "limit": limit.value})]
