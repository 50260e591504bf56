"""The rules of plan format 2's fields (planner.files.kind_rules): every new field is judged
when a plan file is read, and each error names its field."""

import pytest

from planner.domain.plan import Liquid, OffLabel, PlanError, StepEdit, Taper
from planner.files.planfile import plan_from_dict

STOP = {
    "format_version": 2, "kind": "stop", "drug": "gabapentin", "start_date": "2026-12-01",
    "current": {"morning": 300, "midday": 300, "bedtime": 600},
    "taper": {"step_mg": 300, "step_days": 7, "order": ["midday", "morning", "evening", "bedtime"]},
}
CHANGE = {
    "format_version": 2, "kind": "change", "drug": "gabapentin", "start_date": "2026-12-01",
    "current": {"morning": 300, "midday": 300, "bedtime": 300}, "target_dose_mg": 1800, "doses_per_day": 3,
    "increment_mg": 300, "step_days": 7, "maintenance": "review", "review_date": "2027-03-01",
}
START = {
    "format_version": 2, "kind": "start", "drug": "gabapentin", "indication": "postherpetic_neuralgia",
    "start_date": "2026-12-01", "start_dose_mg": 300, "increment_mg": 300, "step_days": 3,
    "target_dose_mg": 1800, "doses_per_day": 3, "maintenance": "review", "review_date": "2027-03-01",
}


def errors(data) -> list[str]:
    with pytest.raises(PlanError) as exc:
        plan_from_dict(data)
    return [str(e) for e in exc.value.errors]


def test_plans_of_each_kind_read():
    stop = plan_from_dict(STOP)
    assert stop.kind == "stop" and stop.current == (("morning", 300), ("midday", 300), ("bedtime", 600))
    assert stop.taper == Taper(step_days=7, step_mg=300, order=("midday", "morning", "evening", "bedtime"))
    assert stop.target_dose_mg is None and stop.start_dose_mg is None
    change = plan_from_dict(CHANGE)
    assert change.maintenance == "review" and str(change.review_date) == "2027-03-01"
    assert plan_from_dict(START).kind == "start"


# --- what each kind needs and refuses --------------------------------------------------------

@pytest.mark.parametrize("data, field", [
    ({k: v for k, v in STOP.items() if k != "current"}, "current"),
    ({k: v for k, v in STOP.items() if k != "taper"}, "taper"),
    ({k: v for k, v in CHANGE.items() if k != "current"}, "current"),
    ({k: v for k, v in CHANGE.items() if k != "target_dose_mg"}, "target_dose_mg"),
    ({k: v for k, v in CHANGE.items() if k != "review_date"}, "review_date"),
    ({k: v for k, v in START.items() if k != "start_dose_mg"}, "start_dose_mg"),
    ({k: v for k, v in START.items() if k != "review_date"}, "review_date"),
])
def test_what_a_kind_needs_is_named_when_missing(data, field):
    assert errors(data) == [f"{field}: is missing"]


def test_what_a_kind_does_not_use_may_be_left_out_or_given():
    no_review = {k: v for k, v in START.items() if k != "review_date"}
    assert plan_from_dict({**no_review, "maintenance": "days", "maintenance_days": 28}).review_date is None
    # A change plan's titration pace, or a start plan's today's doses, are not refused.
    plan_from_dict({k: v for k, v in CHANGE.items() if k not in ("increment_mg", "step_days")})
    plan_from_dict({**START, "current": {"bedtime": 300}})


@pytest.mark.parametrize("data", [{**STOP, "current": {}}, {**STOP, "current": {"morning": 0, "bedtime": 0}},
                                  {**CHANGE, "current": {"midday": 0}}])
def test_a_change_or_stop_plan_starts_from_at_least_one_dose_today(data):
    assert errors(data) == ["current: gives no dose at any time of day; a change or stop plan starts from the "
                            "doses the patient takes today"]


def test_a_stop_plan_has_no_target():
    assert errors({**STOP, "target_dose_mg": 600}) == [
        "target_dose_mg: is 600 mg/day, but a stop plan tapers to zero: leave target_dose_mg out"]


def test_a_change_to_todays_dose_changes_nothing():
    assert errors({**CHANGE, "target_dose_mg": 900}) == [
        "target_dose_mg: is 900 mg/day, which is today's daily dose: a change plan needs a different target"]
    assert plan_from_dict({**CHANGE, "target_dose_mg": 600}).target_dose_mg == 600  # down is a change too


def test_a_stop_plans_doses_a_day_are_todays():
    assert plan_from_dict({**STOP, "doses_per_day": 3}).doses_per_day == 3
    assert errors({**STOP, "doses_per_day": 2}) == [
        "doses_per_day: is 2, but today's doses are taken 3 times a day and a stop plan tapers from them: "
        "leave doses_per_day out or make it 3"]
    # A change plan may move to a different number of doses a day (twice to three times a day).
    assert plan_from_dict({**CHANGE, "current": {"morning": 300, "bedtime": 300}}).doses_per_day == 3


def test_the_cut_order_is_every_time_of_day_once():
    for order in (["midday", "morning", "bedtime"], ["midday", "midday", "evening", "bedtime"],
                  ["noon", "morning", "evening", "bedtime"], "midday"):
        [error] = errors({**STOP, "taper": {**STOP["taper"], "order": order}})
        assert error.startswith("taper.order: must list the four slots (morning, midday, evening, bedtime) once "
                                "each, in the order the taper cuts them")


# --- off-label use ---------------------------------------------------------------------------

def test_off_label_is_refused_with_a_labelled_indication():
    assert errors({**START, "off_label": {"max_daily_mg": 2400, "reason": "painful diabetic neuropathy"}}) == [
        "off_label: is given but the indication is not off-label (choose the indication off_label, or leave "
        "off_label out)"]


def test_off_label_with_a_wrong_indication_names_the_indication_only():
    data = {**START, "indication": "migraine", "off_label": {"max_daily_mg": 2400, "reason": "x"}}
    assert [e.split(":")[0] for e in errors(data)] == ["indication"]


def test_the_off_label_group_is_read_by_the_schema():
    from planner.files import kind_rules
    from planner.files.field_reader import Reader
    from planner.domain.schema import field
    errs = []
    r = Reader(errs, {"off_label": {"max_daily_mg": 2400}})
    got = kind_rules.off_label_use(r, field("off_label"), {"indication": "off_label"})
    assert got == {"max_daily_mg": 2400, "reason": None}
    assert [str(e) for e in errs] == ["off_label.reason: is missing"]
    errs.clear()
    kind_rules.off_label_use(Reader(errs, {}), field("off_label"), {"indication": "off_label"})
    assert [str(e) for e in errs] == ["off_label: is missing"]
    assert OffLabel(**got).max_daily_mg == 2400


# --- step edits ------------------------------------------------------------------------------

def test_step_edits_read_in_order():
    plan = plan_from_dict({**CHANGE, "step_edits": [
        {"step": 2, "hold_days": 7}, {"step": 1, "total_mg": 1200, "doses": {"morning": 300, "bedtime": 900}},
        {"step": 4, "days": 14}]})
    assert plan.step_edits == (StepEdit(2, hold_days=7),
                               StepEdit(1, total_mg=1200, doses=(("morning", 300), ("bedtime", 900))),
                               StepEdit(4, days=14))


@pytest.mark.parametrize("edit, message", [
    ({"step": 2}, "step_edits[0].step: is 2, but the edit changes nothing in it: give at least one of "
                  "total_mg, doses, days, hold_days"),
    ({"step": 2, "doses": {}}, "step_edits[0].doses: gives no dose at any time of day"),
    ({"step": 2, "doses": {"morning": 0}}, "step_edits[0].doses: gives no dose at any time of day"),
    ({"step": 2, "total_mg": 1200, "doses": {"morning": 300, "bedtime": 600}},
     "step_edits[0].doses: add up to 900 mg, but total_mg is 1200 mg/day: they must agree"),
    ({"step": 0, "days": 3}, "step_edits[0].step: must be from 1 to 1000"),
    ({"days": 3}, "step_edits[0].step: is missing"),
    ({}, "step_edits[0].step: is missing"),  # and nothing more: which step changes nothing is unknown
    ({"step": 1, "hold_days": 0}, "step_edits[0].hold_days: must be from 1 to 365 days"),
    ({"step": 1, "doses": {"noon": 300}}, "step_edits[0].doses.noon: is not a field"),
    ({"step": 1, "split": "even"}, "step_edits[0].split: is not a field"),
])
def test_a_step_edit_that_cannot_be_used_is_named(edit, message):
    first, *more = errors({**CHANGE, "step_edits": [edit]})
    assert first.startswith(message)
    assert more == ([] if "split" not in edit else  # and it changes nothing else
                    ["step_edits[0].step: is 1, but the edit changes nothing in it: give at least one of total_mg, "
                     "doses, days, hold_days"])


def test_each_step_edit_is_named_by_its_place():
    errs = errors({**CHANGE, "step_edits": [{"step": 1, "days": 5}, {"step": 3}]})
    assert [e.split(":")[0] for e in errs] == ["step_edits[1].step"]


# --- the oral solution -----------------------------------------------------------------------

def test_the_oral_solution_reads():
    assert plan_from_dict({**STOP, "liquid": {"use": "taper_end", "below_mg": 300, "syringe_ml": 10}}).liquid \
        == Liquid(use="taper_end", below_mg=300, syringe_ml=10)
    assert plan_from_dict({**START, "liquid": {}}).liquid == Liquid(use="all", below_mg=None, syringe_ml=5)


@pytest.mark.parametrize("liquid, message", [
    ({"syringe_ml": 7}, "liquid.syringe_ml: must be one of 5, 10 mL (the oral syringes the program has the marks "
                        "of); got 7"),
    ({"syringe_ml": 20}, "liquid.syringe_ml: must be from 5 to 10 mL"),
    ({"use": "taper_end"}, "liquid.below_mg: is missing"),
    ({"use": "all", "below_mg": 300}, "liquid.below_mg: is given, but only taper_end uses it (liquid.use is all)"),
    ({"use": None, "below_mg": 300}, "liquid.below_mg: is given, but only taper_end uses it (liquid.use is all)"),
    ({"use": "end", "below_mg": 300}, "liquid.use: must be one of all, taper_end"),
])
def test_an_oral_solution_that_cannot_be_used_is_named(liquid, message):
    [error] = errors({**STOP, "liquid": liquid})
    assert error.startswith(message)


@pytest.mark.parametrize("data", [
    START,  # a start plan never tapers
    {**CHANGE, "taper": {"step_mg": 300, "step_days": 7}},  # a change up does not taper
    {k: v for k, v in {**START, "kind": "start_and_stop", "maintenance": "days"}.items() if k != "review_date"},
])
def test_the_oral_solution_at_the_end_of_a_taper_needs_a_plan_that_tapers(data):
    assert errors({**data, "liquid": {"use": "taper_end", "below_mg": 300}}) == [
        "liquid.use: is taper_end, but this plan has no taper steps to end with the oral solution (use all, or "
        "give the plan a taper)"]


@pytest.mark.parametrize("data", [
    STOP,
    {**CHANGE, "target_dose_mg": 300, "taper": {"step_mg": 300, "step_days": 7}},  # a change down
    {**START, "kind": "start_and_stop", "maintenance": "days", "taper": {"step_percent": 25, "step_days": 7}},
])
def test_a_plan_that_tapers_may_end_on_the_oral_solution(data):
    assert plan_from_dict({**data, "liquid": {"use": "taper_end", "below_mg": 300}}).liquid.use == "taper_end"
