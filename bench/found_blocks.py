"""What stands between a gold finding and a claim that covers it (counts only by default; docs/claims-rounds.md 36.4,
s22-found).

    python bench/found_blocks.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/found_blocks.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). Per gold finding that :func:`claimex.evaluate.findings_match.judge` does not find, the first
block that applies, by the brief's cut:

* ``typed non-result`` - the sentence holds a claim but no finding claim (a conclusion, ...);
* ``no OUTCOME, typed finding`` / ``no OUTCOME, untyped`` - no claim in the sentence: the claims typing would make
  one of a sentence that names an OUTCOME (:class:`~claimex.assemble.claims.ClaimAssembler` with ``outcomeless``),
  or it would not;
* ``held by no claim`` - an OUTCOME entity covers the gold outcome but no finding claim holds it;
* ``too short`` - the best OUTCOME entity over the gold covers under half of it: cut by what the rest of the
  gold outcome holds (``+OUTCOME`` another OUTCOME entity - the two are parts of one name, ``+arm`` an
  INTERVENTION / COMPARATOR entity - ``+no-arm`` where the trial-arm check, :mod:`claimex.assemble.claims.trialarm`,
  calls it no arm of the trial -, ``+population``, ``free`` words only), the side of the missed words and the
  first missed word after the entity when it is a linking word (of, for, with, ...);
* ``another outcome taken`` - no OUTCOME entity overlaps the gold outcome while the sentence's finding claims hold
  other outcomes: ``list item`` when only list words (``,`` ``;`` and / or / as well as / bracketed values) part
  the gold outcome from a claimed OUTCOME entity (a list not read to its end), else ``elsewhere``; and what lies
  over the gold (an arm / population entity, or nothing).

Printed: per block, the number of misses and of abstracts. ``--examples BLOCK`` prints the gold outcome and the
sentence of the misses whose block contains BLOCK (OPEN only).

docs/claims-rounds.md 36.4, main 0a71efe (grouped; the branch s22-found leaves BLIND identical, OPEN 52 -> 50):

| block | OPEN (52 missed) | BLIND (230 missed) |
|---|---:|---:|
| typed non-result | 4 | 13 |
| no claim: OUTCOME over it, untyped / no OUTCOME, typed finding / no OUTCOME, untyped | 1 / 11 / 1 | 30 / 53 / 8 |
| held by no claim | 0 | 1 |
| too short: +OUTCOME / +arm (any) / +population / free | 5 / 8 / 2 / 8 | 20 / 22 / 5 / 21 |
| another outcome taken: list item / elsewhere | 0 / 12 | 10 / 47 |
"""

from __future__ import annotations

import copy
from collections import Counter

from judged import tune_options

from claimex.annotate.tagger.words import FUNCTION_WORDS
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.base import sentence_views
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import FINDING_TYPES, _overlaps, claim_span, covered, judge, tokens

LIST_WORDS = frozenset([",", ";", "and", "or", "as", "well", "and/or", "nor"])
ARMS = frozenset(["INTERVENTION", "COMPARATOR"])
RANKER = ClaimAssembler().arms


def _cover(gold, e) -> int:
    return sum(covered(t, e.start, e.end) for t in gold)


def _list_item(gold, claimed, text) -> bool:
    """Only list words (and bracketed groups) part the gold outcome from a claimed OUTCOME entity."""
    gs, ge = gold[0][0], gold[-1][1]
    for e in claimed:
        lo, hi = (e.end, gs) if e.end <= gs else (ge, e.start) if e.start >= ge else (None, None)
        if lo is None:
            continue
        between = text[lo:hi]
        depth, words = 0, []
        for ch in between:
            depth += ch == "("
            if depth == 0 and ch not in "()":
                words.append(ch)
            depth -= ch == ")" and depth > 0
        rest = "".join(words).replace(",", " , ").replace(";", " ; ").split()
        if rest and all(w.lower() in LIST_WORDS for w in rest):
            return True
    return False


def _short(gold, best, ents, text, not_arm) -> str:
    """What the gold tokens that ``best`` misses hold, the side they lie on, and the linking word after it."""
    missed = [t for t in gold if not covered(t, best.start, best.end)]
    over = set()
    for t in missed:
        for e in ents:
            if e is not best and covered(t, e.start, e.end):
                over.add("+OUTCOME" if e.label == "OUTCOME" else "+population" if e.label not in ARMS else
                         "+no-arm" if e.id in not_arm else "+arm")
    what = "".join(sorted(over)) or "free"
    left = any(t[1] <= best.start for t in missed)
    right = any(t[0] >= best.end for t in missed)
    side = "both" if left and right else "left" if left else "right"
    after = next((text[a:b].lower() for a, b in missed if a >= best.end), "")
    link = after if after in FUNCTION_WORDS or after in ("related", "caused", "due", "associated") else "-"
    return f"too short | {what} | {side} | next {link}"


def block(finding, j, record, text, outcomeless, not_arm=frozenset()) -> str:
    """The first block (module doc) that keeps ``finding`` from a claim."""
    err = j.errors[0]
    if err == "sentence claim not a finding":
        types = sorted({c.type for c in record.claims if _overlaps(claim_span(c, record), finding.sentence)})
        return f"typed non-result | {'/'.join(types)}"
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    ents = [e for e in record.entities if _overlaps((e.start, e.end), finding.sentence)]
    outs = [e for e in ents if e.label == "OUTCOME"]
    if err == "no claim in sentence":
        again = copy.deepcopy(record)
        types = {c.type for c in outcomeless(again) if _overlaps(claim_span(c, again), finding.sentence)}
        return f"no OUTCOME, {'typed finding' if types & set(FINDING_TYPES) else 'untyped'}" if not any(
            _cover(gold, e) for e in outs) else f"no claim, OUTCOME over it, {'typed' if types else 'untyped'}"
    claims = [c for c in record.claims
              if c.type in FINDING_TYPES and _overlaps(claim_span(c, record), finding.sentence)]
    held = {i for c in claims for i in c.outcome}
    best = max(outs, key=lambda e: _cover(gold, e), default=None)
    if best is not None and 2 * _cover(gold, best) >= len(gold):
        return "held by no claim"
    if best is not None and _cover(gold, best):
        return _short(gold, best, ents, text, not_arm) + (" | held" if best.id in held else " | not held")
    under = sorted({"arm" if e.label in ARMS else "population"
                    for e in ents if e.label != "OUTCOME" and _cover(gold, e)})
    where = "list item" if _list_item(gold, [e for e in outs if e.id in held], text) else "elsewhere"
    return f"another outcome taken | {where} | over it: {'/'.join(under) or 'nothing'}"


def main() -> None:
    args, golds = tune_options(__doc__, "print the misses whose block contains this (OPEN only; 'all')")
    outcomeless = ClaimAssembler(outcomeless=True)
    rows: Counter = Counter()
    where: dict[str, set] = {}
    for g, record, text in _predict(golds, None, None, []):
        not_arm = RANKER.trial_check(record, sentence_views(record))[1] if RANKER and RANKER.trial_arms else set()
        for finding in g.findings:
            j = judge(finding, record, text)
            if j.found:
                continue
            row = block(finding, j, record, text, outcomeless, not_arm)
            rows[row] += 1
            where.setdefault(row, set()).add(g.key)
            if args.examples and (args.examples == "all" or args.examples in row):
                print(f"{row} || {finding.outcome.text} || {' '.join(text[slice(*finding.sentence)].split())}")
    print(f"not found {sum(rows.values())}")
    for row, n in sorted(rows.items()):
        print(f"{n:4d}  ({len(where[row])} abstracts)  {row}")


if __name__ == "__main__":
    main()
