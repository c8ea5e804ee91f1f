"""Decoding head probabilities into PICO spans: thresholds, hysteresis, comparator split, trim,
mention propagation."""

from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Doc

from claimex.annotate.tagger.decode import decode, grow, propagate, runs
from claimex.annotate.tagger.model import HEADS

P, I, C, O = (HEADS.index(h) for h in ("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"))
NLP = spacy.blank("en")


def make(words: list[str], on: dict[int, list[tuple[int, float]]]) -> tuple[Doc, numpy.ndarray]:
    doc = Doc(NLP.vocab, words=words)
    probs = numpy.zeros((len(words), len(HEADS)), dtype="f")
    for head, cells in on.items():
        for k, p in cells:
            probs[k, head] = p
    return doc, probs


def spans_of(doc, probs, thresholds=None, hysteresis=None, trim=True):
    th = {h: 0.5 for h in HEADS} | (thresholds or {})
    spans, scores, subtypes = decode(doc, probs, HEADS, th, trim, False, hysteresis)
    assert len(scores) == len(spans) == len(subtypes)
    return [(s.text, s.label_) for s in spans]


def test_runs():
    assert runs(numpy.array([0, 1, 1, 0, 1], dtype=bool)) == [(1, 3), (4, 5)]
    assert runs(numpy.zeros(3, dtype=bool)) == []


def test_threshold_per_head():
    words = "aspirin reduced stroke mortality".split()
    doc, probs = make(words, {I: [(0, 0.6)], O: [(2, 0.45), (3, 0.7)]})
    assert spans_of(doc, probs) == [("aspirin", "INTERVENTION"), ("mortality", "OUTCOME")]
    assert spans_of(doc, probs, {"OUTCOME": 0.4}) == [("aspirin", "INTERVENTION"), ("stroke mortality", "OUTCOME")]


def test_grow_keeps_only_low_runs_with_a_seed():
    on = numpy.array([[0], [1], [0], [0], [0]], dtype=bool)
    low = numpy.array([[1], [1], [1], [0], [1]], dtype=bool)
    assert grow(on, low)[:, 0].tolist() == [True, True, True, False, False]


def test_hysteresis_extends_a_span_but_starts_none():
    words = "the all cause mortality at one year".split()
    doc, probs = make(words, {O: [(1, 0.3), (2, 0.35), (3, 0.8), (5, 0.3), (6, 0.3)]})
    assert spans_of(doc, probs) == [("mortality", "OUTCOME")]
    # low threshold 0.25: the span grows left over "all cause"; "one year" has no seed over 0.5
    assert spans_of(doc, probs, hysteresis={"OUTCOME": 0.5}) == [("all cause mortality", "OUTCOME")]
    assert spans_of(doc, probs, hysteresis={"INTERVENTION": 0.5}) == [("mortality", "OUTCOME")]


def test_comparator_split_and_trim():
    words = "aspirin versus placebo ,".split()
    doc, probs = make(words, {I: [(0, 0.9), (1, 0.6), (2, 0.9), (3, 0.6)], C: [(2, 0.8), (3, 0.8)]})
    assert spans_of(doc, probs) == [("aspirin versus", "INTERVENTION"), ("placebo", "COMPARATOR")]
    assert spans_of(doc, probs, trim=False) == [("aspirin versus", "INTERVENTION"), ("placebo ,", "COMPARATOR")]


def test_propagate_repeats_of_a_tagged_span():
    words = "metformin was given . metformin lowered HbA1c".split()
    doc, probs = make(words, {I: [(0, 0.9)], O: [(6, 0.9)]})
    spans, scores, _ = decode(doc, probs, HEADS, {h: 0.5 for h in HEADS})
    spans, scores = propagate(doc, spans, scores)
    assert sorted((s.start, s.text, s.label_) for s in spans) == [
        (0, "metformin", "INTERVENTION"), (4, "metformin", "INTERVENTION"), (6, "HbA1c", "OUTCOME")]


def test_control_as_a_verb_is_not_an_arm():
    from claimex.annotate.tagger.decode import verb_control

    cases = {
        "granisetron was given to control nausea": True,
        "the aims are : ( 1 ) to control otherwise untractable symptoms": True,
        "patients were assigned to control and experimental groups": False,
        "patients were randomized to control or exercise": False,
        "or to control group": False,
        "compared to control experiments": False,
        "the control group improved": False,
    }
    for text, verb in cases.items():
        doc = Doc(NLP.vocab, words=text.split())
        i = [t.lower_ for t in doc].index("control")
        assert verb_control(doc, i) is verb, text
    words = "granisetron was given to control nausea".split()
    doc, probs = make(words, {I: [(0, 0.9), (4, 0.9)], C: [(4, 0.9)]})
    assert spans_of(doc, probs) == [("granisetron", "INTERVENTION")]


def test_propagated_mention_widens_an_overlapping_span():
    words = "hepatic arterial chemoembolization was done . hepatic arterial chemoembolization again".split()
    doc, probs = make(words, {I: [(0, 0.9), (1, 0.9), (2, 0.9), (6, 0.9)]})
    spans, scores, _ = decode(doc, probs, HEADS, {h: 0.5 for h in HEADS})
    assert [s.text for s in spans] == ["hepatic arterial chemoembolization", "hepatic"]
    spans, scores = propagate(doc, spans, scores)
    assert sorted((s.start, s.text) for s in spans) == [
        (0, "hepatic arterial chemoembolization"), (6, "hepatic arterial chemoembolization")]
    assert len(scores) == len(spans)


def test_grow_matches_a_plain_loop_on_random_columns():
    rng = numpy.random.RandomState(0)
    for _ in range(50):
        n = rng.randint(1, 30)
        low = rng.rand(n, 3) < 0.6
        on = low & (rng.rand(n, 3) < 0.3)
        expect = numpy.zeros_like(on)
        for c in range(3):
            k = 0
            while k < n:
                if not low[k, c]:
                    k += 1
                    continue
                j = k
                while j < n and low[j, c]:
                    j += 1
                expect[k:j, c] = on[k:j, c].any()
                k = j
        assert (grow(on, low) == expect).all()


def _propagate_reference(doc, items, labels=("INTERVENTION", "COMPARATOR", "OUTCOME")):
    """The plain quadratic algorithm propagate_items implements (scan every position for every
    tagged word sequence; scan every span for overlaps)."""
    from claimex.annotate.tagger.decode import _contentful

    lower = [t.lower_ for t in doc]
    covered = {}
    for s, e, label, _ in items:
        covered.setdefault(label, set()).update(range(s, e))
    keys = {}
    for s, e, label, sc in items:
        words = tuple(lower[s:e])
        if label in labels and (words not in keys or keys[words][1] < sc) and _contentful(words):
            keys[words] = (label, sc)
    new = {(i, i + len(w), *v) for w, v in keys.items() for i in range(len(lower)) if tuple(lower[i:i + len(w)]) == w}
    out = [list(it) for it in items]
    for s, e, label, sc in sorted(new):
        toks = covered.setdefault(label, set())
        if all(t in toks for t in range(s, e)):
            continue
        hits = [k for k, sp in enumerate(out) if sp[2] == label and sp[0] < e and s < sp[1]]
        toks.update(range(s, e))
        if hits:
            merged = [min([s] + [out[k][0] for k in hits]), max([e] + [out[k][1] for k in hits]), label,
                      max(out[k][3] for k in hits)]
            for k in reversed(hits[1:]):
                del out[k]
            out[hits[0]] = merged
        else:
            out.append([s, e, label, sc])
    return [tuple(x) for x in out]


def test_propagate_items_matches_the_quadratic_reference_on_random_docs():
    from claimex.annotate.tagger.decode import propagate_items

    rng = numpy.random.RandomState(3)
    vocab = ["aspirin", "placebo", "pain", "score", "of", "the", "daily", "Aspirin", "nausea", "dose"]
    labels = ["INTERVENTION", "COMPARATOR", "OUTCOME", "POPULATION"]
    for _ in range(400):
        n = rng.randint(1, 40)
        doc = Doc(NLP.vocab, words=[vocab[k] for k in rng.randint(0, len(vocab), n)])
        items = []
        for _ in range(rng.randint(0, 16)):
            s = rng.randint(0, n)
            e = min(n, s + rng.randint(1, 4))
            items.append((s, e, labels[rng.randint(0, 4)], round(float(rng.rand()), 4)))
        assert propagate_items(doc, items) == _propagate_reference(doc, items)


def test_decode_weak_decodes_what_the_main_decode_left_at_a_lower_threshold():
    from claimex.annotate.tagger.weakwide import decode_weak

    words = "aspirin reduced stroke mortality and major bleeding".split()
    doc, probs = make(words, {I: [(0, 0.9)], O: [(2, 0.2), (3, 0.4), (5, 0.2), (6, 0.7)]})
    cfg = {"thresholds": {"OUTCOME": 0.6}, "hysteresis": {"OUTCOME": 0.5}, "hygiene": False}
    spans, scores = decode_weak(doc, probs, HEADS, cfg, 0.3)
    # seeded at 0.3 ("mortality"), grown while over 0.15 ("stroke"); "major bleeding" holds a token over the
    # main threshold (the main decode's span): left out; the arm head is not decoded
    assert [(s.text, s.label_) for s in spans] == [("stroke mortality", "OUTCOME")]
    assert scores == [0.3]
    assert decode_weak(doc, probs, HEADS, cfg, 0.45) == ([], [])


def test_decode_wide_gives_how_far_the_main_spans_reach_at_the_weak_floor():
    from claimex.annotate.tagger.weakwide import decode_wide

    words = "a greater overall improvement in symptoms was reported".split()
    doc, probs = make(words, {O: [(2, 0.42), (3, 0.47), (4, 0.16), (5, 0.8), (6, 0.05)]})
    cfg = {"thresholds": {"OUTCOME": 0.6}, "hysteresis": {"OUTCOME": 0.5}, "hygiene": False}
    # the main decode's seed ("symptoms", 0.8) grown while over 0.3 x 0.5 = 0.15; "greater" (0) and "was" stop it
    assert [(s.text, s.label_) for s in decode_wide(doc, probs, HEADS, cfg, 0.3)] == [
        ("overall improvement in symptoms", "OUTCOME")]
    # a higher floor (0.4 x 0.5 = 0.2) stops at "in" (0.16)
    assert [s.text for s in decode_wide(doc, probs, HEADS, cfg, 0.4)] == ["symptoms"]
    # no token over the main threshold: no run
    assert decode_wide(doc, probs * 0.5, HEADS, cfg, 0.3) == []


def test_decode_weak_wide_equals_the_two_decodes_apart():
    # the tagger component calls decode_weak_wide (one hysteresis pass); it must give decode_weak's and
    # decode_wide's spans exactly, on random probabilities over a range of thresholds
    from claimex.annotate.tagger.weakwide import decode_seeds, decode_weak, decode_weak_wide, decode_wide

    rng = numpy.random.RandomState(7)
    vocab = "aspirin reduced stroke mortality and major bleeding in the placebo group , ( ) of".split()
    cfg = {"thresholds": {"OUTCOME": 0.6}, "hysteresis": {"OUTCOME": 0.5}, "hygiene": False}
    for _ in range(300):
        n = rng.randint(0, 30)
        doc = Doc(NLP.vocab, words=[vocab[k] for k in rng.randint(0, len(vocab), n)])
        probs = (rng.rand(n, len(HEADS)) ** 2).astype("f")
        for threshold in (0.2, 0.3, 0.45):
            weak, scores = decode_weak(doc, probs, HEADS, cfg, threshold)
            wide = decode_wide(doc, probs, HEADS, cfg, threshold)
            got = decode_weak_wide(doc, probs, HEADS, cfg, threshold)
            seeds = decode_seeds(doc, probs, HEADS, cfg, threshold)
            key = [[(s.start, s.end, s.label_) for s in spans] for spans in (weak, wide, got[0], got[2], seeds,
                                                                             got[3])]
            assert key[2] == key[0] and got[1] == scores and key[3] == key[1] and key[5] == key[4]


def test_decode_doc_propagates_only_the_labels_it_is_given():
    """``decode_doc(..., propagate_labels=...)``: the labels mention propagation applies to (a decoding sweep switches
    it off for one class); by default every label of ``PROPAGATE``."""
    from claimex.annotate.tagger.decode import decode_doc

    words = "metformin lowered mortality . metformin and mortality again".split()
    doc, probs = make(words, {I: [(0, 0.9)], O: [(2, 0.9)]})
    cfg = {"thresholds": {h: 0.5 for h in HEADS}, "propagate": True, "hygiene": False}

    def tagged(**kw):
        spans, _, _ = decode_doc(doc, probs, HEADS, cfg, **kw)
        return sorted((s.start, s.label_) for s in spans)

    assert tagged() == [(0, "INTERVENTION"), (2, "OUTCOME"), (4, "INTERVENTION"), (6, "OUTCOME")]
    assert tagged(propagate_labels=("OUTCOME",)) == [(0, "INTERVENTION"), (2, "OUTCOME"), (6, "OUTCOME")]
    assert tagged(propagate_labels=()) == [(0, "INTERVENTION"), (2, "OUTCOME")]
