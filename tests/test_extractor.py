"""The Extractor and the garbage collector (session 15, ``bench/SPEED.md``): its Docs are freed by reference counting
(``record_of`` empties a Doc's extension values once its record is built; real abstracts of the shared PubMed
samples, rule pipeline), and ``Extractor.freeze`` raises the young generation's threshold."""

from __future__ import annotations

import gc
import weakref

import pytest

from claimex.assemble import to_record
from claimex.extractor import GEN0_THRESHOLD, Extractor, record_of
from claimex.read.base import Document


@pytest.fixture(scope="module")
def abstracts(pubmed_abstracts) -> list[Document]:
    """The first 12 shared PubMed abstracts with a measure the rule pipeline parses (title + abstract)."""
    docs = [Document(id=pmid, text=f"{title}\n{body}") for pmid, title, body in pubmed_abstracts if "%" in body]
    return docs[:12]


def _freed_without_collector(nlp, document: Document, build) -> bool:
    """Is the Doc of ``document`` gone as soon as ``build(doc, document)`` returns and the Doc is dropped, with the
    garbage collector off (so only reference counting frees it)?"""
    gc.collect()
    gc.disable()
    try:
        doc = nlp(document.text)
        assert doc._.measures, document.id  # the extension values that point back at the Doc are there
        ref = weakref.ref(doc)
        build(doc, document)
        del doc
        return ref() is None
    finally:
        gc.enable()


def test_record_of_is_to_record(rules_nlp, abstracts):
    for document in abstracts:
        assert record_of(rules_nlp(document.text), document).to_json() == \
            to_record(rules_nlp(document.text), document).to_json(), document.id


def test_record_of_leaves_no_cycle(rules_nlp, abstracts):
    for document in abstracts:
        assert _freed_without_collector(rules_nlp, document, record_of), document.id


def test_to_record_alone_leaves_the_cycle(rules_nlp, abstracts):
    """The cycle ``record_of`` breaks is there without it (the check above can fail)."""
    assert not _freed_without_collector(rules_nlp, abstracts[0], to_record)


def test_records_leave_no_garbage_for_the_collector(rules_extractor, abstracts):
    gc.collect()
    gc.disable()
    try:
        records = [item.to_json() for item in rules_extractor.records(abstracts, batch_size=5)]
        found = gc.collect()
    finally:
        gc.enable()
    assert len(records) == len(abstracts)
    assert found == 0


@pytest.fixture
def gc_settings():
    """The collector's thresholds and frozen objects put back after the test."""
    before = gc.get_threshold()
    yield before
    gc.unfreeze()
    gc.set_threshold(*before)


def test_freeze_raises_the_young_threshold(gc_settings):
    gc.set_threshold(700, 10, 10)
    Extractor.freeze()
    assert gc.get_threshold() == (GEN0_THRESHOLD, 10, 10)
    assert gc.get_freeze_count() > 0


def test_freeze_keeps_a_higher_threshold_and_a_collector_switched_off(gc_settings):
    gc.set_threshold(GEN0_THRESHOLD * 2, 10, 10)
    Extractor.freeze()
    assert gc.get_threshold() == (GEN0_THRESHOLD * 2, 10, 10)
    gc.set_threshold(0, 10, 10)
    Extractor.freeze()
    assert gc.get_threshold() == (0, 10, 10)


def test_shipped_records_leave_no_garbage_for_the_collector(shipped_model_path, pubmed_abstracts):
    """With the shipped model, claim assembly (compiled by ``make compile`` or not) leaves no reference cycle either:
    session 27 found that mypyc keeps a closure that another closure of the same function calls (or that is passed
    on as a value) in the function's environment object, a cycle that held each abstract's record, views and claims
    until a collection (432 objects per abstract, ~5% of a pass's CPU time in the collector)."""
    extractor = Extractor.load(str(shipped_model_path))
    docs = [Document(id=pmid, text=f"{title}\n{body}") for pmid, title, body in pubmed_abstracts
            if "random" in body.lower()][:80]
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        records = [item.to_json() for item in extractor.records(docs, batch_size=16)]
        gc.collect()
        # claimex's own objects only: a thread another test left running (an asyncio loop) may make garbage meanwhile
        ours = [type(o) for o in gc.garbage if type(o).__module__.startswith("claimex")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert len(records) == len(docs) >= 40
    assert not ours, sorted({t.__qualname__ for t in ours})[:12]
