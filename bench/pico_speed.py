"""Speed, load time and size of PICO models (full claimex pipeline, one CPU core).

    python bench/pico_speed.py models/claimex-pico-sm models/claimex-pico-md [--json out.json]

* throughput: abstracts/s of ``nlp.pipe`` over the real abstracts of
  ``pubmed-xml-samples/abstracts_flat.jsonl`` (title + abstract; the 537 records with an
  abstract), measured as CPU time of this single-threaded process (``OPENBLAS_NUM_THREADS=1``),
  so other load on the machine does not count; best of 3 passes after a warm-up, each pass meeting its abstracts
  anew (the per-process caches emptied before it: :func:`claimex.extractor.forget_caches` - the tagger's
  embedding rows, which ``spacy.load`` turns on, and spaCy's tokenizer cache);
* per-component milliseconds per abstract (tokenizer and each pipe, same passes);
* load time: ``spacy.load`` in a fresh interpreter (after ``import claimex.annotate``), and the
  import itself, best of 3 (wall clock);
* size: bytes on disk of the model directory.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def abstracts() -> list[str]:
    from claimex.corpora.raw import pubmed_samples

    return [text for _, text in pubmed_samples()]


def throughput(model: str, texts: list[str], passes: int = 3, embed_cache: bool = True) -> dict:
    import spacy

    import claimex.annotate  # noqa: F401
    from claimex.extractor import forget_caches

    nlp = spacy.load(model)
    if not embed_cache and "claimex_pico" in nlp.pipe_names:
        nlp.get_pipe("claimex_pico").cache_embeddings(False)
    list(nlp.pipe(texts[:64]))
    best: dict = {}
    for _ in range(passes):
        forget_caches(nlp)
        times = {}
        t = time.process_time()
        docs = [nlp.make_doc(x) for x in texts]
        times["tokenizer"] = time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=nlp.batch_size))
            else:
                docs = [proc(d) for d in docs]
            times[name] = time.process_time() - t
        total = sum(times.values())
        if not best or total < best["total"]:
            best = {"total": total, **times}
    n = len(texts)
    return {
        "abstracts": n,
        "tokens_per_abstract": round(sum(len(d) for d in docs) / n, 1),
        "abstracts_per_s": round(n / best["total"], 1),
        "ms_per_abstract": {k: round(v / n * 1000, 3) for k, v in best.items()},
        "spans_per_abstract": round(sum(len(d.spans.get("pico", [])) for d in docs) / n, 2),
    }


def load_time(model: str, repeats: int = 3) -> dict:
    code = ("import time; t0=time.time(); import claimex.annotate; t1=time.time(); import spacy; "
            f"nlp=spacy.load({model!r}); t2=time.time(); print(t1-t0, t2-t1)")
    imports, loads = [], []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        a, b = map(float, out.stdout.split()[-2:])
        imports.append(a)
        loads.append(b)
    return {"import_s": round(min(imports), 3), "load_s": round(min(loads), 3)}


def size(model: str) -> int:
    return sum(p.stat().st_size for p in Path(model).rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--json")
    ap.add_argument("--no-embed-cache", action="store_true",
                    help="turn the tagger's embedding cache off after spacy.load (as before session 31), for A/B runs")
    args = ap.parse_args()
    texts = abstracts()
    results = {}
    for m in args.models:
        r = {"size_bytes": size(m), **load_time(m), **throughput(m, texts, embed_cache=not args.no_embed_cache)}
        results[m] = r
        ms = r["ms_per_abstract"]
        print(f"{m}: {r['abstracts_per_s']} abstracts/s/core (full pipeline, {r['tokens_per_abstract']} "
              f"tokens/abstract); ms/abstract {ms}; load {r['load_s']}s (+ import {r['import_s']}s); "
              f"size {r['size_bytes'] / 1e6:.1f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
