"""How the gold reads a tagged two-item OUTCOME pair ``A and/or B``, by the reason the list splitter splits it or not.

    python bench/pair_readings.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/pair_readings.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all  # OPEN

(run from ``bench/``). Per tagged OUTCOME span of a gold finding's sentence (``doc.spans["pico"]``) with one
top-level and/or and no top-level comma, the reason :func:`claimex.annotate.outcome_lists._pair_splits` gives
(``split``; kept whole: ``short`` under 4 words, ``adjective`` / ``-ing`` left item ending on a modifier-like word,
``measure`` a one-word measure noun on the left, ``prep`` a one-word right item after a prepositional left one,
``of-right`` a short left item before a right one with "of") against what the gold findings of that sentence
whose outcome overlaps the span write: ``whole`` (a gold outcome with tokens on both sides of the and/or), ``item``
(gold outcomes on one side only), ``none``.
"""

from __future__ import annotations

from collections import Counter

from judged import print_counts, tune_options

from claimex.annotate.outcome_lists import MEASURE_NOUNS, Tokens, _pair_splits, separators
from claimex.annotate.tagger.words import adjective_like
from claimex.corpora.findings import load_document
from claimex.extractor import Extractor


def reason(t: Tokens, start: int, conj: int, end: int) -> str:
    """Why ``_pair_splits`` splits the pair or keeps it whole (its tests in its order)."""
    if _pair_splits(t, start, conj, end):
        return "split"
    left = [j for j in range(start, conj) if t.wordish(j)]
    right = [j for j in range(conj + 1, end) if t.wordish(j)]
    if not left or not right or len(left) + len(right) < 4:
        return "short"
    last = t.text[conj - 1]
    if adjective_like(last, last.lower()):
        return "adjective"
    if last.lower().endswith("ing"):
        return "-ing"
    if len(left) == 1 and t.lower[left[0]] in MEASURE_NOUNS:
        return "measure"
    if len(right) == 1 and {t.lower[j] for j in range(start, conj)} & {"of", "in", "at", "on"}:
        return "prep"
    return "of-right"


def pair_conj(t: Tokens, start: int, end: int) -> int | None:
    """The one conjunction of a two-item span ("A and B": no comma, one conjunction outside brackets), else None."""
    commas, conjs = separators(t, start, end)
    return conjs[0] if not commas and len(conjs) == 1 else None


def main() -> None:
    args, golds = tune_options(__doc__, "print rows whose class contains this (OPEN only; 'all' for every row)")
    extractor = Extractor.load(None)
    counts: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        doc = extractor.nlp(document.text)
        t = Tokens(doc)
        sentences = {f.sentence for f in g.findings}
        for span in doc.spans["pico"]:
            if span.label_ != "OUTCOME":
                continue
            if not any(a <= span.start_char < b for a, b in sentences):
                continue
            conj = pair_conj(t, span.start, span.end)
            if conj is None:
                continue
            mid = doc[conj].idx
            golds_here = {(f.outcome.start, f.outcome.end, f.outcome.text) for f in g.findings
                          if f.outcome.start < span.end_char and span.start_char < f.outcome.end}
            if not golds_here:
                reading = "none"
            elif any(a < mid < b for a, b, _ in golds_here):
                reading = "whole"
            else:
                reading = "item"
            cls = (reason(t, span.start, conj, span.end), reading)
            counts[cls] += 1
            if args.examples is not None and (args.examples == "all" or args.examples in " | ".join(cls)):
                print(f"{' | '.join(cls)} || {span.text} || gold: {sorted(x[2] for x in golds_here)}")
    print_counts(counts)


if __name__ == "__main__":
    main()
