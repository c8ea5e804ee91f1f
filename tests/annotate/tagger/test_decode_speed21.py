"""Speed-ups of the tagger's decoding (session 21) that must not change a result: each new form against the form it
replaced (kept here), on real abstracts from ../shared and made-up inputs. The array steps call ndarray methods
(``a.nonzero()[0]``, ``a.cumsum()``, ``a.searchsorted(v)``, ``a[1:] - a[:-1]``) instead of numpy's module functions,
whose Python wrappers cost more than the operations on an abstract's arrays; mention propagation's token index
makes a set only for a token that has none yet."""

from __future__ import annotations

import random

import numpy
import pytest
from spacy.attrs import LOWER

from claimex.annotate.tagger.decode import _py_runs, propagate_items, runs, starting
from claimex.annotate.tagger.hygiene import SpanHygiene
from claimex.annotate.tagger.spaces import spread


def _runs_old(on: numpy.ndarray) -> list[tuple[int, int]]:
    """``runs`` before session 21."""
    if not len(on) or not on.any():
        return []
    d = numpy.diff(numpy.concatenate(([0], on.astype(numpy.int8), [0])))
    return list(zip(numpy.flatnonzero(d == 1).tolist(), numpy.flatnonzero(d == -1).tolist()))


def test_runs_equal_the_diff_form():
    rng = numpy.random.default_rng(21)
    for n in (0, 1, 2, 5, 40, 300):
        for density in (0.0, 0.2, 0.5, 0.9, 1.0):
            for _ in range(20):
                on = rng.random(n) < density
                assert runs(on) == _runs_old(on)
                assert runs(on) == [(s, e) for s, e, v in _py_runs(on.tolist()) if v]


def test_array_methods_equal_the_module_functions():
    """The replaced calls, one by one, on the shapes and dtypes decoding gives them (values and dtypes equal)."""
    rng = numpy.random.default_rng(21)
    for n in (1, 3, 50, 400):
        padded = numpy.zeros((n + 2, 4), dtype=numpy.int8)
        padded[1:-1] = rng.random((n, 4)) < 0.3
        d_old, d_new = numpy.diff(padded, axis=0), padded[1:] - padded[:-1]
        assert d_new.dtype == d_old.dtype and (d_new == d_old).all()
        for a, b in zip(numpy.nonzero(d_old == 1), (d_new == 1).nonzero()):
            assert a.tolist() == b.tolist()
        probs = rng.random((n, 4)).astype("f")
        old = numpy.vstack([numpy.zeros((1, 4), dtype=probs.dtype), numpy.cumsum(probs, axis=0)])
        new = numpy.concatenate((numpy.zeros((1, 4), dtype=probs.dtype), probs.cumsum(axis=0)))
        assert new.dtype == old.dtype and new.tobytes() == old.tobytes()
        starts = rng.random((3, n)) < 0.4
        assert starts.cumsum().tolist() == numpy.cumsum(starts).tolist()
        flags = rng.random(n) < 0.3
        assert flags.nonzero()[0].tolist() == numpy.flatnonzero(flags).tolist()
        offsets = numpy.sort(rng.integers(0, 1000, n))
        hits = sorted(rng.integers(0, 1000, 7).tolist())
        assert offsets.searchsorted(hits, side="right").tolist() == \
            numpy.searchsorted(offsets, hits, side="right").tolist()
        keep = numpy.sort(rng.choice(n + 5, size=min(n, n + 5), replace=False))
        if len(keep):
            p = rng.random((len(keep), 4)).astype("f")
            out = spread(p, keep, n + 5)
            gaps = numpy.flatnonzero(numpy.isin(numpy.arange(n + 5), keep, invert=True))
            pos = numpy.minimum(numpy.searchsorted(keep, gaps), len(keep) - 1)
            prv = numpy.maximum(numpy.searchsorted(keep, gaps) - 1, 0)
            assert (out[gaps] == numpy.minimum(p[pos], p[prv])).all() and (out[keep] == p).all()


def _propagate_old(doc, items, labels=("INTERVENTION", "COMPARATOR", "OUTCOME"), lower=None):
    """``propagate_items`` before session 21 (its token index built with ``setdefault(t, set())``)."""
    from claimex.annotate.tagger.decode import _contentful

    if not items:
        return items
    covered: dict[str, set[int]] = {}
    for s, e, label, _ in items:
        covered.setdefault(label, set()).update(range(s, e))
    lower_arr = doc.to_array(LOWER) if lower is None else lower
    lower = lower_arr.tolist()
    strings = doc.vocab.strings
    keys: dict = {}
    for s, e, label, sc in items:
        if label in labels:
            words = tuple(lower[s:e])
            if (words not in keys or keys[words][1] < sc) and _contentful(tuple(strings[w] for w in words)):
                keys[words] = (label, sc)
    new: set = set()
    if keys:
        lengths: dict[int, set[int]] = {}
        for words in keys:
            lengths.setdefault(words[0], set()).add(len(words))
        for i in starting(lower_arr, lengths):
            for n in lengths[lower[i]]:
                words = tuple(lower[i:i + n])
                if len(words) == n and words in keys:
                    new.add((i, i + n, *keys[words]))
    if doc.has_extension("abbreviations"):
        for short in doc._.abbreviations or []:
            long = short._.long_form
            for label, toks in covered.items():
                if label not in labels or long is None:
                    continue
                if sum(t in toks for t in range(long.start, long.end)) * 2 >= len(long):
                    new.add((short.start, short.end, label, 0.5))
                elif all(t in toks for t in range(short.start, short.end)):
                    new.add((long.start, long.end, label, 0.5))
    if not new:
        return items
    out: dict[int, list] = {k: list(it) for k, it in enumerate(items)}
    index: dict = {}
    next_id = len(items)
    for s, e, label, sc in sorted(new):
        toks = covered.setdefault(label, set())
        if all(t in toks for t in range(s, e)):
            continue
        if label not in index:
            index[label] = {}
            for k, (a, b, lab, _) in out.items():
                if lab == label:
                    for t in range(a, b):
                        index[label].setdefault(t, set()).add(k)
        at = index[label]
        hits = sorted({k for t in range(s, e) for k in at.get(t, ())})
        toks.update(range(s, e))
        if hits:
            first = out[hits[0]]
            s = min([s] + [out[k][0] for k in hits])
            e = max([e] + [out[k][1] for k in hits])
            sc = max(out[k][3] for k in hits)
            for k in hits[1:]:
                a, b = out.pop(k)[:2]
                for t in range(a, b):
                    at[t].discard(k)
            for t in range(s, e):
                if not first[0] <= t < first[1]:
                    at.setdefault(t, set()).add(hits[0])
            first[0], first[1], first[3] = s, e, sc
        else:
            out[next_id] = [s, e, label, sc]
            for t in range(s, e):
                at.setdefault(t, set()).add(next_id)
            next_id += 1
    return [tuple(out[k]) for k in sorted(out)]


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items), through the rule pipeline (sentences, abbreviations)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:60]]


def _made_up_items(doc, rng: random.Random) -> list[tuple[int, int, str, float]]:
    """Spans over words of ``doc`` that repeat in it (so that propagation finds them again), some overlapping,
    some of one label side by side, plus random short spans."""
    lower = [t.lower_ for t in doc]
    n = len(lower)
    items = []
    for _ in range(rng.randint(3, 25)):
        s = rng.randrange(n)
        e = min(n, s + rng.randint(1, 5))
        label = rng.choice(("INTERVENTION", "COMPARATOR", "OUTCOME", "POPULATION"))
        items.append((s, e, label, round(rng.random(), 4)))
    return items


def test_propagation_equals_its_old_form(docs):
    """New or widened mentions, merged spans: the same items in the same order as the form it replaced, on 60 real
    abstracts with 20 made-up span sets each (with and without the LOWER ids handed in)."""
    rng = random.Random(21)
    changed = widened = 0
    for doc in docs:
        for _ in range(20):
            items = _made_up_items(doc, rng)
            expect = _propagate_old(doc, items)
            assert propagate_items(doc, items) == expect
            assert propagate_items(doc, items, lower=doc.to_array(LOWER)) == expect
            changed += expect != items
            before = {it[:3] for it in items}
            widened += any(it[:3] not in before and any(lab == it[2] and a < it[1] and it[0] < b for a, b, lab in before)
                           for it in expect)  # a mention merged with a span of its label
    assert changed > 500 and widened > 50


def test_hygiene_arrays_equal_the_module_function_forms(docs):
    """The span hygiene's per-doc views (sentence ids, bracket deltas, special tokens) made with the array methods
    equal those of numpy's module functions."""
    from spacy.attrs import LENGTH, SENT_START

    for doc in docs:
        h = SpanHygiene(doc)
        arr = doc.to_array([SENT_START, LENGTH])
        starts = arr[:, 0].astype("int64") == 1
        starts[0] = True
        assert h.sent == numpy.cumsum(starts).tolist()
        offsets = numpy.concatenate(([0], numpy.cumsum(arr[:, 1].astype("int64") + 1)[:-1]))
        joined = "\x01".join(h.text)
        pos = [k for k, ch in enumerate(joined) if ch in "()[]{}"]
        delta = [0] * len(doc)
        for k, p in zip((numpy.searchsorted(offsets, pos, side="right") - 1).tolist(), pos):
            delta[k] += 1 if joined[p] in "([{" else -1
        assert h.delta == delta
