"""``claimex_sentences``: a fast rule sentence splitter tuned for biomedical abstracts.

scispaCy's ``pysbd_sentencizer`` is accurate but costs ~7 ms an abstract (14x the
tokenizer). Abstracts are regular enough for rules over scispaCy tokens:

* a newline always ends a sentence (titles, structured-abstract sections);
* ``.``, ``!``, ``?`` end a sentence when the next word token starts with an upper-case
  letter, a digit or an opening bracket/quote, unless the token before the stop is a known
  abbreviation (``vs``, ``mo``, ``e.g``, ``et al``, ``Fig``, ``approx`` ...), or the
  stop is inside brackets that are still open;
* ``;`` never ends a sentence.

Accuracy against one-sentence-per-line gold is measured by ``bench/sentences.py``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

ABBREVIATIONS = frozenset(
    """
    vs v al e.g i.e etc fig figs approx ca cf resp mo mos yr yrs wk wks no nos vol dr mr mrs ms
    prof st inc ltd co jr sr dept univ eq eqs ref refs ed eds suppl incl min max tab viz pts
    """.split()
)
_STOPS = frozenset(".!?")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")
_STARTERS = frozenset("([{\"'“‘")


def _starts_sentence(text: str) -> bool:
    ch = text[0]
    return ch.isupper() or ch.isdigit() or ch in _STARTERS


def sentence_starts(words: list[str]) -> list[bool]:
    """Sentence-start flags for a list of token texts (whitespace tokens included)."""
    n = len(words)
    starts = [False] * n
    if not n:
        return starts
    starts[0] = True
    depth = 0
    pending = False  # a boundary was decided; the next non-space token starts a sentence
    for i, text in enumerate(words):
        if text.isspace():
            if "\n" in text:
                pending = True
                depth = 0
            continue
        if pending:
            starts[i] = True
            pending = False
        if text in _OPEN:
            depth += 1
        elif text in _CLOSE:
            depth = max(0, depth - 1)
        last = text[-1]
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


def split_sentences(doc: Doc) -> Doc:
    """Set ``token.is_sent_start`` for every token of ``doc``."""
    if len(doc):
        flags = sentence_starts([t.text for t in doc])
        doc.from_array([SENT_START], numpy.array([1 if f else -1 for f in flags], dtype="int64").astype("uint64"))
    return doc


@Language.factory(
    "claimex_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_sentence_splitter(nlp: Language, name: str):
    return split_sentences
