"""Corpora -> one common format (:class:`CorpusDoc`: id, text, spans with label/subtype,
``annotated`` labels and regions for partial annotation) and the fixed dev split.

A *source spec* names what to load:

* a shared corpus: ``ebm_nlp``, ``ebm_difficulty``, ``ebm_acl``, ``ebm_sentences``,
  ``evidencemap``, ``evidence_outcomes``, ``pico_corpus``, ``evidence_inference`` (EI prompts, partial); options
  after a colon,
  e.g. ``ebm_nlp:interventions=crowd,fine_only=true`` or ``pico_corpus:population=true``;
* ``hf:owner/name`` - a Hugging Face dataset (``datasets.load_dataset``);
* ``PREFIX:...`` for a prefix registered with :func:`register_source` by a higher layer, e.g.
  ``pseudo:MODEL`` (the unlabelled shared abstracts tagged by a teacher model, registered by
  :mod:`claimex.train.distill`);
* a path (or ``user:PATH``): claimex/1 record JSONL, brat ``.txt``/``.ann`` folder, CoNLL,
  EBM-NLP token JSONL or an ebm_nlp_2_00 folder; ``json:PATH`` reads JSON through ``datasets``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import ebmnlp, evidence_inference, spans
from .split import DEV_FRACTION, SALT, dev_score, in_split, is_dev  # noqa: F401
from .types import ALL_LABELS, LABELS, PIO, CorpusDoc, SpanAnn, detokenize, doc_key  # noqa: F401

SHARED: dict[str, Callable[..., Iterator[CorpusDoc]]] = {
    "ebm_nlp": ebmnlp.load_train_docs,
    "ebm_difficulty": ebmnlp.load_difficulty,
    "ebm_acl": ebmnlp.load_acl_dev,
    "ebm_sentences": ebmnlp.load_extra_sentences,
    "evidencemap": spans.load_evidencemap,
    "evidence_outcomes": spans.load_evidence_outcomes,
    "pico_corpus": spans.load_pico_corpus,
    "evidence_inference": evidence_inference.load_evidence_inference,
}

# the training mix of the shipped models; pico_corpus (first-mention-only, breast cancer) measured
# harmful on every dev set (models/README.md), so it is opt-in
DEFAULT_SOURCES = ("ebm_nlp", "ebm_difficulty", "evidencemap", "evidence_outcomes")


# loaders of ``PREFIX:REST`` specs that higher layers register (the corpora never import them)
PREFIXED: dict[str, Callable[[str], Iterable[CorpusDoc]]] = {}


def register_source(prefix: str):
    """Decorator: ``loader(spec)`` yields the documents of specs that start with ``prefix + ":"``."""

    def register(loader: Callable[[str], Iterable[CorpusDoc]]):
        PREFIXED[prefix] = loader
        return loader

    return register


def _value(raw: str) -> Any:
    low = raw.lower()
    if low in ("true", "yes", "1"):
        return True
    if low in ("false", "no", "0"):
        return False
    return raw


def parse_spec(spec: str) -> tuple[str, dict[str, Any]]:
    name, _, opts = spec.partition(":")
    if name not in SHARED:
        return spec, {}
    options = {}
    for item in filter(None, opts.split(",")):
        k, _, v = item.partition("=")
        options[k.strip()] = _value(v.strip())
    return name, options


def iter_source(spec: str) -> Iterator[CorpusDoc]:
    """All documents of one source spec (both splits)."""
    name, options = parse_spec(spec)
    if name in SHARED:
        yield from SHARED[name](**options)
    elif spec.startswith("hf:"):
        from .hf import load_hf

        yield from load_hf(spec)
    elif spec.partition(":")[0] in PREFIXED:
        yield from PREFIXED[spec.partition(":")[0]](spec)
    elif spec.startswith("json:"):
        from .hf import load_hf

        yield from load_hf(spec[5:])
    else:
        from .user import read_user

        path = Path(spec.removeprefix("user:"))
        if not path.exists():
            raise FileNotFoundError(f"corpus source {spec!r}: not a known corpus ({', '.join(SHARED)}) "
                                    "nor an existing path")
        yield from read_user(path)


def load_docs(
    sources: str | Iterable[str] = DEFAULT_SOURCES, split: str = "all", fraction: float = DEV_FRACTION
) -> list[CorpusDoc]:
    """Documents of ``sources`` on one side of the dev split (``train``, ``dev`` or ``all``)."""
    if isinstance(sources, str):
        sources = [sources]
    out: list[CorpusDoc] = []
    for spec in sources:
        out.extend(d for d in iter_source(spec) if in_split(d.key, split, fraction))
    return out
