"""One pass of ``claimex extract`` (or of the tokenizer alone) for counting instructions under Valgrind.

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/count_pass.py --what e2e --limit 200

On a shared machine CPU time moves by a third with the other jobs; the number of instructions a pass
executes does not (``PYTHONHASHSEED`` fixed). The pass cost is the difference of two runs of this script,
``--what e2e`` (or ``tok``) minus ``--what none`` (start-up, model load and the warm-up pass only):
``bench/ab_instructions.sh`` does that for a baseline tree and this checkout. Instructions are no
timing (C and Python code retire them at different rates), so compare like with like: a tree with
another, or the end-to-end pass with the tokenizer pass on the same tree. The warm-up pass fills the tagger's
word-embedding cache (``claimex.annotate.tagger.embedcache``) with every word of the counted pass;
``--fresh-caches`` empties it first, the cost of a fresh process over the same abstracts. The claims package also
keeps per-text caches (bounded ``functools`` caches of its cue tests), which the warm-up fills with every sentence of
the counted pass; ``--unseen`` warms up on the next ``--limit`` abstracts of the set instead, so that no cache answers
the counted pass from its own warm-up: the cost of abstracts the process has not seen (session 14).

``--callgrind`` (under ``valgrind --tool=callgrind --instr-atstart=no``, as ``bench/count_stages.py --callgrind``)
counts the passes alone in one process: the instrumentation is on around the end-to-end pass (dump ``e2e``) and
then around the tokenizer pass over the same texts (dump ``tok``), so one run per tree gives both and no start-up
is in either count (session 21: a cachegrind run of the whole process took over 30 minutes on the loaded box).
``bench/ab_pass_callgrind.sh BASE`` does it for a baseline tree and this checkout. With ``--unseen`` the
tokenizer's cache is flushed and warmed on the warm-up abstracts again before its count (session 29: the
end-to-end pass had just cached every token of the counted texts, which made the tokenizer's count the cost of
repeated texts against an end-to-end count of new ones).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--what", choices=("none", "tok", "e2e"), default="e2e")
    ap.add_argument("--limit", type=int, default=200, help="abstracts of bench/speed.py's set")
    ap.add_argument("--model", default=None)
    ap.add_argument("--fresh-caches", action="store_true",
                    help="empty the tagger's word-embedding cache after the warm-up (a tree without one: no-op), so "
                         "the counted pass makes the rows of its words again, as a fresh process would")
    ap.add_argument("--unseen", action="store_true",
                    help="warm up on the next --limit abstracts of the set, not on the counted ones (module doc)")
    ap.add_argument("--callgrind", action="store_true",
                    help="under callgrind --instr-atstart=no: count the e2e pass and then the tokenizer pass, each "
                         "alone (dumps named e2e and tok; --what is ignored)")
    args = ap.parse_args(argv)
    import speed

    from claimex.extractor import Extractor
    from claimex.read import read_documents
    from claimex.read.base import Document

    with tempfile.TemporaryDirectory(prefix="claimex-count-") as tmp:
        folder = Path(tmp)
        src = speed.write_abstracts(folder, args.limit)
        extractor = Extractor.load(args.model)
        texts = [d.text for d in read_documents([src]) if isinstance(d, Document)]
        warm = speed.write_abstracts(folder, args.limit, skip=args.limit, name="warm-in.jsonl") if args.unseen else src
        speed.extract_file(extractor, warm, folder / "warm.jsonl")  # warm-up: lazy patterns, caches
        for t in (d.text for d in read_documents([warm]) if isinstance(d, Document)):
            extractor.nlp.tokenizer(t)
        if args.fresh_caches:
            for _, pipe in extractor.nlp.pipeline:
                if getattr(pipe, "embed_cache", None) is not None:
                    pipe.embed_cache.clear()
        if args.callgrind:
            from count_stages import _callgrind_switch

            start, stop = _callgrind_switch()
            start()
            speed.extract_file(extractor, src, folder / "out.jsonl")
            stop(b"e2e")
            if args.unseen:  # the e2e pass's tokenizer cached the counted texts: their tokenizer pass is unseen too
                flush = getattr(extractor.nlp.tokenizer, "_flush_cache", None)
                if flush is not None:
                    flush()
                for t in (d.text for d in read_documents([warm]) if isinstance(d, Document)):
                    extractor.nlp.tokenizer(t)
            start()
            for t in texts:
                extractor.nlp.tokenizer(t)
            stop(b"tok")
        elif args.what == "e2e":
            speed.extract_file(extractor, src, folder / "out.jsonl")
        elif args.what == "tok":
            for t in texts:
                extractor.nlp.tokenizer(t)
    print(f"{args.what}: {len(texts)} abstracts")


if __name__ == "__main__":
    main()
