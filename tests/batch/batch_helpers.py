"""Helpers for the batch tests: small real input files written in the test, the CLI in a subprocess."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SENTENCES = [
    "Mortality was {a}% in the treatment group vs {b}% in the placebo group (P = 0.0{c}).",
    "A total of {n} patients with type 2 diabetes were randomised.",
    "The odds ratio for relapse was 0.{c}{a} (95% CI 0.{b} to 1.{c}).",
    "Systolic blood pressure fell by {a} mmHg after {b} weeks.",
    "Adverse events were reported in {b} of {n} participants.",
]


def abstract_text(k: int) -> str:
    a, b, c, n = 10 + k % 80, 5 + k % 60, 1 + k % 9, 40 + k
    return " ".join(s.format(a=a, b=b, c=c, n=n) for s in SENTENCES[: 2 + k % 4])


def article(pmid, title: str | None = None, abstract: str | None = None, version: int | None = None,
            raw_abstract: str | None = None) -> str:
    """One <PubmedArticle> (current baseline format)."""
    v = f' Version="{version}"' if version is not None else ""
    title = f"Trial {pmid} of something." if title is None else title
    if raw_abstract is None:
        body = abstract_text(int(pmid) if str(pmid).isdigit() else 7) if abstract is None else abstract
        raw_abstract = f"<Abstract><AbstractText>{body}</AbstractText></Abstract>" if body else ""
    return (f"<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID{v}>{pmid}</PMID>"
            f"<Article PubModel=\"Print\"><Journal><Title>J Test</Title><JournalIssue><PubDate><Year>2020</Year>"
            f"</PubDate></JournalIssue></Journal><ArticleTitle>{title}</ArticleTitle>{raw_abstract}"
            f"<Language>eng</Language></Article></MedlineCitation><PubmedData/></PubmedArticle>\n")


def pubmed_xml(path: Path, articles: list[str], deletions: list[str] | None = None, doctype: str = "",
               gz: bool | None = None) -> Path:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype + "<PubmedArticleSet>\n" + "".join(articles)
    if deletions:
        text += "<DeleteCitation>" + "".join(f"<PMID Version=\"1\">{p}</PMID>" for p in deletions) + \
                "</DeleteCitation>\n"
    text += "</PubmedArticleSet>\n"
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if gz if gz is not None else path.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)
    return path


def corpus(dirpath: Path, n_files: int = 3, per_file: int = 20, start: int = 1000) -> list[Path]:
    """``n_files`` gzipped PubMed XML files of ``per_file`` articles each, distinct PMIDs."""
    files = []
    for f in range(n_files):
        pmids = range(start + f * per_file, start + (f + 1) * per_file)
        files.append(pubmed_xml(dirpath / f"pubmed26n{f + 1:04d}.xml.gz", [article(p) for p in pmids]))
    return files


def outputs(out_dir: Path) -> dict[str, str]:
    """Every record line of every shard, by (shard, id) -> the JSON line (exact bytes of the record)."""
    lines = {}
    for path in sorted(out_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rid = line.split('"id":"', 1)[1].split('"', 1)[0]
                key = (path.name, rid)
                assert key not in lines, f"duplicate record {key}"
                lines[key] = line
    return lines


def cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONWARNINGS"] = "ignore"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cli_inprocess(*args: str):
    """``claimex batch ARGS`` in this process (typer's CliRunner): the loaded pipeline is reused."""
    from typer.testing import CliRunner

    from claimex.cli import app

    return CliRunner().invoke(app, ["batch", *args])
