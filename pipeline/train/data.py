"""Corpora -> spaCy ``Example`` objects for training (registered readers).

``claimex.PicoCorpus.v1`` reads source specs (see :mod:`claimex.corpora`) on one side of the
dev split and tokenizes each text with the pipeline's own tokenizer (scispaCy), so gold spans
are projected onto the tokens the model sees at inference (``char_span(alignment_mode=
"expand")``). The reference doc carries ``spans["pico"]`` (gold) and ``spans["pico_annotated"]``
(where each head is annotated: missing != negative).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import registry

from ..annotate.tagger.model import GOLD_KEY, HEADS, REGIONS_KEY, SOFT_KEY
from ..corpora import CorpusDoc, load_docs
from . import distill  # noqa: F401  (registers the pseudo: corpus source)

log = logging.getLogger(__name__)


def _char_spans(doc: Doc, ranges, label: str) -> list[Span]:
    out = []
    for a, b in ranges:
        span = doc.char_span(a, b, label=label, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


def reference_doc(doc: Doc, cdoc: CorpusDoc) -> Doc:
    """Put ``cdoc``'s gold spans and annotated regions on ``doc`` (tokenized ``cdoc.text``)."""
    gold: list[Span] = []
    for s in cdoc.spans:
        gold.extend(_char_spans(doc, [(s.start, s.end)], s.label))
    regions: list[Span] = []
    for head in HEADS:
        if head in cdoc.annotated:
            regions.extend(_char_spans(doc, cdoc.regions.get(head) or [(0, len(cdoc.text))], head))
    doc.spans[GOLD_KEY] = SpanGroup(doc, name=GOLD_KEY, spans=gold)
    doc.spans[REGIONS_KEY] = SpanGroup(doc, name=REGIONS_KEY, spans=regions)
    return doc


def make_example(nlp: Language, cdoc: CorpusDoc) -> Example:
    predicted = nlp.make_doc(cdoc.text)
    reference = reference_doc(nlp.make_doc(cdoc.text), cdoc)
    soft = cdoc.meta.get(SOFT_KEY)
    if soft is not None and len(soft[1]) == len(reference):  # teacher tokens = these tokens
        reference.user_data[SOFT_KEY] = soft
    return Example(predicted, reference)


class PicoCorpus:
    """Callable reader: ``corpus(nlp) -> Iterator[Example]`` (tokenized once, then cached)."""

    def __init__(self, sources: Iterable[str], split: str = "train", limit: int = 0, fraction: float = 0.15,
                 repeat: dict | None = None, shuffle_seed: int = 0) -> None:
        self.sources = list(sources)
        self.split = split
        self.limit = limit
        self.fraction = fraction
        self.repeat = dict(repeat or {})
        self.shuffle_seed = shuffle_seed
        self._cache: list[Example] | None = None

    def docs(self) -> list[CorpusDoc]:
        docs = load_docs(self.sources, split=self.split, fraction=self.fraction)
        if self.limit:
            random.Random(self.shuffle_seed).shuffle(docs)
            docs = docs[: self.limit]
        out = []
        for d in docs:
            out.extend([d] * int(self.repeat.get(d.source, 1)))
        return out

    def __call__(self, nlp: Language) -> Iterator[Example]:
        if self._cache is None:
            docs = self.docs()
            self._cache = [make_example(nlp, d) for d in docs]
            log.info("claimex.PicoCorpus %s: %d examples from %s", self.split, len(self._cache), self.sources)
        yield from self._cache


@registry.readers("claimex.PicoCorpus.v1")
def create_pico_corpus(sources: list[str], split: str = "train", limit: int = 0, fraction: float = 0.15,
                       repeat: dict | None = None) -> Callable[[Language], Iterator[Example]]:
    return PicoCorpus(sources, split=split, limit=limit, fraction=fraction, repeat=repeat)


class AbstractTexts:
    """Unlabelled abstracts (pretraining): ``corpus(nlp) -> Iterator[Example]``."""

    def __init__(self, limit: int = 0) -> None:
        self.limit = limit
        self._texts: list[str] | None = None

    _texts_override: list[str] | None = None  # tests: use these texts instead of the shared corpora

    def __call__(self, nlp: Language) -> Iterator[Example]:
        if self._texts is None:
            from ..corpora.raw import iter_abstracts

            self._texts = list(self._texts_override or iter_abstracts())
            if self.limit:
                self._texts = self._texts[: self.limit]
        for text in self._texts:
            doc = nlp.make_doc(text)
            yield Example(doc, doc)


@registry.readers("claimex.Abstracts.v1")
def create_abstracts(limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    return AbstractTexts(limit)
