"""Plain-abstract typing, measured on headed abstracts with their headings stripped (issue 10: spurious findings).

    python bench/typing_dev.py build /tmp/typing_dev.jsonl [--limit N]   # run the pipeline once, cache the records
    python bench/typing_dev.py score /tmp/typing_dev.jsonl [--examples ZONE] [--sample K] [--dump TSV]
    python bench/typing_dev.py build /tmp/typing_headed.jsonl --headed   # the EI abstracts with their headings

Data (``../shared``, read in place): Evidence Inference 2.0 ``articles_abstracts_unlabeled.jsonl.gz`` (PMC
abstracts, ``ABSTRACT.<HEADING>:`` lines) and the structured records of ``pubmed-xml-samples/abstracts_flat.jsonl``;
every article id of the findings gold (all sets, both halves) is left out, and so are the Evidence Inference
validation and test articles. Each abstract keeps its title line, then its zoned sections' texts (zone of the
heading by :func:`claimex.assemble.claims.zones.zone_of`; title / registration / funding sections dropped) joined
by single spaces, with **no heading**: the pipeline sees a plain abstract, while the harness knows the zone each
character came from. ``build`` runs ``claimex`` (spaCy + tagger + claims) once and caches the records;
``score`` re-assembles the claims of every cached record with the working tree's rules and counts the
finding/adverse_effect claims by the true zone of their sentence: one from a background, aim or methods sentence
reports no result of the study (a spurious claim of the kind issue 10 counts); results and conclusion sentences
are where findings belong.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

from claimex import paths
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.zones import zone_of
from claimex.read.base import Document
from claimex.schema import Record

_EI_HEADING = re.compile(r"^[ \t]*(?:ABSTRACT\.)+([^\n]*?)\s*:+[ \t]*$", re.MULTILINE)
FINDING_TYPES = ("finding", "adverse_effect")
NONRESULT = ("background", "aim", "methods")


def _excluded() -> set[str]:
    ids = set()
    for f in sorted((paths.REPO_DIR / "corpora" / "gold" / "findings").glob("*.jsonl")):
        ids |= {str(json.loads(line)["id"]) for line in f.read_text().splitlines() if line.strip()}
    splits = paths.corpora_dir() / "evidence-inference-v2" / "splits"
    for name in ("ev2_validation_article_ids.txt", "ev2_test_article_ids.txt", "validation_article_ids.txt",
                 "ev1_validation_article_ids.txt", "ev1_test_article_ids.txt",
                 "test_article_ids.txt"):
        if (splits / name).exists():
            ids |= set((splits / name).read_text().split())
    return ids


def _plain(title: str, sections: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]] | None:
    """(plain text, [(start, end, zone)]) of a headed abstract; None without two zoned sections."""
    text, spans = " ".join(title.split()), []
    for label, body in sections:
        zone = zone_of(label)
        body = " ".join(body.split())
        if not zone or zone == "skip" or not body:
            continue
        text += (" " if spans else "\n") if text else ""  # the title on its own line
        spans.append((len(text), len(text) + len(body), zone))
        text += body
    return (text, spans) if len({z for *_, z in spans}) >= 2 else None


def _headed(text: str, heads: list[re.Match]) -> tuple[str, list[tuple[int, int, str]]]:
    """The PMC text as it is (headings kept: the pipeline reads them as sections) and each section's zone."""
    spans = [(m.end(), heads[k + 1].start() if k + 1 < len(heads) else len(text), zone_of(m.group(1).split(".")[-1]))
             for k, m in enumerate(heads)]
    return text, [(a, b, z) for a, b, z in spans if z and z != "skip"]


def abstracts(exclude: set[str], headed: bool = False):
    shared = paths.corpora_dir()
    with gzip.open(shared / "evidence-inference-v2" / "articles_abstracts_unlabeled.jsonl.gz", "rt") as f:
        for line in f:
            d = json.loads(line)
            if str(d["pmcid"]) in exclude:
                continue
            heads = list(_EI_HEADING.finditer(d["text"]))
            if not heads:
                continue
            title = re.sub(r"^\s*TITLE:\s*", "", d["text"][:heads[0].start()])
            sections = [(m.group(1).split(".")[-1],
                         d["text"][m.end():heads[k + 1].start() if k + 1 < len(heads) else len(d["text"])])
                        for k, m in enumerate(heads)]
            if headed:
                yield f"ei:{d['pmcid']}", *_headed(d["text"], heads)
            elif (got := _plain(title, sections)) is not None:
                yield f"ei:{d['pmcid']}", *got
    if headed:
        return
    for line in (shared / "pubmed-xml-samples" / "abstracts_flat.jsonl").read_text().splitlines():
        d = json.loads(line)
        if str(d["pmid"]) in exclude:
            continue
        sections = [(s.get("label") or s.get("nlm_category") or "", s["text"] or "") for s in d["abstract_sections"]]
        if (got := _plain(d.get("title") or "", sections)) is not None:
            yield f"pubmed:{d['pmid']}", *got


def build(out: Path, limit: int | None, headed: bool = False) -> None:
    from claimex.extractor import Extractor

    ex = Extractor.load(None)
    n = 0
    with out.open("w") as f:
        for key, text, spans in abstracts(_excluded(), headed):
            rec = ex.document(Document(id=key, text=text, meta={"source": key.split(":")[0]}))
            rec.claims = []
            row = {"key": key, "zones": spans, "record": rec.model_dump(mode="json", by_alias=True)}
            f.write(json.dumps(row) + "\n")
            n += 1
            if limit and n >= limit:
                break
    print(f"{n} abstracts -> {out}")


def _zone(spans, start: int, end: int) -> str:
    best = max(spans, key=lambda s: min(end, s[1]) - max(start, s[0]), default=None)
    return best[2] if best is not None and min(end, best[1]) - max(start, best[0]) > 0 else "title"


def score(path: Path, examples: str | None, sample: int, dump: Path | None = None) -> None:
    assembler = ClaimAssembler()
    claims, sents, shown, rows = Counter(), Counter(), 0, []
    for line in path.read_text().splitlines():
        d = json.loads(line)
        rec = Record.model_validate(d["record"])
        spans = d["zones"]
        zones = [_zone(spans, s.start, s.end) for s in rec.sentences]
        sents.update(zones)
        seen = set()
        for c in assembler(rec):
            if c.type not in FINDING_TYPES or c.sentence in seen:
                continue
            seen.add(c.sentence)  # sentences with a finding claim
            z = zones[c.sentence]
            claims[z] += 1
            s = rec.sentences[c.sentence]
            rows.append(f"{d['key']}\t{c.sentence}\t{z}\t{c.type}\t{' '.join(rec.text[s.start:s.end].split())}")
            if examples and z == examples and shown < sample:
                shown += 1
                print(f"--- {d['key']} s{c.sentence}/{len(rec.sentences)} {c.type} {c.direction}\n    "
                      f"{rec.text[rec.sentences[c.sentence].start:rec.sentences[c.sentence].end]}")
    if dump:
        dump.write_text("\n".join(rows) + "\n")
    total = sum(claims.values())
    bad = sum(claims[z] for z in NONRESULT)
    print(f"sentences with a finding/adverse_effect claim: {total}; from background/aim/methods sentences: {bad} "
          f"({bad / max(total, 1):.3f})")
    for z in ("title", "background", "aim", "methods", "results", "conclusion"):
        print(f"  {z:10s} {claims[z]:5d} of {sents[z]:5d} sentences")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("build", "score"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--headed", action="store_true", help="build: Evidence Inference abstracts with their headings")
    ap.add_argument("--examples")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--dump", type=Path, help="write the claimed sentences (key, index, zone, type, text) here")
    a = ap.parse_args(argv)
    build(a.path, a.limit, a.headed) if a.cmd == "build" else score(a.path, a.examples, a.sample, a.dump)


if __name__ == "__main__":
    main(sys.argv[1:])
