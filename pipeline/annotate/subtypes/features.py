"""Hashed sparse features of PICO spans, computed for all spans of a doc at once.

A feature is a (template, value) pair; values are spaCy's stable 64-bit string hashes or small
integers, so nothing depends on the vocab or on Python's randomised ``hash``. A pair goes to row
``((value ^ salt[template]) * K) >> (64 - bits)`` of the weight table (Fibonacci hashing).

Per token of the span: the lower-cased word, its 3-letter suffix, 4-letter prefix and shape
(``ddd``, ``dd-dd``, ``Xxxxx``: where the digits are) and the pair (word, next word). Per span:
a bias, the first and last word, the head (the word before the first preposition or relative
word: ``patients`` in "patients with asthma who ..."), two words of left and right context (space
tokens skipped) and the length in tokens (bucketed). The coarse label selects the classes (see
:mod:`.model`), so it needs no feature of its own.

Speed: one ``doc.to_array`` per doc, the words' properties from :data:`LEXICON`, numpy for the rest,
once per batch of docs (:func:`batch_features`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..tokens import token_orths

FEATURES_VERSION = 1
SPAN_TEMPLATES = ("bias", "first", "last", "head", "left1", "left2", "right1", "right2", "length")
TOKEN_TEMPLATES = ("word", "suffix", "prefix", "shape", "pair")
_K = numpy.uint64(0x9E3779B97F4A7C15)
_PAIR = numpy.uint64(0xC2B2AE3D27D4EB4F)
_SPAN_SALTS = numpy.array([hash_string(f"claimex-subtype:{t}") for t in SPAN_TEMPLATES], dtype=numpy.uint64)
_TOKEN_SALTS = numpy.array([hash_string(f"claimex-subtype:{t}") for t in TOKEN_TEMPLATES], dtype=numpy.uint64)
_BOS, _EOS = numpy.uint64(hash_string("<s>")), numpy.uint64(hash_string("</s>"))
_LENGTH_BINS = numpy.array([2, 3, 4, 6, 9, 15], dtype=numpy.int64)
HEAD_STOP = frozenset((
    "with", "of", "in", "who", "which", "that", "for", "from", "undergoing", "receiving", "treated", "at", "on",
    "during", "after", "before", "between", "among", "aged", "(", ",", ";", ":", "and", "or", "to", "by",
    "versus", "vs", "vs."))
_HEAD_STOP = numpy.array(sorted(hash_string(w) for w in HEAD_STOP), dtype=numpy.uint64)


class Lexicon:
    """orth -> row of a growing table of word properties: lower, suffix, prefix, shape (string
    hashes) and is_space; shared by every doc, so a word's strings are looked up once. Rows 0 and
    1 are the markers after the end and before the start of a doc."""

    MAX_ROWS = 200_000  # ~8 MB of table + the index; emptied when full (batch runs over all of PubMed)
    EOS_ROW, BOS_ROW = 0, 1

    def __init__(self) -> None:
        self.index: dict[int, int] = {}
        self.table = numpy.zeros((4096, 5), dtype=numpy.uint64)
        self.table[self.EOS_ROW, 0] = _EOS
        self.table[self.BOS_ROW, 0] = _BOS

    def start_batch(self) -> None:
        """Empty the table when it is full (between batches only: rows handed out stay valid)."""
        if len(self.index) > self.MAX_ROWS:
            self.index.clear()

    def ids(self, doc: Doc, orths: list[int]) -> list[int]:
        get = self.index.get
        out = [get(o) for o in orths]
        if None in out:
            for k, o in enumerate(orths):
                if out[k] is None:
                    row = self.index.get(o)
                    out[k] = row if row is not None else self._add(doc, o)
        return out

    def _add(self, doc: Doc, orth: int) -> int:
        row = len(self.index) + 2
        if row >= len(self.table):
            grown = numpy.zeros((2 * len(self.table), 5), dtype=numpy.uint64)
            grown[:row] = self.table[:row]
            self.table = grown
        lex = doc.vocab[orth]
        self.table[row] = (lex.lower, lex.suffix, hash_string(lex.lower_[:4]), lex.shape, int(lex.is_space))
        self.index[orth] = row
        return row


LEXICON = Lexicon()


class SpanFeatures(NamedTuple):
    """``span_rows`` (n_spans, 9): the per-span rows; ``token_rows`` (n_tokens, 5): the rows of the
    spans' tokens, span by span; ``bounds``: index of each span's first token row."""

    span_rows: numpy.ndarray
    token_rows: numpy.ndarray
    bounds: numpy.ndarray

    def flat(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """All rows of span k as ``rows[offsets[k]:offsets[k+1]]`` (for training)."""
        n = len(self.span_rows)
        ends = numpy.append(self.bounds[1:], len(self.token_rows)) if n else self.bounds
        parts = [numpy.concatenate((self.span_rows[k], self.token_rows[self.bounds[k]:ends[k]].ravel()))
                 for k in range(n)]
        lens = numpy.array([len(p) for p in parts], dtype=numpy.int64)
        rows = numpy.concatenate(parts) if parts else numpy.zeros(0, dtype=numpy.int64)
        return rows, numpy.concatenate(([0], numpy.cumsum(lens)))


def _hash(values: numpy.ndarray, salts: numpy.ndarray, bits: int) -> numpy.ndarray:
    return ((values ^ salts) * _K >> numpy.uint64(64 - bits)).astype(numpy.int64)  # uint64 arrays wrap


def span_features(doc: Doc, starts: Sequence[int], ends: Sequence[int], bits: int) -> SpanFeatures:
    """Features of the token spans ``doc[starts[k]:ends[k]]`` (an empty span counts as its start token)."""
    return batch_features([(doc, starts, ends)], bits)


def batch_features(items: Sequence[tuple[Doc, Sequence[int], Sequence[int]]], bits: int) -> SpanFeatures:
    """:func:`span_features` of several docs at once, spans in order (numpy work once per batch).

    The docs' tokens go end to end with two before-the-start and two after-the-end markers around
    each doc, so context never crosses from one doc into another."""
    lex = LEXICON
    lex.start_batch()
    ids = [lex.BOS_ROW, lex.BOS_ROW]
    starts_, ends_ = [], []
    for doc, starts, ends in items:
        if not len(starts) or not len(doc):
            continue
        off = len(ids)
        ids += lex.ids(doc, token_orths(doc).tolist())  # the doc's shared ORTH column
        ids += (lex.EOS_ROW, lex.EOS_ROW, lex.BOS_ROW, lex.BOS_ROW)
        starts_ += [a + off for a in starts]
        ends_ += [b + off for b in ends]
    n = len(starts_)
    if not n:
        return SpanFeatures(numpy.zeros((0, len(SPAN_TEMPLATES)), dtype=numpy.int64),
                            numpy.zeros((0, len(TOKEN_TEMPLATES)), dtype=numpy.int64), numpy.zeros(0, numpy.int64))
    props = lex.table[ids]
    lower = props[:, 0]
    starts = numpy.array(starts_, dtype=numpy.int64)
    ends = numpy.maximum(numpy.array(ends_, dtype=numpy.int64), starts + 1)
    lengths = ends - starts
    bounds = numpy.cumsum(lengths) - lengths
    tok = numpy.arange(bounds[-1] + lengths[-1]) + numpy.repeat(starts - bounds, lengths)
    span_end = numpy.repeat(ends, lengths)
    tvals = props[tok]
    tvals[:, 4] = tvals[:, 0] * _PAIR ^ numpy.where(tok + 1 == span_end, _EOS, lower[tok + 1])  # uint64 wraps
    # head: the word before the first stop word after the span's first token (else the last word)
    words = tvals[:, 0]
    hit = _HEAD_STOP[numpy.searchsorted(_HEAD_STOP, words) % len(_HEAD_STOP)] == words
    hit[bounds] = False
    head = numpy.minimum.reduceat(numpy.where(hit, tok, span_end), bounds) - 1
    # context: two non-space tokens (or boundary markers) each side
    nonspace = numpy.flatnonzero(props[:, 4] == 0)
    left = numpy.searchsorted(nonspace, starts)
    right = numpy.searchsorted(nonspace, ends)
    where = numpy.stack((starts, ends - 1, head, nonspace[left - 1], nonspace[left - 2], nonspace[right],
                         nonspace[right + 1]), 1)
    svals = numpy.zeros((n, len(SPAN_TEMPLATES)), dtype=numpy.uint64)
    svals[:, 1:8] = lower[where]
    svals[:, 8] = numpy.searchsorted(_LENGTH_BINS, lengths)
    return SpanFeatures(_hash(svals, _SPAN_SALTS, bits), _hash(tvals, _TOKEN_SALTS, bits), bounds)
