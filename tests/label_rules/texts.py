"""The patient texts of issue 12: what the handout must tell the patient, by drug, indication
and age. Each check reads the lines the patient's pages carry for the plan (the same lines the
printout draws; tests/domain/test_patient_texts.py checks they reach the PDF)."""

from label_rules import Row

CHILD_12 = {"patient": {"date_of_birth": "2014-06-01"}}  # 12 on the base plans' start, 1 Dec 2026
ADULT = {"patient": {"date_of_birth": "1970-03-15"}}


def _lines(s) -> list[str]:
    # Imported here, so a planner without patient notes fails the row, not the whole table.
    from planner.domain.handout_texts import handout_lines

    return handout_lines(s.plan, s.profile)


def _note(s, note_id: str) -> dict:
    notes = {n["id"]: n for n in (s.profile.texts or {}).get("notes", [])}
    assert note_id in notes, f"{s.profile.id} declares no patient note {note_id!r}"
    return notes[note_id]


def _has(*words):
    def check(s):
        lines = _lines(s)
        for w in words:
            assert any(w.lower() in line.lower() for line in lines), f"no line says {w!r}: {lines}"
    return check


def _gap_line(s):
    hours = s.profile.indication(s.plan.indication).max_hours_between_doses.value
    assert any(f"more than {hours} hours" in line for line in _lines(s)), _lines(s)
    # The number lives once, in the indication: the stored text only names it.
    assert all(str(hours) not in line for line in _note(s, "gap_between_doses")["lines"])


def _no_gap_line(s):
    _note(s, "gap_between_doses")
    assert not any("hours go by between" in line for line in _lines(s)), _lines(s)


def _no_child_text(s):
    _note(s, "child_behaviour")
    assert not any("child behaves" in line for line in _lines(s)), _lines(s)


ROWS = [
    Row("the pregabalin handout says it is a controlled medicine that some people misuse", "Lyrica 9.1, 9.2",
        "pregabalin", {"indication": "diabetic_neuropathy"},
        check=_has("controlled medicine", "misused medicines, street drugs or alcohol", "give or sell")),
    Row("the gabapentin handout warns of misuse and says it is controlled in the UK", "Neurontin 9.2; UK Schedule 3",
        "gabapentin", check=_has("misuse gabapentin", "misused medicines, street drugs or alcohol",
                                 "In the UK, gabapentin is a controlled medicine")),
    Row("the gabapentin handout asks about pregnancy and breastfeeding and names the registry",
        "Neurontin 8.1, 8.2", "gabapentin",
        check=_has("pregnant, plan to get pregnant, or are breastfeeding", "breast milk", "1-888-233-2334")),
    Row("the pregabalin handout asks about pregnancy and breastfeeding and names the registry",
        "Lyrica 8.1, 8.2", "pregabalin",
        check=_has("pregnant, plan to get pregnant, or are breastfeeding", "not to breastfeed", "1-888-233-2334")),
    Row("the pregabalin handout tells a patient with diabetes to watch the skin for sores",
        "Lyrica 17 (dermatopathy), 13.2", "pregabalin", {"indication": "diabetic_neuropathy"},
        check=_has("If you have diabetes", "sores")),
    Row("the gabapentin handout for a child of 12 with epilepsy warns of behaviour changes",
        "Neurontin 5 (pediatric neuropsychiatric reactions)", "gabapentin",
        {"indication": "epilepsy", **CHILD_12}, check=_has("child behaves", "doing worse at school")),
    Row("the gabapentin handout for an adult with epilepsy carries no child text",
        "Neurontin 5 (pediatric neuropsychiatric reactions)", "gabapentin",
        {"indication": "epilepsy", **ADULT}, check=_no_child_text),
    Row("the gabapentin handout says to take it at least 2 hours after an aluminium or magnesium antacid",
        "Neurontin 7.3", "gabapentin", check=_has("aluminium or magnesium", "at least 2 hours")),
    Row("the gabapentin epilepsy handout carries the gap line with the indication's number",
        "Neurontin 2.2", "gabapentin", {"indication": "epilepsy", **ADULT}, check=_gap_line),
    Row("the gabapentin postherpetic neuralgia handout carries no gap line", "Neurontin 2.2", "gabapentin",
        check=_no_gap_line),
]
