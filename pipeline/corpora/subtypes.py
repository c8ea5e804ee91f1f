"""Subtype-labelled spans (EBM-NLP fine labels) on the pipeline's tokens, for training
(:mod:`claimex.train.subtypes`) and evaluating (:mod:`claimex.evaluate.subtypes`) the subtype model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..annotate.language import build_pipeline
from ..annotate.tagger.decode import _Trimmer
from . import in_split, iter_source

# every corpus whose spans carry EBM-NLP fine labels: the EBM-NLP docs, with the docs that have only
# the fine layers, and the fine-label sentences, both with their fine P tokens as (partial) POPULATION
# spans; PICO-Corpus (P fragments, not phrases) left out. models/README.md "Subtypes" has the comparison.
SOURCES = ("ebm_nlp:fine_only=true,population=true", "ebm_sentences:population=true")


def default_tokenizer():
    """The pipeline's tokenizer (scispaCy rules), as the tagger sees the text."""
    return build_pipeline().tokenizer


def gold_token_spans(doc, cdoc, labels: Iterable[str] | None = None) -> list[tuple[int, int, str, str | None]]:
    """``cdoc``'s subtype-labelled spans on ``doc``'s tokens, trimmed like the tagger's spans:
    ``[(start, end, label, subtype)]``."""
    trim = _Trimmer(doc)
    wanted = set(labels) if labels is not None else None
    out = []
    for s in cdoc.spans:
        if s.subtype is None or (wanted is not None and s.label not in wanted):
            continue
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        a, b = trim(span.start, span.end)
        if b > a:
            out.append((a, b, s.label, s.subtype))
    return out


def load_span_docs(sources: Sequence[str] = SOURCES, split: str = "train", limit: int = 0,
                   tokenizer=None) -> list[tuple[Any, Any, list]]:
    """``[(cdoc, doc, spans)]`` for the docs of ``sources`` on one side of the dev split that have
    subtype-labelled spans (``limit``: the first N such docs per source)."""
    tokenizer = tokenizer or default_tokenizer()
    out = []
    for spec in sources:
        n = 0
        for cdoc in iter_source(spec):
            if not in_split(cdoc.key, split) or not any(s.subtype for s in cdoc.spans):
                continue
            doc = tokenizer(cdoc.text)
            spans = gold_token_spans(doc, cdoc)
            if spans:
                out.append((cdoc, doc, spans))
                n += 1
            if limit and n >= limit:
                break
    return out
