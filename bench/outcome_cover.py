"""Where the outcome of a gold finding lies that no claim of its sentence covers ("outcome not covered"), by what
the tagger left over it (counts only by default; docs/claims-rounds.md 37.4, s23-found).

    python bench/outcome_cover.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/outcome_cover.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). Per gold finding that :func:`claimex.evaluate.findings_match.judge` does not find with the
error ``outcome not covered`` (the sentence has a finding claim, none whose OUTCOME entities hold half of the gold
outcome's tokens), the row is

* ``where``: ``entity`` - a claims-layer OUTCOME entity holds half of it (held by no claim); ``part`` - an OUTCOME
  entity holds some of it but under half (the entity the claim took is too short); ``none`` - no OUTCOME entity
  touches it;
* ``run``: the tagger's own decodes beside the main one (``doc.spans``): ``weak`` - a ``pico_weak`` span holds half
  of it, ``wide`` - a ``pico_wide`` run does (the reach of a main span at the weak floor), ``seed`` - a
  ``pico_seeds`` span touches it, ``-`` none;
* ``p``: the tagger's mean OUTCOME probability over the gold outcome's tokens, binned (<.05, <.15, <.3, >=.3);
* ``over``: the other entity labels over the gold tokens (``arm``, ``no-arm`` where the trial-arm check,
  :mod:`claimex.assemble.claims.trialarm`, calls the mention no arm of the trial, ``population``), ``-`` none;
* for ``part``: where :func:`claimex.annotate.outcome_wide.widen` stops the best entity short of the gold words it
  misses (``run end`` / ``no-run``: the tagger's run at the weak floor ends there or there is none; else the
  separator, stop word or entity that ends the walk); for a ``weak`` / ``wide`` cover with ``none``: the entity
  labels that run holds.

docs/claims-rounds.md 37.4, main 6826252 (grouped):

| row | OPEN (34) | BLIND (126) |
|---|---:|---:|
| entity (an OUTCOME entity covers it, held by no claim) | 0 | 1 |
| none, no weak / wide run (mean p < .05 / < .15 / < .3) | 11 (1 / 7 / 3) | 47 (10 / 21 / 16) |
| none, a weak span covers it / a wide run (whose main span is another OUTCOME) | 0 / 0 | 6 (4 in 1 abstract) / 4 |
| part, the tagger's run ends inside the gold outcome (or no run) | 19 | 43 |
| part, widen stops inside its run: stop word / separator / entity | 2 / 1 / 1 | 15 / 7 / 3 |

Printed: per row, the number of misses and of abstracts. ``--examples ROW`` prints, for the misses whose row holds
ROW, the gold outcome, the claimed OUTCOME entities of the sentence and the sentence (OPEN only).
"""

from __future__ import annotations

from collections import Counter

import numpy
from judged import tune_options

from claimex.annotate.entities import SEEDS_KEY, WEAK_KEY, WIDE_KEY
from claimex.annotate.outcome_wide import SEPARATORS, _stops_left, _stops_right
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.base import sentence_views
from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import FINDING_TYPES, _overlaps, claim_span, covered, judge, tokens
from claimex.extractor import Extractor, record_of

ARMS = frozenset(["INTERVENTION", "COMPARATOR"])
RANKER = ClaimAssembler().arms


def _cover(gold, s: int, e: int) -> int:
    return sum(covered(t, s, e) for t in gold)


def _bin(p: float) -> str:
    return "<.05" if p < .05 else "<.15" if p < .15 else "<.3" if p < .3 else ">=.3"


def row_of(finding, record, text, doc, probs, col, not_arm=frozenset()) -> tuple[str, str]:
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    ents = [e for e in record.entities if _overlaps((e.start, e.end), finding.sentence)]
    outs = [e for e in ents if e.label == "OUTCOME"]
    best = max((_cover(gold, e.start, e.end) for e in outs), default=0)
    where = "entity" if 2 * best >= len(gold) else "part" if best else "none"
    half = [s for key in (WEAK_KEY, WIDE_KEY) for s in doc.spans.get(key, [])
            if 2 * _cover(gold, s.start_char, s.end_char) >= len(gold)]
    run = ("weak" if any(s in doc.spans.get(WEAK_KEY, []) for s in half) else "wide" if half else
           "seed" if any(_cover(gold, s.start_char, s.end_char) for s in doc.spans.get(SEEDS_KEY, [])) else "-")
    toks = [t.i for t in doc if any(covered(g, t.idx, t.idx + len(t.text)) for g in gold)
            or (finding.outcome.start <= t.idx < finding.outcome.end)]
    p = float(numpy.mean(probs[toks, col])) if toks else 0.0
    over = sorted({("no-arm" if e.id in not_arm else "arm") if e.label in ARMS else "population" for e in ents
                   if e.label != "OUTCOME" and _cover(gold, e.start, e.end)})
    claims = [c for c in record.claims if c.type in FINDING_TYPES and _overlaps(claim_span(c, record),
                                                                                   finding.sentence)]
    held = {i for c in claims for i in c.outcome}
    taken = [text[e.start:e.end] for e in outs if e.id in held]
    stop = _stop(gold, outs, ents, doc) if where == "part" else _beside(half, ents) if half else ""
    return f"{where} | {run} | p{_bin(p)} | over {'/'.join(over) or '-'}{stop}", " ; ".join(taken)


def _beside(half, ents) -> str:
    """What the weak span or wide run over an uncovered gold outcome overlaps (why no rule took it): entity labels."""
    labels = sorted({e.label for s in half for e in ents if e.start < s.end_char and s.start_char < e.end})
    return f" | run holds {'/'.join(labels) or 'nothing'}"


def _stop(gold, outs, ents, doc) -> str:
    """Where :func:`claimex.annotate.outcome_wide.widen` stops the best entity short of the gold words it misses:
    the first token of its run's walk (toward those words) that ends it - a separator, a stop word, a taken token
    (its label), the run's end."""
    best = max(outs, key=lambda e: _cover(gold, e.start, e.end))
    missed = [t for t in gold if not covered(t, best.start, best.end)]
    right = any(a >= best.end for a, _ in missed)
    toks = list(doc)
    inside = [t.i for t in toks if best.start <= t.idx < best.end]
    if not inside:
        return " | stop ?"
    runs = [s for key in (WIDE_KEY, WEAK_KEY) for s in doc.spans.get(key, [])]
    run = next((s for s in runs if s.start <= inside[0] < s.end or s.start <= inside[-1] < s.end), None)
    if run is None:
        return " | stop no-run"
    t = _View(toks)
    step, k = (1, inside[-1] + 1) if right else (-1, inside[0] - 1)
    stops = _stops_right if right else _stops_left
    while run.start <= k < run.end:
        tok = toks[k]
        owner = next((e.label for e in ents if e.start <= tok.idx < e.end), None)
        low = t.lower[k]
        why = (f"entity {owner}" if owner else f"sep {low}" if low in SEPARATORS else
               f"stop {low}" if stops(t, k) else None)
        if why:
            return f" | {'right' if right else 'left'} {why}"
        k += step
    return f" | {'right' if right else 'left'} run end"


class _View:
    def __init__(self, toks):
        self.text = [x.text for x in toks]
        self.lower = [x.lower_ for x in toks]


def main() -> None:
    args, golds = tune_options(__doc__, "print the misses whose row contains this (OPEN only; 'all')")
    ex = Extractor.load(None)
    tagger = next(pipe for name, pipe in ex.nlp.pipeline if hasattr(pipe, "heads"))
    col = list(tagger.heads).index("OUTCOME")
    rows: Counter = Counter()
    where: dict[str, set] = {}
    for g in golds:
        document = load_document(g.source, g.id)
        doc = ex.nlp(document.text)
        probs = tagger.predict([doc])[0]
        spans = {k: list(doc.spans[k]) for k in (WEAK_KEY, WIDE_KEY, SEEDS_KEY) if k in doc.spans}
        record = record_of(doc, document)
        not_arm = RANKER.trial_check(record, sentence_views(record))[1] if RANKER and RANKER.trial_arms else set()
        text = document.text
        for finding in g.findings:
            j = judge(finding, record, text)
            if j.found or j.errors[0] != "outcome not covered":
                continue
            row, taken = row_of(finding, record, text, _Spans(doc, spans), probs, col, not_arm)
            rows[row] += 1
            where.setdefault(row, set()).add(g.key)
            if args.examples and (args.examples == "all" or args.examples in row):
                print(f"{row} || {finding.outcome.text} || took: {taken} || "
                      f"{' '.join(text[slice(*finding.sentence)].split())}")
    print(f"outcome not covered {sum(rows.values())}")
    for row, n in sorted(rows.items()):
        print(f"{n:4d}  ({len(where[row])} abstracts)  {row}")


class _Spans:
    """The doc with its span groups read before :func:`record_of` emptied its user data."""

    def __init__(self, doc, spans):
        self._doc, self.spans = doc, spans

    def __iter__(self):
        return iter(self._doc)


if __name__ == "__main__":
    main()
