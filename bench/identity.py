"""Byte-identity check for speed work: ``claimex extract`` over real shared abstracts, output compared.

    python bench/identity.py --out /tmp/after.jsonl                         # write records only
    python bench/identity.py --out /tmp/after.jsonl --against /tmp/before.jsonl

The input is the real abstracts of three shared corpora (title + abstract text): the 537 of
``pubmed-xml-samples/abstracts_flat.jsonl`` (the ``bench/speed.py`` set), the first ``--ei``
(default 300) of ``evidence-inference-v2/articles_abstracts_unlabeled.jsonl.gz`` (longer trial
reports, many findings) and the 251 of ``evidencemap/evidencemap.jsonl``. They go through the same
calls as the CLI (``read_documents`` -> ``Extractor.records`` -> ``JsonlWriter``). With
``--against``, the two JSONL files are compared line by line as bytes; the first differing records
are printed and the exit status is 1 when any differs. Run it on the tree before a speed change to
make the reference, then on the changed tree (same ``--model``).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path


def write_inputs(dst: Path, ei: int) -> int:
    """The input JSONL (id, text) of the three corpora; returns the number of abstracts."""
    from claimex.paths import corpus_path

    n = 0
    with open(dst, "w", encoding="utf-8") as out:
        def put(doc_id: str, text: str) -> None:
            nonlocal n
            out.write(json.dumps({"id": doc_id, "text": text}) + "\n")
            n += 1

        with open(corpus_path("pubmed-xml-samples", "abstracts_flat.jsonl"), encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                body = " ".join(s["text"] for s in r.get("abstract_sections") or [])
                if body:
                    put(f"pm-{r['pmid']}", f"{r.get('title') or ''}\n{body}")
        with gzip.open(corpus_path("evidence-inference-v2", "articles_abstracts_unlabeled.jsonl.gz"), "rt",
                       encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= ei:
                    break
                r = json.loads(line)
                put(f"ei-{r['pmcid']}", r["text"])
        with open(corpus_path("evidencemap", "evidencemap.jsonl"), encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                put(f"em-{r['pmid']}", r["text"])
    return n


def compare(a: Path, b: Path, show: int = 3) -> int:
    """Number of differing lines (or records present in one file only); prints the first few."""
    la = a.read_bytes().splitlines()
    lb = b.read_bytes().splitlines()
    diffs = [i for i in range(max(len(la), len(lb)))
             if i >= len(la) or i >= len(lb) or la[i] != lb[i]]
    for i in diffs[:show]:
        x = la[i] if i < len(la) else b"<missing>"
        y = lb[i] if i < len(lb) else b"<missing>"
        k = next((j for j in range(min(len(x), len(y))) if x[j] != y[j]), min(len(x), len(y)))
        print(f"line {i + 1} differs at byte {k}:\n  {a.name}: ...{x[max(0, k - 120):k + 120]!r}\n"
              f"  {b.name}: ...{y[max(0, k - 120):k + 120]!r}")
    print(f"{len(la)} vs {len(lb)} records, {len(diffs)} differ")
    return len(diffs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="records JSONL written here")
    ap.add_argument("--against", type=Path, help="reference JSONL to compare with, byte for byte")
    ap.add_argument("--model", default=None, help="default: the shipped model ('rules': no tagger)")
    ap.add_argument("--ei", type=int, default=300, help="evidence-inference abstracts to include")
    args = ap.parse_args(argv)
    from claimex.extractor import Extractor
    from claimex.read import read_documents
    from claimex.write import JsonlWriter

    with tempfile.TemporaryDirectory(prefix="claimex-identity-") as tmp:
        src = Path(tmp) / "in.jsonl"
        n = write_inputs(src, args.ei)
        extractor = Extractor.load(args.model)
        with JsonlWriter(args.out) as writer:
            for item in extractor.records(read_documents([src])):
                if hasattr(item, "to_json"):
                    writer.write(item)
                else:
                    print(f"not a record: {item}", file=sys.stderr)
    where = Path(sys.modules["claimex"].__file__).parent
    print(f"{writer.count} records of {n} abstracts -> {args.out} (claimex at {where})")
    if args.against:
        return 1 if compare(args.against, args.out) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
