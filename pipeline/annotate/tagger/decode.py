"""Per-token head probabilities -> PICO spans (vectorised: runs via numpy, scores via cumsums)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER
from spacy.tokens import Doc, Span

from .hygiene import SpanHygiene

_OPEN, _CLOSE = "([{", ")]}"


def runs(on: numpy.ndarray) -> list[tuple[int, int]]:
    """Maximal runs of True as (start, end)."""
    if not len(on) or not on.any():
        return []
    d = numpy.diff(numpy.concatenate(([0], on.astype(numpy.int8), [0])))
    return list(zip(numpy.flatnonzero(d == 1).tolist(), numpy.flatnonzero(d == -1).tolist()))


class _Trimmer:
    """Drop leading/trailing punctuation and space tokens; a closing bracket stays when its
    opening bracket is inside the span, an opening bracket never ends a span."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        flags = doc.to_array([IS_PUNCT, IS_SPACE]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        self.weak = (flags[:, 0] | flags[:, 1]).astype(bool)

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        doc, weak = self.doc, self.weak
        while start < end and weak[start] and doc[start].text not in _OPEN:
            start += 1
        while end > start and weak[end - 1]:
            text = doc[end - 1].text
            if text in _CLOSE and any(doc[k].text in _OPEN for k in range(start, end - 1) if weak[k]):
                break
            end -= 1
        return start, end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return _Trimmer(doc)(start, end)


def _py_runs(flags: list) -> list[tuple[int, int, bool]]:
    """Runs of equal values in a short list: (start, end, value)."""
    out, k, n = [], 0, len(flags)
    while k < n:
        j = k + 1
        while j < n and flags[j] == flags[k]:
            j += 1
        out.append((k, j, flags[k]))
        k = j
    return out


def grow(on: numpy.ndarray, low_on: numpy.ndarray) -> numpy.ndarray:
    """Hysteresis: the runs of ``low_on`` (per column) that contain an ``on`` token; ``on`` must
    imply ``low_on``. Columns where the two agree are returned as they are."""
    out = on.copy()
    for c in numpy.flatnonzero((on != low_on).any(axis=0)).tolist():
        low = low_on[:, c]
        starts = numpy.empty(len(low), dtype=bool)
        starts[0] = low[0]
        numpy.greater(low[1:], low[:-1], out=starts[1:])
        count = numpy.cumsum(starts)
        run_id = count * low  # 0 outside runs, k inside the k-th run
        seeded = numpy.zeros(int(count[-1]) + 1, dtype=bool)
        seeded[run_id[on[:, c]]] = True
        seeded[0] = False
        out[:, c] = seeded[run_id]
    return out


# "control" is an arm ("assigned to control", "the control group") or a verb ("to control nausea");
# the heads learn the arm reading and also fire on the verb (about 1 in 100 abstracts)
_ARM_VERB_BEFORE = frozenset(["assigned", "randomized", "randomised", "allocated", "compared", "relative", "switched",
                              "referred", "crossed", "versus", "vs", "similar", "equal", "superior", "inferior",
                              "according", "due", "or", "and"])
_ARM_AFTER = frozenset(["group", "groups", "arm", "arms", "subjects", "patients", "participants", "condition",
                        "conditions", "animals", "mice", "rats", "cohort", "individuals", "women", "men", "children",
                        "cases", "and", "or", "treatment", "intervention", "diet", "sites", "experiments"])


def verb_control(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` the verb in "to control <object>" (not "assigned to control (group)")?"""
    if doc[i].lower_ != "control" or i < 1 or i + 1 >= len(doc) or doc[i - 1].lower_ != "to":
        return False
    after = doc[i + 1]
    if not (after.is_alpha and after.is_lower) or after.lower_ in _ARM_AFTER:
        return False
    return i < 2 or doc[i - 2].lower_ not in _ARM_VERB_BEFORE


def decode(
    doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], thresholds: Mapping[str, float],
    trim: bool = True, exclusive: bool = False, hysteresis: Mapping[str, float] | None = None,
    hygiene: SpanHygiene | None = None,
) -> tuple[list[Span], list[float], list[str | None]]:
    """Spans (runs of tokens over a head's threshold; INTERVENTION runs split into COMPARATOR
    pieces where the comparator head is on), their scores (mean head probability) and subtypes.
    ``hysteresis`` (per head, default 1): below 1, a span grows over its neighbours while they stay
    over hysteresis x threshold (a span starts at the threshold and may end below it).
    ``exclusive``: a token over several P/I/O thresholds keeps only the head with the largest
    margin over its threshold (no overlapping labels). ``hygiene``: the span-hygiene rules
    (:mod:`.hygiene`) replace the edge trim; a span they split keeps its seeded pieces."""
    spans: list[Span] = []
    scores: list[float] = []
    n = len(doc)
    if not n:
        return spans, scores, []
    thr = numpy.array([thresholds.get(h, 0.5) for h in heads], dtype=probs.dtype)
    on = probs >= thr
    if hysteresis and any(v < 1.0 for v in hysteresis.values()):
        low = thr * numpy.array([min(1.0, hysteresis.get(h, 1.0)) for h in heads], dtype=probs.dtype)
        on = grow(on, probs >= low)
    if exclusive:
        cols = [k for k, h in enumerate(heads) if h != "COMPARATOR"]
        margin = numpy.where(on[:, cols], (probs - thr)[:, cols], -numpy.inf)
        best = margin.argmax(axis=1)
        keep = numpy.zeros_like(on[:, cols])
        keep[numpy.arange(n), best] = True
        on[:, cols] &= keep
    padded = numpy.zeros((n + 2, len(heads)), dtype=numpy.int8)
    padded[1:-1] = on
    d = numpy.diff(padded, axis=0)
    st_rows, st_cols = numpy.nonzero(d == 1)
    en_rows, en_cols = numpy.nonzero(d == -1)
    cums = numpy.vstack([numpy.zeros((1, probs.shape[1]), dtype=probs.dtype), numpy.cumsum(probs, axis=0)]).tolist()
    trimmer = _Trimmer(doc) if trim and hygiene is None else None
    seeds = (probs >= thr).T.tolist() if hygiene is not None else None
    c_col = heads.index("COMPARATOR") if "COMPARATOR" in heads else None
    ctrl_on = on[:, c_col].tolist() if c_col is not None else None
    # nonzero() walks rows first: group starts/ends by column, in order
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for r, c in zip(st_rows.tolist(), st_cols.tolist()):
        starts.setdefault(c, []).append(r)
    for r, c in zip(en_rows.tolist(), en_cols.tolist()):
        ends.setdefault(c, []).append(r)
    for c, head in enumerate(heads):
        if head == "COMPARATOR":
            continue
        for a, b in zip(starts.get(c, []), ends.get(c, [])):
            if head == "INTERVENTION" and ctrl_on is not None:
                pieces = [(a + s, a + e, "COMPARATOR" if v else "INTERVENTION")
                          for s, e, v in _py_runs(ctrl_on[a:b])]
            else:
                pieces = [(a, b, head)]
            for s0, e0, label in pieces:
                if hygiene is not None:
                    cleaned = hygiene.clean(s0, e0, label, seeds[c])
                else:
                    cleaned = [trimmer(s0, e0) if trimmer is not None else (s0, e0)]
                for s, e in cleaned:
                    if e <= s or e - s == 1 and verb_control(doc, s):
                        continue
                    spans.append(Span(doc, s, e, label=label))
                    scores.append(round((cums[e][c] - cums[s][c]) / (e - s), 4))
    return spans, scores, [None] * len(spans)


def decode_doc(
    doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping,
    thresholds: Mapping[str, float] | None = None, hysteresis: Mapping[str, float] | None = None,
) -> tuple[list[Span], list[float], list[str | None]]:
    """The tagger's whole decoding as the component runs it: :func:`decode`, mention
    :func:`propagate` (``cfg["propagate"]``) and span hygiene (``cfg["hygiene"]``, default on) over
    the propagated mentions too. ``thresholds``/``hysteresis`` override the cfg's (tuning)."""
    clean = SpanHygiene(doc) if cfg.get("hygiene", True) else None
    spans, scores, subtypes = decode(doc, probs, heads, thresholds or cfg["thresholds"], cfg.get("trim", True),
                                     cfg.get("exclusive", False), hysteresis or cfg.get("hysteresis"), clean)
    if cfg.get("propagate"):
        decoded = {(s.start, s.end, s.label_) for s in spans}
        spans, scores = propagate(doc, spans, scores)
        if clean is not None:
            spans, scores = _clean_new(doc, clean, spans, scores, decoded)
        subtypes = [None] * len(spans)
    return spans, scores, subtypes


def _clean_new(doc: Doc, clean: SpanHygiene, spans: list[Span], scores: list[float], done: set
               ) -> tuple[list[Span], list[float]]:
    """Hygiene over the spans that propagation added or widened (each kept piece once); a repeat of
    a cleaned span's words inside one sentence is clean already unless it grows there."""
    out_spans: list[Span] = []
    out_scores: list[float] = []
    seen: set[tuple[int, int, str]] = set()
    low, sent = clean.lower, clean.sent
    clean_words = {(tuple(low[s:e]), label) for s, e, label in done}
    for span, sc in zip(spans, scores):
        key = (span.start, span.end, span.label_)
        if key in done or (sent[key[0]] == sent[key[1] - 1] and (tuple(low[key[0]:key[1]]), key[2]) in clean_words
                           and clean.grow(*key) == key[:2]):
            pieces = [key[:2]]
        else:
            pieces = clean.clean(span.start, span.end, span.label_)
        for s, e in pieces:
            if (s, e, span.label_) not in seen:
                seen.add((s, e, span.label_))
                out_spans.append(span if (s, e) == key[:2] else Span(doc, s, e, label=span.label_))
                out_scores.append(sc)
    return out_spans, out_scores


PROPAGATE = ("INTERVENTION", "COMPARATOR", "OUTCOME")
_STOP = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at", "as", "is",
                   "was", "were", "be", "this", "that", "these", "those"])


def _contentful(words: tuple[str, ...]) -> bool:
    """Worth propagating: at most 8 (lower-cased) words, one of them a content word."""
    return len(words) <= 8 and any(len(w) >= 3 and w.isalpha() and w not in _STOP for w in words)


def propagate(doc: Doc, spans: list[Span], scores: list[float], labels=PROPAGATE) -> tuple[list[Span], list[float]]:
    """Label every other mention the way expert annotators do: repeats of a tagged span's words
    (case-insensitive) and, via scispaCy's ``doc._.abbreviations``, short forms of a tagged long
    form (and the long form of a tagged short form) get the span's label."""
    if not spans:
        return spans, scores
    covered: dict[str, set[int]] = {}
    for s in spans:
        covered.setdefault(s.label_, set()).update(range(s.start, s.end))
    lower_arr = doc.to_array(LOWER)
    lower = lower_arr.tolist()  # string ids: compare ints, not Token objects
    strings = doc.vocab.strings
    keys: dict[tuple[int, ...], tuple[str, float]] = {}
    for s, sc in zip(spans, scores):
        if s.label_ in labels:
            words = tuple(lower[s.start:s.end])
            if (words not in keys or keys[words][1] < sc) and _contentful(tuple(strings[w] for w in words)):
                keys[words] = (s.label_, sc)
    new: list[tuple[int, int, str, float]] = []
    if keys:
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for words in keys:
            by_first.setdefault(words[0], []).append(words)
        firsts = numpy.fromiter(by_first, dtype=lower_arr.dtype, count=len(by_first))
        for i in numpy.flatnonzero(numpy.isin(lower_arr, firsts)).tolist():
            for words in by_first[lower[i]]:
                j = i + len(words)
                if tuple(lower[i:j]) == words:
                    new.append((i, j, *keys[words]))
    if doc.has_extension("abbreviations"):
        for short in doc._.abbreviations or []:
            long = short._.long_form
            for label, toks in covered.items():
                if label not in labels or long is None:
                    continue
                if sum(t in toks for t in range(long.start, long.end)) * 2 >= len(long):
                    new.append((short.start, short.end, label, 0.5))
                elif all(t in toks for t in range(short.start, short.end)):
                    new.append((long.start, long.end, label, 0.5))
    out_spans, out_scores = list(spans), list(scores)
    for s, e, label, sc in sorted(set(new)):
        toks = covered.setdefault(label, set())
        if all(t in toks for t in range(s, e)):
            continue
        # a mention that overlaps a same-label span ("Hepatic" tagged, "Hepatic arterial
        # chemoembolization" propagated) widens it to the whole mention
        hits = [k for k, sp in enumerate(out_spans) if sp.label_ == label and sp.start < e and s < sp.end]
        toks.update(range(s, e))
        if hits:
            s = min([s] + [out_spans[k].start for k in hits])
            e = max([e] + [out_spans[k].end for k in hits])
            sc = max(out_scores[k] for k in hits)
            for k in reversed(hits[1:]):
                del out_spans[k], out_scores[k]
            out_spans[hits[0]], out_scores[hits[0]] = Span(doc, s, e, label=label), sc
        else:
            out_spans.append(Span(doc, s, e, label=label))
            out_scores.append(sc)
    return out_spans, out_scores
