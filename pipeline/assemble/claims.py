"""Claim assembly (first cut): one claim per sentence that reports something.

Typing, linking, direction and hedging are deliberately simple here; the claims
subpackage refines them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..schema import Claim, Record

_HEDGE = re.compile(r"\b(may|might|seems?|appears?|suggests?|suggested|possibly|likely|could)\b", re.I)
_CONCLUSION = re.compile(r"^\s*(in conclusion|we conclude|these (?:results|data|findings) (?:suggest|show|indicate))",
                         re.I)
_AIM = re.compile(r"\b(aims?|objectives?|purpose|we (?:sought|aimed)|to (?:assess|evaluate|determine|compare))\b",
                  re.I)
_ADVERSE = re.compile(r"\b(side effects?|adverse|complications?|toxicit\w+|syndrome)\b", re.I)


def assemble_claims(record: Record, doc: Doc) -> list[Claim]:
    claims: list[Claim] = []
    for index, sent in enumerate(record.sentences):
        text = record.text[sent.start:sent.end]
        inside = lambda item: sent.start <= item.start and item.end <= sent.end  # noqa: E731
        ents = [e for e in record.entities if inside(e)]
        measures = [m.id for m in record.measures if inside(m)]
        section = (sent.section or "").upper()
        if section == "TITLE":
            continue
        if _CONCLUSION.search(text) or section.startswith("CONCLUSION"):
            ctype = "conclusion"
        elif _AIM.search(text) and not measures:
            ctype = "aim"
        elif _ADVERSE.search(text):
            ctype = "adverse_effect"
        elif measures:
            ctype = "finding"
        else:
            continue
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                sentence=index,
                type=ctype,
                population=[e.id for e in ents if e.label == "POPULATION"],
                intervention=[e.id for e in ents if e.label == "INTERVENTION"],
                comparator=[e.id for e in ents if e.label == "COMPARATOR"],
                outcome=[e.id for e in ents if e.label == "OUTCOME"],
                measures=measures,
                hedged=bool(_HEDGE.search(text)),
                text=text,
                start=sent.start,
                end=sent.end,
            )
        )
    return claims
