"""Span hygiene: rules applied to decoded PICO spans before they leave the tagger.

The heads fire per token, so a run over the threshold can be a visibly broken span. Each rule
names one defect class (the same classes :mod:`claimex.evaluate.spans` counts):

* ``sentence`` - a span never crosses a sentence boundary of the pipeline's own sentences
  (``claimex_sentences``): it is split there;
* ``clause`` - a ``;`` or ``=`` splits a span (``98 patients were enrolled; 71 were``,
  ``N.=35``); the name before ``=`` and the value after it go with the ``=``;
* ``bracket`` - brackets are balanced: an opening bracket whose partner follows within a few
  tokens is taken in (``acute kidney injury ( AKI )``), otherwise the span is cut at it; an
  unmatched closing bracket cuts the span (``A ) stockings`` -> ``stockings``); a span that is
  wholly one bracketed group loses the brackets;
* ``date`` / ``org`` - dates (``May 3 and June``, ``between 2010 and 2012``), funders, trial
  registries and statistics software (``SPSS``) are cut out; a span in a funding or registration
  sentence is dropped;
* ``edge`` - leading/trailing punctuation, function words (``duration of the``), trailing
  adverbs (``randomly``) and a trailing number (``pain [40``; not after a naming word: ``type 2``,
  ``day 28``) are trimmed, repeatedly;
* ``truncated`` - a span ending on an adjective-like word followed by a noun-like word of the same
  sentence grows over it (``Hepatic arterial`` -> ``Hepatic arterial chemoembolization``), an
  outcome over a head noun right after it (``urinary 5-HIAA`` -> ``urinary 5-HIAA decrease``), and a
  span that covers part of a mention of an abbreviation's long form grows to the whole mention.

Where a rule splits a span, the pieces that hold a seed token (a token over the class threshold,
what a span must start from in :func:`.decode.decode`) are kept; without probabilities (propagated
mentions) every piece with a content word is kept. A span without a content word is dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc

from ..abbreviations import abbreviation_rows
from ..tokens import SEP, token_lowers, token_texts
from .words import (
    ARM_NOUNS,
    CLAUSE_CHARS,
    CLOSE,
    FUNCTION_WORDS,
    HAS_BRACKET,
    MAX_GROW,
    MAX_LONG_FORM,
    MONTHS,
    NAMES,
    NAMING_WORDS,
    OFF_TOPIC_SENTENCE,
    OPEN,
    OUTCOME_HEADS,
    PAIR,
    REGISTRY_PREFIXES,
    REGISTRY_START,
    TRAILING_ADVERBS,
    UNITS,
    adjective_like,
    blocked_kind,
    ends_numeric,
    ends_on_function_word,
    has_alnum,
    is_content,
    is_number,
)


def tokens_at(joined: str, positions: list[int]) -> list[int]:
    """The token each of the ascending character ``positions`` of ``joined`` (the token texts joined by
    ``SEP``, which no token text holds) lies in: the separators before it, counted in C (``str.count``) from the
    previous position on - no offsets array of the whole doc (its lengths cost a ``to_array`` column or a pass over
    the texts)."""
    out, k, prev = [], 0, 0
    for p in positions:
        k += joined.count(SEP, prev, p)
        prev = p
        out.append(k)
    return out


def abbreviation_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """``(short start, short end, long start, long end)``, token offsets, of each of ``doc._.abbreviations`` that has
    a long form, in their order (:func:`~claimex.annotate.abbreviations.abbreviation_rows`: the rows the detector
    recorded, no ``Span._`` read per short form). Read once per doc for the readers that need only the bounds."""
    return [(r[0], r[1], r[4], r[5]) for r in abbreviation_rows(doc)]


class SpanHygiene:
    """The hygiene rules for one document (token views computed once per doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        if n:  # token texts from the string store: no Token objects (they cost more than the rules)
            # the two columns the token texts do not give (``to_array`` costs ~200 instructions per token and
            # column): a lexeme's ORTH and IS_DIGIT are its text and ``str.isdigit`` of it, the months are tested on
            # the lower-cased texts, and the token of a character of `joined` is found by counting separators
            # (:func:`tokens_at`; was an offsets array from the LENGTH column)
            arr = doc.to_array([SENT_START, LOWER])
            self.text = text = token_texts(doc)
            starts = arr[:, 0].astype("int64") == 1
            starts[0] = True
            self.sent = starts.cumsum().tolist()
            # one string of all tokens (separator \x01): the per-token scans below run as C regexes
            joined = SEP.join(text)
            self.lower = lower = token_lowers(doc)  # the lower case of `joined`, split (made once per doc)
            self.lower_ids = arr[:, 1]  # LOWER ids (mention propagation compares these)
            self.delta = self._bracket_deltas(joined, n)
            # tokens a cut rule may apply to (";", "=", candidates for dates, names, registries, software)
            # (a month, the number before it, an all-digit token - years -, a funder/software name, a
            # registry number, ";" or "=": what blocked_kind and the clause rule can apply to); the set tests
            # run in C, the month and name tests only where the doc holds one (rare)
            self.special = set(compress(range(n), map(str.isdigit, text)))
            if not MONTHS.isdisjoint(lower):
                months = list(compress(range(n), map(MONTHS.__contains__, lower)))
                self.special.update(months, [j - 1 for j in months if j])
            if not NAMES.isdisjoint(text):
                self.special.update(compress(range(n), map(NAMES.__contains__, text)))
            # the token's start in `joined`; the scan only where a registry prefix occurs at all (rare)
            hits = [m.start() for m in REGISTRY_START.finditer(SEP + joined)] \
                if any(p in joined for p in REGISTRY_PREFIXES) else []
            hits += [m.start() for m in CLAUSE_CHARS.finditer(joined)]
            if hits:
                self.special.update(tokens_at(joined, sorted(hits)))
        else:
            self.text, self.sent, self.lower, self.delta, self.special = [], [], [], [], set()
            self.lower_ids = numpy.zeros(0, dtype="uint64")
        self._off_topic: dict[int, bool] = {}
        self._shorts: frozenset | None = None
        self._long: list[tuple[int, int]] | None = None
        self._pairs: list[tuple[int, int, int, int]] | None = None
        self._long_starts: list[int] = []

    @staticmethod
    def _bracket_deltas(joined: str, n: int) -> list[int]:
        """Opening minus closing brackets per token, from one scan of the joined token texts (the few brackets
        added one by one to a list of zeros: no array of the whole doc to convert)."""
        pos = [m.start() for m in HAS_BRACKET.finditer(joined)]
        delta = [0] * n
        for k, p in zip(tokens_at(joined, pos), pos):
            delta[k] += 1 if joined[p] in OPEN else -1
        return delta

    # -- helpers -----------------------------------------------------------------------------
    def _content(self, s: int, e: int) -> bool:
        return any(map(is_content, self.text[s:e], self.lower[s:e]))

    def off_topic(self, i: int) -> bool:
        """Is token ``i`` in a funding / registration / conflict-of-interest sentence?"""
        sid = self.sent[i]
        if sid not in self._off_topic:
            k = i
            while k > 0 and self.sent[k - 1] == sid:
                k -= 1
            head = " ".join(self.text[k:k + 4])
            self._off_topic[sid] = bool(OFF_TOPIC_SENTENCE.match(head))
        return self._off_topic[sid]

    def _sentence_text(self, i: int) -> str:
        sid = self.sent[i]
        a = b = i
        while a > 0 and self.sent[a - 1] == sid:
            a -= 1
        while b < len(self.sent) and self.sent[b] == sid:
            b += 1
        return " ".join(self.text[a:b])

    def blocked(self, k: int) -> bool:
        """Token ``k`` is a date, a funder/registry or statistics-software name (never PICO)."""
        return k in self.special and blocked_kind(self.text, k, self._sentence_text, self.shorts) is not None

    @property
    def shorts(self) -> frozenset:
        """The document's abbreviation short forms (computed when a software name needs them)."""
        if self._shorts is None:
            doc = self.doc
            self._shorts = frozenset(a.text for a in doc._.abbreviations) \
                if doc.has_extension("abbreviations") and doc._.abbreviations else frozenset()
        return self._shorts

    # -- the rules ---------------------------------------------------------------------------
    def split(self, s: int, e: int) -> list[tuple[int, int]]:
        """Pieces of [s, e) between sentence boundaries, ``;``/``=`` clauses and blocked tokens."""
        if self.sent[s] == self.sent[e - 1] and self.special.isdisjoint(range(s, e)):
            return [(s, e)]
        pieces, a, k = [], s, s
        while k < e:
            cut = self._cut(k, a, e)
            if cut is None:
                k += 1
                continue
            pieces.append((a, cut[0]))
            a, k = cut[1], max(cut[1], k + 1)
        pieces.append((a, e))
        return [(x, y) for x, y in pieces if y > x]

    def _cut(self, k: int, a: int, e: int) -> tuple[int, int] | None:
        """The tokens to cut out at ``k`` (an empty range at a sentence start), or None."""
        t = self.text[k]
        if k > a and self.sent[k] != self.sent[k - 1]:
            return k, k
        if t == ";":
            return k, k + 1
        if "=" in t and not t.isalnum():  # "N.=35", "n = 30": the name before, the value after
            lo = k - 1 if t.startswith("=") and k - 1 >= a and len(self.text[k - 1]) <= 8 else k
            hi = k + 1
            while hi < e and (is_number(self.text[hi]) or self.text[hi] == "%"):
                hi += 1
            if hi < e and hi > k + 1 and self.lower[hi] in UNITS:  # "Mage = 67.5 years"
                hi += 1
            return lo, hi
        if self.blocked(k):
            hi = k + 1
            while hi < e and (self.blocked(hi) or is_number(self.text[hi]) or self.text[hi] in (",", "-", "–")
                              or self.lower[hi] in ("and", "to", "of", "the")):
                hi += 1
            return k, hi
        return None

    def brackets(self, s: int, e: int) -> list[tuple[int, int]]:
        """Balance brackets (counted in characters, so ``Drp1(Ser-616`` opens one): take in a near
        partner of a single unmatched opening bracket, else cut at every unmatched bracket."""
        delta = self.delta
        while s < e - 1 and self.text[s] in OPEN and self.text[e - 1] in CLOSE and self._partner(s, e, 0) == e - 1:
            s, e = s + 1, e - 1
        if not any(delta[s:e]):
            return [(s, e)]
        stack: list[int] = []
        cuts: list[int] = []
        for k in range(s, e):
            d = delta[k]
            if d > 0:
                stack.extend([k] * d)
            elif d < 0:
                for _ in range(-d):
                    if stack:
                        stack.pop()
                    else:
                        cuts.append(k)
                        break
        if stack and not cuts and len(set(stack)) == 1:
            close = self._partner(stack[0], e)
            if close is not None and all(self._cut(k, s, close + 1) is None for k in range(e, close + 1)):
                return [(s, close + 1)]
        cuts = sorted(set(cuts + stack))
        if not cuts:
            return [(s, e)]
        out, a = [], s
        for c in cuts:
            out.append((a, c))
            a = c + 1
        out.append((a, e))
        return [(x, y) for x, y in out if y > x]

    def _partner(self, o: int, e: int, reach: int = 4) -> int | None:
        """The token that closes the bracket opened at ``o``, at most ``reach`` tokens after ``e``
        and in the same sentence."""
        depth = 0
        for k in range(o, min(len(self.text), e + reach)):
            if self.sent[k] != self.sent[o]:
                return None
            depth += self.delta[k]
            if depth <= 0 and k > o or depth <= 0 and self.delta[o] <= 0:
                return k if depth == 0 else None
        return None

    def trim(self, s: int, e: int) -> tuple[int, int]:
        """Trim edge punctuation, function words, trailing adverbs and a trailing number."""
        text, lower = self.text, self.lower
        while s < e:
            changed = False
            t, lw = text[s], lower[s]
            if t.isspace() or (not has_alnum(t) and t not in OPEN) or lw in FUNCTION_WORDS:
                s, changed = s + 1, True
            t, lw = text[e - 1], lower[e - 1]
            if e > s and (t.isspace() or (not has_alnum(t) and t not in CLOSE)
                          or ends_on_function_word(t)
                          or (t in CLOSE and not any(text[k] == PAIR[t] for k in range(s, e - 1)))
                          or (ends_numeric(t) and not (e - 2 >= s and lower[e - 2] in NAMING_WORDS))):
                e, changed = e - 1, True
            if not changed:
                break
        return s, e

    def long_forms(self) -> list[tuple[int, int]]:
        """Every mention (case-insensitive) of an abbreviation's long form, as token ranges."""
        if self._long is None:
            found: set[tuple[int, int]] = set()
            pairs = self.abbreviation_bounds()
            if pairs:
                lengths: dict[str, set[int]] = {}  # first word -> lengths of the long forms it starts
                words = set()
                for _, _, a, b in pairs:
                    if 2 <= b - a <= MAX_LONG_FORM:
                        words.add(tuple(self.lower[a:b]))
                        lengths.setdefault(self.lower[a], set()).add(b - a)
                if words:  # one pass over the tokens (linear in the document; the first-word test runs in C)
                    low = self.lower
                    for i in compress(range(len(low)), map(lengths.__contains__, low)):
                        for n in lengths[low[i]]:
                            if i + n <= len(low) and tuple(low[i:i + n]) in words:
                                found.add((i, i + n))
            self._long = sorted(found)
            self._long_starts = [a for a, _ in self._long]
        return self._long

    def abbreviation_bounds(self) -> list[tuple[int, int, int, int]]:
        """:func:`abbreviation_bounds` of the doc, read once (the long-form mentions and mention propagation)."""
        if self._pairs is None:
            self._pairs = abbreviation_bounds(self.doc)
        return self._pairs

    def grow(self, s: int, e: int, label: str) -> tuple[int, int]:
        """Grow a truncated name: to a partly covered long-form mention, then over the noun after
        a final adjective-like word (same sentence; not over an arm noun for interventions), and an
        outcome over the head noun right after it (``urinary 5-HIAA decrease``)."""
        mentions = self._long if self._long is not None else self.long_forms()
        # mentions are sorted and at most MAX_LONG_FORM tokens long: none before k can reach s, none
        # from the first that starts at or after e on (e only grows while they are visited in order)
        k = bisect_left(self._long_starts, s - MAX_LONG_FORM) if mentions else 0
        while k < len(mentions) and mentions[k][0] < e:
            a, b = mentions[k]
            if s < b and not (s <= a and b <= e) and self.sent[a] == self.sent[b - 1] == self.sent[s]:
                s, e = min(s, a), max(e, b)
            k += 1
        n = len(self.text)
        while s > 0 and self.text[s].startswith("-") and len(self.text[s]) > 1 and not self.doc[s - 1].whitespace_ \
                and self.text[s - 1][-1:].isalnum() and self.sent[s - 1] == self.sent[s]:
            s -= 1  # "-resistant NSCLC cells" -> "gefitinib -resistant NSCLC cells" (one word split by the tokenizer)
        grown = 0
        while grown < MAX_GROW and e < n and adjective_like(self.text[e - 1], self.lower[e - 1]):
            nxt, low = self.text[e], self.lower[e]
            if not (nxt.isalpha() and nxt.islower() and len(nxt) >= 3 and is_content(nxt, low)) \
                    or low in TRAILING_ADVERBS or low.endswith("ly") or self.sent[e] != self.sent[e - 1] \
                    or (label in ("INTERVENTION", "COMPARATOR") and low in ARM_NOUNS) or self.blocked(e):
                break
            e += 1
            grown += 1
        if label == "OUTCOME" and e < n and self.lower[e] in OUTCOME_HEADS and self.sent[e] == self.sent[e - 1] \
                and self.lower[e - 1] not in OUTCOME_HEADS and is_content(self.text[e - 1], self.lower[e - 1]):
            e += 1
        return s, e

    def clean(self, s: int, e: int, label: str, seed: Sequence[bool] | numpy.ndarray | None = None
              ) -> list[tuple[int, int]]:
        """The hygienic pieces of span [s, e): split, bracket-balanced, trimmed, grown, with content.
        ``seed`` (per doc token, optional): where a split leaves several pieces, keep those holding a
        seed token."""
        if e <= s or self.off_topic(s):
            return []
        pieces = []
        for a, b in self.split(s, e):
            a, b = self.trim(a, b)
            for x, y in self.brackets(a, b):
                if (x, y) != (a, b):
                    x, y = self.trim(x, y)
                if y > x and self._content(x, y):
                    pieces.append((x, y))
        if len(pieces) > 1 and seed is not None:
            seeded = [p for p in pieces if any(seed[p[0]:p[1]])]
            pieces = seeded or pieces
        out = []
        for x0, y0 in pieces:
            x, y = self.grow(x0, y0, label)
            if (x, y) != (x0, y0) or self.text[x] in OPEN:
                fixed = self.brackets(x, y)
                if fixed != [(x, y)]:  # growth never unbalances a span
                    x, y = self.trim(*fixed[0])
                if not (y > x and self._content(x, y)):
                    continue
            if (x, y) not in out:
                out.append((x, y))
        return out
