"""How the claims name dose arms (issue 10): per found gold finding whose arms differ by a number (the two gold arms
share their letter words but not their numbers - "atorvastatin 10 mg" / "atorvastatin 40 mg" -, or the gold
intervention has numbers and no letter word but a unit - "500 mg"), the class of its intervention and comparator slots
under the findings scorer (:func:`claimex.evaluate.findings_match.entity_names`, which reads numbers):

* ``right``; ``missing``; ``bare label``; ``other dose`` (names the other gold arm);
* ``drug without dose``: the entity's letter words are words of the gold arms, it has no number that tells them apart;
* ``both doses``: the entity holds a number only each gold arm has; ``dose not in gold``: its numbers are neither arm's;
* ``drug with other words``: shares a letter word with the gold arms, has others, no telling number;
* ``other``: anything else (another arm, an outcome word ...).

And where the gold arm is written in the finding's own sentence: tagged with its dose (an INTERVENTION/COMPARATOR
entity names it), tagged without its dose (an arm entity overlaps the gold span but names neither arm), or untagged.
Counts only; ``--examples`` (OPEN, with ``--skip-ids``) prints each finding's gold arms and slot texts.

    OPENBLAS_NUM_THREADS=1 python bench/dose_arms.py --ids models/claimex-confidence/calibration_ids.txt
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options  # bench/judged.py

from claimex.evaluate.findings_match import (
    arm_aliases,
    arm_words,
    content_words,
    entity_names,
    is_bare,
    number_words,
)

ARMS = ("INTERVENTION", "COMPARATOR")


def dose_finding(finding) -> bool:
    """Do the gold arms differ by a number only, or is the gold intervention a bare dose?"""
    i = finding.intervention.text
    if not (content_words(i) - {"mg", "g", "ml", "h", "kg", "iu", "min", "day", "week", "month"}) and number_words(i):
        return True
    if finding.comparator is None:
        return False
    c = finding.comparator.text
    return content_words(i) == content_words(c) and arm_words(i) != arm_words(c)


def slot_class(ents, arm, other, letters, arm_nums, other_nums) -> str:
    if not ents:
        return "missing"
    if any(is_bare(e) for e in ents):
        return "bare label"
    if all(entity_names(e, arm, other) for e in ents):
        return "right"
    if other and all(entity_names(e, other, arm) for e in ents):
        return "other dose"
    mine, theirs = arm_nums - other_nums, other_nums - arm_nums
    for e in ents:
        nums = number_words(e.expanded or e.text) | number_words(e.text)
        words = content_words(e.expanded or e.text) | content_words(e.text)
        if nums & mine and nums & theirs:
            return "both doses"
        if nums and not nums & (arm_nums | other_nums):
            return "dose not in gold"
        if not nums & (mine | theirs) and words and words <= letters:
            return "drug without dose"
        if words & letters:
            return "drug with other words"
    return "other"


_DOSE_AT = re.compile(r"\s?(?:[a-zA-Z\u00b5\u03bc%/]+(?:/[a-zA-Z0-9]+)?)?\s*\)?\s*(group|arm|dose|cohort|:|,|;)?",
                      re.IGNORECASE)


def _where(record, text, gs, ge, tell) -> str:
    """Where the first number only the gold intervention has stands in the sentence: inside an arm entity, another
    entity, or untagged; and what follows its unit (a label word, a colon or comma, something else)."""
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", text[gs:ge]):
        if number_words(m.group()) & tell:
            a, b = gs + m.start(), gs + m.end()
            inside = [e.label for e in record.entities if e.start < b and a < e.end]
            where = ("in an arm entity" if any(x in ARMS for x in inside) else
                     f"in a {inside[0]} entity" if inside else "untagged")
            nxt = _DOSE_AT.match(text, b)
            follows = (nxt.group(1) or "other").lower() if nxt else "other"
            return f"{where}, then {follows}"
    return "not found"


def main() -> None:
    args, golds = tune_options(__doc__, "print every dose finding (OPEN only)")
    counts: Counter = Counter()
    for _g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, _j, claim in found:
            if not dose_finding(finding):
                continue
            counts["dose findings found"] += 1
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            letters = content_words(finding.intervention.text) | (
                content_words(finding.comparator.text) if finding.comparator else frozenset())
            i_nums, c_nums = number_words(finding.intervention.text), (
                number_words(finding.comparator.text) if finding.comparator else frozenset())
            ci = [ents[x] for x in claim.intervention if x in ents]
            cc = [ents[x] for x in claim.comparator if x in ents]
            ik = slot_class(ci, i_arm, c_arm, letters, i_nums, c_nums)
            counts[f"intervention: {ik}"] += 1
            if ik == "drug without dose":
                gs0, ge0 = finding.sentence
                own = all(gs0 <= e.start < ge0 for e in ci)
                after = " ".join(text[e.end:e.end + 16] for e in ci)
                telling = (i_nums ^ c_nums) & number_words(after)
                counts[f"  ... drug without dose: {'own' if own else 'carried'}, "
                       f"{'a telling number right after it' if telling else 'no telling number after it'}"] += 1
            if finding.comparator is not None:
                counts[f"comparator: {slot_class(cc, c_arm, i_arm, letters, c_nums, i_nums)}"] += 1
            gs, ge = finding.sentence
            span = finding.intervention
            if gs <= span.start < ge:
                over = [e for e in record.entities if e.label in ARMS and e.start < span.end and span.start < e.end]
                state = ("tagged with its dose" if any(entity_names(e, i_arm, c_arm) for e in over) else
                         "tagged without its dose" if over else "untagged")
                counts[f"gold intervention in the sentence: {state}"] += 1
            else:
                counts["gold intervention not in the sentence"] += 1
            tell = i_nums - c_nums
            sent_nums = number_words(text[gs:ge])
            counts["sentence holds a number only the gold intervention has: "
                   + ("yes" if tell and tell & sent_nums else "no" if tell else "no such number")] += 1
            if tell and tell & sent_nums:
                counts[f"  ... where it stands: {_where(record, text, gs, ge, tell)}"] += 1
            if args.examples:
                gold_c = finding.comparator.text if finding.comparator else None
                print(f"{record.id} I={finding.intervention.text!r} C={gold_c!r}"
                      f" | slot I={[e.text for e in ci]} C={[e.text for e in cc]} | {ik}")
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
