"""Shared fixtures. Tests that need ../shared use ``shared_dir``/``corpora`` and skip, with a
clear message, only when the folder is absent (set CLAIMEX_SHARED to point elsewhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimex import paths


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = paths.shared_dir()
    if not (path / "corpora").is_dir():
        pytest.skip(f"shared data folder not found at {path} (set CLAIMEX_SHARED)")
    return path


@pytest.fixture(scope="session")
def corpora(shared_dir) -> Path:
    return shared_dir / "corpora"


@pytest.fixture(scope="session")
def seed_path(shared_dir) -> Path:
    path = paths.seed_fixture()
    if not path.exists():
        pytest.skip(f"seed fixture not found at {path}")
    return path


@pytest.fixture(scope="session")
def shipped_model_path() -> Path:
    """The default model's directory (skips when the repository carries no shipped model)."""
    path = paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME
    if not (path / "config.cfg").exists():
        pytest.skip(f"no shipped model at {path}")
    return path


@pytest.fixture(scope="session")
def rules_nlp():
    """The rule pipeline (tokenizer, sentences, abbreviations, measures), loaded once."""
    from claimex.annotate import load_nlp

    return load_nlp("rules")


@pytest.fixture(scope="session")
def rules_extractor(rules_nlp):
    from claimex.extractor import Extractor

    return Extractor(rules_nlp, model_name="rules")


@pytest.fixture(scope="session")
def gold_fixture():
    from claimex.schema import Record

    return Record.from_json((paths.GOLD_DIR / "10940692.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def blank_nlp():
    """claimex's pipeline with no tagger (``claimex.annotate.build_pipeline()``), built once."""
    from claimex.annotate import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def pubmed_abstracts(corpora) -> list[tuple[str, str, str]]:
    """The shared PubMed XML samples as ``(pmid, title, abstract body)``, the body's sections joined by spaces."""
    import json

    path = corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        body = " ".join(s["text"] or "" for s in r.get("abstract_sections") or [])
        out.append((str(r["pmid"]), r.get("title") or "", body))
    return out


@pytest.fixture(scope="session")
def pubmed_sentences(pubmed_abstracts) -> list[str]:
    """The shared PubMed XML samples' abstracts, whole and cut at '.'/';' (real text for pattern checks)."""
    import re

    out = []
    for _, _, body in pubmed_abstracts:
        out.extend(re.split(r"(?<=[.;])\s+", body))
        out.append(body)
    return out


@pytest.fixture
def two_findings_golds(shared_dir, tmp_path):
    """Two Evidence Inference abstracts of the findings gold written to ``gold.jsonl``, and a ``pred.jsonl`` of
    their records without claims (nothing found, nothing spurious): (golds, gold path, pred path)."""
    from claimex.corpora.findings import dump_abstract, load_gold, load_text
    from claimex.schema import Record

    golds = [g for g in load_gold() if g.source == "evidence-inference"][:2]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(dump_abstract(g) + "\n" for g in golds), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(Record(id=g.id, text=load_text(g.source, g.id)).to_json() + "\n" for g in golds),
                    encoding="utf-8")
    return golds, gold_path, pred
