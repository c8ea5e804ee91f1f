"""Per-token head probabilities -> PICO spans (vectorised: runs via numpy, scores via cumsums)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER
from spacy.tokens import Doc, Span

from ..entities import spans_of
from ..tokens import token_lowers, token_texts
from .hygiene import SpanHygiene, abbreviation_bounds
from .words import member

_OPEN, _CLOSE = "([{", ")]}"


def runs(on: numpy.ndarray) -> list[tuple[int, int]]:
    """Maximal runs of True as (start, end)."""
    if not len(on) or not numpy.count_nonzero(on):
        return []
    edged = numpy.concatenate(([0], on.astype(numpy.int8), [0]))
    d = edged[1:] - edged[:-1]  # numpy.diff without its Python wrapper (same op, same dtype)
    return list(zip((d == 1).nonzero()[0].tolist(), (d == -1).nonzero()[0].tolist()))


class _Trimmer:
    """Drop leading/trailing punctuation and space tokens; a closing bracket stays when its
    opening bracket is inside the span, an opening bracket never ends a span."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        flags: numpy.ndarray = doc.to_array([IS_PUNCT, IS_SPACE]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
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
    imply ``low_on``. Columns where the two agree are returned as they are. The columns that differ are
    numbered together (column by column, one run id per run of the whole table): one set of array
    operations, not one per column."""
    out = on.copy()
    cols = (on != low_on).any(axis=0).nonzero()[0]
    if not len(cols):
        return out
    low = low_on[:, cols].T  # (columns, tokens): runs are rows, one after another in C order
    starts = numpy.empty(low.shape, dtype=bool)
    starts[:, 0] = low[:, 0]
    numpy.greater(low[:, 1:], low[:, :-1], out=starts[:, 1:])
    count = starts.cumsum()  # flattened: a run's id counts the runs of the earlier columns too
    run_id = count * low.ravel()  # 0 outside runs, k inside the k-th run
    seeded = numpy.zeros(int(count[-1]) + 1, dtype=bool)
    seeded[run_id[on[:, cols].T.ravel()]] = True
    seeded[0] = False
    out[:, cols] = seeded[run_id].reshape(low.shape).T
    return out


# "control" is an arm ("assigned to control", "the control group") or a verb ("to control nausea");
# the heads learn the arm reading and also fire on the verb (about 1 in 100 abstracts)
_ARM_VERB_BEFORE = frozenset(["assigned", "randomized", "randomised", "allocated", "compared", "relative", "switched",
                              "referred", "crossed", "versus", "vs", "similar", "equal", "superior", "inferior",
                              "according", "due", "or", "and"])
_ARM_AFTER = frozenset(["group", "groups", "arm", "arms", "subjects", "patients", "participants", "condition",
                        "conditions", "animals", "mice", "rats", "cohort", "individuals", "women", "men", "children",
                        "cases", "and", "or", "treatment", "intervention", "diet", "sites", "experiments"])


def verb_control(doc: Doc, i: int, texts: list[str] | None = None, lowers: list[str] | None = None) -> bool:
    """Is ``doc[i]`` the verb in "to control <object>" (not "assigned to control (group)")? ``texts`` /
    ``lowers``: the doc's token texts and their lower case (:mod:`claimex.annotate.tokens`) when the caller has
    them (no Token objects then; a lexeme's IS_ALPHA / IS_LOWER are ``str.isalpha`` / ``str.islower``)."""
    if texts is None or lowers is None:
        texts, lowers = token_texts(doc), token_lowers(doc)
    if lowers[i] != "control" or i < 1 or i + 1 >= len(lowers) or lowers[i - 1] != "to":
        return False
    after = texts[i + 1]
    if not (after.isalpha() and after.islower()) or lowers[i + 1] in _ARM_AFTER:
        return False
    return i < 2 or lowers[i - 2] not in _ARM_VERB_BEFORE


Item = tuple[int, int, str, float]  # a decoded span: (start token, end token, label, score)


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
    items = decode_items(doc, probs, heads, thresholds, trim, exclusive, hysteresis, hygiene)
    return _spans(doc, items), [it[3] for it in items], [None] * len(items)


def _spans(doc: Doc, items: list[Item]) -> list[Span]:
    return spans_of(doc, items)  # each label hashed once


def decode_items(
    doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], thresholds: Mapping[str, float],
    trim: bool = True, exclusive: bool = False, hysteresis: Mapping[str, float] | None = None,
    hygiene: SpanHygiene | None = None,
) -> list[Item]:
    """:func:`decode` as ``(start, end, label, score)`` tuples (no spaCy ``Span`` objects)."""
    items: list[Item] = []
    n = len(doc)
    if not n:
        return items
    thr = numpy.array([thresholds.get(h, 0.5) for h in heads], dtype=probs.dtype)
    seed_on = probs >= thr
    on = seed_on
    if hysteresis and any(v < 1.0 for v in hysteresis.values()):
        low = thr * numpy.array([min(1.0, hysteresis.get(h, 1.0)) for h in heads], dtype=probs.dtype)
        on = grow(on, probs >= low)
    if exclusive:
        on = on.copy()
        cols = [k for k, h in enumerate(heads) if h != "COMPARATOR"]
        margin = numpy.where(on[:, cols], (probs - thr)[:, cols], -numpy.inf)
        best = margin.argmax(axis=1)
        keep = numpy.zeros_like(on[:, cols])
        keep[numpy.arange(n), best] = True
        on[:, cols] &= keep
    if not numpy.count_nonzero(on):  # not on.any(): a reduction costs ~10,000 instructions, this ~2,000
        return items
    padded = numpy.zeros((n + 2, len(heads)), dtype=numpy.int8)
    padded[1:-1] = on
    d = padded[1:] - padded[:-1]  # numpy.diff(padded, axis=0) without its Python wrapper
    st_rows, st_cols = (d == 1).nonzero()
    en_rows, en_cols = (d == -1).nonzero()
    # running sums of the probabilities (row k: the first k tokens), read per span end: a span's score is
    # a difference of two of them, so the n x heads table is not turned into Python floats as a whole
    cums = numpy.concatenate((numpy.zeros((1, probs.shape[1]), dtype=probs.dtype), probs.cumsum(axis=0)))
    trimmer = _Trimmer(doc) if trim and hygiene is None else None
    words = (hygiene.text, hygiene.lower) if hygiene is not None else (None, None)  # verb_control's views
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
        if head == "COMPARATOR" or c not in starts:
            continue
        seeds = seed_on[:, c] if hygiene is not None else None
        for a, b in zip(starts[c], ends[c]):
            if head == "INTERVENTION" and ctrl_on is not None:
                pieces = [(a + s, a + e, "COMPARATOR" if v else "INTERVENTION")
                          for s, e, v in _py_runs(ctrl_on[a:b])]
            else:
                pieces = [(a, b, head)]
            for s0, e0, label in pieces:
                if hygiene is not None:
                    cleaned = hygiene.clean(s0, e0, label, seeds)
                else:
                    cleaned = [trimmer(s0, e0) if trimmer is not None else (s0, e0)]
                for s, e in cleaned:
                    if e <= s or e - s == 1 and verb_control(doc, s, *words):
                        continue
                    items.append((s, e, label, round((float(cums[e, c]) - float(cums[s, c])) / (e - s), 4)))
    return items


def hygiene_for(doc: Doc, cfg: Mapping) -> SpanHygiene | None:
    """The span hygiene of ``doc`` when ``cfg["hygiene"]`` is on (default), else None; one per doc serves
    :func:`decode_doc` and :func:`decode_weak` (its lazy caches are facts of the doc)."""
    return SpanHygiene(doc) if cfg.get("hygiene", True) else None


def decode_doc(
    doc: Doc, probs: numpy.ndarray, heads: tuple[str, ...], cfg: Mapping,
    thresholds: Mapping[str, float] | None = None, hysteresis: Mapping[str, float] | None = None,
    clean: SpanHygiene | None = None, propagate_labels: tuple[str, ...] | None = None,
) -> tuple[list[Span], list[float], list[str | None]]:
    """The tagger's whole decoding as the component runs it: :func:`decode`, mention
    :func:`propagate` (``cfg["propagate"]``) and span hygiene (``cfg["hygiene"]``, default on) over
    the propagated mentions too. ``thresholds``/``hysteresis`` override the cfg's (tuning); ``clean``: the
    doc's :func:`hygiene_for`, when the caller has made it; ``propagate_labels``: the labels propagation applies to
    instead of :data:`PROPAGATE` (decoding sweeps, ``bench/pico_expert_halves.py``; ``()`` = none)."""
    clean = clean if clean is not None else hygiene_for(doc, cfg)
    items = decode_items(doc, probs, heads, thresholds or cfg["thresholds"], cfg.get("trim", True),
                         cfg.get("exclusive", False), hysteresis or cfg.get("hysteresis"), clean)
    labels = PROPAGATE if propagate_labels is None else propagate_labels
    if cfg.get("propagate") and items and labels:
        decoded = {it[:3] for it in items}
        items = propagate_items(doc, items, labels, lower=clean.lower_ids if clean is not None else None,
                                pairs=clean.abbreviation_bounds() if clean is not None else None)
        if clean is not None:
            items = _clean_new(clean, items, decoded)
    return _spans(doc, items), [it[3] for it in items], [None] * len(items)


def _clean_new(clean: SpanHygiene, items: list[Item], done: set) -> list[Item]:
    """Hygiene over the spans that propagation added or widened (each kept piece once); a repeat of
    a cleaned span's words inside one sentence is clean already unless it grows there."""
    out: list[Item] = []
    seen: set[tuple[int, int, str]] = set()
    low, sent = clean.lower, clean.sent
    clean_words = {(tuple(low[s:e]), label) for s, e, label in done}
    for s0, e0, label, sc in items:
        key = (s0, e0, label)
        if key in done or (sent[s0] == sent[e0 - 1] and (tuple(low[s0:e0]), label) in clean_words
                           and clean.grow(s0, e0, label) == (s0, e0)):
            pieces = [(s0, e0)]
        else:
            pieces = clean.clean(s0, e0, label)
        for s, e in pieces:
            if (s, e, label) not in seen:
                seen.add((s, e, label))
                out.append((s, e, label, sc))
    return out


PROPAGATE = ("INTERVENTION", "COMPARATOR", "OUTCOME")
_STOP = frozenset(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at", "as", "is",
                   "was", "were", "be", "this", "that", "these", "those"])
MAX_MENTION = 8  # words of a span worth propagating (_contentful)


def _contentful(words: tuple[str, ...]) -> bool:
    """Worth propagating: at most 8 (lower-cased) words, one of them a content word."""
    return len(words) <= MAX_MENTION and any(len(w) >= 3 and w.isalpha() and w not in _STOP for w in words)


def propagate(doc: Doc, spans: list[Span], scores: list[float], labels=PROPAGATE) -> tuple[list[Span], list[float]]:
    """Label every other mention the way expert annotators do: repeats of a tagged span's words
    (case-insensitive) and, via scispaCy's ``doc._.abbreviations``, short forms of a tagged long
    form (and the long form of a tagged short form) get the span's label (:func:`propagate_items`)."""
    if not spans:
        return spans, scores
    items = propagate_items(doc, [(s.start, s.end, s.label_, sc) for s, sc in zip(spans, scores)], labels)
    return _spans(doc, items), [it[3] for it in items]


def starting(lower: numpy.ndarray, firsts) -> list[int]:
    """Positions of the tokens whose LOWER id (``lower``, ``Doc.to_array(LOWER)``) is in ``firsts`` (ints), in
    order: one binary search of the sorted ids per token in numpy (was a set test per token in Python)."""
    table = numpy.array(sorted(firsts), dtype=lower.dtype)
    return member(lower, table).nonzero()[0].tolist() if len(table) else []


def propagate_items(doc: Doc, items: list[Item], labels=PROPAGATE, lower: numpy.ndarray | None = None,
                    pairs: list[tuple[int, int, int, int]] | None = None) -> list[Item]:
    """:func:`propagate` on ``(start, end, label, score)`` tuples, in time linear in the document:
    repeats are found through a table of the tagged word sequences by first word and length, and a
    mention's overlapping same-label spans through a token -> span index (a mention that overlaps a
    same-label span - "Hepatic" tagged, "Hepatic arterial chemoembolization" propagated - widens it
    to the whole mention; the widened span keeps the position of the first of them, the best of
    their scores). ``lower``: the tokens' LOWER ids (``Doc.to_array(LOWER)``) when the caller has them; ``pairs``: the
    doc's :func:`~.hygiene.abbreviation_bounds` when the caller has them (the span hygiene reads them once per doc)."""
    if not items:
        return items
    covered: dict[str, set[int]] = {}
    for s, e, label, _ in items:
        covered.setdefault(label, set()).update(range(s, e))
    lower_arr = doc.to_array(LOWER) if lower is None else lower
    lower = lower_arr.tolist()  # string ids: compare ints, not Token objects
    strings = doc.vocab.strings
    keys: dict[tuple[int, ...], tuple[str, float]] = {}
    for s, e, label, sc in items:
        if label in labels:
            words = tuple(lower[s:e])
            if (words not in keys or keys[words][1] < sc) and _contentful(tuple(strings[w] for w in words)):
                keys[words] = (label, sc)
    new: set[tuple[int, int, str, float]] = set()
    if keys:
        lengths: dict[int, set[int]] = {}  # first word -> lengths of the tagged sequences it starts
        for words in keys:
            lengths.setdefault(words[0], set()).add(len(words))
        for i in starting(lower_arr, lengths):
            for n in lengths[lower[i]]:
                words = tuple(lower[i:i + n])
                if len(words) == n and words in keys:
                    new.add((i, i + n, *keys[words]))
    for s0, e0, s1, e1 in abbreviation_bounds(doc) if pairs is None else pairs:  # short form [s0, e0), long [s1, e1)
        for label, toks in covered.items():
            if label not in labels:
                continue
            if sum(t in toks for t in range(s1, e1)) * 2 >= e1 - s1:
                new.add((s0, e0, label, 0.5))
            elif all(t in toks for t in range(s0, e0)):
                new.add((s1, e1, label, 0.5))
    if not new:
        return items
    # spans by id (ids ascending = output order: a widened span keeps its id, a new one gets the next)
    out: dict[int, list] = {k: list(it) for k, it in enumerate(items)}
    index: dict[str, dict[int, set[int]]] = {}  # label -> token -> ids of its spans there (built when needed)
    next_id = len(items)
    for s, e, label, sc in sorted(new):
        toks = covered.setdefault(label, set())
        if all(t in toks for t in range(s, e)):
            continue
        at = index.get(label)
        if at is None:  # one set per covered token, made only where a token has none yet
            at = index[label] = {}
            for k, (a, b, lab, _) in out.items():
                if lab == label:
                    for t in range(a, b):
                        ids = at.get(t)
                        if ids is None:
                            at[t] = {k}
                        else:
                            ids.add(k)
        hits = sorted({k for t in range(s, e) for k in at.get(t, ())})
        toks.update(range(s, e))
        if hits:
            first = out[hits[0]]
            s = min([s] + [out[k][0] for k in hits])
            e = max([e] + [out[k][1] for k in hits])
            sc = max(out[k][3] for k in hits)
            for k in hits[1:]:
                a, b = out.pop(k)[:2]
                for t in range(a, b):
                    at[t].discard(k)
            for t in range(s, e):
                if not first[0] <= t < first[1]:
                    at.setdefault(t, set()).add(hits[0])
            first[0], first[1], first[3] = s, e, sc
        else:
            out[next_id] = [s, e, label, sc]
            for t in range(s, e):
                at.setdefault(t, set()).add(next_id)
            next_id += 1
    return [tuple(out[k]) for k in sorted(out)]
