"""What became of the tagger's weak OUTCOME spans where a gold outcome has no OUTCOME entity, and where the weak-span
gate of :mod:`claimex.annotate.outcome_weak` fires outside the gold (counts only by default; docs/claims-rounds.md
32.1).

    python bench/weak_gate.py --ids models/claimex-confidence/calibration_ids.txt        # BLIND: counts only
    python bench/weak_gate.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN
    python bench/weak_gate.py --dev 300          # the first 300 plain dev abstracts of bench/typing_dev.py

(run from ``bench/``). **Misses**: per gold finding not found ("outcome not covered" / "no claim in sentence") with no
claims-layer OUTCOME entity over any token of its outcome: the tagger's OUTCOME probability on its tokens (``p<.15``,
``p.15-.3``, ``p>=.3``) and, from .3 up, the weak span over it - none; or whether its sentence passes the result
test (``result_sentences``), whether the span names an outcome (``_names_outcome``), which entities it overlaps.
**Dev** (``--dev N``): the claims-layer OUTCOME entities that come from a weak span in a sentence the result test
refuses (what the tagger-names-an-OUTCOME gate lets in), by the true zone of their sentence and whether a
finding/adverse_effect claim holds them. ``--examples`` prints sentences (OPEN and dev only).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from judged import tune_options
from typing_dev import _excluded, _zone, abstracts

from claimex.annotate.entities import CLAIMS_KEY, WEAK_KEY, get_entities
from claimex.annotate.outcome_lists import Tokens
from claimex.annotate.outcome_weak import _names_outcome, _trim, result_sentences
from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import _overlaps, covered, judge, tokens
from claimex.extractor import Extractor, record_of
from claimex.read.base import Document


def _band(p: float) -> str:
    return "p<.15" if p < .15 else "p.15-.3" if p < .3 else "p>=.3"


def misses(golds, examples: bool) -> Counter:
    ex = Extractor.load(None)
    tagger = ex.nlp.get_pipe("claimex_pico")
    col = tagger.heads.index("OUTCOME")
    counts: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        doc = ex.nlp(document.text)
        probs = tagger.predict([doc])[0]
        record, text, t = record_of(doc, document), document.text, Tokens(doc)
        weak, tagged = get_entities(doc, WEAK_KEY), get_entities(doc)
        for f in g.findings:
            j = judge(f, record, text)
            if j.found or j.errors[0] not in ("outcome not covered", "no claim in sentence"):
                continue
            gold = tokens(text, f.outcome.start, f.outcome.end)
            outs = [e for e in record.entities if e.label == "OUTCOME" and _overlaps((e.start, e.end), f.sentence)]
            if any(covered(k, e.start, e.end) for e in outs for k in gold):
                continue
            toks = {tk.i for a, b in gold for tk in doc.char_span(a, b, alignment_mode="expand") or []}
            band = _band(max((float(probs[i, col]) for i in toks), default=0.0))
            ws = [x for x in weak if toks & set(range(x.span.start, x.span.end))]
            if band != "p>=.3":
                why = ""
            elif not ws:
                why = "no weak span"
            else:
                s, e = ws[0].span.start, ws[0].span.end
                k = bisect_right([lo for lo, _ in t.sentences], s) - 1
                a, b = _trim(t, s, e)
                over = "/".join(sorted({y.label for y in tagged if y.span.start < e and s < y.span.end})) or "-"
                why = (f"result test {bool(result_sentences(doc, t, t.sentences, {k}))}; "
                       f"names {b > a and _names_outcome(t, a, b)}; overlaps {over}")
            cls = " | ".join(x for x in (j.errors[0], band, why) if x)
            counts[cls] += 1
            if examples:
                print(cls, "||", f.outcome.text, "||", " ".join(text[slice(*f.sentence)].split()))
    return counts


def dev(limit: int, examples: bool) -> Counter:
    ex = Extractor.load(None)
    counts: Counter = Counter()
    for n, (key, text, spans) in enumerate(abstracts(_excluded())):
        if n >= limit:
            break
        doc = ex.nlp(text)
        if CLAIMS_KEY not in doc.spans:
            continue
        t, weak, tagged = Tokens(doc), get_entities(doc, WEAK_KEY), get_entities(doc)
        starts = [lo for lo, _ in t.sentences]
        new = [x for x in get_entities(doc, CLAIMS_KEY) if x.label == "OUTCOME"
               and not any(x.span.start < y.span.end and y.span.start < x.span.end for y in tagged)
               and any(w.span.start <= x.span.start and x.span.end <= w.span.end for w in weak)
               and not result_sentences(doc, t, t.sentences, {bisect_right(starts, x.span.start) - 1})]
        if not new:
            continue
        rec = record_of(doc, Document(id=key, text=text, meta={"source": key.split(":")[0]}))
        for x in new:
            ids = {e.id for e in rec.entities if (e.start, e.end, e.label) == (x.span.start_char, x.span.end_char,
                                                                                "OUTCOME")}
            held = any(ids & set(c.outcome) for c in rec.claims if c.type in ("finding", "adverse_effect"))
            lo, hi = t.sentences[bisect_right(starts, x.span.start) - 1]
            zone = _zone(spans, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
            counts[f"{zone} | {'held by a finding claim' if held else 'no claim'}"] += 1
            if examples and held:
                print(zone, "|", x.span.text, "||", doc[lo:hi].text)
    return counts


def main() -> None:
    args, golds = tune_options(__doc__, "print the rows (OPEN or --dev only; any value)",
                               lambda ap: ap.add_argument("--dev", type=int))
    counts = dev(args.dev, bool(args.examples)) if args.dev else misses(golds, bool(args.examples))
    for cls, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
