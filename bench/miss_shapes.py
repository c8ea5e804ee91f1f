"""The shape of a result sentence around a gold outcome that no claim covers (counts only by default;
docs/claims-rounds.md 34.5, s20-found).

    python bench/miss_shapes.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/miss_shapes.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). Per gold finding that :func:`claimex.evaluate.findings_match.judge` does not find with the
error "outcome not covered" or "no claim in sentence", five facets, printed as one class per facet and as their
joint rows:

* ``holds`` - what the sentence holds: a test (a p-value, CI or ratio measure), other result measures, neither;
  and whether an arm (INTERVENTION / COMPARATOR entity) is in it;
* ``tagged`` - the record's OUTCOME entities in the sentence against the gold outcome: ``none`` in the sentence,
  ``elsewhere`` (in the sentence, none over a gold token), ``part`` (over some gold tokens), ``whole``;
* ``prob`` - the tagger's OUTCOME probability over the gold outcome's tokens: max and mean, banded at .15 / .3 / .6;
* ``shape`` - where the outcome stands relative to the numbers that report it: ``X: value`` (a colon after it),
  ``X was value`` (a value after at most three of was / were / is / are / , / ( / =), ``X was/did <predicate>`` (a
  verb after it, no value), ``measure of X`` ("the incidence / rate / number of X": a measure noun and ``of`` right
  before it, or the gold outcome opens on one), ``difference in X`` (a change or difference word and ``in`` / ``of``
  / ``for`` before it), ``list item`` (a ``;`` or ``,`` right before it and a value after), else ``other``;
* ``numbers`` - whether the sentence's values stand after the outcome, before it only, or there are none;
* ``before`` / ``after`` - for the rows with no OUTCOME entity over any gold token (``tagged`` none or elsewhere):
  the token right before and right after the gold outcome, as itself when it is a function word, a copula, a
  comparison word or punctuation (:data:`KEEP`), else ``<num>``, ``<-ed>``, ``<-ing>``, ``<word>``, ``<edge>``.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import tune_options

from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import _overlaps, covered, judge, tokens
from claimex.extractor import Extractor, record_of

TESTS = frozenset(["p_value", "ci", "ratio"])
RESULT_KINDS = frozenset(["mean_sd", "median_iqr", "percentage", "value", "range", "count", "duration"])
INTRODUCERS = frozenset(["was", "were", "is", "are", ",", "(", "=", "of", "in", "at"])
VERBS = frozenset(["was", "were", "is", "are", "did", "does", "do", "had", "has", "have", "remained", "showed",
                   "increased", "decreased", "improved", "declined", "differed", "reduced", "rose", "fell"])
MEASURE_NOUNS = frozenset(["incidence", "rate", "rates", "number", "numbers", "proportion", "percentage", "risk",
                           "frequency", "prevalence", "duration", "level", "levels", "score", "scores", "time",
                           "length", "amount", "occurrence", "severity", "mean", "median", "total", "use", "need"])
CHANGE_WORDS = frozenset(["difference", "differences", "change", "changes", "improvement", "improvements",
                          "reduction", "reductions", "increase", "increases", "decrease", "decreases", "effect",
                          "effects", "decline", "rise"])
NUMBER = re.compile(r"^[<>≤≥~]?\d")
KEEP = frozenset("was were is are had has have did does of in for with to at on by from than and or , ( ) : ; the a "
                 "an no not more less higher lower greater fewer significantly who that between among after during "
                 "both only patients group groups".split())


def _word_class(w: str | None) -> str:
    if w is None:
        return "<edge>"
    if NUMBER.match(w):
        return "<num>"
    if w in KEEP:
        return w
    if w.endswith("ed"):
        return "<-ed>"
    if w.endswith("ing"):
        return "<-ing>"
    return "<word>" if w.isalnum() else "<punct>"


def _band(p: float) -> str:
    return "<.15" if p < .15 else ".15-.3" if p < .3 else ".3-.6" if p < .6 else ">=.6"


def shape(text: str, finding) -> tuple[str, str, str, str]:
    """The ``shape``, ``numbers``, ``before`` and ``after`` facets of one gold outcome (module doc)."""
    lo, hi = finding.sentence
    o = finding.outcome
    words = lambda a, b: [text[x:y].lower() for x, y in tokens(text, a, b)]  # noqa: E731
    after, before, inner = words(o.end, hi), words(lo, o.start), words(o.start, o.end)
    k = 0
    while k < len(after) and k < 3 and after[k] in INTRODUCERS:
        k += 1
    value_after = k < len(after) and bool(NUMBER.match(after[k]))
    if after[:1] == [":"]:
        form = "X: value"
    elif value_after and before[-1:] in ([";"], [","]):
        form = "list item"
    elif value_after and after[:1] and after[0] in ("was", "were", "is", "are"):
        form = "X was value"
    elif (before[-1:] == ["of"] and len(before) > 1 and before[-2] in MEASURE_NOUNS) or inner[:1] and (
            inner[0] in MEASURE_NOUNS and "of" in inner[:3]):
        form = "measure of X"
    elif before[-1:] and before[-1] in ("in", "of", "for") and any(w in CHANGE_WORDS for w in before[-3:]):
        form = "difference in X"
    elif value_after:
        form = "X (value)"
    elif after[:1] and after[0] in VERBS or after[:2] and after[1] in VERBS:
        form = "X was/did predicate"
    else:
        form = "other"
    nums_after = any(NUMBER.match(w) for w in after)
    nums_before = any(NUMBER.match(w) for w in before)
    numbers = "values after" if nums_after else "values before only" if nums_before else "no values"
    return form, numbers, _word_class(before[-1] if before else None), _word_class(after[0] if after else None)


def facets(finding, record, text: str, probs, col: int, doc) -> dict[str, str]:
    sent = finding.sentence
    kinds = {m.kind for m in record.measures if _overlaps((m.start, m.end), sent)}
    test = "test" if kinds & TESTS else "measures" if kinds & RESULT_KINDS else "no measure"
    arm = any(e.label in ("INTERVENTION", "COMPARATOR") and _overlaps((e.start, e.end), sent)
              for e in record.entities)
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    outs = [e for e in record.entities if e.label == "OUTCOME" and _overlaps((e.start, e.end), sent)]
    best = max((sum(covered(t, e.start, e.end) for t in gold) for e in outs), default=0)
    tagged = ("none" if not outs else "elsewhere" if not best else "whole" if best == len(gold) else "part")
    toks = {tk.i for a, b in gold for tk in doc.char_span(a, b, alignment_mode="expand") or []}
    ps = [float(probs[i, col]) for i in toks] or [0.0]
    form, numbers, before, after = shape(text, finding)
    out = {"holds": f"{test}, {'arm' if arm else 'no arm'}", "tagged": tagged,
           "prob": f"max {_band(max(ps))}, mean {_band(sum(ps) / len(ps))}", "shape": form, "numbers": numbers}
    if tagged in ("none", "elsewhere"):
        out.update({"before": before, "after": after})
    return out


def main() -> None:
    args, golds = tune_options(__doc__, "print the rows whose joint class contains this (OPEN only; 'all')")
    ex = Extractor.load(None)
    tagger = ex.nlp.get_pipe("claimex_pico")
    col = tagger.heads.index("OUTCOME")
    per: dict[str, Counter] = {}
    joint: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        doc = ex.nlp(document.text)
        probs = tagger.predict([doc])[0]
        record, text = record_of(doc, document), document.text
        for f in g.findings:
            j = judge(f, record, text)
            if j.found or j.errors[0] not in ("outcome not covered", "no claim in sentence"):
                continue
            fs = {"error": j.errors[0], **facets(f, record, text, probs, col, doc)}
            for name, value in fs.items():
                per.setdefault(name, Counter())[f"{fs['error']} | {value}"] += 1
            cls = " | ".join(fs.get(k, "-") for k in ("error", "shape", "tagged", "prob", "holds", "numbers", "before",
                                                      "after"))
            joint[f"{fs['shape']} | {fs['tagged']} | {fs['prob'].split(',')[0]}"] += 1
            if args.examples and (args.examples == "all" or args.examples in cls):
                print(cls, "||", f.outcome.text, "||", " ".join(text[slice(*f.sentence)].split()))
    for name, counts in per.items():
        print(f"== {name}")
        for cls, n in sorted(counts.items()):
            print(f"{n:4d}  {cls}")
    print("== shape | tagged | max prob")
    for cls, n in joint.most_common():
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
