"""Shared pieces of claim assembly: a per-sentence view of a Record, cue patterns, word keys.

Every other module of :mod:`claimex.assemble.claims` works on :class:`SentenceView` objects
(the sentence text plus the entities and measures that lie inside it) so that it needs
nothing but the :class:`~claimex.schema.Record`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ...schema import Entity, Measure, Record

Item = Entity | Measure


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    text: str
    section: str | None
    entities: list[Entity] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    position: float = 0.0  # index among the abstract's sentences, scaled to 0..1
    is_last: bool = False
    not_arms: list[tuple[int, int]] = field(default_factory=list)  # I/C spans settled as outcomes (absolute)
    _cache: dict = field(default_factory=dict, repr=False)

    def label(self, *labels: str) -> list[Entity]:
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
    spans = sorted((r[0], r[1]) for r in ranges)
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
            pieces.append("".join(ch if ch in _BRACKETS else " " for ch in part))
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


def sentence_views(record: Record) -> list[SentenceView]:
    """One view per sentence of ``record``, with the items that lie inside it."""
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

    for ent in record.entities:
        view = place(ent)
        if view is not None:
            view.entities.append(ent)
    for measure in record.measures:
        view = place(measure)
        if view is not None:
            view.measures.append(measure)
    return views


def cues(*words: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """A word-bounded alternation of regex fragments (each starting with a plain letter). A lookahead
    on the possible first letters lets the engine skip most positions quickly, and the fragments are
    grouped by their first letter (:func:`_by_first_letter`) so that each position tries one group."""
    body = "(?:" + "|".join(words) + r")(?![\w-])"
    if not all(w[:1].isalpha() for w in words):
        return re.compile(r"(?<![\w-])" + body, flags)
    body = _by_first_letter(words, flags) + r"(?![\w-])"
    firsts = "".join(sorted({w[0].lower() for w in words} | {w[0].upper() for w in words}))
    return re.compile(r"\b(?=[" + firsts + r"])(?<![-])" + body, flags)


def _by_first_letter(words: Sequence[str], flags: int) -> str:
    """``(?:s(?:howed|hown)|d(?:ied|eaths?))`` for the fragments ``showed, died, shown, deaths?``: the same
    matches as the plain alternation (each fragment starts with an ASCII letter that no quantifier
    follows, and has no ``|`` of its own; fragments of different first letters cannot match at the same
    position, and within a letter the order is kept), but the engine, which tries a case-insensitive
    alternation one branch at a time, tests one branch per letter. Falls back to the plain alternation."""
    plain = "(?:" + "|".join(words) + ")"
    if not all(w[:1].isascii() and w[:1].isalpha() and w[1:2] not in ("?", "*", "+", "{") and not _top_level_bar(w)
               for w in words):
        return plain
    groups: dict[str, list[str]] = {}
    for w in words:
        key = w[0].lower() if flags & re.IGNORECASE else w[0]
        groups.setdefault(key, []).append(w[1:])
    alts = [first + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for first, rests in groups.items()]
    return "(?:" + "|".join(alts) + ")"


def _top_level_bar(fragment: str) -> bool:
    """Does ``fragment`` have a ``|`` outside brackets and character classes?"""
    depth, k, in_class = 0, 0, False
    while k < len(fragment):
        ch = fragment[k]
        if ch == "\\":
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if fragment[k + 1:k + 2] == "]":
                k += 1  # "[]...]": a leading ] belongs to the class
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        k += 1
    return False


def _shortest(keywords: Iterable[str]) -> tuple[str, ...]:
    """The keywords that contain no other keyword (a keyword that contains another occurs only where the
    shorter one does), in their first order: what a gate has to look for."""
    keys = list(dict.fromkeys(keywords))
    return tuple(k for k in keys if not any(o != k and o in k for o in keys))


#: letters that an IGNORECASE pattern matches to an ASCII letter but ``str.lower`` does not turn into one
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


_FOLDED: dict[str, tuple[str, bool]] = {}


def _folded(text: str) -> tuple[str, bool]:
    """(``text.lower()``, whether ``text`` has a letter of :data:`_CASE_ODD`), kept for the last few thousand
    texts: the gates of claim assembly test one sentence (or its masked form) many times in a row (440,087
    gate checks of 38,538 distinct texts in one pass over ``bench/identity.py``'s 1,087 records)."""
    got = _FOLDED.get(text)
    if got is None:
        if len(_FOLDED) >= 4096:
            _FOLDED.clear()
        # ``_CASE_ODD.search(text) is not None`` written as four substring tests (one C scan each, no regex)
        odd = not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)
        got = _FOLDED[text] = (text.lower(), odd)
    return got


class Gated:
    """A regex tried only when one of its keywords occurs in the lower-cased text: a cheap prefilter.
    Every match of the pattern must contain one of the keywords. The gate is a loop of substring tests
    (``str.__contains__``, a C search per keyword): over the 60,583 gate checks of claim assembly on the
    537 abstracts of ``bench/speed.py`` it took 176 ms against 257 ms for one regex scan of a trie of the
    keywords (which enters the trie at almost every position of the text). The lower-cased text is shared by
    the gates (:func:`_folded`)."""

    def __init__(self, pattern: re.Pattern, keywords: Iterable[str]):
        self.pattern = pattern
        self.keywords = tuple(keywords)
        self._keys = _shortest(self.keywords)

    def closed(self, text: str) -> bool:
        """No keyword in ``text``, so no match (letters that IGNORECASE folds oddly keep the gate open)."""
        low, odd = _folded(text)
        for key in self._keys:
            if key in low:
                return False
        return not odd

    def search(self, text: str) -> re.Match | None:
        # :meth:`closed` and :func:`_folded`'s lookup written out: ~440,000 calls in a pass over bench/identity.py's
        # records, two Python calls fewer each
        got = _FOLDED.get(text)
        low, odd = got if got is not None else _folded(text)
        for key in self._keys:
            if key in low:
                return self.pattern.search(text)
        return self.pattern.search(text) if odd else None

    def sub(self, repl: str, text: str) -> str:
        return text if self.closed(text) else self.pattern.sub(repl, text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        return iter(()) if self.closed(text) else self.pattern.finditer(text)


_DIGIT = re.compile(r"\d")


class NeedsDigit(Gated):
    """A regex every match of which holds a digit (``\\d``, any Unicode digit): tried only on texts with one
    (one ``\\d`` scan, no keywords)."""

    def __init__(self, pattern: re.Pattern):
        super().__init__(pattern, ())

    def closed(self, text: str) -> bool:
        return _DIGIT.search(text) is None

    def search(self, text: str) -> re.Match | None:
        return None if _DIGIT.search(text) is None else self.pattern.search(text)


class GatedBoth(Gated):
    """A :class:`Gated` regex with a second keyword set: every match contains one of ``keywords`` and one of
    ``also``, so the pattern is tried only when the text has one of each."""

    def __init__(self, pattern: re.Pattern, keywords: Iterable[str], also: Iterable[str]):
        super().__init__(pattern, keywords)
        self.also = tuple(also)
        self._also = _shortest(self.also)

    def closed(self, text: str) -> bool:
        low, odd = _folded(text)
        return not odd and not (any(k in low for k in self._keys) and any(k in low for k in self._also))

    def search(self, text: str) -> re.Match | None:
        # :meth:`closed` written out as loops (no generator per test), as in :meth:`Gated.search`
        got = _FOLDED.get(text)
        low, odd = got if got is not None else _folded(text)
        if not odd:
            for key in self._keys:
                if key in low:
                    break
            else:
                return None
            for key in self._also:
                if key in low:
                    break
            else:
                return None
        return self.pattern.search(text)


class Anchored(Gated):
    """A :class:`Gated` regex that can match only at the start of the text (``^...`` with no top-level ``|``, no
    MULTILINE): the regex, which the engine tries at one position, is cheaper than the gate's substring tests, so it
    runs first and the gate is asked only about a match. Same answer as :meth:`Gated.search`."""

    def __init__(self, pattern: re.Pattern, keywords: Iterable[str]):
        if not pattern.pattern.startswith("^") or _top_level_bar(pattern.pattern) or pattern.flags & re.MULTILINE:
            raise ValueError(f"not anchored at the text's start: {pattern.pattern[:60]!r}")
        super().__init__(pattern, keywords)

    def search(self, text: str) -> re.Match | None:
        m = self.pattern.search(text)
        return None if m is None or self.closed(text) else m


class Alternation:
    """A top-level alternation ``A1|A2|...|An`` cut into consecutive runs of its alternatives, each run a
    :class:`Gated` regex with its own keywords: only the runs whose keywords occur are scanned. ``search``
    gives the same match as the whole pattern (``pattern``, the runs joined with ``|``): the leftmost start
    over the runs, at a tie the earlier run (its alternatives come first in the whole). Every alternative
    must be self-contained (its own ``\\b``, no group spanning a ``|`` between runs); same flags in all."""

    def __init__(self, runs: Sequence[Gated]):
        self.runs = tuple(runs)
        self.pattern = re.compile("|".join(r.pattern.pattern for r in self.runs), self.runs[0].pattern.flags)
        # per run (regex, keywords) for a plain :class:`Gated`, whose gate is tested here on the text folded once
        # (:meth:`Gated.search` written out: no call and no fold lookup per run); (None, run) for other gates
        self._gates = tuple((r.pattern, r._keys) if type(r) is Gated else (None, r) for r in self.runs)

    def _matches(self, text: str) -> Iterator[re.Match]:
        """The match of each run, in run order (a run whose gate is closed is skipped)."""
        got = _FOLDED.get(text)
        low, odd = got if got is not None else _folded(text)
        for pattern, keys in self._gates:
            if pattern is None:
                m = keys.search(text)
            else:
                for key in keys:
                    if key in low:
                        break
                else:
                    if not odd:
                        continue
                m = pattern.search(text)
            if m is not None:
                yield m

    def search(self, text: str) -> re.Match | None:
        best = None
        for m in self._matches(text):
            if best is None or m.start() < best.start():
                best = m
                if best.start() == 0:
                    break  # no run can start earlier, and a later one loses the tie
        return best

    def found(self, text: str) -> bool:
        """``search(text) is not None``, stopping at the first run that matches (no leftmost match to find)."""
        for _m in self._matches(text):
            return True
        return False


class EndCue:
    """A pattern that must end the text (``pattern``: ``...$``, no lookaround, no backreference), searched as
    its mirror image: ``reversed_pattern`` (the same language read backwards, written out by hand) matched at the
    start of the reversed text. ``search`` is truthy exactly when ``pattern.search`` finds a match; it returns
    the match of the reversed text, so callers may use it only as a yes/no. The forward search tries every
    start position of the text and the alternation at each; the mirror tries one position."""

    def __init__(self, pattern: re.Pattern, reversed_pattern: re.Pattern):
        self.pattern = pattern
        self.reversed_pattern = reversed_pattern

    def search(self, text: str) -> re.Match | None:
        rev = text[::-1]
        m = self.reversed_pattern.match(rev)
        if m is None and rev[:1] == "\n":  # ``$`` also matches before a final newline
            m = self.reversed_pattern.match(rev, 1)
        return m


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


def entity_words(entity: Entity) -> frozenset[str]:
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
