"""Which of the design's comparators a comparison that names none should carry (issue 10, session 14): for every found
finding whose claim carries the design's comparator (``InterventionContext.named_comparator`` when its sentence was
assembled), the comparator each alternative choice among the design's comparators (``InterventionContext.comparators``
then) would carry, judged against the gold comparator as the findings scorer reads arm names. Counts only:
``choice before->after`` with R = names the gold comparator, W = does not.

    OPENBLAS_NUM_THREADS=1 python bench/comparator_choice.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN)
    OPENBLAS_NUM_THREADS=1 python bench/comparator_choice.py --skip-ids models/claimex-confidence/calibration_ids.txt

Choices: ``paired`` (the latest comparator named in a sentence that also names the claim's intervention),
``specific`` (the latest one that is not only control words: "placebo", "control", "placebo-controlled"),
``first`` (the first named one), ``control-first`` (the latest control-worded named one, else the current),
``title`` (the latest one the title set up), ``title-said-again`` (that, when a later sentence names it again).
``carried W: gold comparator ...`` rows say where the gold comparator of the wrong ones is: among the design's
comparators (``in pool``: a choice problem), a mention of the claim's own intervention (the arms are read the other way
round), an earlier entity the design did not take as a comparator, or no earlier entity. Measured in
docs/claims-rounds.md section 28.2.
"""

from __future__ import annotations

from collections import Counter

from carried_comparator import kind  # bench/carried_comparator.py
from judged import comparator_state, judged, tune_options  # bench/judged.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.labels import bare_control
from claimex.evaluate.findings_match import arm_aliases, entity_names

STATE = comparator_state()  # (sentence start, text) -> (carried comparator, comparators then)


def _sentence(record, ent):
    return next((s for s in record.sentences if s.start <= ent.start < s.end), None)


def choices(record, pool, current, interventions) -> dict:
    named = [c for c in pool if not bare_control(c.text)] or pool
    out = {}
    ikeys = [entity_words(e) for e in interventions]
    paired = []
    for c in named:
        s = _sentence(record, c)
        if s is None:
            continue
        here = [e for e in record.entities if s.start <= e.start < s.end and e.label in ("INTERVENTION", "COMPARATOR")]
        if any(same_intervention(entity_words(e), k) for e in here for k in ikeys if e is not c):
            paired.append(c)
    out["paired"] = paired[-1] if paired else current
    specific = [c for c in named if kind(c.expanded or c.text) not in ("control word", "adjective")]
    out["specific"] = specific[-1] if specific else current
    out["first"] = named[0] if named else current
    t = record.sentences[0]
    title = [c for c in named if t.start <= c.start < t.end]
    out["title"] = title[-1] if title else current
    later = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and e.start >= t.end]
    said = [c for c in title if any(same_intervention(entity_words(c), entity_words(e)) for e in later)]
    out["title-said-again"] = said[-1] if said else current
    worded = [c for c in named if control_worded(c.expanded or c.text)]
    out["control-first"] = worded[-1] if worded else current
    return out


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this (OPEN only)")
    counts: Counter = Counter()
    for _g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for f, j, claim in found:
            if not f.comparator:
                continue
            s = record.sentences[claim.sentence]
            current, pool = STATE.get((s.start, text[s.start:s.end]), (None, []))
            if current is None or claim.comparator != [current.id]:
                continue  # not the design's comparator carried
            c_arm, i_arm = arm_aliases(f.comparator, record), arm_aliases(f.intervention, record)
            before = "R" if j.fields.get("comparator") else "W"
            counts[f"carried {before}"] += 1
            interventions = [ents[i] for i in claim.intervention if i in ents]
            if before == "W":
                inpool = any(entity_names(c, c_arm, i_arm) for c in pool)
                gs = f.sentence[0]
                earlier = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and e.end <= gs
                           and entity_names(e, c_arm, i_arm)]
                mains = any(same_intervention(entity_words(e), entity_words(i)) for e in earlier for i in interventions)
                state = "in pool" if inpool else ("earlier, a mention of the claim's intervention" if mains else
                                                  "earlier, not in pool" if earlier else "not earlier")
                counts[f"carried W: gold comparator {state}"] += 1
                if args.examples and args.examples in state:
                    sent = " ".join(text[s.start:s.end].split())[:200]
                    print(f"{_g.key} | {state} | gold {f.intervention.text!r} vs {f.comparator.text!r} | carried "
                          f"{current.text!r} | pool {[c.text for c in pool]} | {sent}")
                if earlier and not inpool and not mains:
                    k = "+".join(sorted({kind(e.expanded or e.text) for e in earlier}))
                    counts[f"carried W: gold comparator earlier, not in pool, carried {kind(current.text)}, "
                           f"gold {k}"] += 1
            for name, cand in choices(record, pool, current, interventions).items():
                after = "R" if entity_names(cand, c_arm, i_arm) else "W"
                if cand is not current:
                    counts[f"{name} {before}->{after}"] += 1
    for cls, n in sorted(counts.items()):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
