"""Which arm an abstract takes as its main (experimental) one, against the gold (issue 10, session 12; counts only
by default).

    OPENBLAS_NUM_THREADS=1 python bench/main_arm.py --skip-ids /work/wt/notes/s12/ids/notopen.txt   # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/main_arm.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

Per abstract: the gold's experimental arm is the intervention most of its compared findings (a comparator given)
name, the gold's control their most common comparator. The claims' main arm is what the assembly's
:class:`InterventionContext` holds at the end (its main interventions' latest mentions, else what it carries). Classes:
``main right`` (names the gold experimental arm), ``main is gold control`` (the arms swapped at abstract level),
``main is a part`` (a mention whose words lie inside the gold arm's: "doxorubicin" of "doxorubicin and
cyclophosphamide"), ``main other``, ``no main``; each cut by the found findings' intervention right / wrong in the
abstract. ``~`` rows: what a wrong main arm is and where the gold arm is first named; ``@`` rows (oracle-free
choices of the main arm: the current one, the title's first / longest arm, the most-mentioned cluster, the design's
allocated arm, combinations; session 13: ``results-I``, the arm the compared findings name most as their own
intervention, and ``results-I-if-main-absent``, that arm only where no finding names the current one): in how
many abstracts (and their compared findings) each names the gold experimental
arm. ``--examples`` prints the title, the gold arms and the main (OPEN only: never on BLIND or the report half).
"""

from __future__ import annotations

from collections import Counter

from judged import record_contexts, tune_options  # bench/judged.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.design import same_intervention
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names, judge


def _sentence_of(record, ent) -> int:
    return next((i for i, s in enumerate(record.sentences) if s.start <= ent.start < s.end), -1)


def features(counts, cls, record, text, ctx, main, i_arm, c_arm) -> None:
    """What the wrong main arm is and where the gold experimental arm is (counts only)."""
    arms = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR")]
    t = record.sentences[0]
    title = [e for e in arms if t.start <= e.start < t.end]
    outcomes = {" ".join(e.text.lower().split()) for e in record.entities if e.label == "OUTCOME"}
    gold_in_title = any(entity_names(e, i_arm, c_arm) for e in title)
    counts[f"~ {cls}: gold arm in title {int(gold_in_title)}"] += 1
    if main is not None:
        words = main.text.split()
        from_title = _sentence_of(record, main) == 0 or any(e.text == main.text for e in title)
        counts[f"~ {cls}: main from title {int(from_title)}"] += 1
        counts[f"~ {cls}: main words {min(len(words), 3)}"] += 1
        counts[f"~ {cls}: main -ly {int(words[-1].lower().endswith('ly'))}"] += 1
        counts[f"~ {cls}: main also an outcome text {int(' '.join(main.text.lower().split()) in outcomes)}"] += 1
    ranked = [e for e in arms if entity_names(e, i_arm, c_arm)]
    if ranked:
        first = ranked[0]
        at = _sentence_of(record, first)
        sec = record.sentences[at].section if at >= 0 else None
        counts[f"~ {cls}: gold arm first named in sentence {min(at, 4)} ({sec and sec[:12]})"] += 1
    else:
        counts[f"~ {cls}: gold arm never an I/C entity"] += 1


def _clusters(record):
    """The abstract's active INTERVENTION mentions grouped by :func:`same_intervention`, in order."""
    groups: list[list] = []
    for e in record.entities:
        if e.label != "INTERVENTION" or is_control(e) or not entity_words(e):
            continue
        g = next((g for g in groups if same_intervention(entity_words(e), entity_words(g[0]))), None)
        (g.append(e) if g is not None else groups.append([e]))
    return groups


def candidates(counts, record, ctx, i_arm, c_arm, weight, cls: str = "") -> None:
    """Oracle-free: which main-arm choice names the gold experimental arm (abstracts / compared findings)."""
    t = record.sentences[0]
    title = [e for e in record.entities
             if e.label == "INTERVENTION" and t.start <= e.start < t.end and not is_control(e)]
    groups = _clusters(record)
    mains = ctx.carried() or ctx.main_mentions()
    cands = {
        "current": mains[0] if mains else None,
        "title-first": title[0] if title else None,
        "title-longest": max(title, key=lambda e: len(e.text.split())) if title else None,
        "most-mentioned-first": max(groups, key=len)[0] if groups else None,
        "most-mentioned-longest": max(max(groups, key=len), key=lambda e: len(e.text.split())) if groups else None,
        "allocated": ctx.allocated,
        "treated": ctx.treated,
    }
    cur = cands["current"]
    alloc = ctx.allocated
    cands["alloc-unless-designed"] = cur if ctx.main_designed or alloc is None else alloc
    cands["alloc-against-unless-designed"] = cur if ctx.main_designed or alloc is None or not ctx.allocated_against \
        else alloc
    cands["alloc-if-against"] = alloc if alloc is not None and ctx.allocated_against else cur
    mm = max(groups, key=len) if groups else None
    cands["most-mentioned-if-current-once"] = (mm[0] if mm and cur is not None and sum(
        1 for g in groups for e in g if g is not mm and e.text == cur.text) <= 1 and len(mm) >= 3 else cur)
    cands["current-or-most-if-not-title"] = cur if title else (mm[0] if mm else cur)
    for own in (False, True):
        for least in (1, 2, 3):
            r = results_arm(record, own, least)
            cands[f"results-I own={own} least={least}"] = r or cur
            cands[f"results-I-if-main-absent own={own} least={least}"] = cur if main_in_results(record, cur) \
                else (r or cur)
    conc = typed_arm(record, "conclusion")
    aim = typed_arm(record, "aim")
    cands["conclusion"] = conc or cur
    cands["conclusion-if-not-title"] = cur if title else (conc or cur)
    cands["conclusion-if-main-absent"] = conc if conc is not None and cur is not None and not any(
        same_intervention(entity_words(cur), entity_words(e)) for e in typed_mentions(record, "conclusion")) else cur
    cands["aim-claims"] = aim or cur
    for name, c in cands.items():
        ok = c is not None and entity_names(c, i_arm, c_arm)
        counts[f"@ {name}: abstracts right"] += ok
        counts[f"@ {name}: compared findings in abstracts right"] += weight * ok
        if cls == "main is gold control":  # session 16: which choice names the experimental arm there
            counts[f"@@ [{cls}] {name}: abstracts right"] += ok
        if not title:  # session 17: abstracts whose title names no active arm
            counts[f"@@ [no title arm] {name}: abstracts right"] += ok


def typed_mentions(record, ctype: str) -> list:
    """The own (not inherited), active intervention entities of the record's ``ctype`` claims, in order."""
    by_id = {e.id: e for e in record.entities}
    out = []
    for c in record.claims:
        if c.type != ctype:
            continue
        for i in c.intervention:
            e = by_id.get(i)
            if i not in c.inherited and e is not None and entity_words(e) and not is_control(e):
                out.append(e)
    return out


def typed_arm(record, ctype: str):
    """The arm the ``ctype`` claims (conclusion / aim) name most as their own intervention (first of ties)."""
    groups: list[list] = []
    for e in typed_mentions(record, ctype):
        g = next((g for g in groups if same_intervention(entity_words(e), entity_words(g[0]))), None)
        (g.append(e) if g is not None else groups.append([e]))
    return max(groups, key=len)[0] if groups else None


def results_arm(record, own_comparator: bool, least: int = 1):
    """The arm the result sentences set against another most often: the intervention entity (named in its own
    sentence, not carried) of finding claims with a comparator, clustered by :func:`same_intervention`."""
    by_id = {e.id: e for e in record.entities}
    inherited_ok = lambda c, ids: not any(i in c.inherited for i in ids)  # noqa: E731
    groups: list[list] = []
    for c in record.claims:
        if c.type != "finding" or not c.comparator or len(c.intervention) != 1:
            continue
        if c.intervention[0] in c.inherited or (own_comparator and not inherited_ok(c, c.comparator)):
            continue
        e = by_id.get(c.intervention[0])
        if e is None or not entity_words(e) or is_control(e):
            continue
        g = next((g for g in groups if same_intervention(entity_words(e), entity_words(g[0]))), None)
        (g.append(e) if g is not None else groups.append([e]))
    best = max(groups, key=len) if groups else None
    return best[0] if best is not None and len(best) >= least else None


def main_in_results(record, main) -> bool:
    """Does a finding claim name (not carry) an arm that is a mention of ``main``?"""
    if main is None:
        return False
    key = entity_words(main)
    by_id = {e.id: e for e in record.entities}
    for c in record.claims:
        if c.type != "finding":
            continue
        for i in (*c.intervention, *c.comparator):
            e = by_id.get(i)
            if i not in c.inherited and e is not None and same_intervention(entity_words(e), key):
                return True
    return False


def main() -> None:
    args, golds = tune_options(__doc__, "print abstracts of classes containing this (OPEN only)")
    by_record = record_contexts()
    counts: Counter = Counter()
    contexts: dict[str, object] = {}
    records = []
    for g, record, text in _predict(golds, None, None, []):
        contexts[g.key] = by_record[record.id]
        records.append((g, record, text))
    for g, record, text in records:
        ctx = contexts[g.key]
        compared = [f for f in g.findings if f.comparator]
        if not compared:
            counts["abstracts without compared findings"] += 1
            continue
        gi = Counter(" ".join(f.intervention.text.split()) for f in compared).most_common(1)[0][0]
        gc = Counter(" ".join(f.comparator.text.split()) for f in compared).most_common(1)[0][0]
        fi = next(f for f in compared if " ".join(f.intervention.text.split()) == gi)
        fc = next(f for f in compared if " ".join(f.comparator.text.split()) == gc)
        i_arm, c_arm = arm_aliases(fi.intervention, record), arm_aliases(fc.comparator, record)
        mains = ctx.carried() or ctx.main_mentions()
        main = mains[0] if mains else None
        if main is None:
            cls = "no main"
        elif entity_names(main, i_arm, c_arm):
            cls = "main right"
        elif entity_names(main, c_arm, i_arm):
            cls = "main is gold control"
        elif content_words(main.expanded or main.text) and any(
                content_words(main.expanded or main.text) < a for a in i_arm):
            cls = "main is a part"
        else:
            cls = "main other"
        flipped = [c for c in ctx.comparators if entity_names(c, i_arm, c_arm)]
        if flipped:
            counts[f"gold experimental arm among the design's comparators ({cls}): abstracts"] += 1
            if args.examples == "flipped":
                print(f"FLIPPED {g.key} [{cls}] gold I {gi!r} C {gc!r} | main {main.text if main else None!r} | "
                      f"comparators {[c.text for c in ctx.comparators]}")
        if cls != "main right":
            features(counts, cls, record, text, ctx, main, i_arm, c_arm)
        candidates(counts, record, ctx, i_arm, c_arm, len(compared), cls)
        right = wrong = 0
        for f in g.findings:
            j = judge(f, record, text)
            if j.found:
                right += j.fields.get("intervention", False)
                wrong += not j.fields.get("intervention", False)
        counts[f"{cls}: abstracts"] += 1
        counts[f"{cls}: findings intervention right"] += right
        counts[f"{cls}: findings intervention wrong"] += wrong
        if args.examples and args.examples in cls:
            t = record.sentences[0]
            print(f"{g.key} [{cls}] I right {right} wrong {wrong}\n  title: {' '.join(text[t.start:t.end].split())}"
                  f"\n  gold I {gi!r} C {gc!r} | main {main.text if main else None!r} carried "
                  f"{[e.text for e in ctx.carried()]} comparator "
                  f"{ctx.named_comparator().text if ctx.named_comparator() else None!r}")
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
