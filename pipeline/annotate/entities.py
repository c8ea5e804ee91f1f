"""The PICO entity interface shared by every tagger backend.

A tagger component writes its spans to ``doc.spans[SPANS_KEY]`` with one of
:data:`PICO_LABELS` as label, and may attach aligned lists ``attrs["scores"]`` (a float
per span; None for a span a rule made, e.g. ``claimex_outcome_lists``) and ``attrs["subtypes"]``
(an EBM-NLP fine label or None per span). The assemble step reads them back with
:func:`get_entities`. Any component that keeps that contract (spaCy CNN, Hugging Face, rules) drops in
by config.

Two layers: ``doc.spans[SPANS_KEY]`` is the token-level PICO layer (what ``claimex evaluate --task pico``
scores: a coordinated list of outcomes is one span, as EBM-NLP marks it); ``doc.spans[CLAIMS_KEY]``, when a
component writes it (``claimex_outcome_lists``), holds the same entities at the granularity of claims (one
OUTCOME span per list item). The record's entities come from :func:`claim_entries`. Writing the PICO
layer with :func:`set_entities` drops a claims layer derived from an older PICO layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, SpanGroup

from ..schema import PICO_LABELS

SPANS_KEY = "pico"
CLAIMS_KEY = "pico_claims"
WEAK_KEY = "pico_weak"  # low-threshold OUTCOME candidates of the tagger (``weak_outcome``), for the claims layer
WIDE_KEY = "pico_wide"  # how far the tagger's OUTCOME spans reach at the weak floor, for the claims layer
SEEDS_KEY = "pico_seeds"  # weak-threshold runs inside those reaches that the main spans do not reach (claims layer)

# Doc -> {key: (the SpanGroup set_entities wrote, its spans' (start, end, label id), their (start_char, end_char))}:
# what span_bounds and span_chars read. The values hold no Span (a Span holds its Doc: the Doc would never be freed)
# and the group holds its Doc weakly.
_BOUNDS: WeakKeyDictionary = WeakKeyDictionary()

# EBM-NLP coarse labels and their claimex names
EBM_TO_LABEL = {"P": "POPULATION", "I": "INTERVENTION", "O": "OUTCOME", "C": "COMPARATOR"}

SUBTYPES = {
    "POPULATION": ("Age", "Sex", "Sample_size", "Condition"),
    "INTERVENTION": ("Surgical", "Physical", "Pharmacological", "Educational", "Psychological", "Other"),
    "COMPARATOR": ("Control",),
    "OUTCOME": ("Physical", "Pain", "Mortality", "Adverse_effects", "Mental", "Other"),
}


@dataclass(frozen=True)
class TaggedSpan:
    span: Span
    score: Optional[float] = None
    subtype: Optional[str] = None

    @property
    def label(self) -> str:
        return self.span.label_


def set_entities(
    doc: Doc,
    spans: Sequence[Span],
    scores: Optional[Sequence[Optional[float]]] = None,
    subtypes: Optional[Sequence[Optional[str]]] = None,
    key: str = SPANS_KEY,
) -> None:
    """Store PICO spans on ``doc`` under ``key`` (:data:`SPANS_KEY` or :data:`CLAIMS_KEY`), sorted by
    position; a new :data:`SPANS_KEY` layer drops the :data:`CLAIMS_KEY` layer made from the old one."""
    strings = doc.vocab.strings  # each label id decoded once (``Span.label_`` decodes a new string at every read)
    if not all(strings[label] in PICO_LABELS for label in {span.label for span in spans}):
        for span in spans:  # the first unknown label in span order
            if span.label_ not in PICO_LABELS:
                raise ValueError(f"unknown PICO label {span.label_!r}; expected one of {PICO_LABELS}")
    chars = [(span.start_char, span.end_char) for span in spans]
    order = sorted(range(len(spans)), key=chars.__getitem__)
    group = SpanGroup(doc, name=key, spans=[spans[k] for k in order])
    if scores is not None:
        group.attrs["scores"] = [scores[k] for k in order]
    if subtypes is not None:
        group.attrs["subtypes"] = [subtypes[k] for k in order]
    if key == SPANS_KEY and CLAIMS_KEY in doc.spans:
        del doc.spans[CLAIMS_KEY]
    doc.spans[key] = group
    made = _BOUNDS.get(doc)
    if made is None:
        made = _BOUNDS[doc] = {}
    made[key] = (group, [(spans[k].start, spans[k].end, spans[k].label) for k in order], [chars[k] for k in order])


def _recorded(doc: Doc, key: str, column: int) -> tuple[Any, Optional[list]]:
    """``(doc.spans[key] or None, what :func:`set_entities` recorded for that layer in ``column``)``: 1 the token
    bounds, 2 the character offsets; the record answers only while the layer is the same group it wrote, with as many
    spans, else None (the caller reads the spans)."""
    group = doc.spans.get(key)
    if group is None:
        return None, None
    made = _BOUNDS.get(doc)
    got = made.get(key) if made is not None else None
    if got is not None and got[0] is group and len(got[column]) == len(group):
        return group, got[column]
    return group, None


def span_bounds(doc: Doc, key: str) -> Optional[list[tuple[int, int, int]]]:
    """``(start, end, label id)`` of each span of ``doc.spans[key]`` in the group's order (None: no such layer),
    without a Span object per span: iterating a SpanGroup makes a Span, and Token objects for its ends, for every
    span, which the readers that need only the bounds (the subtype tagger, the wide runs) paid for every doc. A
    layer that :func:`set_entities` wrote is answered from what it recorded while ``doc.spans[key]`` is that same
    group with as many spans (claimex never edits a layer in place: a new layer is a new group, as the aligned
    ``attrs`` lists assume); any other layer is read from its spans. The list is shared: do not change it."""
    group, got = _recorded(doc, key, 1)
    if group is None or got is not None:
        return got
    return [(span.start, span.end, span.label) for span in group]


Entry = tuple[int, int, str, Optional[float], Optional[str]]  # (start, end, label, score, subtype) of a layer's span


def layer_entries(doc: Doc, key: str = SPANS_KEY) -> list[Entry]:
    """:func:`get_entities` as ``(start, end, label, score, subtype)`` tuples, in the same order, without a Span (and
    its Token objects) or a :class:`TaggedSpan` per span: the bounds come from :func:`span_bounds` and each label
    id is looked up in the string store once (``Span.label_`` decodes a new string at every read). For the readers
    that need no Span (the outcome-list rules read the tagger's layer and its weak layer this way)."""
    bounds = span_bounds(doc, key)
    if bounds is None:
        return []
    attrs = doc.spans[key].attrs
    scores = attrs.get("scores") or [None] * len(bounds)
    subtypes = attrs.get("subtypes") or [None] * len(bounds)
    strings = doc.vocab.strings
    names = {label: strings[label] for label in {b[2] for b in bounds}}
    return [(s, e, names[label], score, sub) for (s, e, label), score, sub in zip(bounds, scores, subtypes)]


def spans_of(doc: Doc, entries: Sequence[Sequence]) -> list[Span]:
    """A Span per entry ``(start, end, label, ...)`` (label a string), each label hashed into the string store once
    (``Span(doc, s, e, label="OUTCOME")`` hashes it for every span)."""
    ids = {label: doc.vocab.strings.add(label) for label in {o[2] for o in entries}}
    return [Span(doc, o[0], o[1], label=ids[o[2]]) for o in entries]


def get_entities(doc: Doc, key: str = SPANS_KEY) -> list[TaggedSpan]:
    """The PICO spans of ``doc`` in layer ``key`` (empty when no tagger ran)."""
    if key not in doc.spans:
        return []
    group = doc.spans[key]
    scores = group.attrs.get("scores") or [None] * len(group)
    subtypes = group.attrs.get("subtypes") or [None] * len(group)
    return [TaggedSpan(span, score, sub) for span, score, sub in zip(group, scores, subtypes)]


def claims_layer(doc: Doc) -> str:
    """The span-group key claims are built from: the :data:`CLAIMS_KEY` layer, else the PICO layer."""
    return CLAIMS_KEY if CLAIMS_KEY in doc.spans else SPANS_KEY


def claim_entities(doc: Doc) -> list[TaggedSpan]:
    """The entities claims are built from (:func:`claims_layer`)."""
    return get_entities(doc, claims_layer(doc))


def claim_entries(doc: Doc) -> list[Entry]:
    """:func:`claim_entities` as :func:`layer_entries` tuples (no Span or :class:`TaggedSpan` per entity)."""
    return layer_entries(doc, claims_layer(doc))


def span_chars(doc: Doc, key: str) -> Optional[list[tuple[int, int]]]:
    """``(start_char, end_char)`` of each span of ``doc.spans[key]`` in the group's order (None: no such layer), what
    each Span's ``start_char`` / ``end_char`` hold, without a Span per span (a Span makes three Token objects for its
    offsets): a layer that :func:`set_entities` wrote is answered from the offsets it read off the Spans it was given,
    on the terms of :func:`span_bounds`; any other layer is read from its spans. The list is shared: do not change
    it."""
    group, got = _recorded(doc, key, 2)
    if group is None or got is not None:
        return got
    return [(span.start_char, span.end_char) for span in group]


def claim_chars(doc: Doc) -> list[tuple[int, int]]:
    """:func:`span_chars` of the claims layer (:func:`claims_layer`), aligned with :func:`claim_entries`."""
    return span_chars(doc, claims_layer(doc)) or []
