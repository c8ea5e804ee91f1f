"""``claimex evaluate --task fixture``: the hand-made gold records, end to end.

Runs the pipeline on each gold record's text (or reads ``--pred`` records) and scores

* **measures** - exact span, and every field (kind, value, low, high, unit, op) on the
  exactly matched spans;
* **entities** - the EBM-NLP token-level metric per class (:mod:`claimex.evaluate.pico`);
* **claims** - a gold claim is recovered when a predicted claim on the same sentence has
  the same type and direction and exactly the gold measures (by span); per claim type.

Gold: ``corpora/gold/*.json`` (one record per file) or a JSONL of records.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from .. import paths
from ..metrics import prf
from ..read.base import Document
from ..schema import Record
from .report import EvalReport

MEASURE_FIELDS = ("kind", "value", "low", "high", "unit", "op")


def load_gold_records(gold: Optional[Path] = None) -> list[Record]:
    """Gold records from a ``.json`` record, a ``.jsonl`` of records, or a folder of ``.json`` files."""
    from ..write import read_records

    path = Path(gold) if gold else paths.GOLD_DIR
    if path.is_dir():
        return [Record.from_json(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json"))]
    if path.suffix == ".json":
        return [Record.from_json(path.read_text(encoding="utf-8"))]
    return list(read_records(path))


def gold_document(record: Record) -> Document:
    """The Document a reader would give for the gold text (title section restored)."""
    sections = [(s.start, s.end, s.section) for s in record.sentences if s.section]
    return Document(id=record.id, text=record.text, meta=dict(record.meta), sections=sections)


def _predict(golds: list[Record], pred: Optional[Path], model) -> tuple[list[Record], object]:
    from ..extractor import Extractor

    if pred is not None:
        from ..write import read_records

        by_id = {r.id: r for r in read_records(pred)}
        return [by_id.get(g.id) for g in golds], None
    extractor = Extractor.load(model)
    return [extractor.document(gold_document(g)) for g in golds], extractor.nlp


def score_measures(gold: Record, pred: Record, counts: Counter) -> None:
    by_span = {(m.start, m.end): m for m in pred.measures}
    counts["pred"] += len(pred.measures)
    for g in gold.measures:
        counts["gold"] += 1
        p = by_span.get((g.start, g.end))
        if p is None:
            continue
        counts["exact"] += 1
        counts["fields"] += all(getattr(p, f) == getattr(g, f) for f in MEASURE_FIELDS)


def _claim_key(record: Record, claim) -> tuple:
    sent = record.sentences[claim.sentence]
    spans = frozenset((record.measure(m).start, record.measure(m).end) for m in claim.measures)
    return (sent.start, claim.type, claim.direction, spans)


def score_claims(gold: Record, pred: Record, per_type: dict[str, Counter]) -> list[str]:
    pred_keys = Counter(_claim_key(pred, c) for c in pred.claims)
    pred_sents = Counter((pred.sentences[c.sentence].start, c.type) for c in pred.claims)
    misses = []
    for c in gold.claims:
        counts = per_type.setdefault(c.type, Counter())
        counts["gold"] += 1
        key = _claim_key(gold, c)
        if pred_keys[key] > 0:
            pred_keys[key] -= 1
            counts["recovered"] += 1
        else:
            misses.append(f"{gold.id} {c.id} ({c.type}, {c.direction}): {c.text[:70]}")
    for c in pred.claims:
        counts = per_type.setdefault(c.type, Counter())
        counts["pred"] += 1
    gold_sents = Counter((gold.sentences[c.sentence].start, c.type) for c in gold.claims)
    for key, n in pred_sents.items():
        per_type.setdefault(key[1], Counter())["typed_ok"] += min(n, gold_sents.get(key, 0))
    return misses


def evaluate(gold: Optional[Path] = None, pred: Optional[Path] = None, model=None, limit: Optional[int] = None,
             **_) -> EvalReport:
    from ..corpora.user import record_to_doc
    from ..metrics import Counts, score_doc
    from .pico import counts_report

    golds = load_gold_records(gold)[: limit or None]
    preds, nlp = _predict(golds, pred, model)
    m_counts: Counter = Counter()
    ent_counts = Counts()
    per_type: dict[str, Counter] = {}
    notes: list[str] = []
    tokenizer = nlp.tokenizer if nlp is not None else None
    for g, p in zip(golds, preds):
        if p is None or p.text != g.text:
            notes.append(f"{g.id}: no prediction with the gold text; scored as empty")
            p = Record(id=g.id, text=g.text, sentences=g.sentences)
        score_measures(g, p, m_counts)
        if tokenizer is None:
            from ..annotate.language import build_pipeline

            tokenizer = build_pipeline().tokenizer
        toks = [(t.idx, t.idx + len(t)) for t in tokenizer(g.text) if not t.is_space]
        score_doc(ent_counts, record_to_doc(g.to_dict(), source="gold"),
                  [(e.start, e.end, e.label) for e in p.entities], toks)
        notes.extend(f"missed claim {m}" for m in score_claims(g, p, per_type))

    measures = EvalReport(task="fixture-measures", rows=[
        {"name": "exact span", **prf(m_counts["exact"], m_counts["pred"] - m_counts["exact"],
                                     m_counts["gold"] - m_counts["exact"]), "support": m_counts["gold"]},
        {"name": "all fields", **prf(m_counts["fields"], m_counts["pred"] - m_counts["fields"],
                                     m_counts["gold"] - m_counts["fields"]), "support": m_counts["gold"]},
    ])
    claims = EvalReport(task="fixture-claims", rows=[
        {"name": t, "gold": c["gold"], "recovered": c["recovered"],
         "recall": round(c["recovered"] / c["gold"], 4) if c["gold"] else 0.0, "predicted": c["pred"],
         "type_precision": round(c["typed_ok"] / c["pred"], 4) if c["pred"] else 0.0}
        for t, c in sorted(per_type.items())
    ])
    entities = counts_report(ent_counts)
    n_gold = sum(c["gold"] for c in per_type.values())
    n_rec = sum(c["recovered"] for c in per_type.values())
    summary = {
        "documents": len(golds),
        "measures_exact_f1": measures.rows[0]["f1"],
        "measures_fields_f1": measures.rows[1]["f1"],
        "entities_token_macro_f1": entities.summary.get("token_macro_f1"),
        "claims_recovered": f"{n_rec}/{n_gold}",
    }
    return EvalReport(task="fixture", summary=summary, notes=notes,
                      sections={"measures": measures, "entities": entities, "claims": claims})


def recovered_all(report: EvalReport) -> bool:
    done, total = report.summary["claims_recovered"].split("/")
    return done == total


__all__: Iterable[str] = ("evaluate", "load_gold_records", "gold_document", "recovered_all")
