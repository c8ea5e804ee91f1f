"""Single-arm results judged by the "observed" step (a result counted or observed for the arm), counted by what the
outcome is and how the result is given (issue 10, session 22).

    OPENBLAS_NUM_THREADS=1 python bench/observed_signs.py --ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/observed_signs.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        [--examples RE]          # OPEN only: the sentences whose line matches RE

Per found finding whose claim's direction came from ``single.decide_within``'s last step (``judge:observed``,
``qual>judge2:observed`` in :mod:`direction_paths`), and whose gold direction is positive or negative: the gold sign
against the claim's, by features of the claim - the claim type, whether its outcome is an event
(``single.is_event``), names harms (``single.HARMS``), is less-is-better (``harms.harmful``), whether the sentence
has an occurrence verb (``single.OCCURRED``), and the kinds of the claim's values (a count or a share of patients
against a measured level). Counts only unless ``--examples``.
"""

from __future__ import annotations

import re
from collections import Counter

import direction_paths as dp
from judged import judged, tune_options

from claimex.assemble.claims.harms import harmful
from claimex.assemble.claims.single import HARMS, OCCURRED, is_event

_EVENTLIKE = ("percentage", "count", "fraction")


def features(claim, record, sentence: str) -> list[str]:
    ents = {e.id: e for e in record.entities}
    out_text = " ".join(ents[i].text for i in claim.outcome if i in ents)
    kinds = {m.kind for m in record.measures if m.id in set(claim.measures)}
    harm = "event" if is_event(out_text) else "harms" if HARMS.search(out_text) else \
        "harmful" if harmful(out_text) else "other"
    vals = "counted" if kinds & set(_EVENTLIKE) else "measured" if kinds - {"p_value", "ci", "sample_size"} else \
        "none"
    return [f"type={claim.type}", f"outcome={harm}", f"occurred={bool(OCCURRED.search(sentence))}",
            f"values={vals}", f"{harm}/{vals}"]


def main() -> None:
    args, golds = tune_options(__doc__, "a regex over the finding's line (OPEN only)")
    dp._install()
    rows: Counter = Counter()
    for g, record, text, found in judged(golds):
        paths = {c.id: dp.path_of(record.id, c) for c in record.claims}
        for finding, j, claim in found:
            if not paths[claim.id].endswith(":observed") or finding.direction not in ("positive", "negative"):
                continue
            s = record.sentences[claim.sentence]
            sentence = text[s.start:s.end]
            arms = "arms right" if j.fields.get("intervention") and j.fields.get("comparator") else "arms wrong"
            pair = f"{finding.direction}->{claim.direction}"
            feats = features(claim, record, sentence)
            for f in feats + ["all"]:
                rows[(f, pair)] += 1
            line = f"{pair} | {arms} | {' '.join(feats)}"
            if args.examples and re.search(args.examples, line):
                ents = {e.id: e.text for e in record.entities}
                print(f"{g.key} {claim.id} | {line} | O={[ents.get(i) for i in claim.outcome]} | "
                      f"{' '.join(sentence.split())}\n")
    pairs = ("positive->positive", "negative->negative", "negative->positive", "positive->negative")
    print(f"{'feature':<28}" + "".join(f"{p:>22}" for p in pairs))
    for f in sorted({f for f, _ in rows}):
        print(f"{f:<28}" + "".join(f"{rows[(f, p)]:>22}" for p in pairs))


if __name__ == "__main__":
    main()
