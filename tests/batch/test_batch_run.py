"""claimex batch: shards, manifest, resume, --force, parquet, dedupe within and across shards."""

from __future__ import annotations

import gzip
import json

import pytest
from batch_helpers import article, corpus, outputs, pubmed_xml

from claimex.batch import MANIFEST, Manifest, iter_run_records, plan, run_batch
from claimex.batch.shards import InputError, base_name, expand_inputs


def run(inputs, out, model, **kw):
    return run_batch([str(p) for p in inputs], out, model=model, show_progress=False, **kw)


def test_shard_names_and_expansion(tmp_path):
    assert base_name("pubmed25n0001.xml.gz") == "pubmed25n0001"
    assert base_name("export.nbib") == "export"
    assert base_name("my refs (1).ris") == "my_refs_1"
    assert base_name("notes.weird.gz") == "notes.weird"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for p in ("a/x.xml", "b/x.xml", "a/y.jsonl", "a/.hidden.xml", "a/readme.md"):
        (tmp_path / p).write_text("<PubmedArticleSet/>")
    files = expand_inputs([tmp_path / "a", str(tmp_path / "b" / "*.xml"), tmp_path / "a" / "x.xml"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/x.xml", "a/y.jsonl", "b/x.xml"]
    names = [s.name for s in plan([tmp_path / "a", tmp_path / "b"], tmp_path / "out").shards]
    assert names[:2] == ["x", "y"] and names[2].startswith("x-") and len(set(names)) == 3
    with pytest.raises(InputError):
        expand_inputs([tmp_path / "missing.xml"])
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "*.nothing")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no input files"):
        expand_inputs([tmp_path / "empty"])


def test_run_resume_force_and_change(tmp_path, model):
    files = corpus(tmp_path / "in", n_files=3, per_file=6)
    out = tmp_path / "out"
    first = run(files, out, model)
    assert first.ok and first.records == 18 and not first.skipped
    manifest = json.loads((out / MANIFEST).read_text())
    entry = manifest["shards"][0]
    assert entry["status"] == "complete" and entry["records"] == 6 and entry["errors"] == 0
    assert len(entry["sha256"]) == 64 and entry["size"] == files[0].stat().st_size
    assert entry["version_info"]["model"] and "pipeline" in entry["version_info"]
    assert entry["timings"]["seconds"] >= 0 and entry["files"]["records"] == "pubmed26n0001.jsonl.gz"
    assert manifest["runs"][-1]["status"] == "complete"
    before = outputs(out)
    assert len(before) == 18

    again = run(files, out, model)  # unchanged: everything skipped
    assert again.ok and not again.results and len(again.skipped) == 3
    # change one input (same size is not enough to fool it: the checksum decides)
    data = gzip.decompress(files[1].read_bytes()).replace(b"Trial 1006 of", b"Trial 1006 on")
    files[1].write_bytes(gzip.compress(data, mtime=0))
    third = run(files, out, model)
    assert [r["name"] for r in third.results] == ["pubmed26n0002"] and len(third.skipped) == 2
    forced = run(files, out, model, force=True)
    assert len(forced.results) == 3
    # shards about to be redone are "pending": their old files are not current meanwhile
    m = Manifest.load(out)
    m.reserve(plan(files, out, m.known_names()).shards, todo=plan(files[:1], out, m.known_names()).shards)
    m.save()
    assert {r.id for r in iter_run_records(out)} == {str(p) for p in range(1006, 1018)}
    run(files, out, model)
    after = outputs(out)
    assert after.keys() == before.keys()
    assert sum(before[k] != after[k] for k in before) == 1  # only the changed record differs
    assert not list(out.glob(".*.part"))


def test_parquet_output(tmp_path, model):
    files = corpus(tmp_path / "in", n_files=2, per_file=4)
    out = tmp_path / "out"
    jsonl = run(files, tmp_path / "out_jsonl", model)
    result = run(files, out, model, output_format="parquet")
    assert result.ok and sorted(p.name for p in out.glob("*.parquet")) == ["pubmed26n0001.parquet",
                                                                           "pubmed26n0002.parquet"]
    import pyarrow.parquet as pq

    table = pq.read_table(out / "pubmed26n0001.parquet")
    assert table.num_rows == 4 and {"id", "text", "meta", "claims", "measures"} <= set(table.column_names)
    from_parquet = [r.to_dict() for r in iter_run_records(out)]
    from_jsonl = [r.to_dict() for r in iter_run_records(tmp_path / "out_jsonl")]
    assert jsonl.ok and from_parquet == from_jsonl
    # a changed output format redoes the shard and removes the old format's file
    again = run(files, out, model, output_format="jsonl")
    assert len(again.results) == 2 and not list(out.glob("*.parquet"))


def test_duplicates_and_deletions_within_and_across_shards(tmp_path, model):
    inp = tmp_path / "in"
    # baseline: 1..6; PMID 3 twice in the same file (the later wins), PMID 5 in versions 2 then 1 (v2 wins)
    pubmed_xml(inp / "base0001.xml", [article(1), article(2), article(3, title="Old three."), article(4),
                                       article(5, version=2, title="Five v2."), article(5, version=1),
                                       article(3, title="New three."), article(6)])
    # update: revises 2, deletes 4 and 6, and deletes 7 which it then brings back
    pubmed_xml(inp / "upd0002.xml", [article(7), article(2, title="Revised two.")],
               deletions=["4", "6"])
    pubmed_xml(inp / "upd0003.xml", [article(8)], deletions=["7"])
    pubmed_xml(inp / "upd0004.xml", [article(7, title="Seven is back.")])
    out = tmp_path / "out"
    result = run([inp], out, model)
    assert result.ok
    m = Manifest.load(out)
    base = m.shards[0]
    assert base["name"] == "base0001" and base["records"] == 6 and base["superseded"] == 2
    errors = [json.loads(line) for line in (out / "base0001.errors.jsonl").read_text().splitlines()]
    assert sorted((e["record"], e["kind"]) for e in errors) == [("3", "duplicate"), ("5", "duplicate")]
    assert (out / "upd0002.deletions.txt").read_text().split() == ["4", "6"]
    assert m.shards[1]["deletions"] == 2
    by_id = {r.id: r for r in iter_run_records(out)}
    assert sorted(by_id, key=int) == ["1", "2", "3", "5", "7", "8"]
    assert by_id["3"].text.startswith("New three.") and by_id["5"].text.startswith("Five v2.")
    assert by_id["2"].text.startswith("Revised two.") and by_id["7"].text.startswith("Seven is back.")
    sup = json.loads((out / "superseded.json").read_text())
    assert sup["shards"]["base0001"] == {"superseded": ["2"], "deleted": ["4", "6"]}
    assert sup["shards"]["upd0002"] == {"superseded": [], "deleted": ["7"]}
    assert sup["counts"] == {"records": 10, "current": 6, "superseded": 1, "deleted": 3}
    everything = [r.id for r in iter_run_records(out, current=False)]
    assert len(everything) == sup["counts"]["records"]


def test_in_shard_deletion_order(tmp_path, model):
    """A DeleteCitation removes the records before it in the same file, not those after it."""
    from array import array

    from claimex.batch.shardfiles import id_key, resolve_duplicates

    ids = tmp_path / "ids.tsv.gz"
    with gzip.open(ids, "wt") as fh:
        fh.write("10\t\n11\t\nX-1\t\n10\t\n")
    dels = tmp_path / "dels.txt"
    dels.write_text("11\n10\n")
    keys = array("q", [id_key(i) for i in ("10", "11", "X-1", "10")])
    versions = array("q", [-1, -1, -1, -1])
    # deletions of 11 and 10 came after the first three records (position 3)
    dropped = resolve_duplicates(ids, dels, keys, versions, array("q", [id_key("11"), id_key("10")]),
                                 array("q", [3, 3]))
    assert dropped == {0: ("10", "deleted", dropped[0][2]), 1: ("11", "deleted", dropped[1][2])}
