"""Direction errors of found findings whose arms are right, one line each (OPEN tune gold only).

    python bench/direction_arms_right.py --skip-ids models/claimex-confidence/calibration_ids.txt            # counts
    python bench/direction_arms_right.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples # + lines

``--examples`` prints gold sentences: use it on OPEN (``--skip-ids``), never on BLIND or the report half. Per found
gold finding that :func:`claimex.evaluate.findings_match.judge` finds with both arms right and the direction wrong
(the report's "direction errors by arms" table, column "arms right"), the pair gold -> claim direction and the
claim's significance, and with ``--examples`` the linked arm values (``measure -> arm``) of the claim.

Measured on main 6a3ddda (OPEN): 60 arms-right direction errors; the largest pairs negative -> positive 9 (harms
counted in one arm read as favourable), no_difference/False -> increase/True 9 (subgroups and "but not in ..." that the
gold splits), decrease/True -> increase/True 7, decrease/None -> no_difference/False 4 (a null word of another
outcome's clause). Branch s12-dir: 59 (docs/claims-rounds.md section 25).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import arms_state, judge


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skip-ids", type=Path, required=True, help="the BLIND keys to leave out (OPEN = the rest)")
    ap.add_argument("--examples", action="store_true", help="print each error's sentence (OPEN only)")
    args = ap.parse_args()
    golds = select_gold(load_gold(None, errors=[]), "tune", skip_ids=args.skip_ids)
    counts: Counter = Counter()
    for g, record, text in _predict(golds, None, None, []):
        claims = {c.id: c for c in record.claims}
        meas = {m.id: m for m in record.measures}
        ents = {e.id: e.text for e in record.entities}
        for finding in g.findings:
            j = judge(finding, record, text)
            if arms_state(j) != "arms right":
                continue
            c = claims[j.claim]
            key = f"{finding.direction}/{finding.significant} -> {c.direction}/{c.significant}"
            counts[key] += 1
            if args.examples:
                sentence = " ".join(text[slice(*finding.sentence)].split())
                arms = "; ".join(f"{meas[a.measure].text if a.measure in meas else a.measure}->"
                                 f"{ents.get(a.arm) if a.arm else a.arm_text}" for a in c.arms)
                print(f"{g.key} {c.id} | {key} | I={[ents.get(i) for i in c.intervention]} "
                      f"C={[ents.get(i) for i in c.comparator]} | {arms} | {sentence}")
    print(f"direction errors with arms right: {sum(counts.values())}")
    for k, n in counts.most_common():
        print(f"{n:4d}  {k}")


if __name__ == "__main__":
    main()
