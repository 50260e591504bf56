"""The patient's rules (issue 12): the ages each indication covers, the age typed against the
date of birth, the elderly patient's kidney result, and inputs no patient can have.

The plans start on 2026-12-01 (BASE); ages are completed years on that day.
"""

from label_rules import Row


def _codes(s):
    return {p.code: p for p in s.problems}


def _allowed(drug_indication, years):
    """The indication covers this age (the profile says so) and the plan has no age problem."""
    def check(s):
        assert s.profile.indication(drug_indication).ages.from_years == years
        assert "age-outside-label" not in _codes(s) and "kidney-age" not in _codes(s)
    return check


def _one_age_problem(s):
    codes = _codes(s)
    assert "age-outside-label" in codes and "kidney-age" not in codes, sorted(codes)
    assert codes["age-outside-label"].field == "kidney.age_years"


CG = {"sex": "male", "weight_kg": 70, "serum_creatinine_mg_dl": 1.0}

ROWS = [
    # --- ages each indication's label covers ---------------------------------------------
    Row("a child (born 2020) on gabapentin for postherpetic neuralgia is blocked", "Neurontin 1, 2.1",
        "gabapentin", {"patient": {"date_of_birth": "2020-05-01"}},
        problem=("age-outside-label", "blocking"), field="patient.date_of_birth"),
    Row("gabapentin in epilepsy at 12 years is dosed as the planner does", "Neurontin 2.2", "gabapentin",
        {"indication": "epilepsy", "patient": {"date_of_birth": "2014-12-01"}},
        check=_allowed("epilepsy", 12)),
    Row("gabapentin in epilepsy at 11 years (by weight in the label) is blocked", "Neurontin 2.2", "gabapentin",
        {"indication": "epilepsy", "patient": {"date_of_birth": "2014-12-02"}},
        problem=("age-outside-label", "blocking"), field="patient.date_of_birth"),
    Row("pregabalin in epilepsy at 16 years (by weight in the label) is blocked", "Lyrica 2.4", "pregabalin",
        {"indication": "epilepsy", "patient": {"date_of_birth": "2010-06-01"}},
        problem=("age-outside-label", "blocking"), field="patient.date_of_birth"),
    Row("pregabalin in epilepsy at 17 years is dosed as the planner does", "Lyrica 2.4", "pregabalin",
        {"indication": "epilepsy", "patient": {"date_of_birth": "2009-06-01"}},
        check=_allowed("epilepsy", 17)),
    Row("pregabalin for fibromyalgia at a typed age of 17 (no date of birth) is blocked", "Lyrica 2.5, 8.4",
        "pregabalin", {"indication": "fibromyalgia", "kidney": {"age_years": 17, **CG}},
        problem=("age-outside-label", "blocking"), field="kidney.age_years"),
    Row("a child's typed age gives one age problem, not a second kidney-age one", "Neurontin 2.1, 2.3",
        "gabapentin", {"kidney": {"age_years": 10, "sex": "female", "weight_kg": 30,
                                  "serum_creatinine_mg_dl": 0.5}},
        check=_one_age_problem),
    Row("the kidney table's age applies to an age from the date of birth too", "Lyrica 2.7", "pregabalin",
        {"indication": "epilepsy", "patient": {"date_of_birth": "2009-06-01"}, "kidney": {"crcl_ml_min": 45}},
        problem=("kidney-age", "blocking"), field="patient.date_of_birth"),
    Row("a typed age that disagrees with the date of birth is blocked", "Neurontin 2.3", "gabapentin",
        {"patient": {"date_of_birth": "1968-03-10"}, "kidney": {"age_years": 40, **CG}},
        problem=("age-disagrees-with-birth-date", "blocking"), field="kidney.age_years"),
    # --- elderly without a kidney result ----------------------------------------------------
    Row("gabapentin at 76 years without a kidney result is blocked", "Neurontin 2.4, 8.5", "gabapentin",
        {"patient": {"date_of_birth": "1950-01-01"}},
        problem=("elderly-no-kidney-result", "blocking"), field="kidney"),
    Row("pregabalin at 65 years without a kidney result is blocked", "Lyrica 8.5, 2.7", "pregabalin",
        {"patient": {"date_of_birth": "1961-12-01"}},
        problem=("elderly-no-kidney-result", "blocking"), field="kidney"),
    # --- inputs no patient can have ------------------------------------------------------------
    Row("serum creatinine 0.1 mg/dL is refused", "Neurontin 2.3 (Cockcroft-Gault input)", "gabapentin",
        {"kidney": {"age_years": 58, "sex": "male", "weight_kg": 70, "serum_creatinine_mg_dl": 0.1}},
        refused="kidney.serum_creatinine_mg_dl"),
    Row("serum creatinine 15 µmol/L is refused", "Neurontin 2.3 (Cockcroft-Gault input)", "gabapentin",
        {"kidney": {"age_years": 58, "sex": "male", "weight_kg": 70, "serum_creatinine_umol_l": 15}},
        refused="kidney.serum_creatinine_umol_l"),
    Row("a date of birth after the start date is refused", "Neurontin 2.3 (age)", "gabapentin",
        {"patient": {"date_of_birth": "2027-01-01"}}, refused="patient.date_of_birth"),
    Row("a date of birth 126 years before the start is refused", "Neurontin 2.3 (age)", "gabapentin",
        {"patient": {"date_of_birth": "1900-06-01"}}, refused="patient.date_of_birth"),
    Row("an entered CrCl of 160 mL/min is warned about", "Neurontin 2.3 (CrCl)", "gabapentin",
        {"kidney": {"crcl_ml_min": 160}},
        problem=("crcl-may-be-unreliable", "warning"), field="kidney.crcl_ml_min"),
    Row("a Cockcroft-Gault estimate above 150 mL/min is warned about", "Lyrica 2.7 (CrCl)", "pregabalin",
        {"kidney": {"age_years": 30, "sex": "male", "weight_kg": 90, "serum_creatinine_mg_dl": 0.5}},
        problem=("crcl-may-be-unreliable", "warning"), field="kidney.serum_creatinine_mg_dl"),
]
