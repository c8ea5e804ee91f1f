"""CI smoke training: a few steps from the shipped configs (seconds), through the CLI."""

from __future__ import annotations

import json

import numpy
import pytest
from pico_samples import TEXTS  # tests/ is on sys.path through its conftest

# EBM-NLP fine labels of the entities above: the [claimex_subtypes] stage trains on them
SUBTYPES = [("Pharmacological", "Mortality", "Condition"), ("Control", "Pain", "Condition"),
            ("Pharmacological", "Other", "Age")]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "team.jsonl"
    with open(path, "w") as fh:
        for k in range(12):
            text, ents = TEXTS[k % 3]
            fh.write(json.dumps({"id": f"doc{k}", "text": text, "entities": [
                {"start": a, "end": b, "label": lab, "subtype": sub}
                for (a, b, lab), sub in zip(ents, SUBTYPES[k % 3])]}) + "\n")
    return path


@pytest.fixture(scope="module")
def tiny_vectors(tmp_path_factory):
    import spacy
    from spacy.attrs import NORM
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    words = sorted({w.strip(".").lower() for t, _ in TEXTS for w in t.split()})
    keys = [nlp.vocab.strings.add(w) for w in words]
    data = numpy.random.RandomState(0).rand(len(words), 64).astype("f")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=keys, attr=NORM)
    path = tmp_path_factory.mktemp("vectors") / "vectors"
    nlp.to_disk(path)
    return path


@pytest.mark.parametrize("config", ["pico-sm", "pico-md"])
def test_cli_smoke_train(config, data, tiny_vectors, tmp_path):
    import spacy
    from typer.testing import CliRunner

    from claimex import paths
    from claimex.cli import app

    out = tmp_path / "model"
    result = CliRunner().invoke(app, [
        "train", "pico", "--config", str(paths.CONFIGS_DIR / f"{config}.cfg"), "--output", str(out), "--data", str(data),
        "--no-shared", "--no-pretrain", "--seed", "1", "--set", f"paths.vectors={json.dumps(str(tiny_vectors))}",
        "--set", "training.max_steps=6", "--set", "training.eval_frequency=3", "--set", "claimex_tune.enabled=false"])
    assert result.exit_code == 0, result.output
    nlp = spacy.load(out)
    assert nlp.pipe_names[-3:] == ["claimex_pico", "claimex_outcome_lists", "claimex_subtypes"]
    assert "claimex_sentences" in nlp.pipe_names
    assert nlp.get_pipe("claimex_subtypes").is_trained  # trained on the --data subtypes only (--no-shared)
    assert nlp.meta["claimex_subtypes"]["sources"] == [str(data)]
    doc = nlp("Aspirin reduced mortality in adults with stroke.")
    group = doc.spans["pico"]
    assert len(group.attrs["scores"]) == len(group) == len(group.attrs["subtypes"])
    assert not (out.parent / "model.work").exists() or not (out.parent / "model.work" / "train").exists()


def test_pretraining_smoke(tiny_vectors, tmp_path):
    """``spacy pretrain`` on a handful of abstracts with the config's objective (vectors)."""
    from claimex import paths
    from claimex.train.data import AbstractTexts
    from claimex.train.spacy_backend import pretrain

    AbstractTexts._texts_override = [t for t, _ in TEXTS] * 3
    try:
        weights = pretrain(paths.CONFIGS_DIR / "pico-sm.cfg", tmp_path / "pretrain",
                           {"paths.vectors": str(tiny_vectors), "pretraining.max_epochs": 1}, epochs=1)
    finally:
        del AbstractTexts._texts_override
    assert weights.exists() and weights.stat().st_size > 1000


def test_needs_vectors_with_a_sourced_tagger():
    """configs/pico-sm-continue.cfg sources the tagger from the shipped model (no model block, vectors given):
    no vectors to build; the from-scratch recipe with no vectors given builds them."""
    from claimex import paths
    from claimex.train.spacy_backend import has_pretraining, needs_vectors

    continued = paths.CONFIGS_DIR / "pico-sm-continue.cfg"
    assert needs_vectors(continued, {}) is None
    assert not has_pretraining(continued, {})
    assert needs_vectors(paths.CONFIGS_DIR / "pico-sm.cfg", {})["dim"] == 64
