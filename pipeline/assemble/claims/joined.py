"""Arms the tagger joined into one span: "singing classes to usual care", "CMF vs epirubicin", "Gatifloxacin or
Cefixime", "spinal versus general anesthesia" (issue 10, round 7: candidate generation for the comparator).

A design sentence that sets two arms against each other ("comparing ... singing classes to usual care") is often
tagged as one INTERVENTION span holding both arms; the claims layer then has no entity for the comparator and
no way to name it. :func:`split_joined_arms` replaces such a span by one span per arm, before the claims are
assembled:

* the span is an INTERVENTION/COMPARATOR entity holding "or", "versus", "vs", "compared with/to" outside any
  bracket ("renal replacement therapy (intermittent versus continuous)" is one arm), or "to" when the sentence
  compares the arms right before the span ("comparing ... X to Y"; not "listen to music", "testosterone to HRT");
* every part holds a content word, and the span is no trial name ("Febuxostat versus Allopurinol Streamlined
  Trial"), nor "X with or without Y";
* the parts keep the span's label, score and subtype; ids are the span's id with ``a``, ``b``, ... (the other
  entities keep theirs), in text order. Which part is the comparator is then decided as for any two arms
  (:func:`.design.design_comparators`: the alternative after "or" / "versus").

:func:`alone_kept` mends the opposite cut: an arm span that stops right before "alone" ("versus [docetaxel] alone",
"compared with [ET] alone") takes the word in, so the arm is named as the design names it (and reads as the
control-worded arm, :mod:`.control`) rather than as a mention of the combination it is set against. Not a span of
coordinated agents ("C. ficifolia and probiotic yogurt consumption alone": each on its own), nor "X alone and in
combination with Y" / "alone or together" (X is given in every arm).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ...schema import Entity, Record
from .base import content_words

_DESIGN = re.compile(r"\b(?:randomi[sz]\w*|assign\w*|allocat\w*|compar\w*|versus|vs\.?|either)\b", re.IGNORECASE)
_JOIN = re.compile(r"\s+(?:or|versus|vs\.?|compared\s+(?:with|to))\s+", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_COMPARING_BEFORE = re.compile(r"\bcompar\w*\s+(?:[\w()-]+\s+){0,8}$", re.IGNORECASE)
_WITH_OR_WITHOUT = re.compile(r"\bwith\s+or\s+without\b", re.IGNORECASE)  # one arm named with its other
_NAME_END = re.compile(r"\b(?:trial|study|studies)\W*$", re.IGNORECASE)
_EDGE = re.compile(r"^[\s,;:-]+|[\s,;:-]+$")
_LEAD = re.compile(r"^(?:to|with|the|a|an)\s+", re.IGNORECASE)


def _outside_brackets(text: str, start: int) -> bool:
    depth = 0
    for ch in text[:start]:
        depth += ch in "([{"
        depth -= ch in ")]}"
    return depth <= 0


def _parts(record: Record, ent: Entity) -> list[tuple[int, int]]:
    """Offsets of the arms ``ent`` joins (module docstring), or [] when it is one arm."""
    text = ent.text
    cuts = [m for m in _JOIN.finditer(text) if _outside_brackets(text, m.start())]
    if not cuts and _COMPARING_BEFORE.search(record.text[max(0, ent.start - 120):ent.start]):
        cuts = [m for m in _TO.finditer(text) if _outside_brackets(text, m.start())][:1]
    if not cuts or _NAME_END.search(text) or _WITH_OR_WITHOUT.search(text):
        return []
    out, pos = [], 0
    for m in [*cuts, None]:
        a, b = pos, (m.start() if m is not None else len(text))
        piece = text[a:b]
        lead = _LEAD.match(piece)
        if lead:
            a += lead.end()
            piece = text[a:b]
        edge = _EDGE.match(piece)
        if edge:
            a += edge.end()
        tail = _EDGE.search(text[a:b])
        if tail:
            b = a + tail.start()
        if b <= a or not content_words(text[a:b]):
            return []
        out.append((ent.start + a, ent.start + b))
        pos = m.end() if m is not None else len(text)
    return out


def _design_sentence(record: Record, starts: list[int], ent: Entity) -> bool:
    """Does ``ent`` lie in the title or in a sentence that sets arms against each other (:data:`_DESIGN`)?
    ``starts``: the record's sentence starts."""
    k = bisect_right(starts, ent.start) - 1
    if k < 0:
        return False
    sent = record.sentences[k]
    return k == 0 or bool(_DESIGN.search(record.text, sent.start, sent.end))


def split_joined_arms(record: Record) -> None:
    """Replace each joined arm span of ``record`` by one entity per arm, in place (module docstring)."""
    if not any(e.label in ("INTERVENTION", "COMPARATOR") for e in record.entities):
        return
    out: list[Entity] = []
    changed = False
    starts = [s.start for s in record.sentences]
    for ent in record.entities:
        joined = ent.label in ("INTERVENTION", "COMPARATOR") and (_JOIN.search(ent.text) or _TO.search(ent.text))
        parts = _parts(record, ent) if joined and _design_sentence(record, starts, ent) else []
        if not parts:
            out.append(ent)
            continue
        changed = True
        for k, (a, b) in enumerate(parts):
            out.append(ent.model_copy(update={"id": f"{ent.id}{chr(ord('a') + k)}", "start": a, "end": b,
                                              "text": record.text[a:b], "expanded": None, "mesh": []}))
    if changed:
        record.entities = out


_ALONE_AFTER = re.compile(r"[ \t]+alone\b(?!\s*,?\s*(?:and|or)\s+(?:in\s+|at\s+)?(?:combination|together|the\s+same|"
                          r"concurrently|simultaneously|with)\b)", re.IGNORECASE)
_COORDINATED_SPAN = re.compile(r",|\b(?:and|or)\b|/", re.IGNORECASE)


def alone_kept(record: Record) -> None:
    """Extend each INTERVENTION/COMPARATOR span followed by "alone" over that word, in place (module docstring)."""
    for k, ent in enumerate(record.entities):
        if ent.label not in ("INTERVENTION", "COMPARATOR"):
            continue
        m = _ALONE_AFTER.match(record.text, ent.end)
        if m is None or ent.text.lower().endswith("alone") or _COORDINATED_SPAN.search(ent.text):
            continue  # "X and Y consumption alone or at the same time": each on its own, no control arm
        extra = record.text[ent.end:m.end()]
        record.entities[k] = ent.model_copy(update={
            "end": m.end(), "text": ent.text + extra,
            "expanded": ent.expanded + extra if ent.expanded else None})
