"""What the findings scorer's outcome errors look like next to the tagger's spans (counts only by default).

    python bench/outcome_shapes.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/outcome_shapes.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all  # OPEN

(run from ``bench/``). Per gold finding whose outcome is a problem - not found with an "outcome not covered" or
"no claim in sentence" error and no claims-layer OUTCOME entity covering half its tokens, or found with "outcome
truncated" / "outcome too long" - the best claims-layer OUTCOME entity of the sentence (most gold tokens) is set
against the gold outcome:

* **missing tokens** (not covered, truncated): on which side of the entity the gold tokens it misses lie (``left`` /
  ``right`` / ``both`` / ``no OUTCOME``), the word at the boundary (for ``right`` the first missed word after the
  entity, for ``left`` the last missed word before it; a linking word - of, in, for, ... - is named, other words
  are ``word``), and who holds the missed tokens: ``untagged``, another ``OUTCOME`` entity (the outcome split in
  two), or an arm / population label (``INTERVENTION``, ``POPULATION``, ``COMPARATOR``);
* **extra tokens** (too long): the side, and the first extra word past the gold outcome (linking word,
  ``bracket``, ``result`` word, ``number``, or ``word``);
* **tagger's probability** on the missed tokens (the OUTCOME head of ``claimex_pico``, max over them): ``p<.15``,
  ``p .15-.3``, ``p>=.3`` (the main decode's hysteresis floor is 0.3, the weak decode's 0.15).

``--examples CLASS`` prints the gold outcome, the entity and the sentence of the rows whose class contains CLASS
(``all``: every row); only with ``--skip-ids`` (OPEN), never on BLIND or on the report half.
"""

from __future__ import annotations

from collections import Counter

import numpy
from judged import tune_options

from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import _overlaps, covered, judge, tokens
from claimex.extractor import Extractor, record_of

LINKS = frozenset(["of", "in", "for", "at", "to", "with", "on", "from", "after", "during", "between", "among", "by",
                   "over", "within", "and", "or", "the", "a", "an", "per", "than", "related", "regarding"])
RESULT = frozenset(["significantly", "significant", "improved", "increased", "decreased", "reduced", "reduction",
                    "increase", "decrease", "improvement", "higher", "lower", "greater", "better", "worse", "change",
                    "changes", "mild", "moderate", "severe", "total", "mean", "median", "overall"])


def _word(text: str, tok: tuple[int, int]) -> str:
    w = text[tok[0]:tok[1]]
    low = w.lower()
    if low in LINKS:
        return low
    if low in RESULT:
        return "result"
    if w.isdigit():
        return "number"
    return "word"


def _holders(toks, ents, text) -> str:
    labels = set()
    for t in toks:
        held = [e.label for e in ents if covered(t, e.start, e.end)]
        labels.add(held[0] if held else "untagged")
    return "/".join(sorted(labels))


def _prob_band(doc, probs, heads, toks) -> str:
    if probs is None or "OUTCOME" not in heads:
        return "p ?"
    col = heads.index("OUTCOME")
    best = 0.0
    for a, b in toks:
        for tk in doc.char_span(a, b, alignment_mode="expand") or []:
            best = max(best, float(probs[tk.i, col]))
    return "p<.15" if best < 0.15 else "p .15-.3" if best < 0.3 else "p>=.3"


def _pair(entity) -> str:
    """For an entity that holds a coordination: its words left / right of the first and/or, and whether it has a
    comma (a list of three or more)."""
    words = entity.text.replace(",", " , ").split()
    conj = [k for k, w in enumerate(words) if w.lower() in ("and", "or", "and/or")]
    if not conj:
        return ""
    k = conj[0]
    left = [w for w in words[:k] if w != ","]
    right = [w for w in words[k + 1:] if w != ","]
    return f" | pair {min(len(left), 3)}+{min(len(right), 3)}{' list' if ',' in words else ''}"


def _layer(doc, entity, gold=None) -> str:
    """Where the claims-layer entity comes from: ``tagged as is`` (a span of the tagger's PICO layer), ``cut from
    a tagged span`` (the claims rules split or trimmed a longer tagged span; ``... that covers the gold`` when
    that span held every gold token), or ``made by the claims rules``."""
    spans = [s for s in doc.spans["pico"] if s.label_ == "OUTCOME"]
    chars = [(s.start_char, s.end_char) for s in spans]
    if (entity.start, entity.end) in chars:
        return "tagged as is"
    wider = [c for c in chars if c[0] <= entity.start and entity.end <= c[1]]
    if wider:
        whole = gold is not None and any(a <= gold.start and gold.end <= b for a, b in wider)
        return "cut from a tagged span" + (" that covers the gold" if whole else "")
    return "made by the claims rules"


def shape(finding, j, record, text, doc, probs, heads) -> str | None:
    """The row's class (module doc), or None when the finding's outcome is no problem."""
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    outs = [e for e in record.entities if e.label == "OUTCOME" and _overlaps((e.start, e.end), finding.sentence)]
    others = [e for e in record.entities if e.label != "OUTCOME" and _overlaps((e.start, e.end), finding.sentence)]
    best = max(outs, key=lambda e: (sum(covered(t, e.start, e.end) for t in gold),
                                     -sum(1 for t in tokens(text, e.start, e.end)
                                          if not covered(t, finding.outcome.start, finding.outcome.end))),
               default=None)
    hit = sum(covered(t, best.start, best.end) for t in gold) if best else 0
    if not j.found:
        if j.errors[0] not in ("outcome not covered", "no claim in sentence") or 2 * hit >= len(gold):
            return None
        status = "not covered" if j.errors[0] == "outcome not covered" else "no claim"
    elif "outcome truncated" in j.errors:
        status = "truncated"
    elif "outcome too long" in j.errors:
        status = "too long"
    else:
        return None
    if status == "too long":
        etoks = tokens(text, best.start, best.end)
        left = [t for t in etoks if t[1] <= finding.outcome.start]
        right = [t for t in etoks if t[0] >= finding.outcome.end]
        side = "left" if left and not right else "right" if right and not left else "both"
        first = right[0] if right else left[-1]
        return f"too long | {side} | extra starts at {_word(text, first)} | {_layer(doc, best)}{_pair(best)}"
    if not hit:
        missed = gold
        holder = _holders(missed, outs + others, text)
        return f"{status} | no OUTCOME over it | held by {holder} | {_prob_band(doc, probs, heads, missed)}"
    missed = [t for t in gold if not covered(t, best.start, best.end)]
    left = [t for t in missed if t[1] <= best.start]
    right = [t for t in missed if t[0] >= best.end]
    side = "both" if left and right else "left" if left else "right"
    edge = right[0] if side == "right" else left[-1]
    holder = _holders(missed, [e for e in outs if e is not best] + others, text)
    return (f"{status} | {side} | at {_word(text, edge)} | held by {holder} | "
            f"{_prob_band(doc, probs, heads, missed)} | {_layer(doc, best, finding.outcome)}")


def main() -> None:
    args, golds = tune_options(__doc__, "print rows whose class contains this (OPEN only; 'all' for every row)")
    extractor = Extractor.load(None)
    tagger = extractor.nlp.get_pipe("claimex_pico")
    counts: Counter = Counter()
    total = 0
    for g in golds:
        document = load_document(g.source, g.id)
        doc = extractor.nlp(document.text)
        probs = tagger.predict([doc])[0]
        record = record_of(doc, document)
        text = document.text
        for finding in g.findings:
            total += 1
            j = judge(finding, record, text)
            cls = shape(finding, j, record, text, doc, probs, tagger.heads)
            if cls is None:
                continue
            counts[cls] += 1
            if args.examples is not None and (args.examples == "all" or args.examples in cls):
                sentence = " ".join(text[slice(*finding.sentence)].split())
                ents = [e.text for e in record.entities if e.label == "OUTCOME"
                        and _overlaps((e.start, e.end), finding.sentence)]
                print(f"{cls} || gold: {finding.outcome.text} || OUTCOME: {ents} || {g.key} || {sentence}")
    print(f"gold findings {total}, rows {sum(counts.values())}")
    groups: Counter = Counter()
    for cls, n in counts.items():
        groups[" | ".join(cls.split(" | ")[:2])] += n
    for cls, n in groups.most_common():
        print(f"{n:4d}  {cls}")
    print()
    for cls, n in counts.most_common():
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    numpy.seterr(all="ignore")
    main()
