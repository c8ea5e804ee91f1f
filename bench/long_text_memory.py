"""Peak RSS and time of the full pipeline on one text of N characters (does memory stay bounded?).

Each length runs in a fresh child process: load the model, note the RSS, analyse one text of exactly N
characters (real abstracts from ../shared/corpora/pubmed-xml-samples/abstracts_flat.jsonl, joined one per
line and repeated until N is reached), then report the kernel-measured peak RSS (``ru_maxrss``), the RSS
after loading, and the seconds the one text took. ``--scispacy-pattern`` puts scispaCy's own bracket pattern
back into the abbreviation detector (the quadratic one; see claimex.annotate.abbreviations) for comparison.
``--dense`` uses one short result sentence with a bracket, repeated (``Mortality was 12% vs 20% (P = 0.03).``,
one bracket group every 38 characters), the worst case for scispaCy's pattern, instead of the abstracts.

    python bench/long_text_memory.py --lengths 10000 100000 300000 1000000 --json /tmp/long-text.json
    python bench/long_text_memory.py --lengths 10000 50000 100000 --scispacy-pattern
    python bench/long_text_memory.py --lengths 100000 300000 500000 --dense
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
import psutil
from spacy.matcher import Matcher
from claimex.extractor import Extractor

length, model, old = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
src, dense = sys.argv[4], sys.argv[5] == "1"
abstracts = ["Mortality was 12% vs 20% (P = 0.03)."] if dense else []
for line in [] if dense else open(src, encoding="utf-8"):
    rec = json.loads(line)
    body = " ".join(s.get("text") or "" for s in rec.get("abstract_sections") or [])
    if body:
        abstracts.append(((rec.get("title") or "") + " " + body).strip())
parts, n = [], 0
while n < length:
    for a in abstracts:
        parts.append(a)
        n += len(a) + 1
        if n >= length:
            break
text = ("\n" if not dense else " ").join(parts)[:length]
ex = Extractor.load(None if model == "default" else model)
if old:
    det = ex.nlp.get_pipe("claimex_abbreviations")
    det.matcher = Matcher(ex.nlp.vocab)
    det.matcher.add("parenthesis", [[{"ORTH": "("}, {"OP": "+"}, {"ORTH": ")"}]])
ex("Warm-up (WU) text: mortality was 12% vs 20% (P = 0.03).", id="warm")
after_load = psutil.Process().memory_info().rss
t = time.perf_counter()
rec = ex(text, id="long")
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"chars": len(text), "tokens_in_record": len(rec.tokens) if hasattr(rec, "tokens") else None,
                  "after_load_mb": round(after_load / 2**20), "peak_mb": round(peak / 2**20),
                  "seconds": round(seconds, 2), "claims": len(rec.claims), "entities": len(rec.entities)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lengths", type=int, nargs="+", default=[10_000, 100_000, 300_000, 1_000_000])
    ap.add_argument("--model", default="default", help="default (the shipped model), rules, or a path")
    ap.add_argument("--scispacy-pattern", action="store_true", help="scispaCy's quadratic bracket pattern")
    ap.add_argument("--dense", action="store_true", help="a bracketed result sentence repeated (worst case)")
    ap.add_argument("--source", default=str(REPO.parent / "shared/corpora/pubmed-xml-samples/abstracts_flat.jsonl"))
    ap.add_argument("--json", type=Path, help="also write the rows here")
    args = ap.parse_args()
    rows = []
    print(f"{'chars':>9} {'after load MB':>14} {'peak MB':>8} {'+MB':>6} {'seconds':>8}")
    for n in args.lengths:
        argv = [sys.executable, "-c", CHILD, str(n), args.model, "1" if args.scispacy_pattern else "0", args.source,
                "1" if args.dense else "0"]
        proc = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, check=False)
        if proc.returncode != 0:
            print(f"{n:>9} failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row["scispacy_pattern"], row["dense"] = args.scispacy_pattern, args.dense
        rows.append(row)
        print(f"{row['chars']:>9} {row['after_load_mb']:>14} {row['peak_mb']:>8} "
              f"{row['peak_mb'] - row['after_load_mb']:>6} {row['seconds']:>8}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
