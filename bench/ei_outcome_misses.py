"""Evidence Inference *train* prompts whose outcome no claim of the evidence sentence names (free to read;
docs/claims-rounds.md 34.5, s20-found): the outcome-miss check outside the findings gold.

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make     # extract the abstracts once
    python bench/ei_outcome_misses.py --records /tmp/ei_train.jsonl             # counts by why and by shape
    python bench/ei_outcome_misses.py --records /tmp/ei_train.jsonl --show all    # read the rows
    python bench/ei_outcome_misses.py --records A.jsonl --against B.jsonl       # prompts found in one run only

(run from ``bench/``). Per prompt (``load_prompts(split="train")``) not matched by
:func:`claimex.evaluate.prompts.match_claim`: why (no claim in the evidence sentence / outcome not among the claim's
outcomes); ``--show`` prints the prompt outcome, the OUTCOME entities of its first evidence sentence and the sentence.
With ``--against``: the prompts found in one run of the two only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from claimex.evaluate.prompts import load_prompts, match_claim
from claimex.write import read_records


def _sentence(record, start: int) -> tuple[int, int] | None:
    for s in record.sentences:
        if s.start <= start < s.end:
            return s.start, s.end
    return None


def _outcomes(record, span: tuple[int, int]) -> list[str]:
    return [e.text for e in record.entities if e.label == "OUTCOME" and span[0] <= e.start < span[1]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--against", type=Path, help="a second run: print the prompts found in one run only")
    ap.add_argument("--show", help="print the rows whose class contains this ('all': every row)")
    args = ap.parse_args()
    recs = {str(r.id): r for r in read_records(args.records)}
    other = {str(r.id): r for r in read_records(args.against)} if args.against else None
    counts: Counter = Counter()
    n = 0
    for p in load_prompts(split="train"):
        rec = recs.get(p.pmcid)
        if rec is None:
            continue
        n += 1
        claim, why = match_claim(p, rec)
        if other is not None:
            found_b = match_claim(p, other[p.pmcid])[0] is not None if p.pmcid in other else False
            if (claim is not None) != found_b:
                cls = "found in B only" if found_b else "found in A only"
                counts[cls] += 1
                span = _sentence(rec, p.evidence[0][0])
                print(cls, "|", p.outcome, "||", " ".join(rec.text[slice(*span)].split()) if span else "")
            continue
        if claim is not None:
            continue
        span = _sentence(rec, p.evidence[0][0])
        cls = why or "?"
        counts[cls] += 1
        if args.show and (args.show == "all" or args.show in cls):
            text = " ".join(rec.text[slice(*span)].split()) if span else ""
            print(cls, "|", p.outcome, "|| O:", _outcomes(rec, span) if span else [], "||", text)
    print(f"prompts {n}")
    for cls, k in counts.most_common():
        print(f"{k:4d}  {cls}")


if __name__ == "__main__":
    main()
