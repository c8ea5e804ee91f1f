"""Found findings that the direction alone (or the direction and the significance) keeps from being fully right,
counted by the gold direction against the claim's, by the component that decided and by sentence shape (issue 10,
session 22).

    OPENBLAS_NUM_THREADS=1 python bench/dir_only.py --ids models/claimex-confidence/calibration_ids.txt       # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/dir_only.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    ... --skip-ids ... --examples 'RE'    # OPEN only: the sentences of the cell's findings whose line matches RE

The cell: a found gold finding whose intervention, comparator, outcome and numbers are right and whose direction is
wrong (``dir`` when the significance is right, ``dir+sig`` when it is wrong too). Per finding: the kind of error -
``sign swapped`` (increase <-> decrease), ``diff->none`` (gold a sign, claim no difference), ``none->diff``,
``pos/neg`` (a single-arm finding's positive <-> negative), ``cmp<->single`` (a comparison direction where the gold
is single-arm, or the other way), ``missing`` -, the decision path of :mod:`direction_paths` (the rule step and its
source, ``cmp:model`` for the classifier alone, ``post`` for a direction set after ``decide``) and the sentence
shapes of :func:`direction_shapes._shapes`; for a comparison decision also how the cue word made its sign
(:func:`direction_arbiter.cue_kind`: a change word, a valence word, flipped for a less-is-better outcome or for a cue
said of the comparator) and which other reading would have been right (the classifier's argmax, the prior, the
single-arm judgement). Counts only unless ``--examples`` (OPEN).

Session 22 (docs/claims-rounds.md section 36.5), main 0a71efe: OPEN 45 (28 direction only + 17 with the significance),
BLIND 83 (53 + 30). BLIND: sign swapped 30 (paths p-value+cues 8, words+cues 8, words+prior 6, cues 4), difference
vs no difference 28 (the classifier's no difference 8), positive / negative 18 (the observed step 9), comparison vs
single arm 7; OPEN: positive / negative 15 (the observed step 9), sign swapped 10, no difference read as a
difference 9 (one subgroup list of hazard ratios 5), a single-arm verdict with no direction 8.
"""

from __future__ import annotations

import re
from collections import Counter

import direction_arbiter as da
import direction_paths as dp
from direction_shapes import _shapes
from judged import judged, tune_options

_CMP = ("increase", "decrease", "no_difference")
_ONE = ("positive", "negative", "neutral")


def kind(gold: str | None, claim: str | None) -> str:
    """The kind of direction error, gold against claim."""
    if claim is None:
        return "missing"
    if gold in ("increase", "decrease") and claim in ("increase", "decrease"):
        return "sign swapped"
    if gold in ("increase", "decrease") and claim == "no_difference":
        return "diff->none"
    if gold == "no_difference" and claim in ("increase", "decrease"):
        return "none->diff"
    if gold in _ONE and claim in _ONE:
        return "pos/neg" if "neutral" not in (gold, claim) else "single: neutral"
    return "cmp<->single"


def cell(j) -> str | None:
    """``dir`` / ``dir+sig`` when the direction alone (with or without the significance) is wrong, else None."""
    f = j.fields
    if not all(f.get(k) for k in ("intervention", "comparator", "outcome", "numbers")) or f.get("direction"):
        return None
    return "dir" if f.get("significance") else "dir+sig"


def main() -> None:
    args, golds = tune_options(__doc__, "a regex over the finding's line (OPEN only): print those sentences")
    da._install()
    kinds: Counter = Counter()
    cue_kinds: Counter = Counter()
    others: Counter = Counter()
    paths: Counter = Counter()
    shapes: Counter = Counter()
    tuples: Counter = Counter()
    right_paths: Counter = Counter()
    total = 0
    for g, record, text, found in judged(golds):
        path_of = {c.id: dp.path_of(record.id, c) for c in record.claims}
        for finding, j, claim in found:
            path = path_of[claim.id]
            c = cell(j)
            if c is None:
                f = j.fields
                if f.get("direction") and all(f.get(k) for k in ("intervention", "comparator", "outcome")):
                    right_paths[path] += 1
                continue
            total += 1
            k = kind(finding.direction, claim.direction)
            kinds[(c, k)] += 1
            paths[(k, path)] += 1
            tup = f"{finding.direction}/{finding.significant} -> {claim.direction}/{claim.significant}"
            tuples[(c, tup)] += 1
            start = claim.start if claim.start is not None else finding.sentence[0]
            sentence = text[start:claim.end] if claim.end is not None else claim.text
            _p, info = da.info_of(record.id, claim)
            if info is not None:
                ev, probs, _d, _s, ck, prior, _rules, judged_dir = info
                cue_kinds[(k, ck or "-")] += 1
                gold = finding.direction
                argmax = max(probs, key=probs.get) if probs else None
                others[(k, "classifier argmax right" if argmax == gold else "classifier argmax wrong")] += 1
                others[(k, "prior right" if prior == gold else "prior wrong")] += 1
                others[(k, "judged right" if judged_dir == gold else "judged wrong")] += 1
            shp = _shapes(claim, record, sentence, start)
            for s in shp:
                shapes[(k, s)] += 1
            line = f"{c} | {k} | {path} | {tup}"
            if args.examples and re.search(args.examples, line):
                ents = {e.id: e.text for e in record.entities}
                print(f"{g.key} {claim.id} | {line} | I={[ents.get(i) for i in claim.intervention]} "
                      f"C={[ents.get(i) for i in claim.comparator]} O={[ents.get(i) for i in claim.outcome]} | "
                      f"{' '.join(sentence.split())}\n")
    print(f"cell findings: {total}")
    print("\nby cell and kind")
    for (c, k), n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {c:8s} {k}")
    print("\nby tuple (gold dir/sig -> claim dir/sig)")
    for (c, t), n in tuples.most_common():
        print(f"  {n:4d}  {c:8s} {t}")
    print("\nby kind and path (cell wrong; the same path's right findings with arms and outcome right)")
    for (k, p), n in sorted(paths.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {k:14s} {p}   (right elsewhere: {right_paths[p]})")
    print("\ncomparison decisions: by kind and how the cue made its sign")
    for (k, ck), n in sorted(cue_kinds.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {k:14s} {ck}")
    print("\ncomparison decisions: would another reading be right")
    for (k, o), n in sorted(others.items()):
        print(f"  {n:4d}  {k:14s} {o}")
    print("\nby kind and shape")
    for (k, s), n in sorted(shapes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        if n >= 2:
            print(f"  {n:4d}  {k:14s} {s}")


if __name__ == "__main__":
    main()
