"""Comparison or single arm: which decision path made each found finding's claim, against the gold (issue 10,
session 13; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/arm_paths.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/arm_paths.py --ids models/claimex-confidence/calibration_ids.txt       # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/arm_paths.py --skip-ids ... --examples 'PATH'                      # OPEN only

``--examples PATH`` prints the gold sentence, gold arms and the claim of each finding counted on that path (prefix
match): only on gold you may read (OPEN), never on BLIND or the report half. The path is read by wrapping
:func:`claimex.assemble.claims.decision.decide` (the pipeline itself is not changed): the branch of ``decide`` that
returned the decision, and for a comparison the reason :func:`claimex.assemble.claims.sides.between_arms` gave (two
arms' values, a comparator arm named, between-arm words, an arm as the subject of an effect verb, a plural arm, a
comparative said of one arm, a test statistic) or the words that made it compare (``compares_arms`` words, a
comparative, the classifier when arms are named; ``denied effect``: a no difference read from words with no between-arm
rule - :func:`claimex.assemble.claims.decision._denied` and the older no-difference word rules). ``C`` after a judged
path: the claim still carries a comparator.
Per found finding (``findings_match.judge``): gold single-arm (comparator null) or comparison, the claim compared
(increase / decrease / no difference) or judged (positive / negative), and whether it carries a comparator. Second
table: the compared claims of gold comparisons with no comparator ("comparator missing"), by path and by whether the
abstract's design named a comparator before the sentence (``carried_c``) and whether it is controlled.

Measured in docs/claims-rounds.md section 27.3 (main cc7c101, BLIND: gold single-arm 191, decision right 94; gold
comparisons 702, right 599; judged gold comparisons 65; branch s13-single: 88 / 604 / 48).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import claimex.assemble.claims as C
from claimex.assemble.claims import sides as S
from claimex.assemble.claims.clauses import none_in_any_arm
from claimex.assemble.claims.decision import cue_text
from claimex.assemble.claims.direction import is_comparative
from claimex.assemble.claims.polarity import both_arms_change
from claimex.assemble.claims.significance import NOT_SIGNIFICANT, compares_arms, significance
from claimex.assemble.claims.single import HARMS
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import judge

COMPARED = ("increase", "decrease", "no_difference")
PATHS: dict[tuple, str] = {}
_STATE = {"rec": None}


def between_reason(view, arms, pairs) -> str | None:
    """The first rule of :func:`~claimex.assemble.claims.sides.between_arms` that holds, in its order."""
    if len({a.key for _, a in pairs}) >= 2:
        return "two arms' values"
    if any(a.side == "C" and not a.plural for a in arms):
        return "comparator arm named"
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    if S._within_each(masked):
        return None
    word = S._BETWEEN.search(S.AGAINST_START.sub(" ", masked))
    if word:
        w = word.group(0).lower()
        return "between words: " + ("differ" if w.startswith("differ") else "no effect" if w.startswith("no ") else w)
    within = S.within_arms(view, arms) or bool(S._EVERY_SUBJECT.search(masked))
    if not within and S._arm_effect(view, arms, masked):
        return "arm effect verb"
    if any(a.plural for a in arms) and not within:
        return "plural arm"
    if not within and S._COMPARATIVE_IN_ARM.search(masked):
        return "comparative of one arm"
    if not within and any(m.kind in ("p_value", "ci", "ratio") for m in view.measures):
        return "test statistic"
    return None


_ORIG_DECIDE = C.decide
_ORIG_CALL = C.ClaimAssembler.__call__
_ORIG_BETWEEN = C.between_arms
_REASON: dict[int, str | None] = {}


def _between(view, arms, pairs):
    out = _ORIG_BETWEEN(view, arms, pairs)
    _REASON[view.index] = between_reason(view, arms, pairs) if out else None
    return out


def _call(self, record):
    _STATE["rec"] = record.id
    _REASON.clear()
    return _ORIG_CALL(self, record)


def _path(view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares, controlled, d):
    """The branch of ``decide`` that gave decision ``d`` (its conditions re-read in the same order)."""
    masked = cue_text(view)
    one_arm = not has_comparator and len({a.key for a in arms if not a.plural}) <= 1
    degree = single_arm and controlled and S.compared_in_degree(masked)
    if degree:
        single_arm = False
    both = both_arms_change(masked) and not NOT_SIGNIFICANT.found(masked) and significance(
        group.measures, view.text, view.start)[0] is not False
    compared = compares_arms(masked, group.measures)
    outcome_at = min((o.start - view.start for o in group.outcomes), default=None)
    if (not single_arm or controlled) and none_in_any_arm(masked, outcome_at) and d.source == "words" \
            and d.direction == "no_difference":
        return "cmp: none in any arm"
    if within and not has_comparator and (solo or not compared):
        return "judged: solo arms" if solo else "judged: within wording"
    if both:
        return "judged: change in both arms"
    if single_arm and one_arm and not compared and not (compares and controlled):
        return "judged: one arm, no design comparator"
    if single_arm and not controlled and not has_comparator and not compared:
        return "judged: uncontrolled, no comparator"
    if d.source == "words" and d.direction == "no_difference" and not (compares or compared):
        return "cmp: denied effect"
    if d.direction in ("positive", "negative") and d.source != "observed" and not (
            compares or compared or is_comparative(masked, not one_arm, group.measures)):
        if not (has_comparator or d.source):
            return "judged: fallback"
        harm = ctype == "adverse_effect" or bool(
            HARMS.search(" ".join(o.text for o in view.label("OUTCOME"))))
        kind = ("harm" if harm else "no harm") + (" neg" if d.negated else "")
        return f"judged: polarity words ({d.source}): {kind}"
    if compares:
        return f"cmp: between_arms/{_REASON.get(view.index)}" + (" +degree" if degree else "")
    if compared:
        return "cmp: compares_arms words"
    if is_comparative(masked, not one_arm, group.measures):
        return "cmp: comparative" + (" +degree" if degree else "")
    if d.direction in COMPARED:
        return "cmp: qualitative/classifier"
    return "judged: fallback" if d.direction in ("positive", "negative") else f"other {d.direction}"


def _decide(model, view, ctype, arms, group, pairs, has_comparator, within=False, single_arm=False, solo=False,
            compares=False, controlled=False, aside=frozenset()):
    d = _ORIG_DECIDE(model, view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares,
                     controlled, aside)
    if ctype in ("finding", "adverse_effect", "conclusion"):
        path = _path(view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares,
                     controlled, d)
        info = (path, "design comparator" if single_arm is False else "no design comparator",
                "controlled" if controlled else "uncontrolled")
        key = (_STATE["rec"], view.index, tuple(e.id for e in group.outcomes), tuple(m.id for m in group.measures))
        PATHS[key + (d.direction,)] = info
        PATHS.setdefault(key, info)
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", type=Path, help="score only these keys (BLIND)")
    ap.add_argument("--skip-ids", type=Path, help="leave these keys out (OPEN = the rest)")
    ap.add_argument("--fine", action="store_true", help="judged paths by controlled design; between words by word")
    ap.add_argument("--match", help="count only findings whose sentence matches this regex (case-insensitive)")
    ap.add_argument("--amatch", help="count only findings whose abstract matches this regex (case-insensitive)")
    ap.add_argument("--examples", help="print the findings of paths starting with this (OPEN only)")
    args = ap.parse_args()
    if args.examples and not args.skip_ids:
        ap.error("--examples only with --skip-ids (OPEN)")
    C.decide = _decide
    C.ClaimAssembler.__call__ = _call
    C.between_arms = _between
    golds = select_gold(load_gold(None, errors=[]), "tune", ids=args.ids, skip_ids=args.skip_ids)
    table: dict[str, Counter] = defaultdict(Counter)
    missing: Counter = Counter()
    for g, record, text in _predict(golds, None, None, []):
        claims = {c.id: c for c in record.claims}
        ents = {e.id: e.text for e in record.entities}
        for finding in g.findings:
            j = judge(finding, record, text)
            if not j.found:
                continue
            c = claims[j.claim]
            if args.match and not re.search(args.match, text[slice(*finding.sentence)], re.IGNORECASE):
                continue
            if args.amatch and not re.search(args.amatch, text, re.IGNORECASE):
                continue
            key = (record.id, c.sentence, tuple(c.outcome), tuple(c.measures))
            info = PATHS.get(key + (c.direction,)) or PATHS.get(key) or ("(no path)", "", "")
            gold = "single" if finding.comparator is None else "cmp"
            kind = "cmp" if c.direction in COMPARED else "judged" if c.direction in ("positive", "negative") else "none"
            path = info[0] + (" C" if kind == "judged" and c.comparator else "")
            if not args.fine:
                path = path.split(": ", 2)[0] + ": " + path.split(": ", 2)[1] if path.count(": ") > 1 else path
            elif path.startswith("judged"):
                path += f" [{info[2]}, {info[1]}]"
            table[path][f"gold {gold}"] += 1
            table[path][f"gold {gold} ok"] += (gold == "single") == (kind != "cmp") and (
                (gold == "single") == (not c.comparator))
            table[path][f"gold {gold} {kind}"] += 1
            if gold == "cmp" and kind == "cmp" and not c.comparator:
                missing[(info[0], info[1], info[2])] += 1
            if args.examples and path.startswith(args.examples):
                sentence = " ".join(text[slice(*finding.sentence)].split())
                print(f"{g.key} {c.id} gold {gold} I={finding.intervention!r} C={finding.comparator!r} "
                      f"{finding.direction} | claim {c.direction} I={[ents.get(i) for i in c.intervention]} "
                      f"C={[ents.get(i) for i in c.comparator]} | {info[0]} | {info[1]}, {info[2]} | {sentence}")
    print("path | gold single (arm decision right) | gold comparison (arm decision right)")
    tot = Counter()
    for path in sorted(table):
        t = table[path]
        tot.update(t)
        print(f"{path:55s} {t['gold single']:4d} ({t['gold single ok']:4d})   "
              f"{t['gold cmp']:4d} ({t['gold cmp ok']:4d})"
              + (f"  [judged {t['gold cmp judged']}]" if t["gold cmp judged"] else ""))
    print(f"{'all':55s} {tot['gold single']:4d} ({tot['gold single ok']:4d})   {tot['gold cmp']:4d} "
          f"({tot['gold cmp ok']:4d})")
    print("\ncompared claims of gold comparisons with no comparator: path, design, controlled")
    for k, n in missing.most_common():
        print(f"{n:4d}  {' | '.join(k)}")


if __name__ == "__main__":
    main()
