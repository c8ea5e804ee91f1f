"""`claimex evaluate --task findings` from the command line: predicted records in, tables and files out."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.corpora.findings import dump_abstract, load_gold, load_text
from claimex.schema import Record


@pytest.mark.shared
def test_findings_from_predictions_writes_markdown_and_json(shared_dir, tmp_path):
    [gold] = [g for g in load_gold() if g.id == "28991"]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(dump_abstract(gold) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"  # a record without claims: nothing found, nothing spurious
    pred.write_text(Record(id="28991", text=load_text("evidence-inference", "28991")).to_json() + "\n",
                    encoding="utf-8")
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    result = CliRunner().invoke(app, ["evaluate", "--task", "findings", "--gold", str(gold_path), "--pred", str(pred),
                                      "--split", "report", "--report", str(md), "--json", str(js)])
    assert result.exit_code == 0, result.output
    summary = json.loads(js.read_text())["summary"]
    assert summary["gold_findings"] == len(gold.findings) and summary["found"] == 0.0
    assert "### no claim in sentence" in md.read_text()


def test_bad_split_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--task", "findings", "--split", "half", "--gold", str(tmp_path)])
    assert result.exit_code == 2
    assert "'half'" in result.output and "tune" in result.output and "Traceback" not in result.output


def test_missing_ids_file_is_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--task", "findings", "--ids", str(tmp_path / "none.txt")])
    assert result.exit_code != 0
    assert "none.txt: ids file not found" in result.output and "Traceback" not in result.output


@pytest.mark.shared
def test_ids_scores_only_the_listed_abstracts(two_findings_golds, tmp_path):
    golds, gold_path, pred = two_findings_golds
    ids, js = tmp_path / "ids.txt", tmp_path / "r.json"
    ids.write_text(golds[1].key + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--task", "findings", "--gold", str(gold_path), "--pred", str(pred),
                                      "--ids", str(ids), "--json", str(js)])
    assert result.exit_code == 0, result.output
    assert json.loads(js.read_text())["summary"]["gold_findings"] == len(golds[1].findings)
