"""Carried arms against the abstract's main arm (issue 10, session 17; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_main.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/carried_main.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of rows containing CLASS

Per found finding whose claim's intervention (``I``) or comparator (``C``) is wholly carried (every entity of the
slot lies outside the finding's sentence), right / wrong by the scorer, cut by:

* ``main``: the abstract's main-arm class as :mod:`main_arm` reads it (the gold experimental arm = the intervention
  most compared gold findings name; ``right`` / ``gold control`` / ``part`` / ``other`` / ``none`` / ``no compared``);
* ``gold``: what the gold finding's own arm is - the abstract's experimental arm (``exp``), its control (``ctl``),
  another arm (``other``), a single-arm finding (suffix ``single``);
* ``what`` (wrong carried arms only): the carried mention is a mention of the context's main arm cluster or not;
  its content words against the gold arm's - ``part`` (inside the gold arm but under the scorer's half: too short),
  ``longer`` (holds every gold word and more: too long), ``overlap``, ``disjoint``, ``other gold arm`` (names the
  finding's other gold arm), ``control-worded``;
* ``how``: ``resolved`` (a mention of the sentence - "the intervention group", "Group B" - stands for the carried
  arm, ``Claim.arm_mentions``; ``control-worded`` when that mention is) or ``context`` (the sentence names no arm);
* ``abstract`` rows: abstracts with a wrong carried intervention, how many carried findings they have and whether
  all are wrong; how many distinct carried mentions (texts) of the main cluster the abstract's findings get, and
  for abstracts whose findings carry several clusters the right / wrong of the majority and minority clusters;
  for wrong-main abstracts, whether the reported arm (:func:`.reported.reported_arm`) names the gold arm and
  whether the results name the main / the gold arm in their own sentences;
* ``sim`` rows (findings whose intervention is wholly carried, right / wrong before -> after): the arm the
  conclusion claims name most (``main_arm.typed_arm``) in place of the carried arm, with conditions; the reported
  arm in place of a carried arm the results name too, by the reported arm's size.

Measured in docs/claims-rounds.md section 31.3 (s17-carry).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from judged import judged, record_contexts, tune_options  # bench/judged.py
from main_arm import typed_arm, typed_mentions  # bench/main_arm.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.labels import bare_control
from claimex.assemble.claims.reported import reported_arm
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names

_CONTROL_WORD = re.compile(r"\b(?:controls?|placebo|sham|usual\s+care|standard\s+care)\b", re.I)


_BOTH = re.compile(r"\b(?:both|each|either|all)\s+(?:\w+\s+)?(?:groups?|arms?|regimens?|treatments?|"
                   r"interventions?|cohorts?)\b", re.I)
_RESP = re.compile(r"\brespectively\b", re.I)


def _norm(text: str) -> str:
    return " ".join(text.split())


def gold_arms(g, record):
    """The gold experimental and control arms of an abstract (word-set aliases), as :mod:`main_arm` reads them."""
    compared = [f for f in g.findings if f.comparator]
    if not compared:
        return None, None
    gi = Counter(_norm(f.intervention.text) for f in compared).most_common(1)[0][0]
    gc = Counter(_norm(f.comparator.text) for f in compared).most_common(1)[0][0]
    fi = next(f for f in compared if _norm(f.intervention.text) == gi)
    fc = next(f for f in compared if _norm(f.comparator.text) == gc)
    return arm_aliases(fi.intervention, record), arm_aliases(fc.comparator, record)


def main_class(main, i_arm, c_arm) -> str:
    if i_arm is None:
        return "no compared"
    if main is None:
        return "none"
    if entity_names(main, i_arm, c_arm):
        return "right"
    if entity_names(main, c_arm, i_arm):
        return "gold control"
    words = content_words(main.expanded or main.text)
    if words and any(words < a for a in i_arm):
        return "part"
    return "other"


def gold_role(f, record, i_arm, c_arm) -> str:
    """What the finding's gold intervention is against the abstract's experimental / control arm."""
    if i_arm is None:
        return "single-arm abstract"
    words = content_words(f.intervention.text)
    if words and names_set(words, i_arm, c_arm):
        role = "exp"
    elif words and names_set(words, c_arm, i_arm):
        role = "ctl"
    else:
        role = "other"
    return role + ("" if f.comparator else " single")


def names_set(words, arm, other) -> bool:
    if not arm:
        return False
    inside = max(len(words & a) / len(words) for a in arm)
    return inside >= 0.5 and not (bool(other) and max(len(words & a) / len(words) for a in other) > inside)


def shape(ent, arm, other) -> str:
    """A wrong carried mention's words against the gold arm's."""
    if other and entity_names(ent, other, arm):
        return "other gold arm"
    if control_worded(ent.expanded or ent.text):
        return "bare control" if bare_control(ent.text) else "control-worded"
    words = content_words(ent.expanded or ent.text)
    if not words:
        return "bare"
    if any(words < a for a in arm):
        return "part"
    if any(a < words for a in arm):
        return "longer"
    if any(words & a for a in arm):
        return "overlap"
    return "disjoint"


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    by_record = record_contexts()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ctx = by_record[record.id]
        ents = {e.id: e for e in record.entities}
        mains = ctx.carried() or ctx.main_mentions()
        main = mains[0] if mains else None
        i_arm, c_arm = gold_arms(g, record)
        mcls = main_class(main, i_arm, c_arm)
        conc = typed_arm(record, "conclusion")
        conc_all = typed_mentions(record, "conclusion")
        named = [ents[i] for c in record.claims if c.type == "finding"
                 for i in (*c.intervention, *c.comparator) if i not in c.inherited and i in ents]
        rep_arm = reported_arm(record.claims, ents)
        own_interventions = [ents[c.intervention[0]] for c in record.claims
                             if c.type == "finding" and c.comparator and len(c.intervention) == 1
                             and c.intervention[0] not in c.inherited and c.intervention[0] in ents]
        per_abs: dict[str, list] = defaultdict(list)
        by_cluster: dict[str, list] = {"I": [], "C": []}  # per slot: [(cluster key, right)]
        texts_by_cluster: dict[int, set] = defaultdict(set)
        for f, j, claim in found:
            s = record.sentences[claim.sentence]
            fi = arm_aliases(f.intervention, record)
            fc = arm_aliases(f.comparator, record) if f.comparator else []
            role = gold_role(f, record, i_arm, c_arm)
            for slot, ids, arm, other in (("I", claim.intervention, fi, fc), ("C", claim.comparator, fc, fi)):
                got = [ents[i] for i in ids if i in ents]
                if not got or any(s.start <= e.start < s.end for e in got):
                    continue
                if slot == "C" and not f.comparator:
                    counts["C carried on a single-arm gold finding"] += 1
                    continue
                ok = j.fields.get("intervention" if slot == "I" else "comparator", False)
                rw = "R" if ok else "W"
                counts[f"{slot} carried {rw}"] += 1
                counts[f"{slot} carried {rw} | main {mcls}"] += 1
                counts[f"{slot} carried {rw} | main {mcls} | gold {role}"] += 1
                e = got[0]
                key = entity_words(e)
                clu = next((k for k in by_cluster[slot] if same_intervention(key, k[0])), None)
                if clu is None:
                    clu = (key, [])
                    by_cluster[slot].append(clu)
                clu[1].append(ok)
                own = [ents[i] for i in claim.arm_mentions if i in ents and s.start <= ents[i].start < s.end]
                how = "resolved" if own else "context"
                if own and any(control_worded(m.expanded or m.text) for m in own):
                    how += " control-worded"
                counts[f"{slot} carried {rw} | {how} | gold single {int(not f.comparator)}"] += 1
                if slot == "I" and not f.comparator:
                    st = text[s.start:s.end]
                    both = bool(_BOTH.search(st))
                    resp = bool(_RESP.search(st))
                    cut = f"gold {role} | both-words {int(both)} | respectively {int(resp)}"
                    counts[f"I carried {rw} | gold single | {cut}"] += 1
                if slot == "I" and not claim.comparator and how == "context":
                    cw = bool(_CONTROL_WORD.search(text[s.start:s.end]))
                    counts[f"I carried {rw} | claim single, context | gold {role} | control word in sentence {int(cw)}"
                           ] += 1
                in_main = main is not None and same_intervention(entity_words(e), entity_words(main))
                if slot == "I" and conc is not None:
                    ck = entity_words(conc)
                    mine = [m for m in record.entities if m.label in ("INTERVENTION", "COMPARATOR")
                            and entity_words(m) and same_intervention(entity_words(m), ck)]
                    before = [m for m in mine if m.start < s.start]
                    cand = (before or [conc])[-1]
                    cok = bool(fi) and entity_names(cand, fi, fc)
                    carried_is_conc = any(same_intervention(entity_words(x), ck) for x in got)
                    conc_names_carried = any(same_intervention(entity_words(x), entity_words(m))
                                             for x in got for m in conc_all)
                    res_names_carried = any(same_intervention(entity_words(x), entity_words(m))
                                            for x in got for m in named)
                    comp_is_conc = any(same_intervention(entity_words(ents[i]), ck) for i in claim.comparator
                                       if i in ents)
                    if not carried_is_conc:
                        tr = f"{rw}->{'R' if cok else 'W'}"
                        counts[f"sim conclusion always {tr}"] += 1
                        if not comp_is_conc:
                            counts[f"sim conclusion unless comparator {tr}"] += 1
                            if not conc_names_carried:
                                counts[f"sim conclusion unless comparator, carried unconcluded {tr}"] += 1
                                if not res_names_carried:
                                    counts[f"sim conclusion unless comparator, carried unconcluded, unreported {tr}"
                                           ] += 1
                if slot == "I" and not ok and rep_arm and fi and entity_names(rep_arm[0], fi, fc):
                    rk = entity_words(rep_arm[0])
                    why = ("is the reported arm (form)" if any(same_intervention(entity_words(x), rk) for x in got)
                           else "comparator is the reported arm" if any(
                               same_intervention(entity_words(ents[i]), rk) for i in claim.comparator if i in ents)
                           else "results name the carried arm" if any(
                               same_intervention(entity_words(x), entity_words(m)) for x in got for m in named)
                           else "other")
                    counts[f"I carried W, reported arm names the gold: {why}"] += 1
                if slot == "I" and rep_arm and claim.type in ("finding", "adverse_effect"):
                    rk = entity_words(rep_arm[0])
                    if not any(same_intervention(entity_words(x), rk) for x in got) and not any(
                            same_intervention(entity_words(ents[i]), rk) for i in claim.comparator if i in ents):
                        before = [m for m in rep_arm if m.start < s.start]
                        cand = (before or rep_arm[:1])[-1]
                        tr = f"{rw}->{'R' if fi and entity_names(cand, fi, fc) else 'W'}"
                        own_n = sum(1 for m in own_interventions if any(
                            same_intervention(entity_words(x), entity_words(m)) for x in got))
                        for k in (2, 3, 4):
                            if len(rep_arm) >= k:
                                counts[f"sim reported size>={k} (any carried) {tr}"] += 1
                                if own_n < len(rep_arm):
                                    counts[f"sim reported size>={k}, more than the carried arm {tr}"] += 1
                                if own_n == 0:
                                    counts[f"sim reported size>={k}, carried never own I {tr}"] += 1
                if slot == "I":
                    per_abs[g.key].append(ok)
                    if in_main:
                        texts_by_cluster[0].add(_norm(e.text))
                if not ok:
                    what = shape(e, arm, other) if arm else "no gold arm"
                    counts[f"{slot} carried W | main {mcls} | carried is main cluster {int(in_main)} | {what}"] += 1
                    if slot == "C":
                        gt = f.comparator.text
                        gcls = "bare control" if bare_control(gt) else "control-worded" if control_worded(gt) \
                            else "named"
                        counts[f"C carried W | main {mcls} | carried {what} | gold comparator {gcls}"] += 1
                    cut = f"gold {role} | main cluster {int(in_main)} | {what} | {how}"
                    counts[f"{slot} carried W | main {mcls} | {cut}"] += 1
                    row = f"{slot} W main {mcls} gold {role} mainclu {int(in_main)} {what} {how}"
                    if args.examples and args.examples in row:
                        print(f"{g.key} [{row}]\n  S: {_norm(text[s.start:s.end])[:300]}\n  gold I "
                              f"{f.intervention.text!r} C {f.comparator.text if f.comparator else None!r} | claim "
                              f"{[ents[i].text for i in claim.intervention if i in ents]} vs "
                              f"{[ents[i].text for i in claim.comparator if i in ents]} | main "
                              f"{main.text if main else None!r}")
        for slot, clus in by_cluster.items():
            if len(clus) > 1:
                clus = sorted(clus, key=lambda c: -len(c[1]))
                counts[f"abstract {slot} carried clusters >1: abstracts"] += 1
                big, rest = clus[0][1], [o for c in clus[1:] for o in c[1]]
                counts[f"abstract {slot} carried clusters >1: majority findings R"] += sum(big)
                counts[f"abstract {slot} carried clusters >1: majority findings W"] += len(big) - sum(big)
                counts[f"abstract {slot} carried clusters >1: minority findings R"] += sum(rest)
                counts[f"abstract {slot} carried clusters >1: minority findings W"] += len(rest) - sum(rest)
        for oks in per_abs.values():
            if not all(oks) and mcls != "right":
                rep = reported_arm(record.claims, ents)
                named = [ents[i] for c in record.claims if c.type == "finding"
                         for i in (*c.intervention, *c.comparator) if i not in c.inherited and i in ents]
                main_named = main is not None and any(
                    same_intervention(entity_words(main), entity_words(n)) for n in named)
                gold_named = i_arm is not None and any(entity_names(n, i_arm, c_arm) for n in named)
                state = ("no reported arm" if not rep else
                         "reported names gold" if i_arm and entity_names(rep[0], i_arm, c_arm) else
                         "reported is gold control" if c_arm and entity_names(rep[0], c_arm, i_arm) else
                         "reported other")
                counts[f"abstract I carried wrong, main {mcls}: {state}; main named in results {int(main_named)}; "
                       f"gold arm named in results {int(gold_named)}"] += 1
            if not all(oks):
                n = len(oks)
                counts[f"abstract I carried wrong: abstracts (main {mcls})"] += 1
                counts[f"abstract I carried wrong: findings carried (main {mcls})"] += n
                counts[f"abstract I carried wrong: findings carried wrong (main {mcls})"] += n - sum(oks)
                counts[f"abstract I carried wrong: all carried wrong {int(not any(oks))} (main {mcls})"] += 1
        if texts_by_cluster:
            counts[f"abstract main-cluster carried texts: {min(len(texts_by_cluster[0]), 3)}"] += 1
    for k in sorted(counts):
        print(f"{counts[k]:5d}  {k}")


if __name__ == "__main__":
    main()
