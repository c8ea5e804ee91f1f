"""``claimex_abbreviations``: scispaCy's AbbreviationDetector (Schwartz & Hearst) as a claimex component.

Every short form in the doc gets its long form (``HACE`` -> ``hepatic arterial
chemoembolization``), also where the short form appears later without brackets.
Results are scispaCy's ``doc._.abbreviations`` (short-form spans with ``span._.long_form``).

Bounded cost on long texts: scispaCy finds candidate ``( ... )`` groups with the Matcher pattern
``"(" + any token one or more times + ")"``, which matches every ``(`` with every later ``)``: O(n^2)
matches (measured: 3.7 GB peak RSS on a 150k-character text dense with brackets,
bench/long_text_memory.py), all but those with at most 8 tokens inside then discarded by
``filter_matches``. :data:`PAREN_PATTERN` asks the Matcher for exactly those (1 to 8 tokens inside), so
the candidates, their order and therefore every result are the same, at linear cost (tested against
scispaCy's pattern in tests/annotate/test_abbreviations.py). Definitions still apply document-wide: a short
form defined anywhere is found everywhere in the document. scispaCy finds those occurrences with a
``Matcher`` holding one pattern per short form, whose cost grows with the number of short forms times the
length of the document (quadratic on a long text that defines many); :class:`ShortFormMatcher` finds the
same exact token sequences with one pass and a dictionary lookup per token.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from scispacy.abbreviation import AbbreviationDetector
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# scispaCy's filter_matches drops groups with more than 8 tokens inside the brackets; match only the others
MAX_INSIDE = 8
PAREN_PATTERN = [{"ORTH": "("}, {"OP": f"{{1,{MAX_INSIDE}}}"}, {"ORTH": ")"}]


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
        texts = [t.text for t in doc]
        out = []
        for i, text in enumerate(texts):
            for words, keys in self._by_first.get(text, {}).items():
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
        self.matcher = Matcher(nlp.vocab)  # scispaCy's pattern is quadratic; same matches, linear
        self.matcher.add("parenthesis", [PAREN_PATTERN])
        self.global_matcher = ShortFormMatcher(nlp.vocab)  # linear too

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
