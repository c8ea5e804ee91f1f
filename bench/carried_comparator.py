"""Carried comparators that go wrong, by kind (issue 10, session 14): found findings whose claim's comparator is an
I/C entity from another sentence (carried, or a phrase of the sentence resolved to one) and is judged wrong, cut by
what was carried and what the gold comparator is. Counts only by default.

    OPENBLAS_NUM_THREADS=1 python bench/carried_comparator.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN)
    OPENBLAS_NUM_THREADS=1 python bench/carried_comparator.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS

Carried kinds: ``adjective`` (a design adjective: "placebo-controlled"), ``control word`` (nothing but control words
and bare-label words: "control", "placebo", "the control group", "controls"), ``named control`` (control-worded with
words of its own: "usual care", "docetaxel alone"), ``named arm``. Gold kinds: ``control word`` / ``named control`` /
``named arm`` the same way. ``entity names gold`` = an I/C entity before the finding's sentence names the gold
comparator (as the scorer reads names); ``only field`` = the comparator is the finding's one wrong field.
"""

from __future__ import annotations

import re
from collections import Counter

from carry_counts import where2  # bench/carry_counts.py
from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims.base import content_words
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.labels import bare_control
from claimex.evaluate.findings_match import FIELDS, arm_aliases, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")
_ADJECTIVE = re.compile(r"(?:^|[\s-])controlled$", re.IGNORECASE)
_SAYS_CONTROL = re.compile(r"\b(?:controls?|placebo|sham)\b", re.IGNORECASE)
_CONTROL_ONLY = frozenset(["placebo", "placebos", "sham", "control", "controls", "vehicle", "dummy", "matching",
                           "matched"])


def kind(text: str) -> str:
    """``adjective`` / ``control word`` / ``named control`` / ``named arm`` of an arm's text."""
    if _ADJECTIVE.search(text.strip()):
        return "adjective"
    words = content_words(text)
    if bare_control(text) or (words and all(w in _CONTROL_ONLY or bare_control(w) for w in words)):
        return "control word"
    return "named control" if control_worded(text) else "named arm"


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this (OPEN only)")
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        arms = [e for e in record.entities if e.label in ARMS]
        for f, j, claim in found:
            if not f.comparator or j.fields.get("comparator", True):
                continue
            gs, ge = f.sentence
            got = [ents[i] for i in claim.comparator if i in ents]
            carried = [e for e in got if not (gs <= e.start < ge)]
            if not carried:
                continue
            c_arm, i_arm = arm_aliases(f.comparator, record), arm_aliases(f.intervention, record)
            only = all(j.fields.get(k, False) for k in FIELDS if k != "comparator")
            earlier = [e for e in arms if e.end <= gs and entity_names(e, c_arm, i_arm)]
            ck = "+".join(sorted({kind(e.expanded or e.text) for e in carried}))
            gk = kind(f.comparator.text)
            named = "entity names gold" if earlier else "no entity names gold"
            cls = f"carried {ck}; gold {gk}; {named}"
            counts["comparator carried, wrong"] += 1
            counts[f"comparator carried, wrong, only field {int(only)}"] += 1
            counts[cls] += 1
            if only:
                counts[f"only field: {cls}"] += 1
            if earlier:
                counts[f"{cls}; earliest naming it is {kind(earlier[0].expanded or earlier[0].text)}"] += 1
                at = "+".join(sorted({where2(record, e) for e in earlier}))
                labels = "+".join(sorted({e.label[0] for e in earlier}))
                said = "sentence says control" if _SAYS_CONTROL.search(text[gs:ge]) else "sentence names no control"
                counts[f"{cls}; gold named in {at}; as {labels}; {said}"] += 1
            if args.examples and args.examples in cls:
                print(f"{g.key} | {cls} | gold {f.intervention.text!r} vs {f.comparator.text!r} | got "
                      f"{[e.text for e in got]} | earlier {[e.text for e in earlier][:4]} | "
                      f"{' '.join(text[gs:ge].split())[:220]}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
