"""The tagger's embedding rows made once per word (:mod:`claimex.annotate.tagger.embedcache`): the same
probabilities as the network run whole, bounded, emptied when the weights change, used only where it fits."""

from __future__ import annotations

import json

import numpy
import pytest
from spacy.attrs import NORM

from claimex.annotate.tagger import embedcache
from claimex.annotate.tagger.ops import gemm_route


@pytest.fixture(scope="module")
def tagged(shipped_model_path, corpora):
    """The shipped pipeline, its tagger and 40 real abstracts (title + abstract) annotated up to the tagger."""
    from claimex.annotate import load_nlp

    nlp = load_nlp(shipped_model_path)
    pico = nlp.get_pipe("claimex_pico")
    texts = []
    with open(corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            body = " ".join(s["text"] for s in r.get("abstract_sections") or [])
            if body:
                texts.append(f"{r.get('title') or ''}\n{body}")  # the newline: a whitespace token
            if len(texts) == 40:
                break
    before = nlp.pipe_names[:nlp.pipe_names.index("claimex_pico")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    return nlp, pico, docs, before


def _uncached(pico, docs):
    cache, pico.embed_cache = pico.embed_cache, None
    try:
        return pico.predict(docs)
    finally:
        pico.embed_cache = cache


def _same(a, b) -> bool:
    """The same probabilities: byte for byte on the blis and numpy64 routes (a row's floats do not depend on the
    batch); on numpy's float32 OpenBLAS route (the faster on AMD EPYC) the last bit can move with a row's place in
    the batch (``ops``), so equal there within float32 rounding."""
    if len(a) != len(b) or any(x.dtype != y.dtype or x.shape != y.shape for x, y in zip(a, b)):
        return False
    if gemm_route() in ("blis", "numpy64"):
        return all(x.tobytes() == y.tobytes() for x, y in zip(a, b))
    return all(numpy.allclose(x, y, rtol=1e-5, atol=1e-7) for x, y in zip(a, b))


def test_loaded_pipeline_caches_and_gives_the_networks_probabilities(tagged):
    nlp, pico, docs, before = tagged
    assert pico.embed_cache is not None  # loading turns it on
    pico.embed_cache.clear()
    whole = _uncached(pico, docs)
    assert _same(pico.predict(docs), whole)  # rows made in this batch
    made = pico.embed_cache.size
    tokens = sum(len(d) for d in docs)
    assert 0 < made < tokens / 2  # one row per distinct word, not per token
    assert _same(pico.predict(docs), whole)  # rows from the cache
    assert pico.embed_cache.size == made
    assert _same(pico.predict(docs[5:9] + docs[:2]), whole[5:9] + whole[:2])


def test_a_word_with_another_norm_gets_its_own_row(tagged):
    nlp, pico, docs, before = tagged
    with nlp.select_pipes(enable=before):
        doc = nlp(docs[0].text)
    k = next(t.i for t in doc if t.is_alpha and len(t) > 3)
    norms = doc.to_array([NORM])
    norms[k] = nlp.vocab.strings.add("placebo")
    doc.from_array([NORM], norms.reshape(-1, 1))
    pico.embed_cache.clear()
    pico.predict(docs[:1])  # the word's row with its own NORM first
    changed = pico.predict([doc])
    assert _same(changed, _uncached(pico, [doc]))
    assert _same(pico.predict([doc]), changed)  # the other NORM's row from the cache: no new row to make
    assert not _same(changed, _uncached(pico, docs[:1]))  # the NORM does reach the network


def test_a_full_cache_starts_again(tagged):
    _, pico, docs, _ = tagged
    cache = embedcache.EmbedCache(pico.embed_cache.embed, pico.vocab, max_rows=600)
    saved, pico.embed_cache = pico.embed_cache, cache
    try:
        outs, sizes = [], []
        for k in range(0, 20, 4):
            outs.append(pico.predict(docs[k:k + 4]))
            sizes.append(cache.size)
        assert max(sizes) <= 600
        assert any(b < a for a, b in zip(sizes, sizes[1:]))  # it started again
        assert _same([p for out in outs for p in out], _uncached(pico, docs[:20]))
    finally:
        pico.embed_cache = saved


def test_weight_changes_empty_the_cache(tagged):
    nlp, pico, docs, _ = tagged
    pico.predict(docs[:2])
    assert pico.embed_cache.size > 0
    # the weights spaCy's training evaluates with (its averages): here the same values, other arrays
    params = {(node.id, name): node.get_param(name).copy() for node in pico.model.walk()
              for name in node.param_names if node.has_param(name)}
    with nlp.use_params(params):
        assert pico.embed_cache.size == 0
        pico.predict(docs[:1])
    assert pico.embed_cache.size == 0
    pico.predict(docs[:2])
    pico.finish_update(lambda key, param, grad: (param, grad))
    assert pico.embed_cache.size == 0


def test_spacy_load_turns_the_cache_on_a_pipeline_built_for_training_does_not(shipped_model_path):
    """A tagger read from disk or bytes (``spacy.load``, a model package) is for annotating and keeps its rows; one
    built from the config alone (what training starts from) does not, and ``cache_embeddings(False)`` turns it off."""
    import spacy

    nlp = spacy.load(shipped_model_path)
    pico = nlp.get_pipe("claimex_pico")
    assert pico.embed_cache is not None and pico.embed_cache.size == 0
    nlp("Aspirin reduced pain in 40 adults.")
    assert pico.embed_cache.size > 0
    assert pico.cache_embeddings(False) is False and pico.embed_cache is None
    built = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert built.get_pipe("claimex_pico").embed_cache is None
    built.from_bytes(nlp.to_bytes())
    assert built.get_pipe("claimex_pico").embed_cache is not None


def _network(attrs: list[str]):
    from spacy.ml.models import MaxoutWindowEncoder, MultiHashEmbed
    from spacy.ml.models.tok2vec import build_Tok2Vec_model

    from claimex.annotate.tagger.model import build_pico_tagger

    embed = MultiHashEmbed(width=8, attrs=attrs, rows=[50] * len(attrs), include_static_vectors=False)
    tok2vec = build_Tok2Vec_model(embed, MaxoutWindowEncoder(width=8, depth=1, window_size=1, maxout_pieces=2))
    return build_pico_tagger(tok2vec, nO=4)


def test_fits_only_an_embedding_of_lexical_attributes(tagged):
    nlp, pico, _, _ = tagged
    assert embedcache.fits(pico.model, nlp.vocab)
    assert embedcache.fits(_network(["NORM", "PREFIX", "SUFFIX", "SHAPE"]), nlp.vocab)
    assert not embedcache.fits(_network(["NORM", "ENT_TYPE"]), nlp.vocab)  # a token's, not a word's
    assert embedcache.parts(pico.model.get_ref("tok2vec")) is None



def _bits(arrays) -> list[bytes]:
    return [a.tobytes() for a in arrays]


@pytest.mark.parametrize("route", ["numpy64", "blis"])
def test_a_documents_bits_do_not_depend_on_its_batch_on_the_invariant_routes(tagged, monkeypatch, route):
    """``CLAIMEX_GEMM=numpy64`` (and blis): the same probabilities, bit for bit, for a document predicted in one
    batch, alone, or among others after the embedding cache was made in another order (``ops``, session 28; on
    the float32 numpy route of an AMD EPYC box the alone / reordered rows differ in their last bits)."""
    nlp, pico, docs, before = tagged
    monkeypatch.setenv("CLAIMEX_GEMM", route)
    pico.embed_cache.clear()
    whole = _bits(pico.predict(docs))
    pico.embed_cache.clear()
    alone = [_bits(pico.predict([d]))[0] for d in reversed(docs[:8])][::-1]  # the cache made one doc at a time
    assert alone == whole[:8]
    assert _bits(pico.predict(docs[5:9] + docs[:2])) == whole[5:9] + whole[:2]
    assert _bits(_uncached(pico, docs[3:7])) == whole[3:7]
