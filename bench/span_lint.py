"""Span lint on natural abstracts: defects per 1,000 PICO spans (``claimex evaluate --task spans``).

    python bench/span_lint.py [--model M] [--no-hygiene] [--json OUT] [--records-dir DIR]

Runs the pipeline over the shared PubMed XML samples (every ``*.xml``/``*.xml.gz`` under
``corpora/pubmed-xml-samples``) and over the EvidenceMap abstracts (all 251, de-tokenized by the
corpus loader), then lints the spans of each set (:mod:`claimex.evaluate.spans`).
``--no-hygiene`` switches the tagger's span hygiene off (the decoding before it existed) for a
before/after comparison in one process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimex import paths
from claimex.corpora import load_docs
from claimex.evaluate.spans import lint_records
from claimex.extractor import Extractor
from claimex.read import read_documents
from claimex.read.base import Document
from claimex.schema import Record


def pubmed_files() -> list[Path]:
    root = paths.shared_dir() / "corpora" / "pubmed-xml-samples"
    return sorted(p for p in root.rglob("*") if p.name.endswith((".xml", ".xml.gz")))


def evidencemap_documents() -> list[Document]:
    return [Document(id=str(d.meta.get("pmid") or k), text=d.text, meta={}) for k,
            d in enumerate(load_docs("evidencemap"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-hygiene", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--records-dir", help="also write the annotated records (JSONL) here")
    args = ap.parse_args()
    ex = Extractor.load(args.model)
    if args.no_hygiene:
        ex.nlp.get_pipe("claimex_pico").cfg["hygiene"] = False
    sets = {"pubmed_xml": list(read_documents(pubmed_files())), "evidencemap": evidencemap_documents()}
    out = {}
    for name, items in sets.items():
        t0 = time.time()
        records = [r for r in ex.records(items) if isinstance(r, Record) and r.text.strip()]
        if args.records_dir:
            Path(args.records_dir).mkdir(parents=True, exist_ok=True)
            with open(Path(args.records_dir) / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(r.to_json() + "\n" for r in records)
        rep = lint_records(records)
        out[name] = rep.to_dict()
        out[name]["seconds"] = round(time.time() - t0, 1)
        s = rep.summary
        print(f"== {name}: {s['documents']} docs, {s['spans']} spans, defective {s['defective']} "
              f"({s['defective_pct']:.2f}%), abbreviations {s['abbreviations']}")
        for row in rep.rows:
            print(f"  {row['name']:18s} {row['count']:5d}  {row['per_1000_spans']:7.2f}/1000  {row['examples'][:110]}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
