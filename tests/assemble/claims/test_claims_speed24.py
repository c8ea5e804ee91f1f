"""Session 24 (issue 13, s24-speed): claim-assembly cuts that must not change any output, each pinned to the form it
replaced (kept here): the plain copies written through their slots' setters (:mod:`.plain`), the logistic function's
clip as two ufuncs (:mod:`.weights`), :func:`.base.blank`'s lists in place of generators. Real abstracts from
../shared (PubMed XML samples) run through the shipped pipeline."""

from __future__ import annotations

import numpy as np
import pytest

import claimex
from claimex.assemble.claims.base import _BRACKETS, blank, sentence_views
from claimex.assemble.claims.plain import PlainEntity, PlainMeasure, plain_entities
from claimex.assemble.claims.weights import logistic
from claimex.schema import Entity, Measure


@pytest.fixture(scope="module")
def records(shipped_model_path, pubmed_abstracts):
    nlp = claimex.load()
    texts = [body for _, _, body in pubmed_abstracts if len(body) > 600][:40]
    return [doc._.record for doc in nlp.pipe(texts)]


def _old_copy(cls, model):
    """The session 23 copy: every slot written with ``object.__setattr__``."""
    obj = object.__new__(cls)
    values = model.__dict__
    for name in cls._fields:
        object.__setattr__(obj, name, values[name])
    object.__setattr__(obj, "model", model)
    return obj


def test_setters_are_the_slots_in_field_order():
    for cls, schema in ((PlainEntity, Entity), (PlainMeasure, Measure)):
        assert [name for name, _ in cls._setters] == list(schema.model_fields)
        assert all(put.__self__ is getattr(cls, name) for name, put in cls._setters)
        assert cls._set_model.__self__ is cls.model


def test_copies_equal_the_old_copies(records):
    seen = 0
    for record in records:
        pairs = [(PlainEntity, e, p) for e, p in zip(record.entities, plain_entities(record))]
        pairs += [(PlainMeasure, m.model, m) for v in sentence_views(record) for m in v.measures]
        for cls, model, new in pairs:
            old = _old_copy(cls, model)
            for name in (*cls._fields, "model"):
                assert getattr(new, name) is getattr(old, name), (cls.__name__, name)
            seen += 1
    assert seen > 1300


def test_copies_stay_read_only(records):
    ent = plain_entities(records[0])[0]
    with pytest.raises(AttributeError):
        ent.start = 0
    with pytest.raises(AttributeError):
        ent.model = None


def _old_logistic(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def test_logistic_equals_the_clip_form():
    rng = np.random.default_rng(24)
    edges = np.array([0.0, -0.0, 30.0, -30.0, 29.999999, -30.000001, 1e300, -1e300, np.inf, -np.inf, np.nan, 5e-324])
    for z in (edges, rng.normal(0, 20, size=(200, 2)), rng.normal(0, 60, size=500), rng.uniform(-31, 31, 1000),
              np.zeros((0, 3)), np.array([[1.5, -2.5], [40.0, -40.0]])):
        new, old = logistic(z), _old_logistic(z)
        assert new.dtype == old.dtype and new.shape == old.shape
        assert np.array_equal(new, old, equal_nan=True)
        assert np.array_equal(np.signbit(new), np.signbit(old))


def _old_blank(text, ranges):
    """:func:`.base.blank` of session 23 (generators)."""
    n = len(text)
    spans = sorted((r[0], r[1]) for r in ranges)
    if not spans:
        return text
    if spans[0][0] < 0 or any(b < 0 or b > n for _a, b in spans):
        chars = list(text)
        for a, b in spans:
            chars[a:b] = [ch if ch in _BRACKETS else " " for ch in chars[a:b]]
        return "".join(chars)
    pieces, pos = [], 0
    for a, b in spans:
        a = max(a, pos)
        if b <= a:
            continue
        pieces.append(text[pos:a])
        part = text[a:b]
        pieces.append("".join(ch if ch in _BRACKETS else " " for ch in part) if any(c in part for c in "()[]")
                      else " " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def test_blank_equals_the_old_form(records):
    rng = np.random.default_rng(7)
    cases = 0
    for record in records:
        for view in sentence_views(record):
            n = len(view.text)
            spans = [view.local(e) for e in view.entities]
            assert view.masked("OUTCOME", "INTERVENTION") == _old_blank(
                view.text, [view.local(e) for e in view.entities if e.label in ("OUTCOME", "INTERVENTION")])
            for _ in range(3):  # overlapping, empty, out-of-range and extra-field ranges too
                made = [(int(a), int(a) + int(rng.integers(-3, 40)), "x") for a in rng.integers(-5, n + 5, size=4)]
                for ranges in (spans, made, spans + made):
                    assert blank(view.text, ranges) == _old_blank(view.text, ranges)
                    cases += 1
    assert cases > 1000
