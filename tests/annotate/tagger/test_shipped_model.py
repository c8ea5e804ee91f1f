"""The shipped PICO models load as complete pipelines and tag the gold fixture (PMID 10940692)."""

from __future__ import annotations

import time

import pytest

from pipeline import paths

MODELS = ["claimex-pico-sm", "claimex-pico-md"]


@pytest.fixture(scope="module", params=MODELS)
def shipped(request):
    path = paths.MODELS_DIR / request.param
    if request.param == paths.DEFAULT_MODEL_NAME:
        assert (path / "config.cfg").exists(), f"the default model {path} is missing"
    elif not (path / "config.cfg").exists():
        pytest.skip(f"{path} not shipped")
    import spacy

    import pipeline.annotate  # noqa: F401

    t0 = time.time()
    nlp = spacy.load(path)
    return nlp, time.time() - t0


def test_complete_pipeline(shipped):
    nlp, seconds = shipped
    assert nlp.pipe_names[:2] == ["claimex_sentences", "claimex_abbreviations"]
    assert nlp.pipe_names[-1] == "claimex_pico"
    assert seconds < 10  # bench/pico_speed.py measures ~1 s; generous for loaded CI machines


def test_gold_fixture(shipped, seed_path):
    nlp, _ = shipped
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    ents = [(s.text, s.label_) for s in doc.spans["pico"]]
    hace = [lab for t, lab in ents if "HACE" in t]
    assert hace and all(lab == "INTERVENTION" for lab in hace), ents
    outcomes = " | ".join(t for t, lab in ents if lab == "OUTCOME")
    assert "response rate" in outcomes or "survival" in outcomes, ents
    scores = doc.spans["pico"].attrs["scores"]
    assert len(scores) == len(doc.spans["pico"]) and all(0.0 <= s <= 1.0 for s in scores)


def test_load_nlp_default_is_sm():
    from pipeline.annotate import load_nlp

    assert paths.DEFAULT_MODEL_NAME == "claimex-pico-sm"
    nlp = load_nlp()
    assert "claimex_pico" in nlp.pipe_names
