"""The comparator field's errors on gold comparisons, by the four kinds of issue 10's session-17 brief (counts only by
default): every found gold finding that names a comparator and whose claim's comparator the scorer does not accept
(intervention right or not), cut by

* ``state``: ``missing`` / ``mixed`` (one slot entity names the gold comparator, another does not) / ``wrong`` (none
  names it) / ``bare`` / ``other arm`` / ``swapped``, with ``i R|W`` (the intervention field);
* ``mixed extra``: what the entity beside the gold one is - the gold intervention's arm, an outcome / population
  span, a control word, another arm of the sentence or of another sentence;
* ``cue``: the gold comparator lies in the sentence within 60 characters after "than / versus / vs / compared
  with|to / relative to / in comparison with / against" (a comparator the sentence names by a cue), and whether an I/C
  entity there names it, and whether that entity is in the slot;
* ``control word``: the slot holds only control words ("control group", "controls", "placebo") while the gold names
  an arm, or the other way round, and whether an I/C entity anywhere in the abstract names the gold;
* ``multi-arm``: the abstract's gold findings name three or more different arms; the slot holds one entity per arm
  or several arms at once.

    OPENBLAS_NUM_THREADS=1 python bench/comparator_kinds.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN)
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS
"""

from __future__ import annotations

import re
from collections import Counter

from judged import comparator_state, judged, tune_options  # bench/judged.py

from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.coordinated import coordinated_runs
from claimex.assemble.claims.labels import bare_control
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names, is_bare

ARMS = ("INTERVENTION", "COMPARATOR")
_CUE = re.compile(r"\b(?:than|versus|vs\.?|v\.|compared (?:with|to)|relative to|in comparison (?:with|to)|against"
                  r"|comparison with)\s", re.I)
STATE = comparator_state()
_CONTROL_ONLY = frozenset(["placebo", "sham", "control", "vehicle", "dummy", "matching", "matched", "usual",
                           "standard", "care", "conventional", "routine", "no", "untreated"])


def control_only(text: str) -> bool:
    words = content_words(text)
    return bool(words) and words <= _CONTROL_ONLY


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def gold_arms(g, record) -> list[list[frozenset[str]]]:
    """The different arms the abstract's gold findings name (by the scorer's word sets)."""
    out: list[list[frozenset[str]]] = []
    for f in g.findings:
        for span in (f.intervention, f.comparator):
            if span is None:
                continue
            al = arm_aliases(span, record)
            if not al or any(any(a == b for a in al for b in o) for o in out):
                continue
            out.append(al)
    return out


def rows_of(g, record, text, f, j, claim) -> list[str]:
    ents = {e.id: e for e in record.entities}
    cc = [ents[i] for i in claim.comparator if i in ents]
    gs, ge = f.sentence
    c_arm, i_arm = arm_aliases(f.comparator, record), arm_aliases(f.intervention, record)
    i_ok = "i R" if j.fields.get("intervention") else "i W"
    errs = [e for e in j.errors if e.startswith("comparator") or e == "swapped arms"]
    state = ("swapped" if "swapped arms" in errs else "missing" if not cc else "bare" if any(is_bare(e) for e in cc)
             else "other arm" if "comparator is the other arm" in errs else
             "mixed" if any(entity_names(e, c_arm, i_arm) for e in cc) else "wrong")
    rows = [f"state {state}", f"state {state}; {i_ok}"]
    own = [e for e in cc if gs <= e.start < ge]
    slot = "own" if own and len(own) == len(cc) else "carried" if not own and cc else "both" if cc else "empty"
    rows.append(f"state {state}; slot {slot}; n={min(len(cc), 3)}")
    if state == "mixed":
        for e in cc:
            if entity_names(e, c_arm, i_arm):
                continue
            kind = next((name for label, name in (("OUTCOME", "outcome span"), ("POPULATION", "population span"))
                         if any(o.label == label and _overlap(o, e) for o in record.entities)), None)
            if kind is None:
                kind = ("gold intervention's arm" if entity_names(e, i_arm, c_arm) else
                        "control word" if control_only(e.expanded or e.text) else
                        "other arm, own sentence" if gs <= e.start < ge else "other arm, carried")
            rows.append(f"mixed extra: {kind}")
    if state == "missing":
        compared = "compared" if claim.direction in ("increase", "decrease", "no_difference") else "judged"
        ic = sorted((e for e in record.entities if e.label in ARMS), key=lambda e: e.start)
        s = record.sentences[claim.sentence]
        runs = coordinated_runs(text, s.start, s.end, ic)
        split = any(e.id in claim.intervention for r in runs for e in r)
        multi = "multi-arm" if len(gold_arms(g, record)) >= 3 else "two-arm"
        rows.append(f"missing {compared}; {multi}; {'in a coordinated run' if split else 'no run'}")
        namers = [e for e in record.entities if e.label in ARMS and entity_names(e, c_arm, i_arm)]
        where = ("tagged in sentence" if any(gs <= e.start < ge for e in namers) else
                 "text in sentence" if gs <= f.comparator.start < ge else
                 "tagged earlier" if any(e.end <= gs for e in namers) else
                 "tagged later" if namers else "never tagged")
        carried_c, _pool = STATE.get((s.start, text[s.start:s.end]), (None, []))
        design = ("no design comparator" if carried_c is None else "design comparator names gold"
                  if entity_names(carried_c, c_arm, i_arm) else "design comparator wrong")
        rows.append(f"missing {compared}; {where}; {design}")
        if where in ("never tagged", "text in sentence"):
            gkind = "control word" if control_only(f.comparator.text) or bare_control(f.comparator.text) else "named"
            word = re.search(r"\b(?:control|placebo|usual|standard|sham|no)\b", text, re.I)
            rows.append(f"missing {compared}; gold untagged, {gkind}; control word in abstract: {bool(word)}")
    # (b) a comparator the sentence names by a cue
    if gs <= f.comparator.start < ge:
        before = text[max(gs, f.comparator.start - 60):f.comparator.start]
        if _CUE.search(before):
            arms = [e for e in record.entities if e.label in ARMS and gs <= e.start < ge
                    and _overlap(e, f.comparator)]
            tagged = "tagged" if arms else "untagged"
            inslot = "in slot" if any(e.id in claim.comparator for e in arms) else "not in slot"
            rows.append(f"cue: gold after a cue in sentence; {tagged}; {inslot}; state {state}")
    # (c) control words against a named arm
    if cc and all(control_only(e.expanded or e.text) or bare_control(e.text) for e in cc) \
            and not control_only(f.comparator.text):
        namers = [e for e in record.entities if e.label in ARMS and entity_names(e, c_arm, i_arm)]
        where = ("nowhere" if not namers else "in sentence" if any(gs <= e.start < ge for e in namers)
                 else "earlier" if any(e.end <= gs for e in namers) else "later")
        slot = ("bare" if all(bare_control(e.text) for e in cc) else
                "placebo" if all("placebo" in e.text.lower() for e in cc) else "other control word")
        ctl = "gold control-worded" if control_worded(f.comparator.text) else "gold not control-worded"
        rows.append(f"control word in slot ({slot}), gold named; gold tagged {where}; {ctl}; "
                    f"{'own' if all(gs <= e.start < ge for e in cc) else 'carried'}")
    if control_only(f.comparator.text) and cc and not any(control_only(e.expanded or e.text) for e in cc):
        word = "placebo" if "placebo" in f.comparator.text.lower() else "other"
        rows.append(f"named in slot, gold control word ({word}); state {state}")
    # (d) multi-arm trials
    garms = gold_arms(g, record)
    if len(garms) >= 3:
        hit = sum(1 for al in garms if any(entity_names(e, al, []) for e in cc))
        rows.append(f"multi-arm ({min(len(garms), 5)} gold arms): slot entities {min(len(cc), 3)}, "
                    f"arms named {min(hit, 3)}; state {state}")
    return rows


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this text")
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for f, j, claim in found:
            if f.comparator is None:
                continue
            counts["gold comparisons found"] += 1
            if j.fields.get("comparator"):
                continue
            for row in rows_of(g, record, text, f, j, claim):
                counts[row] += 1
                where.setdefault(row, set()).add(g.id)
                if args.examples and args.examples in row:
                    s = record.sentences[claim.sentence]
                    ci = [ents[i].text for i in claim.intervention if i in ents]
                    cc = [ents[i].text for i in claim.comparator if i in ents]
                    print(f"--- {g.id} [{row}]\n  {text[s.start:s.end]}\n  gold I={f.intervention.text!r} "
                          f"C={f.comparator.text!r}\n  claim I={ci} C={cc}")
    for row in sorted(counts):
        print(f"{counts[row]:4d} ({len(where.get(row, ())):3d} abstracts)  {row}")


if __name__ == "__main__":
    main()
