"""Wrong-sign prompts of Evidence Inference *train* (no findings-gold article), by decision path and orientation.

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make      # extract the abstracts once
    python bench/sign_causes_ei.py --records /tmp/ei_train.jsonl [--show RE]     # reassemble claims, count

Per prompt whose matched claim (:func:`claimex.evaluate.prompts.judge`) says a comparison's sign: the prompt's
orientation (the claim's arms the prompt's way round, ``same``, or ``swapped``, or ``unknown``), the decision path
(``bench/direction_paths.py``) and right / wrong sign. ``--show RE`` prints the sentence of the wrong-sign prompts
whose "orientation | path" line matches RE (all outside the findings gold).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import re
from collections import Counter
from pathlib import Path

import direction_paths as dp  # bench/direction_paths.py

from claimex.assemble.claims import ClaimAssembler
from claimex.evaluate.prompts import judge, load_prompts, match_claim
from claimex.review.records import iter_records


def signed_prompts(records: Path):
    """``(prompt, judgement, record, claim)`` of every increase / decrease prompt of Evidence Inference train whose
    matched claim says a comparison's sign, the claims assembled anew from the records file (with
    ``direction_paths``' record id set while each record is assembled, for its path hooks)."""
    assembler = ClaimAssembler()
    by_id = {}
    for r in iter_records(records):
        dp._RECORD[0] = r.id
        r.claims = assembler(r)
        by_id[str(r.id)] = r
    for p in load_prompts(split="train"):
        rec = by_id.get(p.pmcid)
        if rec is None or p.label not in ("increase", "decrease"):
            continue
        j = judge(p, rec)
        if not j.found or j.predicted not in ("increase", "decrease"):
            continue
        claim, _ = match_claim(p, rec)
        yield p, j, rec, claim


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--show")
    args = ap.parse_args()
    dp._install()
    counts: Counter = Counter()
    for p, j, rec, claim in signed_prompts(args.records):
        path = dp.path_of(rec.id, claim)
        state = "right" if j.predicted == p.label else "wrong"
        line = f"{j.orientation} | {path}"
        counts[(line, state)] += 1
        counts[(j.orientation, state)] += 1
        if args.show and state == "wrong" and re.search(args.show, line):
            s = rec.sentences[claim.sentence]
            ents = {e.id: e.text for e in rec.entities}
            print(f"[{line}] PMC{p.pmcid} | prompt {p.intervention!r} vs {p.comparator!r} / {p.outcome!r} {p.label} | "
                  f"claim {[ents.get(i) for i in claim.intervention]} vs {[ents.get(i) for i in claim.comparator]} "
                  f"{claim.direction} | {' '.join(rec.text[s.start:s.end].split())}")
    for key in sorted({k for k, _ in counts}, key=lambda k: -(counts[(k, 'wrong')])):
        print(f"{counts[(key, 'right')]:5d} / {counts[(key, 'wrong')]:3d}  {key}")


if __name__ == "__main__":
    main()
