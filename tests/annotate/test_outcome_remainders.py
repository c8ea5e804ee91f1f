"""The rest of a tagger's OUTCOME run beyond a list separator (:mod:`claimex.annotate.outcome_remainders`; issue
10, docs/claims-rounds.md 35.4, s21-found): a free stretch of a ``pico_wide`` run, parted from the run's spans by a comma,
and/or or "including", that holds a ``pico_seeds`` token (the tagger almost tagged it), is one more OUTCOME of the
claims layer. Sentences are real ones from ``../shared`` (PICO-Corpus 27017207, an OPEN findings-tune abstract, and
Evidence Inference unlabelled abstracts outside the findings gold). The tagger's spans and runs are given by hand,
as the shipped tagger gives them, so the rule is tested alone; :func:`decode_seeds` is tested on probabilities."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import SEEDS_KEY, WIDE_KEY, claim_entities, get_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists
from claimex.annotate.tagger.model import HEADS
from claimex.annotate.tagger.weakwide import decode_seeds


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, text: str, tagged: list[tuple[str, str]], wide: list[str], seeds: list[str]):
    """The doc after the component, given the tagger's (label, text) spans, its ``pico_wide`` runs and its
    ``pico_seeds`` runs (first occurrence of each text)."""
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    set_entities(doc, char_spans(doc, text, [("OUTCOME", w) for w in wide]), key=WIDE_KEY)
    set_entities(doc, char_spans(doc, text, [("OUTCOME", w) for w in seeds]), key=SEEDS_KEY)
    return OutcomeLists()(doc)


def outcomes(doc) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


# PICO-Corpus 27017207: the tagger's OUTCOME probability is 0.24 / 0.38 / 0.36 on "injection site reactions",
# 0.90 on "induration"; the run reaches over both, the main span only over the list after "including"
SAFETY = ("As for safety, common adverse events were hot flush and injection site reactions including induration, "
          "pain, and erythema in both treatment groups, which were of ≤Grade 2 in severity and not serious.")
TAGGED = [("OUTCOME", "safety"), ("OUTCOME", "adverse events"), ("OUTCOME", "induration, pain, and erythema")]
RUN = "injection site reactions including induration, pain, and erythema"


def test_the_category_before_including_is_its_own_outcome(nlp):
    doc = run(nlp, SAFETY, TAGGED, [RUN], ["site reactions"])
    assert "injection site reactions" in outcomes(doc)
    assert "injection site reactions" not in [x.span.text for x in get_entities(doc)]  # PICO layer unchanged


def test_without_a_seed_the_rest_of_the_run_stays_out(nlp):
    # the run alone is no evidence: "each student and [CR]" (0.19 on "student") must not give "student"
    doc = run(nlp, SAFETY, TAGGED, [RUN], [])
    assert "injection site reactions" not in outcomes(doc)


# PICO-Corpus 18777410 (outside the findings gold), as the shipped tagger reads it: "verbal fluency" tagged, the run
# going on over "and information processing speed", a seed over "information processing speed"
SPEED = ("Both patient groups performed significantly worse than healthy controls on verbal fluency and information "
         "processing speed.")


def test_a_list_item_after_and_is_its_own_outcome(nlp):
    doc = run(nlp, SPEED, [("INTERVENTION", "controls"), ("OUTCOME", "verbal fluency")],
              ["verbal fluency and information processing speed."], ["information processing speed."])
    assert outcomes(doc) == ["verbal fluency", "information processing speed"]


# PICO-Corpus 30689707 (OPEN): the run of "receptor status" reaches into its subgroup after the bracket
SUBGROUPS = ("HR for OS with olaparib versus TPC in prespecified subgroups were: prior chemotherapy for mBC [no "
             "(first-line setting): 0.51, 95% CI 0.29-0.90; yes (second/third-line): 1.13, 0.79-1.64]; receptor "
             "status (triple negative: 0.93, 0.62-1.43; hormone receptor positive: 0.86, 0.55-1.36); prior "
             "platinum (yes: 0.83, 0.49-1.45; no: 0.91, 0.64-1.33).")


def test_a_bracket_parts_a_subgroup_not_an_outcome(nlp):
    doc = run(nlp, SUBGROUPS, [("OUTCOME", "HR for OS"), ("OUTCOME", "receptor status")],
              ["receptor status (triple"], ["triple"])
    assert "triple" not in outcomes(doc)


def make(words: list[str], outcome: list[float]) -> tuple[Doc, numpy.ndarray]:
    doc = Doc(spacy.blank("en").vocab, words=words)
    probs = numpy.zeros((len(words), len(HEADS)), dtype="f")
    probs[:, HEADS.index("OUTCOME")] = outcome
    return doc, probs


def test_seeds_are_weak_runs_inside_a_run_that_the_main_hysteresis_does_not_reach():
    cfg = {"thresholds": {"OUTCOME": 0.6}, "hysteresis": {"OUTCOME": 0.5}}
    words = "hot flush and injection site reactions including induration , pain".split()
    doc, probs = make(words, [0.48, 0.13, 0.04, 0.24, 0.38, 0.36, 0.25, 0.90, 0.83, 0.95])
    assert [s.text for s in decode_seeds(doc, probs, HEADS, cfg, 0.3)] == ["site reactions"]
    # "hot" (0.48) is no seed: "flush" (0.13) parts it from the run
    doc, probs = make(words, [0.48, 0.13, 0.04, 0.24, 0.38, 0.36, 0.31, 0.90, 0.83, 0.95])
    assert decode_seeds(doc, probs, HEADS, cfg, 0.3) == []  # the main hysteresis (0.3) reaches them now
