"""Tagger decoding's span scores read in two array look-ups per doc (session 22): ``decode_items`` gathers its spans
first and reads the running sums at their ends with one fancy index each (``cums[rows, cols].tolist()``), where it
made two numpy scalars per span (``float(cums[e, c]) - float(cums[s, c])``). Against the old per-span form on the
shipped tagger's probabilities for real PubMed abstracts (../shared), one head alone at the weak
threshold (as the weak decode runs it), and noisy probabilities."""

from __future__ import annotations

import numpy
import pytest
import spacy

from claimex import paths
from claimex.annotate.tagger.decode import decode_items, hygiene_for


def _old_scores(probs, heads, items):
    """Each item's score as the old loop made it: the mean head probability over its tokens in the column of the run
    it came from (COMPARATOR pieces come from INTERVENTION runs)."""
    cums = numpy.concatenate((numpy.zeros((1, probs.shape[1]), dtype=probs.dtype), probs.cumsum(axis=0)))
    out = []
    for s, e, label, _ in items:
        c = heads.index("INTERVENTION" if label == "COMPARATOR" and "INTERVENTION" in heads else label)
        out.append(round((float(cums[e, c]) - float(cums[s, c])) / (e - s), 4))
    return out


@pytest.fixture(scope="module")
def tagged(pubmed_abstracts):
    nlp = spacy.load(paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME)
    pico = nlp.get_pipe("claimex_pico")
    with nlp.select_pipes(disable=nlp.pipe_names[nlp.pipe_names.index("claimex_pico"):]):
        docs = list(nlp.pipe([body for _, _, body in pubmed_abstracts[:80] if body]))
    return pico, docs, pico.predict(docs)


def test_scores_equal_the_per_span_form(tagged):
    pico, docs, probs = tagged
    cfg, heads = pico.cfg, pico.heads
    rng = numpy.random.default_rng(22)
    n = comparators = 0
    for doc, p in zip(docs, probs):
        clean = hygiene_for(doc, cfg)
        noisy = numpy.clip(p + rng.normal(0, 0.2, p.shape), 0, 1).astype(p.dtype)
        for q in (p, noisy):
            for hyst in (cfg["hysteresis"], None):
                items = decode_items(doc, q, heads, cfg["thresholds"], True, False, hyst, clean)
                assert [it[3] for it in items] == _old_scores(q, heads, items)
                n += len(items)
                comparators += sum(it[2] == "COMPARATOR" for it in items)
        col = p[:, heads.index("OUTCOME"):heads.index("OUTCOME") + 1]  # one head alone, as the weak decode runs
        items = decode_items(doc, col, ("OUTCOME",), {"OUTCOME": 0.3}, True, False, {"OUTCOME": 0.5}, clean)
        assert [it[3] for it in items] == _old_scores(col, ("OUTCOME",), items)
        n += len(items)
    assert n > 3000 and comparators > 50
