"""The patient's age (issue 12): completed years on the start date from the date of birth, the
ages each indication's label covers, the typed age against the date of birth, and the elderly
patient without a kidney result. The one-row-per-rule table is tests/label_rules/patient.py."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from conftest import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st
from helpers import run_cli, write_plan

from planner.domain.dates import completed_years
from planner.domain.plan import KidneyInput, Override, Patient
from planner.files.planfile import plan_to_dict
from planner.domain.profiles import load_profile
from planner.domain.schedule import compute_schedule
from planner.text.problems import problem_text

START = date(2026, 12, 1)
TODAY = START


def problems(plan):
    return {p.code: p for p in compute_schedule(plan, today=TODAY).problems}


def born(on_start_years: int, days_before_birthday: int = 0) -> date:
    """A date of birth that makes the patient this old on START (a birthday some days ahead)."""
    return date(START.year - on_start_years, START.month, START.day) + timedelta(days=days_before_birthday)


def test_completed_years_count_the_birthday_itself_and_not_the_day_before():
    assert completed_years(date(2014, 12, 1), START) == 12
    assert completed_years(date(2014, 12, 2), START) == 11
    assert completed_years(date(2000, 2, 29), date(2018, 2, 28)) == 17  # a leap-day birthday: on 1 March
    assert completed_years(date(2000, 2, 29), date(2018, 3, 1)) == 18


def test_every_indication_carries_its_ages_with_a_label_section():
    for drug in ("gabapentin", "pregabalin"):
        profile = load_profile(drug)
        for ind in profile.indications:
            if ind.id == "off_label":  # no label ages: the prescriber's own use (issue 14)
                assert ind.ages is None
                continue
            assert ind.ages is not None and ind.ages.from_years >= 12, (drug, ind.id)
            assert ind.ages.source.startswith(f"{profile.brand} label, section"), ind.ages.source
        assert profile.elderly_from_years.value == 65
        assert "creatinine clearance" in profile.elderly_from_years.source


@settings(max_examples=60, deadline=None)
@given(drug_ind=st.sampled_from([("gabapentin", "postherpetic_neuralgia"), ("gabapentin", "epilepsy"),
                                 ("pregabalin", "epilepsy"), ("pregabalin", "fibromyalgia")]),
       years=st.integers(0, 30), ahead=st.integers(0, 364))
def test_the_age_rule_blocks_exactly_below_the_indications_ages(drug_ind, years, ahead):
    drug, ind = drug_ind
    plan = make_plan(drug=drug, indication=ind, start_dose_mg=150 if drug == "pregabalin" else 300,
                     increment_mg=150 if drug == "pregabalin" else 300,
                     target_dose_mg=300 if drug == "pregabalin" else 900,
                     doses_per_day=2 if drug == "pregabalin" else 3, patient=Patient(date_of_birth=born(years, ahead)))
    age = completed_years(plan.patient.date_of_birth, START)
    assert age == (years - 1 if ahead else years) or (years == 0 and age == -1)
    if age < 0:
        return  # the loader refuses a date of birth after the start (tests/files/test_plausible_inputs.py)
    found = problems(plan)
    limit = load_profile(drug).indication(ind).ages.from_years
    if age < limit:
        p = found["age-outside-label"]
        assert p.severity == "blocking" and p.field == "patient.date_of_birth"
        assert p.value == f"age {age} years, label from {limit} years"
        assert "weight" in problem_text(p) or "does not cover" in problem_text(p)
    else:
        assert "age-outside-label" not in found


def test_the_message_says_the_label_doses_by_weight_and_the_planner_does_not():
    p = problems(make_plan(indication="epilepsy", patient=Patient(date_of_birth=born(9))))["age-outside-label"]
    assert "9 years old" in problem_text(p) and "from age 12" in problem_text(p) and "Neurontin label, section 2.2" in problem_text(p)
    assert "by weight (mg/kg/day)" in problem_text(p) and "which this planner does not do" in problem_text(p)
    phn = problems(make_plan(indication="postherpetic_neuralgia", patient=Patient(date_of_birth=date(2020, 5, 1))))
    assert "does not cover a younger patient" in problem_text(phn["age-outside-label"])


def test_without_an_indication_the_youngest_covered_age_applies():
    found = problems(make_plan(patient=Patient(date_of_birth=born(11))))
    assert found["age-outside-label"].value == "age 11 years, label from 12 years"
    assert "age-outside-label" not in problems(make_plan(patient=Patient(date_of_birth=born(12))))


def test_the_date_of_birth_wins_over_the_typed_age_and_a_fraction_of_a_year_agrees():
    cg = dict(sex="male", weight_kg=Decimal(70), serum_creatinine_mg_dl=Decimal(1))
    agrees = problems(make_plan(patient=Patient(date_of_birth=born(58, 10)),  # 57, birthday in 10 days
                                kidney=KidneyInput(age_years=Decimal("57.97"), **cg)))
    assert "age-disagrees-with-birth-date" not in agrees
    off = problems(make_plan(indication="postherpetic_neuralgia", patient=Patient(date_of_birth=born(40)),
                             kidney=KidneyInput(age_years=Decimal(16), **cg)))
    p = off["age-disagrees-with-birth-date"]
    assert p.field == "kidney.age_years" and p.value == "typed age 16 years, 40 years from date of birth"
    assert "age-outside-label" not in off  # the age checked is the date of birth's: 40


def test_an_elderly_patient_without_a_kidney_result_can_be_overridden_with_a_reason():
    plan = make_plan(patient=Patient(date_of_birth=born(80)))
    s = compute_schedule(plan, today=TODAY)
    [p] = s.unresolved_blocking
    assert p.code == "elderly-no-kidney-result" and p.field == "kidney"
    assert "Neurontin label, sections 2.4 and 8.5" in problem_text(p) and "creatinine clearance" in problem_text(p)
    covered = compute_schedule(replace(plan, overrides=(Override(p.code, "eGFR 75 last week; CrCl to follow", p.value),)),
                               today=TODAY)
    assert covered.exportable
    # With a kidney result the problem is gone; at 64 it was never there.
    assert "elderly-no-kidney-result" not in problems(replace(plan, kidney=KidneyInput(crcl_ml_min=Decimal(70))))
    assert "elderly-no-kidney-result" not in problems(make_plan(patient=Patient(date_of_birth=born(64, 1))))


def test_the_cli_check_names_the_age_field(tmp_path):
    path = write_plan(tmp_path, {**plan_to_dict(make_plan(indication="postherpetic_neuralgia")),
                                 "patient": {"date_of_birth": "2020-05-01"}})
    r = run_cli("check", path, "--today", "2026-12-01")
    assert "patient.date_of_birth" in r.stdout + r.stderr or "Date of birth" in r.stdout, r.stdout
    assert "6 years old" in r.stdout and "Neurontin label, sections 1 and 2.1" in r.stdout
