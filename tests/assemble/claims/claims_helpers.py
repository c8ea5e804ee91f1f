"""Build small Records for claim tests: the text, entity strings (label, text[, occurrence]) and the
measure parser's measures. Sentences are split at ". " / newlines like an abstract."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimex.annotate.measures import parse_measures
from claimex.assemble.claims.significance import significance
from claimex.schema import Entity, Record, Sentence


def make_record(text: str, entities: Sequence[tuple] = (), meta: dict | None = None, title: bool = False,
                measures: bool = True) -> Record:
    sents, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(])|\n+", text):
        sents.append(Sentence(start=start, end=m.start(), section="TITLE" if title and not sents else None))
        start = m.end()
    sents.append(Sentence(start=start, end=len(text.rstrip()), section="TITLE" if title and not sents else None))
    ents = []
    for k, spec in enumerate(entities, start=1):
        label, surface = spec[0], spec[1]
        nth = spec[2] if len(spec) > 2 else 0
        pos = -1
        for _ in range(nth + 1):
            pos = text.find(surface, pos + 1)
        assert pos >= 0, surface
        ents.append(Entity(id=f"E{k}", label=label, start=pos, end=pos + len(surface), text=surface,
                           expanded=spec[3] if len(spec) > 3 else None))
    ms = []
    if measures:
        ms = [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(text), start=1)]
    return Record(id="t", text=text, meta=meta or {}, sentences=sents, entities=ents, measures=ms)


def significance_of(text: str) -> bool | None:
    """The significance :func:`claimex.assemble.claims.significance.significance` reads in ``text`` (the measure
    parser's measures, offsets local to ``text``)."""
    ms = [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(text), start=1)]
    return significance(ms, text, 0)[0]


def claims_of(record: Record, model="cues", arms=None, outcomeless=False):
    """The claims of ``record``; ``arms="rules"``: without the shipped arm ranker (the rules' arms);
    ``outcomeless``: keep finding claims that name no outcome (dropped by default)."""
    from claimex.assemble.claims import ClaimAssembler

    return ClaimAssembler(model, arms=arms, outcomeless=outcomeless)(record)


def typed_claims_of(record: Record, model="cues"):
    """Every typed sentence's claim, outcome or not: what the sentence-typing tests read."""
    return claims_of(record, model, outcomeless=True)


def types_of(text: str, sections=None, entities=()):
    """The claim type of each sentence of ``text`` (None: no claim); ``sections``: the sentences' reader labels."""
    record = make_record(text, entities)
    for k, label in enumerate(sections or []):
        record.sentences[k].section = label
    got = {c.sentence: c.type for c in typed_claims_of(record)}
    return [got.get(k) for k in range(len(record.sentences))]


def ent(record: Record, text: str, nth: int = 0) -> str:
    return [e.id for e in record.entities if e.text == text][nth]


def measure(record: Record, text: str) -> str:
    return next(m.id for m in record.measures if m.text == text)


def finding_of(rec, words, arms=None):
    """The first finding/adverse_effect claim whose sentence contains ``words``."""
    return next(c for c in claims_of(rec, arms=arms) if words in c.text and c.type in ("finding", "adverse_effect"))


def findings_opening(rec, start, arms=None):
    """Every finding/adverse_effect claim of the sentence that opens with ``start``."""
    return [c for c in claims_of(rec, arms=arms) if c.text.startswith(start) and c.type in ("finding", "adverse_effect")]


def entity_texts(record: Record, ids: Sequence[str]) -> list[str]:
    """The texts of ``record``'s entities ``ids`` (a claim's intervention / comparator / outcome), in order."""
    by_id = {e.id: e.text for e in record.entities}
    return [by_id[i] for i in ids]
