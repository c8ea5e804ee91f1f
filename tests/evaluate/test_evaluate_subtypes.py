"""``claimex evaluate --task subtypes``: scoring, the majority baseline, the dev-split run."""

from __future__ import annotations

import json

from claimex.evaluate import TASKS
from claimex.evaluate.subtypes import majority, score


def test_score_counts():
    items = [("POPULATION", "Age", "Age"), ("POPULATION", "Age", "Condition"), ("POPULATION", "Condition", "Condition"),
             ("OUTCOME", "Pain", None), ("COMPARATOR", "Control", "Control")]
    report = score(items)
    rows = {r["name"]: r for r in report.rows}
    assert rows["POPULATION/Age"] == {"name": "POPULATION/Age", "precision": 1.0, "recall": 0.5, "f1": 0.6667,
                                      "support": 2, "predicted": 1}
    assert rows["POPULATION/Condition"]["precision"] == 0.5 and rows["POPULATION/Condition"]["recall"] == 1.0
    assert rows["OUTCOME/Pain"]["recall"] == 0.0 and "COMPARATOR/Control" not in rows  # comparator not scored
    assert report.summary["accuracy"] == 0.5 and report.summary["n"] == 4 and report.summary["none"] == 1
    assert report.summary["p_accuracy"] == round(2 / 3, 4) and report.summary["o_accuracy"] == 0.0
    assert report.summary["macro_f1"] == round((0.6667 + 0.6667 + 0.0) / 3, 4)


def test_majority():
    counts = {"POPULATION/Age": 3, "POPULATION/Condition": 9, "OUTCOME/Pain": 1, "OUTCOME/Physical": 5}
    assert majority(counts) == {"POPULATION": "Condition", "OUTCOME": "Physical"}
    assert TASKS["subtypes"] == "claimex.evaluate.subtypes"


def test_dev_split_run_beats_the_majority(corpora, tmp_path):
    """The shipped classifier on the first dev docs of each source, through the CLI (JSON report)."""
    from typer.testing import CliRunner

    from claimex.cli import app

    out = tmp_path / "subtypes.json"
    result = CliRunner().invoke(app, ["evaluate", "--task", "subtypes", "--limit", "60", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    summary = report["summary"]
    assert summary["n"] > 300 and summary["none"] == 0
    assert summary["accuracy"] > summary["baseline_accuracy"] + 0.1
    assert summary["macro_f1"] > summary["baseline_macro_f1"]
    assert "majority baseline" in report["sections"] and len(report["sections"]) == 3  # + one per source
    assert any("dev split" in note for note in report["notes"])


def test_pred_records_are_matched_by_offsets(corpora, tmp_path):
    from claimex.corpora.subtypes import load_span_docs
    from claimex.evaluate.subtypes import evaluate

    (cdoc, doc, spans), = load_span_docs(["ebm_sentences:population=true"], "dev", limit=1)
    scored = [s for s in spans if s[2] != "COMPARATOR"]
    a, b, label, sub = scored[0]
    ents = [{"start": doc[a:b].start_char, "end": doc[a:b].end_char, "label": label, "subtype": sub}]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": cdoc.id, "text": cdoc.text, "entities": ents}) + "\n")
    report = evaluate(gold="ebm_sentences:population=true", pred=pred, limit=1)
    assert report.summary["n"] == len(scored) and report.summary["none"] == len(scored) - 1
    assert report.summary["accuracy"] == round(1 / len(scored), 4)
    assert any(f"1 of {len(spans)} gold spans matched" in note for note in report.notes), report.notes
