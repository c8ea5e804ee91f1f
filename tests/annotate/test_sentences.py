import pytest
import spacy

from claimex.annotate import tokenizer  # noqa: F401
from claimex.annotate.sentences import sentence_starts, split_sentences


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
    assert sents(nlp, text) == ["Title of the trial", "BACKGROUND: Short.", "METHODS: We randomised 40 patients.",
                                "RESULTS: None died."]


def test_stop_inside_brackets_does_not_split(nlp):
    assert len(sents(nlp, "Rates were higher (see Fig. 2. Table 1) in group A. Then B.")) == 2


def test_starts_is_pure_and_total():
    assert sentence_starts([]) == []
    assert sentence_starts(["Hello", ".", " ", "World", "."]) == [True, False, False, True, False]
