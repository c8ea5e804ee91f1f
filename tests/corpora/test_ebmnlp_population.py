"""EBM-NLP ``population=true``: the fine P layer of fine-only docs and extra sentences as partial
POPULATION spans with their subtypes (for subtype training; the tagger's defaults are unchanged)."""

from __future__ import annotations

from itertools import islice

from claimex.corpora import iter_source


def _first(spec, n=300):
    return list(islice(iter_source(spec), n))


def test_extra_sentences_population(corpora):
    plain, with_p = _first("ebm_sentences"), _first("ebm_sentences:population=true")
    assert not any(s.label == "POPULATION" for d in plain for s in d.spans)
    pops = [(d, s) for d in with_p for s in d.spans if s.label == "POPULATION"]
    assert pops and all(s.subtype in {"Age", "Sex", "Sample_size", "Condition"} for _, s in pops)
    assert all("POPULATION" not in d.annotated for d, _ in pops)  # partial: not annotated
    assert len({s.subtype for _, s in pops}) >= 3
    # the I/O spans are the same as without the option
    by_id = {d.id: d for d in plain}
    for d in with_p:
        if d.id in by_id:
            assert [s for s in d.spans if s.label != "POPULATION"] == by_id[d.id].spans


def test_fine_only_docs_population(corpora):
    docs = [d for d in _first("ebm_nlp:fine_only=true,population=true", 3000) if d.meta.get("fine_only")]
    pops = [s for d in docs for s in d.spans if s.label == "POPULATION"]
    assert pops and all(s.subtype is not None for s in pops)
    assert not any("POPULATION" in d.annotated for d in docs)
    coarse = [d for d in _first("ebm_nlp:fine_only=true,population=true", 200) if not d.meta.get("fine_only")]
    assert coarse and all("POPULATION" in d.annotated for d in coarse if "pio" in d.meta.get("layers", []))


def test_partial_label_spans_split_by_subtype():
    """No shared data: a partial (not annotated) label gives one span per run of one subtype; an
    annotated label keeps whole runs with the majority subtype."""
    from claimex.corpora.ebmnlp import _build

    tokens = ["120", "adults", "with", "asthma", "improved"]
    fine = ["Sample_size", "Age", "N", "Condition", "N"]
    on = [f != "N" for f in fine]
    doc = _build("d", tokens, {"POPULATION": on}, {"p_fine": fine}, set(), "ebm_sentences", None, {})
    assert [(doc.text[s.start:s.end], s.subtype) for s in doc.spans] == [
        ("120", "Sample_size"), ("adults", "Age"), ("asthma", "Condition")]
    doc = _build("d", tokens, {"POPULATION": on}, {"p_fine": fine}, {"POPULATION"}, "ebm_nlp", None, {})
    assert [(doc.text[s.start:s.end], s.subtype) for s in doc.spans] == [("120 adults", "Sample_size"),
                                                                         ("asthma", "Condition")]
