"""The tagger network's token budget per run (``claimex_pico``'s ``PREDICT_TOKENS``), timed in one process.

    python bench/pico_chunks.py --budgets 1024,2048,4096 --passes 8 [--batch 32]

The 537 real abstracts of ``bench/speed.py`` go through the pipeline up to the tagger, in batches of
``--batch`` docs (``claimex extract``'s default 32); then ``PicoTagger.predict`` runs on each batch with
``PREDICT_TOKENS`` set to each budget (and to "whole": the batch at once), passes interleaved (order
reversed every pass), CPU time. First the probabilities of every budget are compared with the whole-batch
ones (exit status 1 if any differs: they should not with ``CLAIMEX_GEMM=blis``). Prints the median and
range per budget in ms per abstract and each budget's paired ratio to "whole".
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


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--budgets", default="1024,2048,4096")
    ap.add_argument("--passes", type=int, default=8)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    import speed

    from claimex.annotate.tagger import component
    from claimex.extractor import Extractor
    from claimex.read import read_documents
    from claimex.read.base import Document

    nlp = Extractor.load(args.model).nlp
    with tempfile.TemporaryDirectory(prefix="claimex-chunks-") as tmp:
        texts = [d.text for d in read_documents([speed.write_abstracts(Path(tmp))]) if isinstance(d, Document)]
    upto = nlp.pipe_names.index("claimex_pico")
    docs = [nlp.make_doc(t) for t in texts]
    for _name, proc in nlp.pipeline[:upto]:
        docs = [proc(d) for d in docs]
    pico = nlp.get_pipe("claimex_pico")
    batches = [docs[i:i + args.batch] for i in range(0, len(docs), args.batch)]
    budgets: list[int | None] = [None] + [int(b) for b in args.budgets.split(",")]

    def run(budget):
        component.PREDICT_TOKENS = budget or 10**12
        return [p for b in batches for p in pico.predict(b)]

    whole = run(None)
    for budget in budgets[1:]:
        if not all((a == b).all() for a, b in zip(whole, run(budget))):
            raise SystemExit(f"budget {budget}: probabilities differ from the whole-batch run")
    got: dict = {b: [] for b in budgets}
    for r in range(args.passes):
        for budget in budgets if r % 2 == 0 else budgets[::-1]:
            t0 = time.process_time()
            run(budget)
            got[budget].append((time.process_time() - t0) / len(docs) * 1e3)
    print(f"{len(docs)} abstracts ({sum(map(len, docs)) / len(docs):.0f} tokens each), batches of {args.batch}")
    for budget, v in got.items():
        ratio = "" if budget is None else \
            f"; paired vs whole {statistics.median([x / y for x, y in zip(v, got[None])]):.3f}, " \
            f"faster in {sum(x < y for x, y in zip(v, got[None]))} of {len(v)}"
        print(f"{budget or 'whole'}: median {statistics.median(v):.3f} ms per abstract "
              f"({min(v):.3f}-{max(v):.3f}){ratio}")


if __name__ == "__main__":
    main()
