"""Instructions of ``sentences.sentence_starts`` alone, on abstracts the process has not split before.

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/ss.%p \\
        python bench/count_sentence_starts.py --limit 100
    PYTHONPATH=BASE/imp valgrind ... python bench/count_sentence_starts.py --limit 100   # a baseline tree

The token texts of the first ``--limit`` abstracts of ``bench/speed.py``'s set are made first (not counted); the
splitter runs once over the next ``--limit`` abstracts (a warm-up: per-text tables fill with other texts), then the
instrumentation is on around one run over the counted ones alone (``count_stages._callgrind_switch``), so the
dump's ``totals`` are the splitter's instructions for those abstracts (session 17).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=100, help="abstracts of bench/speed.py's set")
    args = ap.parse_args(argv)
    import spacy
    import speed
    from count_stages import _callgrind_switch

    from claimex.annotate import tokenizer  # noqa: F401  (registers the scispaCy tokenizer)
    from claimex.annotate.sentences import sentence_starts
    from claimex.annotate.tokens import token_texts
    from claimex.read import read_documents
    from claimex.read.base import Document

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})
    with tempfile.TemporaryDirectory(prefix="claimex-ss-") as tmp:
        counted = speed.write_abstracts(Path(tmp), args.limit)
        warm = speed.write_abstracts(Path(tmp), args.limit, skip=args.limit, name="warm.jsonl")
        words = {src: [token_texts(nlp.make_doc(d.text)) for d in read_documents([src]) if isinstance(d, Document)]
                 for src in (counted, warm)}
    for w in words[warm]:
        sentence_starts(w)
    start, stop = _callgrind_switch()
    start()
    for w in words[counted]:
        sentence_starts(w)
    stop(b"sentence_starts")
    print(f"sentence_starts: {len(words[counted])} abstracts counted")


if __name__ == "__main__":
    main()
