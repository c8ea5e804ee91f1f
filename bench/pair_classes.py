"""Found findings whose two arm fields are wrong, and arms that are a part of the gold arm (issue 10, session 13;
counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/pair_classes.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/pair_classes.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples`` prints the sentence, the gold arms and the claim's arms of each counted finding: only on gold you may
read (OPEN), never on BLIND or the report half. Per found finding (``findings_match.judge``) the ``pattern`` rows
count which fields are wrong (i = intervention, c = comparator, d = direction, o = outcome, n = numbers,
s = significance; ``ic`` = both arms wrong, the rest right). Each wrong arm slot is put in one class:

* ``swapped``: the judge's swap (the claim's intervention names the gold comparator and its comparator the gold
  intervention);
* ``other arm``: the slot names the gold's other arm (no swap);
* ``common part``: every word of a slot entity lies in the gold arm and some in the gold's other arm too (a part the
  two arms share: "doxorubicin" of "doxorubicin and cyclophosphamide" vs "doxorubicin and docetaxel");
* ``part``: a slot entity's words lie inside the gold arm (a fragment the scorer does not accept), none shared;
* ``mixed``: the slot holds the gold arm beside another entity; ``missing`` / ``bare`` / ``neither`` (names no gold
  arm), with ``own`` / ``carried`` (the entity lies in the finding's sentence or not).

``dose pair`` rows count both-wrong findings whose two gold arms share their content words but for numbers, doses
or brackets ("TAP-144-SR (6M)" vs "(3M)"); ``dose pair [fields]`` rows give their slot classes. Measured in
docs/claims-rounds.md section 27.2 (main cc7c101: both arms wrong, the rest right, OPEN 27 / BLIND 66).

``--reach`` (session 23, section 37.1) adds rows for the both-wrong findings that are neither swapped nor a dose pair:
``reach`` - where an I/C entity of the record names each gold arm (``own``: in the finding's sentence, ``abstract``:
elsewhere only, ``none``; ``+outcome`` when an OUTCOME span of the sentence names it), ``reach x slots`` - that
beside the slot classes and the number of distinct gold arms of the abstract (``judged.gold_arms``: 2 or 3+),
``design roles`` - what the abstract's claims context makes of each gold arm (``main``: a mention of it is a main
intervention, ``dcomp``: a design comparator, ``both``, ``-``), alone and beside the arm count and the slots.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from judged import gold_arms, judged, record_contexts  # bench/judged.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.design import same_intervention
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names, is_bare

FIELDS = (("intervention", "i"), ("comparator", "c"), ("direction", "d"), ("outcome", "o"), ("numbers", "n"),
          ("significance", "s"))
_NUM = re.compile(r"\d")
ARM_LABELS = ("INTERVENTION", "COMPARATOR")


def _words(entity) -> frozenset[str]:
    return content_words(entity.expanded or entity.text) | content_words(entity.text)


def slot_class(ents, arm, other, sentence) -> str:
    """The class of one wrong arm slot (see the module docstring)."""
    if not ents:
        return "missing"
    if any(is_bare(e) for e in ents):
        return "bare"
    where = "own" if all(_overlaps((e.start, e.end), sentence) for e in ents) else "carried"
    if other and all(entity_names(e, other, arm) for e in ents):
        return f"other arm ({where})"
    if any(entity_names(e, arm, other) for e in ents):
        return f"mixed ({where})"
    arm_words = frozenset().union(*arm)
    other_words = frozenset().union(*other) if other else frozenset()
    for e in ents:
        w = _words(e)
        if w and w <= arm_words:
            return f"{'common part' if w & other_words else 'part'} ({where})"
    return f"neither ({where})"


def reach(record, sentence, arm, other) -> str:
    """Where an I/C entity of the record names the gold arm: ``own`` (in the finding's sentence), ``abstract``
    (elsewhere only), ``none``; ``+outcome`` when only an OUTCOME entity of the sentence names it."""
    named = [e for e in record.entities if e.label in ARM_LABELS and entity_names(e, arm, other)]
    if any(_overlaps((e.start, e.end), sentence) for e in named):
        return "own"
    outcome = any(e.label == "OUTCOME" and _overlaps((e.start, e.end), sentence) and entity_names(e, arm, other)
                  for e in record.entities)
    return ("abstract" if named else "none") + ("+outcome" if outcome else "")


def design_role(record, ctx, arm, other) -> str:
    """What the abstract's context makes of the gold arm: ``main`` (an I/C entity naming it is a main intervention),
    ``dcomp`` (a design comparator), ``both``, ``-`` (neither)."""
    if ctx is None:
        return "?"
    named = [e for e in record.entities if e.label in ARM_LABELS and entity_names(e, arm, other)]
    main = any(any(same_intervention(entity_words(e), m) for m in ctx.main) for e in named)
    comp = any(ctx._is_known_comparator(e) for e in named)
    return "both" if main and comp else "main" if main else "dcomp" if comp else "-"


def dose_pair(finding) -> bool:
    """Do the two gold arms differ only by numbers / doses / brackets?"""
    if finding.comparator is None:
        return False
    a = {w for w in content_words(finding.intervention.text) if not _NUM.search(w)}
    b = {w for w in content_words(finding.comparator.text) if not _NUM.search(w)}
    return bool(a) and a == b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", default=None, help="print findings of classes containing this (OPEN only)")
    ap.add_argument("--reach", action="store_true", help="add the reach rows of both-wrong findings")
    args = ap.parse_args()
    contexts = record_contexts() if args.reach else {}
    golds = select_gold(load_gold(args.gold, errors=[]), "tune", args.ids, args.skip_ids)
    counts: Counter = Counter()
    found = 0
    for g, record, text, judged_found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in judged_found:
            found += 1
            wrong = "".join(k for f, k in FIELDS if not j.fields.get(f, False))
            rows = [f"pattern {wrong or 'all right'}"]
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            ci = [ents[i] for i in claim.intervention if i in ents]
            cc = [ents[i] for i in claim.comparator if i in ents]
            swapped = "swapped arms" in j.errors
            ic = "i" in wrong and "c" in wrong
            if swapped:
                cls_i = cls_c = "swapped"
            else:
                cls_i = slot_class(ci, i_arm, c_arm, finding.sentence) if "i" in wrong else None
                cls_c = (slot_class(cc, c_arm, i_arm, finding.sentence) if c_arm else
                         "comparator for single arm") if "c" in wrong else None
            if ic:
                rest = "rest right" if wrong == "ic" else "rest wrong"
                rows.append(f"both wrong ({rest}): I {cls_i} | C {cls_c}")
                if args.reach and not swapped and not dose_pair(finding):
                    where = (f"I {reach(record, finding.sentence, i_arm, c_arm)} | "
                             f"C {reach(record, finding.sentence, c_arm, i_arm) if c_arm else 'single'}")
                    rows.append(f"reach ({rest}): {where}")
                    n_arms = len(gold_arms(g, record))
                    rows.append(f"reach x slots ({rest}): {where} || I {cls_i} | C {cls_c} || "
                                f"{'3+' if n_arms > 2 else n_arms} gold arms")
                    ctx = contexts.get(record.id)
                    roles = (f"gold I {design_role(record, ctx, i_arm, c_arm)} | gold C "
                             f"{design_role(record, ctx, c_arm, i_arm) if c_arm else 'single'}")
                    rows.append(f"design roles ({rest}): {roles}")
                    rows.append(f"design roles x arms ({rest}): {roles} || {'3+' if n_arms > 2 else n_arms} arms")
                    rows.append(f"design roles x slots ({rest}): {roles} || {'3+' if n_arms > 2 else n_arms} arms"
                                f" || {where} || I {cls_i} | C {cls_c}")
                if dose_pair(finding):
                    rows.append(f"both wrong ({rest}): dose pair")
                    rows.append(f"dose pair [{wrong}]: I {cls_i} | C {cls_c}")
            else:
                if cls_i:
                    rows.append(f"intervention only: {cls_i}")
                if cls_c:
                    rows.append(f"comparator only: {cls_c}")
            for cls in rows:
                counts[cls] += 1
                if args.examples and args.reach and cls.startswith("reach") and args.examples in cls:
                    print(f"[{cls}] {g.id} | gold {finding.intervention.text!r} vs "
                          f"{finding.comparator.text if finding.comparator else None!r} | claim "
                          f"{[e.text for e in ci]} vs {[e.text for e in cc]} | "
                          f"{' '.join(text[slice(*finding.sentence)].split())}")
                if args.examples and args.examples in cls and not cls.startswith(("pattern", "reach")):
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    comparator = finding.comparator.text if finding.comparator else None
                    print(f"[{cls}] {g.id} | gold {finding.intervention.text!r} vs {comparator!r} "
                          f"{finding.direction} | claim {[e.text for e in ci]} vs {[e.text for e in cc]} "
                          f"{claim.direction} | {sentence}")
    print(f"found {found}")
    for cls, n in sorted(counts.items()):
        if not cls.startswith("pattern") or n >= 10:
            print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
