"""Direction errors of found findings counted by the GUIDELINES.md "direction" principle a claim breaks.

    python bench/direction_principles.py --ids models/claimex-confidence/calibration_ids.txt        # BLIND: counts
    python bench/direction_principles.py --skip-ids models/claimex-confidence/calibration_ids.txt   # OPEN: counts
    python bench/direction_principles.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples FLAG

GUIDELINES.md, Findings, ``direction``: ``no_difference`` whenever the sentence says the difference is not
significant ("P = 0.117"); otherwise the words, or - with both arm values and no test - their order ("4.9% vs 5.9%"
= decrease); "improved X" is a decrease when less X is better. Per found finding (``--any-arms``: all; default: arms
right), the flags a claim raises, each counted with how often the claim's direction is right / wrong where it is
raised - so each line says how much a rule enforcing that principle could fix and how often the claim already agrees:

- ``p>0.05+sign``: the claim's own p-values (its measures) are all above 0.05 and its direction is increase/decrease;
- ``p<=0.05+null``: the claim's own p-values are all at most 0.05 and its direction is no_difference;
- ``sentence-p>0.05+sign`` / ``sentence-p<0.05+null``: the same with every p-value of the claim's sentence;
- ``null-words-only+sign``: no p-value, a no-difference phrase and no significance word in the sentence, and the
  claim's direction increase/decrease;
- ``values-against``: two values linked to the claim's intervention and comparator (same kind) in the other order than
  its increase/decrease;
- ``values-against-no-test``: the same with no p-value, CI or significance word in the sentence (the principle's case);
- ``improved-less-better``: an "improved / better / superior" word in the sentence, an outcome the rules do not know
  to be less-is-better, and the claim's direction increase (flagged for counting, not judged);
- ``cmp-no-comparator``: a comparison direction (increase / decrease / no_difference) on a claim with no comparator.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options

from claimex.assemble.claims.harms import harmful
from claimex.assemble.claims.significance import NOT_SIGNIFICANT, SIGNIFICANT

_IMPROVED = re.compile(r"\b(?:improv\w*|better|superior\w*|benefi\w*)\b", re.IGNORECASE)
_SIGNS = ("increase", "decrease")


def _p_values(claim, measures) -> list:
    return [measures[m] for m in claim.measures if m in measures and measures[m].kind == "p_value"
            and measures[m].value is not None]


def _values_order(claim, measures) -> str | None:
    """Increase/decrease from the first intervention value against the first comparator value of its kind."""
    i_ids, c_ids = set(claim.intervention), set(claim.comparator)
    i_vals = [measures[a.measure] for a in claim.arms if a.arm in i_ids and a.measure in measures]
    c_vals = [measures[a.measure] for a in claim.arms if a.arm in c_ids and a.measure in measures]
    for mi in i_vals:
        mc = next((m for m in c_vals if m.kind == mi.kind and m.value is not None), None)
        if mi.value is not None and mc is not None and mi.value != mc.value:
            return "increase" if mi.value > mc.value else "decrease"
    return None


def flags(claim, record, sentence: str) -> list[str]:
    measures = {m.id: m for m in record.measures}
    ents = {e.id: e.text for e in record.entities}
    out = []
    ps = _p_values(claim, measures)
    if ps and all(m.value > 0.05 and (m.op or "=") in ("=", ">", ">=") for m in ps) and claim.direction in _SIGNS:
        out.append("p>0.05+sign")
    if ps and all(m.value <= 0.05 and (m.op or "=") in ("=", "<", "<=") for m in ps) \
            and claim.direction == "no_difference":
        out.append("p<=0.05+null")
    sent_ps = [m for m in record.measures if m.kind == "p_value" and m.value is not None and claim.start is not None
               and claim.start <= m.start < claim.end]
    if sent_ps and all(m.value > 0.05 and (m.op or "=") in ("=", ">", ">=") for m in sent_ps) \
            and claim.direction in _SIGNS:
        out.append("sentence-p>0.05+sign")
    if sent_ps and all(m.value < 0.05 and (m.op or "=") in ("=", "<", "<=") for m in sent_ps) \
            and claim.direction == "no_difference":
        out.append("sentence-p<0.05+null")
    if not sent_ps and NOT_SIGNIFICANT.found(sentence) and not SIGNIFICANT.search(sentence) \
            and claim.direction in _SIGNS:
        out.append("null-words-only+sign")
    order = _values_order(claim, measures)
    if order and claim.direction in _SIGNS and order != claim.direction:
        out.append("values-against")
        sent_kinds = {m.kind for m in record.measures if m.start >= claim.start and m.end <= claim.end}
        if not sent_kinds & {"p_value", "ci"} and not SIGNIFICANT.search(sentence) \
                and not NOT_SIGNIFICANT.found(sentence):
            out.append("values-against-no-test")
    outcome = " ".join(ents.get(i, "") for i in claim.outcome)
    if _IMPROVED.search(sentence) and not harmful(outcome) and claim.direction == "increase":
        out.append("improved-less-better")
    if not claim.comparator and claim.direction in (*_SIGNS, "no_difference"):
        out.append("cmp-no-comparator")
    return out


def _more(ap) -> None:
    ap.add_argument("--any-arms", action="store_true", help="every found finding, its arms right or not")


def main() -> None:
    args, golds = tune_options(__doc__, "a flag (OPEN only): print the sentences of the findings that raise it",
                               _more)
    right: Counter = Counter()
    wrong: Counter = Counter()
    tuples: Counter = Counter()
    total = errors = 0
    for g, record, text, found in judged(golds):
        for finding, j, claim in found:
            if not args.any_arms and not (j.fields.get("intervention") and j.fields.get("comparator")):
                continue
            total += 1
            ok = j.fields["direction"]
            errors += not ok
            sentence = text[claim.start:claim.end] if claim.start is not None else claim.text
            for f in flags(claim, record, sentence) or ["(none)"]:
                (right if ok else wrong)[f] += 1
                tuples[(f, f"{finding.direction}/{finding.significant} -> {claim.direction}/{claim.significant}",
                        ok)] += 1
                if args.examples and f == args.examples:
                    ents = {e.id: e.text for e in record.entities}
                    print(f"{g.key} {claim.id} {'RIGHT' if ok else 'WRONG'} {finding.direction}/{finding.significant}"
                          f" -> {claim.direction}/{claim.significant} | I={[ents.get(i) for i in claim.intervention]}"
                          f" C={[ents.get(i) for i in claim.comparator]} O={[ents.get(i) for i in claim.outcome]} | "
                          f"{' '.join(sentence.split())}")
    print(f"found findings counted: {total}, direction wrong {errors}")
    print("\nflag: right / wrong (claims raising it)")
    for f in sorted(set(right) | set(wrong), key=lambda f: -(right[f] + wrong[f])):
        print(f"  {right[f]:4d} / {wrong[f]:3d}  {f}")
    print("\nflag | gold dir/sig -> claim dir/sig (right?)")
    for (f, tup, ok), n in sorted(tuples.items(), key=lambda kv: (kv[0][0], -kv[1])):
        if f != "(none)":
            print(f"  {n:4d}  {f} | {tup}{'' if ok else '  WRONG'}")


if __name__ == "__main__":
    main()
