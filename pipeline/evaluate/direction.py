"""Direction evaluation on Evidence Inference 2.0 prompts (``claimex evaluate --task direction``).

A prompt is (intervention, comparator, outcome) with the label *significantly increased* /
*significantly decreased* / *no significant difference* and the evidence an annotator cited. The unit
is the **prompt** whose evidence lies in the abstract (``evidence_in_abstract``), with the majority
label (ties skipped) and the first in-abstract evidence of an annotator who chose that label. The
evidence is widened to whole sentences of the article text, the prompt's I, C and O are found in it
(:func:`find_mentions`: stem-matched content words, words shared by I and C dropped from both) and
become INTERVENTION / COMPARATOR / OUTCOME entities of a one-sentence Record with the measure parser's
measures; the claims code then decides the comparison exactly as in the pipeline
(:meth:`claimex.assemble.claims.ClaimAssembler.compare`).

Split: the official EI 2.0 ``validation`` articles (``ev2_split``; pilot-run prompts by their
``ev1_split``). The official test split is held out and not in shared/.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import paths
from ..assemble.claims.base import STOPWORDS, content_words, same_stem, singular
from ..metrics import prf
from ..schema import Entity, Measure, Record, Sentence
from .report import EvalReport

CORPUS = "evidence-inference-v2"
LABEL_MAP = {"significantly increased": "increase", "significantly increase": "increase",
             "significantly decreased": "decrease", "no significant difference": "no_difference"}
LABELS = ("increase", "decrease", "no_difference")


@dataclass
class EIExample:
    prompt_id: int
    pmcid: str
    split: str  # train | validation | test
    label: str  # increase | decrease | no_difference
    intervention: str
    comparator: str
    outcome: str
    text: str  # the evidence, widened to whole sentences
    in_abstract: bool


# -- data ------------------------------------------------------------------------------------------------
def _split_of(row: dict[str, Any]) -> str | None:
    return row.get("ev2_split") or row.get("ev1_split")


@lru_cache(maxsize=2)
def _articles(path: str) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {str(r["pmcid"]): r["text"] for r in map(json.loads, fh)}


@lru_cache(maxsize=1)
def incorrect_prompts() -> frozenset[int]:
    """Prompt ids the EI authors list as *Incorrect* (annotations_README.md); left out of training."""
    readme = paths.corpus_path(CORPUS, "annotations_README.md")
    if not readme.exists():
        return frozenset()
    text = readme.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"### Incorrect:\s*\n(.*?)\n\s*\n", text, re.DOTALL)
    return frozenset(int(x) for x in re.findall(r"\d+", m.group(1))) if m else frozenset()


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n+")


def widen(text: str, start: int, end: int, limit: int = 700) -> str:
    """The sentence(s) of ``text`` that contain ``text[start:end]`` (the evidence if that is too long)."""
    left = max((m.end() for m in _SENT_END.finditer(text, max(0, start - limit), start)), default=max(0, start - limit))
    right_m = _SENT_END.search(text, end)
    right = right_m.start() if right_m and right_m.start() - end < limit else end
    out = text[left:right].strip()
    if len(out) > 2 * limit or "\n" in text[start:end].strip():
        out = text[start:end]
    return re.sub(r"\s+", " ", out).strip()


def load_examples(gold: Path | None = None, split: str = "validation", unit: str = "prompt",
                  in_abstract: bool | None = True, drop_incorrect: bool = False) -> list[EIExample]:
    """Evidence Inference examples. ``unit``: ``prompt`` (majority label, one evidence) or
    ``annotation`` (every distinct evidence sentence with its annotator's label). ``in_abstract``:
    True = only evidence inside the abstract, False = only outside, None = both."""
    gold = Path(gold) if gold else paths.corpus_path(CORPUS, "ei2_prompts_train_val.jsonl")
    articles = _articles(str(paths.corpus_path(CORPUS, "articles_fulltext_labeled.jsonl.gz")))
    bad = incorrect_prompts() if drop_incorrect else frozenset()
    out: list[EIExample] = []
    with open(gold, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for row in rows:
        if split != "all" and _split_of(row) != split or row["prompt_id"] in bad:
            continue
        article = articles.get(str(row["pmcid"]))
        if article is None:
            continue
        anns = [a for a in row["annotations"] if LABEL_MAP.get(a.get("label") or "")]
        if in_abstract is not None:
            anns = [a for a in anns if bool(a.get("evidence_in_abstract")) == in_abstract]
        if unit == "prompt":
            majority = LABEL_MAP.get(row.get("majority_label") or "")
            anns = [a for a in anns if LABEL_MAP[a["label"]] == majority][:1]
        seen: set[str] = set()
        for a in anns:
            text = _evidence_text(article, a)
            if not text or text in seen:
                continue
            seen.add(text)
            out.append(EIExample(row["prompt_id"], str(row["pmcid"]), _split_of(row) or "", LABEL_MAP[a["label"]],
                                 row["intervention"] or "", row["comparator"] or "", row["outcome"] or "", text,
                                 bool(a.get("evidence_in_abstract"))))
    return out


def _evidence_text(article: str, ann: dict[str, Any]) -> str | None:
    evidence = (ann.get("evidence") or "").strip()
    if not evidence:
        return None
    start, end = ann.get("evidence_start"), ann.get("evidence_end")
    if not (ann.get("offsets_match") and isinstance(start, int) and 0 <= start < end <= len(article)):
        start = article.find(evidence)
        if start < 0:
            return re.sub(r"\s+", " ", evidence)
        end = start + len(evidence)
    return widen(article, start, end)


# -- finding I / C / O in the evidence ------------------------------------------------------------------
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'+-]*")
_CORE_CUT = re.compile(r"\s*(?:[,;(\[]|\b(?:for|in|at|with|every|during|after|before|once|twice|given|"
                       r"administered|received|receiving|who|which|that|was|were|plus)\b)", re.IGNORECASE)


def _phrase_words(phrase: str, core_only: bool = True) -> set[str]:
    """The words that name a prompt's I, C or O: for I and C the phrase up to its first comma, bracket
    or qualifying word ("morphine (0.1 mg/kg) injected via ..." -> morphine), for O the whole phrase
    outside brackets; plus bracketed abbreviations."""
    phrase = re.sub(r"&(?:amp;)*nbsp;|&amp;", " ", phrase).strip()
    core = _CORE_CUT.split(phrase, maxsplit=1)[0] if core_only else re.sub(r"\([^)]*\)", " ", phrase)
    found = set(content_words(core)) or set(content_words(re.sub(r"\([^)]*\)", " ", phrase)))
    found |= {w.lower() for w in re.findall(r"\(([A-Za-z][A-Za-z0-9-]{1,9})\)", phrase)}
    return {w for w in found if len(w) > 2 or w.isupper()}


def find_mentions(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Character spans of ``text`` made of runs of tokens that stem-match ``words`` (a single
    function word may sit inside a run: "length of stay")."""
    if not words:
        return []
    toks = [(m.start(), m.end(), singular(m.group(0).lower())) for m in _TOKEN.finditer(text)]
    hits = [w not in STOPWORDS and any(same_stem(w, x) for x in words) for *_, w in toks]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if not hits[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(toks) and (hits[j + 1] or (j + 2 < len(toks) and hits[j + 2]
                                                      and toks[j + 1][2] in ("of", "and", "in", "the", "to"))):
            j += 1
        spans.append((toks[k][0], toks[j][1]))
        k = j + 1
    return spans


def _role_spans(ex: EIExample, text: str) -> list[tuple[int, int, str]]:
    iw, cw, ow = _phrase_words(ex.intervention), _phrase_words(ex.comparator), _phrase_words(ex.outcome, False)
    roles = (("INTERVENTION", iw - cw), ("COMPARATOR", cw - iw), ("OUTCOME", ow - iw - cw))
    spans: list[tuple[int, int, str]] = []
    for label, words in roles:
        for a, b in find_mentions(text, words):
            if not any(a < y and x < b for x, y, _ in spans):
                spans.append((a, b, label))
    return sorted(spans)


_RESULT_WORD = re.compile(r"significan|differ|similar|compar|increas|decreas|reduc|higher|lower|greater|fewer|"
                          r"improv|more|less|P\s*[<=>]", re.IGNORECASE)


def evidence_sentence(ex: EIExample) -> str:
    """The sentence of the evidence the pipeline would make the claim of: the one naming most of the
    prompt's roles (then one with a result word; then the last)."""
    parts = [p.strip() for p in _SENT_END.split(ex.text) if p and p.strip()]
    if len(parts) < 2:
        return ex.text

    def rank(k_part):
        k, part = k_part
        roles = {lab for *_, lab in _role_spans(ex, part)}
        return len(roles), bool(_RESULT_WORD.search(part)), k

    return max(enumerate(parts), key=rank)[1]


def example_record(ex: EIExample, measures: Sequence[Measure] | None = None) -> Record:
    """A one-sentence Record of the evidence sentence with the prompt's I/C/O as entities."""
    text = evidence_sentence(ex)
    entities = [Entity(id=f"E{k}", label=lab, start=a, end=b, text=text[a:b])
                for k, (a, b, lab) in enumerate(_role_spans(ex, text), start=1)]
    if measures is None:
        measures = _parse(text)
    return Record(id=f"ei-{ex.prompt_id}", text=text, sentences=[Sentence(start=0, end=len(text))],
                  entities=entities, measures=list(measures))


def _parse(text: str) -> list[Measure]:
    try:
        from ..annotate.measures import parse_measures
    except ImportError:  # pragma: no cover - the measure parser is part of the package
        return []
    return [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(text), start=1)]


# -- scoring ---------------------------------------------------------------------------------------------
def score(gold: Sequence[str], pred: Sequence[str | None], task: str = "direction") -> EvalReport:
    rows = []
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        rows.append({"name": label, **prf(tp, fp, fn), "support": tp + fn})
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n if n else 0.0
    summary = {"accuracy": round(acc, 4), "macro_f1": round(sum(r["f1"] for r in rows) / len(rows), 4), "n": n,
               "undecided": sum(1 for p in pred if p is None)}
    return EvalReport(task=task, rows=rows, summary=summary)


def predict(examples: Sequence[EIExample], model: Any = None) -> list[str | None]:
    """The pipeline's comparison decision for each example (``model``: direction model dir, ``"cues"``,
    or None for the shipped model)."""
    from ..assemble.claims import ClaimAssembler

    assembler = ClaimAssembler(model)
    return [assembler.compare(example_record(ex)).direction for ex in examples]


def _resolve_model(model: Any) -> Any:
    """``--model`` of ``claimex evaluate`` names the pipeline model; for this task a directory holding a
    text classifier (or ``cues``) is used as the direction model, anything else means the shipped one."""
    if model in (None, "cues", "rules"):
        return "cues" if model in ("cues", "rules") else None
    path = Path(str(model))
    if (path / "config.cfg").exists() and "textcat" in path.joinpath("config.cfg").read_text(encoding="utf-8"):
        return path
    return None


def evaluate(gold: Path | None = None, pred: Path | None = None, model: Any = None,
             limit: int | None = None, split: str = "validation", ablation: bool = True, **_: Any) -> EvalReport:
    """Accuracy and per-class F1 of the direction decision on EI prompts with in-abstract evidence.
    ``pred``: optional JSONL of ``{"prompt_id", "label"}`` to score instead of running the pipeline."""
    examples = load_examples(gold, split=split, unit="prompt", in_abstract=True)
    if limit:
        examples = examples[:limit]
    gold_labels = [ex.label for ex in examples]
    if pred is not None:
        with open(pred, encoding="utf-8") as fh:
            given = {int(r["prompt_id"]): LABEL_MAP.get(r["label"], r["label"]) for r in map(json.loads, fh)
                     if str(r).strip()}
        report = score(gold_labels, [given.get(ex.prompt_id) for ex in examples])
        report.notes.append(f"predictions from {pred}")
        return report
    resolved = _resolve_model(model)
    report = score(gold_labels, predict(examples, resolved))
    from ..assemble.claims.direction import default_model_path, load_model

    used = "cue words only" if resolved == "cues" else (
        str(resolved or default_model_path()) if load_model(resolved) is not None else "cue words (no model found)")
    report.notes.append(f"Evidence Inference 2.0 {split} split, prompts with in-abstract evidence, majority label "
                        f"(ties skipped); direction model: {used}")
    report.summary["label_counts"] = dict(Counter(gold_labels))
    if ablation and resolved != "cues" and load_model(resolved) is not None:
        report.sections["rules only"] = score(gold_labels, predict(examples, "cues"),
                                              task="direction (rules only, no model)")
    return report


def iter_training_texts(split: str = "train", in_abstract: bool | None = None) -> Iterator[tuple[str, str, int]]:
    """(classifier input, label, prompt id) for training: every distinct evidence sentence of ``split``
    (abstract and body), I/C/O marked as in the pipeline; invalid and *Incorrect* prompts dropped."""
    from ..assemble.claims import ClaimAssembler

    assembler = ClaimAssembler("cues")
    for ex in load_examples(split=split, unit="annotation", in_abstract=in_abstract, drop_incorrect=True):
        yield assembler.classifier_input(example_record(ex)), ex.label, ex.prompt_id
