import spacy

from claimex.annotate import tokenizer  # noqa: F401


def test_tokenizer_builds_from_config_and_keeps_analytes_whole():
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})
    words = [t.text for t in nlp("urinary 5-HIAA decrease: 57-91%; IL-6 levels (P = 0.971).")]
    assert "5-HIAA" in words and "IL-6" in words
    assert "0.971" in words
