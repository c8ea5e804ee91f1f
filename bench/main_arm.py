"""Which arm an abstract takes as its main (experimental) one, against the gold (issue 10, session 12; counts only
by default).

    OPENBLAS_NUM_THREADS=1 python bench/main_arm.py --skip-ids /work/wt/notes/s12/ids/notopen.txt   # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/main_arm.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

Per abstract: the gold's experimental arm is the intervention most of its compared findings (a comparator given)
name, the gold's control their most common comparator. The claims' main arm is what the assembly's
:class:`InterventionContext` holds at the end (its main interventions' latest mentions, else what it carries). Classes:
``main right`` (names the gold experimental arm), ``main is gold control`` (the arms swapped at abstract level),
``main is a part`` (a mention whose words lie inside the gold arm's: "doxorubicin" of "doxorubicin and
cyclophosphamide"), ``main other``, ``no main``; each cut by the found findings' intervention right / wrong in the
abstract. ``--examples`` prints the title, the gold arms and the main (OPEN only: never on BLIND or the report half).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import claimex.assemble.claims as claims_pkg
from claimex.corpora.findings import load_gold, read_keys
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names, judge

_SEEN: list = []


_BY_RECORD: dict[str, object] = {}


class _Recorded(claims_pkg.InterventionContext):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _SEEN.append(self)


def _recording(call):
    def wrapped(self, record):
        at = len(_SEEN)
        out = call(self, record)
        _BY_RECORD[record.id] = _SEEN[at]  # the record's own context: the first one made in the call
        return out
    return wrapped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", help="print abstracts of classes containing this (OPEN only)")
    args = ap.parse_args()
    if args.examples and not args.skip_ids:
        raise SystemExit("--examples only with --skip-ids (OPEN)")
    claims_pkg.InterventionContext = _Recorded
    claims_pkg.ClaimAssembler.__call__ = _recording(claims_pkg.ClaimAssembler.__call__)
    golds = [g for g in load_gold(None, errors=[]) if g.split == "tune"]
    if args.ids:
        keep = read_keys(args.ids)
        golds = [g for g in golds if g.key in keep]
    if args.skip_ids:
        drop = read_keys(args.skip_ids)
        golds = [g for g in golds if g.key not in drop]
    counts: Counter = Counter()
    contexts: dict[str, object] = {}
    records = []
    for g, record, text in _predict(golds, None, None, []):
        contexts[g.key] = _BY_RECORD[record.id]
        records.append((g, record, text))
    for g, record, text in records:
        ctx = contexts[g.key]
        compared = [f for f in g.findings if f.comparator]
        if not compared:
            counts["abstracts without compared findings"] += 1
            continue
        gi = Counter(" ".join(f.intervention.text.split()) for f in compared).most_common(1)[0][0]
        gc = Counter(" ".join(f.comparator.text.split()) for f in compared).most_common(1)[0][0]
        fi = next(f for f in compared if " ".join(f.intervention.text.split()) == gi)
        fc = next(f for f in compared if " ".join(f.comparator.text.split()) == gc)
        i_arm, c_arm = arm_aliases(fi.intervention, record), arm_aliases(fc.comparator, record)
        mains = ctx.main_mentions() or ctx.carried()
        main = mains[0] if mains else None
        if main is None:
            cls = "no main"
        elif entity_names(main, i_arm, c_arm):
            cls = "main right"
        elif entity_names(main, c_arm, i_arm):
            cls = "main is gold control"
        elif content_words(main.expanded or main.text) and any(
                content_words(main.expanded or main.text) < a for a in i_arm):
            cls = "main is a part"
        else:
            cls = "main other"
        flipped = [c for c in ctx.comparators if entity_names(c, i_arm, c_arm)]
        if flipped:
            counts[f"gold experimental arm among the design's comparators ({cls}): abstracts"] += 1
            if args.examples == "flipped":
                print(f"FLIPPED {g.key} [{cls}] gold I {gi!r} C {gc!r} | main {main.text if main else None!r} | "
                      f"comparators {[c.text for c in ctx.comparators]}")
        right = wrong = 0
        for f in g.findings:
            j = judge(f, record, text)
            if j.found:
                right += j.fields.get("intervention", False)
                wrong += not j.fields.get("intervention", False)
        counts[f"{cls}: abstracts"] += 1
        counts[f"{cls}: findings intervention right"] += right
        counts[f"{cls}: findings intervention wrong"] += wrong
        if args.examples and args.examples in cls:
            t = record.sentences[0]
            print(f"{g.key} [{cls}] I right {right} wrong {wrong}\n  title: {' '.join(text[t.start:t.end].split())}"
                  f"\n  gold I {gi!r} C {gc!r} | main {main.text if main else None!r} carried "
                  f"{[e.text for e in ctx.carried()]} comparator "
                  f"{ctx.named_comparator().text if ctx.named_comparator() else None!r}")
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
