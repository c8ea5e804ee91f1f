"""``claimex_abbreviations``: scispaCy's AbbreviationDetector (Schwartz & Hearst) as a claimex component.

Every short form in the doc gets its long form (``HACE`` -> ``hepatic arterial
chemoembolization``), also where the short form appears later without brackets.
Results are scispaCy's ``doc._.abbreviations`` (short-form spans with ``span._.long_form``).

Bounded cost on long texts: scispaCy finds candidate ``( ... )`` groups with the Matcher pattern
``"(" + any token one or more times + ")"``, which matches every ``(`` with every later ``)``: O(n^2)
matches (measured: 3.7 GB peak RSS on a 150k-character text dense with brackets,
bench/long_text_memory.py), all but those with at most 8 tokens inside then discarded by
``filter_matches``. :class:`ParenthesisMatcher` finds exactly those (1 to 8 tokens inside) by a scan of
the doc's ORTH array, in the Matcher's order, so the candidates and therefore every result are the same,
at linear cost and without spaCy's Matcher making two Token objects per token (0.58 -> 0.05 ms per
abstract; tested against scispaCy's pattern in tests/annotate/test_abbreviations.py). Definitions still apply
document-wide: a short form defined anywhere is found everywhere in the document. scispaCy finds those
occurrences with a ``Matcher`` holding one pattern per short form, whose cost grows with the number of short
forms times the length of the document (quadratic on a long text that defines many); :class:`ShortFormMatcher`
finds the same exact token sequences with one pass and a dictionary lookup per token.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import numpy
from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .longforms import plausible
from .tokens import token_texts

# scispaCy's filter_matches drops groups with more than 8 tokens inside the brackets; match only the others
MAX_INSIDE = 8


class ParenthesisMatcher:
    """scispaCy's candidate pattern ``[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]`` restricted to groups with
    at most :data:`MAX_INSIDE` tokens inside: the same ``(key, start, end)`` list in the same order as spaCy's
    Matcher (by end, then by start from the nearest ``(`` outwards), found from the doc's ORTH array."""

    def __init__(self, vocab: Vocab):
        self.key = vocab.strings.add("parenthesis")
        self.open = vocab.strings.add("(")
        self.close = vocab.strings.add(")")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        orth = doc.to_array(ORTH)
        opens = numpy.flatnonzero(orth == self.open).tolist()
        if not opens:
            return []
        out = []
        for j in numpy.flatnonzero(orth == self.close).tolist():
            hi = bisect_right(opens, j - 2)  # at least one token inside
            lo = bisect_left(opens, j - 1 - MAX_INSIDE)  # at most MAX_INSIDE inside
            out.extend((self.key, i, j + 1) for i in reversed(opens[lo:hi]))
        return out


class ShortFormMatcher:
    """What scispaCy asks of its ``global_matcher`` (``add(key, [[{"ORTH": ...}, ...]])``, ``remove(key)``,
    ``matcher(doc)`` -> ``(key hash, start, end)``, ``vocab``), for exact ORTH sequences only: every place
    where a pattern's words occur, found in one pass over the document (Matcher: one pass per pattern)."""

    def __init__(self, vocab):
        self.vocab = vocab
        self._by_first: dict[str, dict[tuple[str, ...], set[str]]] = {}  # first word -> words -> keys
        self._keys: dict[str, list[tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.vocab.strings.add(key)
        for pattern in patterns:
            words = tuple(tok["ORTH"] for tok in pattern)
            self._by_first.setdefault(words[0], {}).setdefault(words, set()).add(key)
            self._keys.setdefault(key, []).append(words)

    def remove(self, key: str) -> None:
        for words in self._keys.pop(key, []):
            keys = self._by_first[words[0]][words]
            keys.discard(key)
            if not keys:
                del self._by_first[words[0]][words]
                if not self._by_first[words[0]]:
                    del self._by_first[words[0]]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self._by_first:
            return []
        texts = token_texts(doc)
        by_first = self._by_first
        out = []
        for i, text in enumerate(texts):
            entry = by_first.get(text)
            if entry is None:
                continue
            for words, keys in entry.items():
                if tuple(texts[i:i + len(words)]) == words:
                    out.extend((self.vocab.strings[key], i, i + len(words)) for key in keys)
        return sorted(out, key=lambda m: (m[1], m[2]))


class ClaimexAbbreviationDetector(AbbreviationDetector):
    """scispaCy's detector with a bounded bracket pattern and a one-pass short-form matcher (see the module
    docstring), and a ``memory_zone``: scispaCy adds a pattern to ``global_matcher`` for every short form
    it finds and removes it after the doc (spaCy's ``Matcher.remove`` never freed it, ~1 KB each, so a
    long batch run grew without bound); a fresh matcher at the end of each memory zone
    (``nlp.memory_zone()``, as ``claimex batch`` uses) also drops what a doc that failed midway left."""

    def __init__(self, nlp: Language, name: str, make_serializable: bool = False) -> None:
        super().__init__(nlp, name=name, make_serializable=make_serializable)
        self.vocab = nlp.vocab
        self.matcher = ParenthesisMatcher(nlp.vocab)  # scispaCy's pattern is quadratic; same results, linear
        self.global_matcher = ShortFormMatcher(nlp.vocab)  # linear too

    def find_matches_for(self, filtered, doc):  # implausible pairs dropped (claimex.annotate.longforms)
        return plausible(super().find_matches_for(filtered, doc))

    @contextlib.contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:
        try:
            yield
        finally:
            self.global_matcher = ShortFormMatcher(self.vocab)


@Language.factory(
    "claimex_abbreviations",
    assigns=["doc._.abbreviations"],
    default_config={"make_serializable": False},
)
def make_abbreviation_detector(nlp: Language, name: str, make_serializable: bool) -> AbbreviationDetector:
    return ClaimexAbbreviationDetector(nlp, name=name, make_serializable=make_serializable)


def abbreviation_pairs(doc: Doc, text: str | None = None) -> list[tuple[int, int, str, str]]:
    """``(start_char, end_char, short, long)`` for every short-form occurrence, sorted. ``text``: ``doc.text``
    when the caller has it (the forms are sliced from it; ``Span.text`` makes a Token object per token)."""
    if not Doc.has_extension("abbreviations") or not doc._.abbreviations:
        return []
    out = set()
    for short in doc._.abbreviations:
        long_form = short._.long_form
        if long_form is None:
            continue
        if text is None:
            out.add((short.start_char, short.end_char, short.text, long_form.text))
        else:
            out.add((short.start_char, short.end_char, text[short.start_char:short.end_char],
                     text[long_form.start_char:long_form.end_char]))
    return sorted(out)
