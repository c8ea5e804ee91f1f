"""``sentence_starts``' short path for plain words and spaces (``token_kind``, session 17) against the rules it
replaced, kept here as ``_reference_starts`` (the body of ``sentence_starts`` at bd6998f), on real abstracts from
../shared and on made-up token lists that mix brackets, stops, headings and newlines."""

from __future__ import annotations

import random

import pytest
import spacy

from claimex.annotate import sentences, tokenizer  # noqa: F401
from claimex.annotate.sentences import (
    _BRACKETS,
    _CLOSE,
    _OPEN,
    _STOPS,
    _STRAY,
    ABBREVIATIONS,
    OTHER,
    PLAIN,
    SPACE,
    _bracket_heading,
    _heading_run,
    _starts_sentence,
    _wrapped,
    sentence_starts,
    token_kind,
    token_kinds,
)
from claimex.annotate.tokens import token_texts


def _reference_starts(words: list[str]) -> list[bool]:
    """Sentence-start flags for a list of token texts (whitespace tokens included)."""
    n = len(words)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    depth, opened = 0, 0
    pending = False  # a boundary was decided; the next non-space token starts a sentence
    split_at = -1  # a heading ends here: that token starts a sentence
    prev_stop = False  # the previous word token ends with . ! ?
    line_at = -1  # the last newline token
    for i, text in enumerate(words):
        if text.isspace():
            if "\n" in text:
                if not _wrapped(words, i, depth > 0 and opened > line_at):
                    pending = True
                    depth = 0
                line_at = i
            continue
        if pending or i == split_at:
            starts[i] = True
            pending = False
        if text == "[" and depth == 0 and (starts[i] or prev_stop):
            end = _bracket_heading(words, i)
            if end > 0:  # "[Results] The experimental group ...": the heading is a sentence of its own
                starts[i], split_at = True, end
        if depth == 0 and i > split_at and text[0].isupper():
            # "... 15-20 min . RESULTS Baseline ...": a stop the abbreviation rule kept still ends before a heading
            lead = starts[i] or prev_stop
            end = _heading_run(words, i, lead)
            if end > i and (lead or end > i + 1 and words[end - 1] in (":", "::")):
                starts[i] = True
                split_at = end
        if len(text) == 1:
            if text in _OPEN:
                depth, opened = depth + 1, opened if depth else i
            elif text in _CLOSE:
                depth = max(0, depth - 1)
        elif not _BRACKETS.isdisjoint(text):
            before = depth
            depth = max(0, depth + sum(ch in _OPEN for ch in text) - sum(ch in _CLOSE for ch in text))
            opened = i if depth and not before else opened
        if depth and i - opened > _STRAY:
            depth = 0
        last = text[-1]
        prev_stop = last in _STOPS
        if last not in _STOPS or depth:
            continue
        if last == "." and len(text) > 1 and text[:-1].lower().rstrip(".") in ABBREVIATIONS:
            continue  # "vs." "e.g." "al." tokenised whole
        if text == "." and i > 0 and words[i - 1].lower().rstrip(".") in ABBREVIATIONS:
            continue  # "mo ." split by the tokenizer
        nxt = i + 1
        while nxt < n and words[nxt].isspace() and "\n" not in words[nxt]:
            nxt += 1
        if nxt < n and (words[nxt].isspace() or _starts_sentence(words[nxt])):
            pending = True
    return starts


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
