"""Corpora through Hugging Face ``datasets``.

* :func:`to_dataset` - CorpusDocs -> ``datasets.Dataset`` (``Dataset.from_generator``).
* :func:`load_hf` - a hub corpus (``hf:bigbio/ebm_pico``), or local JSON/JSONL read with
  ``load_dataset("json", data_files=...)`` -> CorpusDocs. Rows may be claimex records
  (``text`` + ``entities`` with ``start``/``end``/``label``), BigBio KB rows (``passages`` +
  ``entities`` with ``offsets``/``type``), CorpusDoc dicts (``spans``), or token rows
  (``tokens`` + ``labels``/``ner_tags``/``tags``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .labels import normalise_label
from .types import ALL_LABELS, CorpusDoc, SpanAnn, doc_key
from .user import _token_doc, record_to_doc

FEATURES = None


def _features():
    import datasets

    span = {"start": datasets.Value("int32"), "end": datasets.Value("int32"), "label": datasets.Value("string"),
            "subtype": datasets.Value("string")}
    return datasets.Features({
        "id": datasets.Value("string"), "text": datasets.Value("string"), "source": datasets.Value("string"),
        "key": datasets.Value("string"), "spans": [span], "annotated": [datasets.Value("string")],
        "regions": datasets.Value("string"),  # JSON: {label: [[start, end], ...]}
    })


def _row(doc: CorpusDoc) -> dict[str, Any]:
    import json

    d = doc.to_dict()
    d.pop("meta")
    d["regions"] = json.dumps(d["regions"])
    return d


def _gen(docs: list[CorpusDoc]) -> Iterator[dict]:
    for doc in docs:
        yield _row(doc)


def to_dataset(docs: Iterable[CorpusDoc]):
    """A ``datasets.Dataset`` with one row per document (columns of :class:`CorpusDoc`)."""
    import datasets

    return datasets.Dataset.from_generator(_gen, gen_kwargs={"docs": list(docs)}, features=_features())


def row_to_doc(row: dict[str, Any], source: str, names: list[str] | None = None) -> CorpusDoc | None:
    import json

    if "spans" in row and "text" in row:  # our own rows
        regions = row.get("regions")
        if isinstance(regions, str):
            regions = json.loads(regions)
        return CorpusDoc.from_dict({**row, "regions": regions or {}, "source": row.get("source") or source})
    if "passages" in row:  # BigBio KB schema
        pieces = sorted((p["offsets"][0][0], " ".join(p["text"])) for p in row["passages"] if p.get("offsets"))
        end = max((a + len(t) for a, t in pieces), default=0)
        buf = [" "] * end
        for a, t in pieces:
            buf[a:a + len(t)] = list(t)
        text = "".join(buf)
        spans = []
        for e in row.get("entities") or []:
            norm = normalise_label(e.get("type", ""))
            if norm:
                spans.extend(SpanAnn(int(a), int(b), norm[0], norm[1]) for a, b in e["offsets"])
        present = {s.label for s in spans}
        doc_id = str(row.get("document_id") or row.get("id"))
        return CorpusDoc(id=doc_id, text=text, spans=spans,
                         annotated=frozenset({"POPULATION", "INTERVENTION", "OUTCOME"}) | present,
                         source=source, key=doc_key(doc_id if doc_id.isdigit() else None, text))
    if "text" in row and "entities" in row:
        return record_to_doc(row, source)
    if "tokens" in row:
        tags = row.get("labels") or row.get("ner_tags") or row.get("tags")
        if isinstance(tags, dict):
            tags = tags.get("pio")
        if tags is None:
            return None
        if names and tags and isinstance(tags[0], int):
            tags = [names[t] for t in tags]
        tags = ["N" if t in ("O", "N", None) else str(t) for t in tags]
        doc_id = str(row.get("doc_id") or row.get("id") or row.get("pmid") or "")
        return _token_doc(doc_id, row["tokens"], tags, source, row.get("pmid"))
    raise ValueError(f"unrecognised row with keys {sorted(row)}")


def load_hf(name: str, split: str = "train", config: str | None = None) -> Iterator[CorpusDoc]:
    """``name``: ``hf:owner/dataset`` (hub; needs network) or ``hf:LOCAL_DATASET_DIR`` (e.g. a folder
    holding ``train.jsonl``), or a local ``.json``/``.jsonl`` file."""
    import datasets

    name = name.removeprefix("hf:")
    path = Path(name)
    if path.is_file():
        ds = datasets.load_dataset("json", data_files=str(path), split="train")
        source = path.stem
    else:  # a hub dataset, or a local dataset folder (same code path)
        ds = datasets.load_dataset(name, config, split=split)
        source = path.name if path.exists() else name
    names = None
    for col in ("ner_tags", "tags"):
        feat = ds.features.get(col)
        inner = getattr(feat, "feature", None)
        if inner is not None and hasattr(inner, "names"):
            names = inner.names
    for row in ds:
        doc = row_to_doc(row, source, names)
        if doc is not None:
            yield doc


__all__ = ["ALL_LABELS", "load_hf", "row_to_doc", "to_dataset"]
