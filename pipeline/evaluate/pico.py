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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .report import EvalReport, prf

CLASSES: tuple[str, ...] = ("POPULATION", "INTERVENTION", "OUTCOME")
SHORT = {"POPULATION": "p", "INTERVENTION": "i", "OUTCOME": "o"}


def _cls(label: str, merge_comparator: bool = True) -> str:
    return "INTERVENTION" if merge_comparator and label == "COMPARATOR" else label


class Counts:
    """Token and span counts per class, accumulated over documents."""

    def __init__(self, classes: Sequence[str] = CLASSES) -> None:
        self.classes = tuple(classes)
        self.tok = {c: [0, 0, 0] for c in self.classes}  # tp, fp, fn
        self.exact = {c: [0, 0, 0] for c in self.classes}
        self.overlap = {c: [0, 0, 0, 0] for c in self.classes}  # matched pred, n pred, matched gold, n gold
        self.docs = 0

    def add(self, gold: dict[str, list[tuple[int, int]]], pred: dict[str, list[tuple[int, int]]],
            scored: dict[str, set[int] | None]) -> None:
        """``gold``/``pred``: class -> spans as (start, end) token ranges; ``scored``: class -> the
        token indices where the class is annotated (None = everywhere; class absent = not scored)."""
        self.docs += 1
        for c in self.classes:
            if c not in scored:
                continue
            region = scored[c]

            def inside(span: tuple[int, int], region=region) -> bool:
                return region is None or any(t in region for t in range(*span))

            g_spans = [s for s in gold.get(c, []) if inside(s)]
            p_spans = [s for s in pred.get(c, []) if inside(s)]
            g_tok = {t for a, b in g_spans for t in range(a, b)}
            p_tok = {t for a, b in p_spans for t in range(a, b)}
            if region is not None:
                g_tok &= region
                p_tok &= region
            self.tok[c][0] += len(g_tok & p_tok)
            self.tok[c][1] += len(p_tok - g_tok)
            self.tok[c][2] += len(g_tok - p_tok)
            gs, ps = set(g_spans), set(p_spans)
            self.exact[c][0] += len(gs & ps)
            self.exact[c][1] += len(ps - gs)
            self.exact[c][2] += len(gs - ps)
            o = self.overlap[c]
            o[0] += sum(any(a < d and c2 < b for c2, d in gs) for a, b in ps)
            o[1] += len(ps)
            o[2] += sum(any(a < d and c2 < b for c2, d in ps) for a, b in gs)
            o[3] += len(gs)

    def token_prf(self, c: str) -> dict[str, float]:
        return prf(*self.tok[c])

    def summary(self) -> dict[str, Any]:
        rows = {c: self.token_prf(c) for c in self.classes}
        tp, fp, fn = (sum(self.tok[c][k] for c in self.classes) for k in range(3))
        scored = [c for c in self.classes if sum(self.tok[c])]
        out = {
            "token_macro_f1": round(sum(rows[c]["f1"] for c in scored) / max(len(scored), 1), 4),
            "token_micro_f1": prf(tp, fp, fn)["f1"],
        }
        ex = [prf(*self.exact[c])["f1"] for c in scored]
        ov = [self._overlap_prf(c)["f1"] for c in scored]
        out["span_exact_macro_f1"] = round(sum(ex) / max(len(ex), 1), 4)
        out["span_overlap_macro_f1"] = round(sum(ov) / max(len(ov), 1), 4)
        out["docs"] = self.docs
        return out

    def _overlap_prf(self, c: str) -> dict[str, float]:
        mp, np_, mg, ng = self.overlap[c]
        p = mp / np_ if np_ else 0.0
        r = mg / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    def report(self, notes: Iterable[str] = ()) -> EvalReport:
        rows = []
        for c in self.classes:
            tp, fp, fn = self.tok[c]
            rows.append({"name": c, **self.token_prf(c), "support": tp + fn, "predicted": tp + fp})
        span_rows = []
        for c in self.classes:
            ex = prf(*self.exact[c])
            ov = self._overlap_prf(c)
            span_rows.append({"name": c, "exact_p": ex["precision"], "exact_r": ex["recall"], "exact_f1": ex["f1"],
                              "overlap_p": ov["precision"], "overlap_r": ov["recall"], "overlap_f1": ov["f1"],
                              "gold_spans": self.exact[c][0] + self.exact[c][2]})
        return EvalReport(task="pico", rows=rows, summary=self.summary(), notes=list(notes),
                          sections={"spans": EvalReport(task="pico spans", rows=span_rows)})


# -- spaCy docs ------------------------------------------------------------------------------
def spans_by_class(spans, merge_comparator: bool = True) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        out[_cls(s.label_, merge_comparator)].append((s.start, s.end))
    return out


def score_examples(examples, **kwargs) -> dict[str, Any]:
    """spaCy scorer (``claimex.pico_scorer.v1``) for training: token-level P/I/O on dev examples
    whose reference docs carry ``spans["pico"]`` and ``spans["pico_annotated"]``."""
    from ..annotate.tagger.model import GOLD_KEY, REGIONS_KEY

    counts = Counts()
    for eg in examples:
        pred = spans_by_class(eg.x.spans.get(GOLD_KEY, []))
        ref = eg.y
        gold = spans_by_class(eg.get_aligned_spans_y2x(list(ref.spans.get(GOLD_KEY, [])), allow_overlap=True))
        scored: dict[str, set[int] | None] = {}
        if REGIONS_KEY in ref.spans:
            regions = eg.get_aligned_spans_y2x(list(ref.spans[REGIONS_KEY]), allow_overlap=True)
            for r in regions:
                c = _cls(r.label_)
                if c in CLASSES and r.label_ != "COMPARATOR":
                    scored.setdefault(c, set()).update(range(r.start, r.end))
        else:
            scored = {c: None for c in CLASSES}
        counts.add(gold, pred, scored)
    s = counts.summary()
    out = {"pico_macro_f": s["token_macro_f1"], "pico_micro_f": s["token_micro_f1"]}
    for c in CLASSES:
        r = counts.token_prf(c)
        out[f"pico_{SHORT[c]}_f"] = r["f1"]
        out[f"pico_{SHORT[c]}_p"] = r["precision"]
        out[f"pico_{SHORT[c]}_r"] = r["recall"]
    return out


# -- corpus docs -----------------------------------------------------------------------------
def score_doc(counts: Counts, gold_doc, pred_spans: list[tuple[int, int, str]], tokens: list[tuple[int, int]],
              merge_comparator: bool = True) -> None:
    """Score one :class:`CorpusDoc` against predicted char spans ``(start, end, label)`` on the
    token grid ``tokens`` (char ranges): a token has a class when a span of it overlaps the token."""
    import bisect

    starts = [a for a, _ in tokens]

    def tok_range(a: int, b: int) -> tuple[int, int] | None:
        i = max(bisect.bisect_right(starts, a) - 1, 0)
        while i < len(tokens) and tokens[i][1] <= a:
            i += 1
        j = i
        while j < len(tokens) and tokens[j][0] < b:
            j += 1
        return (i, j) if j > i else None

    def group(spans):
        out: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for a, b, lab in spans:
            r = tok_range(a, b)
            if r:
                out[_cls(lab, merge_comparator)].append(r)
        return out

    gold = group([(s.start, s.end, s.label) for s in gold_doc.spans])
    pred = group(pred_spans)
    scored: dict[str, set[int] | None] = {}
    for c in CLASSES:
        if c not in gold_doc.annotated:
            continue
        regs = gold_doc.regions.get(c)
        if regs is None:
            scored[c] = None
        else:
            scored[c] = {t for a, b in regs for r in [tok_range(a, b)] if r for t in range(*r)}
    counts.add(gold, pred, scored)


def _load_gold(gold) -> list:
    from ..corpora import iter_source

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
        from ..train.tune import dev_sets

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
    return counts.report(notes=[n for n in notes if n])
