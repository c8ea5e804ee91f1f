"""Doc + Document -> :class:`claimex.schema.Record`.

Sentences get the section label of the structured-abstract section they start in;
entities (the claims layer, :func:`claimex.annotate.entities.claims_layer`: one OUTCOME per list
item; read as :func:`~claimex.annotate.entities.claim_entries` tuples, their character offsets by
:func:`~claimex.annotate.entities.claim_chars`: no Span object per entity) get ids ``E1..``, measures
``M1..`` in text order; entity ``expanded`` replaces the abbreviations inside the entity with their long
forms; claims come from :mod:`claimex.assemble.claims`.

The parts go to :class:`Record` as plain dicts, validated with the record in one call (every field and
validator of each part still runs; handing over validated part objects instead cost about 0.1 ms more per
abstract, one Python-level model construction per part).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Optional

from spacy.tokens import Doc

from ..annotate.abbreviations import abbreviation_pairs
from ..annotate.entities import claim_chars, claim_entries
from ..annotate.longforms import is_definition
from ..annotate.sentences import heading_label
from ..read.base import Document
from ..schema import Record
from .claims import assemble_claims


def _sentences(doc: Doc, document: Document) -> list[dict[str, Any]]:
    """Sentences with their section: the reader's section span they start in, overridden by a heading
    sentence (``RESULTS:``, ``ABSTRACT.RESULTS::``, ``TITLE:``) written after that span's start. Heading
    sentences only set the section; they are not sentences of the record (no claim or entity spans them).
    A ``TITLE`` heading labels the title line only. The fields of each :class:`claimex.schema.Sentence`."""
    sections = sorted(document.sections)
    starts = [s[0] for s in sections]
    text_all = document.text
    out = []
    heading: Optional[tuple[int, str]] = None  # (start, label) of the latest heading sentence
    title_end = -1
    for sent in doc.sents:
        start_char, end_char = sent.start_char, sent.end_char
        text = text_all[start_char:end_char]  # doc.text is the document's text; Span.text walks the tokens
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        start, end = start_char + lead, end_char - trail
        if end <= start:
            continue
        head = heading_label(text_all[start:end])
        if head is not None:
            heading = (start, head)
            continue
        label: Optional[str] = None
        k = bisect_right(starts, start) - 1
        if k >= 0 and sections[k][0] <= start < sections[k][1]:
            label = sections[k][2]
        if heading is not None and (label is None or heading[0] > sections[k][0]):
            if heading[1] != "TITLE":
                label = heading[1]
            elif title_end < 0 or start < title_end:
                label = heading[1]
                newline = text_all.find("\n", end)
                title_end = len(text_all) if newline < 0 else newline
            else:
                heading = None
        out.append({"start": start, "end": end, "section": label})
    return out


def _expand(text: str, start: int, end: int, abbrevs: list[tuple[int, int, str, str]],
            starts: Optional[list[int]] = None) -> Optional[str]:
    """``text[start:end]`` with the short forms of ``abbrevs`` (:func:`abbreviation_pairs`, sorted) inside it
    replaced by their long forms, or None when none is. ``starts``: the pairs' start offsets, when the caller has
    them (only the pairs that start in [start, end] are then looked at: a pair inside the range starts there)."""
    if starts is not None:
        abbrevs = abbrevs[bisect_left(starts, start):bisect_right(starts, end)]
    # a short form bracketed right after its own long form stays as written: never "X (X)"
    inside = [a for a in abbrevs if a[0] >= start and a[1] <= end and not is_definition(text, a[0], a[1], a[3])]
    if not inside:
        return None
    pieces, pos = [], start
    for a_start, a_end, _short, long_form in inside:
        pieces.append(text[pos:a_start])
        pieces.append(long_form)
        pos = a_end
    pieces.append(text[pos:end])
    return "".join(pieces)


def measures_of(doc: Doc) -> list[dict[str, Any]]:
    """The fields of each :class:`claimex.schema.Measure` of ``doc._.measures``, ids ``M1..``."""
    parsed = getattr(doc._, "measures", None) if doc.has_extension("measures") else None
    return [{"id": f"M{k}", **m.to_dict()} for k, m in enumerate(parsed or [], start=1)]


def to_record(doc: Doc, document: Document) -> Record:
    text = document.text
    abbrevs = abbreviation_pairs(doc, text)
    abbrev_starts = [a[0] for a in abbrevs]
    entities = []
    for k, ((_, _, label, score, subtype), (start, end)) in enumerate(zip(claim_entries(doc), claim_chars(doc)),
                                                                     start=1):
        entities.append({
            "id": f"E{k}",
            "label": label,
            "start": start,
            "end": end,
            "text": text[start:end],
            "expanded": _expand(text, start, end, abbrevs, abbrev_starts),
            "score": None if score is None else round(float(score), 4),
            "subtype": subtype,
        })
    sentences = _sentences(doc, document)
    measures = measures_of(doc)
    # pydantic validates the dicts into the models; mypy (no pydantic plugin) reads the fields' model types only
    record = Record(
        id=document.id,
        text=text,
        meta=dict(document.meta),
        sentences=sentences,  # type: ignore[arg-type]
        abbreviations=[{"short": s, "long": lf, "start": a, "end": b} for a, b, s, lf in abbrevs],  # type: ignore[misc]
        entities=entities,  # type: ignore[arg-type]
        measures=measures,  # type: ignore[arg-type]
    )
    record.claims = assemble_claims(record, doc)
    return record
