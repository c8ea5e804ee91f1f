"""Token texts of a Doc, made once per Doc and shared by the components that read them.

The sentence splitter, the abbreviation short-form matcher and the tagger's span hygiene all work on
the list of token texts, and the measure parser on the Doc's text (:func:`doc_text`). Each used to
build them from the string store (``vocab.strings[orth]`` per token, a new ``str`` each: about 0.06 ms
an abstract); :func:`token_texts` builds the list once per Doc and keeps it while the Doc lives (a
weak reference: nothing is stored on the Doc, so its serialisation is unchanged). A Doc whose length
changed since (retokenised) gets a fresh list. :func:`token_lowers` does the same for their lower case (span
hygiene and the outcome-list rules both read it).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary = WeakKeyDictionary()
_LOWERS: WeakKeyDictionary = WeakKeyDictionary()
SEP = "\x01"  # joins token texts into one string for C-speed scans (assumed absent from token texts)


def token_texts(doc: Doc) -> list[str]:
    """The texts of ``doc``'s tokens, whitespace tokens included. The list is shared: do not change it."""
    texts = _TEXTS.get(doc)
    if texts is None or len(texts) != len(doc):
        strings = doc.vocab.strings  # the token texts without making a Token object for each
        texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
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


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from :func:`token_texts` and the whitespace flags (spaCy's ``Doc.text`` makes a
    Token object per token: about 0.09 ms an abstract against 0.03 once the token texts are made)."""
    spaces = doc.to_array(SPACY).tolist()
    return "".join([t + " " if sp else t for t, sp in zip(token_texts(doc), spaces)])
