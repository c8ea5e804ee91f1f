"""Carried interventions against the abstract's main arm, on Evidence Inference *train* prompts (no findings-gold
article; issue 10, session 17). The outside-the-gold counterpart of ``bench/carried_main.py``.

    python bench/comparator_counts.py --records /tmp/ei_train.jsonl --make   # extract the abstracts once
    python bench/carried_ei.py --records /tmp/ei_train.jsonl                  # reassemble claims, count
    python bench/carried_ei.py --records /tmp/ei_train.jsonl --show CLASS    # read a class (EI train is free to read)

Per prompt (``load_prompts(split="train")``) the claim that reports it (``match_claim``); when the claim's
intervention is wholly carried (every entity outside its sentence), is it the prompt's intervention (``R``), its
comparator (``swapped``), or neither (``W``)? Cut by the abstract's main arm (what ``InterventionContext`` carries at
the end: names the prompt's intervention ``right`` / its comparator ``control`` / neither ``other``), and per
abstract: whether every carried prompt of an abstract with a wrong carried prompt is wrong. A prompt's intervention is
the arm the annotator asked about, mostly the experimental arm; abstracts whose prompts name different interventions
(multi-arm) are counted apart (``multi``).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from claimex.assemble.claims import ClaimAssembler, InterventionContext
from claimex.evaluate.findings_match import content_words, entity_names
from claimex.evaluate.prompts import load_prompts, match_claim
from claimex.review.records import iter_records


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, required=True)
    ap.add_argument("--show", help="print the prompts of classes containing this")
    ap.add_argument("--limit", type=int, default=30)
    args = ap.parse_args()
    import claimex.assemble.claims as pkg

    seen: list[InterventionContext] = []

    class Kept(InterventionContext):
        def __init__(self, *a, **k) -> None:
            super().__init__(*a, **k)
            seen.append(self)

    pkg.InterventionContext = Kept
    assembler = ClaimAssembler()
    by_id, ctx_of = {}, {}
    for r in iter_records(args.records):
        at = len(seen)
        r.claims = assembler(r)
        by_id[str(r.id)] = r
        ctx_of[str(r.id)] = seen[at] if len(seen) > at else None
    prompts = [p for p in load_prompts(split="train") if p.pmcid in by_id]
    arms_of: dict[str, set] = defaultdict(set)
    for p in prompts:
        arms_of[p.pmcid].add(content_words(p.intervention))
    counts: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    per_abs: dict[str, list[bool]] = defaultdict(list)
    main_cls: dict[str, str] = {}
    for p in prompts:
        rec = by_id[p.pmcid]
        claim, _why = match_claim(p, rec)
        if claim is None:
            continue
        ents = {e.id: e for e in rec.entities}
        s = rec.sentences[claim.sentence]
        got = [ents[i] for i in claim.intervention if i in ents]
        if not got or any(s.start <= e.start < s.end for e in got):
            continue
        iw, cw = content_words(p.intervention), content_words(p.comparator)
        i_arm, c_arm = [iw] if iw else [], [cw] if cw else []
        ctx = ctx_of[p.pmcid]
        mains = (ctx.carried() or ctx.main_mentions()) if ctx is not None else []
        main = mains[0] if mains else None
        mcls = "none" if main is None else "right" if entity_names(main, i_arm, c_arm) else \
            "control" if entity_names(main, c_arm, i_arm) else "other"
        multi = "multi" if len(arms_of[p.pmcid]) > 1 else "one"
        if all(entity_names(e, i_arm, c_arm) for e in got):
            cls = "R"
        elif all(entity_names(e, c_arm, i_arm) for e in got):
            cls = "swapped"
        else:
            cls = "W"
        counts[f"carried {cls}"] += 1
        counts[f"carried {cls} | main {mcls} | {multi}"] += 1
        per_abs[p.pmcid].append(cls == "R")
        main_cls[p.pmcid] = f"{mcls} | {multi}"
        row = f"carried {cls} | main {mcls} | {multi}"
        if args.show and args.show in row and shown[row] < args.limit:
            shown[row] += 1
            print(f"{p.pmcid} [{row}] prompt I {p.intervention!r} C {p.comparator!r} | claim "
                  f"{[e.text for e in got]} | main {main.text if main else None!r}\n  S: "
                  f"{' '.join(rec.text[s.start:s.end].split())[:250]}")
    for pmcid, oks in per_abs.items():
        if not all(oks):
            counts[f"abstracts with a wrong carried prompt | main {main_cls[pmcid]}"] += 1
            counts[f"abstracts with a wrong carried prompt | main {main_cls[pmcid]} | all wrong {int(not any(oks))}"
                   ] += 1
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
