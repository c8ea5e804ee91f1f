"""Shared pieces of claim assembly: a per-sentence view of a Record, word keys (cue patterns and their gates:
:mod:`.gates`).

Every other module of :mod:`claimex.assemble.claims` works on :class:`SentenceView` objects
(the sentence text plus the entities and measures that lie inside it) so that it needs
nothing but the :class:`~claimex.schema.Record`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...schema import Entity, Measure, Record
from .plain import PlainEntity, PlainMeasure, plain_entities

Item = Entity | PlainEntity | Measure | PlainMeasure


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    text: str
    section: str | None
    entities: list[PlainEntity] = field(default_factory=list)
    measures: list[PlainMeasure] = field(default_factory=list)
    position: float = 0.0  # index among the abstract's sentences, scaled to 0..1
    is_last: bool = False
    not_arms: list[tuple[int, int]] = field(default_factory=list)  # I/C spans settled as outcomes (absolute)
    _cache: dict = field(default_factory=dict, repr=False)

    def label(self, *labels: str) -> list[PlainEntity]:
        return [e for e in self.entities if e.label in labels]

    def local(self, item: Item) -> tuple[int, int]:
        return item.start - self.start, item.end - self.start

    def between(self, start: int, end: int) -> str:
        """Text between two absolute offsets (empty when they are out of order)."""
        return self.text[max(start, self.start) - self.start:max(end, self.start) - self.start] if end > start else ""

    def masked(self, *labels: str) -> str:
        """The sentence with the spans of entities of ``labels`` blanked out (same length), so that
        cue words inside names ("urinary 5-HIAA decrease") do not count as cues."""
        got = self._cache.get(labels)  # keyed by the labels tuple (the other cache keys are strings)
        if got is None:
            got = self._cache[labels] = self._mask(labels)
        return got

    def cached(self, key: str, make):
        """``make()``, computed once per sentence view and kept under ``key``."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _mask(self, labels) -> str:
        at = self.start  # :meth:`local` written out (~78,000 spans a pass)
        return blank(self.text, [(ent.start - at, ent.end - at) for ent in self.entities if ent.label in labels])


_BRACKETS = frozenset("()[]")


def blank(text: str, ranges: Iterable[tuple[int, ...]]) -> str:
    """``text`` with the characters of each (start, end, ...) range replaced by spaces (same length).
    Brackets stay: a span that ends inside "(>50% urinary 5-HIAA decrease: 57-91%)" must not unbalance
    the bracket that later rules use to skip bracketed labels. Built from slices of ``text`` between the
    sorted ranges (a bracket-free range is one run of spaces); :func:`_blank_chars`, the character list, for
    offsets outside the text."""
    n = len(text)
    spans = sorted([(r[0], r[1]) for r in ranges])  # a list, not a generator (~1,500 calls a pass)
    if not spans:
        return text
    if spans[0][0] < 0:
        return _blank_chars(text, spans)  # slice semantics of negative / overlong offsets
    for _a, b in spans:  # a loop, not ``any`` over a generator: ~28,000 calls a pass
        if b < 0 or b > n:
            return _blank_chars(text, spans)
    pieces, pos = [], 0
    for a, b in spans:  # sorted: each range blanks what the ranges before it did not
        a = max(a, pos)
        if b <= a:
            continue
        pieces.append(text[pos:a])
        part = text[a:b]
        if "(" in part or ")" in part or "[" in part or "]" in part:
            pieces.append("".join([ch if ch in _BRACKETS else " " for ch in part]))
        else:
            pieces.append(" " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _blank_chars(text: str, ranges: Iterable[tuple[int, ...]]) -> str:
    """:func:`blank` one character at a time, with Python's slice semantics for any offsets."""
    chars = list(text)
    for a, b, *_ in ranges:
        chars[a:b] = [ch if ch in _BRACKETS else " " for ch in chars[a:b]]
    return "".join(chars)


def sentence_views(record: Record, entities: list[PlainEntity] | None = None) -> list[SentenceView]:
    """One view per sentence of ``record``, with the items that lie inside it: ``entities``, the record's entities as
    :func:`.plain.plain_entities` copies them (made here when not given), and its measures, copied
    (:class:`.plain.PlainMeasure`)."""
    sents = record.sentences
    starts = [s.start for s in sents]
    views = [
        SentenceView(index=k, start=s.start, end=s.end, text=record.text[s.start:s.end], section=s.section,
                     position=k / max(len(sents) - 1, 1), is_last=k == len(sents) - 1)
        for k, s in enumerate(sents)
    ]

    def place(item: Item) -> SentenceView | None:
        k = bisect_left(starts, item.start + 1) - 1
        if 0 <= k < len(views) and item.start >= views[k].start and item.end <= views[k].end:
            return views[k]
        return None

    for ent in plain_entities(record) if entities is None else entities:
        view = place(ent)
        if view is not None:
            view.entities.append(ent)
    for measure in record.measures:
        view = place(measure)
        if view is not None:
            view.measures.append(PlainMeasure(measure))
    return views


# -- word keys (entity identity across mentions, MeSH matching) ------------------------------------
_WORD = re.compile(r"[a-z0-9]+(?:'s)?")
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "by", "from", "as", "into", "than",
     "that", "this", "these", "those", "its", "their", "his", "her", "patients", "patient", "subjects",
     "participants", "group", "groups", "arm", "arms", "treatment", "treated", "therapy", "receiving", "received",
     "who", "which", "were", "was", "be", "been", "being", "is", "are", "use", "using", "plus", "versus", "vs",
     "alone", "only", "both", "either", "each", "other"]
)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, singular (a fresh list; the words of a text are cached)."""
    return list(_words(text))


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(singular(w) for w in _WORD.findall(text.lower()))


def content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w not in STOPWORDS and not w.isdigit()]


@lru_cache(maxsize=65536)
def same_stem(a: str, b: str) -> bool:
    """Equal, or sharing a prefix of at least 5 letters that covers 3/4 of the shorter word
    (``arterial``/``artery``, ``therapeutic``/``therapy``; not ``chemotherapy``/``chemoembolization``)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    if n < 5:
        return False
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k >= 5 and k >= 0.75 * n


def shares_stem(word: str, others: frozenset[str] | set[str]) -> bool:
    """``any(same_stem(word, v) for v in others)`` without a call per word of the set ``others`` (session 19,
    issue 13): ``word`` itself is in it, or - at 5 letters or more, since :func:`same_stem` needs a common prefix of
    5 - a word of it begins with ``word``'s first five letters and :func:`same_stem` agrees."""
    if word in others:
        return True
    if len(word) < 5:
        return False
    head = word[:5]
    for v in others:
        if v.startswith(head) and same_stem(word, v):
            return True
    return False


def entity_words(entity: Entity | PlainEntity) -> frozenset[str]:
    """Content words of an entity, its abbreviations expanded."""
    return _word_key(entity.expanded or entity.text)


@lru_cache(maxsize=8192)
def _word_key(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
