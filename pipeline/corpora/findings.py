"""Reviewer-grade findings gold (``corpora/gold/findings/*.findings.jsonl``): the source texts and typed records.

A gold file holds one JSON object per abstract with offsets and short excerpts only, never the text
(several sources state no licence); :func:`load_text` rebuilds the text from ``../shared``:

* ``evidence-inference``: ``text[:abstract_end]`` of ``articles_fulltext_labeled.jsonl.gz`` (PMC headed
  form), train/validation articles only;
* ``evidence-inference-abstracts``: the ``text`` (title + abstract, PMC headed form) of
  ``articles_abstracts_unlabeled.jsonl.gz`` up to its ``\n\nBODY:\n`` line where one follows (260 of them carry
  body text), articles with no Evidence Inference label (no evaluation uses them);
* ``evidencemap``: the ``text`` field of ``evidencemap.jsonl`` (plain, pre-tokenised);
* ``pubmed-xml``: ``Document.text`` of the record as claimex's reader builds it from the sample files;
* ``pico-corpus``: the ``text`` field (title + abstract, plain, one line) of PICO-Corpus's ``pico_corpus.jsonl``
  (breast-cancer RCTs; not in the shipped tagger's training mix).

The unit (``corpora/gold/GUIDELINES.md``, *Findings*) is one outcome's result for one comparison in one
sentence. :func:`check_abstract` verifies a record against its rebuilt text (offsets, excerpts, sha1).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import paths
from ..read import read_documents
from ..read.base import Document

SOURCES = ("evidence-inference", "evidence-inference-abstracts", "evidencemap", "pubmed-xml", "pico-corpus")
DIRECTIONS = ("increase", "decrease", "no_difference", "positive", "negative")
FINDING_TYPES = ("finding", "adverse_effect")
GOLD_FINDINGS_DIR = paths.GOLD_DIR / "findings"
_BODY = "\n\nBODY:\n"  # where body text follows the abstract in an unlabelled Evidence Inference text


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class GoldFinding:
    sentence: tuple[int, int]
    type: str
    outcome: Span
    intervention: Span
    comparator: Span | None
    numbers: list[Span]
    direction: str
    significant: bool | None


@dataclass
class GoldAbstract:
    source: str
    id: str
    form: str
    split: str
    text_sha1: str
    text_len: int
    result_sentences: list[tuple[int, int]]
    findings: list[GoldFinding] = field(default_factory=list)
    origin: str = ""  # "file:line", for messages
    # optional: sentences that restate or judge results without being required (conclusions such as
    # "X was effective"): a finding claim there is neither spurious nor counted in precision
    neutral_sentences: list[tuple[int, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.id}"


# -- texts -----------------------------------------------------------------------------------------------
def split_of(source: str, doc_id: str) -> str:
    """``tune`` or ``report``: ``int(sha1(source + ":" + id), 16) % 2`` (0 = tune), fixed, not chosen."""
    h = int(hashlib.sha1(f"{source}:{doc_id}".encode()).hexdigest(), 16)
    return "tune" if h % 2 == 0 else "report"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _ei_articles() -> dict[str, str]:
    path = paths.corpus_path("evidence-inference-v2", "articles_fulltext_labeled.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {str(r["pmcid"]): r["text"][: r["abstract_end"]] for r in map(json.loads, fh)}


@lru_cache(maxsize=1)
def _ei_unlabeled_abstracts() -> dict[str, str]:
    path = paths.corpus_path("evidence-inference-v2", "articles_abstracts_unlabeled.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {str(r["pmcid"]): r["text"].split(_BODY, 1)[0] for r in map(json.loads, fh)}


@lru_cache(maxsize=1)
def _evidencemap() -> dict[str, str]:
    with open(paths.corpus_path("evidencemap", "evidencemap.jsonl"), encoding="utf-8") as fh:
        return {str(r["pmid"]): r["text"] for r in map(json.loads, fh)}


@lru_cache(maxsize=1)
def _pico_corpus() -> dict[str, str]:
    with open(paths.corpus_path("pico-corpus-breast-cancer", "pico_corpus.jsonl"), encoding="utf-8") as fh:
        return {str(r["pmid"]): r["text"] for r in map(json.loads, fh)}


@lru_cache(maxsize=1)
def _pubmed_documents() -> dict[str, Document]:
    folder = paths.corpus_path("pubmed-xml-samples")
    files = sorted(p for p in folder.rglob("*") if p.name.endswith((".xml", ".xml.gz")))
    out: dict[str, Document] = {}
    for item in read_documents(files):
        if isinstance(item, Document):
            out.setdefault(str(item.id), item)
    return out


def load_document(source: str, doc_id: str) -> Document:
    """The Document whose ``text`` the gold offsets index (the reader's own Document for ``pubmed-xml``).
    Raises ``KeyError`` naming the record when it is not in ``../shared``."""
    doc_id = str(doc_id)
    if source == "pubmed-xml":
        doc = _pubmed_documents().get(doc_id)
        if doc is None:
            raise KeyError(f"pubmed-xml:{doc_id}: no such record in the PubMed XML samples")
        return doc
    table = {"evidence-inference": _ei_articles, "evidence-inference-abstracts": _ei_unlabeled_abstracts,
             "evidencemap": _evidencemap, "pico-corpus": _pico_corpus}.get(source)
    if table is None:
        raise KeyError(f"{source}:{doc_id}: unknown source (choose from {', '.join(SOURCES)})")
    text = table().get(doc_id)
    if text is None:
        raise KeyError(f"{source}:{doc_id}: no such record in ../shared")
    return Document(id=doc_id, text=text, meta={"source": source})


def load_text(source: str, doc_id: str) -> str:
    """The text a gold record of ``source`` indexes (see the module docstring)."""
    return load_document(source, doc_id).text


# -- gold records ----------------------------------------------------------------------------------------
def _span(obj: Any, what: str) -> Span:
    if not isinstance(obj, dict):
        raise ValueError(f"{what}: expected an object with start/end/text")
    start, end, text = obj.get("start"), obj.get("end"), obj.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str) and 0 <= start <= end):
        raise ValueError(f"{what}: bad span {obj!r}")
    return Span(start, end, text)


def _pair(obj: Any, what: str) -> tuple[int, int]:
    if not (isinstance(obj, list) and len(obj) == 2 and all(isinstance(x, int) for x in obj) and obj[0] <= obj[1]):
        raise ValueError(f"{what}: expected [start, end], got {obj!r}")
    return obj[0], obj[1]


def parse_finding(obj: dict[str, Any], k: int) -> GoldFinding:
    what = f"finding {k}"
    ftype = obj.get("type", "finding")
    if ftype not in FINDING_TYPES:
        raise ValueError(f"{what}: type {ftype!r} not in {FINDING_TYPES}")
    direction = obj.get("direction")
    if direction not in DIRECTIONS:
        raise ValueError(f"{what}: direction {direction!r} not in {DIRECTIONS}")
    significant = obj.get("significant")
    if significant not in (True, False, None):
        raise ValueError(f"{what}: significant must be true, false or null")
    comparator = obj.get("comparator")
    return GoldFinding(
        sentence=_pair(obj.get("sentence"), f"{what} sentence"), type=ftype,
        outcome=_span(obj.get("outcome"), f"{what} outcome"),
        intervention=_span(obj.get("intervention"), f"{what} intervention"),
        comparator=None if comparator is None else _span(comparator, f"{what} comparator"),
        numbers=[_span(n, f"{what} number") for n in obj.get("numbers") or []],
        direction=direction, significant=significant)


def parse_abstract(obj: dict[str, Any], origin: str = "") -> GoldAbstract:
    """One gold line -> :class:`GoldAbstract`; ``ValueError`` (naming the record) on bad input."""
    source, doc_id = obj.get("source"), str(obj.get("id", ""))
    name = f"{source}:{doc_id}"
    try:
        if source not in SOURCES:
            raise ValueError(f"unknown source {source!r}")
        if obj.get("split") not in ("tune", "report"):
            raise ValueError(f"split {obj.get('split')!r} is not tune/report")
        return GoldAbstract(
            source=source, id=doc_id, form=str(obj.get("form", "")), split=obj["split"],
            text_sha1=str(obj.get("text_sha1", "")), text_len=int(obj.get("text_len", -1)),
            result_sentences=[_pair(s, "result_sentences") for s in obj.get("result_sentences") or []],
            findings=[parse_finding(f, k) for k, f in enumerate(obj.get("findings") or [])], origin=origin,
            neutral_sentences=[_pair(s, "neutral_sentences") for s in obj.get("neutral_sentences") or []])
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"{origin or name}: {name}: {exc}") from None


def gold_files(path: str | Path) -> list[Path]:
    path = Path(path)
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def read_keys(path: str | Path) -> set[str]:
    """Gold keys (``source:id``, :attr:`GoldAbstract.key`) listed one a line in ``path``; ``#`` comments and blank
    lines are skipped (e.g. ``models/claimex-confidence/calibration_ids.txt``, the tune abstracts annotated blind)."""
    lines = (line.split("#", 1)[0].strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def select_gold(golds: list[GoldAbstract], split: str = "all", ids: str | Path | None = None,
                skip_ids: str | Path | None = None) -> list[GoldAbstract]:
    """The gold abstracts of one half (``tune`` / ``report``; ``all`` keeps both), only those listed in the file
    ``ids`` and without those listed in ``skip_ids`` (:func:`read_keys`), in their order."""
    keep = read_keys(ids) if ids is not None else None
    drop = read_keys(skip_ids) if skip_ids is not None else set()
    return [g for g in golds if (split == "all" or g.split == split) and (keep is None or g.key in keep)
            and g.key not in drop]


def load_gold(path: str | Path | None = None, errors: list[str] | None = None) -> list[GoldAbstract]:
    """Every gold abstract of a file or of the ``*.jsonl`` files of a folder (default: the shipped
    ``corpora/gold/findings``). A bad line becomes a one-line message in ``errors`` (raised as
    ``ValueError`` when ``errors`` is None) and the lines around it are kept."""
    out: list[GoldAbstract] = []
    for file in gold_files(path or GOLD_FINDINGS_DIR):
        with open(file, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError("not a JSON object")
                    out.append(parse_abstract(obj, origin=f"{file}:{n}"))
                except ValueError as exc:
                    message = str(exc) if str(exc).startswith(str(file)) else f"{file}:{n}: {exc}"
                    if errors is None:
                        raise ValueError(message) from None
                    errors.append(message)
    return out


def check_abstract(gold: GoldAbstract, text: str) -> list[str]:
    """Problems of one gold record against its rebuilt text: sha1/length, every excerpt equal to
    ``text[start:end]``, outcome and numbers inside their sentence, finding sentences among the result
    sentences, arms of a comparison distinct, a non-significant comparison ``no_difference``."""
    problems: list[str] = []
    if text_sha1(text) != gold.text_sha1 or len(text) != gold.text_len:
        problems.append("text sha1/length differs from ../shared")
        return problems
    results = set(gold.result_sentences)
    for s, e in gold.result_sentences + gold.neutral_sentences:
        if not (0 <= s < e <= len(text)):
            problems.append(f"sentence {s}-{e} outside the text")
    if results & set(gold.neutral_sentences):
        problems.append("a sentence is both a result and a neutral sentence")
    for k, f in enumerate(gold.findings):
        spans = [("outcome", f.outcome), ("intervention", f.intervention)]
        spans += [("comparator", f.comparator)] if f.comparator else []
        spans += [("number", n) for n in f.numbers]
        for what, span in spans:
            if text[span.start:span.end] != span.text:
                problems.append(f"finding {k} {what} {span.text!r} != text[{span.start}:{span.end}]")
        for what, span in [("outcome", f.outcome)] + [("number", n) for n in f.numbers]:
            if not (f.sentence[0] <= span.start and span.end <= f.sentence[1]):
                problems.append(f"finding {k} {what} {span.text!r} outside its sentence")
        if f.sentence not in results:
            problems.append(f"finding {k} sentence {f.sentence} not in result_sentences")
        if f.comparator and (f.comparator.start, f.comparator.end) == (f.intervention.start, f.intervention.end):
            problems.append(f"finding {k} intervention and comparator are the same span")
        if f.significant is False and f.direction in ("increase", "decrease"):
            problems.append(f"finding {k} is not significant but has direction {f.direction!r} (no_difference)")
        if (f.comparator is None) != (f.direction in ("positive", "negative")):
            problems.append(f"finding {k} direction {f.direction!r} does not fit "
                            f"{'a single arm' if f.comparator is None else 'a comparison'}")
    return problems


def dump_abstract(gold: GoldAbstract) -> str:
    """One gold line (the file format of ``corpora/gold/findings``)."""
    def span(s: Span | None) -> dict[str, Any] | None:
        return None if s is None else {"start": s.start, "end": s.end, "text": s.text}

    obj = {"source": gold.source, "id": gold.id, "form": gold.form, "split": gold.split,
           "text_sha1": gold.text_sha1, "text_len": gold.text_len,
           "result_sentences": [list(s) for s in gold.result_sentences],
           **({"neutral_sentences": [list(s) for s in gold.neutral_sentences]} if gold.neutral_sentences else {}),
           "findings": [{"sentence": list(f.sentence), "type": f.type, "outcome": span(f.outcome),
                         "intervention": span(f.intervention), "comparator": span(f.comparator),
                         "numbers": [span(n) for n in f.numbers], "direction": f.direction,
                         "significant": f.significant} for f in gold.findings]}
    return json.dumps(obj, ensure_ascii=False)
