"""Calibration figures (:mod:`claimex.evaluate.calibration`) and the calibration section of ``evaluate --task
findings`` on a real gold abstract (Evidence Inference 28991, ../shared)."""

from __future__ import annotations

import numpy as np
import pytest

from claimex.corpora.findings import dump_abstract, load_gold, load_text
from claimex.evaluate.calibration import auc, brier, reliability, summary, table_rows
from claimex.evaluate.findings import evaluate, render_markdown
from claimex.schema import Claim, ClaimConfidence, Entity, Record


def test_auc_orders_pairs_and_counts_ties_half():
    y = np.array([1, 1, 0, 0])
    assert auc(np.array([0.9, 0.8, 0.2, 0.1]), y) == 1.0
    assert auc(np.array([0.1, 0.2, 0.8, 0.9]), y) == 0.0
    assert auc(np.array([0.5, 0.5, 0.5, 0.5]), y) == 0.5
    assert auc(np.array([0.9, 0.3, 0.3, 0.1]), y) == pytest.approx(0.875)  # one tie of four pairs
    assert auc(np.array([0.9, 0.8]), np.array([1, 1])) is None


def test_brier_and_reliability_bins():
    p, y = np.array([0.1, 0.1, 0.9, 0.9, 0.5]), np.array([0, 1, 1, 1, 1])
    assert brier(p, y) == pytest.approx((0.01 + 0.81 + 0.01 + 0.01 + 0.25) / 5)
    bins = {b["bin"]: b for b in reliability(p, y)}
    assert bins["0.0-0.2"]["count"] == 2 and bins["0.0-0.2"]["rate"] == 0.5
    assert bins["0.8-1.0"]["count"] == 2 and bins["0.8-1.0"]["mean_p"] == 0.9
    assert bins["0.2-0.4"]["count"] == 0 and bins["0.2-0.4"]["rate"] is None
    assert reliability(np.array([1.0]), np.array([1]))[-1]["count"] == 1  # the last bin is closed
    s = summary(p, y)
    assert s["brier_base"] == pytest.approx(0.8 * 0.2) and s["n"] == 5
    [row] = table_rows({"direction": ([0.1, 0.9], [False, True])})
    assert row["auc"] == 1.0 and row["0.8-1.0"] == "1.00 (1)" and row["0.4-0.6"] == "-"


def _scored_record(gold, confidence):
    f = gold.findings[0]
    ents = [Entity(id="O", label="OUTCOME", start=f.outcome.start, end=f.outcome.end, text=f.outcome.text),
            Entity(id="I", label="INTERVENTION", start=f.intervention.start, end=f.intervention.end,
                   text=f.intervention.text)]
    claim = Claim(id="C1", sentence=0, type="finding", outcome=["O"], intervention=["I"], direction="decrease",
                  significant=True, text="", start=f.sentence[0], end=f.sentence[1], confidence=confidence)
    return Record(id="28991", text=load_text("evidence-inference", "28991"), entities=ents, claims=[claim])


def test_findings_evaluation_reports_calibration_when_claims_carry_confidence(shared_dir, tmp_path):
    [gold] = [g for g in load_gold() if g.id == "28991"]
    gold.findings = gold.findings[:1]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(dump_abstract(gold) + "\n", encoding="utf-8")
    conf = ClaimConfidence(intervention=0.9, comparator=0.15, outcome=0.95, direction=0.7, significance=0.8,
                           all=0.1)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(_scored_record(gold, conf).to_json() + "\n", encoding="utf-8")
    report = evaluate(gold=gold_path, pred=pred, split="all")
    rows = {r["name"]: r for r in report.sections["calibration"].rows}
    assert set(rows) == {"intervention", "comparator", "outcome", "direction", "significance", "all"}
    assert rows["comparator"]["rate"] == 0.0 and rows["comparator"]["0.0-0.2"] == "0.00 (1)"  # no comparator
    assert rows["intervention"]["rate"] == 1.0 and rows["intervention"]["0.8-1.0"] == "1.00 (1)"
    assert "## calibration" in render_markdown(report)
    pred.write_text(_scored_record(gold, None).to_json() + "\n", encoding="utf-8")
    assert "calibration" not in evaluate(gold=gold_path, pred=pred, split="all").sections
