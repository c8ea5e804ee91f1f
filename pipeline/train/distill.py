"""Pseudo-labels from a teacher model (distillation into a smaller/faster tagger).

``pseudo:MODEL`` as a corpus source runs the teacher pipeline (e.g. the shipped
``claimex-pico-md``) over every unlabelled non-dev abstract of the shared corpora
(:func:`claimex.corpora.raw.iter_abstracts`) and yields its spans as fully annotated
documents. The student learns the teacher's decisions (thresholds, mention propagation
included) on ~7,400 abstracts besides the gold corpora.

Options after the model, comma-separated: ``limit=N`` (first N abstracts) and ``soft=A``
(0 < A <= 1): the student's target per token and head becomes ``(1 - A) * decision + A *
probability`` - the teacher's decoded spans mixed with its head probabilities (soft targets,
Hinton et al. 2015), kept in ``CorpusDoc.meta["soft"]`` and put on the reference doc by
:func:`claimex.train.data.make_example`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import numpy
import spacy

from .. import annotate  # noqa: F401  (registers the components a teacher model needs)
from ..annotate.tagger.model import HEADS, SOFT_KEY  # SOFT_KEY: (alpha, probabilities[n_tokens, heads])
from ..corpora import register_source
from ..corpora.raw import iter_abstracts
from ..corpora.types import ALL_LABELS, CorpusDoc, SpanAnn, doc_key
from ..paths import model_dir
from .tune import tagger_probs

log = logging.getLogger(__name__)


def parse_pseudo_spec(spec: str) -> tuple[str, int, float]:
    """``pseudo:MODEL[,limit=N][,soft=A]`` (or without the prefix) -> (model, limit, soft)."""
    model, *opts = spec.removeprefix("pseudo:").split(",")
    limit, soft = 0, 0.0
    for opt in opts:
        key, _, value = opt.partition("=")
        if key.strip() == "limit":
            limit = int(value)
        elif key.strip() == "soft":
            soft = float(value)
            if not 0.0 <= soft <= 1.0:
                raise ValueError(f"{spec}: soft must be between 0 and 1, got {soft}")
        else:
            raise ValueError(f"{spec}: unknown option {key!r} (known: limit, soft)")
    return model, limit, soft


@register_source("pseudo")
def load_pseudo(spec: str) -> Iterator[CorpusDoc]:
    """The ``pseudo:MODEL[,limit=N][,soft=A]`` corpus source."""
    model, limit, soft = parse_pseudo_spec(spec)
    yield from pseudo_docs(model, limit=limit, soft=soft)


# spaCy resolves the training corpus twice (``initialize``, then ``train``): keep the teacher's output
# of the shared abstracts for the life of the process instead of running the teacher twice
_CACHE: dict[tuple[str, int, float], list[CorpusDoc]] = {}


def pseudo_docs(model: str, limit: int = 0, batch_size: int = 64, texts: list[str] | None = None,
                soft: float = 0.0) -> Iterator[CorpusDoc]:
    if texts is not None:
        yield from _pseudo_docs(model, limit, batch_size, texts, soft)
        return
    key = (str(model_dir(model).resolve()), limit, soft)
    if key not in _CACHE:
        _CACHE[key] = list(_pseudo_docs(model, limit, batch_size, None, soft))
    else:
        log.info("pseudo-labels of %s reused (%d abstracts)", model, len(_CACHE[key]))
    yield from _CACHE[key]


def _pseudo_docs(model: str, limit: int, batch_size: int, texts: list[str] | None, soft: float
                 ) -> Iterator[CorpusDoc]:
    path = model_dir(model)
    nlp = spacy.load(path)
    tagger = nlp.get_pipe("claimex_pico")
    columns = [list(tagger.heads).index(h) for h in HEADS]
    texts = texts if texts is not None else list(iter_abstracts())
    if limit:
        texts = texts[:limit]
    t0 = time.time()
    # the teacher's decoded spans (thresholds, propagation) and, for soft targets, the probabilities
    # behind them: one tagger pass
    for k, (doc, probs) in enumerate(tagger_probs(nlp, texts, batch_size, annotate=True)):
        spans = [SpanAnn(s.start_char, s.end_char, s.label_) for s in doc.spans.get("pico", [])]
        meta: dict = {"teacher": str(path)}
        if soft:
            meta[SOFT_KEY] = (soft, probs[:, columns].astype(numpy.float16))
        yield CorpusDoc(id=f"pseudo-{k}", text=texts[k], spans=spans, annotated=ALL_LABELS, source="pseudo",
                        key=doc_key(None, texts[k]), meta=meta)
    log.info("pseudo-labelled %d abstracts with %s in %.0fs (soft=%s)", len(texts), path, time.time() - t0, soft)
