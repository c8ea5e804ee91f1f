"""Decodings of the tagger's probabilities beside the main one, for the outcome layers the claims read: the weak spans
(runs the main decode left, at a lower threshold, :func:`decode_weak`), the wide runs (how far the main spans reach at
the weak floor, :func:`decode_wide`), the seeds (tokens over the weak threshold the main hysteresis does not reach,
:func:`decode_seeds`), and all three from one hysteresis pass (:func:`decode_weak_wide`, what the tagger component
calls). Method: the hysteresis thresholding and span hygiene of :mod:`.decode`, at the weak threshold.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.tokens import Doc, Span

from .decode import _spans, decode_items, grow, hygiene_for, runs
from .hygiene import SpanHygiene


def decode_weak(doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping, threshold: float,
                head: str = "OUTCOME", clean: SpanHygiene | None = None) -> tuple[list[Span], list[float]]:
    """What the tagger almost tagged (``cfg["weak_outcome"]``): :func:`decode_items` on one head's column
    alone at the lower ``threshold``, with the head's hysteresis factor and the span hygiene of the main
    decode, no propagation; runs that hold a token over the head's own threshold (what the main decode
    tags) are left out before decoding. Its spans are candidates a later rule may take where nothing else is."""
    if head not in heads or not len(doc):
        return [], []
    return _weak(doc, probs, cfg, threshold, head, clean, *_main_grown(probs, heads, cfg, threshold, head))


def decode_weak_wide(doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping, threshold: float,
                     head: str = "OUTCOME", clean: SpanHygiene | None = None
                     ) -> tuple[list[Span], list[float], list[Span], list[Span]]:
    """:func:`decode_weak`, :func:`decode_wide` and :func:`decode_seeds` of one head at once, the main decode's
    grown seeds (:func:`_main_grown`) computed once for all three: (weak spans, their scores, wide spans, seed
    spans)."""
    if head not in heads or not len(doc):
        return [], [], [], []
    col, factor, main = _main_grown(probs, heads, cfg, threshold, head)
    return (*_weak(doc, probs, cfg, threshold, head, clean, col, factor, main), _wide(doc, head, main),
            _seeds(doc, cfg, threshold, head, col, factor, main))


def _weak(doc: Doc, probs: numpy.ndarray, cfg: Mapping, threshold: float, head: str, clean: SpanHygiene | None,
          col: numpy.ndarray, factor: float, main: numpy.ndarray | None) -> tuple[list[Span], list[float]]:
    """:func:`decode_weak` from :func:`_main_grown`'s column, factor and grown seeds."""
    if main is None:
        return [], []
    if numpy.count_nonzero(main):
        col = numpy.where(main, 0.0, col).astype(probs.dtype)
    if not numpy.count_nonzero(col >= threshold):
        return [], []
    clean = clean if clean is not None else hygiene_for(doc, cfg)
    items = decode_items(doc, col, (head,), {head: threshold}, cfg.get("trim", True), False, {head: factor}, clean)
    return _spans(doc, items), [it[3] for it in items]


def _main_grown(probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping, threshold: float, head: str
                ) -> tuple[numpy.ndarray, float, numpy.ndarray | None]:
    """The head's column, its hysteresis factor and the main decode's seeds grown over the neighbours that stay
    over ``threshold`` x factor (None when no token is that high)."""
    c = heads.index(head)
    factor = min(1.0, (cfg.get("hysteresis") or {}).get(head, 1.0))
    col = probs[:, c:c + 1]
    low = col >= threshold * factor
    if not numpy.count_nonzero(low):
        return col, factor, None
    return col, factor, grow(col >= cfg["thresholds"].get(head, 0.5), low)


def decode_wide(doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping, threshold: float,
                head: str = "OUTCOME") -> list[Span]:
    """How far the head's main spans reach at the weak decode's floor (``threshold`` x the head's hysteresis
    factor; 0.3 x 0.5 = 0.15 for OUTCOME in ``claimex-pico-sm``): the runs of tokens over that floor that hold
    a token over the head's own threshold, raw (no hygiene). Hysteresis at a lower floor, as the main decode
    grows its spans at 0.5 x threshold; :mod:`claimex.annotate.outcome_wide` extends a claims-layer OUTCOME
    span over the free words of its run ("[overall improvement] in [symptoms]", "[attitudes] towards optimal
    pain management": the tagger's probabilities 0.16-0.38 on the words it cut off)."""
    if head not in heads or not len(doc):
        return []
    return _wide(doc, head, _main_grown(probs, heads, cfg, threshold, head)[2])


def _wide(doc: Doc, head: str, main: numpy.ndarray | None) -> list[Span]:
    """:func:`decode_wide` from :func:`_main_grown`'s grown seeds."""
    if main is None or not numpy.count_nonzero(main):
        return []
    return _spans(doc, [(a, b, head, 0.0) for a, b in runs(main[:, 0])])


def decode_seeds(doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping, threshold: float,
                 head: str = "OUTCOME") -> list[Span]:
    """Inside the head's wide runs (:func:`decode_wide`), the runs of tokens over the weak ``threshold`` that the
    main decode's own hysteresis (its threshold, grown at threshold x factor) does not reach: where the tagger
    almost tagged a second phrase of the run ("[injection site reactions] including induration, ...": 0.24-0.38
    beside a main span at 0.90). The weak decode leaves these runs out (they hold a main span);
    :mod:`claimex.annotate.outcome_remainders` takes a free stretch of a run only where it holds one."""
    if head not in heads or not len(doc):
        return []
    return _seeds(doc, cfg, threshold, head, *_main_grown(probs, heads, cfg, threshold, head))


def _seeds(doc: Doc, cfg: Mapping, threshold: float, head: str, col: numpy.ndarray, factor: float,
           main: numpy.ndarray | None) -> list[Span]:
    """:func:`decode_seeds` from :func:`_main_grown`'s column, factor and grown seeds."""
    if main is None or not numpy.count_nonzero(main):
        return []
    top = cfg["thresholds"].get(head, 0.5)
    if not numpy.count_nonzero(main & (col < top * factor)):  # every token of every run is in the main hysteresis
        return []
    seeds = main & (col >= threshold) & ~grow(col >= top, col >= top * factor)
    if not numpy.count_nonzero(seeds):
        return []
    return _spans(doc, [(a, b, head, 0.0) for a, b in runs(seeds[:, 0])])
