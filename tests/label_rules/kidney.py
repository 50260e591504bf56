"""Kidney rules of issue 12: the kidney table's row AND column, exact limits, and the
supplement after haemodialysis step by step (Neurontin 2.3 Table 1, Lyrica 2.7 Table 1)."""

from label_rules import Row
from planner.text.kidney import kidney_limit_text
from planner.text.problems import problem_text


def _kidney(crcl, haemodialysis=False):
    return {"crcl_ml_min": crcl, "haemodialysis": haemodialysis}


def _pregabalin(indication, target, crcl, doses=2, **more):
    return dict({"indication": indication, "start_dose_mg": min(150, target), "increment_mg": 75,
                 "target_dose_mg": target, "doses_per_day": doses, "kidney": _kidney(crcl)}, **more)


def _limit(mg, column):
    def check(s):
        k = s.kidney
        assert k.max_daily_mg == mg, f"kidney maximum {k.max_daily_mg}, expected {mg}"
        assert f"column {column} mg/day" in kidney_limit_text(k), kidney_limit_text(k)
        assert not s.has_blocking, [problem_text(p) for p in s.blocking]
    return check


def _names_row_and_column(row, column, limit):
    def check(s):
        p = next(p for p in s.problems if p.code == "above-kidney-maximum")
        assert f"row {row} mL/min, column {column} mg/day" in problem_text(p), problem_text(p)
        assert f"at most {limit} mg/day" in problem_text(p), problem_text(p)
    return check


def _dosed(s):
    return [st for st in s.steps if st.total_mg > 0]


def _supplements(expected, higher=None):
    """Each dosed step's own supplement (label amount), in order."""
    def check(s):
        got = [getattr(st, "dialysis", None) for st in _dosed(s)]
        assert all(dz is not None for dz in got), "a dosed step has no supplement"
        assert [dz.label_mg for dz in got] == expected, [dz.label_mg for dz in got]
        if higher is not None:
            assert [dz.label_higher_mg for dz in got] == higher
    return check


def _none_on_or_after_the_stop(s):
    stop = next(d for d in s.days if d.total_mg == 0)
    assert all(getattr(d, "dialysis", None) is None for d in s.days if d.day >= stop.day)
    last = [d for d in s.days if d.total_mg > 0][-1]
    assert getattr(last, "dialysis", None) is not None, "the last dosed day has its supplement"


GABA_DIALYSIS = {"start_dose_mg": 100, "increment_mg": 100, "step_days": 7, "target_dose_mg": 200,
                 "doses_per_day": 1, "maintenance_days": 0, "kidney": _kidney(10, True)}

ROWS = [
    # --- the column: the indication's normal-function maximum (Lyrica 2.7 Table 1) -----------
    Row("diabetic neuropathy (max 300) at CrCl 45: 300 mg/day is above the column's 150", "Lyrica 2.7",
        "pregabalin", _pregabalin("diabetic_neuropathy", 300, 45, doses=3),
        problem=("above-kidney-maximum", "blocking")),
    Row("diabetic neuropathy at CrCl 45: the limit is 150 mg/day from column 300, and 150 passes",
        "Lyrica 2.7", "pregabalin", _pregabalin("diabetic_neuropathy", 150, 45, doses=3), check=_limit(150, 300)),
    Row("fibromyalgia (max 450) at CrCl 45: 300 mg/day is above the column's 225", "Lyrica 2.7",
        "pregabalin", _pregabalin("fibromyalgia", 300, 45), problem=("above-kidney-maximum", "blocking")),
    Row("fibromyalgia at CrCl 45: the limit is 225 mg/day from column 450, and 225 passes", "Lyrica 2.7",
        "pregabalin", _pregabalin("fibromyalgia", 225, 45), check=_limit(225, 450)),
    Row("a range cell's upper end is the limit: diabetic neuropathy at CrCl 20 (cell 75) blocks 100 mg/day",
        "Lyrica 2.7", "pregabalin", _pregabalin("diabetic_neuropathy", 100, 20, start_dose_mg=100),
        problem=("above-kidney-maximum", "blocking")),
    Row("the blocking message names the row and the column that gave the limit", "Lyrica 2.7", "pregabalin",
        _pregabalin("fibromyalgia", 300, 45), check=_names_row_and_column("30-60", 450, 225)),
    Row("on haemodialysis the dose follows the CrCl row: diabetic neuropathy at CrCl 10 blocks 75 mg/day "
        "(cell 25-50)", "Lyrica 2.7", "pregabalin",
        _pregabalin("diabetic_neuropathy", 75, 10, doses=1, start_dose_mg=25, increment_mg=25,
                    kidney=_kidney(10, True)),
        problem=("above-kidney-maximum", "blocking")),
    # --- exact arithmetic (Neurontin 2.3 Table 1: below 15 mL/min in proportion to CrCl) ------
    Row("CrCl 5 with 100 mg/day (exactly 300 x 5/15) is not blocked", "Neurontin 2.3", "gabapentin",
        {"start_dose_mg": 100, "increment_mg": 0, "target_dose_mg": 100, "doses_per_day": 1,
         "kidney": _kidney(5)}, absent="above-kidney-maximum"),
    # --- the supplement after each haemodialysis session, per step ------------------------------
    Row("gabapentin: each step's supplement follows its own daily dose (100 -> 200 mg, 200 -> 350 mg "
        "at CrCl 10)", "Neurontin 2.3", "gabapentin", GABA_DIALYSIS, check=_supplements([200, 350])),
    Row("pregabalin: a supplement is given per step from the label's once-daily table (25 -> 25 or 50, "
        "50 -> 50 or 75)", "Lyrica 2.7", "pregabalin",
        _pregabalin("diabetic_neuropathy", 50, 10, doses=1, start_dose_mg=25, increment_mg=25,
                    maintenance_days=0, kidney=_kidney(10, True)),
        check=_supplements([25, 50], higher=[50, 75])),
    Row("pregabalin twice daily on haemodialysis: the label gives no supplement for that regimen",
        "Lyrica 2.7", "pregabalin",
        _pregabalin("fibromyalgia", 150, 20, start_dose_mg=150, kidney=_kidney(20, True)),
        problem=("dialysis-supplement-not-in-label", "warning")),
    Row("no supplement on or after the stop day of a taper", "Neurontin 2.3", "gabapentin",
        dict(GABA_DIALYSIS, taper={"step_mg": 100, "step_days": 7}), check=_none_on_or_after_the_stop),
]
