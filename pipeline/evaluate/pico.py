"""PICO evaluation the EBM-NLP way: token level, per class, outside tokens not counted.

For each class (POPULATION, INTERVENTION - COMPARATOR counted as INTERVENTION -, OUTCOME) a
token is a true positive when gold and prediction both give it that class; classes are scored
independently, so overlapping labels are fine. A document (or a region of it) that does not
annotate a class is not scored for it. Token-format gold (EBM-NLP JSONL/CoNLL/ebm_nlp_2_00)
is scored on its own tokens (a gold token is predicted as a class when a predicted span of that
class overlaps it); character-offset gold on scispaCy tokens. Span-level exact and overlap F1
are reported too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..corpora import iter_source
from ..corpora.dev import dev_sets
from ..metrics import Counts, prf, score_doc
from .report import EvalReport


def counts_report(counts: Counts, notes: Iterable[str] = ()) -> EvalReport:
    """The evaluation report of accumulated :class:`~claimex.metrics.Counts`: token rows, span section."""
    rows = []
    for c in counts.classes:
        tp, fp, fn = counts.tok[c]
        rows.append({"name": c, **counts.token_prf(c), "support": tp + fn, "predicted": tp + fp})
    span_rows = []
    for c in counts.classes:
        ex = prf(*counts.exact[c])
        ov = counts.overlap_prf(c)
        span_rows.append({"name": c, "exact_p": ex["precision"], "exact_r": ex["recall"], "exact_f1": ex["f1"],
                          "overlap_p": ov["precision"], "overlap_r": ov["recall"], "overlap_f1": ov["f1"],
                          "gold_spans": counts.exact[c][0] + counts.exact[c][2]})
    return EvalReport(task="pico", rows=rows, summary=counts.summary(), notes=list(notes),
                      sections={"spans": EvalReport(task="pico spans", rows=span_rows)})


def _load_gold(gold) -> list:
    if isinstance(gold, (list, tuple)):
        return list(gold)
    return list(iter_source(str(gold)))


def predict_spans(nlp, texts: list[str], batch_size: int = 64):
    for doc in nlp.pipe(texts, batch_size=batch_size):
        group = doc.spans.get("pico", [])
        yield [(s.start_char, s.end_char, s.label_) for s in group], [(t.idx, t.idx + len(t)) for t in doc
                                                                        if not t.is_space]


def evaluate(gold=None, pred: Path | None = None, model=None, limit: int | None = None,
             merge_comparator: bool = True, nlp=None, **_: Any) -> EvalReport:
    """Score ``model`` (or the predicted records in ``pred``) against ``gold`` (a path in any
    format :func:`claimex.corpora.iter_source` reads, a list of CorpusDocs, or None = the
    shared dev split: EBM-NLP crowd P/I/O as the main table, the other dev sets as sections)."""
    if gold is None or str(gold) in ("dev", "dev-split"):
        if nlp is None and pred is None:
            from ..annotate.language import load_nlp

            nlp = load_nlp(model)
        sets = dev_sets()
        main = evaluate(sets.pop("ebm_crowd"), pred=pred, limit=limit, merge_comparator=merge_comparator, nlp=nlp)
        main.notes.insert(0, "gold: shared dev split (claimex.corpora.split); main table: EBM-NLP crowd P/I/O")
        for name, docs in sets.items():
            sub = evaluate(docs, pred=pred, limit=limit, merge_comparator=merge_comparator, nlp=nlp)
            main.sections[name] = EvalReport(task=f"pico {name}", rows=sub.rows, summary=sub.summary)
        return main
    docs = _load_gold(gold)
    if limit:
        docs = docs[:limit]
    counts = Counts()
    name = gold if isinstance(gold, (str, Path)) else "documents"
    notes = [f"gold: {name}; {len(docs)} documents; token-level, outside tokens not counted"
             + ("; COMPARATOR counted as INTERVENTION" if merge_comparator else "")]
    if pred is not None:
        import json

        by_id = {}
        with open(pred, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    r = json.loads(line)
                    by_id[str(r.get("id"))] = r
        tokenizer = None
        for d in docs:
            r = by_id.get(str(d.id)) or {}
            if r and r.get("text") != d.text:
                notes.append(f"{d.id}: predicted record text differs from gold text; skipped")
                continue
            if tokenizer is None:
                from ..annotate.language import build_pipeline

                tokenizer = build_pipeline().tokenizer
            toks = d.meta.get("token_offsets") or [(t.idx, t.idx + len(t)) for t in tokenizer(d.text)
                                                   if not t.is_space]
            spans = [(e["start"], e["end"], e["label"]) for e in r.get("entities", [])]
            score_doc(counts, d, spans, toks, merge_comparator)
    else:
        if nlp is None:
            from ..annotate.language import load_nlp

            nlp = load_nlp(model)
        for d, (spans, toks) in zip(docs, predict_spans(nlp, [d.text for d in docs])):
            score_doc(counts, d, spans, d.meta.get("token_offsets") or toks, merge_comparator)
    return counts_report(counts, notes=[n for n in notes if n])
