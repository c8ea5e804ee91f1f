"""Carried arms that name neither gold arm, by cause - both slots (issue 10, session 21; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_causes.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/carried_causes.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    ... --skip-ids ... --examples CAUSE   # OPEN only: print the findings whose cause row contains CAUSE

Every found gold finding whose intervention (``I``) or comparator (``C``) slot is :mod:`pair_classes`'s
``neither (carried)`` (the slot names neither gold arm and an entity of it lies outside the finding's sentence),
with ``single`` for a comparator on a single-arm gold finding counted apart. One cause per slot, the first that holds:

* ``not an arm: outcome`` / ``not an arm: population``: every carried entity's content words lie inside a gold
  outcome of the abstract or a POPULATION entity of the record (an outcome or a group of patients taken for an arm);
* ``another gold arm``: a carried entity names an arm another gold finding of the abstract names (a second active
  arm of a 3+ arm trial, the other comparison's arm, the control's own single-arm result) - cut by the number of
  distinct gold arms of the abstract (2 / 3+);
* ``other wording``: a carried entity shares a content word with the gold arm (or its abbreviation forms) but the
  scorer does not accept it (a longer / shifted form: "sterilized BTB allografts" for "BioCleanse-sterilized");
* ``gold bare label``: the gold arm has no content word ("the intervention group");
* ``gold in sentence, tagged`` / ``untagged``: the gold arm's span lies in the finding's sentence, with or without an
  I/C entity naming it (the sentence names the arm; the claim carried another);
* ``gold tagged elsewhere``: an I/C entity of the record names the gold arm, outside the sentence (a choice among
  mentions);
* ``gold never tagged``: no I/C entity names the gold arm anywhere.

``pair`` rows: the finding's row of :mod:`pair_classes` (intervention only / comparator only / both wrong).
"""

from __future__ import annotations

import re
from collections import Counter

from judged import gold_arms, judged, tune_options  # bench/judged.py
from pair_classes import FIELDS, slot_class  # bench/pair_classes.py

from claimex.assemble.claims.control import control_worded
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names

_BARE_CONTROL = re.compile(r"^(?:the\s+)?controls?(?:\s+(?:groups?|arms?|condition|subjects|patients))?$", re.I)


def _words(e) -> frozenset[str]:
    return content_words(e.text) | content_words(e.expanded or "")


def cause(ents, arm, other, finding, g, record) -> str:
    sentence = finding.sentence
    carried = [e for e in ents if not _overlaps((e.start, e.end), sentence)]
    outcomes = [content_words(f.outcome.text) for f in g.findings]
    pops = [_words(e) for e in record.entities if e.label == "POPULATION"]
    if carried and all(_words(e) and any(_words(e) <= o for o in outcomes) for e in carried):
        return "not an arm: outcome"
    if carried and all(_words(e) and any(_words(e) <= p for p in pops) for e in carried):
        return "not an arm: population"
    arms = gold_arms(g, record)
    n = "3+" if len(arms) >= 3 else "2"
    own = {a[0] for a in (arm, other) if a}
    if any(entity_names(e, a, []) for e in carried for a in arms if a[0] not in own):
        return f"another gold arm ({n} gold arms)"
    arm_words = frozenset().union(*arm) if arm else frozenset()
    if not arm_words:
        return "gold bare label"
    if any(_words(e) & arm_words for e in carried):
        return "other wording"
    arm_ents = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR")
                and entity_names(e, arm, other)]
    if any(_overlaps((e.start, e.end), sentence) for e in arm_ents):
        return "gold in sentence, tagged"
    return "gold tagged elsewhere" if arm_ents else "gold never tagged"


def sim_control(counts, args, g, text, finding, claim, ents, i_arm, c_arm, right: bool) -> None:
    """``sim control subject`` rows: a single-arm claim (empty comparator) whose intervention lies wholly outside its
    sentence while every arm mention of the sentence is control-worded ("Women in the control group showed a
    decline"): the intervention before (R / W) -> the sentence's control mention as the intervention."""
    sentence = finding.sentence
    ci = [ents[i] for i in claim.intervention if i in ents]
    mentions = [ents[i] for i in claim.arm_mentions if i in ents]
    if claim.comparator or not ci or any(_overlaps((e.start, e.end), sentence) for e in ci) or not mentions:
        return
    if not all(control_worded(e.expanded or e.text) or e.label == "COMPARATOR" for e in mentions):
        return
    after = all(entity_names(e, i_arm, c_arm) for e in mentions)
    gold = "gold single-arm" if finding.comparator is None else "gold compared"
    row = f"sim control subject | {gold} | {'R' if right else 'W'}->{'R' if after else 'W'}"
    counts[row] += 1
    if args.examples and args.examples in row:
        sentence_text = " ".join(text[slice(*sentence)].split())
        cmp = finding.comparator.text if finding.comparator else None
        print(f"[{row}] {g.id} | gold {finding.intervention.text!r} vs {cmp!r} | claim I {[e.text for e in ci]} "
              f"| mentions {[e.text for e in mentions]} | {sentence_text}")


def sim_outcome_arm(counts, args, g, text, finding, claim, ents, record, right: bool) -> None:
    """``sim outcome arm`` rows: a claim whose intervention lies wholly outside its sentence and whose every
    intervention entity's content words lie inside one OUTCOME entity of the record (the tagger read the words as an
    outcome too): R / W before, counted (no replacement is simulated)."""
    ci = [ents[i] for i in claim.intervention if i in ents]
    if not ci or any(_overlaps((e.start, e.end), finding.sentence) for e in ci):
        return
    outs = [_words(e) for e in record.entities if e.label == "OUTCOME"]
    if all(_words(e) and any(_words(e) <= o for o in outs) for e in ci):
        row = f"sim outcome arm | {'R' if right else 'W'}"
        counts[row] += 1
        if args.examples and args.examples in row:
            print(f"[{row}] {g.id} | gold {finding.intervention.text!r} | claim I {[e.text for e in ci]}")


def sim_bare_control(counts, args, g, text, finding, claim, ents, i_arm, c_arm, right: bool) -> None:
    """``sim bare control`` rows: a claim whose comparator lies wholly outside its sentence while the sentence's arm
    mentions hold a bare control mention ("the control group", "controls"): the comparator before (R / W) -> that
    mention as the comparator, cut by whether the carried comparator is control-worded and by the gold."""
    sentence = finding.sentence
    cc = [ents[i] for i in claim.comparator if i in ents]
    if not cc or any(_overlaps((e.start, e.end), sentence) for e in cc):
        return
    bare = [ents[i] for i in claim.arm_mentions if i in ents and _BARE_CONTROL.match(ents[i].text.strip())
            and _overlaps((ents[i].start, ents[i].end), sentence)]
    if not bare:
        return
    if c_arm:
        after = entity_names(bare[0], c_arm, i_arm)
        gold = "gold compared"
    else:
        after, gold = False, "gold single-arm"
        right = False
    carried = "carried control-worded" if all(control_worded(e.expanded or e.text) for e in cc) else "carried named"
    row = f"sim bare control | {carried} | {gold} | {'R' if right else 'W'}->{'R' if after else 'W'}"
    counts[row] += 1
    if args.examples and args.examples in row:
        sentence_text = " ".join(text[slice(*sentence)].split())
        cmp = finding.comparator.text if finding.comparator else None
        print(f"[{row}] {g.id} | gold {finding.intervention.text!r} vs {cmp!r} | claim C {[e.text for e in cc]} "
              f"| {sentence_text}")


def shape(slot, span, finding, record) -> str:
    """The carried entity control-worded or named, the gold arm control-worded or named, and whether an I/C
    entity naming the gold arm lies before the sentence, only after it, or nowhere outside it."""
    carried = ("carried bare control" if all(_BARE_CONTROL.match(e.text.strip()) for e in slot) else
               "carried control" if all(control_worded(e.expanded or e.text) for e in slot) else "carried named")
    gold = "gold control" if control_worded(span.text) else "gold named"
    arm, other = arm_aliases(span, record), []
    names = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and entity_names(e, arm, other)
             and not _overlaps((e.start, e.end), finding.sentence)]
    where = ("gold mention earlier" if any(e.start < finding.sentence[0] for e in names) else
             "gold mention only later" if names else "no gold mention outside")
    return f"{carried}, {gold}, {where}"


def gold_in_sentence(span, sentence) -> bool:
    return span is not None and sentence[0] <= span.start and span.end <= sentence[1]


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings whose cause row contains this (OPEN only)")
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in found:
            wrong = "".join(k for f, k in FIELDS if not j.fields.get(f, False))
            if "swapped arms" in j.errors:
                continue
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            slots = []
            if "i" in wrong:
                ci = [ents[i] for i in claim.intervention if i in ents]
                if slot_class(ci, i_arm, c_arm, finding.sentence) == "neither (carried)":
                    slots.append(("I", ci, i_arm, c_arm, finding.intervention))
            if "c" in wrong and c_arm:
                cc = [ents[i] for i in claim.comparator if i in ents]
                if slot_class(cc, c_arm, i_arm, finding.sentence) == "neither (carried)":
                    slots.append(("C", cc, c_arm, i_arm, finding.comparator))
            sim_control(counts, args, g, text, finding, claim, ents, i_arm, c_arm, "i" not in wrong)
            sim_outcome_arm(counts, args, g, text, finding, claim, ents, record, "i" not in wrong)
            sim_bare_control(counts, args, g, text, finding, claim, ents, i_arm, c_arm, "c" not in wrong)
            for role, slot, arm, other, span in slots:
                c = cause(slot, arm, other, finding, g, record)
                if c.startswith("gold in sentence, tagged") or c == "gold tagged elsewhere" \
                        or c == "gold never tagged":
                    if gold_in_sentence(span, finding.sentence) and c != "gold in sentence, tagged":
                        c = "gold in sentence, untagged"
                pair = ("both wrong" if "i" in wrong and "c" in wrong else
                        "intervention only" if role == "I" else "comparator only")
                single = " (gold single-arm)" if role == "I" and finding.comparator is None else ""
                mentions = [ents[i] for i in claim.arm_mentions if i in ents]
                named = [e for e in mentions if entity_names(e, arm, other)]
                mention = ("a mention names the gold" if named else
                           "mentions name no gold" if mentions else "no arm mention")
                rows = [f"{role} total", f"{role} cause {c}", f"{role} pair {pair}{single}",
                        f"{role} {pair} | {c}", f"{role} {c} | {mention}",
                        f"{role} {c} | {shape(slot, span, finding, record)}"]
                for r in rows:
                    counts[r] += 1
                if args.examples and args.examples in f"{role} cause {c}":
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    cmp = finding.comparator.text if finding.comparator else None
                    ci = [ents[i].text for i in claim.intervention if i in ents]
                    cc = [ents[i].text for i in claim.comparator if i in ents]
                    print(f"[{role} {c}] {g.id} | gold {finding.intervention.text!r} vs {cmp!r} | slot "
                          f"{[e.text for e in slot]} | claim I {ci} C {cc} | mentions {[e.text for e in mentions]} "
                          f"| {sentence}")
    for r, n in sorted(counts.items()):
        print(f"{n:4d}  {r}")


if __name__ == "__main__":
    main()
