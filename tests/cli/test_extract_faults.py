"""`claimex extract` on the fault cases of issue 14.5 (rule pipeline): updates and duplicates within one
file, lone surrogates, non-numeric PMIDs, empty inputs, unknown files in a folder, a full disk."""

from __future__ import annotations

import errno
import json
import logging

import pytest
from extract_helpers import run

TEXT = "Mortality was {}% vs 20% in 40 patients (P = 0.03)."


def lines(result, kind="warning"):
    return [ln for ln in result.stderr.splitlines() if ln.startswith(f"claimex: {kind}:")]


def article(pmid, version=None, pct=12):
    v = f' Version="{version}"' if version else ""
    return (f"<PubmedArticle><MedlineCitation><PMID{v}>{pmid}</PMID><Article><ArticleTitle>Trial {pmid}."
            f"</ArticleTitle><Abstract><AbstractText>{TEXT.format(pct)}</AbstractText></Abstract></Article>"
            f"</MedlineCitation></PubmedArticle>\n")


def test_update_file_applies_versions_and_deletions(runner, tmp_path):
    path = tmp_path / "update.xml"
    path.write_text('<?xml version="1.0"?>\n<PubmedArticleSet>\n' + article(1, 1, 11) + article(2) + article(3)
                    + article(1, 2, 33) + "<DeleteCitation><PMID>2</PMID></DeleteCitation>\n"
                    + "</PubmedArticleSet>\n", encoding="utf-8")
    result, records = run(runner, path)
    assert result.exit_code == 0, result.stderr
    assert [(r["id"], "33%" in r["text"]) for r in records] == [("3", False), ("1", True)]
    warned = lines(result)
    assert len(warned) == 2
    assert "record 1 not written: duplicate id: superseded by record #4 of the file (version 2)" in warned[0]
    assert "record 2 not written: deleted by a later <DeleteCitation>" in warned[1]


def test_duplicate_ids_warn(runner, tmp_path):
    path = tmp_path / "dups.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": TEXT.format(k)}) + "\n"
                            for k, i in enumerate(["a", "b", "a"])), encoding="utf-8")
    result, records = run(runner, path)
    assert result.exit_code == 0 and [r["id"] for r in records] == ["b", "a"]
    (warned,) = lines(result)
    assert "dups.jsonl:1: record a not written: duplicate id" in warned


def test_lone_surrogate_is_replaced_not_fatal(runner, tmp_path):
    path = tmp_path / "sur.jsonl"
    path.write_text('{"id": "s", "text": "Pain fell \\ud800 by 3 points (P = 0.01)."}\n', encoding="utf-8")
    result, records = run(runner, path)
    assert result.exit_code == 0, result.stderr
    assert "\ufffd" in records[0]["text"]
    assert lines(result) == ["claimex: warning: input: record s: 1 lone surrogate escape(s) replaced with U+FFFD"]


@pytest.mark.parametrize("fmt, body", [
    ("nbib", "PMID- PMC12X\nTI  - A trial.\nAB  - " + TEXT.format(5) + "\n"),
    ("ris", "TY  - JOUR\nPM  - n/a\nTI  - A trial.\nAB  - " + TEXT.format(5) + "\nER  - \n"),
])
def test_non_numeric_pmid_warns(runner, tmp_path, fmt, body):
    path = tmp_path / f"x.{fmt}"
    path.write_text(body, encoding="utf-8")
    result, records = run(runner, path)
    assert result.exit_code == 0 and len(records) == 1
    (warned,) = lines(result)
    assert "is not numeric" in warned and str(path) in warned


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.xml", "empty.nbib", "empty.ris", "empty.xml.gz"])
def test_empty_inputs_exit_1_in_every_format(runner, tmp_path, name):
    import gzip

    path = tmp_path / name
    path.write_bytes(gzip.compress(b"") if name.endswith(".gz") else b"")
    result, records = run(runner, path)
    assert result.exit_code == 1 and not records
    assert f"claimex: error: {path}: empty file" in result.stderr


def test_unknown_files_in_a_folder_get_a_word(runner, tmp_path, caplog):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"id": "a", "text": TEXT.format(1)}) + "\n")
    (tmp_path / "in" / "binary.bin").write_bytes(bytes(range(256)))
    with caplog.at_level(logging.WARNING, logger="claimex.read"):
        result, records = run(runner, tmp_path / "in")
    assert result.exit_code == 0 and [r["id"] for r in records] == ["a"]
    assert any("1 file(s) skipped, unknown extension: binary.bin" in r.getMessage() for r in caplog.records)


def test_disk_full_on_output_is_one_line(runner, tmp_path, monkeypatch):
    from claimex.write.jsonl import JsonlWriter

    def full(self, record):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(JsonlWriter, "write", full)
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT.format(1)}) + "\n")
    out = tmp_path / "out.jsonl"
    result, _ = run(runner, src, "-o", out)
    assert result.exit_code == 1
    assert lines(result, "error") == [f"claimex: error: {out}: cannot write: No space left on device"]
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))
