"""Speed-ups of record building (session 14) that must not change a record: abbreviation pairs sliced from the
text give what ``Span.text`` gives, and ``_expand`` with the pairs' start offsets what it gives looking at every
pair, on real abstracts from ../shared (every token range of up to 15 tokens)."""

from __future__ import annotations

import pytest

from claimex.annotate.abbreviations import abbreviation_pairs
from claimex.assemble.record import _expand


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items) through the rule pipeline (it finds abbreviations)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:80]]


def test_pairs_sliced_from_the_text_equal_the_span_texts(docs):
    found = 0
    for doc in docs:
        pairs = abbreviation_pairs(doc)
        assert abbreviation_pairs(doc, doc.text) == pairs
        found += len(pairs)
    assert found > 20


def test_expand_with_starts_equals_expand_over_all_pairs(docs):
    expanded = 0
    for doc in docs:
        text, pairs = doc.text, abbreviation_pairs(doc)
        if not pairs:
            continue
        starts = [a[0] for a in pairs]
        for s in range(len(doc)):
            for e in range(s + 1, min(len(doc), s + 15) + 1):
                a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
                got = _expand(text, a, b, pairs, starts)
                assert got == _expand(text, a, b, pairs)
                expanded += got is not None
        for a, b, _, _ in pairs:  # the pair's own range, and ranges that end or start on it
            for lo, hi in ((a, b), (a, a), (b, b), (0, b), (a, len(text))):
                assert _expand(text, lo, hi, pairs, starts) == _expand(text, lo, hi, pairs)
    assert expanded > 100
