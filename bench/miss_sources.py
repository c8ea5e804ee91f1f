"""Which span the pipeline already holds could cover a gold outcome that no claim covers (counts only by default;
docs/claims-rounds.md 35.4, s21-found).

    python bench/miss_sources.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/miss_sources.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). Per gold finding that :func:`claimex.evaluate.findings_match.judge` does not find with the
error "outcome not covered" or "no claim in sentence": the miss class (:func:`findings_misses.miss_class`'s cut:
``dropped`` - the sentence is typed a finding but names no OUTCOME entity; ``untyped`` - any other no-claim; ``not
covered``), and which candidate span covers at least half of the gold outcome's tokens (the scorer's test), first
that applies: an OUTCOME ``entity`` of the record (held by no claim), a ``weak`` span (``pico_weak``, the tagger's
OUTCOME head at the weak threshold, not taken), a ``wide`` run (``pico_wide``), an entity of another ``label``
(INTERVENTION / COMPARATOR / POPULATION), a run of tokens whose OUTCOME probability is >= .1 (``low run``), else
``nothing``. Finer cuts: for a ``wide`` run, what stops :func:`claimex.annotate.outcome_wide.widen` on the gold's
tokens (another label, a bracket, and/or, a comma, no OUTCOME entity over it, else the side and the first missed
word); for a ``weak`` span, whether it lies over an arm entity and how the claims typing reads the sentence; for an
arm ``label``, whether the trial-arm check (:mod:`claimex.assemble.claims.trialarm`) calls it an arm of the trial.

docs/claims-rounds.md 35.4 (main 33449dd, BLIND): wide 32, low run 40, nothing 64, typing (an OUTCOME entity covers it)
30, arm / population label 31, weak 20 of 220 "not covered" / "no claim" misses.
"""

from __future__ import annotations

from collections import Counter

from judged import tune_options
from typing_paths import typing_path

from claimex.annotate.entities import WEAK_KEY, WIDE_KEY
from claimex.annotate.outcome_names import NAME_END
from claimex.annotate.outcome_weak import RESULT_WORDS
from claimex.annotate.tagger.words import FUNCTION_WORDS
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.base import sentence_views
from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import _overlaps, covered, judge, tokens
from claimex.extractor import Extractor, record_of

RANKER = ClaimAssembler().arms


def _covers(gold, spans) -> bool:
    return any(2 * sum(covered(t, a, b) for t in gold) >= len(gold) for a, b in spans)


BRACKETS = frozenset("()[]")


def _blocker(gold, outs, other, text, f) -> str:
    """What in the gold outcome's tokens that no OUTCOME entity holds stops :func:`outcome_wide.widen`: an entity
    of another label over them, a bracket, and/or, a comma - else ``open``."""
    missed = [t for t in gold if not any(covered(t, a, b) for a, b in outs)]
    span = text[f.outcome.start:f.outcome.end]
    why = []
    if any(any(covered(t, a, b) for a, b in other) for t in missed):
        why.append("other label")
    if BRACKETS & set(span):
        why.append("bracket")
    words = {text[a:b].lower() for a, b in gold}
    if words & {"and", "or"}:
        why.append("and/or")
    if "," in span:
        why.append("comma")
    if not any(any(covered(t, a, b) for a, b in outs) for t in gold):
        why.append("no OUTCOME over it")
    if why:
        return "+".join(why)
    best = max(outs, key=lambda o: sum(covered(t, *o) for t in gold))
    right = [t for t in missed if t[0] >= best[1]]
    left = [t for t in missed if t[1] <= best[0]]
    side = "right" if right and not left else "left" if left and not right else "both"
    word = text[slice(*(right[0] if side == "right" else left[-1] if side == "left" else missed[0]))].lower()
    shown = word if word in FUNCTION_WORDS or word in RESULT_WORDS or word in NAME_END else \
        "<-ed>" if word.endswith("ed") else "<-ly>" if word.endswith("ly") else "<word>"
    return f"open, {side} at {shown}"


def _label_why(gold, in_sent, not_arm) -> str:
    """For an arm or population entity that covers the gold outcome: its label, and for an arm mention whether
    the trial-arm check (:mod:`claimex.assemble.claims.trialarm`) calls it an arm of the trial."""
    e = next(e for e in in_sent if e.label != "OUTCOME" and 2 * sum(covered(t, e.start, e.end) for t in gold)
             >= len(gold))
    if e.label == "POPULATION":
        return e.label
    return f"{e.label}, {'no arm of the trial' if e.id in not_arm else 'an arm'}"


def _weak_why(gold, weak, other, paths, record, f) -> str:
    """For a weak span that covers the gold outcome: whether it lies over an arm / population entity, and how the
    claims typing reads the sentence (``typed finding`` / the rule that left it untyped)."""
    span = next(w for w in weak if 2 * sum(covered(t, *w) for t in gold) >= len(gold))
    over = "over another label" if any(_overlaps(span, o) for o in other) else \
        "over an OUTCOME" if any(_overlaps(span, (e.start, e.end)) for e in record.entities if e.label == "OUTCOME") \
        else "free"
    k = next(i for i, s in enumerate(record.sentences) if _overlaps((s.start, s.end), f.sentence))
    typed, rule = paths.get(k, (None, "?"))
    return f"{over} | {typed or 'untyped'} [{rule.split(' (')[0]}]"


def main() -> None:
    args, golds = tune_options(__doc__, "print the rows whose class contains this (OPEN only; 'all')")
    ex = Extractor.load(None)
    tagger = ex.nlp.get_pipe("claimex_pico")
    col = tagger.heads.index("OUTCOME")
    rows: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        doc = ex.nlp(document.text)
        probs = tagger.predict([doc])[0][:, col]
        record, text = record_of(doc, document), document.text
        paths = typing_path(record)
        not_arm = RANKER.trial_check(record, sentence_views(record))[1] if RANKER and RANKER.trial_arms else set()
        for f in g.findings:
            j = judge(f, record, text)
            if j.found or j.errors[0] not in ("outcome not covered", "no claim in sentence"):
                continue
            gold = tokens(text, f.outcome.start, f.outcome.end)
            in_sent = [e for e in record.entities if _overlaps((e.start, e.end), f.sentence)]
            outs = [(e.start, e.end) for e in in_sent if e.label == "OUTCOME"]
            if j.errors[0] == "outcome not covered":
                cls = "not covered"
            else:
                cls = "no claim, no OUTCOME in sentence" if not outs else "no claim, OUTCOME in sentence"
            runs = []
            k = 0
            toks = [t for t in doc if f.sentence[0] <= t.idx < f.sentence[1]]
            while k < len(toks):
                if probs[toks[k].i] >= 0.1 and toks[k].text.strip():
                    m = k
                    while m < len(toks) and probs[toks[m].i] >= 0.1:
                        m += 1
                    runs.append((toks[k].idx, toks[m - 1].idx + len(toks[m - 1])))
                    k = m
                else:
                    k += 1
            weak = [(s.start_char, s.end_char) for s in doc.spans.get(WEAK_KEY, [])]
            wide = [(s.start_char, s.end_char) for s in doc.spans.get(WIDE_KEY, [])]
            other = [(e.start, e.end) for e in in_sent if e.label != "OUTCOME"]
            src = next((name for name, spans in (("entity", outs), ("weak", weak), ("wide", wide), ("label", other),
                                                 ("low run", runs)) if _covers(gold, spans)), "nothing")
            if src == "label":
                src += " | " + _label_why(gold, in_sent, not_arm)
            if src == "weak":
                src += " | " + _weak_why(gold, weak, other, paths, record, f)
            if src == "wide":
                src += " | " + _blocker(gold, outs, other, text, f)
            rows[f"{cls} | {src}"] += 1
            if args.examples and (args.examples == "all" or args.examples in f"{cls} | {src}"):
                print(f"{cls} | {src} || {f.outcome.text} || {' '.join(text[slice(*f.sentence)].split())}")
    for row, n in sorted(rows.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
