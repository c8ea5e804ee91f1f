"""What a wrong intervention slot holds and which step chose it (issue 10, session 17; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/arm_slots.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/arm_slots.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples all`` prints each counted finding with its rows (OPEN only: ``--skip-ids``). Per found
finding (``findings_match.judge``) whose intervention is judged "wrong or mixed", the rows count:

* ``slot``: how many entities the slot holds, how many of them name the gold intervention (the scorer's
  ``entity_names``: a "mixed" slot holds the gold arm beside another entity), and whether they are entities of the
  finding's own sentence (``own``) or carried from another sentence (``carried``);
* ``stray``: what the entity naming no gold arm is - a control-worded arm, a span overlapping an OUTCOME or a
  POPULATION entity (or a population head: "nurses"), a span with digits (a dose), else ``other``;
* ``gold tagged``: whether an INTERVENTION/COMPARATOR entity naming the gold intervention exists in the
  sentence, only elsewhere in the abstract, or nowhere (then no choice among tagged mentions can fix it; why:
  :func:`untagged_kind`);
* ``path``: ``not read`` - the arm ranker never saw the claim (the one arm its sentence names, with no comparator:
  ``armrank._own_arm``; a per-arm single-arm finding) -, else whether the ranker kept the rules' intervention or
  changed it, and whether the gold arm was among its candidates and scored above the chosen mention (also counted
  for the findings whose gold arm is tagged in the sentence);
* ``unscoreable intervention`` (every found finding): a gold intervention no entity can name for the scorer
  (:func:`unscoreable`: the dose arms of a dose-comparison trial);
* ``several`` (every found finding, right or wrong, whose claim the rules gave two or more intervention mentions,
  which the ranker narrows to one): how many of them name the gold arm, and where exactly one does, how often
  each pick finds it (:func:`several`).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from judged import judged, tune_options  # bench/judged.py
from pair_classes import _NUM, dose_pair  # bench/pair_classes.py

import claimex.assemble.claims.armrank as armrank
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.mentions import PERSON
from claimex.assemble.claims.weights import logistic
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")


def ranker_spy() -> dict[tuple[str, str], tuple]:
    """Patch :meth:`armrank.ArmRanker.choose` so that each claim the ranker reads is kept: returns the dict
    ``{(record id, claim id): (candidates as (entity, P(intervention), features), the rules' intervention ids, the
    chosen ids)}``."""
    seen: dict[tuple[str, str], tuple] = {}
    current = [""]
    choose, rerank = armrank.ArmRanker.choose, armrank.ArmRanker.rerank

    def spied_choose(self, cands, claim, not_arm=frozenset()):
        out = choose(self, cands, claim, not_arm)
        if cands:
            p_i = logistic(np.array([c.x for c in cands]) @ self._w)[:, 0]
            seen[(current[0], claim.id)] = ([(c.entity, float(p), c.x) for c, p in zip(cands, p_i)],
                                            list(claim.intervention), list(out[0]))
        return out

    def spied_rerank(self, record, claims, *args, **kwargs):
        current[0] = str(record.id)
        return rerank(self, record, claims, *args, **kwargs)

    armrank.ArmRanker.choose, armrank.ArmRanker.rerank = spied_choose, spied_rerank
    return seen


def stray_kind(e, record) -> str:
    """What an intervention entity that names no gold arm is (module docstring, ``stray``)."""
    def overlaps(label: str) -> bool:
        return any(o.label == label and o.start < e.end and e.start < o.end for o in record.entities)
    return ("control-worded" if control_worded(e.text) else "outcome span" if overlaps("OUTCOME") else
            "population" if overlaps("POPULATION") or PERSON.search(e.text) else
            "digits" if re.search(r"\d", e.text) else "other")


def untagged_kind(finding, record) -> str:
    """Why no arm entity names the gold intervention: its two gold arms differ only by a dose or a bracket
    (:func:`pair_classes.dose_pair`, or the arm is only a dose: "500 mg"), an arm entity shares a content word with
    it (a part, a longer span, another wording the scorer does not accept), or none does."""
    words = {w for w in content_words(finding.intervention.text) if not _NUM.search(w)}
    if not words or dose_pair(finding):
        return "dose arm"
    if any(words & content_words(e.text) for e in record.entities if e.label in ARMS):
        return "an arm entity shares a word"
    return "no arm entity shares a word"


def unscoreable(finding, record) -> str | None:
    """Can no entity ever name the gold intervention for the scorer? Its words are letter runs
    (``findings_match._WORD``), so a gold intervention without a letter word ("250 mg" is {mg}, "250" nothing) names
    nothing, and two gold arms with the same letter words ("TAP-144-SR (6M)" / "(3M)") cannot be told apart
    (``names_arm`` wants the entity more like its arm than the other)."""
    i_arm = arm_aliases(finding.intervention, record)
    if not i_arm:
        return "gold intervention without a letter word"
    c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
    if c_arm and set(i_arm) == set(c_arm):
        return "both gold arms of the same letter words"
    return None


def rows(finding, claim, record, seen) -> list[str]:
    """The counted rows of one found finding whose intervention is wrong or mixed (module docstring)."""
    ents = {e.id: e for e in record.entities}
    i_arm = arm_aliases(finding.intervention, record)
    c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
    slot = [ents[i] for i in claim.intervention if i in ents]
    sentence = finding.sentence
    own = [e for e in slot if _overlaps((e.start, e.end), sentence)]
    gold = [e for e in slot if entity_names(e, i_arm, c_arm)]
    where = "own" if len(own) == len(slot) else "carried" if not own else "own and carried"
    out = [f"slot: {len(slot)} entities, {len(gold)} naming the gold arm, {where}"]
    out += [f"stray: {stray_kind(e, record)} ({'own' if e in own else 'carried'})" for e in slot if e not in gold]
    tagged = [e for e in record.entities if e.label in ARMS and entity_names(e, i_arm, c_arm)]
    out.append("gold tagged: " + ("in sentence" if any(_overlaps((e.start, e.end), sentence) for e in tagged)
                                  else "elsewhere only" if tagged else "nowhere"))
    if not tagged:
        out.append("gold tagged nowhere: " + untagged_kind(finding, record))
    read = seen.get((str(record.id), claim.id))
    if read is None:
        out.append(f"path: not read by the ranker ({where}, comparator {'set' if claim.comparator else 'empty'}, "
                   f"direction {claim.direction})")
    else:
        cands, rule, chosen = read
        step = "rules kept" if rule == chosen else "ranker changed"
        best = max((p for e, p, _ in cands if entity_names(e, i_arm, c_arm)), default=None)
        mine = max((p for e, p, _ in cands if e.id in chosen), default=0.0)
        state = ("gold not a candidate" if best is None else
                 "gold scored above the chosen" if best > mine else "gold scored at most the chosen")
        out.append(f"path: ranker read, {step}, {state} ({where})")
    if out[-2] == "gold tagged: in sentence":
        out.append("gold tagged in sentence, " + out[-1])
    return out


_TITLE, _MENTIONS = armrank.FEATURES.index("in_title"), armrank.FEATURES.index("mentions")


def several(finding, claim, record, seen) -> list[str]:
    """For a finding whose claim the rules gave several intervention mentions (the ranker then keeps one): how many
    name the gold arm and, when exactly one does, which pick finds it - the ranker's, the first or last mention,
    the one nearest the claim's outcome, the one in the title, the most mentioned, the tagger's best score."""
    read = seen.get((str(record.id), claim.id))
    if read is None or len(read[1]) < 2:
        return []
    cands, rule, chosen = read
    by_id = {e.id: (e, x) for e, _, x in cands}
    slot = [by_id[i] for i in rule if i in by_id]
    i_arm = arm_aliases(finding.intervention, record)
    c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
    names = [entity_names(e, i_arm, c_arm) for e, _ in slot]
    out = [f"several: {sum(names)} of {min(len(slot), 3)}{'+' if len(slot) > 3 else ''} name the gold arm"]
    if sum(names) != 1:
        return out
    ents = {e.id: e for e in record.entities}
    outcomes = [ents[i] for i in claim.outcome if i in ents]

    def gap(e) -> int:
        return min((max(o.start - e.end, e.start - o.end, 0) for o in outcomes), default=0)

    order = sorted(range(len(slot)), key=lambda k: slot[k][0].start)
    picks = {"ranker": next((k for k, (e, _) in enumerate(slot) if e.id in chosen), None),
             "first": order[0], "last": order[-1],
             "nearest the outcome": min(range(len(slot)), key=lambda k: gap(slot[k][0])),
             "in the title": max(range(len(slot)), key=lambda k: slot[k][1][_TITLE]),
             "most mentioned": max(range(len(slot)), key=lambda k: slot[k][1][_MENTIONS]),
             "best tagger score": max(range(len(slot)), key=lambda k: slot[k][0].score or 0.0)}
    return [f"several, one names gold: {how} {'right' if k is not None and names[k] else 'wrong'}"
            for how, k in picks.items()]


def main() -> None:
    args, golds = tune_options(__doc__, "print each counted finding with its row (OPEN only)")
    seen = ranker_spy()
    counts: Counter = Counter()
    found = 0
    for g, record, text, judged_found in judged(golds):
        ents = {e.id: e.text for e in record.entities}
        for finding, j, claim in judged_found:
            found += 1
            counts.update(several(finding, claim, record, seen))
            never = unscoreable(finding, record)
            if never is not None:
                judged_as = "right" if j.fields["intervention"] else "wrong"
                counts[f"unscoreable intervention ({never}): found, judged {judged_as}"] += 1
            if "intervention wrong or mixed" not in j.errors:
                continue
            counts["intervention wrong or mixed"] += 1
            found_rows = rows(finding, claim, record, seen)
            counts.update(found_rows)
            if args.examples:
                sentence = " ".join(text[slice(*finding.sentence)].split())
                print(f"{g.id} | gold {finding.intervention.text!r} | claim "
                      f"{[ents[i] for i in claim.intervention if i in ents]} | {found_rows} | {sentence}")
    print(f"found {found}")
    for row, n in sorted(counts.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
