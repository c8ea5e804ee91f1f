"""What a result's own earlier pairing would carry instead of the design's comparator (issue 10, session 19; counts
only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_previous.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/carried_previous.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples ROW   # OPEN only

For every found gold finding whose claim carries its comparator (every comparator entity outside the claim's
sentence), the comparator an earlier claim of a result sentence set against the same intervention in its own
sentence (an own comparator entity; the latest such claim; ``window``: any earlier sentence / the sentence right
before), judged as the scorer reads arm names: ``R->W`` = the carried comparator names the gold comparator and the
alternative does not. Gold single-arm findings count as right only with no comparator (both choices carry one, so
they do not move). Rows also say whether the alternative is control-worded and whether it is a design comparator.
"""

from __future__ import annotations

from collections import Counter

from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.design import same_intervention
from claimex.evaluate.findings_match import arm_aliases, entity_names

KINDS = ("finding", "adverse_effect")


def _right(ents, finding, record) -> bool:
    c_arm = arm_aliases(finding.comparator, record)
    i_arm = arm_aliases(finding.intervention, record)
    return bool(ents) and all(entity_names(e, c_arm, i_arm) for e in ents)


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings counted in rows containing this (OPEN only)")
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        sents = record.sentences
        for finding, _j, claim in found:
            if not finding.comparator or not claim.comparator:
                continue
            s = sents[claim.sentence]
            cc = [ents[i] for i in claim.comparator if i in ents]
            if not cc or any(s.start <= e.start < s.end for e in cc):
                continue  # an own comparator: not carried
            ci = [ents[i] for i in claim.intervention if i in ents]
            if not ci:
                continue
            keys = [entity_words(e) for e in ci]
            for window in ("any earlier", "right before"):
                alt = None
                for other in record.claims:
                    if other.type not in KINDS or other.sentence >= claim.sentence:
                        continue
                    if window == "right before" and other.sentence != claim.sentence - 1:
                        continue
                    os_ = sents[other.sentence]
                    oc = [ents[i] for i in other.comparator if i in ents and os_.start <= ents[i].start < os_.end]
                    oi = [ents[i] for i in other.intervention if i in ents]
                    if oc and oi and all(any(same_intervention(entity_words(e), k) for k in keys) for e in oi):
                        alt = oc
                if alt is None:
                    counts[f"{window}: no earlier pairing"] += 1
                    continue
                same = {e.id for e in alt} == {e.id for e in cc} or \
                    {frozenset(entity_words(e)) for e in alt} == {frozenset(entity_words(e)) for e in cc}
                before, after = _right(cc, finding, record), _right(alt, finding, record)
                move = f"{'R' if before else 'W'}->{'R' if after else 'W'}"
                kind = "control-worded" if all(is_control(e) for e in alt) else "named"
                row = f"{window}: {'same as carried' if same else 'differs'} {move}"
                counts[row] += 1
                if not same:
                    counts[f"{row}; alternative {kind}"] += 1
                    if args.examples and args.examples in row:
                        print(f"{g.key} | {row} | gold {finding.intervention.text!r} vs {finding.comparator.text!r}"
                              f" | carried {[e.text for e in cc]} alt {[e.text for e in alt]} | "
                              f"{' '.join(text[slice(*finding.sentence)].split())[:200]}")
    for r, n in sorted(counts.items()):
        print(f"{n:4d}  {r}")


if __name__ == "__main__":
    main()
