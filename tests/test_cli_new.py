"""`titration-planner new` (issue 14): a plan from the label's template for each kind, read back
by the plan-file rules; every unusable option exits 2 naming the option; `new -o` then
`schedule`/`check` round-trips through files."""

import json
from datetime import date

import pytest
from helpers import run_cli

from planner.cli import main
from planner.domain.plan import OffLabel
from planner.domain.templates import label_template
from planner.files.planfile import load_plan_file, parse_plan_text

NOW = "morning=300,midday=300,bedtime=600"
TODAY = (("morning", 300), ("midday", 300), ("bedtime", 600))
START = date(2027, 1, 4)


def new(capsys, *args):
    code = main(["new", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("args,expected", [
    (["--drug", "gabapentin", "--indication", "postherpetic_neuralgia"],
     label_template("gabapentin", "postherpetic_neuralgia", START)),
    (["--drug", "pregabalin", "--indication", "fibromyalgia", "--kind", "start", "--target", "450"],
     label_template("pregabalin", "fibromyalgia", START, target_mg=450)),
    (["--drug", "gabapentin", "--indication", "epilepsy", "--kind", "change", "--current", NOW, "--target", "1800"],
     label_template("gabapentin", "epilepsy", START, "change", current=TODAY, target_mg=1800)),
    (["--drug", "gabapentin", "--indication", "epilepsy", "--kind", "stop", "--current", NOW],
     label_template("gabapentin", "epilepsy", START, "stop", current=TODAY)),
    (["--drug", "pregabalin", "--indication", "diabetic_neuropathy", "--review", "2027-03-01"],
     label_template("pregabalin", "diabetic_neuropathy", START, review_date=date(2027, 3, 1))),
])
def test_each_kind_writes_the_template_plan(tmp_path, capsys, args, expected):
    path = tmp_path / "plan.json"
    code, out, err = new(capsys, *args, "--start", "2027-01-04", "-o", str(path))
    assert (code, err) == (0, "") and out == f"wrote {path}\n"
    assert load_plan_file(path) == expected
    # Without -o the same plan goes to stdout.
    code, out, _ = new(capsys, *args, "--start", "2027-01-04")
    assert code == 0 and parse_plan_text(out) == expected


def test_the_change_and_stop_files_hold_todays_regimen(tmp_path, capsys):
    path = tmp_path / "stop.json"
    assert new(capsys, "--drug", "gabapentin", "--indication", "epilepsy", "--kind", "stop", "--current", NOW,
               "--start", "2027-01-04", "-o", str(path))[0] == 0
    raw = json.loads(path.read_text("utf-8"))
    assert raw["kind"] == "stop" and raw["current"] == {"morning": 300, "midday": 300, "bedtime": 600}
    assert raw["taper"] == {"step_mg": 300, "step_days": 7, "order": ["evening", "midday", "morning", "bedtime"]}
    assert "target_dose_mg" not in raw and "review_date" not in raw
    plan = load_plan_file(path)
    assert plan.current == TODAY and plan.taper.step_mg == 300


def test_start_today(capsys):
    code, out, _ = new(capsys, "--drug", "pregabalin", "--indication", "epilepsy", "--start", "today")
    assert code == 0 and parse_plan_text(out).start_date == date.today()


def test_off_label_start(tmp_path, capsys):
    path = tmp_path / "off.json"
    code, _, err = new(capsys, "--drug", "gabapentin", "--indication", "off_label", "--max", "1800",
                       "--reason", "painful diabetic neuropathy", "--start-dose", "300", "--increment", "300",
                       "--step-days", "7", "--target", "1200", "--start", "2027-01-04", "-o", str(path))
    assert (code, err) == (0, "")
    plan = load_plan_file(path)
    assert plan.off_label == OffLabel(1800, "painful diabetic neuropathy")
    assert (plan.start_dose_mg, plan.increment_mg, plan.step_days, plan.target_dose_mg) == (300, 300, 7, 1200)
    # 1200 reached on day 22; the review 4 weeks later.
    assert plan.review_date == date(2027, 2, 22)


# --- unusable input: exit 2, the option named ----------------------------------------------

BASE = ["--drug", "gabapentin", "--indication", "postherpetic_neuralgia", "--start", "2027-01-04"]


@pytest.mark.parametrize("args,option,words", [
    (["--drug", "aspirin", "--indication", "x"], "--drug", "unknown drug 'aspirin'"),
    (["--drug", "gabapentin", "--indication", "fibromyalgia"], "--indication", "postherpetic_neuralgia, epilepsy"),
    (BASE + ["--kind", "pause"], "--kind", "start, change, stop"),
    (BASE + ["--kind", "change", "--current", "noon=300"], "--current", "unknown time of day 'noon'"),
    (BASE + ["--kind", "change", "--current", "morning=300,morning=300"], "--current", "twice"),
    (BASE + ["--kind", "change", "--current", "morning300"], "--current", "TIME=MG"),
    (BASE + ["--kind", "change", "--current", "morning=30.5"], "--current", "whole number"),
    (BASE + ["--kind", "change", "--current", "morning=0"], "--current", "all 0"),
    (BASE + ["--kind", "change"], "--current", "today's doses"),
    (BASE + ["--kind", "stop"], "--current", "today's doses"),
    (BASE + ["--current", NOW], "--current", "change and stop"),
    (BASE + ["--kind", "stop", "--current", NOW, "--target", "600"], "--target", "no target"),
    (BASE + ["--kind", "stop", "--current", NOW, "--review", "2027-03-01"], "--review", "no review"),
    (BASE + ["--target", "abc"], "--target", "whole number"),
    (BASE + ["--target", "0"], "--target", "from 1"),
    (BASE + ["--target", "-300"], "--target", "whole number"),
    (BASE + ["--target", "99999"], "--target", "from 1 to 20,000"),
    (BASE + ["--step-days", "0"], "--step-days", "from 1"),
    (["--drug", "gabapentin", "--indication", "epilepsy", "--target", "600"], "--target", "below the start dose"),
    (["--drug", "gabapentin", "--indication", "epilepsy", "--start", "04/01/2027"], "--start", "YYYY-MM-DD"),
    (BASE + ["--review", "2027-02-30"], "--review", "YYYY-MM-DD"),
    (BASE + ["--review", "2027-01-01"], "--review", "before the start"),
    (BASE + ["--max", "1200"], "--max", "off-label use only"),
    (["--drug", "gabapentin", "--indication", "off_label", "--reason", "x"], "--max", "maximum daily dose"),
    (["--drug", "gabapentin", "--indication", "off_label", "--max", "1200"], "--reason", "reason"),
    (["--drug", "gabapentin", "--indication", "off_label", "--max", "1200", "--reason", "x"], "--start-dose",
     "no label start"),
    (["--drug", "gabapentin", "--indication", "off_label", "--max", "1200", "--reason", "x", "--kind", "change",
      "--current", NOW], "--target", "no label start"),
    (["--drug", "gabapentin", "--indication", "off_label", "--max", "1200", "--reason", "x", "--kind", "change",
      "--current", NOW, "--target", "1800"], "--increment", "increment and the step length"),
])
def test_unusable_options_exit_2_naming_the_option(capsys, args, option, words):
    code, out, err = new(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"titration-planner new: {option}: "), err
    assert words in err and err.count("\n") == 1


def test_a_missing_required_option_is_named(capsys):
    with pytest.raises(SystemExit) as e:
        main(["new", "--indication", "epilepsy"])
    assert e.value.code == 2 and "--drug" in capsys.readouterr().err


def test_an_unwritable_output_exits_2_naming_o(tmp_path, capsys):
    code, _, err = new(capsys, *BASE, "-o", str(tmp_path / "no-such-folder" / "plan.json"))
    assert code == 2 and err.startswith("titration-planner new: -o: cannot write")


# --- round trip through files: new -o, then schedule and check --------------------------------


@pytest.mark.parametrize("args", [
    ["--drug", "gabapentin", "--indication", "postherpetic_neuralgia"],
    ["--drug", "pregabalin", "--indication", "diabetic_neuropathy"],
    ["--drug", "gabapentin", "--indication", "off_label", "--max", "1200", "--reason", "painful diabetic neuropathy",
     "--start-dose", "300", "--increment", "300", "--step-days", "7", "--target", "1200"],
])
def test_new_then_schedule_and_check(tmp_path, args):
    path = str(tmp_path / "plan.json")
    r = run_cli("new", *args, "--start", "2027-01-04", "-o", path)
    assert r.returncode == 0, r.stderr
    s = run_cli("schedule", path, "--format", "json", "--today", "2027-01-04")
    assert s.returncode == 0, s.stdout + s.stderr
    days = json.loads(s.stdout)["days"]
    plan = load_plan_file(path)
    assert days[0]["date"] == "2027-01-04"
    assert max(d["total_mg"] for d in days) == plan.target_dose_mg
    c = run_cli("check", path, "--today", "2027-01-04")
    assert c.returncode == 0, c.stdout + c.stderr
    if plan.off_label is not None:
        assert "off-label-use" in c.stdout and "painful diabetic neuropathy" in c.stdout
    assert "titration-too-fast" not in c.stdout
