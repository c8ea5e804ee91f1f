"""The fastest of several end-to-end passes against the fastest tokenizer pass, in one process (issue 13).

    OPENBLAS_NUM_THREADS=1 python bench/fastest_pass.py                    # unseen abstracts, 10 passes
    OPENBLAS_NUM_THREADS=1 python bench/fastest_pass.py --mode repeat      # session 27's method
    PYTHONPATH=BASE/imp python bench/fastest_pass.py --passes 10           # an exported tree (bench/ab_speed.sh)

On a shared box single passes move by a third; the minimum of several moves least with the other jobs. CPU time
(``time.process_time``) of one ``claimex extract`` pass (``bench/speed.py``'s ``extract_file``: read JSONL,
Extractor, write JSONL) and of one tokenizer pass over the same texts; prints the fastest and the median of each, in
ms per abstract, and the ratio of the two fastest. Alternate trees process by process, e.g.
``for r in 1 2 3; do PYTHONPATH=BASE/imp python bench/fastest_pass.py; python bench/fastest_pass.py; done``.

Two modes (session 28, ``bench/SPEED.md``):

* ``unseen`` (default): abstracts the process has not met, as in a run over PubMed (``bench/speed.py``'s
  ``unseen_pass``). Each pass starts from emptied per-process caches (claim assembly's,
  :func:`claimex.assemble.claims.caches.clear`; the tagger's embedding rows; the tokenizer's), warms them up on the
  first ``--warm`` PubMed sample abstracts (untimed), then times the next ``--limit`` ones; the tokenizer pass
  likewise (emptied, warmed on the same warm-up texts, timed on the same texts).
* ``repeat`` (session 27): after one warm-up pass, every pass runs over the same first ``--limit`` abstracts, so the
  claim assembly's per-text caches answer from the pass before; it reads ~7% faster end to end than ``unseen``.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed  # bench/speed.py


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=10)
    ap.add_argument("--limit", type=int, default=150, help="abstracts timed per pass")
    ap.add_argument("--warm", type=int, default=150, help="unseen: abstracts of the untimed warm-up before each pass")
    ap.add_argument("--mode", choices=("unseen", "repeat"), default="unseen")
    ap.add_argument("--model", default=None, help="default: the shipped model")
    args = ap.parse_args(argv)
    from claimex.read import read_documents
    from claimex.read.base import Document

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        skip = args.warm if args.mode == "unseen" else 0
        src = speed.write_abstracts(folder, limit=args.limit, skip=skip)
        warm = speed.write_abstracts(folder, limit=args.warm, name="warm.jsonl") if args.mode == "unseen" else src
        extractor = speed.load_extractor(args.model)
        texts = [d.text for d in read_documents([src]) if isinstance(d, Document)]
        warm_texts = [d.text for d in read_documents([warm]) if isinstance(d, Document)]
        tokenizer = extractor.nlp.tokenizer
        speed.extract_file(extractor, src, folder / "out.jsonl")  # lazy loads (patterns, models) in both modes
        e2e, tok = [], []
        for _ in range(args.passes):
            if args.mode == "unseen":  # caches emptied, warmed on other abstracts (bench/speed.py)
                e, t, _written = speed.unseen_pass(extractor, warm, src, warm_texts, texts, folder / "out.jsonl")
                e2e.append(e)
                tok.append(t)
                continue
            t0 = time.process_time()
            speed.extract_file(extractor, src, folder / "out.jsonl")
            e2e.append(time.process_time() - t0)
            t0 = time.process_time()
            for text in texts:
                tokenizer(text)
            tok.append(time.process_time() - t0)
    n = len(texts)
    out = {"mode": args.mode, "abstracts": n, "passes": args.passes,
           "e2e_ms_min": round(1000 * min(e2e) / n, 2), "e2e_ms_median": round(1000 * statistics.median(e2e) / n, 2),
           "tok_ms_min": round(1000 * min(tok) / n, 3), "tok_ms_median": round(1000 * statistics.median(tok) / n, 3),
           "ratio_of_mins": round(min(e2e) / min(tok), 2)}
    print(f"{args.mode}: e2e ms/abstract min {out['e2e_ms_min']} med {out['e2e_ms_median']}; tok min "
          f"{out['tok_ms_min']} med {out['tok_ms_median']}; ratio of mins {out['ratio_of_mins']} ({n} abstracts, "
          f"{args.passes} passes)")
    return out


if __name__ == "__main__":
    main()
