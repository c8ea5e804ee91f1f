"""Speed-ups of the tagger's decoding (session 23) that must not change a result, each against the form it replaced
(kept here) on real abstracts from ../shared: the abbreviation pairs read once per doc (``hygiene.abbreviation_bounds``,
shared by the long-form mentions and mention propagation; ``Span._.long_form`` costs ~10,000 instructions a read),
and ``numpy.count_nonzero`` for ``ndarray.any()`` in the emptiness tests of decoding (a reduction ~10,000 instructions,
``count_nonzero`` ~2,000)."""

from __future__ import annotations

import random

import numpy
import pytest

from claimex.annotate.tagger.decode import propagate_items
from claimex.annotate.tagger.hygiene import MAX_LONG_FORM, SpanHygiene, abbreviation_bounds


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items), through the rule pipeline (sentences, abbreviations)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:80]]


def _bounds_old(doc) -> list[tuple[int, int, int, int]]:
    """The pairs as decoding read them before session 23 (``short._.long_form`` at every use)."""
    out = []
    for short in doc._.abbreviations or []:
        long = short._.long_form
        if long is not None:
            out.append((short.start, short.end, long.start, long.end))
    return out


def _long_forms_old(h: SpanHygiene) -> list[tuple[int, int]]:
    """``SpanHygiene.long_forms`` before session 23 (its own read of the pairs)."""
    found: set[tuple[int, int]] = set()
    lengths: dict[str, set[int]] = {}
    words = set()
    for short in h.doc._.abbreviations or []:
        lf = short._.long_form
        if lf is not None and 2 <= len(lf) <= MAX_LONG_FORM:
            words.add(tuple(h.lower[lf.start:lf.end]))
            lengths.setdefault(h.lower[lf.start], set()).add(len(lf))
    low = h.lower
    for i in range(len(low)):
        for n in lengths.get(low[i], ()):
            if i + n <= len(low) and tuple(low[i:i + n]) in words:
                found.add((i, i + n))
    return sorted(found)


def test_abbreviation_bounds_and_long_forms_equal_the_old_reads(docs):
    with_pairs = with_mentions = 0
    for doc in docs:
        h = SpanHygiene(doc)
        assert abbreviation_bounds(doc) == _bounds_old(doc)
        assert h.abbreviation_bounds() == _bounds_old(doc)
        assert h.long_forms() == _long_forms_old(SpanHygiene(doc))
        with_pairs += bool(_bounds_old(doc))
        with_mentions += bool(h.long_forms())
    assert with_pairs > 30 and with_mentions > 20  # the test sees real pairs and long-form mentions


def test_propagation_with_the_hygienes_pairs_equals_its_own_read(docs):
    """``propagate_items`` given the span hygiene's pairs gives what it gives reading them itself (that form is
    pinned to the one before session 21 in ``test_decode_speed21.py``), on made-up span sets over repeated words,
    long forms and short forms of real abstracts."""
    rng = random.Random(23)
    changed = 0
    for doc in docs:
        pairs = SpanHygiene(doc).abbreviation_bounds()
        spots = [(a, b) for _, _, a, b in pairs] + [(a, b) for a, b, _, _ in pairs]
        for _ in range(10):
            items = []
            for _ in range(rng.randint(2, 12)):
                if spots and rng.random() < 0.5:
                    s, e = rng.choice(spots)
                else:
                    s = rng.randrange(len(doc))
                    e = min(len(doc), s + rng.randint(1, 5))
                items.append((s, e, rng.choice(("INTERVENTION", "COMPARATOR", "OUTCOME")), round(rng.random(), 4)))
            expect = propagate_items(doc, items)
            assert propagate_items(doc, items, pairs=pairs) == expect
            changed += any(it[3] == 0.5 for it in expect)
    assert changed > 50  # abbreviation pairs propagated labels


def test_count_nonzero_is_any():
    """The emptiness tests: ``bool(numpy.count_nonzero(a)) == bool(a.any())`` on the shapes and dtypes decoding gives
    them (bool runs, bool columns, the float column with zeros and NaN)."""
    rng = numpy.random.default_rng(23)
    for n in (0, 1, 2, 7, 300):
        for density in (0.0, 0.01, 0.5, 1.0):
            for shape in ((n,), (n, 1), (n, 4)):
                a = rng.random(shape) < density
                assert bool(numpy.count_nonzero(a)) == bool(a.any())
                f = numpy.where(a, rng.random(shape), 0.0).astype("f")
                if n:
                    f.flat[0] = numpy.nan if density == 0.01 else f.flat[0]
                assert bool(numpy.count_nonzero(f)) == bool(f.any())
