"""The ``evidence_inference`` corpus source: Evidence Inference prompts as partial PICO supervision."""

from __future__ import annotations

import json

import pytest

from claimex import paths
from claimex.corpora import evidence_inference as ei
from claimex.corpora import is_dev, iter_source, load_docs
from claimex.corpora.findings import GOLD_FINDINGS_DIR, gold_files, load_text
from claimex.corpora.raw import clean_pmc
from claimex.corpora.types import doc_key

# the headed PMC form of a real Evidence Inference abstract's results (PMC 28991, a findings gold article: used
# here as text only, never trained on)
RESULTS = ("ABSTRACT.RESULTS::\nIn the crossover trial, peak inspiratory pressure was significantly lower using PRVC "
           "than with VC (20 cmH2O vs 24 cmH2O, P < 0.0001). No other statistically significant differences "
           "were found.\n\nABSTRACT.CONCLUSIONS::\nPeak inspiratory pressure was significantly lower during PRVC "
           "ventilation than during VC ventilation.")


def prompt(intervention, comparator, outcome, evidence=()):
    return ei.EIPrompt("1", intervention, comparator, outcome, tuple(evidence), "train")


def marked(doc, label):
    return [doc.text[s.start:s.end] for s in doc.spans if s.label == label]


def test_sentences_split_at_headers_and_sentence_ends():
    got = [RESULTS[a:b] for a, b in ei.sentences(RESULTS)]
    assert got[0] == "ABSTRACT.RESULTS::"
    assert got[1].startswith("In the crossover trial") and got[1].endswith("P < 0.0001).")
    assert got[2] == "No other statistically significant differences were found."
    assert got[3] == "ABSTRACT.CONCLUSIONS::"
    assert got[4].startswith("Peak inspiratory pressure") and got[4].endswith("VC ventilation.")


def test_pattern_is_case_and_whitespace_blind_on_word_boundaries():
    pat = ei.pattern("Peak  inspiratory\npressure ")
    assert [m.group() for m in pat.finditer(RESULTS)] == ["peak inspiratory pressure", "Peak inspiratory pressure"]
    vc = ei.pattern("VC")
    assert all(RESULTS[m.start() - 2:m.start()] != "PR" for m in vc.finditer(RESULTS))  # not inside "PRVC"
    assert len(list(vc.finditer(RESULTS))) == 2
    assert ei.pattern(" . ") is None and ei.pattern("x") is None
    assert ei.pattern("The peak inspiratory pressure").search(RESULTS).group() == "peak inspiratory pressure"
    assert ei.variants("IL-6r (ng/ml)") == ["IL-6r (ng/ml)", "IL-6r"]


def test_article_doc_marks_prompt_strings_with_window_regions():
    doc = ei.article_doc("28991", RESULTS, [prompt("PRVC", "VC", "peak inspiratory pressure")])
    assert marked(doc, "OUTCOME") == ["peak inspiratory pressure", "Peak inspiratory pressure"]
    assert marked(doc, "INTERVENTION") == ["PRVC", "PRVC"]
    assert marked(doc, "COMPARATOR") == ["VC", "VC"]
    assert doc.annotated == {"INTERVENTION", "COMPARATOR", "OUTCOME"}  # never POPULATION
    # each region is the match and one word a side, inside its sentence
    first, last = sorted(doc.regions["OUTCOME"])
    assert RESULTS[first[0]:first[1]] == "trial, peak inspiratory pressure was"
    assert RESULTS[last[0]:last[1]] == "Peak inspiratory pressure was"  # the sentence starts there
    # arms: INTERVENTION and COMPARATOR annotated around every arm match
    assert sorted(RESULTS[a:b] for a, b in doc.regions["COMPARATOR"]) == [
        "during PRVC ventilation", "during VC ventilation.", "using PRVC than", "with VC (20"]
    assert doc.regions["INTERVENTION"] == doc.regions["COMPARATOR"]
    # nothing outside the matched sentences is annotated (the "No other ... differences" sentence is missing)
    other = RESULTS.index("No other")
    assert not any(a <= other < b for regs in doc.regions.values() for a, b in regs)
    assert doc.key == doc_key(None, clean_pmc(RESULTS))


def test_intervention_wins_over_comparator_and_baseline_is_no_arm():
    doc = ei.article_doc("1", RESULTS, [prompt("PRVC", "VC", "peak inspiratory pressure"),
                                        prompt("VC", "baseline", "peak inspiratory pressure")])
    assert marked(doc, "INTERVENTION") == ["PRVC", "VC", "PRVC", "VC"]
    assert not marked(doc, "COMPARATOR")
    assert ei._phrases([prompt("PRVC", "Baseline values", "peak inspiratory pressure")], RESULTS) == {
        "prvc": "INTERVENTION", "peak inspiratory pressure": "OUTCOME"}


def test_no_match_no_document():
    assert ei.article_doc("1", RESULTS, [prompt("aspirin", "placebo", "mortality")]) is None


def test_cited_evidence_sentence_counts_without_an_arm_in_it():
    start = RESULTS.index("Peak inspiratory pressure was")
    doc = ei.article_doc("1", RESULTS, [prompt("pressure-regulated volume control", "volume control",
                                               "Peak inspiratory pressure", [(start, start + 40)])])
    assert doc.meta["evidence_sentences"] == 1
    assert marked(doc, "OUTCOME") == ["peak inspiratory pressure", "Peak inspiratory pressure"]


@pytest.fixture(scope="module")
def ei_docs(corpora):
    return list(iter_source("evidence_inference"))


def test_source_leaves_out_gold_validation_and_dev_articles(ei_docs):
    gold = set()
    for file in gold_files(GOLD_FINDINGS_DIR):
        gold |= {str(json.loads(line)["id"]) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()}
    validation = set()
    for path in paths.corpus_path(ei.CORPUS, "splits").glob("*validation_article_ids.txt"):
        validation |= set(path.read_text().split())
    validation |= {p.pmcid for p in ei.read_prompts() if p.split == "validation"}
    ids = {d.meta["pmcid"] for d in ei_docs}
    assert len(ei_docs) > 1000
    assert not ids & gold and not ids & validation
    assert not any(is_dev(d.key) for d in ei_docs)
    assert len(load_docs("evidence_inference", split="train")) == len(ei_docs)


def test_source_texts_are_the_headed_abstracts_and_spans_lie_in_regions(ei_docs):
    for d in ei_docs[:200]:
        assert d.text.startswith("TITLE:") and d.text == _text(d.meta["pmcid"])
        for s in d.spans:
            heads = ["OUTCOME"] if s.label == "OUTCOME" else ["INTERVENTION"]
            assert any(a <= s.start and s.end <= b for h in heads for a, b in d.regions[h])
            assert d.text[s.start:s.end].strip() == d.text[s.start:s.end]


def _text(pmcid):
    try:
        return load_text("evidence-inference", pmcid)
    except KeyError:
        return load_text("evidence-inference-abstracts", pmcid)
