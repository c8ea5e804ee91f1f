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
shapes of :func:`direction_shapes._shapes`. Counts only unless ``--examples`` (OPEN).
"""

from __future__ import annotations

import re
from collections import Counter

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
    dp._install()
    kinds: Counter = Counter()
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
    print("\nby kind and shape")
    for (k, s), n in sorted(shapes.items(), key=lambda kv: (kv[0][0], -kv[1])):
        if n >= 2:
            print(f"  {n:4d}  {k:14s} {s}")


if __name__ == "__main__":
    main()
