"""Decoding thresholds and hysteresis tuned on dev documents (pipeline/train/tune.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def small_sets(corpora):
    from claimex.corpora.dev import dev_sets
    from claimex.train.tune import TARGETS

    sets = dev_sets(sorted({n for v in TARGETS.values() for n in v}))
    return {name: docs[:6] for name, docs in sets.items()}


def test_tune_picks_the_best_grid_point_and_applies_it(small_sets, shipped_model_path):
    import spacy

    import claimex.annotate  # noqa: F401
    from claimex.train.tune import TOLERANCE, apply_tuning, tune

    nlp = spacy.load(shipped_model_path)
    grid, hyst = (0.3, 0.5, 0.7), (1.0, 0.5)
    result = tune(nlp, small_sets, grid, hyst)
    for cls in ("POPULATION", "INTERVENTION", "OUTCOME"):
        scores = result["grid"][cls]
        assert len(scores) == len(grid) * len(hyst)
        chosen = result["hysteresis"][cls]
        key = f"{result['thresholds'][cls]}@{chosen}"
        near = {k: v for k, v in scores.items() if v >= max(scores.values()) - TOLERANCE}
        assert key in near  # within the tolerance of the best dev F1 ...
        assert chosen == max(float(k.split("@")[1]) for k in near)  # ... with the least growth
    apply_tuning(nlp, result)
    pipe = nlp.get_pipe("claimex_pico")
    assert pipe.cfg["hysteresis"] == result["hysteresis"]
    assert nlp.config["components"]["claimex_pico"]["thresholds"] == result["thresholds"]
