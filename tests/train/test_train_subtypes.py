"""Training the subtype classifier: data from the shared corpora (train side of the dev split),
a small real model, saving it, adding it to a packaged pipeline, the ``[claimex_subtypes]`` stage
and ``claimex train subtypes``."""

from __future__ import annotations

import json
from collections import Counter

import numpy
import pytest
import spacy

import claimex.annotate  # noqa: F401
from claimex.corpora import is_dev
from claimex.corpora import subtypes as spans_data
from claimex.train import subtypes as st

SOURCES = spans_data.SOURCES


@pytest.fixture(scope="module")
def tokenizer():
    return spans_data.default_tokenizer()


@pytest.fixture(scope="module")
def train_docs(corpora, tokenizer):
    return spans_data.load_span_docs(SOURCES, "train", limit=40, tokenizer=tokenizer)


@pytest.fixture(scope="module")
def small_model(train_docs):
    return st.fit(st.featurize(train_docs, 14), bits=14, epochs=6, learn_rate=0.05)


def test_training_spans_come_from_the_train_split(train_docs, corpora, tokenizer):
    assert len(train_docs) == 80  # 40 docs per source
    assert not any(is_dev(cdoc.key) for cdoc, _, _ in train_docs)
    dev = spans_data.load_span_docs(SOURCES[:1], "dev", limit=5, tokenizer=tokenizer)
    assert len(dev) == 5 and all(is_dev(cdoc.key) for cdoc, _, _ in dev)
    spans = [s for _, _, sp in train_docs for s in sp]
    assert {lab for _, _, lab, _ in spans} == {"POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"}
    from claimex.annotate.entities import SUBTYPES

    assert all(sub in SUBTYPES[lab] for _, _, lab, sub in spans)
    # gold spans are projected onto tokens and trimmed like the tagger's spans
    for _, doc, sp in train_docs:
        for a, b, _, _ in sp:
            assert 0 <= a < b <= len(doc)
            assert not doc[a].is_punct or doc[a].text in "([{", doc[a:b]
            assert not doc[b - 1].is_punct or doc[b - 1].text in ")]}", doc[a:b]


def test_featurize_skips_the_fixed_comparator(train_docs):
    data = st.featurize(train_docs, 14)
    assert "COMPARATOR" not in data.labels and len(data) == len(data.targets) == len(data.offsets) - 1
    n_other = sum(1 for _, _, sp in train_docs for s in sp if s[2] != "COMPARATOR")
    assert len(data) == n_other and data.rows.max() < 2 ** 14


def test_small_model_beats_the_majority_on_its_training_spans(train_docs, small_model):
    data = st.featurize(train_docs, 14)
    logits = numpy.add.reduceat(small_model.W[data.rows], data.offsets[:-1], axis=0)
    pred, _ = small_model.predict(logits, data.labels)
    acc = numpy.mean([p == g for p, g in zip(pred, data.targets)])
    majority = max(Counter(data.targets).values()) / len(data)
    assert acc > majority + 0.2
    assert small_model.meta["train_counts"]["INTERVENTION/Pharmacological"] > 0


def test_save_and_add_to_a_packaged_pipeline(tmp_path, small_model):
    from claimex.annotate import build_pipeline
    from claimex.annotate.entities import set_entities

    comp = st.save_component(small_model, tmp_path / "comp", min_score=0.3)
    assert json.loads((comp / "config.json").read_text()) == {"factory": "claimex_subtypes", "min_score": 0.3}
    model_dir = tmp_path / "pipe"
    build_pipeline().to_disk(model_dir)  # a packaged pipeline without a tagger
    st.add_subtypes(model_dir, comp)
    st.add_subtypes(model_dir, comp)  # again: replaced, not doubled
    nlp = spacy.load(model_dir)
    assert nlp.pipe_names.count("claimex_subtypes") == 1 and nlp.pipe_names[-1] == "claimex_subtypes"
    assert nlp.get_pipe("claimex_subtypes").min_score == 0.3
    assert nlp.meta["claimex_subtypes"]["bits"] == 14 and nlp.meta["claimex_subtypes"]["seed"] == 0
    doc = nlp.make_doc("Patients received metformin.")
    set_entities(doc, [doc.char_span(18, 27, label="INTERVENTION")])
    assert nlp.get_pipe("claimex_subtypes")(doc).spans["pico"].attrs["subtypes"] == ["Pharmacological"]


def test_config_stage(tmp_path, small_model, corpora):
    from claimex.annotate import build_pipeline

    model_dir = tmp_path / "pipe"
    build_pipeline().to_disk(model_dir)
    assert st.add_from_config({"claimex_subtypes": {"enabled": False}}, model_dir) is None
    assert st.add_from_config({"claimex_subtypes": {"enabled": True, "sources": []}}, model_dir) is None
    st.save_component(small_model, tmp_path / "comp")
    cfg = {"claimex_subtypes": {"enabled": True, "trained": str(tmp_path / "comp"), "min_score": 0.0}}
    assert st.add_from_config(cfg, model_dir) == model_dir
    assert spacy.load(model_dir).pipe_names[-1] == "claimex_subtypes"


def _team_data(path, n=20):
    """Record JSONL with entity subtypes (a team's own annotations)."""
    rows = [("Children received ibuprofen.", [(0, 8, "POPULATION", "Age"), (18, 27, "INTERVENTION", "Pharmacological")]),
            ("Adults had knee surgery.", [(0, 6, "POPULATION", "Age"), (11, 23, "INTERVENTION", "Surgical")]),
            ("Mortality fell in 40 women.", [(0, 9, "OUTCOME", "Mortality"), (18, 26, "POPULATION", "Sample_size")])]
    with open(path, "w") as fh:
        for k in range(n):
            text, ents = rows[k % 3]
            fh.write(json.dumps({"id": f"t{k}", "text": f"{text} Trial {k}.", "entities": [
                {"start": a, "end": b, "label": lab, "subtype": sub} for a, b, lab, sub in ents]}) + "\n")
    return path


def test_cli_train_task_subtypes_on_own_data(tmp_path):
    """No shared corpora needed: --no-shared --data trains on the team's spans only."""
    from typer.testing import CliRunner

    from claimex.cli import app

    data = _team_data(tmp_path / "team.jsonl")
    out = tmp_path / "comp"
    result = CliRunner().invoke(app, ["train", "subtypes", "--output", str(out), "--no-shared",
                                      "--data", str(data), "--seed", "3"])
    assert result.exit_code == 0, result.output
    cfg = json.loads((out / "model" / "cfg.json").read_text())
    assert cfg["meta"]["sources"] == [str(data)] and cfg["meta"]["seed"] == 3
    assert set(cfg["meta"]["train_counts"]) <= {"POPULATION/Age", "POPULATION/Sample_size",
                                                "INTERVENTION/Pharmacological", "INTERVENTION/Surgical",
                                                "OUTCOME/Mortality"}
    result = CliRunner().invoke(app, ["train", "subtypes"])
    assert result.exit_code != 0 and "--output" in result.output
