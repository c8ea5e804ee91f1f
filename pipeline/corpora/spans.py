"""Character-span corpora (shared EvidenceMap, EvidenceOutcomes, PICO-Corpus) -> CorpusDoc."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .jsonl import corpus_rows
from .types import CorpusDoc, SpanAnn, doc_key

_NO_SPACE_BEFORE = re.compile(r" (?=[,.;:)\]%](?:\s|$))")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[]) ")


def respace(text: str, spans: list[SpanAnn]) -> tuple[str, list[SpanAnn]]:
    """Undo tokenizer spacing (``"COVID-19 ) , especially"`` -> ``"COVID-19), especially"``),
    moving span offsets along."""
    drop = {m.start() for m in _NO_SPACE_BEFORE.finditer(text)} | {m.start() for m in _NO_SPACE_AFTER.finditer(text)}
    if not drop:
        return text, spans
    new_pos = [0] * (len(text) + 1)
    out = []
    j = 0
    for i, ch in enumerate(text):
        new_pos[i] = j
        if i not in drop:
            out.append(ch)
            j += 1
    new_pos[len(text)] = j
    moved = [SpanAnn(new_pos[s.start], new_pos[s.end], s.label, s.subtype) for s in spans]
    new_text = "".join(out)
    return new_text, [s for s in moved if s.end > s.start and new_text[s.start:s.end].strip()]


def _fragments(e: dict) -> list[tuple[int, int]]:
    return [tuple(f) for f in (e.get("fragments") or [[e["start"], e["end"]]])]


EVIDENCEMAP = {"Intervention": "INTERVENTION", "Participant": "POPULATION", "Outcome": "OUTCOME"}


def load_evidencemap(respace_text: bool = True) -> Iterator[CorpusDoc]:
    """EvidenceMap: Intervention (both arms, so no COMPARATOR), Participant, Outcome - full docs."""
    for r in corpus_rows("evidencemap", "evidencemap.jsonl"):
        spans = [SpanAnn(a, b, EVIDENCEMAP[e["label"]]) for e in r["entities"] if e["label"] in EVIDENCEMAP
                 for a, b in _fragments(e)]
        text = r["text"]
        if respace_text:
            text, spans = respace(text, spans)
        yield CorpusDoc(id=f"evidencemap-{r['pmid']}", text=text, spans=spans,
                        annotated=frozenset(EVIDENCEMAP.values()), source="evidencemap",
                        key=doc_key(r["pmid"], text), meta={"pmid": r["pmid"], "subcorpus": r.get("subcorpus")})


_HEADER = re.compile(r"^([A-Z][A-Z /&-]{2,60}?) ?:", re.MULTILINE)
_RESULT_HEADERS = re.compile(r"RESULT|FINDING|CONCLUSION|INTERPRETATION|DISCUSSION|OUTCOME")


def outcome_regions(text: str, spans: list[SpanAnn]) -> list[tuple[int, int]]:
    """Where EvidenceOutcomes annotated outcomes: from the first Results/Conclusions header to the
    end; in an unstructured abstract, from the line of the first annotated outcome."""
    for m in _HEADER.finditer(text):
        if _RESULT_HEADERS.search(m.group(1)) and "MEASURE" not in m.group(1):
            return [(m.start(), len(text))]
    if not spans:
        return []
    first = min(s.start for s in spans)
    return [(text.rfind("\n", 0, first) + 1, len(text))]


def load_evidence_outcomes() -> Iterator[CorpusDoc]:
    """EvidenceOutcomes: outcomes only, only in Results/Conclusions (elsewhere: missing, not negative)."""
    for r in corpus_rows("evidence-outcomes", "evidence_outcomes.jsonl"):
        spans = [SpanAnn(a, b, "OUTCOME") for e in r["entities"] for a, b in _fragments(e)]
        text = r["text"]
        yield CorpusDoc(id=f"evidence-outcomes-{r['pmid']}", text=text, spans=spans,
                        annotated=frozenset({"OUTCOME"}), source="evidence_outcomes",
                        key=doc_key(r["pmid"], text), regions={"OUTCOME": outcome_regions(text, spans)},
                        meta={"pmid": r["pmid"], "subset": r.get("subset")})


PICO_CORPUS = {"intervention": ("INTERVENTION", None), "control": ("COMPARATOR", "Control"),
               "outcome": ("OUTCOME", None), "outcome-Measure": ("OUTCOME", None)}
PICO_CORPUS_POPULATION = {"eligibility": None, "age": "Age", "condition": "Condition",
                          "total-participants": "Sample_size", "ethinicity": None}


def load_pico_corpus(population: bool = False) -> Iterator[CorpusDoc]:
    """PICO-Corpus (breast cancer): intervention/control/outcome; its participant labels are
    fragments (a count, an age range), unlike EBM-NLP's phrases, so POPULATION is missing
    unless ``population=True``."""
    mapping = dict(PICO_CORPUS)
    if population:
        mapping.update({k: ("POPULATION", v) for k, v in PICO_CORPUS_POPULATION.items()})
    annotated = {lab for lab, _ in mapping.values()}
    for r in corpus_rows("pico-corpus-breast-cancer", "pico_corpus.jsonl"):
        text = r["text"]
        spans = []
        for e in r["entities"]:
            if e["label"] in mapping:
                lab, sub = mapping[e["label"]]
                for a, b in _fragments(e):
                    if 0 <= a < b <= len(text):
                        spans.append(SpanAnn(a, b, lab, sub))
        yield CorpusDoc(id=f"pico-corpus-{r['pmid']}", text=text, spans=spans, annotated=frozenset(annotated),
                        source="pico_corpus", key=doc_key(r["pmid"], text), meta={"pmid": r["pmid"]})
