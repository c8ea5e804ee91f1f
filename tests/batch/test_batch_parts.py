"""Parts (claimex.batch.parts): a shard cut into parts that any worker annotates and the driver assembles in
order gives the bytes of a whole-shard run, with its errors, duplicates and deletions, in any order of
arrival; on real PubMed abstracts (../shared pubmed-xml-samples)."""

from __future__ import annotations

import json
import os
from xml.sax.saxutils import escape

import pytest
from batch_helpers import article, pubmed_xml
from test_batch_pool import last_run, shard_files

from claimex.batch import MANIFEST, Settings, ShardSpec, plan, run_batch
from claimex.batch.assembler import Assembler
from claimex.batch.parts import ShardEnd, Sizer, cut, process_part
from claimex.read import read_documents
from claimex.read.base import Document

SMALL = {"batch_size": 2, "zone_size": 5}  # parts then start mid-zone and cross zone boundaries
NO_PMID = ("<PubmedArticle><MedlineCitation><Article><ArticleTitle>No PMID</ArticleTitle></Article>"
           "</MedlineCitation></PubmedArticle>\n")
BAD_AT = 11  # the malformed record's place in the first file (0-based item index)


@pytest.fixture(scope="module")
def real(corpora) -> list[tuple[str, str, str]]:
    """(PMID, title, abstract) of the first 40 real abstracts with a PMID, title and abstract."""
    out = []
    path = corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = " ".join(s["text"] or "" for s in rec["abstract_sections"]).strip()
        if rec.get("pmid") and rec.get("title") and text:
            out.append((rec["pmid"], rec["title"], text))
        if len(out) == 40:
            break
    return out


def _article(pmid: str, title: str, text: str, version: int | None = None) -> str:
    return article(pmid, title=escape(title), abstract=escape(text), version=version)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, real):
    root = tmp_path_factory.mktemp("parts") / "in"
    first = [_article(*r) for r in real[:24]]
    first.insert(BAD_AT, NO_PMID)  # a bad record in the middle of a part
    p, t, a = real[3]
    first.append(_article(p, t + " Again.", a, version=2))  # a later version of the 4th record
    deleted = real[5][0]
    files = [pubmed_xml(root / "pubmed26n0001.xml.gz", first, deletions=[deleted]),
             pubmed_xml(root / "pubmed26n0002.xml.gz", [_article(*r) for r in real[24:]])]
    return files


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory, model):
    out = tmp_path_factory.mktemp("ref") / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=1, **SMALL)
    assert result.ok and last_run(out)["executor"] == "inline"
    return shard_files(out)


def _key(item) -> tuple:
    return type(item).__name__, getattr(item, "id", None) or getattr(item, "record", None), \
        getattr(item, "pmids", None)


def test_cut_covers_the_items_in_order_and_ends_parts_where_batches_start(inputs):
    settings = Settings(part_size=3, **SMALL)
    spec = plan([inputs[0]], inputs[0].parent.parent / "out").shards[0]
    *parts, end = list(cut(spec, settings))
    items = list(read_documents([inputs[0]]))
    assert isinstance(end, ShardEnd) and end.parts == len(parts) > 5 and end.sha256 and end.read_error is None
    assert [_key(i) for p in parts for i in p.items] == [_key(i) for i in items]
    assert [p.number for p in parts] == list(range(len(parts)))
    assert all(len(p.items) >= 3 for p in parts[:-1])
    for p in parts[1:]:  # a new zone (every 5 items) or a new batch (after every 2 documents of a zone)
        zone_start = p.start - p.start % 5
        docs = sum(isinstance(i, Document) for i in items[zone_start:p.start])
        assert p.start % 5 == 0 or (docs % 2 == 0 and isinstance(items[p.start - 1], Document))
    assert any(p.start // 5 != (p.start + len(p.items) - 1) // 5 for p in parts)  # some part spans two zones
    inside = [p for p in parts if p.start < BAD_AT < p.start + len(p.items) - 1]
    assert inside, "the bad record should lie inside a part, not at its edge"


def test_sizer_wants_smaller_parts_toward_the_end_of_the_run():
    specs = [ShardSpec(input=f"/in/{n}", name=n, out_dir="/out", size=1000, index=k) for k, n in enumerate("abc")]
    sizer = Sizer(specs, Settings(part_size=64, batch_size=4), workers=2)
    assert [sizer.wanted(specs[0], 0) for _ in range(2)] == [4, 4]  # each worker's first part: one batch
    assert sizer.wanted(specs[0], 8) == 64  # no shard read yet: part_size
    sizer.shard_read(specs[0], 1000)  # 1 item per byte
    assert sizer.wanted(specs[1], 0) == 64  # 2,000 items left: a 4 x 2-th is more than part_size
    assert sizer.wanted(specs[2], 900) == 100 // 8  # 100 left
    assert sizer.wanted(specs[2], 990) == 4  # at least one batch
    assert sizer.hold(specs[1]) == 0 and sizer.hold(specs[2]) == 2 * 64  # only the run's last shard holds back


def test_the_runs_last_shard_ends_in_one_batch_parts(inputs):
    settings = Settings(part_size=4, **SMALL)
    spec = plan([inputs[0]], inputs[0].parent.parent / "out").shards[0]  # 27 items
    sizes = [len(p.items) for p in cut(spec, settings, Sizer([spec], settings, workers=2)) if not isinstance(
        p, ShardEnd)]
    assert sum(sizes) == 27 and sizes[:2] == [2, 2]  # each worker's first part: one batch (2 documents)
    assert 4 in sizes[2:]  # then part_size, while more than 2 x 4 items are still to come
    assert max(sizes[-4:]) <= 2  # the last 8 items: one batch (or the rest of a zone) per part


def test_parts_in_any_order_assemble_the_whole_shard(inputs, reference, tmp_path, model):
    out = tmp_path / "out"
    settings = Settings(model=model, part_size=3, **SMALL)
    spec = plan([inputs[0]], out).shards[0]
    *parts, end = list(cut(spec, settings))
    done: list[dict] = []
    assembler = Assembler(settings, lambda s, entry: done.append(entry))
    results = [(part, process_part(part, settings)) for part in parts]
    for part, res in reversed(results):  # the last part first
        assert res["status"] == "complete"
        assembler.part_done(part, res)
    assert not done  # the end of the input is not known yet
    assembler.shard_end(end)
    (entry,) = done
    assert entry["status"] == "complete" and entry["parts"] == len(parts)
    assert entry["superseded"] == 1 and entry["deleted"] == 1 and entry["errors"] == 1
    got = shard_files(out)
    assert got == {k: v for k, v in reference.items() if k.startswith("pubmed26n0001.")}
    assert not [p for p in os.listdir(out) if p.endswith(".part")]


def test_a_failed_part_fails_its_shard_once_and_leaves_no_files(inputs, tmp_path, model):
    out = tmp_path / "out"
    settings = Settings(model=model, part_size=3, **SMALL)
    spec = plan([inputs[1]], out).shards[0]
    *parts, end = list(cut(spec, settings))
    done: list[dict] = []
    assembler = Assembler(settings, lambda s, entry: done.append(entry))
    assembler.part_done(parts[0], process_part(parts[0], settings))
    assembler.part_done(parts[1], {"status": "failed", "error": "OSError: [Errno 28] No space left on device",
                                   "files": {}})
    assembler.part_done(parts[2], process_part(parts[2], settings))  # after the failure: dropped
    assembler.shard_end(end)
    (entry,) = done
    assert entry["status"] == "failed" and "No space left" in entry["error"] and entry["name"] == spec.name
    assert not list(out.iterdir())


@pytest.fixture(scope="module")
def parted(inputs, tmp_path_factory, model):
    """2 workers, parts of 3 items. Which worker takes a part is the pool's scheduling: on a loaded machine one worker
    can take every part before the other has loaded its model, so the run is repeated (at most 3 times, a fresh
    folder each) until parts went to both workers, which the test of bytes needs."""
    for _ in range(3):
        out = tmp_path_factory.mktemp("parted") / "out"
        result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=2, part_size=3,
                           **SMALL)
        assert result.ok and last_run(out)["executor"] == "pool"
        if len(_workers(out)) > 1:
            break
    return out


def _workers(out) -> set[str]:
    """The workers that wrote parts of the run's shards (a shard's entry names one, or several joined by ",")."""
    entries = json.loads((out / MANIFEST).read_text())["shards"]
    return {w for e in entries for w in e["worker"].split(",")}


def test_two_workers_with_parts_write_the_bytes_of_one(parted, reference):
    entries = json.loads((parted / MANIFEST).read_text())["shards"]
    assert all(e["parts"] > 3 for e in entries)
    assert len(_workers(parted)) > 1
    assert shard_files(parted) == reference  # byte for byte: records, ids, errors, deletions


def test_a_bad_record_inside_a_part_is_named_and_its_neighbours_survive(parted, real):
    files = shard_files(parted)
    errors = [json.loads(line) for line in files["pubmed26n0001.errors.jsonl"].decode().splitlines()]
    assert [(e["kind"], e["record"]) for e in errors if e["kind"] == "read"] == [("read", f"#{BAD_AT + 1}")]
    ids = [line.split("\t")[0] for line in files["pubmed26n0001.ids.tsv.gz"].decode().splitlines()]
    before, after = real[BAD_AT - 1][0], real[BAD_AT][0]  # the records either side of the bad one
    assert ids[ids.index(before) + 1] == after
    assert {e["kind"] for e in errors} == {"read", "duplicate", "deleted"}


def test_parquet_parts_are_the_rows_of_one_worker(inputs, tmp_path, model):
    runs = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        assert run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=workers,
                         part_size=3, output_format="parquet", **SMALL).ok
        runs[workers] = shard_files(out)
    assert "pubmed26n0001.parquet" in runs[1] and runs[2] == runs[1]  # the Parquet files byte for byte
