"""The check of a saved form (planner.files.formstate) knows every field of plan format 2:
a form holding them is put back, and one that holds what the form cannot (a syringe it has no
button for, a step edit that is not a record, a number a kind needs left out) is damaged,
naming the field."""

import pytest

from planner.files.formstate import check_form_state

START = {
    "format_version": 3, "kind": "start", "drug": "gabapentin", "indication": "postherpetic_neuralgia",
    "start_date": "2026-12-01", "start_dose_mg": 300, "increment_mg": 300, "step_days": 3,
    "target_dose_mg": 1800, "doses_per_day": 3, "maintenance": "review", "review_date": "2027-03-01",
}
STOP = {
    "format_version": 3, "kind": "stop", "drug": "gabapentin", "start_date": "2026-12-01",
    "current": {"morning": 300, "midday": 300, "bedtime": 600},
    "taper": {"step_mg": 300, "step_days": 7, "order": ["midday", "morning", "evening", "bedtime"]},
    "liquid": {"use": "taper_end", "below_mg": 300, "syringe_ml": 10},
}
CHANGE = {
    "format_version": 3, "kind": "change", "drug": "gabapentin", "start_date": "2026-12-01",
    "current": {"morning": 300, "midday": 300, "bedtime": 300}, "target_dose_mg": 1800, "doses_per_day": 3,
    "increment_mg": 300, "step_days": 7, "maintenance": "review", "review_date": "2027-03-01",
    "step_edits": [{"step": 2, "hold_days": 7}, {"step": 1, "doses": {"morning": 300, "bedtime": 900},
                                                  "total_mg": 1200, "days": 10}],
}


@pytest.mark.parametrize("state", [START, STOP, CHANGE,
                                   # half-typed: what the form's fields could not read, kept as typed
                                   {**STOP, "current": {"morning": "3oo", "bedtime": 600}},
                                   {**STOP, "liquid": {"use": "taper_end", "below_mg": "", "syringe_ml": 5}},
                                   {**START, "indication": "postherpetic_neuralgia", "off_label": {}},
                                   {**START, "off_label": {"max_daily_mg": "12oo", "reason": "as agreed"}},
                                   # what a kind needs beyond numbers is half-typed work, not damage
                                   {k: v for k, v in STOP.items() if k not in ("current", "taper")}])
def test_a_form_of_version_2_is_put_back(state):
    assert check_form_state(state) is None


@pytest.mark.parametrize("state, words", [
    ({**STOP, "liquid": {"use": "all", "syringe_ml": 7}}, "liquid.syringe_ml must be one of 5, 10 mL; got 7"),
    ({**STOP, "liquid": {"use": "all", "syringe_ml": "5"}}, 'liquid.syringe_ml must be one of 5, 10 mL; got "5"'),
    ({**STOP, "liquid": {"use": "most"}}, "liquid.use must be one of all, taper_end"),
    ({**STOP, "liquid": {"use": "all", "bottle": 1}}, "liquid.bottle is not a field of the form"),
    ({**STOP, "current": {"noon": 300}}, "current.noon is not a field of the form"),
    ({**STOP, "current": {"morning": [300]}}, "current.morning must be a number; got a list"),
    ({**STOP, "current": [300, 300]}, "current must be an object"),
    ({**STOP, "taper": {"step_mg": 300, "step_days": 7, "order": ["bedtime"]}}, "taper.order must list"),
    ({**START, "kind": "titrate"}, "kind must be one of start, change, stop, start_and_stop"),
    ({**START, "maintenance": "forever"}, "maintenance must be one of review, days"),
    ({**START, "review_date": "2027-02-30"}, "review_date is 2027-02-30, which is not a real date"),
    ({**START, "review_date": "1 March"}, "review_date must be a date written YYYY-MM-DD"),
    ({**START, "off_label": {"reason": ""}}, "off_label.reason is empty"),
    ({**START, "off_label": {"why": "x"}}, "off_label.why is not a field of the form"),
    ({**CHANGE, "step_edits": {"step": 1}}, "step_edits must be a list"),
    ({**CHANGE, "step_edits": [{"days": 7}]}, "step_edits[0].step is missing"),
    ({**CHANGE, "step_edits": [{"step": 1, "days": True}]}, "step_edits[0].days must be a number; got true"),
    ({**CHANGE, "step_edits": [{"step": 1}, {"step": 2, "split": 1}]}, "step_edits[1].split is not a field"),
    ({**CHANGE, "step_edits": [{"step": 1, "doses": {"noon": 1}}]}, "step_edits[0].doses.noon is not a field"),
    ({**CHANGE, "step_edits": ["hold"]}, "step_edits[0] must be an object"),
    # The numbers the form always writes for a kind of plan
    ({k: v for k, v in START.items() if k != "increment_mg"}, "increment_mg is missing"),
    ({k: v for k, v in CHANGE.items() if k != "target_dose_mg"}, "target_dose_mg is missing"),
    ({k: v for k, v in CHANGE.items() if k != "doses_per_day"}, "doses_per_day is missing"),
    ({k: v for k, v in START.items() if k != "kind"}, "kind is missing"),
])
def test_a_form_it_cannot_hold_is_damaged_naming_the_field(state, words):
    assert words in (check_form_state(state) or "")


def test_a_stop_form_needs_no_start_dose_and_a_change_form_no_titration_pace():
    assert "start_dose_mg" not in STOP and check_form_state(STOP) is None
    pace_free = {k: v for k, v in CHANGE.items() if k not in ("increment_mg", "step_days")}
    assert check_form_state(pace_free) is None


def test_a_kind_that_is_not_text_is_named_not_a_crash():
    assert "kind must be one of" in check_form_state({**START, "kind": ["start"]})
