"""Speed-ups of the sentence code (session 24) that must not change a result, against the old forms (kept here):
``heading_label`` splits the words off up to a seventh (``str.split(None, 6)``; a heading has at most six), not every
word of the sentence - on every sentence of real abstracts from ../shared and on made-up headings of one to nine
words; the splitter's SENT_START column is a filled array with the starts set (``sent_start_column``), not a Python
list of ints converted by numpy - on real abstracts and made-up flags."""

from __future__ import annotations

import random

import numpy
from spacy.attrs import SENT_START

from claimex.annotate.sentences import (
    _LINK_WORDS,
    _TITLE_TAIL,
    SECTION_WORDS,
    _caps,
    _section_word,
    heading_label,
    sent_start_column,
    sentence_starts,
)
from claimex.annotate.tokens import token_texts


def _heading_label_old(text: str) -> str | None:
    """``heading_label`` before session 24 (every word split off)."""
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):
        body = body[1:-1].strip().upper() + ":"
    colon = body.endswith(":")
    words = body.rstrip(":").replace(",", " , ").split()
    if not words or len(words) > 6:
        return None
    if all(_caps(w) or w in _LINK_WORDS for w in words):
        if not (colon or len(words) <= 3 and _section_word(words[0])):
            return None
    elif not (colon and _section_word(words[0]) and words[0][1:].islower()
              and all(w in _TITLE_TAIL for w in words[1:])):
        return None
    label = " ".join(words).replace(" ,", ",").upper()
    return label.split(".", 1)[1] if label.startswith("ABSTRACT.") and len(label) > 9 else label


def test_real_sentences(rules_nlp, pubmed_sentences):
    labelled = n = 0
    for text in [t for t in pubmed_sentences if len(t) > 600][:80]:
        doc = rules_nlp(text)
        for sent in doc.sents:
            for piece in (sent.text, sent.text_with_ws, sent.text.split(". ")[0] + ":", f"[{sent.text[:30]}]"):
                got = heading_label(piece)
                assert got == _heading_label_old(piece), piece
                labelled += got is not None
                n += 1
    assert n > 2000 and labelled > 10


def test_made_up_headings():
    rng = random.Random(24)
    words = sorted(SECTION_WORDS)[:40] + sorted(_LINK_WORDS) + sorted(_TITLE_TAIL) + [
        "Results", "Methods", "ABSTRACT.RESULTS", "Patients", "were", "12", "BACKGROUND,", "AIM,AND"]
    seps = [" ", "  ", "\t", "\n", ", ", " ,", ","]
    labelled = 0
    for _ in range(20000):
        k = rng.randint(1, 9)
        body = "".join(rng.choice(words) + rng.choice(seps) for _ in range(k)).rstrip(" ,\t\n")
        text = rng.choice(["", " ", "\n"]) + rng.choice([body, body + ":", body + "::", f"[{body}]", body.lower()]) \
            + rng.choice(["", " ", "\n"])
        got = heading_label(text)
        assert got == _heading_label_old(text), text
        labelled += got is not None
    assert labelled > 1000


def _column_old(flags: list[bool]) -> numpy.ndarray:
    return numpy.array([1 if f else -1 for f in flags], dtype="int64").astype("uint64")


def test_sent_start_column(rules_nlp, pubmed_sentences):
    rng = random.Random(24)
    cases = [[rng.random() < p for _ in range(n)] for n in (1, 2, 3, 50, 261, 3000) for p in (0.0, 0.1, 0.5, 1.0)]
    for text in [t for t in pubmed_sentences if len(t) > 600][:40]:
        doc = rules_nlp(text)
        flags = sentence_starts(token_texts(doc))
        cases.append(flags)
        assert doc.to_array(SENT_START).astype("int64").tolist() == [1 if f else -1 for f in flags]  # as set
    for flags in cases:
        new, old = sent_start_column(flags), _column_old(flags)
        assert new.dtype == old.dtype and new.shape == old.shape and new.tolist() == old.tolist()
