"""Speed-ups of the tagger's decoding and span hygiene (session 14) that must not change a result: each new
form against the form it replaced (kept here), on real abstracts from ../shared and made-up inputs."""

from __future__ import annotations

import random

import numpy
import pytest

from claimex.annotate.tagger.decode import grow, starting
from claimex.annotate.tagger.hygiene import SpanHygiene


def _grow_per_column(on: numpy.ndarray, low_on: numpy.ndarray) -> numpy.ndarray:
    """``grow`` as it was before session 14: one set of array operations per column that differs."""
    out = on.copy()
    for c in numpy.flatnonzero((on != low_on).any(axis=0)).tolist():
        low = low_on[:, c]
        starts = numpy.empty(len(low), dtype=bool)
        starts[0] = low[0]
        numpy.greater(low[1:], low[:-1], out=starts[1:])
        count = numpy.cumsum(starts)
        run_id = count * low
        seeded = numpy.zeros(int(count[-1]) + 1, dtype=bool)
        seeded[run_id[on[:, c]]] = True
        seeded[0] = False
        out[:, c] = seeded[run_id]
    return out


def test_grow_equals_the_per_column_form():
    rng = numpy.random.default_rng(14)
    cases = 0
    for n in (1, 2, 3, 7, 40, 300):
        for heads in (1, 2, 4):
            for _ in range(60):
                probs = rng.random((n, heads)).astype("f") ** rng.uniform(0.3, 3.0)
                thr = rng.uniform(0.2, 0.9, heads).astype("f")
                on = probs >= thr
                low = probs >= thr * rng.choice([0.2, 0.5, 1.0], heads).astype("f")  # on implies low
                assert (grow(on, low) == _grow_per_column(on, low)).all()
                odd = rng.random((n, heads)) < 0.4  # on not implying low: the same formula all the same
                assert (grow(odd, low) == _grow_per_column(odd, low)).all()
                cases += 1
    assert cases == 6 * 3 * 60


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items), through the rule pipeline (sentences, abbreviations)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:40]]


def test_starting_equals_a_set_test_per_token(docs):
    from spacy.attrs import LOWER

    rng = random.Random(14)
    seen = 0
    for doc in docs:
        lower_arr = doc.to_array(LOWER)
        lower = lower_arr.tolist()
        for k in (0, 1, 3, 12):
            firsts = set(rng.sample(lower, min(k, len(lower)))) | {12345}  # an id of no token
            expect = [i for i, w in enumerate(lower) if w in firsts]
            assert starting(lower_arr, firsts) == expect
            seen += bool(expect)
        assert starting(lower_arr, set()) == []
    assert seen > 50


def _split_old(h: SpanHygiene, s: int, e: int) -> list[tuple[int, int]]:
    if h.sent[s] == h.sent[e - 1] and not any(k in h.special for k in range(s, e)):
        return [(s, e)]
    return None  # the slow path is unchanged


def test_hygiene_tests_equal_their_old_forms(docs):
    """``split``'s fast path (``isdisjoint``), ``brackets``' (a slice's ``any``) and ``_content`` (``map``) answer
    as the generator forms did, for every token range of up to 12 tokens of the real abstracts."""
    from claimex.annotate.tagger.words import is_content

    fast = slow = brackets = 0
    for doc in docs:
        h = SpanHygiene(doc)
        n = len(doc)
        for s in range(n):
            for e in range(s + 1, min(n, s + 12) + 1):
                old = _split_old(h, s, e)
                if old is not None:
                    assert h.split(s, e) == old
                    fast += 1
                else:
                    assert not (h.sent[s] == h.sent[e - 1] and h.special.isdisjoint(range(s, e)))
                    slow += 1
                assert any(h.delta[s:e]) == any(h.delta[k] for k in range(s, e))
                brackets += any(h.delta[s:e])
                assert h._content(s, e) == any(is_content(h.text[k], h.lower[k]) for k in range(s, e))
    assert fast and slow and brackets


def _verb_control_old(doc, i: int) -> bool:
    from claimex.annotate.tagger.decode import _ARM_AFTER, _ARM_VERB_BEFORE

    if doc[i].lower_ != "control" or i < 1 or i + 1 >= len(doc) or doc[i - 1].lower_ != "to":
        return False
    after = doc[i + 1]
    if not (after.is_alpha and after.is_lower) or after.lower_ in _ARM_AFTER:
        return False
    return i < 2 or doc[i - 2].lower_ not in _ARM_VERB_BEFORE


def test_verb_control_from_token_texts_equals_the_token_form(docs, rules_nlp):
    """``verb_control`` on the token texts (given, or looked up) answers as it did on Token objects, at every
    token of the real abstracts and of made-up "to control" phrases."""
    from claimex.annotate.tagger.decode import verb_control
    from claimex.annotate.tokens import token_lowers, token_texts

    made = [rules_nlp(t) for t in (
        "Drugs were used to control nausea. Patients assigned to control group did well.",
        "They were randomized to control or to control pain, to Control Nausea, to control 5 mg, to CONTROL it.",
        "Allocated to control. to control")]
    verbs = 0
    for doc in [*docs, *made]:
        texts, lowers = token_texts(doc), token_lowers(doc)
        for i in range(len(doc)):
            old = _verb_control_old(doc, i)
            assert verb_control(doc, i) == old
            assert verb_control(doc, i, texts, lowers) == old
            verbs += old
    assert verbs >= 2


def _deltas_old(joined: str, offsets: numpy.ndarray, n: int) -> list[int]:
    from claimex.annotate.tagger.words import HAS_BRACKET, OPEN

    pos = [(m.start(), 1 if m.group() in OPEN else -1) for m in HAS_BRACKET.finditer(joined)]
    delta = numpy.zeros(n, dtype="int64")
    if pos:
        at, sign = zip(*pos)
        numpy.add.at(delta, numpy.searchsorted(offsets, at, side="right") - 1, sign)
    return delta.tolist()


def _special_old(doc) -> set[int]:
    from spacy.attrs import IS_DIGIT, LENGTH, LOWER, ORTH, SENT_START
    from spacy.strings import hash_string

    from claimex.annotate.tagger.words import CLAUSE_CHARS, MONTHS, NAMES, REGISTRY_START, member
    from claimex.annotate.tokens import SEP, token_texts

    MONTH_IDS = numpy.array(sorted(hash_string(m) for m in MONTHS), dtype="uint64")  # LOWER ids (words.py before s22)
    NAME_IDS = numpy.array(sorted(hash_string(w) for w in NAMES), dtype="uint64")  # ORTH ids

    arr = doc.to_array([ORTH, SENT_START, LENGTH, LOWER, IS_DIGIT])
    joined = SEP.join(token_texts(doc))
    offsets = numpy.concatenate(([0], numpy.cumsum(arr[:, 2].astype("int64") + 1)[:-1]))
    month = member(arr[:, 3], MONTH_IDS)
    flags = month | (arr[:, 4] == 1) | member(arr[:, 0], NAME_IDS)
    flags[:-1] |= month[1:]
    hits = [m.start() for m in REGISTRY_START.finditer(SEP + joined)]
    hits += [m.start() for m in CLAUSE_CHARS.finditer(joined)]
    special = set(numpy.flatnonzero(flags).tolist())
    if hits:
        special.update((numpy.searchsorted(offsets, hits, side="right") - 1).tolist())
    return special


def _long_forms_old(h: SpanHygiene) -> list[tuple[int, int]]:
    from claimex.annotate.tagger.words import MAX_LONG_FORM

    found: set[tuple[int, int]] = set()
    lengths: dict[str, set[int]] = {}
    words = set()
    for short in h.doc._.abbreviations or []:
        lf = short._.long_form
        if lf is not None and 2 <= len(lf) <= MAX_LONG_FORM:
            words.add(tuple(h.lower[lf.start:lf.end]))
            lengths.setdefault(h.lower[lf.start], set()).add(len(lf))
    if words:
        for i, w in enumerate(h.lower):
            for n in lengths.get(w, ()):
                if i + n <= len(h.lower) and tuple(h.lower[i:i + n]) in words:
                    found.add((i, i + n))
    return sorted(found)


def test_hygiene_views_equal_their_old_forms(docs, rules_nlp):
    """The bracket deltas (added one by one to a list), the special tokens (the registry scan gated by its
    prefixes) and the long-form mentions (first words filtered in C) of real abstracts and of made-up texts with
    registry numbers and nested brackets are what the old forms gave."""
    from claimex.annotate.tokens import SEP, token_texts

    made = [rules_nlp(t) for t in (
        "Registered at ClinicalTrials.gov (NCT01234567) and ISRCTN12345678; ACTRN12610000123456 (UMIN000012345).",
        "Trial registration: ChiCTR-IOR-17012345, DRKS00012345, CTRI/2018/01/011234 and IRCT2015012345N1.",
        "Drp1(Ser-616 [a (b] c)) {d} ((e)) f) g( NCT h=3; i",
        "Chronic obstructive pulmonary disease (COPD) worsens; chronic obstructive pulmonary disease and COPD.")]
    registries = mentions = 0
    for doc in [*docs, *made]:
        h = SpanHygiene(doc)
        texts = token_texts(doc)
        lengths = numpy.array([len(t) for t in texts], dtype="int64")
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths + 1)[:-1]))
        joined = SEP.join(texts)
        assert h.delta == _deltas_old(joined, offsets, len(doc))
        assert SpanHygiene._bracket_deltas(joined, len(doc)) == h.delta
        assert h.special == _special_old(doc)
        assert h.long_forms() == _long_forms_old(h)
        registries += any(t.startswith(("NCT", "ISRCTN", "ACTRN", "ChiCTR", "UMIN", "DRKS", "CTRI", "IRCT"))
                          for t in texts)
        mentions += len(h.long_forms())
    assert registries >= 2 and mentions > 10
