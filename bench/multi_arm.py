"""Findings of trials with three or more gold arms: what the claims layer knows of the arm set and which pairings
its claims give, against the gold's (issue 10, session 20; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/multi_arm.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/multi_arm.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples ROW   # OPEN only: print the sentences counted in rows containing ROW

Gold arms are the distinct arm word sets (:func:`findings_match.arm_words`: content words and numbers) of the
abstract's gold interventions and comparators; an abstract is multi-arm when it has 3+. Rows:

* ``abstracts``: multi-arm abstracts, and how many of their gold arms the design names (``ctx.design_arms``: the
  title / aims / methods arms): all / all but one / fewer;
* ``findings``: the multi-arm abstracts' gold findings: found, intervention, comparator, fully right;
* ``sentence``: per gold result sentence with comparisons, the number of distinct gold pairings (1 / 2 / 3+) and
  how many of them a claim of the sentence gives with both arms right (all / some / none);
* ``pairing shape``: a sentence's gold pairings share one comparator (k arms against a reference), one
  intervention, or neither;
* ``claim pairing``: per found comparison whose arms are not both right, which gold arms the claim's slots name
  (the gold's pairing, another gold pairing of the sentence, another gold pairing of the abstract, a slot naming
  no gold arm, a slot missing).
"""

from __future__ import annotations

import re
from collections import Counter

from dose_arms import dose_finding  # bench/dose_arms.py
from judged import record_contexts, tune_options  # bench/judged.py

from claimex.assemble.claims.allarms import TOGETHER, reported_reference
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.labels import arm_phrases, is_bare_label
from claimex.assemble.claims.reportedother import names_arm as names_arm_phrase
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import (
    FINDING_TYPES,
    _overlaps,
    arm_aliases,
    arm_words,
    claim_span,
    content_words,
    entity_names,
    judge,
    names_arm,
)


def _arm_of(ents, arms: dict[frozenset[str], list[frozenset[str]]]) -> frozenset[str] | None:
    """The gold arm (key) every entity of a slot names, else None."""
    if not ents:
        return None
    for key, alias in arms.items():
        others = [a for k, v in arms.items() if k != key for a in v]
        if all(entity_names(e, alias, others) for e in ents):
            return key
    return None


def _same_arm(a: list[frozenset[str]], b: list[frozenset[str]]) -> bool:
    """Two gold arm spans name one arm: an alias of one holds every content word of an alias of the other, and
    their numbers (doses) do not differ ("placebo" / "the placebo group", "AZA" / "azathioprine (AZA)"; not
    "risedronate 5 mg" / "risedronate 15 mg")."""
    for x in a:
        for y in b:
            nx, ny = {w for w in x if w[0].isdigit()}, {w for w in y if w[0].isdigit()}
            if nx and ny and nx != ny:
                continue
            lx, ly = x - nx, y - ny
            if lx and ly and (lx <= ly or ly <= lx):
                return True
    return False


def gold_arms(findings, record) -> tuple[dict, dict]:
    """The abstract's gold arms: ``({key: span}, {arm_words of a gold arm text: key})``, spans that name one arm
    (:func:`_same_arm`, checked against every span already in the arm) merged under the first one's key."""
    groups: list[tuple[frozenset[str], object, list[list[frozenset[str]]]]] = []
    key_of: dict[frozenset[str], frozenset[str]] = {}
    for f in findings:
        for s in (f.intervention, f.comparator):
            if s is None or not arm_words(s.text):
                continue
            w = arm_words(s.text)
            if w in key_of:
                continue
            alias = arm_aliases(s, record)
            group = next((gr for gr in groups if all(_same_arm(alias, m) for m in gr[2])), None)
            if group is None:
                groups.append((w, s, [alias]))
                key_of[w] = w
            else:
                group[2].append(alias)
                key_of[w] = group[0]
    return {k: s for k, s, _ in groups}, key_of


_CUE = re.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to)|relative\s+to|superior\s+to|"
                  r"inferior\s+to|in\s+comparison\s+(?:with|to))\b", re.IGNORECASE)
_SUPERLATIVE = re.compile(r"\b(?:highest|lowest|greatest|largest|smallest|least|best|worst|most\s+\w+|"
                          r"\w+est)\b", re.IGNORECASE)
_TWO = re.compile(r"\b(?:both|the\s+(?:two|2))\s+(?:\w+\s+)?(?:groups|arms|interventions|treatments|regimens)\b|"
                  r"\bbetween[\s-]+(?:the\s+)?(?:\w+\s+)?groups?\b", re.IGNORECASE)
_RESP = re.compile(r"\brespectively\b", re.IGNORECASE)
_ALL = re.compile(r"\b(?:all|the)\s+(?:three|four|3|4)\s+(?:groups|arms|regimens|treatments)\b|"
                  r"\bother\s+(?:two|three|2|3)\b",
                  re.IGNORECASE)


def together_state(record, ctx, claims, sentence) -> str:
    """Which of :func:`allarms.split_all_arms`'s conditions a sentence stating 3+ arms together meets."""
    gs, ge = sentence
    by_id = {e.id: e for e in record.entities}
    own = any(e.label in ("INTERVENTION", "COMPARATOR") and gs <= e.start < ge and not is_bare_label(e.text)
              and content_words(e.text) for e in record.entities) or names_arm_phrase(record.text[gs:ge])
    carried = any(c.direction in ("increase", "decrease", "no_difference") and c.intervention and c.comparator
                  and all(i in c.inherited for i in (*c.intervention, *c.comparator)) for c in claims)
    ref = bool(ctx is not None and reported_reference(
        record.claims, by_id, lambda e: not ctx.set_aside(e) and (is_control(e) or ctx.known_arm(e)))[0])
    return f"sentence names an arm {own}; a compared claim wholly carried {carried}; reported reference {ref}"


def add_shapes(add, key, record, text, sentence, claims, arms, all_given, example) -> None:
    """Shape rows of a sentence with two or more gold pairings (counts; the sentence only with --examples)."""
    gs, ge = sentence
    own = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and gs <= e.start < ge]
    named = {k for e in own for k in [_arm_of([e], arms)] if k is not None}
    valued = max((len({a.arm for a in c.arms if a.arm}) for c in claims), default=0)
    got = "all" if all_given else "not all"
    rows = [f"gold arms tagged in sentence {min(len(named), 3)}{'+' if len(named) >= 3 else ''}",
            f"claims in sentence {min(len(claims), 2)}{'+' if len(claims) >= 2 else ''}",
            f"arms with values in a claim {min(valued, 3)}{'+' if valued >= 3 else ''}",
            f"respectively {bool(_RESP.search(text[gs:ge]))}",
            f"comparison cue {bool(_CUE.search(text[gs:ge]))}",
            f"all/other k groups {bool(_ALL.search(text[gs:ge]))}",
            f"3+ arms together (allarms.TOGETHER) {bool(TOGETHER.search(text[gs:ge]))}",
            f"two arms together {bool(_TWO.search(text[gs:ge]))}",
            f"gold arms tagged {min(len(named), 2)}; arm phrase or label {bool(arm_phrases(text[gs:ge]))}; "
            f"values in a claim {min(valued, 2)}"]
    for r in rows:
        add(f"multi-pairing sentence: {r}; claims give {got}", key, example)


def main() -> None:
    args, golds = tune_options(__doc__, "print the sentences counted in rows containing this (OPEN only)")
    contexts = record_contexts()
    counts: Counter = Counter()
    where: dict[str, set] = {}

    def add(row: str, key: str, example: str | None = None) -> None:
        counts[row] += 1
        where.setdefault(row, set()).add(key)
        if args.examples and example and args.examples in row:
            print(f"--- {row} [{key}]\n{example}")

    for g, record, text in _predict(golds, None, None, []):
        spans, key_of = gold_arms(g.findings, record)
        if len(spans) < 3:
            continue
        arms = {k: arm_aliases(s, record) for k, s in spans.items()}
        ctx = contexts.get(record.id)
        design = ctx.design_arms if ctx is not None else []
        named = sum(1 for k, alias in arms.items()
                    if any(names_arm(d, alias, [a for k2, v in arms.items() if k2 != k for a in v])
                           for d in design))
        add("abstracts: multi-arm", g.key)
        add(f"abstracts: gold arms {min(len(arms), 5)}{'+' if len(arms) >= 5 else ''}", g.key)
        missing = len(arms) - named
        state = "yes" if not missing else "all but one" if missing == 1 else "no"
        add(f"abstracts: design names all gold arms {state}", g.key)
        ents = {e.id: e for e in record.entities}
        def pair(f, key_of=key_of):
            return key_of.get(arm_words(f.intervention.text)), key_of.get(arm_words(f.comparator.text))

        pairs_of_abstract = {pair(f) for f in g.findings if f.comparator is not None}
        by_sentence: dict[tuple[int, int], list] = {}
        for f in g.findings:
            j = judge(f, record, text)
            add("findings: gold", g.key)
            add(f"findings: {'comparison' if f.comparator else 'single arm'}", g.key)
            if j.found:
                add("findings: found", g.key)
                for fld in ("intervention", "comparator"):
                    if j.fields.get(fld):
                        add(f"findings: {fld} right", g.key)
                if j.fully_right:
                    add("findings: fully right", g.key)
            by_sentence.setdefault(f.sentence, []).append((f, j))
        for (gs, ge), items in by_sentence.items():
            gold_pairs = {pair(f) for f, _ in items if f.comparator is not None}
            if not gold_pairs:
                continue
            claims = [c for c in record.claims
                      if c.type in FINDING_TYPES and _overlaps(claim_span(c, record), (gs, ge))]
            given = set()
            for c in claims:
                ci = _arm_of([ents[i] for i in c.intervention if i in ents], arms)
                cc = _arm_of([ents[i] for i in c.comparator if i in ents], arms)
                given.add((ci, cc))
                given.add((cc, ci))  # a swapped pairing is the pairing (the direction is read relative to it)
            hit = len(gold_pairs & given)
            k = len(gold_pairs)
            kk = f"{min(k, 3)}{'+' if k >= 3 else ''}"
            example = text[gs:ge] + "\n  gold: " + "; ".join(
                f"{spans[i].text} vs {spans[c].text}" for i, c in gold_pairs) + "\n  claims: " + "; ".join(
                f"{[ents[i].text for i in c.intervention if i in ents]} vs "
                f"{[ents[i].text for i in c.comparator if i in ents]}" for c in claims)
            add(f"sentence: gold pairings {kk}; claims give {'all' if hit == k else 'some' if hit else 'none'}",
                g.key, example)
            if k >= 2:
                dose = any(dose_finding(f) for f, _ in items if f.comparator is not None)
                add(f"multi-pairing sentence: a dose-arm finding {dose}; claims give "
                    f"{'all' if hit == k else 'not all'}", g.key, example)
                add_shapes(add, g.key, record, text, (gs, ge), claims, arms, hit == k, example)
                if TOGETHER.search(text[gs:ge]):
                    add(f"together sentence: {together_state(record, ctx, claims, (gs, ge))}", g.key, example)
                comps = {c for _, c in gold_pairs}
                ints = {i for i, _ in gold_pairs}
                shape = ("one comparator" if len(comps) == 1 else "one intervention" if len(ints) == 1 else "neither")
                add(f"pairing shape: {shape}", g.key, example)
                add(f"pairing shape: {shape}; claims give {'all' if hit == k else 'some' if hit else 'none'}",
                    g.key, example)
            for f, j in items:
                if f.comparator is None or not j.found or (j.fields.get("intervention")
                                                           and j.fields.get("comparator")):
                    continue
                claim = next(c for c in record.claims if c.id == j.claim)
                ci = _arm_of([ents[i] for i in claim.intervention if i in ents], arms)
                cc = _arm_of([ents[i] for i in claim.comparator if i in ents], arms)
                gp = pair(f)
                cp = (ci, cc)
                cls = ("gold pairing swapped" if cp == gp[::-1] else
                       "another pairing of the sentence" if (cp in gold_pairs or cp[::-1] in gold_pairs) else
                       "another pairing of the abstract" if (cp in pairs_of_abstract
                                                              or cp[::-1] in pairs_of_abstract) else
                       "comparator missing" if not claim.comparator else
                       "a slot naming no gold arm" if ci is None or cc is None else "other gold arms")
                add(f"claim pairing: {cls}", g.key, example)
                add(f"claim pairing: {cls}; superlative {bool(_SUPERLATIVE.search(text[gs:ge]))}", g.key, example)
                own = [e for e in record.entities if e.label in ("INTERVENTION", "COMPARATOR") and gs <= e.start < ge]
                tagged = sum(1 for k in gp if any(_arm_of([e], arms) == k for e in own))
                slots = "/".join(
                    "empty" if not ids else "own" if all(i in ents and gs <= ents[i].start < ge for i in ids)
                    else "carried" if all(i in ents and not gs <= ents[i].start < ge for i in ids) else "both"
                    for ids in (claim.intervention, claim.comparator))
                add(f"claim pairing: {cls}; gold arms tagged in sentence {tagged}; slots I/C {slots}", g.key,
                    example)
                if cls in ("a slot naming no gold arm", "comparator missing") and tagged == 0:
                    dn = [any(names_arm(d, arms[k], [a for k2, v in arms.items() if k2 != k for a in v])
                              for d in design) if k in arms else False for k in gp]
                    add(f"claim pairing: {cls}; no gold arm tagged; slot I names a gold arm {ci is not None}, "
                        f"slot C {cc is not None}; design names gold I {dn[0]}, gold C {dn[1]}", g.key, example)
    for row in sorted(counts):
        print(f"{counts[row]:>6}  ({len(where[row]):>3} abstracts)  {row}")


if __name__ == "__main__":
    main()
