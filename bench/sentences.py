"""Sentence splitting: claimex_sentences vs scispaCy's pysbd_sentencizer, accuracy and speed.

Gold: EvidenceOutcomes abstracts (one sentence per line, sections separated by blank lines).
Each abstract is re-joined into running text (sentences of a section joined by one space,
sections by a newline) and both splitters must recover the line starts.

    python bench/sentences.py [--limit N] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import time

import spacy

from claimex import paths
from claimex.annotate import tokenizer  # noqa: F401  registers claimex.SciTokenizer.v1
from claimex.annotate.sentences import heading_label, split_sentences


def load_gold(limit: int | None):
    docs = []
    with open(paths.corpus_path("evidence-outcomes", "evidence_outcomes.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            parts, starts, pos = [], set(), 0
            for block in rec["text"].split("\n\n"):
                sents = [s.strip() for s in block.split("\n") if s.strip()]
                for k, s in enumerate(sents):
                    if parts or k:
                        sep = " " if k else "\n"
                        parts.append(sep)
                        pos += 1
                    starts.add(pos)
                    parts.append(s)
                    pos += len(s)
            docs.append(("".join(parts), starts))
            if limit and len(docs) >= limit:
                break
    return docs


def score(pred: list[set[int]], gold: list[set[int]]) -> dict:
    tp = sum(len(p & g) for p, g in zip(pred, gold))
    fp = sum(len(p - g) for p, g in zip(pred, gold))
    fn = sum(len(g - p) for p, g in zip(pred, gold))
    prec, rec = tp / (tp + fp), tp / (tp + fn)
    exact = sum(p == g for p, g in zip(pred, gold)) / len(gold)
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(2 * prec * rec / (prec + rec), 4),
            "docs_all_correct": round(exact, 4)}


def starts_of(doc) -> set[int]:
    """Sentence starts; a heading sentence ("BACKGROUND :") and the sentence it heads count as one, as in the
    gold (claimex splits headings off on purpose: they become the section, see claimex.annotate.sentences)."""
    out, headed = set(), False
    for s in doc.sents:
        if not s.text.strip():
            continue
        if not headed:
            out.add(s.start_char + (len(s.text) - len(s.text.lstrip())))
        headed = heading_label(s.text) is not None
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out")
    args = ap.parse_args()
    gold = load_gold(args.limit)
    texts = [t for t, _ in gold]
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})
    t0 = time.perf_counter()
    tokenized = [nlp.make_doc(t) for t in texts]
    t_tok = time.perf_counter() - t0
    results = {"docs": len(texts), "tokenizer_docs_per_s": round(len(texts) / t_tok, 1)}
    t0 = time.perf_counter()
    ours = [split_sentences(d) for d in tokenized]
    t_ours = time.perf_counter() - t0
    results["claimex_sentences"] = {**score([starts_of(d) for d in ours], [g for _, g in gold]),
                                    "ms_per_doc": round(1000 * t_ours / len(texts), 3)}
    from scispacy.custom_sentence_segmenter import pysbd_sentencizer

    tokenized = [nlp.make_doc(t) for t in texts]
    t0 = time.perf_counter()
    theirs = [pysbd_sentencizer(d) for d in tokenized]
    t_pysbd = time.perf_counter() - t0
    results["pysbd_sentencizer"] = {**score([starts_of(d) for d in theirs], [g for _, g in gold]),
                                    "ms_per_doc": round(1000 * t_pysbd / len(texts), 3)}
    print(json.dumps(results, indent=2))
    if args.out:
        with open(args.out, "w") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
