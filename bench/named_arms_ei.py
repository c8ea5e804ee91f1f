"""``bench/named_arms.py``'s count on Evidence Inference *train* prompts (no findings-gold article; issue 10,
session 18): does the evidence sentence name the prompt's arm in words the tagger did not tag?

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make   # extract the abstracts once
    python bench/named_arms_ei.py --records /tmp/ei_train.jsonl               # reassemble claims, count
    python bench/named_arms_ei.py --records /tmp/ei_train.jsonl --show ROW    # read the prompts of rows holding ROW

Per prompt (``load_prompts(split="train")``) the claim that reports it (``match_claim``), read in the orientation its
intervention gives (an intervention naming the prompt's comparator is read with the arms swapped). For each role the
claim does not name (the scorer's ``entity_names`` with the prompt's arm texts as the gold arms; a comparator the claim
leaves empty counts as missing): where an I/C entity naming the prompt's arm is tagged and how the sentence names it
(:func:`named_arms.named_kind`), and whether the sentence's arms (``arms_of``) hold it and where it went
(:func:`named_arms.lost_where`). EI train is free to read.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
from collections import Counter
from pathlib import Path

from ei_train import oriented_claims  # bench/ei_train.py
from judged import record_contexts  # bench/judged.py
from named_arms import ARMS, arms_spy, lost_where, named_kind  # bench/named_arms.py

from claimex.evaluate.findings_match import _overlaps, entity_names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--show", help="print the prompts of rows containing this")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    contexts = record_contexts()
    sentence_arms = arms_spy()
    counts: Counter = Counter()
    shown: Counter = Counter()
    for o in oriented_claims(args.records):
        p, rec, claim, got_i, got_c, i_arm, c_arm = o.prompt, o.record, o.claim, o.got_i, o.got_c, o.i_arm, o.c_arm
        counts["prompts matched"] += 1
        if o.swapped:
            counts["read swapped"] += 1
        s = rec.sentences[claim.sentence]
        sentence = (s.start, s.end)
        for role, arm, other, got in (("intervention", i_arm, c_arm, got_i), ("comparator", c_arm, i_arm, got_c)):
            if got and all(entity_names(e, arm, other) for e in got):
                continue
            state = "missing" if not got else "wrong"
            tagged = [e for e in rec.entities if e.label in ARMS and entity_names(e, arm, other)]
            where = ("in sentence" if any(_overlaps((e.start, e.end), sentence) for e in tagged)
                     else "elsewhere only" if tagged else "nowhere")
            row = f"{role} {state}: gold tagged {where}"
            if where == "elsewhere only":
                kind = named_kind(rec, rec.text, sentence, arm, other, contexts.get(rec.id))
                row += ", named by " + kind
                held = [a for a in sentence_arms.get((s.start, rec.text[s.start:s.end]), [])
                        if a.entity is not None and entity_names(a.entity, arm, other)]
                if kind != "none":
                    counts[f"{role} {state}: named, the sentence's arms {'hold' if held else 'lack'} the gold arm"] += 1
                if kind != "none" and held:
                    row += ", held as " + lost_where(held, claim, contexts.get(rec.id))
            counts[f"{role} {state}"] += 1
            counts[row] += 1
            if args.show and args.show in row and shown[row] < args.limit:
                shown[row] += 1
                print(f"{p.pmcid} [{row}] prompt I {p.intervention!r} C {p.comparator!r} | claim "
                      f"{[e.text for e in got]}\n  S: {' '.join(rec.text[s.start:s.end].split())[:300]}")
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
