"""spaCy component ``claimex_measures``: ``doc._.measures`` = ``parse_measures(doc.text)`` (the text joined from the
shared token texts, :func:`claimex.annotate.tokens.doc_text`).

It reads ``doc.text`` only (no dependence on the tokenizer or on other components) and costs
about a millisecond per abstract (see ``bench/MEASURES.md``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import doc_text
from .parse import parse_measures

if not Doc.has_extension("measures"):
    Doc.set_extension("measures", default=None)


class MeasuresComponent:
    """Sets ``doc._.measures`` to the sorted list of :class:`ParsedMeasure` of ``doc.text``.

    ``kinds``: if given, keep only these kinds.
    """

    def __init__(self, nlp: Language, name: str = "claimex_measures", kinds: list[str] | None = None):
        self.name = name
        self.kinds = set(kinds) if kinds else None

    def __call__(self, doc: Doc) -> Doc:
        measures = parse_measures(doc_text(doc))
        if self.kinds is not None:
            measures = [m for m in measures if m.kind in self.kinds]
        doc._.measures = measures
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # nothing to serialise: the component is pure rules
    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()):
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        return None

    def from_disk(self, path, *, exclude=()):
        return self


@Language.factory(
    "claimex_measures",
    assigns=["doc._.measures"],
    default_config={"kinds": None},
)
def make_measures(nlp: Language, name: str, kinds: list[str] | None) -> MeasuresComponent:
    return MeasuresComponent(nlp, name, kinds=kinds)
