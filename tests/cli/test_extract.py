"""`claimex extract` end to end on the gold fixture's three forms and on bad input (rule pipeline)."""

import json

import pytest
from extract_helpers import run

from claimex import paths
from claimex.cli import app

WANT = [(">50%", "threshold", 50.0, None, None, "%", ">"),
        ("57-91%", "range", None, 57.0, 91.0, "%", None),
        ("33-80%", "range", None, 33.0, 80.0, "%", None),
        ("6-42.5 months", "range", None, 6.0, 42.5, "months", None)]


def measures(record):
    return [(m["text"], m["kind"], m["value"], m["low"], m["high"], m["unit"], m["op"])
            for m in record["measures"]]


@pytest.mark.parametrize("name", ["10940692.xml", "10940692.jsonl"])
def test_fixture_forms_give_the_gold_measures(runner, name, gold_fixture):
    result, records = run(runner, paths.GOLD_DIR / name)
    assert result.exit_code == 0, result.stderr
    (record,) = records
    assert record["schema"] == "claimex/1" and record["id"] == "10940692"
    assert record["text"] == gold_fixture.text
    assert measures(record) == WANT
    assert not any("5-HIAA" in m["text"] or m["text"] in {"(1)", "1"} for m in record["measures"])
    assert {(a["short"], a["long"]) for a in record["abbreviations"]} == {
        ("HACE", "hepatic arterial chemoembolization")}


def test_seed_page_is_read_as_a_pubmed_page(runner, seed_path, gold_fixture):
    result, (record,) = run(runner, seed_path, "--id", "10940692")
    assert result.exit_code == 0
    assert record["text"] == gold_fixture.text  # no citation line, no MeSH list in the analysed text
    assert record["meta"]["chemicals"] == ["Streptozocin", "Doxorubicin"]
    assert len(record["meta"]["mesh"]) == 12
    assert measures(record) == WANT


def test_bad_inputs_report_one_line_and_keep_good_records(runner, tmp_path):
    good = tmp_path / "batch.jsonl"
    good.write_text(
        json.dumps({"id": "a", "text": "Mortality was 12% vs 20% (P = 0.03)."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "b", "text": ""}) + "\n"
        + json.dumps({"id": "c", "text": "Pain fell by 3 to 7 points in 40 patients."}) + "\n",
        encoding="utf-8")
    result, records = run(runner, good, tmp_path / "missing.xml")
    assert result.exit_code == 1
    assert [r["id"] for r in records] == ["a", "c"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("claimex: error:")]
    assert any("batch.jsonl" in e and "2" in e for e in errors)  # the bad line, named by file and line
    assert any("missing.xml" in e for e in errors)
    assert all("\n" not in e for e in errors)


def test_output_file_and_unknown_format(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result, _ = run(runner, paths.GOLD_DIR / "10940692.jsonl", "-o", out)
    assert result.exit_code == 0 and json.loads(out.read_text())["id"] == "10940692"
    result, _ = run(runner, paths.GOLD_DIR / "10940692.jsonl", "--format", "docx")
    assert result.exit_code == 2 and "'docx' is not one of" in result.stderr
    # an alias, in any case
    result, (record,) = run(runner, paths.GOLD_DIR / "10940692.jsonl", "--format", "NDJSON")
    assert result.exit_code == 0 and record["id"] == "10940692"


def test_schema_command_prints_json_schema(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert "claims" in json.loads(result.stdout)["properties"]
