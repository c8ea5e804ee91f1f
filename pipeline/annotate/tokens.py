"""Token texts of a Doc, made once per Doc and shared by the components that read them.

The sentence splitter, the abbreviation short-form matcher and the tagger's span hygiene all work on
the list of token texts, and the measure parser on the Doc's text (:func:`doc_text`). Each used to
build them from the string store (``vocab.strings[orth]`` per token, a new ``str`` each: about 0.06 ms
an abstract); :func:`token_texts` builds the list once per Doc and keeps it while the Doc lives (a
weak reference: nothing is stored on the Doc, so its serialisation is unchanged). A Doc whose length
changed since (retokenised) gets a fresh list. :func:`token_lowers` does the same for their lower case (span
hygiene and the outcome-list rules both read it), :func:`token_orths` for their ORTH ids (the abbreviation matcher, the
tagger's embedding cache and the subtype features each read them: ``Doc.to_array`` costs ~200 instructions per token
and attribute). :func:`make_doc` tokenises a text and keeps the text as the
Doc's :func:`doc_text` (a tokenizer loses no character, so ``doc.text`` is that text): the Extractor makes its Docs
with it, and the measure parser reads the text without joining it again from the tokens.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary = WeakKeyDictionary()
_ORTHS: WeakKeyDictionary = WeakKeyDictionary()
_MADE: WeakKeyDictionary = WeakKeyDictionary()  # Doc -> the text make_doc tokenised into it
_LOWERS: WeakKeyDictionary = WeakKeyDictionary()
SEP = "\x01"  # joins token texts into one string for C-speed scans (assumed absent from token texts)


def token_orths(doc: Doc) -> numpy.ndarray:
    """``doc.to_array(ORTH)``, made once per Doc and kept while it lives (a Doc whose length changed gets a fresh
    one), as :func:`token_texts`, which is made from it. The array is shared and read-only."""
    orths = _ORTHS.get(doc)
    if orths is None or len(orths) != len(doc):
        orths = doc.to_array(ORTH)
        orths.flags.writeable = False
        _ORTHS[doc] = orths
    return orths


def token_texts(doc: Doc) -> list[str]:
    """The texts of ``doc``'s tokens, whitespace tokens included. The list is shared: do not change it."""
    texts = _TEXTS.get(doc)
    if texts is None or len(texts) != len(doc):
        strings = doc.vocab.strings  # the token texts without making a Token object for each
        texts = [strings[orth] for orth in token_orths(doc).tolist()]
        _TEXTS[doc] = texts
    return texts


def token_lowers(doc: Doc) -> list[str]:
    """The lower case of :func:`token_texts`, made once per Doc by one ``str.lower`` of the texts joined with
    ``"\x01"`` (the way the span hygiene and the outcome-list rules each made it). Shared: do not change it."""
    texts = token_texts(doc)
    made = _LOWERS.get(doc)
    if made is None or made[0] is not texts:
        made = _LOWERS[doc] = (texts, SEP.join(texts).lower().split(SEP) if texts else [])
    return made[1]


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` (the tokenizer), with ``text`` kept as the Doc's :func:`doc_text` while the Doc lives.
    spaCy's tokenizer is non-destructive (``doc.text == text``), and no component changes a Doc's text (a
    retokenizer keeps it)."""
    doc = nlp.make_doc(text)
    _MADE[doc] = text
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``: the text :func:`make_doc` made the Doc from, else joined once from :func:`token_texts` and the
    whitespace flags (spaCy's ``Doc.text`` makes a Token object per token: about 0.09 ms an abstract against 0.03
    once the token texts are made) and kept while the Doc lives (no retokenisation changes a Doc's text)."""
    made = _MADE.get(doc)
    if made is None:
        spaces = doc.to_array(SPACY).tolist()
        made = _MADE[doc] = "".join([t + " " if sp else t for t, sp in zip(token_texts(doc), spaces)])
    return made
