"""The confidence trainer (:mod:`claimex.train.confidence`) on a few tune-half abstracts of the findings gold
(texts from ../shared, records made by the shipped pipeline): examples from the scorer's judgements, grouped folds,
the report half refused, and a weights file the assembler loads."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from claimex.assemble.claims.confidence import FEATURES, TARGETS, load_confidence
from claimex.corpora.findings import dump_abstract, load_document, load_gold
from claimex.evaluate.findings_match import judge
from claimex.extractor import Extractor
from claimex.train import confidence as trainer


@pytest.fixture(scope="module")
def tune(shared_dir, shipped_model_path):
    golds = [g for g in load_gold() if g.split == "tune" and g.source == "pico-corpus"][:6]
    extractor = Extractor.load(None)
    records = {g.key: extractor.document(load_document(g.source, g.id)) for g in golds}
    return golds, records


def test_one_example_per_found_finding_labelled_by_the_scorer(tune):
    golds, records = tune
    ex = trainer.examples(golds, records)
    judged = [judge(f, records[g.key], records[g.key].text) for g in golds for f in g.findings]
    found = [j for j in judged if j.found]
    assert ex.x.shape == (len(found), len(FEATURES)) and ex.y.shape == (len(found), len(TARGETS))
    assert ex.y[:, TARGETS.index("all")].tolist() == [float(j.fully_right) for j in found]
    assert ex.y[:, TARGETS.index("comparator")].tolist() == [float(j.fields["comparator"]) for j in found]
    assert len(found) >= 10 and set(ex.sources) == {"pico-corpus"}


def test_the_report_half_is_refused(tune):
    golds, records = tune
    with pytest.raises(ValueError, match="tune"):
        trainer.examples([dataclasses.replace(golds[0], split="report")], records)


def test_folds_group_by_abstract_and_are_stable():
    keys = [f"pico-corpus:{k}" for k in range(200)]
    folds = [trainer.fold_of(k) for k in keys]
    assert folds == [trainer.fold_of(k) for k in keys] and set(folds) == set(range(trainer.FOLDS))


def _inputs(golds, records, tmp_path) -> list[str]:
    """The trainer's arguments for ``golds`` and their ``records`` written to files under ``tmp_path``."""
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(dump_abstract(g) + "\n" for g in golds), encoding="utf-8")
    rec_path = tmp_path / "records.jsonl"
    rec_path.write_text("".join(r.to_json() + "\n" for r in records.values()), encoding="utf-8")
    return [str(tmp_path / "model"), "--gold", str(gold_path), "--records", str(rec_path)]


def test_main_writes_weights_the_assembler_loads(tune, tmp_path):
    golds, records = tune
    metrics = trainer.main(_inputs(golds, records, tmp_path))
    assert metrics["abstracts"] == len(golds) and set(TARGETS) <= set(metrics["cv"])
    for t in TARGETS:
        assert 0 <= metrics["cv"][t]["brier"] <= 1 and (metrics["l2"][t] in trainer.L2S or metrics["l2"][t] is None)
        assert set(metrics["cv_log_loss"][t]) == {*(str(c) for c in trainer.L2S), "base"}
    rows = metrics["cv"]["triage_all"]["thresholds"]
    assert [r["threshold"] for r in rows] == list(trainer.THRESHOLDS)
    assert all(abs(r["share_above"] + r["share_below"] - 1) < 2e-3 for r in rows)
    model = load_confidence(tmp_path / "model")
    assert model is not None and model.w.shape == (len(TARGETS), len(FEATURES))
    saved = json.loads((tmp_path / "model" / "weights.json").read_text())
    assert saved["command"].startswith("python -m claimex.train.confidence") and saved["features"] == list(FEATURES)
    assert np.all(np.isfinite(model.w))


def test_platt_recovers_a_known_scaling():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 2, 4000)
    y = (rng.random(4000) < 1 / (1 + np.exp(-(0.5 * z - 1.0)))).astype(float)
    a, b = trainer.platt(1 / (1 + np.exp(-z)), y, l2=1e-3)
    assert abs(a - 0.5) < 0.08 and abs(b + 1.0) < 0.12


def test_recalibrated_weights_give_the_scaled_probabilities():
    rng = np.random.default_rng(1)
    model = trainer.ConfidenceModel({t: rng.normal(0, 0.3, len(FEATURES)).tolist() for t in TARGETS})
    x = np.column_stack([np.ones(20), rng.random((20, len(FEATURES) - 1))])
    scaling = {t: (0.4 + 0.1 * k, -0.2 * k) for k, t in enumerate(TARGETS)}
    p, q = model.predict(x), trainer.recalibrated(model, scaling).predict(x)
    for k, t in enumerate(TARGETS):
        a, b = scaling[t]
        logit = np.log(p[:, k] / (1 - p[:, k]))
        assert np.allclose(q[:, k], 1 / (1 + np.exp(-(a * logit + b))))


def test_calibration_abstracts_and_baseline_figures(tune, tmp_path):
    golds, records = tune
    ids = tmp_path / "ids.txt"
    ids.write_text("# blind\n" + "\n".join(g.key for g in golds[:2]) + "\n", encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"features": list(FEATURES[:trainer.OLD_FEATURES]),
                               "weights": {t: [0.5] + [0.0] * (trainer.OLD_FEATURES - 1) for t in TARGETS}}))
    args = _inputs(golds, records, tmp_path)
    metrics = trainer.main(args + ["--calibrate", str(ids), "--baseline", str(old)])
    assert metrics["abstracts"] == len(golds)  # the calibration abstracts are fitted too
    blind = sum(1 for g in golds[:2] for f in g.findings if judge(f, records[g.key], records[g.key].text).found)
    assert metrics["cv"]["blind"]["all"]["n"] == blind and metrics["cv"]["open"]["all"]["n"] == metrics["examples"] - blind
    assert metrics["cv_calibrated"]["examples"] == blind and metrics["cv_calibrated"]["abstracts"] == 2
    saved = json.loads((tmp_path / "model" / "weights.json").read_text())
    assert set(saved["platt"]) == set(TARGETS) and "of the abstracts of" in saved["data"]
    scored = metrics["baseline"]["scored"]
    assert all(abs(b["mean_p"] - 0.622) < 1e-3 for b in scored["all"]["bins"] if b["count"])  # sigmoid(0.5)
    ids.write_text("pico-corpus:not-a-gold-id\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not tune abstracts"):
        trainer.main(args + ["--calibrate", str(ids)])
    old.write_text(json.dumps({"features": list(FEATURES), "weights": {}}))
    with pytest.raises(SystemExit, match="first 37 features"):
        trainer.main(args + ["--baseline", str(old)])


def test_a_target_must_beat_its_base_rate_by_a_standard_error():
    rng = np.random.default_rng(2)
    n = 600
    groups = [f"set:{k // 6}" for k in range(n)]
    y = (rng.random(n) < 0.5).astype(float)
    base = np.full(n, 0.5)
    assert trainer.beats(np.where(y > 0, 0.8, 0.2), base, y, groups)  # a clear ranking
    assert not trainer.beats(base, base, y, groups)  # the base rate itself
    assert not trainer.beats(np.clip(base + rng.normal(0, 0.02, n), 0, 1), base, y, groups)  # noise around it
    x = np.column_stack([np.ones(n), rng.random((n, 2))])
    yy = np.column_stack([y] * len(TARGETS))
    model = trainer.fit_all(x, yy, {t: (None if t == "significance" else 1.0) for t in TARGETS})
    k = TARGETS.index("significance")
    assert np.allclose(model.predict(x)[:, k], y.mean()) and np.all(model.w[k, 1:] == 0)
    folds = np.array([trainer.fold_of(g) for g in groups])
    for f in range(trainer.FOLDS):  # the out-of-fold base rate is the other folds' rate
        assert np.allclose(trainer.base_oof(y, groups)[folds == f], y[folds != f].mean())
