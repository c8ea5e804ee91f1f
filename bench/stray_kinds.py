"""What the entity in the intervention slot is when it is a stray mention of the finding's own sentence (issue 10,
session 19; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/stray_kinds.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/stray_kinds.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        [--examples KIND]   # OPEN only: print the findings of rows containing KIND

Per found finding whose intervention is wrong (``findings_match.judge``) and whose slot holds an I/C entity of the
finding's own sentence that names neither gold arm (``arm_classes`` "stray in-sentence arm" and "neither (own)"
alike: the gold intervention need not be tagged anywhere), the first such entity is classed by what a reviewer would
call it, first match wins:

* ``part of the gold arm``: every content word of the entity is a word of the gold intervention ("AVR" for
  "concomitant AVR with CABG", "TAP-144-SR" for "TAP-144-SR (6M)");
* ``two arms in one span``: the entity joins two arms ("and", "or", "/", "+", "versus", "minus" inside it);
* ``another arm of the trial``: it names an arm that another gold finding of the abstract names (intervention or
  comparator): a multi-arm trial, or a result about another arm;
* ``in an outcome`` / ``in a population``: it overlaps an OUTCOME / POPULATION entity;
* ``setting or time``: the word before it is a setting or time word (during, before, after, following, undergoing,
  prior to, post, pre, at, by, using, via, on);
* ``subgroup``: the word before it is "in" / "among" / "for" / "with" and it is no design arm (not named in the
  title or in any sentence before the first result sentence);
* ``design arm`` / ``other``: named in the title or a design sentence, or not.

Each also counted by whether the gold intervention is tagged in the sentence, and by the trial-arm check's verdict.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options  # bench/judged.py

from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")
JOIN = re.compile(r"\s(?:and|or|versus|vs\.?|minus)\s|/|\+", re.I)
SETTING = re.compile(r"\b(?:during|before|after|following|undergoing|prior to|post|pre|at|by|using|via|on)\W*"
                     r"(?:the\s+|a\s+|an\s+)?$", re.I)
SUBGROUP = re.compile(r"\b(?:in|among|for|with)\W*(?:the\s+|a\s+|an\s+|patients\s+with\s+)?$", re.I)


def kind(e, finding, record, text, others) -> str:
    words = content_words(e.text)
    gold_words = content_words(finding.intervention.text)
    if words and words <= gold_words:
        return "part of the gold arm"
    if JOIN.search(e.text):
        return "two arms in one span"
    if any(entity_names(e, a, []) for a in others):
        return "another arm of the trial"
    ents = record.entities
    if any(x.label == "OUTCOME" and _overlaps((x.start, x.end), (e.start, e.end)) for x in ents):
        return "in an outcome"
    if any(x.label == "POPULATION" and _overlaps((x.start, x.end), (e.start, e.end)) for x in ents):
        return "in a population"
    before = text[max(0, e.start - 40):e.start]
    if SETTING.search(before):
        return "setting or time"
    first_result = finding.sentence[0]
    design = any(x.label in ARMS and x.start < first_result and content_words(x.text) == words for x in ents
                 if x is not e)
    if SUBGROUP.search(before) and not design:
        return "subgroup"
    return "design arm" if design else "other"


def own_strays(found_by_abstract):
    """Per found finding whose intervention is wrong and whose slot holds entities of the finding's own sentence
    that name neither gold arm: ``(g, record, text, finding, claim, those entities, the other findings' arms,
    whether a gold arm is tagged in the sentence)``; ``found_by_abstract`` as :func:`judged.judged` yields."""
    for g, record, text, found in found_by_abstract:
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in found:
            if j.fields["intervention"]:
                continue
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            gs, ge = finding.sentence
            slot = [ents[i] for i in claim.intervention if i in ents]
            stray = [e for e in slot if _overlaps((e.start, e.end), (gs, ge)) and not entity_names(e, i_arm, c_arm)
                     and not (c_arm and entity_names(e, c_arm, i_arm))]
            if not stray:
                continue
            mine = (content_words(finding.intervention.text),
                    content_words(finding.comparator.text) if finding.comparator else None)
            others = [arm_aliases(a, record) for f in g.findings if f is not finding
                      for a in (f.intervention, f.comparator) if a is not None and content_words(a.text) not in mine]
            tagged = any(e.label in ARMS and _overlaps((e.start, e.end), (gs, ge)) and entity_names(e, i_arm, c_arm)
                         for e in record.entities)
            yield g, record, text, finding, claim, stray, others, tagged


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    counts: Counter = Counter()
    for g, record, text, finding, _claim, stray, others, tagged in own_strays(judged(golds)):
        k = kind(stray[0], finding, record, text, others)
        row = f"{k} | gold arm tagged in the sentence: {'yes' if tagged else 'no'}"
        counts[k] += 1
        counts[row] += 1
        if args.examples and args.examples in row:
            sentence = " ".join(text[slice(*finding.sentence)].split())
            print(f"[{row}] {g.id} | gold {finding.intervention.text!r} | slot {stray[0].text!r} | "
                  f"{sentence[:300]}")
    for row, n in sorted(counts.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
