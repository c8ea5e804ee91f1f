"""`claimex evaluate --task spans --input FILE` on claimex records (the gold fixture, one broken span)."""

import json

from typer.testing import CliRunner

from claimex.cli import app
from claimex.schema import Entity


def test_lint_of_a_records_file(tmp_path, gold_fixture):
    text = gold_fixture.text
    broken = "side effect. Major extrahepatic complications"
    start = text.index(broken)
    ents = [Entity(id="E1", label="OUTCOME", text=broken, start=start, end=start + len(broken))]
    record = gold_fixture.model_copy(update={"entities": ents, "claims": []})
    path = tmp_path / "records.jsonl"
    path.write_text(record.to_json() + "\n", encoding="utf-8")
    out = tmp_path / "lint.json"
    result = CliRunner().invoke(app, ["evaluate", "--task", "spans", "--input", str(path), "--json", str(out)])
    assert result.exit_code == 0, result.stdout
    report = json.loads(out.read_text())
    assert report["summary"]["spans"] == 1 and report["summary"]["defective_pct"] == 100.0
    assert {r["name"]: r["count"] for r in report["rows"]}["sentence"] == 1


def test_missing_input_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--task", "spans", "--input", str(tmp_path / "none.jsonl")])
    assert result.exit_code != 0 and "input file not found" in result.output
