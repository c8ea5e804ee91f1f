"""``parse_measures`` alone, for counting its instructions under Valgrind without loading a model.

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/count_measures.py --passes 2 --limit 100

Parses the first ``--limit`` abstracts of ``bench/speed.py``'s set (title + abstract, the text the
``claimex_measures`` component reads) once as a warm-up (every lazy pattern compiled first), then
``--passes`` times. The parser's cost per abstract is the difference of a ``--passes 2`` and a ``--passes 0`` run,
halved, divided by the number of abstracts; a baseline tree runs the same script with ``PYTHONPATH`` on its export
(``bench/ab_speed.sh`` says how to make one). ``bench/count_stages.py --stage measures`` counts the spaCy component
inside the loaded pipeline instead (the same parser plus ``doc_text``), at the cost of a model load per run.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json


def bench_texts(limit: int) -> list[str]:
    """The first ``limit`` texts of ``bench/speed.py``'s abstracts (title, newline, abstract sections)."""
    from claimex.paths import corpus_path

    texts: list[str] = []
    with open(corpus_path("pubmed-xml-samples", "abstracts_flat.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            body = " ".join(s["text"] for s in r.get("abstract_sections") or [])
            if body and len(texts) < limit:
                texts.append(f"{r.get('title') or ''}\n{body}")
    return texts


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args(argv)
    from claimex.annotate.measures import parse_measures
    from claimex.annotate.measures.lazy import compile_all

    texts = bench_texts(args.limit)
    compile_all()
    for text in texts:  # warm-up
        parse_measures(text)
    for _ in range(args.passes):
        for text in texts:
            parse_measures(text)
    print(f"{args.passes} passes over {len(texts)} abstracts")


if __name__ == "__main__":
    main()
