"""``pseudo:MODEL``: a teacher model's output becomes fully annotated training documents."""

from __future__ import annotations

import pytest

from pipeline import paths


def test_pseudo_docs_from_shipped_model():
    model = paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME
    if not (model / "config.cfg").exists():
        pytest.skip("no shipped model")
    from pipeline.corpora.types import ALL_LABELS
    from pipeline.train.distill import pseudo_docs

    text = "Aspirin versus placebo reduced mortality in adults with acute ischaemic stroke."
    (doc,) = list(pseudo_docs(str(model), texts=[text]))
    assert doc.text == text and doc.annotated == ALL_LABELS and doc.source == "pseudo"
    assert doc.spans and all(text[s.start:s.end].strip() for s in doc.spans)
