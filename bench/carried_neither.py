"""Carried comparators that name neither gold arm while the intervention is right, by sub-shape (issue 10,
session 19; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_neither.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/carried_neither.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples ROW   # OPEN only: print the findings counted in rows containing ROW

The class is :mod:`pair_classes`'s ``comparator only: neither (carried)``: a found gold comparison whose
intervention the scorer accepts and whose comparator slot holds an entity of another sentence that names neither
gold arm. Each such finding is counted once per row family:

* ``carried``: what the slot holds (:func:`carried_comparator.kind`: control word / named control / named arm /
  adjective); ``gold``: what the gold comparator is, the same way;
* ``gold tagged``: an I/C entity naming the gold comparator lies in the finding's sentence / only earlier / only
  later / nowhere; ``gold design``: the gold is among the design's comparators at that sentence (``ctx.comparators``)
  or an earlier entity the design never took as one;
* ``design arms``: how many arms the title / aims / methods name (``ctx.design_arms``, 1 / 2 / 3+); ``gold arms``:
  how many distinct arms the abstract's gold findings name (a count only);
* ``sentence arms``: the sentence's own non-bare I/C entities (0 / 1 / 2+), and whether the claim's intervention is
  its own or carried; ``phrase``: the sentence says "control group" / "placebo group" / "the groups" ...;
* ``gold relation``: the gold comparator shares content words with the gold intervention (a dose / time /
  part sibling), is a time point ("baseline", "pre-", "before"), or is unrelated;
* ``path``: how the carried entity got into the slot (``inherited`` = carried by ``named_comparator``;
  ``resolved`` = an arm phrase of the sentence resolved to it) and which rule set it up
  (:mod:`comparator_sources`);
* ``only field``: the comparator is the finding's one wrong field.
"""

from __future__ import annotations

import re
from collections import Counter

import comparator_sources  # bench/comparator_sources.py (installs its wrapper on import)
from carried_comparator import kind  # bench/carried_comparator.py
from carry_counts import where2  # bench/carry_counts.py
from judged import comparator_state, judged, record_contexts, tune_options  # bench/judged.py
from pair_classes import slot_class  # bench/pair_classes.py

from claimex.evaluate.findings_match import FIELDS, arm_aliases, content_words, entity_names, is_bare

ARMS = ("INTERVENTION", "COMPARATOR")
_PHRASE = re.compile(r"\b(?:control|placebo|sham|comparison|usual[- ]care|standard[- ]care)\s+(?:group|arm)s?\b|"
                     r"\b(?:both|the\s+two|the\s+other|all)\s+(?:groups|arms)\b|\bcontrols\b", re.I)
_TIME = re.compile(r"\b(?:baseline|pre|before|prior|initial|preoperative|pretreatment|admission|entry)\b", re.I)


def _count(n: int, top: int) -> str:
    return f"{n}" if n < top else f"{top}+"


def rows_of(g, record, text, finding, j, claim, ctx, state) -> list[str]:
    """The sub-shape rows of one finding of the class (None of the class: empty list)."""
    ents = {e.id: e for e in record.entities}
    i_arm = arm_aliases(finding.intervention, record)
    c_arm = arm_aliases(finding.comparator, record)
    cc = [ents[i] for i in claim.comparator if i in ents]
    if slot_class(cc, c_arm, i_arm, finding.sentence) != "neither (carried)":
        return []
    gs, ge = finding.sentence
    carried = [e for e in cc if not (gs <= e.start < ge)]
    arms = [e for e in record.entities if e.label in ARMS and not is_bare(e)]
    naming = [e for e in arms if entity_names(e, c_arm, i_arm)]
    own = [e for e in arms if gs <= e.start < ge]
    where = ("in sentence" if any(gs <= e.start < ge for e in naming) else
             "only earlier" if any(e.end <= gs for e in naming) else
             "only later" if naming else "nowhere")
    sent = record.sentences[claim.sentence]
    _, design = state.get((sent.start, record.text[sent.start:sent.end]), (None, []))
    in_design = any(entity_names(e, c_arm, i_arm) for e in design)
    gold_arms = {frozenset(content_words(a.text)) for f in g.findings for a in (f.intervention, f.comparator)
                 if a is not None}
    ci_own = [i for i in claim.intervention if i in ents and gs <= ents[i].start < ge]
    gi, gc = content_words(finding.intervention.text), content_words(finding.comparator.text)
    relation = ("time point" if _TIME.search(finding.comparator.text) else
                "shares words with intervention" if gi & gc else "unrelated")
    paths = []
    for e in carried:
        how = "inherited" if e.id in claim.inherited else "resolved" if claim.arm_mentions else "other"
        paths.append(f"{how}: {comparator_sources.SOURCE.get(id(e), 'not a design comparator')}")
    only = all(j.fields.get(k, False) for k in FIELDS if k != "comparator")
    ck = "+".join(sorted({kind(e.expanded or e.text) for e in carried}))
    gk = kind(finding.comparator.text)
    ga = _count(len(gold_arms), 3)
    io = "own" if ci_own else "carried"
    extra = []
    if where == "in sentence":
        e = next(e for e in naming if gs <= e.start < ge)
        extra.append(f"gold in sentence: {'in arm_mentions' if e.id in claim.arm_mentions else 'not in arm_mentions'}"
                     f"; {e.label}; {'before' if ci_own and e.start < ents[ci_own[0]].start else 'after/none'}"
                     f" the intervention")
    if where == "only earlier":
        e = max((e for e in naming if e.end <= gs), key=lambda e: e.end)
        extra.append(f"gold earlier in: {where2(record, e)}; gold design "
                     f"{'among' if in_design else 'not among'}")
    return [
        f"gold arms {ga}; gold tagged {where}",
        f"gold arms {ga}; carried {ck}; gold {gk}",
        f"gold arms {ga}; intervention {io}; gold tagged {where}",
        f"gold arms {ga}; phrase {bool(_PHRASE.search(text[gs:ge]))}; intervention {io}",
        *extra,
        "class",
        f"carried {ck}; gold {gk}",
        f"gold tagged {where}",
        f"gold tagged {where}; gold {gk}",
        f"gold tagged {where}; carried {ck}; gold {gk}",
        f"phrase {bool(_PHRASE.search(text[gs:ge]))}; carried {ck}; gold {gk}",
        f"resolved {bool(claim.arm_mentions)}; carried {ck}; gold {gk}",
        f"gold design: {'among design comparators' if in_design else 'not among them'}",
        f"design arms {_count(len(ctx.design_arms) if ctx else 0, 3)}",
        f"gold arms {_count(len(gold_arms), 3)}",
        f"sentence arms {_count(len(own), 2)}; intervention {'own' if ci_own else 'carried'}",
        f"phrase: {'sentence has an arm phrase' if _PHRASE.search(text[gs:ge]) else 'none'}",
        f"gold relation: {relation}",
        *[f"path {p}" for p in sorted(set(paths))],
        f"only field {int(only)}",
        f"only field {int(only)}; carried {ck}; gold {gk}; gold tagged {where}",
    ]


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings counted in rows containing this (OPEN only)")
    contexts = record_contexts()
    state = comparator_state()
    counts: Counter = Counter()
    where: dict[str, set] = {}
    for g, record, text, found in judged(golds):
        ctx = contexts.get(record.id)
        for finding, j, claim in found:
            if not finding.comparator or not j.fields.get("intervention") or j.fields.get("comparator"):
                continue
            if "swapped arms" in j.errors:
                continue
            rows = rows_of(g, record, text, finding, j, claim, ctx, state)
            for r in rows:
                counts[r] += 1
                where.setdefault(r, set()).add(g.key)
            if args.examples and any(args.examples in r for r in rows):
                ents = {e.id: e for e in record.entities}
                cc = [ents[i].text for i in claim.comparator if i in ents]
                print(f"{g.key} | gold {finding.intervention.text!r} vs {finding.comparator.text!r} | got {cc} | "
                      f"{' '.join(text[slice(*finding.sentence)].split())[:240]}")
    for r, n in sorted(counts.items()):
        print(f"{n:4d} ({len(where[r]):3d} abstracts)  {r}")


if __name__ == "__main__":
    main()
