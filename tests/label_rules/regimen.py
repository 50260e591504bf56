"""Regimen rows (issue 12): the epilepsy 12-hour rule in every phase, the label's starts,
the raise-only-after holds, and the label's number of doses a day."""

from label_rules import Row


EPILEPSY = {"indication": "epilepsy", "start_dose_mg": 900, "increment_mg": 300, "step_days": 7,
            "target_dose_mg": 900, "doses_per_day": 3, "maintenance_days": 7}


def _taper_spread(s):
    from planner.domain.regimen import longest_gap_minutes  # here, so the table loads on older code

    taper = [d for d in s.days if d.phase == "taper" and d.doses]
    assert taper, "the plan has a taper"
    for d in taper:
        assert len(d.doses) >= 3, (d.day, d.total_mg, [x.mg for x in d.doses])
        assert longest_gap_minutes([x.time for x in d.doses]) <= 12 * 60, d
    assert s.days[-1].total_mg == 0 and s.days[-2].total_mg > 0


def _at_least(n, days=None):
    def check(s):
        for d in s.days:
            if d.doses and (days is None or d.day in days):
                assert len(d.doses) >= n, (d.day, d.total_mg, [(x.slot, x.mg) for x in d.doses])
        assert not [p for p in s.problems if p.severity == "blocking"], s.problems
    return check


ROWS = [
    # --- epilepsy: no gap over 12 hours in any phase ---------------------------------------------
    Row("epilepsy: a gap over 12 hours on a taper day is a blocking problem", "Neurontin 2.2", "gabapentin",
        {**EPILEPSY, "target_dose_mg": 300, "doses_per_day": 2, "maintenance_days": 0,
         "taper": {"step_mg": 300, "step_days": 7}},
        problem=("gap-between-doses", "blocking")),
    Row("epilepsy: the default taper keeps three doses a day to the last step", "Neurontin 2.2", "gabapentin",
        {**EPILEPSY, "taper": {"step_mg": 100, "step_days": 7}}, check=_taper_spread),
    Row("epilepsy: the default fill gives 900 mg/day on day 1 as three doses", "Neurontin 2.2", "gabapentin",
        {**EPILEPSY, "target_dose_mg": 1800, "slot_fill": "grow"}, check=_at_least(3)),
    Row("epilepsy: a gap over 12 hours in titration is blocking (was a warning)", "Neurontin 2.2", "gabapentin",
        {**EPILEPSY, "doses_per_day": 2}, problem=("gap-between-doses", "blocking"), field="doses_per_day"),
    # --- label starts --------------------------------------------------------------------------------
    Row("gabapentin PHN: 1800 mg/day on day 1 is above the label's day-1 start", "Neurontin 2.1", "gabapentin",
        {"start_dose_mg": 1800, "target_dose_mg": 1800}, problem=("above-label-start", "blocking"),
        field="start_dose_mg"),
    Row("gabapentin PHN: 900 mg/day on day 2 is above the label's day-2 start (600)", "Neurontin 2.1",
        "gabapentin", {"start_dose_mg": 300, "increment_mg": 600, "target_dose_mg": 900},
        problem=("above-label-start", "blocking")),
    Row("gabapentin epilepsy: 1200 mg/day on day 1 is above the label's start (900)", "Neurontin 2.2",
        "gabapentin", {**EPILEPSY, "start_dose_mg": 1200, "target_dose_mg": 1200},
        problem=("above-label-start", "blocking")),
    Row("pregabalin seizures: 600 mg/day on day 1 is above the label's start (150)", "Lyrica 2.4", "pregabalin",
        {"indication": "epilepsy", "start_dose_mg": 600, "target_dose_mg": 600},
        problem=("above-label-start", "blocking"), field="start_dose_mg"),
    Row("pregabalin diabetic neuropathy: 300 mg/day on day 1 is above the label's start", "Lyrica 2.2",
        "pregabalin", {"indication": "diabetic_neuropathy", "start_dose_mg": 300, "doses_per_day": 3},
        problem=("above-label-start", "blocking")),
    Row("pregabalin fibromyalgia: 300 mg/day on day 1 is above the label's start", "Lyrica 2.5", "pregabalin",
        {"indication": "fibromyalgia", "start_dose_mg": 300}, problem=("above-label-start", "blocking")),
    Row("pregabalin spinal cord injury: 300 mg/day on day 1 is above the label's start", "Lyrica 2.6",
        "pregabalin", {"indication": "spinal_cord_injury", "start_dose_mg": 300},
        problem=("above-label-start", "blocking")),
    Row("pregabalin PHN: 300 mg/day on day 1 is above the label's start", "Lyrica 2.3", "pregabalin",
        {"start_dose_mg": 300}, problem=("above-label-start", "blocking")),
    # --- raise only after N days at 300 mg/day --------------------------------------------------------
    Row("pregabalin spinal cord injury: above 300 mg/day after only 7 days at 300", "Lyrica 2.6", "pregabalin",
        {"indication": "spinal_cord_injury", "target_dose_mg": 450}, problem=("raised-too-soon", "blocking"),
        field="step_days"),
    Row("pregabalin PHN: above 300 mg/day after only 7 days at 300 needs an override", "Lyrica 2.3",
        "pregabalin", {"target_dose_mg": 450}, problem=("raised-too-soon", "blocking")),
    # --- divided doses -----------------------------------------------------------------------------------
    Row("pregabalin 150 mg/day: the default fill gives two or more doses", "Lyrica 2.3", "pregabalin",
        {"doses_per_day": 3, "slot_fill": "grow"}, check=_at_least(2)),
    Row("pregabalin diabetic neuropathy: the default fill gives three doses", "Lyrica 2.2", "pregabalin",
        {"indication": "diabetic_neuropathy", "doses_per_day": 3, "slot_fill": "grow"}, check=_at_least(3)),
    Row("gabapentin PHN: 300 mg/day held for a week is three doses from day 3 (100 mg capsules)", "Neurontin 2.1",
        "gabapentin", {"step_days": 7, "increment_mg": 300, "target_dose_mg": 900, "strengths_mg": [100]},
        check=_at_least(3, days=range(3, 30))),
    # Issue 14: one product for the whole plan. 300 mg/day is below the label's own day-3 dose
    # (900 mg/day, three times daily), so one 300 mg capsule a day may carry it; the days given
    # in fewer doses are named in a warning.
    Row("gabapentin PHN: 300 mg/day held for a week in one product is named as fewer doses", "Neurontin 2.1",
        "gabapentin", {"step_days": 7, "increment_mg": 300, "target_dose_mg": 900},
        problem=("fewer-doses-one-product", "warning"), field="strengths_mg"),
    Row("pregabalin PHN: doses_per_day 1 chosen is a blocking problem", "Lyrica 2.3", "pregabalin",
        {"doses_per_day": 1}, problem=("fewer-doses-than-label", "blocking"), field="doses_per_day"),
    Row("pregabalin fibromyalgia: doses_per_day 1 chosen is a blocking problem", "Lyrica 2.5", "pregabalin",
        {"indication": "fibromyalgia", "doses_per_day": 1}, problem=("fewer-doses-than-label", "blocking")),
    Row("pregabalin diabetic neuropathy: doses_per_day 2 chosen is a blocking problem", "Lyrica 2.2",
        "pregabalin", {"indication": "diabetic_neuropathy"}, problem=("fewer-doses-than-label", "blocking")),
    Row("gabapentin PHN: doses_per_day 2 chosen is a blocking problem", "Neurontin 2.1", "gabapentin",
        {"doses_per_day": 2}, problem=("fewer-doses-than-label", "blocking")),
]
