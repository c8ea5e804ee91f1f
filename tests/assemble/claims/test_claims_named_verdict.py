"""A single-arm verdict word the tagger took into an outcome's span judges the result where nothing outside the
role mentions did (issue 10, session 22, :mod:`claimex.assemble.claims.named_verdict`). Real sentences from
abstracts outside the findings gold (PICO-Corpus 12637464, 29453232; Evidence Inference unlabelled 3424202,
3144183; ../shared), with the shipped tagger's spans of the result sentence."""

import re

from claims_helpers import claims_of, entity_texts, make_record

import claimex.assemble.claims.named_verdict as named_module
from claimex.assemble.claims.switches import without

# PICO-Corpus 12637464 (title, design, a comparison, the verdict)
ARZOXIFENE = (
    "Phase II, randomized, double-blind study of two dose levels of arzoxifene in patients with locally advanced or "
    "metastatic breast cancer. "
    "This trial was a randomized, double-blind, phase II study of arzoxifene 20 mg (n = 55) and 50 mg (n = 57) in "
    "women with advanced or metastatic breast cancer. "
    "CBR was higher in the 20-mg arm than in the 50-mg arm among TS patients (39.1% v 20.0%). "
    "Arzoxifene was well tolerated. "
    "There were no deaths during study.")
ARZOXIFENE_ENTS = [("INTERVENTION", "arzoxifene"), ("INTERVENTION", "arzoxifene", 1), ("OUTCOME", "CBR"),
                   ("INTERVENTION", "20-mg"), ("INTERVENTION", "50-mg"), ("INTERVENTION", "Arzoxifene"),
                   ("OUTCOME", "tolerated")]

# Evidence Inference unlabelled 3424202 (title, aim, the verdict)
ACT = (
    "Therapeutic efficacy and safety of dihydroartemisinin-piperaquine versus artesunate-mefloquine in "
    "uncomplicated Plasmodium falciparum malaria in India. "
    "The objective of this study was to compare the efficacy, safety and tolerability between "
    "dihydroartemisinin-piperaquine (DP) and artesunate plus mefloquine (A + M) drug combinations in the treatment "
    "of uncomplicated P. falciparum malaria in India. "
    "As shown at the whole study level, both forms of ACT were highly efficacious in India.")
ACT_ENTS = [("OUTCOME", "Therapeutic efficacy and safety"), ("INTERVENTION", "dihydroartemisinin-piperaquine"),
            ("INTERVENTION", "artesunate-mefloquine"), ("OUTCOME", "efficacy", 1), ("OUTCOME", "safety", 1),
            ("OUTCOME", "tolerability"), ("INTERVENTION", "dihydroartemisinin-piperaquine (DP)"),
            ("INTERVENTION", "artesunate plus mefloquine"), ("INTERVENTION", "ACT"), ("OUTCOME", "efficacious")]


def _verdict(text, ents, words, section=None):
    rec = make_record(text, ents, title=True)
    rec.sentences[-1].section = section
    claim = next(c for c in claims_of(rec) if words in c.text)
    return rec, claim


def test_well_tolerated_tagged_as_the_outcome_is_a_favourable_verdict():
    rec, claim = _verdict(ARZOXIFENE, ARZOXIFENE_ENTS, "well tolerated")
    assert entity_texts(rec, claim.outcome) == ["tolerated"]
    assert claim.direction == "positive"


def test_highly_efficacious_tagged_as_the_outcome_is_a_favourable_verdict():
    rec, claim = _verdict(ACT, ACT_ENTS, "highly efficacious")
    assert entity_texts(rec, claim.outcome) == ["efficacious"]
    assert claim.direction == "positive"


def test_without_the_rule_the_verdict_had_no_direction():
    with without("judge_named"):
        _rec, claim = _verdict(ARZOXIFENE, ARZOXIFENE_ENTS, "well tolerated")
    assert claim.direction is None


# Evidence Inference unlabelled 3144183 (title, a result, the conclusion under its heading): "efficacy" names what is measured, no verdict
IVERMECTIN = (
    "Randomized Clinical Trial on Ivermectin versus Thiabendazole for the Treatment of Strongyloidiasis. "
    "Considering 198 patients who concluded follow-up, efficacy was 56.6% for ivermectin and 52.2% for "
    "thiabendazole (p = 0.53). "
    "Ivermectin is the drug of choice, but efficacy of single dose is suboptimal.")
IVERMECTIN_ENTS = [("INTERVENTION", "Ivermectin"), ("INTERVENTION", "Thiabendazole"), ("OUTCOME", "efficacy"),
                   ("INTERVENTION", "ivermectin"), ("INTERVENTION", "thiabendazole"), ("INTERVENTION", "Ivermectin", 1),
                   ("OUTCOME", "efficacy of single dose")]


def test_a_noun_that_names_the_outcome_is_no_verdict():
    text = "Ivermectin is the drug of choice, but efficacy of single dose is suboptimal."
    assert named_module.NAME_NOUNS.search(text).group() == "efficacy"
    assert "Treatment with DHA was overall well-tolerated." == named_module.NAME_NOUNS.sub(
        "", "Treatment with DHA was overall well-tolerated.")  # PICO-Corpus 29453232: a verdict, kept


def test_the_named_outcome_noun_stays_unread(monkeypatch):
    _rec, claim = _verdict(IVERMECTIN, IVERMECTIN_ENTS, "suboptimal", "CONCLUSIONS")
    assert claim.direction is None
    monkeypatch.setattr(named_module, "NAME_NOUNS", re.compile(r"(?!)"))
    _rec, claim = _verdict(IVERMECTIN, IVERMECTIN_ENTS, "suboptimal", "CONCLUSIONS")
    assert claim.direction == "positive"
