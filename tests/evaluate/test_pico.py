"""The EBM-NLP token-level metric on hand-computed examples."""

from __future__ import annotations

import json

import pytest

from claimex.corpora import CorpusDoc, SpanAnn, iter_source
from claimex.evaluate.pico import evaluate
from claimex.metrics import Counts, score_doc

TEXT = "Aspirin reduced pain in adults ."
TOKENS = [(0, 7), (8, 15), (16, 20), (21, 23), (24, 30), (31, 32)]
GOLD = CorpusDoc(id="d1", text=TEXT, spans=[SpanAnn(0, 7, "INTERVENTION"), SpanAnn(16, 20, "OUTCOME"),
                                            SpanAnn(24, 30, "POPULATION")])


def test_token_level_hand_computed():
    counts = Counts()
    # predicted: "Aspirin reduced" as intervention (1 TP, 1 FP), no outcome (1 FN), "adults" right
    score_doc(counts, GOLD, [(0, 15, "INTERVENTION"), (24, 30, "POPULATION")], TOKENS)
    assert counts.tok == {"POPULATION": [1, 0, 0], "INTERVENTION": [1, 1, 0], "OUTCOME": [0, 0, 1]}
    i = counts.token_prf("INTERVENTION")
    assert (i["precision"], i["recall"], i["f1"]) == (0.5, 1.0, 0.6667)
    s = counts.summary()
    assert s["token_macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3, abs=1e-4)
    assert s["token_micro_f1"] == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3), abs=1e-4)  # P=R=2/3
    assert counts.exact["INTERVENTION"] == [0, 1, 1] and counts.exact["POPULATION"] == [1, 0, 0]
    assert counts.overlap["INTERVENTION"] == [1, 1, 1, 1]  # the overlapping span counts


def test_comparator_counts_as_intervention_and_missing_labels_not_scored():
    counts = Counts()
    gold = CorpusDoc(id="d2", text=TEXT, spans=[SpanAnn(0, 7, "COMPARATOR")],
                     annotated=frozenset({"INTERVENTION"}))
    # a predicted outcome is not an error: this gold doc does not annotate outcomes
    score_doc(counts, gold, [(0, 7, "INTERVENTION"), (16, 20, "OUTCOME")], TOKENS)
    assert counts.tok["INTERVENTION"] == [1, 0, 0]
    assert counts.tok["OUTCOME"] == [0, 0, 0] and counts.tok["POPULATION"] == [0, 0, 0]


def test_regions_limit_scoring():
    counts = Counts()
    gold = CorpusDoc(id="d3", text=TEXT, spans=[SpanAnn(16, 20, "OUTCOME")], annotated=frozenset({"OUTCOME"}),
                     regions={"OUTCOME": [(16, 32)]})
    score_doc(counts, gold, [(0, 7, "OUTCOME"), (16, 20, "OUTCOME")], TOKENS)  # "Aspirin" is outside the region
    assert counts.tok["OUTCOME"] == [1, 0, 0]


def test_evaluate_token_gold_against_predicted_records(tmp_path):
    """EBM-NLP token format (CoNLL) gold, scored on its own tokens, against claimex/1 records."""
    gold = tmp_path / "gold.conll"
    gold.write_text("-DOCSTART- -X- O O 111\nAspirin NN I\nreduced VBD N\npain NN O\nin IN N\nadults NNS P\n. . N\n")
    doc = next(iter_source(str(gold)))
    assert doc.text == "Aspirin reduced pain in adults."  # detokenized, offsets kept
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": doc.id, "text": doc.text, "entities": [
        {"start": 0, "end": 15, "label": "INTERVENTION"}, {"start": 24, "end": 30, "label": "POPULATION"}]}) + "\n")
    report = evaluate(gold=gold, pred=pred)
    rows = {r["name"]: r for r in report.rows}
    assert rows["INTERVENTION"]["precision"] == 0.5 and rows["OUTCOME"]["recall"] == 0.0
    assert report.summary["token_macro_f1"] == pytest.approx(0.5556, abs=1e-4)
    assert "spans" in report.sections
    out = tmp_path / "report.json"
    report.write_json(out)
    assert json.loads(out.read_text())["summary"]["docs"] == 1


def test_cli_evaluate_pico(tmp_path):
    from typer.testing import CliRunner

    from claimex.cli import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": TEXT, "entities": [
        {"start": 0, "end": 7, "label": "INTERVENTION"}, {"start": 16, "end": 20, "label": "OUTCOME"}],
        "meta": {"annotated": ["INTERVENTION", "OUTCOME"]}}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "g1", "text": TEXT, "entities": [
        {"start": 0, "end": 7, "label": "INTERVENTION"}, {"start": 8, "end": 20, "label": "OUTCOME"}]}) + "\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["evaluate", "--task", "pico", "--gold", str(gold), "--pred", str(pred),
                                      "--json", str(out)])
    assert result.exit_code == 0, result.output
    rep = json.loads(out.read_text())
    rows = {r["name"]: r for r in rep["rows"]}
    assert rows["INTERVENTION"]["f1"] == 1.0 and rows["OUTCOME"]["precision"] == 0.5
    assert rows["POPULATION"]["support"] == 0  # not annotated in this gold
    assert "INTERVENTION" in result.output
