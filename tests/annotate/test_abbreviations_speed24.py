"""Speed-up of the abbreviation reads (session 24) that must not change a result, against the reads it replaced (kept
here) on real abstracts from ../shared: the detector records the token and character offsets of each pair it writes
(``abbreviations.abbreviation_rows``), which the span hygiene (``hygiene.abbreviation_bounds``) and the record
(``abbreviation_pairs``) read instead of ``short._.long_form`` per short form (an ``Underscore`` object and a Python
``__getattr__``, ~13,000 instructions a read); the rows answer only while ``doc._.abbreviations`` is the list the
detector wrote, with as many items."""

from __future__ import annotations

import pytest

from claimex.annotate import abbreviations
from claimex.annotate.abbreviations import abbreviation_pairs, abbreviation_rows
from claimex.annotate.tagger.hygiene import abbreviation_bounds


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    """Whole real abstracts (the fixture's long items) through the rule pipeline (sentences, abbreviations)."""
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:80]]


def _rows_old(doc) -> list[tuple]:
    """The rows read from the spans (``short._.long_form`` per short form), as every reader did before."""
    out = []
    for short in doc._.abbreviations or []:
        long = short._.long_form
        if long is not None:
            out.append((short.start, short.end, short.start_char, short.end_char,
                        long.start, long.end, long.start_char, long.end_char))
    return out


def _pairs_old(doc, text=None) -> list[tuple[int, int, str, str]]:
    """``abbreviation_pairs`` before session 24."""
    out = set()
    for short in doc._.abbreviations or []:
        long_form = short._.long_form
        if long_form is None:
            continue
        if text is None:
            out.add((short.start_char, short.end_char, short.text, long_form.text))
        else:
            out.add((short.start_char, short.end_char, text[short.start_char:short.end_char],
                     text[long_form.start_char:long_form.end_char]))
    return sorted(out)


def test_recorded_rows_equal_the_span_reads(docs):
    recorded = rows = 0
    for doc in docs:
        got = abbreviation_rows(doc)
        assert got == _rows_old(doc)
        assert abbreviation_bounds(doc) == [(r[0], r[1], r[4], r[5]) for r in _rows_old(doc)]
        assert abbreviation_pairs(doc) == _pairs_old(doc)
        assert abbreviation_pairs(doc, doc.text) == _pairs_old(doc, doc.text)
        if got:
            recorded += got is abbreviations._ROWS[doc]  # answered from the detector's record
            rows += len(got)
    assert recorded > 20 and rows > 100


def test_changed_lists_are_read_from_the_spans(rules_nlp, docs):
    doc = next(d for d in docs if len(d._.abbreviations) >= 2)
    first = doc._.abbreviations[0]
    doc._.abbreviations.append(first)  # one more item: the record no longer answers
    assert abbreviation_rows(doc) == _rows_old(doc) and abbreviation_rows(doc) is not abbreviations._ROWS[doc]
    doc._.abbreviations = doc._.abbreviations[:1]  # a shorter list
    assert abbreviation_rows(doc) == _rows_old(doc) and len(abbreviation_rows(doc)) == 1
    doc._.abbreviations = [doc._.abbreviations[0]] * len(abbreviations._ROWS[doc])  # as many, other bounds
    assert abbreviation_rows(doc) == _rows_old(doc)
    # the detector run again on a finished doc appends to the list it finds: recorded over what was recorded
    again = rules_nlp(doc.text)
    rules_nlp.get_pipe("claimex_abbreviations")(again)
    assert abbreviation_rows(again) == _rows_old(again) and abbreviation_rows(again) is abbreviations._ROWS[again]
    assert len(again._.abbreviations) == 2 * len(_rows_old(rules_nlp(doc.text)))


def test_the_doc_is_left_as_before(rules_nlp, docs):
    """The detector writes ``user_data`` (the Doc's serialised state) in the old loop's order - each short form's
    long form, the list made right after the first one - and nothing on a doc without pairs (no list made)."""
    with_pairs = 0
    for text in [d.text for d in docs[:40]] + ["No brackets here at all.", "A rate (50%) and a value (p = 0.2)."]:
        doc = rules_nlp(text)
        found = doc._.abbreviations if "abbreviations" in {k[1] for k in doc.user_data} else []
        expected = []
        for k, short in enumerate(found):
            key = ("._.", "long_form", short.start_char, short.end_char)
            if key not in expected:
                expected.append(key)
            if k == 0:
                expected.append(("._.", "abbreviations", None, None))
        assert [k for k in doc.user_data if k[1] in ("long_form", "abbreviations")] == expected
        with_pairs += bool(found)
    assert with_pairs > 10


def test_the_record_does_not_keep_the_doc(rules_nlp, docs):
    """The rows hold no Span (a Span holds its Doc): a doc with pairs is freed when it goes, and its rows with it."""
    import gc

    text = next(d.text for d in docs if d._.abbreviations)
    doc = rules_nlp(text)
    assert doc in abbreviations._ROWS
    gc.collect()
    before = len(abbreviations._ROWS)
    doc.user_data.clear()  # the Extractor's record_of: the short forms' Spans hold the Doc (a cycle) until then
    del doc
    assert len(abbreviations._ROWS) == before - 1
