"""Comparators missing or wrong where the intervention is right (issue 10, session 16): found gold comparisons whose
claim's intervention the scorer accepts and whose comparator it does not, split by what the slot holds and where it
came from; where every carried comparator came from; and the rules measured against them. Counts only by default.

    OPENBLAS_NUM_THREADS=1 python bench/comparator_misses.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN; --by-source: every row again per corpus of the abstract)
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS

Each row gives the findings and, in brackets, the abstracts they lie in (a class from one abstract is thin evidence).

* ``missing <compared|judged>; <gold where>; <design comparator>``: the claim names no comparator. ``gold where``:
  ``tagged in sentence`` (an I/C entity of the sentence names the gold comparator), ``text in sentence`` (the gold
  span lies in the sentence, no I/C entity names it), ``tagged earlier``, ``tagged later``, ``never tagged``;
  ``design comparator``: what the sentence would carry (``InterventionContext.named_comparator``) - none known, one
  that names the gold, one that does not.
* ``wrong <own|carried|both>; <kind>``: the slot holds entities: ``mixed`` (one names the gold, another not, with the
  other's kind), ``bare``, ``intervention's arm`` (names the gold intervention), or, for a slot naming neither arm,
  the kind of its first wrong entity: ``outcome span`` / ``population span`` (overlaps an OUTCOME / POPULATION
  entity), ``shares the intervention's words`` (a dose or part sibling), ``number in span``, ``control word for named
  gold`` (only control words while the gold names an arm), ``named for control-word gold`` (the gold is "control" /
  "placebo" and the slot names an arm: the gold's habit of naming the control by its word), ``other named``; carried
  ones add whether the design's comparators held the gold (``gold in pool``) or an I/C entity before the sentence
  names it (``gold earlier``), and ``wrong carried from <source>`` (:mod:`comparator_sources`).
* ``gold tagged in sentence, unused: ...``: where the sentence's entity that names the gold comparator went (left in
  ``Claim.arm_mentions``, overlapping an outcome, elsewhere) and whether it was in the rules' slots before the arm
  ranker.
* ``carried from <sentence> <rule>`` / ``carried from zone <zone>``: every found finding whose comparator is carried
  from another sentence, by the sentence and rule that set it up and by that sentence's section zone, R / W.
* ``single-arm with comparator <own|carried>``: the reverse error, for watching.
* ``sim ...``: rules measured by counting (``now->after``, R / W): ``set-aside as comparator`` (the sentence's own arm
  the ranker took out of the rules' intervention slot as the comparator of a compared claim whose comparator is
  carried); ``no <results|skip>-zone comparator`` (a comparator set up in a Results section / the title gives way to
  the latest named earlier design comparator, ``(none left)`` when there is none); ``bare control -> the one named
  control`` (a bare "control" resolved to the abstract's one named control-worded arm, wherever written);
  ``carried comparator written twice in its sentence`` (a design comparator another arm entity of its sentence repeats).
"""

from __future__ import annotations

import re
from collections import Counter

from comparator_sources import SOURCE, TWICE, ZONE  # bench/comparator_sources.py
from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import ArmRanker
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.labels import bare_control
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names, is_bare

ARMS = ("INTERVENTION", "COMPARATOR")
COMPARED = ("increase", "decrease", "no_difference")
_CONTROL_ONLY = frozenset(["placebo", "sham", "control", "vehicle", "dummy", "matching", "matched", "usual",
                           "standard", "care", "conventional", "routine", "no"])

STATE: dict[tuple[int, str], tuple] = {}  # (sentence start, text) -> (carried comparator, comparators then)
RANKED: dict[tuple, tuple] = {}  # (claim start, outcome ids) -> the rules' (intervention, comparator)
_claims, _choose = ClaimAssembler._claims, ArmRanker.choose


def _spy_claims(self, view, ctype, ctx, *rest):
    STATE[(view.start, view.text)] = (ctx.named_comparator(), list(ctx.comparators))
    return _claims(self, view, ctype, ctx, *rest)


def _spy_choose(self, cands, claim, not_arm=frozenset()):
    RANKED[(claim.start, tuple(claim.outcome))] = (list(claim.intervention), list(claim.comparator))
    return _choose(self, cands, claim, not_arm)


ClaimAssembler._claims, ArmRanker.choose = _spy_claims, _spy_choose


def control_only(text: str) -> bool:
    words = content_words(text)
    return bool(words) and words <= _CONTROL_ONLY


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def entity_kind(e, record, ci, gold_cmp: str) -> str:
    """The kind of a wrong comparator entity ``e`` (see the module docstring)."""
    for label, name in (("OUTCOME", "outcome span"), ("POPULATION", "population span")):
        if any(o.label == label and _overlap(o, e) for o in record.entities):
            return name
    if any(same_intervention(entity_words(e), entity_words(i)) or content_words(e.text) & content_words(i.text)
           for i in ci):
        return "shares the intervention's words"
    if re.search(r"\d", e.text):
        return "number in span"
    if control_only(e.expanded or e.text) and not control_only(gold_cmp):
        return "control word for named gold"
    if control_only(gold_cmp) and not control_only(e.expanded or e.text):
        return "named for control-word gold"
    return "other named"


class Finding:
    """One found gold finding with its judged claim, and what the rows ask of it."""

    def __init__(self, f, j, claim, record, text):
        self.f, self.j, self.claim, self.record = f, j, claim, record
        self.gs, self.ge = f.sentence
        ents = {e.id: e for e in record.entities}
        self.ents = ents
        self.cc = [ents[i] for i in claim.comparator if i in ents]
        self.ci = [ents[i] for i in claim.intervention if i in ents]
        s = record.sentences[claim.sentence]
        self.carried_c, self.pool = STATE.get((s.start, text[s.start:s.end]), (None, []))
        self.c_arm = arm_aliases(f.comparator, record) if f.comparator else []
        self.i_arm = arm_aliases(f.intervention, record)
        self.gold = "cmp" if f.comparator else "single"
        self.now = "R" if j.fields.get("comparator") else "W"

    def own(self, e) -> bool:
        return self.gs <= e.start < self.ge

    def names_gold(self, ents) -> bool:
        """Would a slot of ``ents`` be judged right (empty for a single-arm gold finding)?"""
        if self.f.comparator is None:
            return not ents
        return bool(ents) and all(entity_names(e, self.c_arm, self.i_arm) for e in ents)

    def carried(self) -> bool:
        return bool(self.cc) and not any(self.own(e) for e in self.cc)


def carried_rows(x: Finding) -> list[str]:
    """Where a carried comparator came from, and the rules counted on carried comparators."""
    last = x.cc[-1]
    rows = [f"carried from {SOURCE.get(id(last), 'no source')}: {x.gold} {x.now}",
            f"carried from zone {ZONE.get(id(last))}: {x.gold} {x.now}"]
    if id(last) in TWICE:
        rows.append(f"carried comparator written twice in its sentence: {x.gold} {x.now}")
    zone = ZONE.get(id(last))
    if zone in ("results", "skip"):
        rest = [p for p in x.pool if ZONE.get(id(p)) != zone
                and not any(same_intervention(entity_words(p), entity_words(e)) for e in x.ci)]
        alt = ([p for p in rest if not bare_control(p.text)] or rest or [None])[-1]
        new = "R" if x.names_gold([alt] if alt is not None else []) else "W"
        rows.append(f"sim no {zone}-zone comparator{'' if alt is not None else ' (none left)'}: "
                    f"{x.gold} {x.now}->{new}")
    return rows


def set_aside_rows(x: Finding) -> list[str]:
    """The sentence's own arm the ranker set aside from the rules' intervention, as the comparator."""
    ri, _rc = RANKED.get((x.claim.start, tuple(x.claim.outcome)), (None, None))
    if ri is None or x.claim.direction not in COMPARED or any(x.own(e) for e in x.cc):
        return []
    left = [x.ents[i] for i in ri if i in x.ents and i not in x.claim.intervention and x.own(x.ents[i])
            and not any(same_intervention(entity_words(x.ents[i]), entity_words(e)) for e in x.ci)]
    if not left:
        return []
    new = "R" if x.f.comparator is not None and x.names_gold(left) else "W"
    return [f"sim set-aside as comparator: {x.gold} {'carried' if x.cc else 'empty'} {x.now}->{new}"]


def bare_control_rows(x: Finding, arms) -> list[str]:
    """A bare "control" comparator resolved to the abstract's one named control-worded arm, wherever written."""
    if not x.cc or not all(bare_control(e.text) for e in x.cc):
        return []
    named = [e for e in arms if control_worded(e.expanded or e.text) and not bare_control(e.text) and not is_bare(e)]
    groups: list[list] = []
    for e in named:
        grp = next((g for g in groups if same_intervention(entity_words(e), entity_words(g[0]))), None)
        if grp is None:
            groups.append([e])
        else:
            grp.append(e)
    if len(groups) != 1:
        return [f"sim bare control, {min(len(groups), 2)} named control groups: {x.gold} {x.now}"]
    later = "later only" if all(e.start >= x.ge for e in groups[0]) else "earlier"
    new = "R" if x.f.comparator is not None and x.names_gold(groups[0][:1]) else "W"
    return [f"sim bare control -> the one named control ({later}): {x.gold} {x.now}->{new}"]


def gold_where(x: Finding, arms) -> tuple[str, list]:
    """Where the gold comparator is (module docstring) and the I/C entities that name it."""
    namers = [e for e in arms if entity_names(e, x.c_arm, x.i_arm)]
    if any(x.own(e) for e in namers):
        return "tagged in sentence", namers
    if x.gs <= x.f.comparator.start < x.ge:
        return "text in sentence", namers
    if any(e.end <= x.gs for e in namers):
        return "tagged earlier", namers
    return ("tagged later" if namers else "never tagged"), namers


def error_rows(x: Finding, arms, source: str) -> list[str]:
    """The classes of a gold comparison whose intervention is right and comparator wrong or missing."""
    where_gold, namers = gold_where(x, arms)
    rows = []
    if where_gold == "tagged in sentence":
        own = [e for e in namers if x.own(e)]
        fate = ("in arm_mentions" if any(e.id in x.claim.arm_mentions for e in own) else
                "overlaps an outcome" if any(o.label == "OUTCOME" and _overlap(o, e) for e in own
                                             for o in x.record.entities) else "elsewhere")
        rows.append(f"gold tagged in sentence, unused: {fate}; slot {'empty' if not x.cc else 'filled'}")
        ri, rc = RANKED.get((x.claim.start, tuple(x.claim.outcome)), (None, None))
        rules = ("not ranked" if ri is None else "in the rules' intervention" if any(e.id in ri for e in own)
                 else "in the rules' comparator" if any(e.id in rc for e in own) else "in neither")
        rows.append(f"gold tagged in sentence, unused: {fate}; {rules}")
    if not x.cc:
        kind = "compared" if x.claim.direction in COMPARED else "judged"
        design = ("no design comparator" if x.carried_c is None else "design comparator names gold"
                  if entity_names(x.carried_c, x.c_arm, x.i_arm) else "design comparator wrong")
        return rows + [f"missing {kind}; {where_gold}; {design}", f"missing {kind}",
                       f"source {source}: missing {kind}"]
    where = "own" if all(x.own(e) for e in x.cc) else "carried" if x.carried() else "both"
    good = [e for e in x.cc if entity_names(e, x.c_arm, x.i_arm)]
    bad = [e for e in x.cc if e not in good]
    if good:
        kind = f"mixed, other: {entity_kind(bad[0], x.record, x.ci, x.f.comparator.text)}"
    elif any(is_bare(e) for e in x.cc):
        kind = "bare"
    elif all(entity_names(e, x.i_arm, x.c_arm) for e in x.cc):
        kind = "intervention's arm"
    else:
        kind = entity_kind(bad[0], x.record, x.ci, x.f.comparator.text)
    extra = ""
    if where != "own":
        inpool = any(entity_names(p, x.c_arm, x.i_arm) for p in x.pool)
        extra = f"; gold {'in pool' if inpool else 'earlier' if any(e.end <= x.gs for e in namers) else 'not earlier'}"
    rows += [f"wrong {where}; {kind}{extra}", f"wrong {where}; gold {where_gold}", f"wrong {where}",
             f"source {source}: wrong {where}"]
    if where == "carried":
        rows.append(f"wrong carried from {SOURCE.get(id(x.cc[-1]), 'no source')}; {kind}")
    return rows


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this (OPEN only)",
                               lambda ap: ap.add_argument("--by-source", action="store_true",
                                                          help="also every row per corpus of the abstract"))
    counts: Counter = Counter()
    spread: dict[str, set[str]] = {}  # class -> the abstracts it occurs in
    for g, record, text, found in judged(golds):
        arms = [e for e in record.entities if e.label in ARMS]
        for f, j, claim in found:
            x = Finding(f, j, claim, record, text)
            counts[f"source {g.source}: found"] += 1
            counts[f"source {g.source}: comparator right"] += x.now == "R"
            rows = set_aside_rows(x) + bare_control_rows(x, arms)
            if x.carried():
                rows += carried_rows(x)
            if f.comparator is None:
                if x.cc:
                    rows.append(f"single-arm with comparator {'own' if all(x.own(e) for e in x.cc) else 'carried'}")
            elif j.fields.get("intervention") and x.now == "W":
                rows += error_rows(x, arms, g.source)
            if args.by_source:
                rows += [f"@{g.source[:6]} {r}" for r in rows if not r.startswith("source")]
            for cls in rows:
                counts[cls] += 1
                spread.setdefault(cls, set()).add(g.key)
                if args.examples and args.examples in cls:
                    sent = " ".join(text[x.gs:x.ge].split())[:260]
                    print(f"[{cls}] {g.key} | gold {f.intervention.text!r} vs "
                          f"{f.comparator.text if f.comparator else None!r} {f.direction} | claim "
                          f"{[e.text for e in x.ci]} vs {[e.text for e in x.cc]} {claim.direction} | carried_c "
                          f"{x.carried_c.text if x.carried_c else None!r} | pool {[c.text for c in x.pool][-4:]} | "
                          f"{sent}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d} ({len(spread.get(cls, ())):3d} abstracts)  {cls}")


if __name__ == "__main__":
    main()
