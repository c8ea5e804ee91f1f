"""The common corpus format: one :class:`CorpusDoc` per abstract, spans as character offsets.

Every loader (shared corpora, Hugging Face datasets, a team's own brat or JSONL files) yields
``CorpusDoc`` objects. ``annotated`` says which labels the document annotates: a label not in
it is *missing*, not negative (a corpus that marks only outcomes says nothing about
interventions). ``regions`` narrows that further: ``regions[label]`` lists the character
ranges where ``label`` is annotated (absent = the whole document), e.g. EvidenceOutcomes
annotates outcomes only in Results/Conclusions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..schema import PICO_LABELS

LABELS: tuple[str, ...] = PICO_LABELS  # POPULATION, INTERVENTION, COMPARATOR, OUTCOME
PIO: tuple[str, ...] = ("POPULATION", "INTERVENTION", "OUTCOME")
ALL_LABELS = frozenset(LABELS)


@dataclass(frozen=True)
class SpanAnn:
    start: int
    end: int
    label: str
    subtype: str | None = None


@dataclass
class CorpusDoc:
    id: str
    text: str
    spans: list[SpanAnn] = field(default_factory=list)
    annotated: frozenset[str] = ALL_LABELS
    source: str = ""
    key: str = ""  # grouping key for the dev split (PMID, else a hash of the normalised text)
    regions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.annotated = frozenset(self.annotated)
        if not self.key:
            self.key = doc_key(self.meta.get("pmid"), self.text)
        for s in self.spans:
            if not (0 <= s.start <= s.end <= len(self.text)):
                raise ValueError(f"{self.id}: span {s} outside text of length {len(self.text)}")
            if s.label not in ALL_LABELS:
                raise ValueError(f"{self.id}: unknown label {s.label!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "source": self.source, "key": self.key,
            "spans": [{"start": s.start, "end": s.end, "label": s.label, "subtype": s.subtype}
                      for s in self.spans],
            "annotated": sorted(self.annotated),
            "regions": {k: [list(r) for r in v] for k, v in self.regions.items()},
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CorpusDoc:
        return cls(
            id=d["id"], text=d["text"], source=d.get("source") or "", key=d.get("key") or "",
            spans=[SpanAnn(s["start"], s["end"], s["label"], s.get("subtype")) for s in d.get("spans") or []],
            annotated=frozenset(d.get("annotated") or ALL_LABELS),
            regions={k: [tuple(r) for r in v] for k, v in (d.get("regions") or {}).items()},
            meta=dict(d.get("meta") or {}),
        )


_NORM = re.compile(r"[^a-z0-9]+")


def normalise_text(text: str) -> str:
    return _NORM.sub("", text.lower())


def doc_key(pmid: str | None, text: str) -> str:
    """``pmid:N`` when the PMID is known, else ``txt:`` + sha1 of the lower-cased alphanumerics."""
    if pmid:
        return f"pmid:{str(pmid).strip()}"
    return "txt:" + hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16]


# -- tokens -> text ------------------------------------------------------------------------
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "%", "?", "!", "'s", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Rebuild text from pre-tokenized words, keeping each token's character offsets.

    Light de-tokenization (no space before ``, . ; : ) %``, none after ``(``) so the text looks
    like an abstract and scispaCy re-tokenizes it the way it tokenizes real input; every
    token's characters are kept verbatim, so ``text[start:end] == token``.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        tok = tok.replace("\n", " ") or " "
        if prev is not None and not (tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER):
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), offsets


def runs_to_spans(
    offsets: list[tuple[int, int]], labels: Iterable[str | None], subtypes: Iterable | None = None
) -> list[SpanAnn]:
    """Token-level labels (None = outside) -> character spans over maximal runs of equal
    (label, subtype)."""
    labels = list(labels)
    subs = list(subtypes) if subtypes is not None else [None] * len(labels)
    spans: list[SpanAnn] = []
    i = 0
    while i < len(labels):
        lab = labels[i]
        if lab is None:
            i += 1
            continue
        j = i
        while j + 1 < len(labels) and labels[j + 1] == lab and subs[j + 1] == subs[i]:
            j += 1
        spans.append(SpanAnn(offsets[i][0], offsets[j][1], lab, subs[i]))
        i = j + 1
    return spans
