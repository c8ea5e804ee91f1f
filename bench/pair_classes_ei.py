"""``bench/pair_classes.py``'s slot classes on Evidence Inference *train* prompts (no findings-gold article; issue
10, session 23, docs/claims-rounds.md section 37.1): the matched claims whose two arm slots both miss the prompt's arms.

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make   # extract the abstracts once
    python bench/pair_classes_ei.py --records /tmp/ei_train.jsonl             # reassemble claims, count
    python bench/pair_classes_ei.py --records /tmp/ei_train.jsonl --show CLASS [--limit N]   # read a class

Per prompt (``load_prompts(split="train")``) the claim that reports it (``prompt_claims``), read in the orientation
its intervention gives (an intervention naming the prompt's comparator is read with the arms swapped, so a swap is
no error here): ``both right`` / ``intervention only wrong`` / ``comparator only wrong`` / ``both wrong``, and each
both-wrong claim's slots in :func:`pair_classes.slot_class` (the scorer's ``entity_names`` against the prompt's arm
texts with the record's abbreviations, ``arm_aliases``). EI train is free to read.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
from collections import Counter
from pathlib import Path

from ei_train import oriented_claims  # bench/ei_train.py
from pair_classes import slot_class  # bench/pair_classes.py

from claimex.evaluate.findings_match import entity_names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--show", help="print the prompts of both-wrong classes containing this")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    counts: Counter = Counter()
    shown: Counter = Counter()
    for o in oriented_claims(args.records):
        p, rec, claim, got_i, got_c, i_arm, c_arm = o.prompt, o.record, o.claim, o.got_i, o.got_c, o.i_arm, o.c_arm
        counts["prompts matched"] += 1
        ok_i = bool(got_i) and all(entity_names(e, i_arm, c_arm) for e in got_i)
        ok_c = bool(got_c) and all(entity_names(e, c_arm, i_arm) for e in got_c)
        if ok_i and ok_c:
            counts["both right"] += 1
            continue
        if ok_i or ok_c:
            counts["comparator only wrong" if ok_i else "intervention only wrong"] += 1
            continue
        sent = rec.sentences[claim.sentence]
        where = (sent.start, sent.end)
        cls = f"both wrong: I {slot_class(got_i, i_arm, c_arm, where)} | C {slot_class(got_c, c_arm, i_arm, where)}"
        counts["both wrong"] += 1
        counts[cls] += 1
        if args.show and args.show in cls and shown[cls] < args.limit:
            shown[cls] += 1
            print(f"--- {p.pmcid} prompt {p.prompt_id} [{cls}] I={p.intervention!r} C={p.comparator!r} | claim "
                  f"I={[e.text for e in got_i]} C={[e.text for e in got_c]} {claim.direction}")
            print("   ", " ".join(rec.text[sent.start:sent.end].split())[:400])
    for key, n in sorted(counts.items()):
        print(f"{n:5d}  {key}")


if __name__ == "__main__":
    main()
