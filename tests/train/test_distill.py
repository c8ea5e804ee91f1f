"""``pseudo:MODEL``: a teacher model's output becomes fully annotated training documents."""

from __future__ import annotations

import pytest

TEXT = "Aspirin versus placebo reduced mortality in adults with acute ischaemic stroke."


def test_pseudo_docs_from_shipped_model(shipped_model_path):
    from claimex.corpora.types import ALL_LABELS
    from claimex.train.distill import pseudo_docs

    text = TEXT
    (doc,) = list(pseudo_docs(str(shipped_model_path), texts=[text]))
    assert doc.text == text and doc.annotated == ALL_LABELS and doc.source == "pseudo"
    assert doc.spans and all(text[s.start:s.end].strip() for s in doc.spans)


def test_pseudo_spec_options():
    from claimex.train.distill import parse_pseudo_spec

    assert parse_pseudo_spec("pseudo:claimex-pico-md") == ("claimex-pico-md", 0, 0.0)
    assert parse_pseudo_spec("pseudo:runs/t/model,limit=50,soft=0.5") == ("runs/t/model", 50, 0.5)
    with pytest.raises(ValueError, match="unknown option 'temp'"):
        parse_pseudo_spec("pseudo:m,temp=2")
    with pytest.raises(ValueError, match="between 0 and 1"):
        parse_pseudo_spec("pseudo:m,soft=1.5")


def test_soft_targets_mix_teacher_probabilities_into_decisions(shipped_model_path):
    import numpy
    import spacy

    from claimex.annotate.tagger.model import HEADS, SOFT_KEY, targets
    from claimex.train.data import make_example
    from claimex.train.distill import pseudo_docs

    model, text = shipped_model_path, TEXT
    (hard,) = list(pseudo_docs(str(model), texts=[text]))
    (cdoc,) = list(pseudo_docs(str(model), texts=[text], soft=0.5))
    assert SOFT_KEY not in hard.meta
    alpha, probs = cdoc.meta[SOFT_KEY]
    nlp = spacy.blank("en")
    nlp.tokenizer = spacy.load(model).tokenizer
    assert alpha == 0.5 and probs.shape == (len(nlp.make_doc(text)), len(HEADS))
    y_hard, _ = targets(make_example(nlp, hard))
    y_soft, _ = targets(make_example(nlp, cdoc))
    numpy.testing.assert_allclose(y_soft, 0.5 * y_hard + 0.5 * probs.astype("f"), atol=1e-6)
    assert ((y_soft > 0) & (y_soft < 1)).any()  # soft, not 0/1
    i = HEADS.index("INTERVENTION")
    aspirin = 0
    assert y_hard[aspirin, i] == 1.0 and 0.5 < y_soft[aspirin, i] < 1.0


def test_shared_abstracts_are_pseudo_labelled_once_per_process(monkeypatch):
    from claimex.train import distill

    calls = []

    def fake(model, limit, batch_size, texts, soft):
        calls.append(model)
        yield from [f"doc-{k}" for k in range(limit)]

    monkeypatch.setattr(distill, "_pseudo_docs", fake)
    monkeypatch.setattr(distill, "_CACHE", {})
    first = list(distill.pseudo_docs("teacher-x", limit=3, soft=0.5))
    again = list(distill.pseudo_docs("teacher-x", limit=3, soft=0.5))
    other = list(distill.pseudo_docs("teacher-x", limit=3, soft=0.0))
    assert first == again == other == ["doc-0", "doc-1", "doc-2"]
    assert calls == ["teacher-x", "teacher-x"]  # once per (model, limit, soft), not once per call
    list(distill.pseudo_docs("teacher-x", limit=2, texts=["a", "b"]))
    assert len(calls) == 3  # explicit texts are never cached
