"""Unlabelled abstract text from every shared corpus (for pretraining the encoder).

Deduplicated by document key; documents of the dev split are left out so dev scores stay
honest."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import paths
from .jsonl import corpus_rows
from .split import is_dev
from .types import detokenize, doc_key


def _jsonl(*parts: str) -> Iterator[dict]:
    """:func:`.jsonl.corpus_rows` of a file that may be absent (a corpus not in this ``shared/``: no texts)."""
    if paths.corpus_path(*parts).exists():
        yield from corpus_rows(*parts)


def pubmed_samples() -> Iterator[tuple[str | None, str]]:
    """``(pmid, title + "\\n" + abstract)`` of each ``pubmed-xml-samples`` record that has an abstract (the
    537 texts the benches time), in file order."""
    for r in _jsonl("pubmed-xml-samples", "abstracts_flat.jsonl"):
        body = " ".join(s["text"] for s in r.get("abstract_sections") or [])
        if body:
            yield r.get("pmid"), f"{r.get('title') or ''}\n{body}"


def clean_pmc(text: str) -> str:
    """Evidence Inference layout (``TITLE: \\n...``, ``ABSTRACT.METHODS::``) -> plain abstract text."""
    text = re.sub(r"^TITLE:\s*", "", text.strip())
    text = re.sub(r"ABSTRACT\.([A-Z &/]+)::?", r"\1:", text)
    lines = [re.sub(r"\s+", " ", line).strip() for line in re.split(r"\n\s*\n", text)]
    return "\n".join(line for line in lines if line)


def iter_abstracts(exclude_dev: bool = True) -> Iterator[str]:
    """Title + abstract texts of all shared corpora (EBM-NLP docs, Evidence Inference abstracts,
    EvidenceMap, EvidenceOutcomes, PICO-Corpus, PubMed samples)."""
    seen: set[str] = set()

    def keep(pmid, text: str) -> bool:
        key = doc_key(pmid, text)
        text_key = doc_key(None, text)
        if key in seen or text_key in seen or (exclude_dev and is_dev(key)) or len(text) < 100:
            return False
        seen.update((key, text_key))
        return True

    for name in ("train_docs.jsonl.gz", "difficulty_interventions.jsonl.gz", "bepnye_acl_dev_docs.jsonl.gz"):
        for d in _jsonl("ebm-nlp", name):
            text = detokenize(d["tokens"])[0]
            if keep(d.get("pmid"), text):
                yield text
    for r in _jsonl("evidence-inference-v2", "articles_abstracts_unlabeled.jsonl.gz"):
        text = clean_pmc(r["text"])
        if keep(None, text):
            yield text
    for r in _jsonl("evidence-inference-v2", "articles_fulltext_labeled.jsonl.gz"):
        text = clean_pmc(r["text"][: int(r.get("abstract_end") or 0)])
        if keep(None, text):
            yield text
    for parts in (("evidencemap", "evidencemap.jsonl"), ("evidence-outcomes", "evidence_outcomes.jsonl"),
                  ("pico-corpus-breast-cancer", "pico_corpus.jsonl")):
        for r in _jsonl(*parts):
            if keep(r.get("pmid"), r["text"]):
                yield r["text"]
    for pmid, text in pubmed_samples():
        text = text.strip()
        if keep(pmid, text):
            yield text
