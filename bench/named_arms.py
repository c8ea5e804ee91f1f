"""Does a finding's sentence name its gold arm in words the tagger did not tag? (issue 10, session 18; counts only by
default).

    OPENBLAS_NUM_THREADS=1 python bench/named_arms.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/named_arms.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples ROLE`` (``intervention`` / ``comparator``) prints each counted finding of that role (OPEN only:
``--skip-ids``). Per found finding (``findings_match.judge``) whose intervention (or comparator, where the gold has
one) the scorer does not accept, the rows count where the gold arm is tagged - an INTERVENTION/COMPARATOR entity
naming it (the scorer's ``entity_names``) in the finding's sentence, elsewhere in the abstract only, or nowhere - and,
for "elsewhere only", how the sentence still names it (the first that applies):

* ``text``: the text of a tagged mention of the gold arm, written again (word-bounded, any case); where it stands -
  inside another I/C span, an OUTCOME span, a POPULATION span, or free;
* ``abbreviation``: a form of an abbreviation pair of the record (short or long) whose other form, or itself, names
  the gold arm;
* ``label``: a label phrase ("group B") the design defined for a tagged mention of the gold arm
  (``InterventionContext.labels``);
* ``arm word``: a content word (the scorer's ``content_words``) of a tagged mention of the gold arm that the other
  gold arm does not have, before an arm head ("the ketamine group") or not;
* ``none``.

The ``names`` rows also count, for every found finding whose role is right, whether the sentence holds untagged words
of the same kinds naming a *different* arm of the abstract (an I/C entity not naming the gold arm): what a matcher of
the trial's arm names would also meet.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, record_contexts, tune_options  # bench/judged.py

import claimex.assemble.claims as claims_pkg
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names, names_arm

ARMS = ("INTERVENTION", "COMPARATOR")
_HEAD = re.compile(r"^\s*(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def _norm(w: str) -> str:
    w = w.lower()
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _find(text: str, phrase: str) -> list[int]:
    """Word-bounded, case-insensitive offsets of ``phrase`` in ``text``."""
    if len(phrase.strip()) < 2:
        return []
    return [m.start() for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(phrase) + r"(?![A-Za-z0-9])", text,
                                           re.IGNORECASE)]


def where_in(record, a: int, b: int, skip=()) -> str:
    for label, name in (("INTERVENTION", "I/C span"), ("COMPARATOR", "I/C span"), ("OUTCOME", "outcome span"),
                        ("POPULATION", "population span")):
        if any(e.label == label and e.start < b and a < e.end and e.id not in skip for e in record.entities):
            return name
    return "free"


def span_kind(record, a: int, b: int, arm, other) -> str:
    """What the I/C span holding the arm's text is: it also holds the text of a tagged mention of another arm
    (two arms joined: "TU and ACT"), or only more words (a longer span: "X epithelial removal technique")."""
    span = next(e for e in record.entities if e.label in ARMS and e.start < b and a < e.end)
    inner = span.text.lower()
    others = [e for e in record.entities if e.label in ARMS and e.id != span.id and not entity_names(e, arm, other)
              and len(e.text) >= 2 and e.text.lower() != inner and _find(span.text, e.text)]
    return "two arms joined" if others else "a longer span"


def named_kind(record, text, sentence, arm, other, ctx) -> str:
    """How the sentence names an arm whose mentions are tagged elsewhere only (module docstring)."""
    s0, s1 = sentence
    stext = text[s0:s1]
    mentions = [e for e in record.entities if e.label in ARMS and entity_names(e, arm, other)]
    for e in sorted(mentions, key=lambda e: -len(e.text)):
        for pos in _find(stext, e.text):
            where = where_in(record, s0 + pos, s0 + pos + len(e.text))
            if where == "I/C span":
                where += ", " + span_kind(record, s0 + pos, s0 + pos + len(e.text), arm, other)
            return "text, " + where
    for ab in record.abbreviations:
        forms = [ab.short, ab.long]
        if any(names_arm(content_words(f), arm, other) for f in forms):
            for f in forms:
                for pos in _find(stext, f):
                    return "abbreviation, " + where_in(record, s0 + pos, s0 + pos + len(f))
    if ctx is not None:
        for label, ent in ctx.labels.items():
            if entity_names(ent, arm, other) and re.search(rf"\b(?:groups?|arms?|cohorts?)\s+{re.escape(label)}\b",
                                                           stext, re.IGNORECASE):
                return "label"
    words = set().union(*arm) - (set().union(*other) if other else set())
    words &= set().union(*(content_words(e.text) for e in mentions)) if mentions else set()
    for m in _WORD.finditer(stext):
        if _norm(m.group()) in words:
            head = "before an arm head" if _HEAD.match(stext[m.end():]) else "no arm head"
            return f"arm word, {head}, " + where_in(record, s0 + m.start(), s0 + m.end())
    return "none"


def error_of(role, errors) -> str:
    """The scorer's error for this role: wrong or mixed, missing, the other arm, swapped, bare label."""
    if "swapped arms" in errors:
        return "swapped"
    mine = [e for e in errors if e.startswith(role)]
    return mine[0].replace(role + " ", "").replace("for a single-arm finding", "on a single-arm finding") \
        if mine else "other"


def arms_spy() -> dict[tuple[int, str], list]:
    """Patch the assembler's ``arms_of`` so that each sentence's arms are kept: ``{(sentence start, sentence text):
    [Arm, ...]}`` (the last assembly of that sentence; records are assembled one after another)."""
    seen: dict[tuple[int, str], list] = {}
    original = claims_pkg.arms_of

    def spy(view, ctx):
        out = original(view, ctx)
        seen[(view.start, view.text)] = list(out)
        return out

    claims_pkg.arms_of = spy
    return seen


def lost_where(made, claim, ctx) -> str:
    """Where the sentence's arm naming the gold arm went: its side ("I"/"C"), whether the learned trial-arm check
    calls its entity no arm of the trial, and which slot of the claim holds it (none: left out)."""
    ids = {a.entity.id for a in made}
    no_arm = ctx is not None and ctx.no_arms is not None and bool(ids & ctx.no_arms())
    slot = ("intervention" if ids & set(claim.intervention) else "comparator" if ids & set(claim.comparator)
            else "arm_mentions" if ids & set(claim.arm_mentions or []) else "no slot")
    return f"side {'/'.join(sorted({a.side or '?' for a in made}))}, {'no arm' if no_arm else 'trial arm'}, {slot}"


def role_rows(role, finding, claim, record, text, ctx, errors, arms=None) -> list[str]:
    gold_span = finding.intervention if role == "intervention" else finding.comparator
    other_span = finding.comparator if role == "intervention" else finding.intervention
    arm = arm_aliases(gold_span, record)
    other = arm_aliases(other_span, record) if other_span else []
    tagged = [e for e in record.entities if e.label in ARMS and entity_names(e, arm, other)]
    in_sentence = any(_overlaps((e.start, e.end), finding.sentence) for e in tagged)
    where = "in sentence" if in_sentence else "elsewhere only" if tagged else "nowhere"
    err = error_of(role, errors)
    out = [f"{role}: gold tagged {where}", f"{role} ({err}): gold tagged {where}"]
    if where == "elsewhere only":
        kind = named_kind(record, text, finding.sentence, arm, other, ctx)
        out.append(f"{role} ({err}): elsewhere only, sentence names it by {kind}")
        if kind != "none" and arms is not None:
            made = [a for a in arms if a.entity is not None and entity_names(a.entity, arm, other)]
            out.append(f"{role} ({err}): named in the sentence, the sentence's arms "
                       f"{'hold' if made else 'lack'} the gold arm")
            if made:
                out.append(f"{role} ({err}): held as {lost_where(made, claim, ctx)}")
    return out


def main() -> None:
    args, golds = tune_options(__doc__, "print the counted findings of this role (OPEN only)")
    contexts = record_contexts()
    sentence_arms = arms_spy()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ctx = contexts.get(record.id)
        ents = {e.id: e.text for e in record.entities}
        for finding, j, claim in found:
            counts["found"] += 1
            for role in ("intervention", "comparator"):
                if role == "comparator" and finding.comparator is None:
                    continue
                if j.fields[role]:
                    continue
                counts[f"{role} not right"] += 1
                s = record.sentences[claim.sentence]
                rows = role_rows(role, finding, claim, record, text, ctx, j.errors,
                                 sentence_arms.get((s.start, text[s.start:s.end])))
                counts.update(rows)
                if args.examples == role:
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    gold = finding.intervention if role == "intervention" else finding.comparator
                    slot = claim.intervention if role == "intervention" else claim.comparator
                    print(f"{g.id} | gold {gold.text!r} | claim {[ents.get(i) for i in slot]} | {rows[-1]} | "
                          f"{sentence}")
    for row, n in sorted(counts.items()):
        print(f"{n:5d}  {row}")


if __name__ == "__main__":
    main()
