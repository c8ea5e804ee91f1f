"""The process pool (claimex.batch.pool): workers forked from a driver that loaded the pipeline, or spawned,
write the same shards as one process; a pool broken by a dying worker is replaced by spawned workers."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading

import pytest
from batch_helpers import REPO, article, cli_env, corpus, pubmed_xml

from claimex.batch import MANIFEST, run_batch
from claimex.batch import pool as pool_module
from claimex.batch.pool import start_method

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is a POSIX start method")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("pool") / "in"
    files = corpus(root, n_files=3, per_file=8)
    # one file with a duplicate id (a later version wins) and a <DeleteCitation>: the sidecar files too
    files.append(pubmed_xml(root / "pubmed26n0004.xml.gz",
                            [article(2001), article(2002, version=1), article(2002, version=2, title="Again."),
                             article(2003)], deletions=["2003", "1001"]))
    return files


def shard_files(out) -> dict[str, bytes]:
    """Every shard file (records, ids, errors, deletions) by name, decompressed: the exact bytes written."""
    files = {}
    for path in sorted(out.iterdir()):
        if path.name.startswith(".") or path.name in (MANIFEST, "superseded.json"):
            continue
        data = path.read_bytes()
        files[path.name] = gzip.decompress(data) if path.name.endswith(".gz") else data
    return files


def last_run(out) -> dict:
    return json.loads((out / MANIFEST).read_text())["runs"][-1]


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory, model):
    out = tmp_path_factory.mktemp("ref") / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=1)
    assert result.ok and last_run(out)["executor"] == "inline"
    return shard_files(out)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_and_spawned_workers_write_the_shards_of_one_process(inputs, reference, tmp_path, model, method):
    out = tmp_path / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=2,
                       start_method=method)
    assert result.ok and len(result.results) == 4
    run = last_run(out)
    assert run["executor"] == "pool" and run["start_method"] == method
    workers = {e["worker"].rsplit(":", 1)[1] for e in json.loads((out / MANIFEST).read_text())["shards"]}
    assert str(os.getpid()) not in workers  # the shards ran in the pool's processes
    got = shard_files(out)
    assert got.keys() == reference.keys() and "pubmed26n0004.deletions.txt" in got
    assert got == reference  # byte for byte: records, ids, errors, deletions


def test_start_method_is_fork_only_where_safe(model):
    assert start_method(model, "spawn") == "spawn"
    with pytest.raises(ValueError, match="start method"):
        start_method(model, "thread")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)  # a thread could hold a lock at the fork
    other.start()
    try:
        assert start_method(model) == "spawn"
    finally:
        stop.set()
        other.join()


def test_the_command_forks_its_workers_on_linux(inputs, reference, tmp_path, model):
    out = tmp_path / "out"  # a fresh single-threaded driver, progress bars on (they start after the fork)
    proc = subprocess.run([sys.executable, "-m", "claimex", "batch", *map(str, inputs), "--out", str(out),
                           "--model", model, "--workers", "2"], cwd=REPO, env=cli_env(), capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert last_run(out)["start_method"] == ("fork" if sys.platform.startswith("linux") else "spawn")
    assert shard_files(out) == reference


@pytest.mark.parametrize("unit", ["part", "shard"])
def test_a_dead_forked_worker_is_replaced_by_spawned_ones(inputs, reference, tmp_path, model, monkeypatch, unit):
    died = tmp_path / "died"
    name = "process_part" if unit == "part" else "process_shard"
    real = getattr(pool_module, name)

    def dies_on_the_second_file(work, settings, report=None):  # only the forked workers inherit this
        if (work.shard if unit == "part" else work).name == "pubmed26n0002":
            died.touch()
            os._exit(9)
        return real(work, settings, report)

    monkeypatch.setattr(pool_module, name, dies_on_the_second_file)
    out = tmp_path / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False, workers=2,
                       start_method="fork", retries=1, part_size=4 if unit == "part" else 0)
    assert result.ok and len(result.results) == 4
    assert died.exists() and last_run(out)["start_method"] == "fork"
    assert shard_files(out) == reference
    assert any(name.endswith("errors.jsonl") for name in reference)
    assert not list(out.glob(".*.part"))
