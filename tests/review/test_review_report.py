from __future__ import annotations

import csv
import json
import re

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.evaluate.report import EvalReport
from claimex.metrics import prf
from claimex.review.report import write_report

pytest.importorskip("matplotlib")
PNG = b"\x89PNG\r\n\x1a\n"


def _rows(scale: float = 1.0):
    rows = []
    for k, label in enumerate(("POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME")):
        scores = prf(10 * scale + k, 3 + k, 2)
        rows.append({"name": label, **scores, "support": 12 + k})
    return rows


def make_report() -> EvalReport:
    confusion = {
        "labels": ["P", "I", "C", "O", "none"],
        "matrix": [[50, 2, 0, 3, 5], [1, 40, 6, 0, 4], [0, 7, 20, 0, 3], [2, 0, 0, 60, 9], [4, 3, 1, 8, 0]],
    }
    return EvalReport(
        task="pico",
        rows=_rows(),
        summary={"micro_f1": 0.71, "documents": 20, "confusion": confusion},
        notes=["token-level <EBM-NLP> metric"],
        sections={
            "ebm-nlp": EvalReport("pico", rows=_rows(1.0)),
            "evidencemap": EvalReport("pico", rows=_rows(0.5)),
            "span level": EvalReport("pico", rows=_rows(2.0), summary={"micro_f1": 0.5}),
        },
    )


def test_write_report(tmp_path):
    page = write_report(make_report(), tmp_path / "rep")
    out = tmp_path / "rep"
    assert page == out / "report.html"
    for name in ("prf.png", "confusion.png", "sections.png", "prf.ebm-nlp.png", "prf.span-level.png"):
        assert (out / name).read_bytes().startswith(PNG), name
    html = page.read_text(encoding="utf-8")
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 6  # main prf + confusion + compare + 3
    assert "&lt;EBM-NLP&gt;" in html and "<EBM-NLP>" not in html
    assert ">OUTCOME<" in html and "micro_f1" in html
    rows = list(csv.DictReader((out / "pico.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["name"] for r in rows] == ["POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"]
    assert (out / "pico.evidencemap.csv").exists()
    assert json.loads((out / "report.json").read_text())["summary"]["confusion"]["labels"][0] == "P"


def test_minimal_report(tmp_path):
    """No rows, no confusion, no sections: still a page, no plots."""
    page = write_report(EvalReport(task="claims", summary={"accuracy": 0.5}), tmp_path)
    assert "accuracy" in page.read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.png"))


def test_bad_confusion_is_ignored(tmp_path):
    report = EvalReport(task="x", rows=_rows(), summary={"confusion": {"labels": ["a"], "matrix": [[1, 2]]}})
    write_report(report, tmp_path)
    assert not (tmp_path / "confusion.png").exists() and (tmp_path / "prf.png").exists()


def test_cli_evaluate_report(tmp_path, monkeypatch):
    from claimex import evaluate

    monkeypatch.setattr(evaluate, "run_task", lambda task, **options: make_report())
    result = CliRunner().invoke(app, ["evaluate", "--task", "fixture", "--report", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "report.html").exists() and (tmp_path / "r" / "confusion.png").exists()


def test_metric_names_of_every_task(tmp_path):
    from claimex.review.report import metric_families

    measures_rows = [
        {
            "name": "seed",
            "docs": 1,
            "P_exact": 1.0,
            "R_exact": 0.5,
            "F1_exact": 0.667,
            "P_overlap": 1.0,
            "R_overlap": 1.0,
            "F1_overlap": 1.0,
            "value_acc": 1.0,
            "p_value": 0.3,
            "docs_per_s": 669.7,
        }
    ]
    span_rows = [{"name": "OUTCOME", "exact_p": 0.5, "exact_r": 0.4, "exact_f1": 0.44, "support": 9}]
    assert metric_families(measures_rows) == {
        "exact": {"precision": "P_exact", "recall": "R_exact", "f1": "F1_exact"},
        "overlap": {"precision": "P_overlap", "recall": "R_overlap", "f1": "F1_overlap"},
    }
    assert metric_families(span_rows) == {
        "exact": {"precision": "exact_p", "recall": "exact_r", "f1": "exact_f1"}
    }
    report = EvalReport(
        "measures",
        rows=measures_rows,
        sections={"a": EvalReport("x", rows=span_rows), "b": EvalReport("x", rows=_rows())},
    )
    write_report(report, tmp_path)
    for name in ("prf.png", "prf.a.png", "sections.png"):
        assert (tmp_path / name).read_bytes().startswith(PNG), name
