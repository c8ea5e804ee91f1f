"""Pseudo-labels from a teacher model (distillation into a smaller/faster tagger).

``pseudo:MODEL`` as a corpus source runs the teacher pipeline (e.g. the shipped
``claimex-pico-md``) over every unlabelled non-dev abstract of the shared corpora
(:func:`pipeline.corpora.raw.iter_abstracts`) and yields its spans as fully annotated
documents. The student learns the teacher's decisions (thresholds, mention propagation
included) on ~7,400 abstracts besides the gold corpora.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

from ..corpora.types import ALL_LABELS, CorpusDoc, SpanAnn, doc_key

log = logging.getLogger(__name__)


def pseudo_docs(model: str, limit: int = 0, batch_size: int = 64, texts: list[str] | None = None
                ) -> Iterator[CorpusDoc]:
    import spacy

    import pipeline.annotate  # noqa: F401

    from ..corpora.raw import iter_abstracts
    from ..paths import MODELS_DIR

    path = Path(model)
    if not path.exists() and (MODELS_DIR / model).exists():
        path = MODELS_DIR / model
    nlp = spacy.load(path)
    texts = texts if texts is not None else list(iter_abstracts())
    if limit:
        texts = texts[:limit]
    t0 = time.time()
    for k, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        spans = [SpanAnn(s.start_char, s.end_char, s.label_) for s in doc.spans.get("pico", [])]
        yield CorpusDoc(id=f"pseudo-{k}", text=doc.text, spans=spans, annotated=ALL_LABELS, source="pseudo",
                        key=doc_key(None, doc.text), meta={"teacher": str(path)})
    log.info("pseudo-labelled %d abstracts with %s in %.0fs", len(texts), path, time.time() - t0)
