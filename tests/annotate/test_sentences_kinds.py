"""``sentence_starts``' short path for plain words and spaces (``token_kind``, session 17) against the rules it
replaced (``_reference_starts``: every token down the full rule chain, which is what ``sentence_starts`` did to every
token at bd6998f), on real abstracts from ../shared and on made-up token lists that mix brackets, stops, headings and
newlines."""

from __future__ import annotations

import random

import pytest
import spacy

from claimex.annotate import sentences, tokenizer  # noqa: F401
from claimex.annotate.sentences import (
    _STRAY,
    OTHER,
    PLAIN,
    SPACE,
    _heading_run,
    sentence_starts,
    token_kind,
    token_kinds,
)
from claimex.annotate.tokens import token_texts


def _reference_starts(words: list[str]) -> list[bool]:
    """The flags with every token sent down the full rule chain (each token's kind :data:`OTHER`): the rules
    ``sentence_starts`` applied to every token before the short path existed."""
    full = sentences.token_kinds
    sentences.token_kinds = lambda ws: [OTHER] * len(ws)
    try:
        return sentence_starts(words)
    finally:
        sentences.token_kinds = full


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})


def test_kinds_of_words():
    assert token_kind("patients") == PLAIN
    assert token_kind("0.05") == PLAIN  # a stop inside, not at the end
    assert token_kind(" ") == SPACE
    assert token_kind("\n") == OTHER
    assert token_kind("The") == PLAIN  # capitalised, but no label or section word: no heading starts there
    assert token_kind("Mortality") == PLAIN
    for word in ("Patients", "Results", "RESULTS", "ABSTRACT.RESULTS", "AND", "P", "al.", "(n", "mouse)-two", "[", "?", "end!"):
        assert token_kind(word) == OTHER, word


def test_kinds_are_looked_up_once_and_follow_the_rule():
    words = ["The", "trial", "(", "n", "=", "40", ")", "ended", ".", " ", "\n", "trial"]
    assert token_kinds(words) == [token_kind(w) for w in words]
    sentences._KINDS["trial"] = OTHER  # a wrong entry is what the table answers: it is read, not recomputed
    try:
        assert token_kinds(words)[1] == OTHER
    finally:
        sentences._KINDS.clear()


def test_real_abstracts_split_as_before(nlp, pubmed_abstracts):
    checked = 0
    for _pmid, title, body in pubmed_abstracts:
        for text in (f"{title}\n{body}", body.replace(". ", ".\n", 3)):
            words = token_texts(nlp.make_doc(text))
            assert sentence_starts(words) == _reference_starts(words)
            checked += 1
    assert checked >= 1000


def test_made_up_token_lists_split_as_before():
    pool = ["the", "patients", "Patients", "RESULTS", ":", "::", "METHODS", "AND", "(", ")", "[", "]", "{", "}",
            "Results", "vs.", "mo", ".", "?", "!", "e.g.", " ", "  ", "\n", "\n\n", " \n", "0.05", "12", "al.",
            "mouse)-two", "(a", "b)", "Title", "of", "and", "outcome", "Subjects", "x;", "BACKGROUND", "'", "“",
            "The", "We", "In", "Methods", "OF", "CI", "A", "Materials", "&", "/", ",", "methods", "Patients"]
    rng = random.Random(17)
    for _ in range(3000):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 90))]
        assert sentence_starts(words) == _reference_starts(words), words


def test_a_capitalised_plain_word_starts_no_heading():
    for word in ("The", "We", "In", "Mortality"):
        for at in range(3):
            words = ["x", ".", " ", word, ":", " ", "Next"][at:]
            assert _heading_run(words, words.index(word), True) == -1
            assert sentence_starts(words) == _reference_starts(words)


def test_a_stray_bracket_ends_on_a_plain_word():
    words = ["(", *["word"] * (_STRAY + 3), ".", " ", "Next", "one", "."]
    assert sentence_starts(words) == _reference_starts(words)
    assert sentence_starts(words)[_STRAY + 6]  # "Next" starts a sentence: the bracket no longer blocks the stop
