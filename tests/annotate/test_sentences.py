import pytest
import spacy

from claimex.annotate import tokenizer  # noqa: F401
from claimex.annotate.sentences import heading_label, sentence_starts, split_sentences


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})


def sents(nlp, text):
    return [s.text.strip() for s in split_sentences(nlp.make_doc(text)).sents if s.text.strip()]


def test_abbreviations_do_not_split(nlp):
    text = ("Patients receiving A vs. B were followed for 6 mo. and then assessed. "
            "Smith et al. reported e.g. fewer events (P = 0.03). Mortality fell.")
    assert sents(nlp, text) == [
        "Patients receiving A vs. B were followed for 6 mo. and then assessed.",
        "Smith et al. reported e.g. fewer events (P = 0.03).",
        "Mortality fell.",
    ]


def test_enumerated_aims_stay_one_sentence(nlp, gold_fixture):
    doc = split_sentences(nlp.make_doc(gold_fixture.text))
    got = [s.start_char for s in doc.sents if s.text.strip()]
    assert got == [s.start for s in gold_fixture.sentences]


def test_newlines_and_sections_break(nlp):
    text = "Title of the trial\n\nBACKGROUND: Short. METHODS: We randomised 40 patients.\nRESULTS: None died."
    assert sents(nlp, text) == ["Title of the trial", "BACKGROUND:", "Short.", "METHODS:", "We randomised 40 patients.",
                                "RESULTS:", "None died."]


# Evidence Inference 2.0, PMC 28991 (articles_fulltext_labeled.jsonl.gz, text[:abstract_end]): PMC heading lines
EI_28991 = (
    "TITLE: \nA comparison of volume control and pressure-regulated volume control ventilation in acute respiratory "
    "failure\n\n\n\nABSTRACT.BACKGROUND::\nThe aim of this study was to test the hypothesis that a new mode of "
    "ventilation (pressure-regulated volume control; PRVC) is associated with improvements in respiratory mechanics. "
    "We conducted a randomised, prospective, open, cross over trial on 44 patients with acute respiratory failure.\n\n"
    "ABSTRACT.RESULTS::\nIn the crossover trial, peak inspiratory pressure was significantly lower using PRVC than "
    "with VC (20 cmH2O vs 24 cmH2O, P < 0.0001). No other statistically significant differences were found.\n\n"
    "ABSTRACT.CONCLUSIONS::\nPeak inspiratory pressure was significantly lower during PRVC ventilation than during "
    "VC ventilation.\n"
)


def test_pmc_heading_lines_are_sentences_of_their_own(nlp):
    got = sents(nlp, EI_28991)
    assert got[:3] == ["TITLE:", "A comparison of volume control and pressure-regulated volume control ventilation "
                                 "in acute respiratory failure", "ABSTRACT.BACKGROUND::"]
    assert "ABSTRACT.RESULTS::" in got and "ABSTRACT.CONCLUSIONS::" in got
    assert got[got.index("ABSTRACT.RESULTS::") + 1].startswith("In the crossover trial")
    assert [heading_label(s) for s in got if heading_label(s)] == ["TITLE", "BACKGROUND", "RESULTS", "CONCLUSIONS"]


def test_glued_headings_split(nlp):
    # PubMed 'RESULTS:' glued to the previous sentence's stop, and a heading without a stop before it
    text = ("Forty patients were randomised to intermittent diazepam or continuous midazolam.RESULTS: Scores "
            "indicating undersedation were more common with diazepam (P <0.01). Materials and methods: We "
            "studied 40 patients and they were randomised CONCLUSIONS: Both regimens produced rapid onset.")
    assert sents(nlp, text) == [
        "Forty patients were randomised to intermittent diazepam or continuous midazolam.", "RESULTS:",
        "Scores indicating undersedation were more common with diazepam (P <0.01).", "Materials and methods:",
        "We studied 40 patients and they were randomised", "CONCLUSIONS:", "Both regimens produced rapid onset."]


def test_heading_label():
    assert heading_label("ABSTRACT.MATERIAL AND METHODS::") == "MATERIAL AND METHODS"
    assert heading_label("Results:") == "RESULTS"
    assert heading_label("RESULTS") == "RESULTS"
    assert heading_label("No patients died.") is None
    assert heading_label("HIV") is None and heading_label("Results were good:") is None


def test_abbreviation_with_colon_is_no_heading(nlp):
    assert sents(nlp, "COPD: a common disease. It kills.") == ["COPD: a common disease.", "It kills."]


def test_bracket_inside_a_token_closes(nlp):
    # scispaCy keeps "mouse)-two" whole: its ")" must close the bracket, or the stop after it cannot split
    text = "Cells of the ( mouse)-two lineage were counted. Counts were higher after treatment."
    assert len(sents(nlp, text)) == 2


def test_stray_bracket_stops_blocking():
    words = ["(", "Rates"] + ["x"] * 70 + [".", "Then", "more", "."]
    starts = sentence_starts(words)
    assert starts[words.index("Then")]


def test_stop_inside_brackets_does_not_split(nlp):
    assert len(sents(nlp, "Rates were higher (see Fig. 2. Table 1) in group A. Then B.")) == 2


def test_starts_is_pure_and_total():
    assert sentence_starts([]) == []
    assert sentence_starts(["Hello", ".", " ", "World", "."]) == [True, False, False, True, False]


def test_inline_heading_after_an_abbreviation_stop(nlp):
    # EvidenceMap 10563544 (pre-tokenised): "min ." is an abbreviation stop, but a heading follows it
    text = ("Observations were made over the subsequent 15-20 min . RESULTS Baseline spontaneous activity in all "
            "subjects showed both high- and low-frequency components .")
    assert sents(nlp, text) == ["Observations were made over the subsequent 15-20 min .", "RESULTS",
                                "Baseline spontaneous activity in all subjects showed both high- and low-frequency "
                                "components ."]


def test_heading_with_commas_and_title_case_words_without_colon(nlp):
    # EvidenceOutcomes (evidence_outcomes.jsonl): JAMA-style heading; PubMed "Trial Registration" run-in text
    got = sents(nlp, "mortality.\nDESIGN, SETTING, AND PARTICIPANTS : Cluster randomized, double-masked trial.")
    assert got[1:] == ["DESIGN, SETTING, AND PARTICIPANTS :", "Cluster randomized, double-masked trial."]
    assert heading_label(got[1]) == "DESIGN, SETTING, AND PARTICIPANTS"
    got = sents(nlp, "both treatments achieved similar outcomes. Trial Registration clinicaltrials.gov Identifier: X.")
    assert got == ["both treatments achieved similar outcomes.", "Trial Registration clinicaltrials.gov Identifier: X."]


def test_dosing_abbreviations_do_not_split(nlp):
    # EvidenceOutcomes: "randomised (1:2:1) to lumiracoxib 100 mg o.d. (n = 755), lumiracoxib 100 mg b.i.d. ..."
    text = "They were randomised to lumiracoxib 100 mg o.d. (n = 755) or lumiracoxib 100 mg b.i.d. (n = 1,519)."
    assert len(sents(nlp, text)) == 1


# Evidence Inference unlabelled abstract PMC5140822 (articles_abstracts_unlabeled.jsonl.gz): lines wrapped at ~90
# characters and bracketed headings
PMC5140822 = (
    "[Purpose] The study was conducted to determine the effect of horse riding simulation\n"
    "combined with blindfolding on healthy individuals' balance and gait. [Subjects and\n"
    "Methods] Thirty subjects were randomly divided into an experimental group (n=15) and a\n"
    "control group (n=15). [Results] The experimental group showed significant\n"
    "improvement in static balance, dynamic balance, velocity, and cadence compared to\n"
    "pre-intervention measurements.\n"
)


def test_wrapped_lines_and_bracket_headings(nlp):
    assert [s.replace("\n", " ") for s in sents(nlp, PMC5140822)] == [
        "[Purpose]",
        "The study was conducted to determine the effect of horse riding simulation combined with blindfolding "
        "on healthy individuals' balance and gait.",
        "[Subjects and Methods]",
        "Thirty subjects were randomly divided into an experimental group (n=15) and a control group (n=15).",
        "[Results]",
        "The experimental group showed significant improvement in static balance, dynamic balance, velocity, "
        "and cadence compared to pre-intervention measurements.",
    ]
    assert heading_label("[Subjects and\nMethods]") == "SUBJECTS AND METHODS"
    assert heading_label("[Results]") == "RESULTS"


def test_a_newline_before_a_capital_or_after_a_stop_still_breaks(nlp):
    # a title line without a stop, then the abstract; a sentence ending a line; a bracket that is not a heading
    text = "Effects of horse riding simulation on balance\nThirty subjects were randomised.\nresults were kept."
    assert sents(nlp, text) == ["Effects of horse riding simulation on balance", "Thirty subjects were randomised.",
                                "results were kept."]
    assert sents(nlp, "[Horse riding] was done.") == ["[Horse riding] was done."]


def test_caps_answers_as_the_caps_pattern(pubmed_abstracts):
    """``_caps`` (``str.isupper`` before the regex) says what ``_CAPS.match`` says, on the words of real abstracts
    and made-up labels."""
    import re

    from claimex.annotate.sentences import _CAPS, _caps

    words = {w for _, title, body in pubmed_abstracts[:300] for w in re.split(r"(\s+)", f"{title} {body}")}
    words |= {"RESULTS", "ABSTRACT.RESULTS", "AND/OR", "A", "A.", "IL-6", "Il-6", "T1/T2", "R&D", "X\n", "ÉTUDE",
              "ΑΒΓ", "", "-", "::", "K", "İ", "ǅ", "Ǆ", "R2", "RESULTS:", "A.B", "a.B"}
    assert sum(bool(_CAPS.match(w)) for w in words) > 100
    for w in words:
        assert _caps(w) is (_CAPS.match(w) is not None), w
