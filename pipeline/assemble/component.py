"""The ``claimex_record`` spaCy component: the assemble step inside ``nlp``, for spaCy users.

``claimex.load()`` appends it to the pipeline, so ``doc = nlp(text)`` (and every ``nlp.pipe`` doc)
carries the whole analysis:

* ``doc._.record`` - the :class:`claimex.schema.Record` that :func:`claimex.assemble.to_record` builds
  (the same function ``claimex extract`` uses);
* ``doc._.claims`` - ``doc._.record.claims``;
* ``doc.spans["measures"]`` - one span per measure, labelled with its kind (``percent``, ``p_value``,
  ...), so ``displacy.render(doc, style="span", options={"spans_key": "measures"})`` shows them; PICO
  entities are in ``doc.spans["pico"]``.

The record id and meta come from ``doc.user_data["claimex_id"]`` / ``["claimex_meta"]`` when set
(default id ``"doc"``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from ..read.base import Document
from ..schema import Record
from .record import to_record

FACTORY = "claimex_record"
MEASURES_KEY = "measures"

if not Doc.has_extension("record"):
    Doc.set_extension("record", default=None)
if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=lambda doc: doc._.record.claims if doc._.record is not None else [])


def measure_spans(doc: Doc, record: Record) -> SpanGroup:
    """The record's measures as a span group (token-aligned, expanded to whole tokens)."""
    spans = []
    for measure in record.measures:
        span = doc.char_span(measure.start, measure.end, label=measure.kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return SpanGroup(doc, name=MEASURES_KEY, spans=spans)


class RecordComponent:
    """Builds ``doc._.record`` and ``doc.spans["measures"]`` from the annotations before it."""

    def __call__(self, doc: Doc) -> Doc:
        document = Document(id=str(doc.user_data.get("claimex_id", "doc")), text=doc.text,
                            meta=dict(doc.user_data.get("claimex_meta") or {}))
        record = to_record(doc, document)
        doc._.record = record
        doc.spans[MEASURES_KEY] = measure_spans(doc, record)
        return doc


@Language.factory(FACTORY, assigns=["doc._.record", "doc.spans"], requires=["doc.sents"],
                  default_config={})
def make_record_component(nlp: Language, name: str) -> RecordComponent:
    return RecordComponent()
