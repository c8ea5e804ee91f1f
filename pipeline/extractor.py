"""The importable API, two ways in.

spaCy users get a ``Language`` whose docs carry the record (the ``claimex_record`` component):

>>> import claimex
>>> nlp = claimex.load()              # the shipped model; claimex.load("rules"): no tagger
>>> doc = nlp("Mortality was 12% vs 20% (P = 0.03).")
>>> doc._.record, doc._.claims, doc.spans["measures"], doc.spans["pico"]

Record users load an :class:`Extractor` once and turn texts, Documents or files into Records:

>>> ex = claimex.Extractor.load()
>>> record = ex("Mortality was 12% vs 20% (P = 0.03).", id="demo")
>>> for item in ex.files(["dump.xml.gz"]):   # Records, ReadErrors and Deletions, in input order
...     ...
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .annotate.language import load_nlp
from .annotate.tokens import make_doc
from .assemble import to_record
from .assemble.claims import caches as claim_caches
from .assemble.component import FACTORY as RECORD_FACTORY
from .read import read_documents
from .read.base import Document, ReadError
from .schema import Record
from .version import __version__

log = logging.getLogger(__name__)

Item = Union[Record, ReadError, object]
#: the garbage collector's first-generation threshold :meth:`Extractor.freeze` sets (Python's default: 700)
GEN0_THRESHOLD = 20_000


def forget_caches(nlp: Language) -> None:
    """Empty the per-process caches that an abstract the process has not met would find empty: claim assembly's
    (:func:`claimex.assemble.claims.caches.clear`), the tagger's embedding rows and spaCy's tokenizer cache. For
    timings only (``claimex evaluate --task claims``, ``bench/``): output is the same with or without them."""
    claim_caches.clear()
    if "claimex_pico" in nlp.pipe_names:
        embed_cache = getattr(nlp.get_pipe("claimex_pico"), "embed_cache", None)
        if embed_cache is not None:
            embed_cache.clear()
    flush = getattr(nlp.tokenizer, "_flush_cache", None)  # spaCy's own (3.x); a tokenizer without one keeps its cache
    if flush is not None:
        flush()


class Extractor:
    """A loaded claimex pipeline that returns Records (``nlp`` without the ``claimex_record`` component:
    the record is built here, from the source Document with its id, meta and sections)."""

    def __init__(self, nlp: Language, model_name: str = "custom"):
        self.nlp = nlp
        self.model_name = model_name

    @classmethod
    def load(cls, model: Optional[Union[str, Path]] = None) -> "Extractor":
        """Load ``model`` (None: the shipped default; ``"rules"``: no tagger; see
        :func:`claimex.annotate.load_nlp`)."""
        nlp = load_nlp(model)
        meta = nlp.meta or {}
        # a model package's meta says claimex_pico_sm (`spacy package` needs an identifier): same model name
        base = str(meta.get("name", "pipeline")).replace("_", "-")
        name = f"{base}-{meta.get('version', '0')}" if model != "rules" else "rules"
        return cls(nlp, model_name=name)

    @staticmethod
    def freeze() -> None:
        """Move every object alive now to the garbage collector's permanent generation (``gc.freeze``): a loaded
        pipeline is ~130k long-lived Python objects (lexicons, patterns, weights' wrappers) that every full
        collection would scan again (90-190 ms each, 1-2 per 500 abstracts). And raise the collector's
        first-generation threshold to :data:`GEN0_THRESHOLD` (a collector switched off stays off): an extracting
        process leaves no cyclic garbage (:func:`record_of`), yet at Python's 700 net new container objects it
        ran ~100 young collections per 537 bench abstracts that found nothing (~1% of the CPU time; none at
        20,000, ``bench/SPEED.md`` session 15). For a process that loads once and then extracts (``claimex
        extract``, batch workers); output is unchanged. Not for a caller that loads and drops pipelines
        repeatedly: frozen objects are never collected."""
        gc.freeze()
        gen0, gen1, gen2 = gc.get_threshold()
        if 0 < gen0 < GEN0_THRESHOLD:
            gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)

    @property
    def version_info(self) -> dict:
        return {"claimex": __version__, "model": self.model_name, "pipeline": list(self.nlp.pipe_names)}

    def __call__(self, text: str, id: str = "doc", meta: Optional[dict] = None, title: Optional[str] = None
                 ) -> Record:
        """Analyse one text. ``title``, when given, is prepended as the TITLE section."""
        sections = []
        if title:
            sections.append((0, len(title), "TITLE"))
            text = f"{title}\n\n{text}"
        return self.document(Document(id=id, text=text, meta=dict(meta or {}), sections=sections))

    def document(self, document: Document) -> Record:
        return record_of(self.nlp(document.text), document)

    def records(self, items: Iterable[object], batch_size: int = 32) -> Iterator[Item]:
        """Annotate the Documents of ``items``; everything else (errors, deletions) passes through.

        Order is kept. A document that fails in the pipeline becomes a ReadError naming it;
        the documents around it are unaffected.
        """
        buffer: list[object] = []
        pending = 0
        for item in items:
            buffer.append(item)
            pending += isinstance(item, Document)
            if pending >= batch_size:
                yield from self._flush(buffer)
                buffer, pending = [], 0
        if buffer:
            yield from self._flush(buffer)

    def _flush(self, buffer: list[object]) -> Iterator[Item]:
        docs = [item for item in buffer if isinstance(item, Document)]
        try:
            annotated = list(self.nlp.pipe([make_doc(self.nlp, d.text) for d in docs]))
        except Exception:  # isolate the failing document
            annotated = [None] * len(docs)
        k = 0
        for item in buffer:
            if not isinstance(item, Document):
                yield item
                continue
            spacy_doc = annotated[k]
            k += 1
            try:
                if spacy_doc is None:
                    spacy_doc = self.nlp(item.text)
                record = record_of(spacy_doc, item)
            except Exception as exc:
                log.debug("pipeline failure on %s", item.id, exc_info=True)
                yield ReadError(source=item.source or "<input>", record=item.id,
                                message=f"pipeline failed: {type(exc).__name__}: {exc}")
                continue
            yield record

    def files(self, paths: Iterable[Union[str, Path]], format: Optional[str] = None, batch_size: int = 32
              ) -> Iterator[Item]:
        """Read and annotate files of any supported format."""
        return self.records(read_documents(paths, format=format), batch_size=batch_size)


def record_of(doc: Doc, document: Document) -> Record:
    """``to_record(doc, document)``, then ``doc.user_data`` emptied: the Doc is the Extractor's own and is dropped.

    Method. The extension values a pipeline leaves in ``user_data`` (``doc._.measures``: parsed measures that hold
    Spans, and a Span holds its Doc) point back at the Doc, so every annotated Doc is a reference cycle: reference
    counting cannot free it, and it waits, with its tokens' arrays, for a collection of the garbage collector's
    older generations (a pass over the 537 bench abstracts: ~5,000 such objects found per 200 abstracts, ~10
    generation-1 collections and now and then a full one). Emptied once the record is built, the Doc, its Spans
    and measures are freed by reference counting when the last reference goes, and the collector finds no garbage
    (``bench/SPEED.md``, session 15). The record is built before, so it is the same."""
    record = to_record(doc, document)
    doc.user_data.clear()
    return record


_DEFAULT: dict[str, Extractor] = {}


def load(model: Optional[Union[str, Path]] = None) -> Language:
    """The spaCy pipeline of ``model`` (``None``: the shipped default model; ``"rules"``: no tagger)
    with the ``claimex_record`` component last: ``nlp(text)._.record``, ``doc._.claims``,
    ``doc.spans["measures"]``. For Records from texts and files use :class:`Extractor`."""
    nlp = load_nlp(model)
    if RECORD_FACTORY not in nlp.pipe_names:
        nlp.add_pipe(RECORD_FACTORY, last=True)
    return nlp


def extract(text: str, id: str = "doc", model: Optional[str] = None, **kwargs) -> Record:
    """One-shot convenience: analyse ``text`` with a cached pipeline."""
    key = str(model)
    if key not in _DEFAULT:
        _DEFAULT[key] = Extractor.load(model)
    return _DEFAULT[key](text, id=id, **kwargs)
