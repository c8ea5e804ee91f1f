"""A team's own annotations: claimex/1 record JSONL (entities with char offsets), brat
standoff (``.txt`` + ``.ann``), or EBM-NLP-style token files (JSONL ``tokens``+``labels``,
CoNLL ``token [POS] label`` with ``-DOCSTART-`` lines, or the ebm_nlp_2_00 directory layout)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .labels import normalise_label
from .types import ALL_LABELS, PIO, CorpusDoc, SpanAnn, detokenize, doc_key, runs_to_spans

TOKEN_CODES = {"P": "POPULATION", "I": "INTERVENTION", "C": "COMPARATOR", "O": "OUTCOME"}


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if str(path).endswith(".gz") else open(path, encoding="utf-8")


def _annotated(value: Iterable[str] | None, default: frozenset[str]) -> frozenset[str]:
    if not value:
        return default
    out = {normalise_label(v)[0] for v in value if normalise_label(v)}
    return frozenset(out)


def record_to_doc(r: dict, source: str = "user", annotated: Iterable[str] | None = None) -> CorpusDoc:
    """A claimex/1 record (or any ``{"text", "entities": [{start,end,label}]}``) -> CorpusDoc.
    ``annotated`` (argument, or the record's ``annotated`` / ``meta.annotated``) names the labels
    the record annotates; default: all four."""
    text = r["text"]
    spans = []
    for e in r.get("entities") or []:
        norm = normalise_label(e.get("label", ""))
        if norm is None:
            continue
        lab, sub = norm
        spans.append(SpanAnn(int(e["start"]), int(e["end"]), lab, e.get("subtype") or sub))
    meta = dict(r.get("meta") or {})
    ann = annotated or r.get("annotated") or meta.get("annotated")
    pmid = meta.get("pmid") or r.get("pmid")
    rid = str(r.get("id") or r.get("pmid") or doc_key(None, text))
    return CorpusDoc(id=rid, text=text, spans=spans, annotated=_annotated(ann, ALL_LABELS), source=source,
                     key=doc_key(pmid, text), meta={"pmid": pmid} if pmid else {})


def _token_doc(doc_id: str, tokens: list[str], tags: list[str], source: str, pmid=None) -> CorpusDoc:
    labels = []
    for t in tags:
        t = (t or "N").strip()
        lab = TOKEN_CODES.get(t.upper()) if len(t) == 1 else (normalise_label(t) or (None,))[0]
        labels.append(lab)
    text, offsets = detokenize(tokens)
    present = {lab for lab in labels if lab}
    return CorpusDoc(id=doc_id, text=text, spans=runs_to_spans(offsets, labels),
                     annotated=frozenset(PIO) | present, source=source, key=doc_key(pmid, text),
                     meta={"pmid": pmid, "token_offsets": offsets})


def read_records(path: Path, source: str = "user", annotated=None) -> Iterator[CorpusDoc]:
    """JSONL of records; lines with ``tokens`` (EBM-NLP token JSONL) are accepted too."""
    with _open(path) as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            r = json.loads(line)
            if "text" in r:
                yield record_to_doc(r, source, annotated)
            elif "tokens" in r:
                labels = r.get("labels")
                tags = labels.get("pio") if isinstance(labels, dict) else labels
                if tags is None:
                    continue
                yield _token_doc(str(r.get("doc_id") or r.get("id") or r.get("pmid") or f"{path.stem}-{n}"),
                                 r["tokens"], [t or "N" for t in tags], source, r.get("pmid"))
            else:
                raise ValueError(f"{path}:{n + 1}: neither 'text' nor 'tokens' in record")


def read_conll(path: Path, source: str = "user") -> Iterator[CorpusDoc]:
    """``token [POS] label`` lines, blank line = sentence break, ``-DOCSTART- ... [PMID]`` = new doc."""
    tokens: list[str] = []
    tags: list[str] = []
    pmid = None
    count = 0

    def flush():
        nonlocal count
        count += 1
        return _token_doc(f"{path.stem}-{pmid or count}", tokens, tags, source, pmid)

    with _open(path) as fh:
        for line in fh:
            parts = line.split()
            if parts and parts[0] == "-DOCSTART-":
                if tokens:
                    yield flush()
                tokens, tags = [], []
                pmid = parts[-1] if len(parts) > 1 and parts[-1].isdigit() else None
                continue
            if len(parts) >= 2:
                tokens.append(parts[0])
                tags.append(parts[-1])
    if tokens:
        yield flush()


def read_ebm_dir(root: Path, split: str = "test/gold", source: str = "user") -> Iterator[CorpusDoc]:
    """The ebm_nlp_2_00 layout: ``documents/PMID.tokens`` + ``annotations/aggregated/
    starting_spans/{participants,interventions,outcomes}/<split>/PMID*.ann`` (0/1 per token)."""
    ann_root = root / "annotations" / "aggregated" / "starting_spans"
    elements = {"participants": "POPULATION", "interventions": "INTERVENTION", "outcomes": "OUTCOME"}
    labels: dict[str, dict[str, list[str]]] = {}
    for element, lab in elements.items():
        for ann in sorted((ann_root / element / split).glob("*.ann")):
            pmid = ann.name.split(".")[0]
            labels.setdefault(pmid, {})[lab] = ann.read_text().replace(",", " ").split()
    for pmid in sorted(labels):
        tokens = (root / "documents" / f"{pmid}.tokens").read_text(encoding="utf-8").split()
        text, offsets = detokenize(tokens)
        spans: list[SpanAnn] = []
        for lab, vals in labels[pmid].items():
            spans.extend(runs_to_spans(offsets, [lab if v not in ("0", "") else None for v in vals]))
        yield CorpusDoc(id=pmid, text=text, spans=sorted(spans, key=lambda s: (s.start, s.end)),
                        annotated=frozenset(labels[pmid]), source=source, key=doc_key(pmid, text),
                        meta={"pmid": pmid, "token_offsets": offsets})


def read_brat(path: Path, source: str = "user", annotated=None) -> Iterator[CorpusDoc]:
    """A brat folder (every ``X.txt`` with ``X.ann``) or one ``.ann``/``.txt`` file."""
    path = Path(path)
    txts = sorted(path.rglob("*.txt")) if path.is_dir() else [path.with_suffix(".txt")]
    for txt in txts:
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T") or "\t" not in line:
                continue
            body = line.split("\t")[1]
            label, _, offsets = body.partition(" ")
            norm = normalise_label(label)
            if norm is None:
                continue
            for frag in offsets.split(";"):
                a, b = frag.split()
                spans.append(SpanAnn(int(a), int(b), norm[0], norm[1]))
        yield CorpusDoc(id=txt.stem, text=text, spans=spans, annotated=_annotated(annotated, ALL_LABELS),
                        source=source, key=doc_key(txt.stem if txt.stem.isdigit() else None, text),
                        meta={"pmid": txt.stem} if txt.stem.isdigit() else {})


def read_user(path, source: str = "user", annotated=None) -> Iterator[CorpusDoc]:
    """Dispatch on what ``path`` is: brat folder/file, ebm_nlp_2_00 folder, CoNLL, or JSONL."""
    path = Path(path)
    if path.is_dir():
        if (path / "documents").is_dir() and (path / "annotations").is_dir():
            yield from read_ebm_dir(path, source=source)
        else:
            yield from read_brat(path, source, annotated)
    elif path.suffix in (".ann",) or (path.suffix == ".txt" and path.with_suffix(".ann").exists()):
        yield from read_brat(path, source, annotated)
    elif path.suffix in (".conll", ".txt", ".tsv", ".bio"):
        yield from read_conll(path, source)
    else:
        yield from read_records(path, source, annotated)
