"""Session 23 (issue 13, s23-speed): claim assembly reads the record's entities and measures as
:class:`.plain.PlainEntity` / :class:`.plain.PlainMeasure` copies (``__slots__``, no pydantic attribute hook), made
once per record. On real abstracts from ../shared (PubMed XML samples) run through the shipped pipeline: the copies
hold the models' values, every view and the arm ranker's facts hold the copies, and the claims equal those assembled
from the pydantic models themselves (the form before)."""

from __future__ import annotations

import pytest

import claimex
import claimex.assemble.claims as claims_pkg
import claimex.assemble.claims.base as base
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import AbstractFacts
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.plain import PlainEntity, PlainMeasure, plain_entities
from claimex.schema import Entity, Measure


@pytest.fixture(scope="module")
def records(shipped_model_path, pubmed_abstracts):
    nlp = claimex.load()
    texts = [body for _, _, body in pubmed_abstracts if len(body) > 600][:40]
    return [doc._.record for doc in nlp.pipe(texts)]


def test_slots_are_the_models_fields():
    assert PlainEntity.__slots__ == (*Entity.model_fields, "model")
    assert PlainMeasure.__slots__ == (*Measure.model_fields, "model")


def test_copies_hold_the_models_values(records):
    seen = 0
    for record in records:
        plain = plain_entities(record)
        assert len(plain) == len(record.entities)
        for p, e in zip(plain, record.entities):
            assert p.model is e
            assert {f: getattr(p, f) for f in Entity.model_fields} == e.model_dump()
            seen += 1
        measures = [m for v in sentence_views(record) for m in v.measures]
        assert all(isinstance(m, PlainMeasure) for m in measures)
        for m in measures:
            assert {f: getattr(m, f) for f in Measure.model_fields} == m.model.model_dump()
            seen += 1
    assert seen > 1300


def test_views_and_facts_hold_the_copies(records):
    for record in records:
        plain = plain_entities(record)
        views = sentence_views(record, plain)
        ours = {id(p) for p in plain}
        placed = [e for v in views for e in v.entities]
        assert placed and all(id(e) in ours for e in placed)
        # the same placement as the models' (by id: a copy made here is another object)
        assert [e.id for v in sentence_views(record) for e in v.entities] == [e.id for e in placed]
        facts = AbstractFacts(record, views, plain)
        assert all(id(e) in ours for group in facts.arms for e in group)
        assert all(isinstance(e, PlainEntity) for e in AbstractFacts(record).ents)


def test_copies_are_read_only(records):
    p = plain_entities(records[0])[0]
    with pytest.raises(AttributeError):
        p.label = "OUTCOME"
    with pytest.raises(AttributeError):
        del p.text
    with pytest.raises(AttributeError):
        p.other = 1


def test_claims_equal_those_from_the_models(records, monkeypatch):
    """The assembly on the copies and on the pydantic models themselves (``plain_entities`` replaced by the record's
    own list, ``PlainMeasure`` by the model: the reads and identity before session 23) gives the same claims and
    entities."""
    assembler = ClaimAssembler()
    new = [(assembler(r := record.model_copy(deep=True)), r.entities) for record in records]
    monkeypatch.setattr(claims_pkg, "plain_entities", lambda record: list(record.entities))
    monkeypatch.setattr(base, "PlainMeasure", lambda measure: measure)
    old = [(assembler(r := record.model_copy(deep=True)), r.entities) for record in records]
    assert new == old
    assert sum(len(c) for c, _ in new) > 100
