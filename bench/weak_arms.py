"""The gold arm of a found finding whose arm slot is wrong: is it written in the finding's sentence, and what did the
tagger's INTERVENTION / COMPARATOR heads score on its tokens? (issue 10, session 24, docs/claims-rounds.md 38.3; counts
only by default).

    OPENBLAS_NUM_THREADS=1 python bench/weak_arms.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/weak_arms.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples ROLE`` (``intervention`` / ``comparator``) prints each counted finding of that role (OPEN only). Per
found finding (``findings_match.judge``) whose intervention, or comparator where the gold has one, the scorer does not
accept, the gold arm's mention in the sentence is (the first that applies): the gold span itself when it lies in the
sentence (``span``); else its text written again in the sentence, word-bounded, any case (``text``); else a form of a
record abbreviation pair naming it (the scorer's ``arm_aliases`` rule: ``abbreviation``); else none (``absent``).
For a mention, the tagger's head probabilities over its non-space tokens (the ``claimex_pico`` component's
``set_annotations`` is wrapped to keep each doc's probability table): the INTERVENTION head's maximum bins the row
(<0.1, 0.1-0.2, 0.2-0.35, >=0.35; the main decode's INTERVENTION threshold is 0.35 in ``claimex-pico-sm``), with
the mean and the COMPARATOR head's maximum printed per example. ``tagged`` says whether a tagged I/C span of the pico
layer overlaps the mention. For an untagged mention, ``repeat`` says whether the gold arm is tagged elsewhere in the
abstract: a pico I/C span whose lower-cased text is the mention's (``same text``: what propagation copies), one the
scorer reads as naming the gold arm (``names it``), or none (``never tagged``).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy
from judged import judged, tune_options  # bench/judged.py

from claimex.annotate.tagger.component import PicoTagger
from claimex.evaluate.findings_match import arm_aliases, arm_words, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")
#: doc text -> (token character starts, token character ends, probabilities, heads, pico I/C spans (start, end, text))
TABLES: dict[str, tuple] = {}


def _keep_tables() -> None:
    original = PicoTagger.set_annotations

    def wrapped(self, docs, probs):
        docs = list(docs)
        original(self, docs, probs)
        for doc, p in zip(docs, probs):
            starts = numpy.array([t.idx for t in doc])
            ends = numpy.array([t.idx + len(t.text) for t in doc])
            spans = [(s.start_char, s.end_char, s.text, s.label_) for s in doc.spans.get("pico", [])
                     if s.label_ in ARMS]
            TABLES[doc.text] = (starts, ends, numpy.asarray(p), tuple(self.heads), spans)

    PicoTagger.set_annotations = wrapped


def _find(text: str, phrase: str) -> list[int]:
    if len(phrase.strip()) < 2:
        return []
    return [m.start() for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(phrase) + r"(?![A-Za-z0-9])", text,
                                           re.IGNORECASE)]


def mention(span, sentence, text, record) -> tuple[str, tuple[int, int] | None]:
    """Where the sentence writes the gold arm (module docstring): (kind, character offsets)."""
    s0, s1 = sentence
    if s0 <= span.start and span.end <= s1:
        return "span", (span.start, span.end)
    stext = text[s0:s1]
    for pos in _find(stext, span.text.strip()):
        return "text", (s0 + pos, s0 + pos + len(span.text.strip()))
    base = arm_words(span.text)
    for ab in record.abbreviations:
        short, long = arm_words(ab.short), arm_words(ab.long)
        if not short or not long:
            continue
        if short <= base or (long & base and len(long & base) * 2 >= len(long)):
            for form in (ab.long, ab.short):
                for pos in _find(stext, form):
                    return "abbreviation", (s0 + pos, s0 + pos + len(form))
    return "absent", None


def bin_of(p: float) -> str:
    return "<0.1" if p < 0.1 else "0.1-0.2" if p < 0.2 else "0.2-0.35" if p < 0.35 else ">=0.35"


def main() -> None:
    args, golds = tune_options(__doc__, "print the counted findings of this role (OPEN only)")
    _keep_tables()
    counts: Counter = Counter()
    seen: set = set()
    for g, record, text, found in judged(golds):
        starts, ends, probs, heads, spans = TABLES[text]
        ci, cc = heads.index("INTERVENTION"), heads.index("COMPARATOR")
        for finding, j, claim in found:
            counts["found"] += 1
            for role in ("intervention", "comparator"):
                gold = finding.intervention if role == "intervention" else finding.comparator
                other = finding.comparator if role == "intervention" else finding.intervention
                if gold is None or j.fields[role]:
                    continue
                counts[f"{role}: not right"] += 1
                kind, at = mention(gold, finding.sentence, text, record)
                counts[f"{role}: mention {kind}"] += 1
                if at is None:
                    if args.examples == role:
                        print(f"{g.id} | {role} | gold {gold.text!r} | absent")
                    continue
                a, b = at
                toks = [k for k in range(len(starts))
                        if starts[k] < b and a < ends[k] and text[starts[k]:ends[k]].strip()]
                if not toks:
                    counts[f"{role}: mention without tokens"] += 1
                    continue
                pi, pc = probs[toks, ci], probs[toks, cc]
                tagged = any(s < b and a < e for s, e, _, _ in spans)
                row = f"{role}: mention (any kind), I max {bin_of(float(pi.max()))}"
                counts[row] += 1
                counts[f"{role}: mention (any kind), I mean {bin_of(float(pi.mean()))}"] += 1
                counts[f"{role}: mention {'tagged' if tagged else 'untagged'}, I max {bin_of(float(pi.max()))}"] += 1
                rep = ""
                if not tagged:
                    low = text[a:b].lower()
                    aliases = arm_aliases(gold, record)
                    others = arm_aliases(other, record) if other is not None else []
                    same = any(t.lower() == low for s, e, t, _ in spans)
                    names = [e for e in record.entities if e.label in ARMS and entity_names(e, aliases, others)]
                    rep = "same text" if same else "names it" if names else "never tagged"
                    counts[f"{role}: untagged, I max {bin_of(float(pi.max()))}, elsewhere {rep}"] += 1
                    if 0.15 <= float(pi.max()) < 0.35:
                        counts[f"{role}: untagged, I max 0.15-0.35"] += 1
                        counts["either role: untagged, I max 0.15-0.35, findings"] += (g.id, id(finding)) not in seen
                        counts["either role: untagged, I max 0.15-0.35, distinct mentions"] += (g.id, a, b) not in seen
                        seen.update([(g.id, id(finding)), (g.id, a, b)])
                if args.examples == role:
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    slot = claim.intervention if role == "intervention" else claim.comparator
                    ents = {e.id: e.text for e in record.entities}
                    print(f"{g.id} | {role} | {kind} {text[a:b]!r} | I max {pi.max():.2f} mean {pi.mean():.2f} "
                          f"C max {pc.max():.2f} | {'tagged' if tagged else 'untagged, ' + rep} | "
                          f"claim {[ents.get(i) for i in slot]} | {sentence}")
    for row, n in sorted(counts.items()):
        print(f"{n:5d}  {row}")


if __name__ == "__main__":
    main()
