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

scispaCy's per-doc steps (``filter_matches``, ``short_form_filter``, ``find_abbreviation``, ``find_matches_for``)
read token and span texts through Token objects (``Span.text``, iterating a Span: a Token object per token, ~175
an abstract); :class:`ClaimexAbbreviationDetector` runs the same steps on the doc's token texts and its text
(:class:`_Texts`), with the same Span objects as results (tested against scispaCy's functions on real abstracts).
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import compress
from weakref import WeakKeyDictionary

from scispacy.abbreviation import AbbreviationDetector
from spacy.attrs import SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .longforms import plausible
from .tokens import doc_text, token_orths, token_texts

# scispaCy's filter_matches drops groups with more than 8 tokens inside the brackets; match only the others
MAX_INSIDE = 8
#: a short form and its long form as token and character offsets: short start, end, start_char, end_char, then the
#: long form's four
Row = tuple[int, int, int, int, int, int, int, int]
# Doc -> the Rows of its doc._.abbreviations items as the detector wrote them: what abbreviation_rows reads. The
# values hold no Span and not the list (a Span holds its Doc: the Doc would never be freed).
_ROWS: WeakKeyDictionary = WeakKeyDictionary()


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
        orth = token_orths(doc)  # shared with the token texts (one ORTH column per doc)
        opens = (orth == self.open).nonzero()[0].tolist()
        if not opens:
            return []
        out: list[tuple[int, int, int]] = []
        for j in (orth == self.close).nonzero()[0].tolist():
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
        out: list[tuple[int, int, int]] = []
        for i in compress(range(len(texts)), map(by_first.__contains__, texts)):  # the first-word test in C
            entry = by_first[texts[i]]
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

    def __call__(self, doc: Doc) -> Doc:
        """scispaCy's ``AbbreviationDetector.__call__``, its candidates filtered on token texts."""
        matches = [(key, start + 1, end - 1) for key, start, end in self.matcher(doc)]  # the brackets' insides
        occurrences = self.find_matches_for(filter_matches(matches, doc), doc)
        found = rows = None
        for long_form, short_forms in occurrences:
            for short in short_forms:
                short._.long_form = long_form
                if found is None:  # read once, after the first long form as before (each ``doc._`` is an object)
                    found = doc._.abbreviations
                    rows = _rows_before(doc, found)
                found.append(short)
                if rows is not None:
                    rows.append(_row(short, long_form))
        if rows is not None:
            _ROWS[doc] = rows
        if self.make_serializable:
            doc._.abbreviations = [self.make_short_form_serializable(a) for a in doc._.abbreviations]
        return doc

    def find_matches_for(self, filtered, doc):
        """scispaCy's ``find_matches_for`` on token texts; implausible pairs dropped (claimex.annotate.longforms)."""
        texts = _Texts(doc)
        rules = {}
        occurrences: dict[Span, set[Span]] = defaultdict(set)
        seen_long: set[str] = set()
        seen_short: set[str] = set()
        for long_candidate, short_candidate in filtered:
            short, long = find_abbreviation(long_candidate, short_candidate, texts)
            long_text = texts.of(long) if long is not None and len(long) else None
            short_text = texts.of(short)
            if long_text is not None and long_text not in seen_long and short_text not in seen_short:
                seen_long.add(long_text)
                seen_short.add(short_text)
                occurrences[long].add(short)
                rules[long_text] = long
                # a rule to find exactly this short form everywhere in the doc
                self.global_matcher.add(long_text, [[{"ORTH": t} for t in texts.words[short.start:short.end]]])
        to_remove = set()
        for match, start, end in self.global_matcher(doc):
            key = self.global_matcher.vocab.strings[match]
            to_remove.add(key)
            occurrences[rules[key]].add(doc[start:end])
        for key in to_remove:
            self.global_matcher.remove(key)
        return plausible(list(occurrences.items()), texts.of)

    @contextlib.contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:
        try:
            yield
        finally:
            self.global_matcher = ShortFormMatcher(self.vocab)


class _Texts:
    """A doc's token texts, whitespace flags and text, for scispaCy's steps without Token objects."""

    def __init__(self, doc: Doc) -> None:
        self.words = token_texts(doc)
        self.text = doc_text(doc)
        self._spaces: list | None = None
        self.doc = doc

    def of(self, span: Span) -> str:
        """``span.text``."""
        return self.text[span.start_char:span.end_char]

    def with_ws(self, i: int) -> int:
        """``len(doc[i].text_with_ws)``."""
        if self._spaces is None:
            self._spaces = self.doc.to_array(SPACY).tolist()
        return len(self.words[i]) + self._spaces[i]


def filter_matches(matches: list[tuple[int, int, int]], doc: Doc) -> list[tuple[Span, Span]]:
    """scispaCy's ``filter_matches`` (candidate ``(long form, short form)`` spans around each bracket group: the
    short form inside and the words before it, or the long form inside and the word before it) on token texts."""
    words = token_texts(doc)
    text = None
    candidates = []
    for match in matches:
        start, end = match[1], match[2]
        if end - start > 8 or start == 1:
            continue
        if end - start > 3:  # the long form inside the brackets, the word before them the short form
            short_form_candidate = doc[start - 2:start - 1]
            long_form_candidate = doc[start:end]
            if _unbalanced(words[start:end]):
                continue
        else:
            short_form_candidate = doc[start:end]
            abbreviation_length = sum(len(w) for w in words[start:end])
            max_words = min(abbreviation_length + 5, abbreviation_length * 2)
            long_form_candidate = doc[max(start - max_words - 1, 0):start - 1]
        if text is None:
            text = doc_text(doc)
        short = short_form_candidate
        if short_form_ok(words[short.start:short.end], text[short.start_char:short.end_char]):
            candidates.append((long_form_candidate, short_form_candidate))
    return candidates


def _unbalanced(words: list[str]) -> bool:
    """scispaCy's ``span_contains_unbalanced_parentheses`` on the span's token texts."""
    depth = 0
    for word in words:
        if word == "(":
            depth += 1
        elif word == ")":
            if depth > 0:
                depth -= 1
            else:
                return True
    return depth != 0


def short_form_ok(words: list[str], text: str) -> bool:
    """scispaCy's ``short_form_filter`` on a span's token texts and text: each word 2-9 characters, at least
    half the characters letters, the first a letter."""
    if not all(2 <= len(w) < 10 for w in words):
        return False
    if sum(c.isalpha() for c in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def find_abbreviation(long_form_candidate: Span, short_form_candidate: Span, texts: _Texts
                      ) -> tuple[Span, Span | None]:
    """scispaCy's ``find_abbreviation`` (Schwartz & Hearst's letter match from the right) on token texts: the
    short form and the part of the long-form candidate it abbreviates, or None."""
    words = texts.words
    long_form = " ".join(words[long_form_candidate.start:long_form_candidate.end])
    short_form = " ".join(words[short_form_candidate.start:short_form_candidate.end])
    long_index = len(long_form) - 1
    short_index = len(short_form) - 1
    while short_index >= 0:
        current_char = short_form[short_index].lower()
        if not current_char.isalnum():  # only letters and digits are matched
            short_index -= 1
            continue
        # back to a matching character; the short form's first one must start a word
        while (long_index >= 0 and long_form[long_index].lower() != current_char) or (
                short_index == 0 and long_index > 0 and long_form[long_index - 1].isalnum()):
            long_index -= 1
        if long_index < 0:
            return short_form_candidate, None
        long_index -= 1
        short_index -= 1
    long_index += 1
    # the first token that ends after that character (scispaCy counts each token with its own whitespace)
    word_lengths = 0
    starting_index = None
    for i in range(long_form_candidate.start, long_form_candidate.end):
        word_lengths += texts.with_ws(i)
        if word_lengths > long_index:
            starting_index = i - long_form_candidate.start
            break
    return short_form_candidate, long_form_candidate[starting_index:]


@Language.factory(
    "claimex_abbreviations",
    assigns=["doc._.abbreviations"],
    default_config={"make_serializable": False},
)
def make_abbreviation_detector(nlp: Language, name: str, make_serializable: bool) -> AbbreviationDetector:
    return ClaimexAbbreviationDetector(nlp, name=name, make_serializable=make_serializable)


def abbreviation_rows(doc: Doc) -> list[Row]:
    """One :data:`Row` (short form's token start and end and character start and end, then the long form's) per
    item of ``doc._.abbreviations`` that has a long form, in the list's order. The detector records the rows of the
    pairs it writes (:class:`ClaimexAbbreviationDetector`), and they answer while ``doc._.abbreviations`` holds as
    many items with the same token bounds, in order (a short form's ``long_form`` is kept by its character offsets,
    and claimex never changes it after the detector set it); else they are read from the spans. Reading them costs
    ``Span._`` (an ``Underscore`` object) and a Python ``__getattr__`` per short form, ~13,000 instructions: the span
    hygiene and the record each read every pair. The list is shared: do not change it."""
    if not Doc.has_extension("abbreviations"):
        return []
    found = doc._.abbreviations
    if not found:
        return []
    made = _recorded(doc, found)
    if made is not None:
        return made
    out = []
    for short in found:
        long_form = short._.long_form
        if long_form is not None:
            out.append(_row(short, long_form))
    return out


def abbreviation_pairs(doc: Doc, text: str | None = None) -> list[tuple[int, int, str, str]]:
    """``(start_char, end_char, short, long)`` for every short-form occurrence, sorted, the forms sliced from
    ``text`` (``doc.text``; None: :func:`~claimex.annotate.tokens.doc_text`; ``Span.text`` makes a Token object per
    token). From :func:`abbreviation_rows`."""
    rows = abbreviation_rows(doc)
    if not rows:
        return []
    if text is None:
        text = doc_text(doc)
    return sorted({(r[2], r[3], text[r[2]:r[3]], text[r[6]:r[7]]) for r in rows})


def _row(short: Span, long_form: Span) -> Row:
    return (short.start, short.end, short.start_char, short.end_char,
            long_form.start, long_form.end, long_form.start_char, long_form.end_char)


def _recorded(doc: Doc, found: list) -> list[Row] | None:
    """The recorded rows of ``doc`` when they describe ``found`` (``doc._.abbreviations``): as many, with the same
    token bounds in order (``Span.start`` / ``end``: no Token or ``Underscore`` object); else None."""
    made = _ROWS.get(doc)
    if made is None or len(made) != len(found):
        return None
    for row, short in zip(made, found):
        if row[0] != short.start or row[1] != short.end:
            return None
    return made


def _rows_before(doc: Doc, found: list) -> list[Row] | None:
    """The rows of what ``found`` (``doc._.abbreviations``) already holds, or None when they are not recorded."""
    if not found:
        return []
    made = _recorded(doc, found)
    return None if made is None else list(made)
