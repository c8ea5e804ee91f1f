"""Evidence Inference prompts as partial PICO supervision (corpus source ``evidence_inference``).

An Evidence Inference prompt names an article's intervention, comparator and outcome as free strings
(``ei2_prompts_train_val.jsonl``: EI 2.0 prompts with cited evidence; ``prompts_unlabeled_v1.jsonl``: EI 1.0
prompts, no evidence). Per article this source yields the abstract in the headed PMC form the findings gold and
``claimex evaluate --task prompts`` read (:func:`claimex.corpora.findings.load_text`) and, as distant
supervision by exact string match (case-insensitive, whitespace-insensitive, on word boundaries):

* **sentences**: those an EI 2.0 annotator cited inside the abstract, those that hold one prompt's outcome
  string together with its intervention or comparator string (the result sentences an EI 1.0 prompt was written
  from), and the other sentences that hold a prompt's outcome string;
* in each, every occurrence of **any** prompt string of the article (the string without a trailing bracket,
  ``IL-6r (ng/ml)`` -> ``IL-6r``, where the whole string is nowhere in the abstract): outcome strings ->
  OUTCOME, arm strings -> INTERVENTION, or COMPARATOR when the article uses the string only as a comparator (a
  string that is an intervention in some prompt stays INTERVENTION); overlapping matches keep the longer;
* ``regions``: each match grown by :data:`WINDOW` word a side (within its sentence) annotates its heads
  (OUTCOME, or INTERVENTION and COMPARATOR): the match's tokens are positives, the word on each side a
  negative, so the edges of the name are taught. The rest of the sentence is *missing*, not negative: a
  result sentence often names outcomes no prompt asks about (``CXCL5 ... CCL2 levels`` beside the prompts'
  ``CXCL7`` and ``CXCL12``), which a whole-sentence region would teach as negatives. POPULATION is never
  annotated.

Left out: every article of the findings gold (any ``id`` in ``corpora/gold/findings/*.jsonl``), every Evidence
Inference validation article (any prompt with split ``validation`` and the ``*validation_article_ids.txt``
lists: the held-out of ``--task prompts``), and the articles on the dev side of :mod:`.split` (keyed, like the
unlabelled abstracts of :mod:`.raw`, on the cleaned text: EI articles carry no PMID). Comparators that are a
time point, not an arm (``baseline``, ``before treatment``), are not matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import paths
from .findings import load_gold, load_text
from .jsonl import corpus_rows
from .raw import clean_pmc
from .split import is_dev
from .types import CorpusDoc, SpanAnn, doc_key

CORPUS = "evidence-inference-v2"
LABELLED = "ei2_prompts_train_val.jsonl"
UNLABELLED = "prompts_unlabeled_v1.jsonl"
ANNOTATED = frozenset({"INTERVENTION", "COMPARATOR", "OUTCOME"})
# a comparator that is a time point of the same arm, not an arm
NOT_ARM = re.compile(r"^(?:baseline|pre-?treatment|pre-?intervention|pre-?operative|before)\b", re.IGNORECASE)
# sentence ends: . ! ? before a capital/bracket/digit-free start, and blank lines / PMC section headers
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n\s*\n|\n(?=ABSTRACT\.)|(?<=:)\s*\n\s*")
_EDGE = " \t\n.,;:"
_ARTICLES = ("the", "a", "an")
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
# words each side of a match annotated as negatives: one (mostly a verb, preposition or article); wider windows
# teach truncation where a prompt names less than the mention (``radioactivity`` in "radioactivity in bronchial
# secretions")
WINDOW = 1


@dataclass(frozen=True)
class EIPrompt:
    pmcid: str
    intervention: str
    comparator: str
    outcome: str
    evidence: tuple[tuple[int, int], ...]  # cited spans inside the abstract (EI 2.0 only)
    split: str | None


def read_prompts() -> list[EIPrompt]:
    """Both prompt files; EI 2.0 evidence kept where it lies in the abstract with matching offsets."""
    out = []
    for name in (LABELLED, UNLABELLED):
        for r in corpus_rows(CORPUS, name):
            evidence = tuple((a["evidence_start"], a["evidence_end"]) for a in r.get("annotations") or []
                             if a.get("evidence_in_abstract") and a.get("offsets_match")
                             and isinstance(a.get("evidence_start"), int) and a["evidence_start"] < a["evidence_end"])
            out.append(EIPrompt(str(r["pmcid"]), r.get("intervention") or "", r.get("comparator") or "",
                                r.get("outcome") or "", evidence, r.get("ev2_split") or r.get("ev1_split")))
    return out


def held_out_ids(prompts: Iterable[EIPrompt]) -> set[str]:
    """Articles never trained on: the findings gold's ids and the Evidence Inference validation articles."""
    ids = {p.pmcid for p in prompts if p.split == "validation"}
    for path in sorted(paths.corpus_path(CORPUS, "splits").glob("*validation_article_ids.txt")):
        ids.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    ids.update(g.id for g in load_gold())
    return ids


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges of an abstract (regex splitter: sentence punctuation before a capital, blank lines,
    PMC section headers), edges stripped of whitespace."""
    out, start = [], 0
    for m in [*_SENT_END.finditer(text), None]:
        end = m.start() if m else len(text)
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        if m:
            start = m.end()
    return out


def pattern(phrase: str) -> re.Pattern | None:
    """The regex of a prompt string: its words (edge punctuation and a leading article stripped) separated by any
    whitespace, on word boundaries, case-insensitive; None for a string under 2 characters."""
    words = phrase.strip(_EDGE).split()
    while len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words or len("".join(words)) < 2:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def variants(phrase: str) -> list[str]:
    """The prompt string, and without a trailing bracket (``IL-6r (ng/ml)`` -> ``IL-6r``)."""
    phrase = phrase.strip()
    short = _TRAILING_BRACKET.sub("", phrase).strip()
    return [phrase, short] if short and short != phrase else [phrase] if phrase else []


def _matches(text: str, a: int, b: int, phrases: dict[str, str]) -> list[SpanAnn]:
    """Every occurrence in ``text[a:b]`` of the phrases (phrase -> label); overlaps keep the longer."""
    found = []
    for phrase, label in phrases.items():
        pat = pattern(phrase)
        if pat is not None:
            found.extend(SpanAnn(a + m.start(), a + m.end(), label) for m in pat.finditer(text[a:b]))
    kept: list[SpanAnn] = []
    for s in sorted(found, key=lambda s: (-(s.end - s.start), s.start)):
        if all(s.end <= k.start or k.end <= s.start for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def window(text: str, span: SpanAnn, sentence: tuple[int, int], words: int = WINDOW) -> tuple[int, int]:
    """``span`` grown by ``words`` whitespace-separated words each side, inside its sentence."""
    a, b = span.start, span.end
    for _ in range(words):
        left = text.rfind(" ", sentence[0], max(a - 1, sentence[0]))
        a = sentence[0] if left < 0 else left + 1
        right = text.find(" ", min(b + 1, sentence[1]), sentence[1])
        b = sentence[1] if right < 0 else right
    return a, b


def _phrases(prompts: list[EIPrompt], text: str) -> dict[str, str]:
    """Prompt string (lower case; the bracket-less variant where the whole string does not occur) -> label."""
    def usable(phrase: str) -> str | None:
        for v in variants(phrase):
            pat = pattern(v)
            if pat is not None and pat.search(text):
                return v.lower()
        return None

    phrases: dict[str, str] = {}
    for label, field in (("COMPARATOR", "comparator"), ("INTERVENTION", "intervention"), ("OUTCOME", "outcome")):
        for p in prompts:
            phrase = getattr(p, field).strip()
            if not phrase or (label == "COMPARATOR" and NOT_ARM.match(phrase)):
                continue
            v = usable(phrase)
            if v is not None and (label != "COMPARATOR" or v not in phrases):
                phrases[v] = label  # later labels win: an intervention anywhere is no comparator
    return phrases


def article_doc(pmcid: str, text: str, prompts: list[EIPrompt]) -> CorpusDoc | None:
    """One article's CorpusDoc (None when no sentence has a match): in the evidence sentences (cited, or holding
    the outcome and an arm of one prompt) and the other sentences that hold a prompt's outcome, every match of a
    prompt string, annotated in a region of the match grown by :data:`WINDOW` words a side (its edges are
    taught; the rest of the sentence is missing: it may name outcomes no prompt asks about)."""
    phrases = _phrases(prompts, text)
    outcomes = [pattern(k) for k, v in phrases.items() if v == "OUTCOME"]
    sents = sentences(text)
    full: set[tuple[int, int]] = set()
    for p in prompts:
        for s, e in p.evidence:
            full.update(x for x in sents if x[0] < e and s < x[1])
        outs = [pattern(v) for v in variants(p.outcome)]
        arms = [q for q in (pattern(p.intervention), pattern(p.comparator)) if q is not None]
        full.update(x for x in sents if any(o is not None and o.search(text, *x) for o in outs)
                    and any(q.search(text, *x) for q in arms))
    part = {x for x in sents if x not in full and any(o.search(text, *x) for o in outcomes)}
    spans: list[SpanAnn] = []
    regions: dict[str, list[tuple[int, int]]] = {label: [] for label in ANNOTATED}
    for sent in sorted(full | part):
        found = _matches(text, sent[0], sent[1], phrases)
        for s in found:
            heads = ("OUTCOME",) if s.label == "OUTCOME" else ("INTERVENTION", "COMPARATOR")
            for head in heads:
                region = window(text, s, sent)
                if region not in regions[head]:
                    regions[head].append(region)
        spans.extend(found)
    if not spans:
        return None
    return CorpusDoc(id=f"evidence-inference-{pmcid}", text=text, spans=spans,
                     annotated=frozenset(label for label, r in regions.items() if r), source="evidence_inference",
                     key=doc_key(None, clean_pmc(text)), regions={label: r for label, r in regions.items() if r},
                     meta={"pmcid": pmcid, "prompts": len(prompts), "evidence_sentences": len(full),
                           "outcome_sentences": len(part)})


def load_evidence_inference(include_dev: bool = False) -> Iterator[CorpusDoc]:
    """The ``evidence_inference`` source: one document per usable train article (see the module docstring)."""
    prompts = read_prompts()
    skip = held_out_ids(prompts)
    by_article: dict[str, list[EIPrompt]] = {}
    for p in prompts:
        if p.pmcid not in skip:
            by_article.setdefault(p.pmcid, []).append(p)
    for pmcid, group in sorted(by_article.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0):
        text = None
        for source in ("evidence-inference", "evidence-inference-abstracts"):
            try:
                text = load_text(source, pmcid)
                break
            except KeyError:
                continue
        if not text or (not include_dev and is_dev(doc_key(None, clean_pmc(text)))):
            continue
        doc = article_doc(pmcid, text, group)
        if doc is not None:
            yield doc
