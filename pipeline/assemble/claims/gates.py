"""Cue patterns of claim assembly and the cheap gates in front of them.

A cue pattern (:func:`cues`) is a word-bounded alternation of regex fragments; a gate (:class:`Gated` and its
kinds) runs it only on texts that hold one of its literal keywords (a substring test on the case-folded text),
which is what keeps claim assembly within its share of the pipeline's time (issue 13). The keywords are written by
hand for most gates; :func:`prefiltered` reads them off the pattern itself (:mod:`.literals`, session 29).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .literals import required_keywords

_END = sys.maxsize


def cues(*words: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """A word-bounded alternation of regex fragments (each starting with a plain letter), opened on its first
    character (:func:`first_letter`) when they start with at most :data:`FEW_FIRSTS` letters, so that the engine
    skips to the positions of those letters. With more first letters the class stops most letters of a text and the
    look-behind-first form is as fast or faster (findall over 400 saved records' texts, issue 13); fragments it cannot
    group by first letter are tried at every position after a look-behind."""
    if flags == re.IGNORECASE and _groupable(words) and len({w[0].lower() for w in words}) <= FEW_FIRSTS:
        return first_letter(words, r"[\w-]", r"(?![\w-])")
    body = "(?:" + "|".join(words) + r")(?![\w-])"
    if not all(w[:1].isalpha() for w in words):
        return re.compile(r"(?<![\w-])" + body, flags)
    body = _by_first_letter(words, flags) + r"(?![\w-])"
    firsts = "".join(sorted({w[0].lower() for w in words} | {w[0].upper() for w in words}))
    return re.compile(r"\b(?=[" + firsts + r"])(?<![-])" + body, flags)


FEW_FIRSTS = 6
# the characters other than the ASCII letters that a case-insensitive ASCII letter matches in ``re`` (all of
# Unicode checked in tests/assemble/claims/test_gates_first_letter.py)
_FOLDS = "\u0130\u0131\u017f\u212a"


def first_letter(words: Sequence[str], behind: str, tail: str) -> re.Pattern:
    """``(?<!BEHIND)(?:WORDS)TAIL``, case-insensitive, for fragments that each start with an ASCII letter
    (:func:`_groupable`), written to open on a character class: ``[sSdD...](?<!BEHIND.)(?i:(?:(?<=s)(?:howed|hown)|
    (?<=d)(?:ied|eaths?))TAIL)``. ``re`` skips to the characters of a leading class only when it holds no cased
    letter under IGNORECASE, so the class is case-sensitive and lists every character that the first letters
    match case-insensitively; the consumed letter then picks its group by a one-character look-behind.
    ``BEHIND`` is one character wide. Same matches, spans and groups as the look-behind-first form."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:])
    letters = "".join(groups)
    firsts = "".join(c for c in letters.lower() + letters.upper() + _FOLDS
                     if re.fullmatch("[" + letters + "]", c, re.IGNORECASE))
    alts = ["(?<=" + first + ")" + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
            for first, rests in groups.items()]
    return re.compile("[" + firsts + "](?<!" + behind + ".)(?i:(?:" + "|".join(alts) + ")" + tail + ")")


def _groupable(words: Sequence[str]) -> bool:
    """Does every fragment start with an ASCII letter that no quantifier follows, with no ``|`` of its own?"""
    return all(w[:1].isascii() and w[:1].isalpha() and w[1:2] not in ("?", "*", "+", "{") and not _top_level_bar(w)
               for w in words)


def _by_first_letter(words: Sequence[str], flags: int) -> str:
    """``(?:s(?:howed|hown)|d(?:ied|eaths?))`` for the fragments ``showed, died, shown, deaths?``: the same
    matches as the plain alternation (each fragment starts with an ASCII letter that no quantifier
    follows, and has no ``|`` of its own; fragments of different first letters cannot match at the same
    position, and within a letter the order is kept), but the engine, which tries a case-insensitive
    alternation one branch at a time, tests one branch per letter. Falls back to the plain alternation."""
    if not _groupable(words):
        return "(?:" + "|".join(words) + ")"
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

    def __init__(self, pattern: re.Pattern | EndCue, keywords: Iterable[str]):
        # a regex, or an :class:`EndCue` that is only searched (never ``sub`` / ``finditer``, never a run of an
        # :class:`Alternation`: ``.armrank._NEGATED``)
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
        pattern = self.pattern
        assert isinstance(pattern, re.Pattern)  # an EndCue gate is only searched (``__init__``)
        return text if self.closed(text) else pattern.sub(repl, text)

    def finditer(self, text: str) -> Iterator[re.Match]:
        pattern = self.pattern
        assert isinstance(pattern, re.Pattern)  # an EndCue gate is only searched (``__init__``)
        return iter(()) if self.closed(text) else pattern.finditer(text)


class Prefiltered(Gated):
    """A :class:`Gated` regex whose keywords are read off the pattern (:func:`.literals.required_keywords`), with
    ``re.Pattern``'s text methods and their ``pos`` / ``endpos`` behind the same gate (a keyword missing from the
    whole text is missing from any part of it). Built by :func:`prefiltered`."""

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        return None if self.closed(text) else self._regex().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        return None if self.closed(text) else self._regex().match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        return None if self.closed(text) else self._regex().fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match]:
        return iter(()) if self.closed(text) else self._regex().finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        return [] if self.closed(text) else self._regex().findall(text, pos, endpos)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return text if self.closed(text) else self._regex().sub(repl, text, count)

    def _regex(self) -> re.Pattern:
        pattern = self.pattern
        assert isinstance(pattern, re.Pattern)  # built from a regex (``prefiltered``)
        return pattern


def prefiltered(pattern: re.Pattern) -> Prefiltered:
    """``pattern`` behind a gate of the literal keywords that every match of it holds (issue 13, session 29: half
    of the regex calls of claim assembly on new abstracts find none of them). Raises ``ValueError`` when the
    pattern requires no literal (a gate would test nothing)."""
    keywords = required_keywords(pattern.pattern, pattern.flags)
    if not keywords:
        raise ValueError(f"no literal that every match holds: {pattern.pattern[:60]!r}")
    return Prefiltered(pattern, sorted(keywords))


_DIGIT = re.compile(r"\d")


_LAST_DIGIT = re.compile(r".*\d", re.DOTALL)


class DigitsAround(Gated):
    """A regex every match of which holds a digit, then one of ``keywords`` (case-folded), then another digit
    ("16 min for intranasal and 13 min for intramuscular"): tried only on texts with a keyword between their first
    and last digit (one ``\\d`` scan each way and a substring test per keyword, where a text with digits but no
    such keyword paid the whole regex scan)."""

    def closed(self, text: str) -> bool:
        first = _DIGIT.search(text)
        if first is None:
            return True
        low, odd = _folded(text)
        if odd:  # a letter whose lower case is not one character (offsets of ``low`` would not be ``text``'s)
            return False
        last = _LAST_DIGIT.match(text)
        assert last is not None  # the text has a digit (``first``), so ``.*\d`` matches
        a, b = first.start(), last.end() - 1
        for key in self._keys:
            if low.find(key, a, b) >= 0:
                return False
        return True

    def search(self, text: str) -> re.Match | None:
        return None if self.closed(text) else self.pattern.search(text)


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
        patterns: list[re.Pattern] = []
        for r in self.runs:
            assert isinstance(r.pattern, re.Pattern)  # a run is a regex gate (an EndCue is never one: Gated)
            patterns.append(r.pattern)
        self.pattern = re.compile("|".join(p.pattern for p in patterns), patterns[0].flags)
        # per run (regex, keywords) for a plain :class:`Gated`, whose gate is tested here on the text folded once
        # (:meth:`Gated.search` written out: no call and no fold lookup per run); (None, run) for other gates
        # (Any: a (regex, keywords) pair or a (None, gate) pair, told apart by the first item)
        self._gates: tuple[tuple[Any, Any], ...] = tuple((r.pattern, r._keys) if type(r) is Gated else (None, r)
                                                         for r in self.runs)

    def search(self, text: str) -> re.Match | None:
        # each run's gate tested here on the text folded once; loops, no generator (session 13: ~118,000 calls of
        # search / found in a pass over bench/identity.py's records)
        got = _FOLDED.get(text)
        low, odd = got if got is not None else _folded(text)
        best = None
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
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if best.start() == 0:
                    break  # no run can start earlier, and a later one loses the tie
        return best

    def found(self, text: str) -> bool:
        """``search(text) is not None``, stopping at the first run that matches (no leftmost match to find)."""
        got = _FOLDED.get(text)
        low, odd = got if got is not None else _folded(text)
        for pattern, keys in self._gates:
            if pattern is None:
                if keys.search(text) is not None:
                    return True
                continue
            for key in keys:
                if key in low:
                    break
            else:
                if not odd:
                    continue
            if pattern.search(text) is not None:
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
