"""Scoring primitives shared by training and evaluation (bottom layer: no spaCy, no claimex imports):
precision/recall/F1 from counts, and the EBM-NLP token-level PICO metric.

The PICO metric (Nye et al. 2018, as used by BLURB): token level, per class, outside tokens not
counted. For each class (POPULATION, INTERVENTION - COMPARATOR counted as INTERVENTION -, OUTCOME) a
token is a true positive when gold and prediction both give it that class; classes are scored
independently, so overlapping labels are fine. A document (or a region of it) that does not annotate
a class is not scored for it. Span-level exact and overlap counts are kept too.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

CLASSES: tuple[str, ...] = ("POPULATION", "INTERVENTION", "OUTCOME")
SHORT = {"POPULATION": "p", "INTERVENTION": "i", "OUTCOME": "o"}


def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def pico_class(label: str, merge_comparator: bool = True) -> str:
    """The scored class of ``label``: COMPARATOR counts as INTERVENTION when ``merge_comparator``."""
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
        ov = [self.overlap_prf(c)["f1"] for c in scored]
        out["span_exact_macro_f1"] = round(sum(ex) / max(len(ex), 1), 4)
        out["span_overlap_macro_f1"] = round(sum(ov) / max(len(ov), 1), 4)
        out["docs"] = self.docs
        return out

    def overlap_prf(self, c: str) -> dict[str, float]:
        mp, np_, mg, ng = self.overlap[c]
        p = mp / np_ if np_ else 0.0
        r = mg / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_doc(counts: Counts, gold_doc, pred_spans: list[tuple[int, int, str]], tokens: list[tuple[int, int]],
              merge_comparator: bool = True) -> None:
    """Score one :class:`CorpusDoc` against predicted char spans ``(start, end, label)`` on the
    token grid ``tokens`` (char ranges): a token has a class when a span of it overlaps the token."""

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
                out[pico_class(lab, merge_comparator)].append(r)
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


