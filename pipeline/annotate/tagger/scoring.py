"""The tagger's spaCy scorer (``claimex.pico_scorer.v1``): the EBM-NLP token metric of
:mod:`claimex.metrics` on spaCy ``Example``s, for training and ``nlp.evaluate``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.util import registry

from ...metrics import CLASSES, SHORT, Counts, pico_class
from .model import GOLD_KEY, REGIONS_KEY


@registry.scorers("claimex.pico_scorer.v1")
def make_pico_scorer():
    return score_examples


def spans_by_class(spans, merge_comparator: bool = True) -> dict[str, list[tuple[int, int]]]:
    """spaCy spans -> class -> token ranges."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        out[pico_class(s.label_, merge_comparator)].append((s.start, s.end))
    return out


def score_examples(examples, **kwargs) -> dict[str, Any]:
    """spaCy scorer (``claimex.pico_scorer.v1``) for training: token-level P/I/O on dev examples
    whose reference docs carry ``spans["pico"]`` and ``spans["pico_annotated"]``."""
    counts = Counts()
    for eg in examples:
        pred = spans_by_class(eg.x.spans.get(GOLD_KEY, []))
        ref = eg.y
        gold = spans_by_class(eg.get_aligned_spans_y2x(list(ref.spans.get(GOLD_KEY, [])), allow_overlap=True))
        scored: dict[str, set[int] | None] = {}
        if REGIONS_KEY in ref.spans:
            regions = eg.get_aligned_spans_y2x(list(ref.spans[REGIONS_KEY]), allow_overlap=True)
            for r in regions:
                c = pico_class(r.label_)
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
