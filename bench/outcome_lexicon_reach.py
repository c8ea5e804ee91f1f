"""What a corpus outcome lexicon (``bench/outcome_lexicon.py``) could reach on the findings tune half
(docs/claims-rounds.md 38.1, s24-lexicon): counts only by default.

    python outcome_lexicon.py --all --out /tmp/ALL.tsv          # every name annotated twice or more, unfiltered
    python outcome_lexicon_reach.py --ids ../models/claimex-confidence/calibration_ids.txt --lexicon /tmp/ALL.tsv
    python outcome_lexicon_reach.py --skip-ids ../models/claimex-confidence/calibration_ids.txt \
        --lexicon /tmp/ALL.tsv --examples miss|stray                                   # OPEN only
    python outcome_lexicon_reach.py --lexicon /tmp/ALL.tsv --outside /work/wt/notes/s21/outside_input.jsonl

(run from ``bench/``). Per filter (min count K x min share S of ``outcome_lexicon.keep``):

* **reach** - per gold finding not found with ``outcome not covered`` or ``no claim in sentence``: a lexicon name in
  its sentence that holds half of the gold outcome's tokens (the scorer's cover), ``free`` (overlapping no
  claims-layer entity), ``outcome`` (overlapping only OUTCOME entities) or ``taken`` (an arm or population), and
  whether its sentence passes the weak outcomes' result gate (:mod:`claimex.annotate.outcome_weak`, "gated free");
  ``+N``: findings where a name touches the gold outcome but holds under half of it;
* **extension** - an OUTCOME entity of the sentence grown over a lexicon name overlapping it would hold the gold
  outcome (``outcome truncated``: all but the scorer's allowance; the misses: half of it);
* **precision proxy** - the free lexicon hits in gated sentences (longest first, no overlap) that touch a gold outcome
  of their sentence (``gold``), lie in a gold result sentence away from every gold outcome (``stray``) or in a
  sentence with no gold finding (``other``); ``--outside``: the free gated hits on abstracts outside the gold.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter

from judged import tune_options
from outcome_lexicon import MAX_TOKENS, keep

from claimex.annotate.entities import claims_layer, layer_entries
from claimex.annotate.outcome_lists import Tokens
from claimex.annotate.outcome_weak import _outcome_sentences, _values_compared, result_sentences
from claimex.corpora.findings import load_document
from claimex.evaluate.findings_match import MAX_EXTRA_TOKENS, covered, judge, tokens
from claimex.extractor import Extractor, record_of

GRID = [(k, s) for k in (2, 3, 5, 10) for s in (0.0, 0.3, 0.5, 0.7)]
MISSES = ("outcome not covered", "no claim in sentence")


def read_lexicon(path) -> dict[tuple[str, ...], tuple[int, int, int, int]]:
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            name, *nums = line.rstrip("\n").split("\t")
            out[tuple(name.split(" "))] = tuple(int(x) for x in nums)
    return out


def gated(doc, t) -> set[int]:
    which = set(range(len(t.sentences)))
    out = result_sentences(doc, t, t.sentences, which)
    out |= _values_compared(doc, t, t.sentences, which - out)
    tagged = layer_entries(doc)
    out |= _outcome_sentences(t, t.sentences, [a for a, _ in t.sentences], which - out, tagged)
    return out


def matches(lower, lo, hi, lexicon, ok) -> list[tuple[int, int, tuple]]:
    """Longest-first, left-to-right non-overlapping lexicon names in tokens ``[lo, hi)`` passing ``ok``."""
    out, a = [], lo
    while a < hi:
        for b in range(min(hi, a + MAX_TOKENS), a, -1):
            name = tuple(lower[a:b])
            if name in lexicon and ok(name):
                out.append((a, b, name))
                a = b
                break
        else:
            a += 1
    return out


def _extend(f, j, text, t, idx, ends, ents, lexicon, extend, tok_range) -> None:
    """Count, per filter, whether an OUTCOME entity of the sentence grown over a lexicon name that overlaps it would
    hold the gold outcome (``outcome not covered`` / ``no claim``: half its tokens; ``outcome truncated``: all but the
    scorer's allowance, with at most ``MAX_EXTRA_TOKENS`` tokens outside)."""
    gold = tokens(text, f.outcome.start, f.outcome.end)
    if not gold:
        return
    sa, sb = tok_range(*f.sentence)
    outs = [(s, e) for s, e, lab in ents if lab == "OUTCOME" and sa <= s < sb]
    err = "outcome truncated" if j.found else j.errors[0]
    extend["seen", err] += 1
    allowed = 1 if len(gold) >= 4 else 0
    for grid in GRID:
        for a in range(sa, sb):
            done = False
            for b in range(a + 1, min(sb, a + MAX_TOKENS) + 1):
                name = tuple(t.lower[a:b])
                if name not in lexicon or not keep(name, *lexicon[name], *grid):
                    continue
                for s, e in outs:
                    if not (s < b and a < e) or (a >= s and b <= e):
                        continue
                    u0, u1 = min(a, s), max(b, e)
                    ca, cb = idx[u0], ends[u1 - 1]
                    hit = sum(covered(x, ca, cb) for x in gold)
                    extra = sum(1 for k in range(u0, u1) if not (f.outcome.start <= idx[k] < f.outcome.end))
                    good = (len(gold) - hit <= allowed and extra <= MAX_EXTRA_TOKENS if j.found
                            else 2 * hit >= len(gold))
                    if good:
                        extend[grid, err] += 1
                        done = True
                        break
                if done:
                    break
            if done:
                break


def _token_range(idx: list[int]):
    """``(first, end)`` token indexes of a character range, from the tokens' offsets ``idx``."""
    return lambda a, b: (bisect_right(idx, a - 1), bisect_right(idx, b - 1))


def _more(ap) -> None:
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--outside", help="JSONL of {id, text} outside the gold: count the free hits in gated sentences")


def outside(args, lexicon, ex) -> None:
    """The precision proxy outside the gold: free lexicon hits per gated sentence, per filter (``--examples
    stray``: print those of K=3, S=.5 with their sentence)."""
    hits: Counter = Counter()
    sentences = abstracts = 0
    names: Counter = Counter()
    with open(args.outside, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    for row in rows:
        doc = ex.nlp(row["text"])
        t = Tokens(doc)
        gate = gated(doc, t)
        taken = [False] * len(doc)
        for s, e, _, _, _ in layer_entries(doc, claims_layer(doc)):
            taken[s:e] = [True] * (e - s)
        sentences += len(gate)
        got = False
        for grid in GRID:
            ok = (lambda kk, ss: lambda n: keep(n, *lexicon[n], kk, ss))(*grid)
            for k in sorted(gate):
                lo, hi = t.sentences[k]
                for a, b, name in matches(t.lower, lo, hi, lexicon, ok):
                    if any(taken[a:b]):
                        continue
                    hits[grid] += 1
                    if grid == (3, 0.5):
                        got = True
                        names[" ".join(name)] += 1
                        if args.examples == "stray":
                            print(f"{row['id']} || {' '.join(name)} || {' '.join(doc[lo:hi].text.split())}")
        abstracts += got
    print(f"{len(rows)} abstracts, {sentences} gated sentences; K=3 S=.5: hits in {abstracts} abstracts")
    for grid in GRID:
        print(f"{grid[0]:<2d} {grid[1]:.1f}  free hits {hits[grid]}")
    print("K=3 S=.5 names:", names.most_common(40))


def main() -> None:
    args, golds = tune_options(__doc__, "miss | stray: print examples (OPEN only)",
                               _more)
    lexicon = read_lexicon(args.lexicon)
    ex = Extractor.load(None)
    if args.outside:
        return outside(args, lexicon, ex)
    reach: Counter = Counter()
    prec: Counter = Counter()
    total = Counter()
    extend: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        doc = ex.nlp(document.text)
        t = Tokens(doc)
        gate = gated(doc, t)
        ents = [(s, e, lab) for s, e, lab, _, _ in layer_entries(doc, claims_layer(doc))]
        idx = [tok.idx for tok in doc]
        ends = [tok.idx + len(tok.text) for tok in doc]
        label_at: list[set] = [set() for _ in doc]
        for s, e, lab in ents:
            for k in range(s, e):
                label_at[k].add(lab)
        starts = [a for a, _ in t.sentences]
        record = record_of(doc, document)
        text = document.text

        tok_range = _token_range(idx)

        gold_spans = [(f.sentence, f.outcome.start, f.outcome.end) for f in g.findings]
        for grid in GRID:
            ok = (lambda kk, ss: lambda n: keep(n, lexicon[n][0], lexicon[n][1], lexicon[n][2], lexicon[n][3],
                                                 kk, ss))(*grid)
            for k in gate:
                lo, hi = t.sentences[k]
                for a, b, name in matches(t.lower, lo, hi, lexicon, ok):
                    if any(label_at[j] for j in range(a, b)):
                        continue
                    ca, cb = idx[a], ends[b - 1]
                    in_sent = [x for x in gold_spans if x[0][0] <= ca < x[0][1]]
                    kind = ("gold" if any(x[1] < cb and ca < x[2] for x in in_sent) else
                            "stray" if in_sent else "other")
                    prec[grid, kind] += 1
                    if args.examples == "stray" and grid == (3, 0.5) and kind != "gold":
                        print(f"{kind} || {' '.join(name)} || {' '.join(text[idx[lo]:ends[hi - 1]].split())}")
        for f in g.findings:
            j = judge(f, record, text)
            if j.found and "outcome truncated" in j.errors or not j.found and j.errors[0] in MISSES:
                _extend(f, j, text, t, idx, ends, ents, lexicon, extend, tok_range)
            if j.found or j.errors[0] not in MISSES:
                continue
            total[j.errors[0]] += 1
            gold = tokens(text, f.outcome.start, f.outcome.end)
            sa, sb = tok_range(*f.sentence)
            k = bisect_right(starts, sa) - 1
            for grid in GRID:
                ok = (lambda kk, ss: lambda n: keep(n, lexicon[n][0], lexicon[n][1], lexicon[n][2], lexicon[n][3],
                                                     kk, ss))(*grid)
                best = None
                for a in range(sa, sb):
                    for b in range(a + 1, min(sb, a + MAX_TOKENS) + 1):
                        name = tuple(t.lower[a:b])
                        if name not in lexicon or not ok(name):
                            continue
                        hit = sum(covered(x, idx[a], ends[b - 1]) for x in gold)
                        if not hit:
                            continue
                        labs = set().union(*label_at[a:b])
                        where = "free" if not labs else "outcome" if labs == {"OUTCOME"} else "taken"
                        rank = ("free", "outcome", "taken").index(where) + (0 if 2 * hit >= len(gold) else 3)
                        where = where if 2 * hit >= len(gold) else "part-" + where
                        if best is None or rank < best[0]:
                            best = (rank, where, name)
                if best is None:
                    continue
                reach[grid, j.errors[0], best[1], k in gate] += 1
                if args.examples == "miss" and grid == (3, 0.5):
                    print(f"{j.errors[0]} | {best[1]} | gate {k in gate} || {f.outcome.text} || {' '.join(best[2])}"
                          f" || {' '.join(text[slice(*f.sentence)].split())}")
    print(f"misses: {dict(total)}")
    print("extension cases:", {e: extend["seen", e] for e in ("outcome truncated", *MISSES)})
    print("extension (a lexicon name over a claims-layer OUTCOME entity, the union fixes the outcome), by K/S:")
    for grid in GRID:
        print(f"  {grid[0]:<2d} {grid[1]:.1f}  " + "  ".join(f"{e}: {extend[grid, e]}" for e in
                                                            ("outcome truncated", *MISSES)))
    print("K  S    | not-covered free/outcome/taken (gated free) | no-claim free/outcome/taken (gated free) "
          "| hits gold/stray/other")
    for grid in GRID:
        row = []
        for err in MISSES:
            c = [sum(reach[grid, err, w, gt] for gt in (True, False)) for w in ("free", "outcome", "taken")]
            part = sum(v for (gr, e, w, _), v in reach.items() if gr == grid and e == err and w.startswith("part"))
            row.append(f"{c[0]}/{c[1]}/{c[2]} ({reach[grid, err, 'free', True]}) +{part}")
        p = [prec[grid, kind] for kind in ("gold", "stray", "other")]
        print(f"{grid[0]:<2d} {grid[1]:.1f}  | {row[0]:>20} | {row[1]:>20} | {p[0]}/{p[1]}/{p[2]}")


if __name__ == "__main__":
    main()
