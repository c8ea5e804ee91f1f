"""Comparator for a single-arm finding, read per sentence: found findings by what their sentence holds (issue 10,
session 20; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/single_sentences.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/single_sentences.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        --examples 'arms 1'                                                                              # OPEN only

Per found finding (``findings_match.judge``) with a claim that carries a comparator: gold single-arm (the error
"comparator for a single-arm finding") or gold comparison (right). Single-arm findings are split by what the gold of
their sentence holds (``no cmp``: no comparison at all; ``cmp other``: a comparison of another outcome; ``cmp same``).
Each row is one sentence feature; counted: single (no cmp) / single (cmp in sentence) / comparison. Features:
``arms N`` the distinct arm mentions of the sentence (I/C entities, "X group" phrases; 0 / 1 / 2+), ``words`` a
between-arm word ("than", "vs", "compared", "between", "differ", "difference", "similar", ...), ``degree`` a
comparative of degree, ``values`` the value shape (two arms' values paired by the rules, "respectively", a value and a
count "n/N", one value), ``design`` the abstract controlled or not (:func:`claimex.assemble.claims.sides.
controlled_design`), ``cohort`` a whole-cohort subject ("all patients", "overall", "in total", "of the N patients"),
``path`` the decision path (:mod:`arm_paths`), ``comparator`` own (a mention in the sentence) or carried, and
crossings of these ("arms | words | degree | path", "design | design comparator before the sentence | comparator |
words | degree"). Measured in docs/claims-rounds.md section 34.2.
``--examples PREFIX``: the sentence and claim of each single-arm finding of ``no cmp`` and each comparison counted in
rows starting with PREFIX (OPEN only).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import arm_paths as AP  # bench/arm_paths.py
from judged import judged, tune_options  # bench/judged.py

import claimex.assemble.claims as C
from claimex.assemble.claims.sides import controlled_design

COMPARED = ("increase", "decrease", "no_difference")
WORDS = re.compile(r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|between|differ\w*|similar(?:ly)?|"
                   r"comparable|equivalent|superior|inferior)\b", re.IGNORECASE)
DEGREE = re.compile(r"\b(?:higher|lower|greater|more|less|fewer|better|worse|larger|smaller|longer|shorter|faster|"
                    r"slower)\b", re.IGNORECASE)
ARM_PHRASE = re.compile(r"\b(?:(?:the|this|each|both|either)\s+)?(?:[\w-]+\s+)?(?:groups?|arms?)\b", re.IGNORECASE)
BOTH = re.compile(r"\b(?:both|each|either|all)\s+(?:the\s+)?(?:\w+\s+)?(?:groups?|arms?)\b", re.IGNORECASE)
COHORT = re.compile(r"\b(?:all\s+(?:the\s+)?(?:patients|subjects|participants|women|men|children)|overall|in\s+total|"
                    r"of\s+(?:the\s+)?\d+\s+(?:\w+\s+)?(?:patients|subjects|participants|women|men|children)|"
                    r"(?:the\s+)?whole\s+(?:group|cohort|sample)|entire\s+(?:group|cohort|sample))\b", re.IGNORECASE)
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
COUNT = re.compile(r"\b\d+\s*/\s*\d+\b|\b\d+\s+(?:of|out\s+of)\s+\d+\b")


def arm_count(text: str, spans: list[tuple[int, int]]) -> str:
    names = {re.sub(r"\W+", " ", text[a:b].lower()).strip() for a, b in spans}
    phrases = [m.group(0).lower() for m in ARM_PHRASE.finditer(text)]
    if BOTH.search(text):
        return "arms 2+ (both/each)"
    names |= {p for p in phrases if not any(n and n in p for n in names)}
    return "arms 0" if not names else "arms 1" if len(names) == 1 else "arms 2+"


def features(text: str, spans, claim, controlled: bool, path: str, own_c: bool) -> list[str]:
    n = arm_count(text, spans)
    words = bool(WORDS.search(text))
    degree = bool(DEGREE.search(text))
    vals = ("two arms' values" if len({a.arm or a.arm_text for a in claim.arms}) >= 2 else
            "respectively" if RESPECTIVELY.search(text) else "a count n/N" if COUNT.search(text)
            else "values" if claim.measures else "no values")
    return [n, f"{n} | words {'yes' if words else 'no'} | degree {'yes' if degree else 'no'}",
            f"words {'yes' if words else 'no'}", f"degree {'yes' if degree else 'no'}", f"values: {vals}",
            f"design {'controlled' if controlled else 'uncontrolled'}",
            f"cohort {'yes' if COHORT.search(text) else 'no'}",
            "path " + path, f"comparator {'own' if own_c else 'carried'}",
            f"{n} | words {'yes' if words else 'no'} | comparator {'own' if own_c else 'carried'}",
            f"{n} | words {'yes' if words else 'no'} | degree {'yes' if degree else 'no'} | {path}",
            f"design {'controlled' if controlled else 'uncontrolled'} | {path}",
            f"design {'controlled' if controlled else 'uncontrolled'} | words {'yes' if words else 'no'} | "
            f"degree {'yes' if degree else 'no'} | {path}"]


def main() -> None:
    args, golds = tune_options(__doc__, "print the no-comparison single-arm findings of rows starting with this "
                                        "(OPEN only)")
    C.decide = AP._decide
    C.ClaimAssembler.__call__ = AP._call
    C.between_arms = AP._between
    table: dict[str, Counter] = defaultdict(Counter)
    for g, record, _text, found in judged(golds):
        controlled = controlled_design(record.text)
        for finding, _j, c in found:
            if c.direction not in COMPARED or not c.comparator:
                continue
            kin = [h for h in g.findings if h.sentence == finding.sentence and h.comparator is not None]
            if finding.comparator is None:
                same = any(h.outcome.text.lower() == finding.outcome.text.lower() for h in kin)
                gold = "cmp same" if same else "cmp other" if kin else "no cmp"
            else:
                gold = "comparison"
            spans = [(e.start - c.start, e.end - c.start) for e in record.entities
                     if e.label in ("INTERVENTION", "COMPARATOR") and c.start <= e.start < c.end]
            own_c = any(c.start <= e.start < c.end for e in record.entities if e.id in c.comparator)
            key = (record.id, c.sentence, tuple(c.outcome), tuple(c.measures))
            info = AP.PATHS.get(key + (c.direction,)) or AP.PATHS.get(key) or ("(no path)", "", "")
            path = info[0] if info[0].count(": ") < 2 else ": ".join(info[0].split(": ")[:2])
            feats = features(c.text, spans, c, controlled, path, own_c)
            feats.append(f"design {'controlled' if controlled else 'uncontrolled'} | {info[1]} | "
                         f"comparator {'own' if own_c else 'carried'} | {feats[2]} | {feats[3]}")
            col = "single nocmp" if gold == "no cmp" else "single incmp" if gold.startswith("cmp ") else "cmp"
            for f in feats + ["all"]:
                table[f][col] += 1
            if args.examples and gold in ("no cmp", "comparison") and any(f.startswith(args.examples) for f in feats):
                ents = {e.id: e.text for e in record.entities}
                print(f"{gold:10s} {g.key} {finding.direction} I={finding.intervention.text!r} "
                      f"O={finding.outcome.text!r} | "
                      f"claim {c.direction} I={[ents.get(i) for i in c.intervention]} "
                      f"C={[ents.get(i) for i in c.comparator]} | {' | '.join(feats[4:9])} | "
                      f"{' '.join(c.text.split())}")
    print(f"{'feature (claims with a comparator)':58s} single/no-cmp-sentence  single/cmp-sentence  comparison")
    for f in sorted(table):
        t = table[f]
        print(f"{f:58s} {t['single nocmp']:8d} {t['single incmp']:8d} {t['cmp']:10d}")


if __name__ == "__main__":
    main()
