"""Why gold findings are not found: the findings scorer's three miss classes, cut finer (counts only by default).

    python bench/findings_misses.py --ids models/claimex-confidence/calibration_ids.txt        # BLIND: counts only
    python bench/findings_misses.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). ``--examples CLASS`` prints the gold sentences of the misses whose class contains CLASS
(``all``: every miss): only with ``--skip-ids`` (OPEN), never on BLIND or on the report half. Per gold finding that
:func:`claimex.evaluate.findings_match.judge` does not find (the pipeline's records, as ``claimex evaluate --task
findings``), with the number of abstracts each class comes from:

* **no claim in sentence** / **sentence claim not a finding**: the sentence re-assembled with
  ``ClaimAssembler(outcomeless=True)`` says which typing it got: ``typed finding, dropped: no outcome entity``
  (a finding or adverse_effect claim the default assembler drops because it names no OUTCOME entity),
  ``typed conclusion`` / ``typed <type>``, or ``untyped`` (no claim even then); for the last two, the typing rule that
  decided (``[...]``, :func:`typing_paths.typing_path`); then whether an OUTCOME entity is there for the gold outcome
  (``entity covered`` / ``split`` over several / ``partial`` / ``<LABEL> only`` / ``none``) and whether the sentence
  holds a measure;
* **outcome not covered**: ``entity covers, held by ...`` (an OUTCOME entity of the sentence covers half the gold
  outcome's tokens but no finding claim holds it), ``outcome entity split`` (two or more OUTCOME entities together
  cover half of them, none alone), ``outcome entity partial`` (the best covers some but under half),
  ``<LABEL> only`` (no OUTCOME entity overlaps it; an arm or population entity does), ``none`` (no entity overlaps it).

Session 16 (docs/claims-rounds.md section 30.3), main 51e292f -> branch s16-found, grouped (BLIND counts only):

| class | OPEN before / after (56 / 56 missed) | BLIND before / after (258 / 243 missed) |
|---|---|---|
| untyped, an OUTCOME entity covers the gold outcome | 1 / 1 | 41 / 30 |
| untyped, no entity covers it | 1 / 1 | 10 / 8 |
| typed conclusion, an entity covers it | 0 / 0 | 10 / 6 |
| typed conclusion, no entity covers it | 4 / 4 | 7 / 7 |
| typed finding, dropped: no OUTCOME entity | 11 / 11 | 55 / 55 |
| outcome not covered: OUTCOME entity partial or split | 23 / 23 | 66 / 68 |
| outcome not covered: no OUTCOME entity over it (none, other label) | 16 / 16 | 68 / 68 |
| outcome not covered: an entity covers, held by no claim | 0 / 0 | 1 / 1 |

Round 9's figures, main 2e3af12 (an older, smaller BLIND):

| class | OPEN tune (58 of 655 missed) | BLIND tune (50 of 259 missed) |
|---|---|---|
| outcome not covered: outcome entity partial | 22 | 14 |
| outcome not covered: no entity | 11 | 8 |
| outcome not covered: other label only | 4 | 6 |
| outcome not covered: entity covers, claim took another | 0 | 0 |
| no claim in sentence: typed finding, dropped: no outcome entity | 11 | 8 |
| no claim in sentence: untyped | 2 | 8 |
| sentence claim not a finding: typed conclusion | 8 | 6 |

Tried in round 9 and not kept (found / fully / spurious; main: OPEN .911 / .476 / 13 of 503, BLIND .807 / .266 /
16 of 191; BLIND run once or twice per idea, figures only):

* ``weak_outcome`` 0.3 -> 0.2 (sm): OPEN .914 / .478 / 13 of 508, BLIND .815 / .259 / 16 of 195; Evidence Inference
  train prompts e2e .6973 -> .6922. Apart: the weak decode at 0.2 with the wide floor kept at 0.15, OPEN .914 /
  .476 / 13 of 508; the wide floor alone 0.15 -> 0.10, OPEN .911 / .478 / 13 of 503, BLIND identical to main.
* the OUTCOME head's top run per sentence with no weak span (floor 0.1, hysteresis relative to the sentence's top,
  added to ``pico_weak``): on weak 0.2, OPEN .918 / .478 / 13 of 513, BLIND .815 / .259 / 17 of 196; on 0.3, BLIND
  .807 / .266 / 17 of 193.
* a results-section sentence classifier (hashed uni+bigrams, logistic; 13,625 sentences of EI-2 headed abstracts,
  every gold id out; held-out on EI validation articles AUC .969) turning sentences with an OUTCOME entity into
  findings at p >= 0.9: conclusion-typed ones OPEN .913 / .476 / 13 of 504, BLIND .807 / .266 / 16 of 191; untyped
  ones too, BLIND .807 / .266 / 17 of 192 (untyped only, OPEN .911 / .476 / 19 of 509). As a veto (findings at
  p < 0.3 dropped): OPEN .882 / .470 / 12 of 482.
* a learned outcome-boundary extender (logistic over hashed token features, one decision per token beyond a
  claims-layer OUTCOME entity, merging an OUTCOME entity it reaches; trained on EI prompt outcome strings found in
  2,810 EI abstracts; held-out on 327 EI validation abstracts: step accuracy .868 vs .606 for never extending, AUC
  .93) overshoots the findings gold's outcome names: both sides, up to 8 tokens, p >= 0.5: OPEN .922 / .437 (outcome
  right .965 -> .907); p >= 0.7: .913 / .453; right side, up to 3 tokens: OPEN .918 / .473 / 12 of 502, BLIND .811 /
  .266 / 16 of 192 (outcome right .885 -> .867).
* joining two OUTCOME entities that only linking words part (outside the tagger's wide runs): OPEN .913 / .473.
"""

from __future__ import annotations

import copy
from collections import Counter

from judged import tune_options
from typing_paths import typing_path

from claimex.assemble.claims import ClaimAssembler
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import _overlaps, claim_span, covered, judge, tokens


def _covering(finding, record, text, label="OUTCOME"):
    """(gold tokens, best cover by one entity of ``label`` in the sentence, cover by all of them together)."""
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    ents = [e for e in record.entities if e.label == label and _overlaps((e.start, e.end), finding.sentence)]
    best = max((sum(covered(t, e.start, e.end) for t in gold) for e in ents), default=0)
    union = sum(any(covered(t, e.start, e.end) for e in ents) for t in gold)
    return gold, best, union, ents


def _entity_note(finding, record, text) -> str:
    """Is an OUTCOME entity there for the gold outcome: ``covered`` (one entity covers half its tokens), ``split``
    (two or more together do), ``partial``, ``<LABEL> only`` (an arm / population entity), ``none``."""
    gold, best, union, _ = _covering(finding, record, text)
    if gold and 2 * best >= len(gold):
        return "covered"
    if gold and 2 * union >= len(gold):
        return "split"
    if best:
        return "partial"
    span = (finding.outcome.start, finding.outcome.end)
    labels = sorted({e.label for e in record.entities if _overlaps((e.start, e.end), span)})
    return f"{'/'.join(labels)} only" if labels else "none"


def miss_class(finding, j, record, text: str, outcomeless: ClaimAssembler) -> str:
    """The finer class of one finding that ``judge`` did not find (module doc)."""
    err = j.errors[0]
    note = _entity_note(finding, record, text)
    if err != "outcome not covered":
        again = copy.deepcopy(record)
        types = sorted({c.type for c in outcomeless(again) if _overlaps(claim_span(c, again), finding.sentence)})
        if "finding" in types or "adverse_effect" in types:
            sub = "typed finding, dropped: no outcome entity"
        else:
            sub = f"typed {'/'.join(types)}" if types else "untyped"
            paths = typing_path(record)
            rules = sorted({paths[k][1] for k, s in enumerate(record.sentences)
                            if k in paths and _overlaps((s.start, s.end), finding.sentence)})
            sub += f" [{'; '.join(rules)}]"
        has_measure = any(_overlaps((m.start, m.end), finding.sentence) for m in record.measures)
        return f"{err}: {sub} | entity {note} | {'measure' if has_measure else 'no measure'}"
    if note == "covered":
        _, _, _, ents = _covering(finding, record, text)
        gold = tokens(text, finding.outcome.start, finding.outcome.end)
        ids = {e.id for e in ents if 2 * sum(covered(t, e.start, e.end) for t in gold) >= len(gold)}
        holders = sorted({c.type for c in record.claims if ids & set(c.outcome)})
        where = f"held by {'/'.join(holders)} claim" if holders else "held by no claim"
        return f"{err}: entity covers, {where}"
    if note in ("split", "partial"):
        return f"{err}: outcome entity {note}"
    return f"{err}: {note}"


def main() -> None:
    args, golds = tune_options(__doc__, "print misses whose class contains this (OPEN only; 'all' for every miss)")
    if args.examples is not None and not args.skip_ids:
        raise SystemExit("--examples only with --skip-ids (OPEN)")
    outcomeless = ClaimAssembler(outcomeless=True)
    counts: Counter = Counter()
    where: dict[str, set] = {}
    total = 0
    for g, record, text in _predict(golds, None, None, []):
        for finding in g.findings:
            total += 1
            j = judge(finding, record, text)
            if j.found:
                continue
            cls = miss_class(finding, j, record, text, outcomeless)
            counts[cls] += 1
            where.setdefault(cls, set()).add(g.key)
            if args.examples is not None and args.examples in (cls, "all") or (args.examples and args.examples in cls):
                sentence = " ".join(text[slice(*finding.sentence)].split())
                print(f"{cls} | gold outcome: {finding.outcome.text} | {g.key} | {sentence}")
    print(f"gold findings {total}, not found {sum(counts.values())}")
    for cls, n in counts.most_common():
        print(f"{n:4d}  ({len(where[cls])} abstracts)  {cls}")


if __name__ == "__main__":
    main()
