"""Found findings that only their intervention keeps from being fully right (issue 10, session 22; counts only by
default).

    OPENBLAS_NUM_THREADS=1 python bench/intervention_only.py --ids models/claimex-confidence/calibration_ids.txt # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/intervention_only.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        [--examples ROW]   # OPEN only: print the findings of rows containing ROW

Two sets of found findings (``findings_match.judge``): every field right but the intervention (``I only``), and
every field right but the intervention and the comparator (``I+C``). Each is counted by:

* ``reason``: the judge's error (``swapped arms``, ``intervention is the other arm``, ``missing``, ``bare label``)
  and, for ``wrong or mixed``, what the first intervention entity that names no gold arm holds against the gold
  intervention's content words (``findings_match.content_words``): ``dose pair`` (``dose_arms.dose_finding``: the
  scorer cannot tell the arms by letters), ``gold arm + extra words`` (every gold word and more: too long),
  ``part of the gold arm`` (only gold words, fewer: too short, or shared with the other arm), ``holds an other-arm
  word`` (a word only the gold comparator has: mixed), ``shares a word`` (some gold words, some others), ``no gold
  word`` (wrong);
* ``source``: where that entity came from - ``own`` (an I/C entity of the finding's sentence that the rules put
  there), ``ranker`` (the arm ranker, ``armrank.ArmRanker.rerank``, changed the slot: spied), ``label`` (a label or
  arm phrase of the sentence resolved to a named arm, ``claim.arm_mentions``: ``labels.py`` / ``phrases.resolve``),
  ``carried`` (from another sentence, no mention of the sentence resolved to it);
* ``own cause``: for an entity of the finding's own sentence (own or ranker) that is not an arm swap,
  ``own_causes.cause`` (session 21's causes: dose pair, every arm together, measurement, background therapy,
  disease or population, then ``stray_kinds.kind``);
* ``arms``: the number of distinct gold arms of the abstract (content-word sets of every gold finding's arms):
  ``1``, ``2``, ``3+``.
"""

from __future__ import annotations

from collections import Counter

from dose_arms import dose_finding  # bench/dose_arms.py
from judged import judged, print_counts, tune_options  # bench/judged.py
from own_causes import cause  # bench/own_causes.py

import claimex.assemble.claims.armrank as armrank
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")


def spy_ranker() -> dict[str, list[str]]:
    """Patch ``ArmRanker.rerank`` so that each claim whose slots it changed is kept: ``{claim id: the rules'
    intervention}`` (claim ids are unique per record run; the dict is cleared by the caller per abstract)."""
    changed: dict[str, list[str]] = {}
    original = armrank.ArmRanker.rerank

    def spy(self, record, claims, *args, **kwargs):
        out = original(self, record, claims, *args, **kwargs)
        for before, after in zip(claims, out):
            if before is not after and before.intervention != after.intervention:
                changed[f"{record.id}/{after.id}"] = list(before.intervention)
        return out

    armrank.ArmRanker.rerank = spy
    return changed


def reason(j, e, finding) -> str:
    for err in ("swapped arms", "intervention is the other arm", "intervention missing", "intervention bare label"):
        if err in j.errors:
            return err
    if dose_finding(finding):
        return "dose pair"
    words, gold = content_words(e.text) | content_words(e.expanded or ""), content_words(finding.intervention.text)
    comp = content_words(finding.comparator.text) if finding.comparator else frozenset()
    if gold and gold < words:
        return "gold arm + extra words"
    if words and words <= gold:
        return "part of the gold arm"
    if words & (comp - gold):
        return "holds an other-arm word"
    if words & gold:
        return "shares a word"
    return "no gold word"


def source(e, claim, finding, record, changed) -> str:
    if f"{record.id}/{claim.id}" in changed:
        return "ranker"
    if _overlaps((e.start, e.end), finding.sentence):
        return "own"
    return "label" if claim.arm_mentions else "carried"


def arm_count(g) -> str:
    arms = {content_words(a.text) for f in g.findings for a in (f.intervention, f.comparator) if a is not None}
    n = len({a for a in arms if a})
    return "3+" if n >= 3 else str(n)


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    changed = spy_ranker()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in found:
            wrong = {f for f, ok in j.fields.items() if not ok}
            if wrong not in ({"intervention"}, {"intervention", "comparator"}):
                continue
            kind = "I only" if wrong == {"intervention"} else "I+C"
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            slot = [ents[i] for i in claim.intervention if i in ents]
            e = next((x for x in slot if not entity_names(x, i_arm, c_arm)), slot[0] if slot else None)
            r = reason(j, e, finding) if e is not None else "intervention missing"
            s = source(e, claim, finding, record, changed) if e is not None else "-"
            rows = [f"{kind} | all", f"{kind} | reason {r}", f"{kind} | source {s}", f"{kind} | arms {arm_count(g)}",
                    f"{kind} | reason {r} | source {s}"]
            if e is not None and r not in ("swapped arms", "intervention is the other arm") \
                    and _overlaps((e.start, e.end), finding.sentence):
                mine = (content_words(finding.intervention.text),
                        content_words(finding.comparator.text) if finding.comparator else None)
                others = [arm_aliases(a, record) for f in g.findings if f is not finding
                          for a in (f.intervention, f.comparator)
                          if a is not None and content_words(a.text) not in mine]
                rows.append(f"{kind} | own cause {cause(e, finding, record, text, others)}")
            counts.update(rows)
            if args.examples and any(args.examples in row for row in rows):
                sentence = " ".join(text[slice(*finding.sentence)].split())
                print(f"[{kind} | {r} | {s}] {g.id} | gold I {finding.intervention.text!r} C "
                      f"{finding.comparator.text if finding.comparator else None!r} | slot "
                      f"{[x.text for x in slot]} | {sentence[:300]}")
    print_counts(counts)


if __name__ == "__main__":
    main()
