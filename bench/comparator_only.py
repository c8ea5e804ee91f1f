"""Found findings whose comparator alone is wrong (or the comparator and the direction), by kind, source and arm
count (issue 10, session 22; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/comparator_only.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/comparator_only.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    ... --skip-ids ... --examples ROW   # OPEN only: print the findings whose row contains ROW

Every found gold finding (``findings_match.judge``) whose only wrong field is the comparator (``c``) or whose wrong
fields are the comparator and the direction (``cd``), one row per cut:

* ``kind``: the scorer's comparator error - ``missing``, ``bare label`` (a label with no arm word the claims layer
  did not resolve: "the group", "group 2"), ``other arm`` (the slot names the gold intervention), ``for single-arm``
  (a comparator given to a gold single-arm finding), or ``wrong or mixed`` split as :func:`pair_classes.slot_class`
  does (``mixed`` = the gold arm beside another entity, ``part`` / ``common part``, ``neither``); control words
  ("control", "placebo group", "usual care") in the claim's slot are marked ``control-worded``;
* ``source``: which step last set the claim's comparator - ``sentence: own`` (an entity of the finding's sentence,
  roles of :mod:`claimex.assemble.claims.link`), ``sentence: carried`` (the design comparator the context carried,
  :mod:`.context`), ``sentence: own+carried``, ``armrank`` (the arm ranker changed the slot; the rules' comparator
  before it judged R / W against the gold, or missing, or ``single`` for a gold single-arm finding), ``reportedother``,
  ``coordinated`` (:mod:`.coordinated` split the claim and left this slot), ``emptyother``, ``none`` (empty);
* ``arms``: the number of distinct gold arms of the abstract (1 / 2 / 3+);
* ``gold``: where the gold comparator is named - an I/C entity of the finding's sentence, an I/C entity elsewhere,
  untagged (none) - or ``single`` for a gold single-arm finding;
* ``carried shape``: for a comparator carried from the design onto a gold comparison, the claim's and the gold's
  comparator shapes (:func:`shape`), where the gold is named and the arm count; and whether the sentence holds the
  gold comparator's words (all / some / none) and whether one of the claim's ``arm_mentions`` names it;
* ``claim``: the claim's direction kind (``compared`` increase / decrease / no difference, ``judged`` positive /
  negative, ``none``).

``--examples`` prints the finding's key, gold arms, claim arms and source, and the sentence (OPEN only).
"""

from __future__ import annotations

import re
from collections import Counter

from judged import gold_arms, judged, print_counts, require_pure_claims, tune_options  # bench/judged.py
from pair_classes import FIELDS, slot_class  # bench/pair_classes.py

import claimex.assemble.claims as claims_pkg
from claimex.assemble.claims.armrank import ArmRanker
from claimex.assemble.claims.control import control_worded
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names

_COMPARED = ("increase", "decrease", "no_difference")
_BARE_CONTROL = re.compile(r"^(?:the\s+)?controls?(?:\s+(?:groups?|arms?|condition|subjects|patients))?$", re.I)
_ADJECTIVE = re.compile(r"-?controlled$", re.I)
_PLACEBO = re.compile(r"\b(?:placebo|sham|dummy)\b", re.I)
_STAGES: dict[str, dict[str, set]] = {}  # record id -> stage -> {(sentence, comparator ids)}
_RULES_C: dict[tuple[str, int, tuple], tuple] = {}  # (record id, sentence, ranker's comparator) -> the rules' one


def shape(text: str) -> str:
    """An arm phrase's shape: a bare control word, a design adjective ("placebo-controlled"), a placebo / sham,
    another control-worded arm ("usual care"), or a named arm."""
    text = text.strip()
    if _BARE_CONTROL.match(text):
        return "bare control"
    if _ADJECTIVE.search(text):
        return "design adjective"
    if _PLACEBO.search(text):
        return "placebo"
    return "control-worded" if control_worded(text) else "named"


def _spy() -> None:
    """Patch claim assembly so that each step that sets comparators records the (sentence, comparator) pairs it
    produced for the record (``_STAGES``)."""
    orig_claims = claims_pkg.ClaimAssembler._claims
    orig_rerank = ArmRanker.rerank
    orig_reported = claims_pkg.carry_reported_comparator
    orig_split = claims_pkg.split_coordinated
    orig_fill = claims_pkg.fill_empty_comparator

    def stage(record_id: str, name: str) -> set:
        return _STAGES.setdefault(record_id, {}).setdefault(name, set())

    current: list[str] = [""]

    def call(self, record):
        current[0] = record.id
        _STAGES[record.id] = {}
        return original_call(self, record)

    def claims(self, view, ctype, ctx, *rest):
        out = orig_claims(self, view, ctype, ctx, *rest)
        stage(current[0], "sentence").update((c.sentence, tuple(c.comparator)) for c in out)
        return out

    def rerank(self, record, claims, *rest, **kw):
        before = {id(c) for c in claims}
        out = orig_rerank(self, record, claims, *rest, **kw)
        for old, new in zip(claims, out):
            if id(new) not in before and old.comparator != new.comparator:
                stage(record.id, "armrank").add((new.sentence, tuple(new.comparator)))
                _RULES_C[(record.id, new.sentence, tuple(new.comparator))] = tuple(old.comparator)
        return out

    def changed(name, fn):
        def wrapped(record, claims, *rest):
            before = [tuple(c.comparator) for c in claims]
            out = fn(record, claims, *rest)
            stage(record.id, name).update((c.sentence, tuple(c.comparator)) for c, b in zip(claims, before)
                                          if tuple(c.comparator) != b)
            return out
        return wrapped

    def split(record, claims):
        before = {(c.sentence, tuple(c.comparator)) for c in claims}
        out = orig_split(record, claims)
        stage(record.id, "coordinated").update((c.sentence, tuple(c.comparator)) for c in out
                                               if (c.sentence, tuple(c.comparator)) not in before)
        return out

    original_call = claims_pkg.ClaimAssembler.__call__
    require_pure_claims()  # the patches below reach only pure Python
    claims_pkg.ClaimAssembler.__call__ = call
    claims_pkg.ClaimAssembler._claims = claims
    ArmRanker.rerank = rerank
    claims_pkg.carry_reported_comparator = changed("reportedother", orig_reported)
    claims_pkg.split_coordinated = split
    claims_pkg.fill_empty_comparator = changed("emptyother", orig_fill)


def source(record, claim, ents, sentence) -> str:
    """The step that last set the claim's comparator (see the module docstring)."""
    if not claim.comparator:
        return "none"
    key = (claim.sentence, tuple(claim.comparator))
    stages = _STAGES.get(record.id, {})
    for name in ("emptyother", "coordinated", "reportedother", "armrank"):
        if key in stages.get(name, ()):
            return name
    where = {"own" if _overlaps((ents[i].start, ents[i].end), sentence) else "carried"
             for i in claim.comparator if i in ents}
    return "sentence: " + "+".join(sorted(where, reverse=True))


def kind(j, cc, c_arm, i_arm, sentence) -> str:
    err = next((e for e in j.errors if e.startswith("comparator")), "comparator ?")
    if err == "comparator wrong or mixed":
        out = slot_class(cc, c_arm, i_arm, sentence)
    else:
        out = err.removeprefix("comparator ").replace("for a single-arm finding", "for single-arm")
    if cc and all(control_worded(e.expanded or e.text) for e in cc):
        out += ", control-worded"
    return out


def main() -> None:
    args, golds = tune_options(__doc__, "print findings whose row contains this (OPEN only)")
    _spy()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        n_arms = len(gold_arms(g, record))
        arms = "1" if n_arms <= 1 else "2" if n_arms == 2 else "3+"
        for finding, j, claim in found:
            wrong = "".join(k for f, k in FIELDS if not j.fields.get(f, False))
            if wrong not in ("c", "cd"):
                continue
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            cc = [ents[i] for i in claim.comparator if i in ents]
            if not c_arm:
                gold = "single"
            else:
                named = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR")
                         and entity_names(e, c_arm, i_arm)]
                gold = ("in sentence" if any(_overlaps((e.start, e.end), finding.sentence) for e in named)
                        else "elsewhere" if named else "untagged")
            cls = kind(j, cc, c_arm, i_arm, finding.sentence)
            src = source(record, claim, ents, finding.sentence)
            if src == "armrank":
                old = [ents[i] for i in _RULES_C.get((record.id, claim.sentence, tuple(claim.comparator)), ())
                       if i in ents]
                was = ("missing" if not old else "single" if not c_arm else
                       "R" if all(entity_names(e, c_arm, i_arm) for e in old) else "W")
                src = f"armrank (rules' comparator {was})"
            claim_kind = ("compared" if claim.direction in _COMPARED else "judged" if claim.direction else "none")
            rows = [f"{wrong} | all", f"{wrong} | kind {cls}", f"{wrong} | source {src}", f"{wrong} | arms {arms}",
                    f"{wrong} | gold {gold}", f"{wrong} | claim {claim_kind}",
                    f"{wrong} | kind x source | {cls} | {src}",
                    f"{wrong} | kind x gold x arms | {cls} | {gold} | {arms}"]
            if cc and src.startswith("sentence: carried") and c_arm:
                rows.append(f"{wrong} | carried shape | claim {shape(cc[0].text)} | gold "
                            f"{shape(finding.comparator.text)} | gold {gold} | arms {arms}")
                sent_words = content_words(text[slice(*finding.sentence)])
                mentions = [ents[i] for i in claim.arm_mentions if i in ents]
                rows.append(f"{wrong} | carried, the sentence | gold words in it "
                            f"{'all' if c_arm[0] <= sent_words else 'some' if c_arm[0] & sent_words else 'none'}"
                            f" | arm mention naming the gold "
                            f"{'yes' if any(entity_names(e, c_arm, i_arm) for e in mentions) else 'no'}"
                            f" | claim {shape(cc[0].text)} | gold {shape(finding.comparator.text)}")
            for row in rows:
                counts[row] += 1
            if args.examples and any(args.examples in r for r in rows[1:]):
                sent = " ".join(text[slice(*finding.sentence)].split())
                cmp = finding.comparator.text if finding.comparator else None
                ci = [ents[i].text for i in claim.intervention if i in ents]
                print(f"[{wrong} | {cls} | {src} | arms {arms} | gold {gold}] {g.key} | gold "
                      f"{finding.intervention.text!r} vs {cmp!r} {finding.direction} | claim {ci} vs "
                      f"{[e.text for e in cc]} {claim.direction} | {sent}\n")
    print_counts(counts)


if __name__ == "__main__":
    main()
