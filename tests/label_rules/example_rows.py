"""Rows that already held before issue 12: they show the table's form and keep it non-empty."""

from label_rules import Row

ROWS = [
    Row("a dose above the indication's label maximum is blocked", "Lyrica 2.2", "pregabalin",
        {"indication": "diabetic_neuropathy", "target_dose_mg": 450}, problem=("above-label-maximum", "blocking")),
    Row("a taper shorter than one week is blocked", "Neurontin 2.5", "gabapentin",
        {"taper": {"step_mg": 300, "step_days": 1}}, problem=("taper-too-short", "blocking"),
        field="taper.step_days"),
]
