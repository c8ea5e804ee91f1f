"""Which path set a found finding's arms the other way round (issue 10, session 16; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/swap_paths.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/swap_paths.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

Per found finding whose arm error is one of orientation - the judge's ``swapped arms``, ``intervention is the other
arm``, ``comparator is the other arm`` - one row of features (``--examples`` prints each with its sentence, OPEN
only, never BLIND or the report half):

* ``made``: ``rules`` when the claim before the arm ranker was already in that class, ``ranker`` when the ranker made
  it (the claim before it was judged otherwise), ``late`` when no pre-ranker claim is known (per-arm copies, the
  reported arm, a coordinated split);
* ``I`` / ``C``: where each slot's mentions lie - ``own`` (the finding's sentence), ``carried``, ``mixed``, ``none``;
  with ``ctl`` when every mention of the slot is control-worded (:func:`.control.is_control`), ``main`` when one names
  a main intervention of the abstract's context, ``dcomp`` when one is a design comparator;
* ``gold``: ``gI-ctl`` when the gold intervention is control-worded (the gold itself takes the control as its
  intervention), ``gC-ctl`` for the gold comparator;
* ``order`` (both slots own): ``I<C`` when the claim's intervention stands first in the sentence, ``cue>C`` when a
  comparison cue ("than", "compared with", "versus", "superior to") introduces the claim's comparator, ``cue>I`` when
  one introduces its intervention.

``--contrast`` also counts, over every found finding whose claim has both slots, the same features against the
judgement (``right`` both arms right / ``swap`` / ``other``): how often a feature marks an orientation error at all.
"""

from __future__ import annotations

from collections import Counter

from judged import judged, record_contexts, tune_options  # bench/judged.py

from claimex.assemble.claims.armrank import ArmRanker
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import control_worded, is_control
from claimex.assemble.claims.design import COMPARE_BEFORE, same_intervention
from claimex.evaluate.findings_match import judge_claim

ORIENT = ("swapped arms", "intervention is the other arm", "comparator is the other arm")
PRE: dict[tuple[str, str], object] = {}


def _wrap_rerank(inner):
    def rerank(self, record, claims, views=None, checked=None):
        for c in claims:
            PRE[(record.id, c.id)] = c
        return inner(self, record, claims, views, checked)
    return rerank


def install() -> dict[str, object]:
    """Keep each record's context (:func:`judged.record_contexts`, returned) and each claim before the ranker."""
    ArmRanker.rerank = _wrap_rerank(ArmRanker.rerank)
    return record_contexts()


def orientation(j) -> str | None:
    return next((e for e in ORIENT if e in j.errors), None)


def slot(ids, ents, claim, ctx) -> str:
    es = [ents[i] for i in ids if i in ents]
    if not es:
        return "none"
    own = [claim.start <= e.start < claim.end for e in es]
    where = "own" if all(own) else "carried" if not any(own) else "mixed"
    tags = []
    if all(is_control(e) for e in es):
        tags.append("ctl")
    if ctx is not None and any(any(same_intervention(entity_words(e), m) for m in ctx.main) for e in es):
        tags.append("main")
    if ctx is not None and any(ctx._is_known_comparator(e) for e in es):
        tags.append("dcomp")
    return where + ("+" + "+".join(tags) if tags else "")


def _role(es, ctx) -> str:
    main = any(any(same_intervention(entity_words(e), m) for m in ctx.main) for e in es)
    comp = any(ctx._is_known_comparator(e) or is_control(e) for e in es)
    return "main" if main and not comp else "comp" if comp and not main else "both" if main else "-"


def design_pair(claim, ents, ctx) -> str:
    """The claim's orientation against the design's: ``with`` (a main arm in the intervention slot, a design
    comparator or control in the comparator slot), ``against`` (the reverse), else each slot's role."""
    ci = [ents[i] for i in claim.intervention if i in ents]
    cc = [ents[i] for i in claim.comparator if i in ents]
    if ctx is None or not ci or not cc:
        return "-"
    ri, rc = _role(ci, ctx), _role(cc, ctx)
    return "with" if (ri, rc) == ("main", "comp") else "against" if (ri, rc) == ("comp", "main") else f"{ri}/{rc}"


def order(text, claim, ents) -> str:
    ci = [ents[i] for i in claim.intervention if i in ents]
    cc = [ents[i] for i in claim.comparator if i in ents]
    if not ci or not cc or not all(claim.start <= e.start < claim.end for e in ci + cc):
        return "-"
    first_i = min(e.start for e in ci) < min(e.start for e in cc)
    cue_c = any(COMPARE_BEFORE.search(text[max(claim.start, e.start - 45):e.start]) for e in cc)
    cue_i = any(COMPARE_BEFORE.search(text[max(claim.start, e.start - 45):e.start]) for e in ci)
    return ("I<C" if first_i else "C<I") + (" cue>C" if cue_c else "") + (" cue>I" if cue_i else "")


def gold_tags(finding) -> str:
    tags = []
    if control_worded(finding.intervention.text):
        tags.append("gI-ctl")
    if finding.comparator is not None and control_worded(finding.comparator.text):
        tags.append("gC-ctl")
    return "+".join(tags) or "-"


def main() -> None:
    def more(ap):
        ap.add_argument("--contrast", action="store_true")
    args, golds = tune_options(__doc__, "print each counted finding (OPEN only)", more)
    contexts = install()
    counts: Counter = Counter()
    abstracts: dict = {}
    contrast: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        ctx = contexts.get(record.id)
        for finding, j, claim in found:
            cls = orientation(j)
            feats = (f"I={slot(claim.intervention, ents, claim, ctx)}", f"C={slot(claim.comparator, ents, claim, ctx)}",
                     f"gold={gold_tags(finding)}", f"order={order(text, claim, ents)}",
                     f"design={design_pair(claim, ents, ctx)}")
            if args.contrast and claim.intervention and claim.comparator:
                state = "swap" if cls == "swapped arms" else (
                    "right" if j.fields.get("intervention") and j.fields.get("comparator") else "other")
                for f in feats:
                    contrast[(f, state)] += 1
            if cls is None:
                continue
            pre = PRE.get((record.id, claim.id))
            if pre is None:
                made = "late"
            else:
                pj = judge_claim(finding, pre, record, text)
                made = "rules" if pj is not None and orientation(pj) == cls else "ranker"
            counts[(cls, made) + feats] += 1
            abstracts.setdefault((cls, made) + feats, set()).add(g.id)
            if args.examples:
                sentence = " ".join(text[slice(*finding.sentence)].split())
                ci = [ents[i].text for i in claim.intervention if i in ents]
                cc = [ents[i].text for i in claim.comparator if i in ents]
                print(f"[{cls} | {made} | {' '.join(feats)}] {g.id} | gold {finding.intervention.text!r} vs "
                      f"{finding.comparator.text if finding.comparator else None!r} {finding.direction} | claim "
                      f"{ci} vs {cc} {claim.direction} | {sentence}")
    total: Counter = Counter()
    for key, n in counts.items():
        total[key[:2]] += n
        for f in key[2:]:
            total[key[:2] + (f,)] += n
    for key, n in sorted(total.items()):
        print(f"{n:4d}  {' | '.join(key)}")
    print("-- full rows")
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:4d} ({len(abstracts[key])} abstracts)  {' | '.join(key)}")
    if args.contrast:
        print("-- contrast (found findings with both slots): feature right / swap / other")
        feats = sorted({f for f, _ in contrast})
        for f in feats:
            print(f"{contrast[(f, 'right')]:5d} {contrast[(f, 'swap')]:5d} {contrast[(f, 'other')]:5d}  {f}")


if __name__ == "__main__":
    main()
