"""The shipped PICO models load as complete pipelines and tag the gold fixture (PMID 10940692)."""

from __future__ import annotations

import time

import pytest

from claimex import paths

MODELS = ["claimex-pico-sm", "claimex-pico-md"]


@pytest.fixture(scope="module", params=MODELS)
def shipped(request):
    path = paths.MODELS_DIR / request.param
    if request.param == paths.DEFAULT_MODEL_NAME:
        assert (path / "config.cfg").exists(), f"the default model {path} is missing"
    elif not (path / "config.cfg").exists():
        pytest.skip(f"{path} not shipped")
    import spacy

    import claimex.annotate  # noqa: F401

    t0 = time.time()
    nlp = spacy.load(path)
    return nlp, time.time() - t0


def test_complete_pipeline(shipped):
    nlp, seconds = shipped
    assert nlp.pipe_names[:2] == ["claimex_sentences", "claimex_abbreviations"]
    # the outcome list rules, then the subtype classifier after the tagger
    assert nlp.pipe_names[-3:] == ["claimex_pico", "claimex_outcome_lists", "claimex_subtypes"]
    assert seconds < 10  # bench/pico_speed.py measures ~1 s; generous for loaded CI machines


def test_gold_fixture(shipped, seed_path):
    """PMID 10940692 read the way the pipeline reads it: every HACE mention is an INTERVENTION."""
    from claimex.read.text import read_text_file

    nlp, _ = shipped
    doc = nlp(read_text_file(seed_path).text)
    group = doc.spans["pico"]
    ents = [(s.text, s.label_) for s in group]
    hace = [t for t in doc if t.text == "HACE"]
    assert len(hace) == 4
    for tok in hace:
        labels = {s.label_ for s in group if s.start <= tok.i < s.end}
        assert "INTERVENTION" in labels, (tok.i, ents)
    outcomes = " | ".join(t for t, lab in ents if lab == "OUTCOME")
    assert "response rates" in outcomes and "survival" in outcomes, ents
    scores = group.attrs["scores"]
    # spans the outcome rules add ("mean duration") have no tagger score
    assert len(scores) == len(group) and all(s is None or 0.0 <= s <= 1.0 for s in scores)
    assert sum(s is not None for s in scores) > len(scores) // 2


def test_load_nlp_default_is_sm():
    from claimex.annotate import load_nlp

    assert paths.DEFAULT_MODEL_NAME == "claimex-pico-sm"
    nlp = load_nlp()
    assert "claimex_pico" in nlp.pipe_names
