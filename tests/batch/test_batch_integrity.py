"""Issue 14.1: a damaged finished shard is noticed (rerun redoes it, `claimex verify` reports it, readers of
the run directory name it in one line and read the other shards); a manifest that cannot be saved is one line."""

from __future__ import annotations

import errno
import gzip
import json

import pytest
from batch_helpers import corpus, outputs
from typer.testing import CliRunner

from claimex.batch import MANIFEST, ManifestSaveError, iter_run_records, run_batch, verify_run
from claimex.cli import app
from claimex.review.export import export


def run(inputs, out, model, **kw):
    return run_batch([str(p) for p in inputs], out, model=model, show_progress=False, **kw)


@pytest.fixture()
def finished(tmp_path, model):
    files = corpus(tmp_path / "in", n_files=3, per_file=5)
    out = tmp_path / "out"
    assert run(files, out, model).ok
    return files, out


def flip(path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    k = int(len(data) * at)
    data[k] ^= 0xFF
    path.write_bytes(bytes(data))


def test_manifest_records_checksums_and_counts(finished):
    _, out = finished
    entry = json.loads((out / MANIFEST).read_text())["shards"][0]
    assert set(entry["checksums"]) == set(entry["files"]) >= {"records", "ids"}
    assert all(len(v) == 64 for v in entry["checksums"].values()) and entry["records"] == 5
    assert [c.status for c in verify_run(out)] == ["ok", "ok", "ok"]


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_rerun_redoes_a_damaged_shard_and_says_so(finished, model, damage, capsys):
    files, out = finished
    before = outputs(out)
    shard = out / "pubmed26n0002.jsonl.gz"
    if damage == "flip":
        flip(shard)
    else:
        shard.write_bytes(shard.read_bytes()[: shard.stat().st_size // 2])
    checks = verify_run(out)  # --verify: reported, not redone
    assert [c.status for c in checks] == ["ok", "damaged", "ok"] and "SHA-256" in checks[1].detail
    again = run_batch([str(p) for p in files], out, model=model, quiet=True)
    assert again.ok and [r["name"] for r in again.results] == ["pubmed26n0002"]
    assert [name for name, _ in again.damaged] == ["pubmed26n0002"] and len(again.skipped) == 2
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "redoing" in ln]
    assert len(lines) == 1 and "pubmed26n0002" in lines[0] and "damaged" in lines[0]
    assert outputs(out) == before
    assert [c.status for c in verify_run(out)] == ["ok", "ok", "ok"]


def test_entry_without_checksums_is_read_through(finished, model):
    files, out = finished
    data = json.loads((out / MANIFEST).read_text())
    for e in data["shards"]:
        del e["checksums"]  # as an older claimex wrote it
    (out / MANIFEST).write_text(json.dumps(data))
    assert [c.status for c in verify_run(out)] == ["ok", "ok", "ok"]
    shard = out / "pubmed26n0001.jsonl.gz"
    shard.write_bytes(shard.read_bytes()[:-12])  # cut the gzip trailer
    assert [c.status for c in verify_run(out)] == ["damaged", "ok", "ok"]
    again = run(files, out, model)
    assert again.ok and [r["name"] for r in again.results] == ["pubmed26n0001"]


def test_verify_cli_exit_status(finished):
    _, out = finished
    result = CliRunner().invoke(app, ["verify", str(out)])
    assert result.exit_code == 0, result.output
    flip(out / "pubmed26n0003.ids.tsv.gz")
    result = CliRunner().invoke(app, ["verify", str(out)])
    assert result.exit_code == 1
    problems = [ln for ln in result.output.splitlines() if ln.startswith("claimex: error:")]
    assert len(problems) == 1 and "pubmed26n0003" in problems[0] and "ids file" in problems[0]
    assert CliRunner().invoke(app, ["verify", str(out.parent / "in")]).exit_code == 2


def test_readers_name_a_damaged_shard_and_read_the_others(finished, tmp_path):
    _, out = finished
    flip(out / "pubmed26n0002.jsonl.gz")
    said: list[str] = []
    ids = [r.id for r in iter_run_records(out, on_error=said.append)]
    assert ids == [str(p) for p in range(1000, 1005)] + [str(p) for p in range(1010, 1015)]
    assert len(said) == 1 and "pubmed26n0002" in said[0]
    tables, written = export(out, "csv", tmp_path / "claims.csv")  # claimex export: no zlib traceback
    assert len(tables["abstracts"]) == 10 and written


def test_reader_without_checksums_names_the_break(finished):
    _, out = finished
    data = json.loads((out / MANIFEST).read_text())
    for e in data["shards"]:
        e.pop("checksums")
    (out / MANIFEST).write_text(json.dumps(data))
    shard = out / "pubmed26n0001.jsonl.gz"
    raw = gzip.decompress(shard.read_bytes())
    shard.write_bytes(gzip.compress(raw)[:-30])  # truncated: readable up to the cut
    said: list[str] = []
    ids = [r.id for r in iter_run_records(out, on_error=said.append)]
    assert [i for i in ids if int(i) >= 1005] == [str(p) for p in range(1005, 1015)]
    assert len(said) == 1 and "pubmed26n0001" in said[0]


def test_manifest_that_cannot_be_saved_is_one_line(finished, model, monkeypatch):
    files, out = finished
    import claimex.batch.manifest as manifest_mod

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(manifest_mod, "atomic_path", full)
    with pytest.raises(ManifestSaveError, match="No space left on device"):
        run(files, out, model, force=True)
    result = CliRunner().invoke(app, ["batch", *map(str, files), "--out", str(out), "--model", model, "--force",
                                      "--quiet"])
    assert result.exit_code == 1
    want = (f"claimex: error: {out / MANIFEST}: cannot save the manifest: No space left on device; rerun the "
            "same command to resume")
    assert [ln for ln in result.output.splitlines() if "claimex: error:" in ln] == [want]


def test_disk_full_while_writing_a_shard_fails_that_shard_in_one_line(tmp_path, model, monkeypatch):
    import claimex.batch.shardfiles as shardfiles

    files = corpus(tmp_path / "in", n_files=2, per_file=3)
    real_write = shardfiles.RecordSink.write

    def write(self, record):
        if "pubmed26n0002" in str(self.path):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, record)

    monkeypatch.setattr(shardfiles.RecordSink, "write", write)
    result = run(files, tmp_path / "out", model)
    (failed,) = result.failed
    assert failed["name"] == "pubmed26n0002" and "No space left on device" in failed["error"]
    assert "\n" not in failed["error"] and not list((tmp_path / "out").glob(".*.part"))
    monkeypatch.setattr(shardfiles.RecordSink, "write", real_write)  # space again: the rerun redoes that shard only
    again = run(files, tmp_path / "out", model)
    assert again.ok and [r["name"] for r in again.results] == ["pubmed26n0002"]
