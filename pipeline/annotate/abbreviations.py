"""``claimex_abbreviations``: scispaCy's AbbreviationDetector (Schwartz & Hearst) as a claimex component.

Every short form in the doc gets its long form (``HACE`` -> ``hepatic arterial
chemoembolization``), also where the short form appears later without brackets.
Results are scispaCy's ``doc._.abbreviations`` (short-form spans with ``span._.long_form``).
"""

from __future__ import annotations

import contextlib
import warnings
from bisect import bisect_right
from typing import Iterator

import numpy
from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# spaCy warns (W036) whenever an empty Matcher runs, as scispaCy's own global matcher does on most docs
warnings.filterwarnings("ignore", message=r"\[W036\]")


class ParenthesisMatcher:
    """scispaCy's candidate matcher ``[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]`` without spaCy's
    ``Matcher``: the same ``(key, start, end)`` list in the same order (by end, then by start from the
    nearest ``(`` outwards), found from the doc's ORTH array. spaCy's generic Matcher makes a Python
    Token object for every token twice per call, which cost as much as the rest of the detector."""

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
            k = bisect_right(opens, j - 2)  # "+" needs at least one token inside
            out.extend((self.key, i, j + 1) for i in reversed(opens[:k]))
        return out


class ShortFormMatcher:
    """scispaCy's ``global_matcher`` (one exact ``[{"ORTH": ...}, ...]`` pattern per long form, added and
    removed per document) without spaCy's ``Matcher``: the same ``(key, start, end)`` list in the same
    order (by end, then start, then the order the keys were added), found from the doc's ORTH array.
    ``remove`` frees the pattern (spaCy's ``Matcher.remove`` does not, see the memory zone below)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._patterns: dict[int, list[tuple[int, ...]]] = {}

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        seqs = self._patterns.setdefault(self.vocab.strings.add(key), [])
        for pattern in patterns:
            if not pattern or any(set(tok) != {"ORTH"} for tok in pattern):
                raise ValueError(f"ShortFormMatcher takes exact ORTH sequences only, got {pattern!r}")
            seqs.append(tuple(self.vocab.strings.add(tok["ORTH"]) for tok in pattern))

    def remove(self, key: str) -> None:
        key_id = self.vocab.strings[key]
        if key_id not in self._patterns:
            raise ValueError(f"key {key!r} not in the matcher")
        del self._patterns[key_id]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self._patterns or not len(doc):
            return []
        orth = doc.to_array(ORTH)
        found = set()
        for order, (key, seqs) in enumerate(self._patterns.items()):
            for seq in seqs:
                n = len(seq)
                for i in numpy.flatnonzero(orth == seq[0]).tolist():
                    if i + n <= len(orth) and (n == 1 or tuple(orth[i:i + n].tolist()) == seq):
                        found.add((i + n, i, order, key))
        return [(key, start, end) for end, start, _order, key in sorted(found)]


class ClaimexAbbreviationDetector(AbbreviationDetector):
    """scispaCy's detector with a ``memory_zone``: it adds a pattern to ``global_matcher`` for
    every short form it finds and removes it afterwards, but ``Matcher.remove`` never frees the
    pattern (~1 KB each), so a long batch run grows without bound. A fresh matcher at the end of
    each memory zone (``nlp.memory_zone()``, as ``claimex batch`` uses) keeps a worker flat."""

    def __init__(self, nlp: Language, name: str, make_serializable: bool = False) -> None:
        super().__init__(nlp, name=name, make_serializable=make_serializable)
        self.vocab = nlp.vocab
        self.matcher = ParenthesisMatcher(nlp.vocab)
        self.global_matcher = ShortFormMatcher(nlp.vocab)

    @contextlib.contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:  # noqa: ARG002 - spaCy passes its Pool
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


def abbreviation_pairs(doc: Doc) -> list[tuple[int, int, str, str]]:
    """``(start_char, end_char, short, long)`` for every short-form occurrence, sorted."""
    if not Doc.has_extension("abbreviations") or not doc._.abbreviations:
        return []
    out = set()
    for short in doc._.abbreviations:
        long_form = short._.long_form
        if long_form is None:
            continue
        out.add((short.start_char, short.end_char, short.text, long_form.text))
    return sorted(out)
