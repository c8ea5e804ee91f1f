"""The fastest of several end-to-end passes against the fastest tokenizer pass, in one process (issue 13).

    OPENBLAS_NUM_THREADS=1 python bench/fastest_pass.py                    # 10 passes over 150 abstracts
    PYTHONPATH=BASE/imp python bench/fastest_pass.py --passes 10 --limit 150   # an exported tree (bench/ab_speed.sh)

On a shared box single passes move by a third; the minimum of several moves least with the other jobs. After the
load and one warm-up pass, ``--passes`` times: one ``claimex extract`` pass (``bench/speed.py``'s
``extract_file``: read JSONL, Extractor, write JSONL) over the first ``--limit`` PubMed sample abstracts, then one
tokenizer pass over the same texts; CPU time (``time.process_time``). Prints the fastest and the median of each,
in ms per abstract, and the ratio of the two fastest. Alternate trees process by process, e.g.
``for r in 1 2 3; do PYTHONPATH=BASE/imp python bench/fastest_pass.py; python bench/fastest_pass.py; done``
(session 27, ``bench/SPEED.md``).
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
    ap.add_argument("--limit", type=int, default=150, help="the first N PubMed sample abstracts")
    ap.add_argument("--model", default=None, help="default: the shipped model")
    args = ap.parse_args(argv)
    from claimex.read import read_documents
    from claimex.read.base import Document

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = speed.write_abstracts(folder, limit=args.limit)
        extractor = speed.load_extractor(args.model)
        texts = [d.text for d in read_documents([src]) if isinstance(d, Document)]
        tokenizer = extractor.nlp.tokenizer
        speed.extract_file(extractor, src, folder / "out.jsonl")  # warm-up
        e2e, tok = [], []
        for _ in range(args.passes):
            t = time.process_time()
            speed.extract_file(extractor, src, folder / "out.jsonl")
            e2e.append(time.process_time() - t)
            t = time.process_time()
            for text in texts:
                tokenizer(text)
            tok.append(time.process_time() - t)
    n = len(texts)
    out = {"abstracts": n, "passes": args.passes,
           "e2e_ms_min": round(1000 * min(e2e) / n, 2), "e2e_ms_median": round(1000 * statistics.median(e2e) / n, 2),
           "tok_ms_min": round(1000 * min(tok) / n, 3), "tok_ms_median": round(1000 * statistics.median(tok) / n, 3),
           "ratio_of_mins": round(min(e2e) / min(tok), 2)}
    print(f"e2e ms/abstract min {out['e2e_ms_min']} med {out['e2e_ms_median']}; tok min {out['tok_ms_min']} "
          f"med {out['tok_ms_median']}; ratio of mins {out['ratio_of_mins']} ({n} abstracts, {args.passes} passes)")
    return out


if __name__ == "__main__":
    main()
