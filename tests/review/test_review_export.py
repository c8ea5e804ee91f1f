from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.review.export import build_tables, default_output, iter_records, output_paths, record_files
from claimex.review.filters import RecordFilter
from claimex.write import JsonlWriter

runner = CliRunner()


def test_claim_rows(rct_record):
    tables = build_tables([rct_record])
    claims = tables["claims"].rows
    assert [r["claim"] for r in claims] == ["C1", "C2", "C3"]
    c1, c2, c3 = claims
    assert c1["pmid"] == "12345678" and c1["year"] == 2003 and c1["title"].startswith("Aspirin versus")
    assert c1["intervention"] == "aspirin" and c1["comparator"] == "placebo"
    assert c1["outcome"] == "Mortality at 30 days"
    assert c1["measures"] == "30 days | 12.5% | 20.1% | OR 0.57, 95% CI 0.36-0.90 | P = 0.02"
    parsed = json.loads(c1["measures_json"])
    assert parsed[3] == {
        "id": "M5",
        "text": "OR 0.57, 95% CI 0.36-0.90",
        "kind": "ratio",
        "value": 0.57,
        "stat": "OR",
        "level": 95.0,
        "ci_low": 0.36,
        "ci_high": 0.9,
    }
    assert (c1["p_value"], c1["direction"], c1["significant"], c1["hedged"]) == (
        "P = 0.02",
        "decrease",
        True,
        False,
    )
    assert c1["section"] == "RESULTS" and c1["sentence"].startswith("RESULTS: Mortality")
    assert "\n" in c2["sentence"] and c2["significant"] is False
    assert c3["outcome"] == "mortality in acute ischaemic stroke"  # expanded text where present
    assert c3["hedged"] is True and c3["measures_json"] == ""


def test_abstract_row(rct_record, other_record):
    rows = build_tables([rct_record, other_record])["abstracts"].rows
    a, b = rows
    assert a["sample_size"] == 620 and a["sample_sizes"] == "620"
    assert a["pub_types"] == "Journal Article; Randomized Controlled Trial" and a["rct"] == "publication type"
    assert a["mesh"].startswith("Aspirin / therapeutic use*; Humans")
    assert a["population"] == "620 adults with acute ischaemic stroke | stroke (AI"
    assert a["intervention"] == "aspirin | Aspirin"
    assert a["abbreviations"] == "AIS = acute ischaemic stroke"
    assert (a["claims"], a["findings"], a["measures"]) == (3, 1, 9)
    assert b["rct"] == "" and b["year"] == 1999 and b["pmid"] is None and b["sample_size"] == 40


def test_measure_rows(rct_record):
    rows = build_tables([rct_record])["measures"].rows
    assert len(rows) == 8  # 5 in C1, 3 in C2
    m3 = next(r for r in rows if r["measure"] == "M3")
    assert (m3["claim"], m3["value"], m3["unit"], m3["arm"]) == ("C1", 12.5, "%", "aspirin")
    assert [r["decides_significance"] for r in rows if r["kind"] == "p_value"] == [True, True]
    ratio = next(r for r in rows if r["kind"] == "ratio")
    assert (ratio["stat"], ratio["ci_low"], ratio["ci_high"], ratio["level"]) == ("OR", 0.36, 0.9, 95)


def test_filter_in_build(rct_record, other_record):
    tables = build_tables([rct_record, other_record], RecordFilter(only_rct=True))
    assert len(tables["abstracts"]) == 1 and len(tables["claims"]) == 3


def test_run_dir_with_manifest(run_dir, rct_record, other_record):
    assert [p.name for p in record_files(run_dir)] == ["shard0.jsonl.gz", "shard1.jsonl.gz"]
    assert [r.id for r in iter_records(run_dir)] == [rct_record.id, other_record.id]


def test_run_dir_without_manifest(run_dir, rct_record, other_record):
    (run_dir / "manifest.json").unlink()
    (run_dir / ".shard9.jsonl.gz.part").write_bytes(b"partial")
    assert [r.id for r in iter_records(run_dir)] == [rct_record.id, other_record.id]


def test_parquet_input(tmp_path, records):
    write_parquet = pytest.importorskip("claimex.write.parquet").write_parquet
    path = tmp_path / "records.parquet"
    write_parquet(records, path)
    assert [r.id for r in iter_records(path)] == [r.id for r in records]


def test_bad_line_is_named(tmp_path, rct_record):
    path = tmp_path / "bad.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(rct_record.to_json() + "\n" + '{"id": "x"}\n')
    with pytest.raises(ValueError, match=r"bad\.jsonl\.gz:2: not a claimex/1 record"):
        list(iter_records(path))


def test_output_paths(tmp_path):
    assert output_paths(tmp_path / "r.csv", "csv") == {
        "claims": tmp_path / "r.csv",
        "abstracts": tmp_path / "r.abstracts.csv",
        "measures": tmp_path / "r.measures.csv",
    }
    assert set(output_paths(tmp_path / "r.xlsx", "xlsx").values()) == {tmp_path / "r.xlsx"}
    assert str(default_output(tmp_path / "run1.jsonl.gz", "parquet")) == "run1.parquet"
    assert str(default_output(tmp_path / "runs" / "x", "xlsx")) == "x.xlsx"


def test_cli_csv(tmp_path, records_jsonl):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "review.csv"
    result = runner.invoke(app, ["export", str(records_jsonl), "--to", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    claims = pd.read_csv(out, encoding="utf-8-sig", dtype={"pmid": str})
    abstracts = pd.read_csv(tmp_path / "review.abstracts.csv", encoding="utf-8-sig")
    measures = pd.read_csv(tmp_path / "review.measures.csv", encoding="utf-8-sig")
    assert (len(claims), len(abstracts), len(measures)) == (4, 2, 9)
    assert claims.loc[1, "sentence"] == "Bleeding was similar\nin both groups (3% vs 2%; P = 0.41)."
    assert claims["significant"].tolist()[:2] == [True, False] and pd.isna(claims.loc[2, "significant"])
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_xlsx(tmp_path, records_jsonl):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "review.xlsx"
    result = runner.invoke(app, ["export", str(records_jsonl), "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["claims", "abstracts", "measures"]
    claims = book["claims"]
    assert claims.freeze_panes == "A2" and claims["A1"].font.bold
    header = [c.value for c in claims[1]]
    assert header[:6] == ["id", "pmid", "title", "year", "claim", "type"]
    assert claims.max_row == 1 + 4
    title = book["abstracts"].cell(row=3, column=3)
    assert title.value == "=SUM(A1) Cohort study." and title.data_type == "s"


def test_cli_parquet_with_filters(tmp_path, run_dir):
    pd = pytest.importorskip("pandas")
    ids = tmp_path / "ids.txt"
    ids.write_text("12345678\n", encoding="utf-8")
    out = tmp_path / "review.parquet"
    result = runner.invoke(
        app,
        [
            "export",
            str(run_dir),
            "--to",
            "parquet",
            "-o",
            str(out),
            "--only-rct",
            "--min-year",
            "2000",
            "--pmids",
            str(ids),
        ],
    )
    assert result.exit_code == 0, result.output
    claims = pd.read_parquet(out)
    assert claims["claim"].tolist() == ["C1", "C2", "C3"]
    assert str(claims["year"].dtype) == "int64"
    assert pd.read_parquet(tmp_path / "review.abstracts.parquet")["sample_size"].tolist() == [620]
    result = runner.invoke(
        app, ["export", str(run_dir), "--to", "parquet", "-o", str(out), "--max-year", "1999"]
    )
    assert pd.read_parquet(out)["id"].tolist() == ['doc"><img src=x onerror=alert(2)>']


def test_cli_errors(tmp_path, records_jsonl):
    result = runner.invoke(app, ["export", str(records_jsonl), "--to", "docx"])
    assert result.exit_code == 2 and "'docx' is not one of" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "nope.jsonl"), "--to", "csv"])
    assert result.exit_code == 2 and "no such file" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["export", str(bad), "--to", "csv", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_empty_input(tmp_path):
    path = tmp_path / "empty.jsonl"
    with JsonlWriter(path):
        pass
    result = runner.invoke(app, ["export", str(path), "--to", "csv", "-o", str(tmp_path / "e.csv")])
    assert result.exit_code == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8-sig").startswith("id,pmid,title,year,claim")
