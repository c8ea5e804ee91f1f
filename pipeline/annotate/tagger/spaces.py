"""Whitespace tokens out of the network's view: a line wrap inside a sentence ("static\\nbalance").

spaCy makes a newline inside running text a token of its own. The tagger's training text (EBM-NLP tokens)
has none, so a wrap token gives its neighbours' window features a context they never saw and cuts a phrase
in two ("static" / "balance": the default model tagged neither). The network therefore reads a document
without its whitespace tokens - a :class:`~spacy.tokens.Doc` over the other words with their NORMs, built
only for documents that have any - and each whitespace token then takes, per head, the lower probability
of its kept neighbours, so a span runs over a wrap only when the words on both sides are in it (decoding
trims whitespace at span edges). The Hugging Face backend skips whitespace the same way (:mod:`.hf`).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, NORM
from spacy.tokens import Doc

from ..tokens import token_texts


def kept(doc: Doc) -> numpy.ndarray | None:
    """The indices of the tokens the network reads in ``doc``: its non-whitespace tokens (None: every token,
    for a doc without whitespace tokens or with nothing else)."""
    if not len(doc):
        return None
    space = doc.to_array(IS_SPACE).astype(bool)
    if not space.any() or space.all():
        return None
    return (~space).nonzero()[0]


def without_space(doc: Doc) -> tuple[Doc, numpy.ndarray | None]:
    """The doc the network reads, and the indices of its tokens in ``doc`` (None: the doc itself)."""
    keep = kept(doc)
    if keep is None:
        return doc, None
    texts = token_texts(doc)  # the shared token texts, not a Token object per word
    view = Doc(doc.vocab, words=[texts[i] for i in keep.tolist()])
    view.from_array([NORM], doc.to_array([NORM]).reshape(len(doc), -1)[keep])
    return view, keep


def spread(probs: numpy.ndarray, keep: numpy.ndarray | None, n: int) -> numpy.ndarray:
    """Probabilities over the kept tokens -> over all ``n`` tokens; a whitespace token gets the
    element-wise minimum of its nearest kept neighbours (the one neighbour at a document edge)."""
    if keep is None:
        return probs
    out = numpy.empty((n, probs.shape[1]), dtype=probs.dtype)
    out[keep] = probs
    gap = numpy.ones(n, dtype=bool)
    gap[keep] = False
    gaps = gap.nonzero()[0]
    pos = keep.searchsorted(gaps)  # index in keep of the next kept token
    nxt = numpy.minimum(pos, len(keep) - 1)
    prv = numpy.maximum(pos - 1, 0)
    out[gaps] = numpy.minimum(probs[nxt], probs[prv])
    return out
