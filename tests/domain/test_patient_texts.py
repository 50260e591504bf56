"""The patient notes of issue 12 (misuse, pregnancy, skin sores, children, antacids, the gap
between doses): which plans carry them, that they reach the printed pages whole, that their
numbers come from the profile, and that they read plainly."""

import copy
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import label_rules as table
from planner.domain.handout_texts import (
    age_on,
    applicable_notes,
    handout_lines,
    notes,
    own_sections,
    patient_age,
    section_lines,
)
from planner.files.planfile import plan_from_dict
from planner.domain.profiles import Cited, ProfileError, load_profile
from planner.domain.schedule import compute_schedule

LABEL = {"gabapentin": "Neurontin label, section", "pregabalin": "Lyrica label, section"}


def plan(drug="gabapentin", **changes):
    d = copy.deepcopy(table.BASE[drug])
    d.update(changes)
    if d.get("indication") == "off_label":  # an off-label use states its maximum and reason (issue 14)
        d.setdefault("off_label", {"max_daily_mg": 300, "reason": "neuropathic pain"})
    return plan_from_dict(d)


def ids(p, drug=None):
    return [n.id for n in applicable_notes(p, load_profile(drug or p.drug))]


# --- which plans carry which notes ---------------------------------------------------------


def test_every_plan_carries_misuse_and_pregnancy():
    for drug in ("gabapentin", "pregabalin"):
        for ind in load_profile(drug).indications:
            got = ids(plan(drug, indication=ind.id))
            assert "misuse" in got and "pregnancy" in got, (drug, ind.id)


def test_the_gap_line_follows_the_indication():
    gaba = load_profile("gabapentin")
    for ind in gaba.indications:
        has_gap = ind.max_hours_between_doses is not None
        assert ("gap_between_doses" in ids(plan(indication=ind.id))) == has_gap, ind.id
    # Pregabalin's label sets no gap: none of its handouts carries the line.
    for ind in load_profile("pregabalin").indications:
        assert not any("hours go by" in line for line in handout_lines(plan("pregabalin", indication=ind.id),
                                                                            load_profile("pregabalin")))


def test_the_gap_line_prints_the_profiles_number_not_a_typed_one():
    gaba = load_profile("gabapentin")
    epi = gaba.indication("epilepsy")
    changed = replace(epi, max_hours_between_doses=Cited(8, "test"))
    profile = replace(gaba, indications=tuple(changed if i.id == "epilepsy" else i for i in gaba.indications))
    how = section_lines(plan(indication="epilepsy"), profile, "how_to_take")
    assert any("more than 8 hours" in line for line in how)
    assert not any("12 hours" in line for line in how)


def test_the_gap_line_sits_with_how_to_take_after_the_profiles_own_lines():
    gaba = load_profile("gabapentin")
    how = section_lines(plan(indication="epilepsy"), gaba, "how_to_take")
    assert how[:len(gaba.texts["how_to_take"])] == list(gaba.texts["how_to_take"])
    assert any("more than 12 hours" in line for line in how[len(gaba.texts["how_to_take"]):])


@pytest.mark.parametrize("dob, shown", [
    ("2014-06-01", True),    # 12 on the start date, 1 Dec 2026
    ("2013-12-02", True),    # 13 tomorrow: still 12
    ("2013-12-01", False),   # 13 on the start date
    ("1990-01-01", False),
])
def test_the_child_text_follows_the_age_on_the_start_date(dob, shown):
    for ind in ("epilepsy", "postherpetic_neuralgia"):
        p = plan(indication=ind, patient={"date_of_birth": dob})
        assert ("child_behaviour" in ids(p)) == shown, (dob, ind)


def test_the_child_text_without_a_date_of_birth():
    # The age typed for the kidney estimate counts when there is no date of birth.
    kid = {"age_years": 10, "sex": "female", "weight_kg": 35, "serum_creatinine_mg_dl": 0.5}
    assert "child_behaviour" in ids(plan(indication="epilepsy", kidney=kid))
    assert "child_behaviour" not in ids(plan(indication="epilepsy", kidney=dict(kid, age_years=40)))
    # No age at all: shown for epilepsy (the indication the label gives children), for a carer.
    assert "child_behaviour" in ids(plan(indication="epilepsy"))
    assert "child_behaviour" not in ids(plan(indication="postherpetic_neuralgia"))


def test_pregabalin_carries_the_skin_line_and_no_gabapentin_only_notes():
    lines = section_lines(plan("pregabalin", indication="diabetic_neuropathy"), load_profile("pregabalin"),
                          "safety_tips")
    assert any(line.startswith("If you have diabetes") and "sores" in line for line in lines)
    got = ids(plan("pregabalin", indication="epilepsy"))
    assert "antacids" not in got and "child_behaviour" not in got


def test_age_on_counts_whole_years():
    assert age_on(date(2014, 6, 1), date(2026, 12, 1)) == 12
    assert age_on(date(2014, 12, 1), date(2026, 12, 1)) == 12
    assert age_on(date(2014, 12, 2), date(2026, 12, 1)) == 11
    assert patient_age(plan()) is None
    assert patient_age(plan(patient={"date_of_birth": "2000-12-01"})) == Decimal(26)


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2030, 12, 31)), st.integers(0, 120 * 366))
def test_age_on_matches_the_birthdays_passed(born, days):
    on = born + timedelta(days=days)
    passed = 0
    for year in range(born.year + 1, on.year + 1):
        try:
            birthday = born.replace(year=year)
        except ValueError:  # 29 February in a common year: the birthday comes on 1 March
            birthday = date(year, 3, 1)
        passed += birthday <= on
    assert age_on(born, on) == passed


# --- the notes as stored -------------------------------------------------------------------


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_every_note_is_well_formed_and_cites_the_label(drug):
    profile = load_profile(drug)
    stored = notes(profile)
    assert len({n["id"] for n in stored}) == len(stored)
    for n in stored:
        assert n["source"].startswith(LABEL[drug]), n["id"]
    # Every placeholder resolves for every indication the note applies to.
    for ind in profile.indications:
        for kid in (None, {"crcl_ml_min": 80}):
            p = plan(drug, indication=ind.id, **({"kidney": kid} if kid else {}))
            for note in applicable_notes(p, profile):
                assert all("{" not in line and "}" not in line for line in note.lines), note


def test_a_note_with_an_unknown_condition_or_number_is_a_profile_error():
    gaba = load_profile("gabapentin")
    bad_cond = dict(gaba.texts, notes=[{"id": "x", "place": "how_to_take", "lines": ["x"], "source": "s",
                                        "when": [{"weight_over": 3}]}])
    with pytest.raises(ProfileError):
        applicable_notes(plan(), replace(gaba, texts=bad_cond))
    bad_name = dict(gaba.texts, notes=[{"id": "x", "place": "how_to_take", "lines": ["{max_daily_mg_typo}"],
                                        "source": "s"}])
    with pytest.raises(ProfileError):
        applicable_notes(plan(), replace(gaba, texts=bad_name))
    both = dict(gaba.texts, notes=[{"id": "x", "place": "how_to_take", "title": "T", "lines": ["x"],
                                    "source": "s"}])
    with pytest.raises(ProfileError):
        applicable_notes(plan(), replace(gaba, texts=both))


# --- plain words ---------------------------------------------------------------------------

# Names a patient must read as they are: they do not count against the reading grade.
NAMES = re.compile(r"North American Antiepileptic Drug Pregnancy Registry|gabapentin|pregabalin", re.I)


def _syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text.strip()) if s]


def _grade(text: str) -> float:
    """Flesch-Kincaid grade, with a rough syllable count: good enough to catch a long, hard text."""
    text = NAMES.sub("it", text)
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    syllables = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / len(_sentences(text)) + 11.8 * syllables / len(words) - 15.59


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_the_notes_read_at_grade_6_or_below(drug):
    for n in notes(load_profile(drug)):
        parts = ([n["intro"]] if n.get("intro") else []) + [
            line if line.rstrip().endswith((".", ":")) else line + "." for line in n["lines"]]
        text = " ".join(parts)
        for sentence in _sentences(text):
            assert len(sentence.split()) <= 20, (n["id"], sentence)
        assert _grade(text) <= 6.0, (n["id"], round(_grade(text), 1))
        assert re.search(r"\byou\b|\byour\b|\bthe child\b", text, re.I), n["id"]


# --- on paper ------------------------------------------------------------------------------

pypdf = pytest.importorskip("pypdf")

SCENARIOS = {
    "gabapentin-phn": ("gabapentin", {}),
    "gabapentin-epilepsy-child-12": ("gabapentin", {"indication": "epilepsy",
                                                    "patient": {"date_of_birth": "2014-06-01"}}),
    "gabapentin-epilepsy-adult": ("gabapentin", {"indication": "epilepsy", "patient": {"date_of_birth": "1970-03-15"}}),
    "pregabalin-diabetic-neuropathy": ("pregabalin", {"indication": "diabetic_neuropathy", "doses_per_day": 3}),
}


def _squash(text: str) -> str:
    # A wrapped line may break after a hyphen: compare without any white space.
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_note_reaches_the_printed_patient_pages(qapp, tmp_path, name, paper):
    from planner.export.printout import PrintOptions, export_pdf

    drug, changes = SCENARIOS[name]
    schedule = compute_schedule(plan(drug, **changes), today=table.TODAY)
    path = tmp_path / "plan.pdf"
    pages = export_pdf(schedule, path, PrintOptions(paper=paper, printed_on=date(2026, 12, 1)))
    texts = [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]
    assert len(texts) == pages
    patient = _squash(" ".join(texts))  # the patient's pages only: the default printout
    applied = applicable_notes(schedule.plan, schedule.profile)
    assert applied
    for note in applied:
        if note.title:
            assert _squash(note.title) in patient, note.id
        for line in ([note.intro] if note.intro else []) + list(note.lines):
            assert _squash(line) in patient, (note.id, line)
    # What does not apply is not printed.
    stored = {n["id"] for n in notes(schedule.profile)}
    for missing in stored - {n.id for n in applied}:
        for line in next(n for n in notes(schedule.profile) if n["id"] == missing)["lines"]:
            if "{" not in line:
                assert _squash(line) not in patient, (missing, line)
    if name == "gabapentin-epilepsy-adult":
        assert _squash("more than 12 hours go by between your doses") in patient
    if name == "gabapentin-phn":
        assert "hoursgobybetween" not in patient
    for i in range(1, pages + 1):
        assert f"Page {i} of {pages}" in re.sub(r"\s+", " ", texts[i - 1])


def test_own_sections_keep_the_profiles_order():
    profile = load_profile("gabapentin")
    order = [n["id"] for n in notes(profile) if n.get("title")]
    got = [n.id for n in own_sections(plan(indication="epilepsy"), profile)]
    assert got == [i for i in order if i in got]
    assert got[0] == "child_behaviour"
