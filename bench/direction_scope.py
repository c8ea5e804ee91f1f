"""Difference vs no difference counted by the scope of the sentence's tests (issue 10, session 20, s20-diff).

    OPENBLAS_NUM_THREADS=1 python bench/direction_scope.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/direction_scope.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples 'SHAPE'                                            # OPEN only: the sentences

A sentence that reports several outcomes or several comparisons holds several tests and significance words; each
belongs to some of them (GUIDELINES.md, Findings: "a p-value shared by several outcomes belongs to each";
``no_difference`` "whenever the sentence says the difference is not significant or absent"). Per found finding
(every arm; ``arms right`` is a column of its own) the sentence's *scope shape*, first that applies:

- ``respectively-tests``: "respectively" and two or more p-values ("A and B were lower (p<0.01 and p=0.32,
  respectively)");
- ``except``: "except", "with the exception of", "apart from", "other than";
- ``contrast``: whereas / while / but (not "but not") / however / although / despite;
- ``list-tests``: two or more p-values, none of the above ("A (p=0.02), B (NS) and C (p=0.4)");
- ``one-test-outcomes>=2``: at most one p-value, two or more gold outcomes in the sentence;
- ``one-outcome``: one gold outcome in the sentence;

and across them the *test source* of the claim: ``own-p`` (the claim's deciding p-value is one of the gold finding's
numbers), ``other-p`` (the gold finding has a p-value of its own and the claim's deciding p-value is another),
``p-not-gold`` (the claim's p-value, the gold lists none), ``words/ci`` (the gold has a p-value, the claim read its
significance elsewhere), ``no-p`` (neither). Each cell: right, "gold diff, claim none", "gold none, claim diff",
wrong sign, other direction errors; and significance right / wrong. Also what the sentence's gold holds (all
differences, all no differences, ``mixed``) and, for mixed sentences, whether the judged claim is judged for a finding
of the other kind too ("claim both": of the same outcome - ``comparisons``, "(single-arm diff)" when one is a
single-arm finding - or of other outcomes), with the wording of those sentences (every arm, over time, a significant
change). Counts only unless ``--examples`` (OPEN).

Session 20 (docs/claims-rounds.md section 34.3, s20-diff), main 3cf7b13, BLIND: the p-value's scope holds few of the 121
difference-vs-no-difference errors (another finding's p-value while the gold has its own: 6); mixed sentences hold 46,
33 of them one claim judged for findings of both kinds, the largest cell the same outcome's single-arm finding beside
a null comparison (18; a change said of every arm 10) - the rule of ``claims/everyarm.py``.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options

from claimex.assemble.claims.polarity import BOTH_ARMS
from claimex.assemble.claims.reporting import changed
from claimex.assemble.claims.significance import OVER_TIME
from claimex.evaluate.findings_match import DIRECTION_ERRORS

_SIGNS = ("increase", "decrease", "positive", "negative")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_EXCEPT = re.compile(r"\bexcept\b|\bwith\s+the\s+exception|\bapart\s+from\b|\bother\s+than\b", re.I)
_CONTRAST = re.compile(r"\b(?:whereas|while|but(?!\s+not\b)|however|although|despite)\b", re.I)
COLS = ("right", "gold diff, claim none", "gold none, claim diff", "wrong sign", "other", "sig right", "sig wrong")


def shape(sentence: str, n_p: int, n_out: int) -> str:
    if _RESPECTIVELY.search(sentence) and n_p >= 2:
        return "respectively-tests"
    if _EXCEPT.search(sentence):
        return "except"
    if _CONTRAST.search(sentence):
        return "contrast"
    if n_p >= 2:
        return "list-tests"
    return "one-test-outcomes>=2" if n_out >= 2 else "one-outcome"


def test_source(finding, claim, pvals) -> str:
    own = [m for m in pvals if any(s.start < m.end and m.start < s.end for s in finding.numbers)]
    if claim.p_value:
        if any(m.id == claim.p_value for m in own):
            return "own-p"
        return "other-p" if own else "p-not-gold"
    return "words/ci" if own else "no-p"


def column(finding, j) -> str:
    if j.fields["direction"]:
        return "right"
    err = next((e for e in j.errors if e in DIRECTION_ERRORS), "?")
    if err == "difference vs no difference":
        return "gold diff, claim none" if finding.direction in _SIGNS else "gold none, claim diff"
    return "wrong sign" if err == "wrong sign" else "other"


def _more(ap) -> None:
    ap.add_argument("--arms-right", action="store_true", help="only found findings whose arms are both right")
    ap.add_argument("--all", action="store_true", help="with --examples: the right findings too")


def main() -> None:
    args, golds = tune_options(__doc__, "a shape or 'shape|source' (OPEN only): print those findings", _more)
    rows: Counter = Counter()
    total = 0
    for g, record, text, found in judged(golds):
        outcomes_at: Counter = Counter()
        kinds_at: dict = {}
        for f in g.findings:
            outcomes_at[(f.sentence, f.outcome.text.lower())] += 1
            kinds_at.setdefault(f.sentence, set()).add("null" if f.direction == "no_difference" else "diff")
        claim_kinds: dict = {}
        judged_single = {c.id for f, _j, c in found if f.direction in ("positive", "negative")}
        for finding, _j, claim in found:
            claim_kinds.setdefault(claim.id, set()).add(
                ("null" if finding.direction == "no_difference" else "diff", finding.outcome.text.lower()))
        for finding, j, claim in found:
            if args.arms_right and not (j.fields.get("intervention") and j.fields.get("comparator")):
                continue
            total += 1
            a, b = finding.sentence
            sentence = text[a:b]
            pvals = [m for m in record.measures if m.kind == "p_value" and a <= m.start < b]
            n_out = sum(1 for s, _o in outcomes_at if s == finding.sentence)
            sh = shape(sentence, len(pvals), n_out)
            src = test_source(finding, claim, pvals)
            col = column(finding, j)
            sig = "sig right" if j.fields["significance"] else "sig wrong"
            multi = "claim O2+" if len(claim.outcome) >= 2 else "claim O1"
            kinds = kinds_at[finding.sentence]
            mixed = "mixed" if len(kinds) == 2 else f"all {next(iter(kinds))}"
            if mixed == "mixed":
                by_kind = {k: {o for kk, o in claim_kinds[claim.id] if kk == k} for k in ("null", "diff")}
                if not (by_kind["null"] and by_kind["diff"]):
                    mixed += ", claim one"
                else:
                    mixed += ", claim both: " + ("comparisons" if by_kind["null"] & by_kind["diff"] else "outcomes")
                    mixed += " (single-arm diff)" if claim.id in judged_single else ""
            for key in (("shape", sh), ("source", src), ("shape|source", f"{sh}|{src}"), ("claim outcomes", multi),
                        ("shape|claim outcomes", f"{sh}|{multi}"),
                        ("gold kinds", mixed), ("shape|gold kinds", f"{sh}|{mixed}"),
                        ("gold kinds|source", f"{mixed}|{src}")):
                rows[(*key, col)] += 1
                rows[(*key, sig)] += 1
            if mixed.startswith("mixed, claim both"):
                words = "+".join(n for n, hit in (("every-arm", BOTH_ARMS.search(sentence)),
                                                  ("over-time", OVER_TIME.search(sentence)),
                                                  ("significant-change", changed(sentence))) if hit) or "none"
                rows[("claim both: wording", f"{mixed[19:]}|{words}", col)] += 1
                rows[("claim both: wording", f"{mixed[19:]}|{words}", sig)] += 1
                tup = f"{finding.direction}/{finding.significant} -> {claim.direction}/{claim.significant}"
                rows[("claim both: tuple", f"{mixed[19:]}|{tup}", col)] += 1
                rows[("claim both: tuple", f"{mixed[19:]}|{tup}", sig)] += 1
            if col.startswith("gold"):
                tup = f"{finding.direction}/{finding.significant} -> {claim.direction}/{claim.significant}"
                rows[("diff-vs-none tuple", f"{sh}|{tup}", col)] += 1
                rows[("diff-vs-none tuple", f"{sh}|{tup}", sig)] += 1
            wrong = col != "right" or sig == "sig wrong"
            if args.examples and args.examples in (sh, f"{sh}|{src}", mixed, f"{sh}|{mixed}") and (wrong or args.all):
                ents = {e.id: e.text for e in record.entities}
                pm = next((m.text for m in record.measures if m.id == claim.p_value), None)
                print(f"{g.key} {claim.id} {col} / {sig} | {finding.direction}/{finding.significant} -> "
                      f"{claim.direction}/{claim.significant} p={pm} | gold O={finding.outcome.text!r} "
                      f"claim O={[ents.get(i) for i in claim.outcome]} | {' '.join(sentence.split())}")
    print(f"found findings counted: {total}")
    for dim in ("shape", "source", "claim outcomes", "shape|claim outcomes", "shape|source", "gold kinds",
                "shape|gold kinds", "gold kinds|source", "claim both: wording", "claim both: tuple",
                "diff-vs-none tuple"):
        print(f"\n{dim:<50}" + "".join(f"{c[:12]:>13}" for c in COLS))
        names = sorted({k for d, k, _c in rows if d == dim}, key=lambda k: -sum(rows[(dim, k, c)] for c in COLS[:5]))
        for k in names:
            print(f"{k:<50}" + "".join(f"{rows[(dim, k, c)]:>13}" for c in COLS))


if __name__ == "__main__":
    main()
