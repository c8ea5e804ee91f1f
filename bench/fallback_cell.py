"""Randomised-trial results the decision's fallback path judges single-arm (issue 10, session 21, section 35.10;
counts only by default).

    IDS=models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/fallback_cell.py --skip-ids $IDS --examples  # OPEN (examples allowed)
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/fallback_cell.py --ids $IDS                  # BLIND (counts only)
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/fallback_cell.py --outside outside_input.jsonl --show
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/fallback_cell.py --ei /tmp/ei_train.jsonl --show

The decision path is read as ``bench/arm_paths.py`` reads it (``decide`` wrapped, the pipeline unchanged). Gold mode:
the found findings whose claim came from the ``judged: fallback`` path, gold single-arm or comparison, by the shape of
the sentence (:data:`SHAPES`, first that matches) and by the abstract's design words; ``--examples`` prints them (OPEN
only). Outside mode: the fallback-judged finding / harm claims of abstracts outside the gold, by the same shapes;
``--show`` prints their sentences to read. EI mode (``--ei RECORDS``, made by ``bench/comparator_counts.py --make``):
the judged claims that report an Evidence Inference train prompt (every prompt a comparison), by path, and the
fallback ones by shape. Measured in docs/claims-rounds.md section 35.10: nothing separates the cell; no rule shipped.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import arm_paths as AP  # bench/arm_paths.py

import claimex.assemble.claims as C
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import judge
from claimex.evaluate.prompts import load_prompts, prompt_claims
from claimex.extractor import Extractor
from claimex.review.records import iter_records

SHAPES = [
    ("superlative", re.compile(r"\b(?:highest|lowest|greatest|largest|smallest|best|worst|most|least|fewest)\b", re.I)),
    ("respectively", re.compile(r"\brespectively\b", re.I)),
    ("minus / contrast", re.compile(r"\bminus\b|\bin contrast\b|\bwhereas\b|\bwhile\b", re.I)),
    ("death / event count", re.compile(r"\bdied\b|\bdeaths?\b|\bevents?\b", re.I)),
    ("one arm's value ('in the X group')", re.compile(r"\b(?:in|of|for) the [\w\- ]{1,40}? (?:group|arm)\b", re.I)),
    ("a percentage / value", re.compile(r"\d")),
]
RANDOMISED = re.compile(r"\brandomi[sz]|\bplacebo\b|\bcontrol(?:led)? (?:group|arm|trial)\b", re.I)


def shape(sentence: str) -> str:
    return next((name for name, rx in SHAPES if rx.search(sentence)), "words only")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", action="store_true", help="print the findings (OPEN only)")
    ap.add_argument("--outside", type=Path, help="jsonl of abstracts outside the gold (id, text)")
    ap.add_argument("--show", action="store_true", help="outside / EI mode: print the sentences")
    ap.add_argument("--ei", type=Path, help="Evidence Inference train records (bench/comparator_counts.py --make)")
    args = ap.parse_args()
    if args.examples and not args.skip_ids:
        ap.error("--examples only with --skip-ids (OPEN)")
    C.decide = AP._decide
    C.ClaimAssembler.__call__ = AP._call
    C.between_arms = AP._between
    table: Counter = Counter()
    if args.ei:
        by_id = {}
        assembler = C.ClaimAssembler()
        for r in iter_records(args.ei):
            r.claims = assembler(r)
            by_id[str(r.id)] = r
        paths: Counter = Counter()
        for p, rec, claim in prompt_claims(load_prompts(split="train"), by_id):
            if claim is None or claim.direction not in ("positive", "negative"):
                continue
            key = (rec.id, claim.sentence, tuple(claim.outcome), tuple(claim.measures))
            info = AP.PATHS.get(key + (claim.direction,)) or AP.PATHS.get(key) or ("(no path)",)
            paths[info[0]] += 1
            if info[0] == "judged: fallback":
                table[("EI train prompt (a comparison)", shape(claim.text))] += 1
                if args.show:
                    print(f"{rec.id} {p.intervention!r} vs {p.comparator!r} | {shape(claim.text)} | "
                          f"{' '.join(claim.text.split())}")
        for k, n in sorted(paths.items()):
            print(f"{n:4d}  judged prompt claims: {k}")
        for k, n in sorted(table.items()):
            print(f"{n:4d}  {' | '.join(k)}")
        return
    if args.outside:
        ex = Extractor.load(None)
        for line in args.outside.open():
            d = json.loads(line)
            rec = ex(d["text"], id=d["id"])
            design = "randomised/controlled" if RANDOMISED.search(d["text"]) else "other"
            for c in rec.claims:
                if c.type not in ("finding", "adverse_effect") or c.direction not in ("positive", "negative"):
                    continue
                key = (rec.id, c.sentence, tuple(c.outcome), tuple(c.measures))
                info = AP.PATHS.get(key + (c.direction,)) or AP.PATHS.get(key)
                if not info or info[0] != "judged: fallback":
                    continue
                text = c.text
                k = (design, shape(text))
                table[k] += 1
                if args.show and design != "other":
                    print(f"{rec.id} {c.type} {c.direction} | {k[1]} | {' '.join(text.split())}")
        for k, n in sorted(table.items()):
            print(f"{n:4d}  {' | '.join(k)}")
        return
    golds = select_gold(load_gold(None, errors=[]), "tune", ids=args.ids, skip_ids=args.skip_ids)
    for g, record, text in _predict(golds, None, None, []):
        claims = {c.id: c for c in record.claims}
        design = "randomised/controlled" if RANDOMISED.search(text) else "other"
        for finding in g.findings:
            j = judge(finding, record, text)
            if not j.found:
                continue
            c = claims[j.claim]
            key = (record.id, c.sentence, tuple(c.outcome), tuple(c.measures))
            info = AP.PATHS.get(key + (c.direction,)) or AP.PATHS.get(key)
            if not info or info[0] != "judged: fallback":
                continue
            sentence = " ".join(text[slice(*finding.sentence)].split())
            gold = "single" if finding.comparator is None else "cmp"
            table[(design, shape(sentence), gold)] += 1
            if args.examples:
                print(f"{g.key} gold {gold} {finding.direction} | {design} | {shape(sentence)} | {sentence}")
    for k, n in sorted(table.items()):
        print(f"{n:4d}  {' | '.join(k)}")


if __name__ == "__main__":
    main()
