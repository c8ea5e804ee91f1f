"""The tagger component runs its network over runs of docs of bounded token count (``token_chunks``,
``PREDICT_TOKENS``): same docs, same order, same probabilities as the whole batch at once."""

from __future__ import annotations


def test_token_chunks_keep_order_and_budget():
    from claimex.annotate.tagger.component import token_chunks

    class _Doc:
        def __init__(self, n: int) -> None:
            self.n = n

        def __len__(self) -> int:
            return self.n

    docs = [_Doc(n) for n in (3, 3, 5, 10, 1, 0, 2)]
    chunks = token_chunks(docs, 6)
    assert [d for c in chunks for d in c] == docs  # every doc once, in order
    assert [[len(d) for d in c] for c in chunks] == [[3, 3], [5], [10], [1, 0, 2]]
    assert all(sum(map(len, c)) <= 6 or len(c) == 1 for c in chunks)  # only a doc longer than the budget exceeds it
    assert token_chunks([], 6) == []


def test_chunked_prediction_is_the_whole_batch_prediction(monkeypatch):
    """The shipped tagger's probabilities do not depend on how the docs are cut into runs (blis route)."""
    import claimex
    from claimex.annotate.tagger import component

    monkeypatch.setenv("CLAIMEX_GEMM", "blis")
    nlp = claimex.load()
    pico = nlp.get_pipe("claimex_pico")
    texts = ["Mortality was 12% in the HACE group vs 20% with placebo (P = 0.03).",
             "Sixty patients with hepatocellular carcinoma were randomised to TACE or best supportive care.",
             "", "Pain scores fell."] * 3
    docs = [nlp.make_doc(t) for t in texts]
    for _name, proc in nlp.pipeline[:nlp.pipe_names.index("claimex_pico")]:
        docs = [proc(d) for d in docs]
    monkeypatch.setattr(component, "PREDICT_TOKENS", 10**9)
    whole = pico.predict(docs)
    monkeypatch.setattr(component, "PREDICT_TOKENS", 20)
    chunked = pico.predict(docs)
    assert len(chunked) == len(docs)
    assert all(a.shape == (len(d), len(pico.heads)) and (a == b).all() for a, b, d in zip(whole, chunked, docs))
