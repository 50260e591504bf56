"""The drug profiles: label numbers, each with its source."""

import json
from importlib import resources

import pytest

from planner.domain.profiles import drug_ids, load_profile
from planner.text.units import oral_solution_text

LABEL = {"gabapentin": "Neurontin label", "pregabalin": "Lyrica label"}
# Besides the US label, a source may be the UK summary of product characteristics (the pace and
# review of issue 14), stated practice (the default taper) or a stated project choice.
OTHER_AUTHORITIES = {"gabapentin": ("Gabapentin SmPC (UK), section",), "pregabalin": ()}
NOT_LABEL = ("Practice, not a label number: ", "Project choice (issue 14), not a label number: ")
# A product's RxNorm code (issue 18's FHIR export) cites where the code was verified.
CODE_SOURCES = ("RxNorm code (NLM), clinical drug (SCD) ",)


def raw(drug):
    return json.loads(resources.files("planner.resources").joinpath("profiles", f"{drug}.json").read_text("utf-8"))


def numbers_without_source(node, path="", cited=False):
    """Every number must sit in an object that carries a 'source' (or under one that does)."""
    if isinstance(node, dict):
        cited = cited or "source" in node
        for k, v in node.items():
            if k != "format_version":
                yield from numbers_without_source(v, f"{path}.{k}", cited)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from numbers_without_source(v, f"{path}[{i}]", cited)
    elif isinstance(node, (int, float)) and not isinstance(node, bool) and not cited:
        yield path


def test_both_drugs_are_served():
    assert drug_ids() == ("gabapentin", "pregabalin")


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_every_number_cites_its_label_section(drug):
    assert list(numbers_without_source(raw(drug))) == []

    def sources(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "source" and isinstance(v, str):
                    yield v
                else:
                    yield from sources(v)
        elif isinstance(node, list):
            for v in node:
                yield from sources(v)

    for s in sources({k: v for k, v in raw(drug).items() if k != "texts"}):
        assert s.startswith((LABEL[drug] + ", section",) + OTHER_AUTHORITIES[drug] + NOT_LABEL + CODE_SOURCES), s


def test_gabapentin_label_facts():
    p = load_profile("gabapentin")
    assert [(f.form, f.strength_mg, f.scored) for f in p.forms] == [
        ("capsule", 100, False), ("capsule", 300, False), ("capsule", 400, False),
        ("tablet", 600, True), ("tablet", 800, True),
    ]
    assert oral_solution_text(p.oral_solution) == "250 mg per 5 mL"
    assert p.max_daily_mg.value == 3600 and p.taper_min_days.value == 7
    assert p.indication("epilepsy").max_hours_between_doses.value == 12
    assert [(b.min_daily_mg, b.max_daily_mg, b.doses_per_day) for b in p.kidney.bands] == [
        (900, 3600, 3), (400, 1400, 2), (200, 700, 1), (100, 300, 1)]
    assert p.kidney.dialysis_supplement_mg == (125, 150, 200, 250, 350)


def test_pregabalin_label_facts():
    p = load_profile("pregabalin")
    assert p.strengths_mg == (25, 50, 75, 100, 150, 200, 225, 300)
    assert all(f.form == "capsule" and not f.scored for f in p.forms)
    assert oral_solution_text(p.oral_solution) == "20 mg per mL"
    assert {i.id: i.max_daily_mg.value for i in p.indications} == {
        "diabetic_neuropathy": 300, "postherpetic_neuralgia": 600, "fibromyalgia": 450,
        "spinal_cord_injury": 600, "epilepsy": 600, "off_label": 600}
    assert [b.max_daily_mg for b in p.kidney.bands] == [600, 300, 150, 75]
    # Lyrica 2.7 Table 1, lower part: the supplement is by once-daily regimen, two amounts each.
    assert p.kidney.dialysis_supplement_mg is None and p.kidney.dialysis.by == "regimen"
    assert [(r.daily.text, r.supplement_mg) for r in p.kidney.dialysis.rows] == [
        ("25", (25, 50)), ("25-50", (50, 75)), ("50-75", (75, 100)), ("75", (100, 150))]


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_patient_texts_are_complete(drug):
    t = load_profile(drug).texts
    for key in ("how_to_take", "common_side_effects", "serious_side_effects", "safety_tips"):
        assert t[key] and all(isinstance(x, str) and x.strip() for x in t[key]), key
    assert t["missed_dose"].strip() and t["kidney_note"].strip()
    w = t["taper_warning"]
    assert w["title"].startswith(f"Do not stop taking {drug}")
    assert w["body"].strip() and w["instead"].strip()
    text = json.dumps(t).lower()
    for words in ("drows", "dizz", "swelling", "suicid", "alcohol", "driv", "kidney"):
        assert words in text, words


# The RxNorm clinical drug (SCD) of every product, as verified (see each code's source).
RXNORM = {
    "gabapentin": {("capsule", 100): "310430", ("capsule", 300): "310431", ("capsule", 400): "310432",
                   ("tablet", 600): "310433", ("tablet", 800): "310434", "oral solution": "283523"},
    "pregabalin": {("capsule", 25): "483442", ("capsule", 50): "483448", ("capsule", 75): "483450",
                   ("capsule", 100): "483438", ("capsule", 150): "483440", ("capsule", 200): "483446",
                   ("capsule", 225): "577127", ("capsule", 300): "483444", "oral solution": "898715"},
}


@pytest.mark.parametrize("drug", ["gabapentin", "pregabalin"])
def test_every_product_has_its_verified_rxnorm_code(drug):
    p = load_profile(drug)
    found = {(f.form, f.strength_mg): f.rxnorm.code for f in p.forms}
    found["oral solution"] = p.oral_solution.rxnorm.code
    assert found == RXNORM[drug]
    for f in p.forms:
        # The code's name says the product: its strength and its form.
        assert f.rxnorm.display == f"{drug} {f.strength_mg} MG Oral {f.form.capitalize()}"
        assert f.rxnorm.system == "http://www.nlm.nih.gov/research/umls/rxnorm"
    mg_per_ml = p.oral_solution.mg // p.oral_solution.per_ml
    assert p.oral_solution.rxnorm.display == f"{drug} {mg_per_ml} MG/ML Oral Solution"
