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
    assert "split 'half'" in result.output and "Traceback" not in result.output
