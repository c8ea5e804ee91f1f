"""kill -9 at any moment, then rerun: exactly the records of an uninterrupted run, none lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from batch_helpers import REPO, cli_env, corpus, outputs

from claimex.batch import MANIFEST, run_batch


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("kill") / "in", n_files=4, per_file=40)


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory, model):
    out = tmp_path_factory.mktemp("ref") / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False)
    assert result.ok
    return outputs(out)


def _start(inputs, out, model, workers, mark, extra=()):
    env = {**cli_env(), "CLAIMEX_TEST_MARK": mark}  # inherited by the run's worker processes
    return subprocess.Popen([sys.executable, "-m", "claimex", "batch", *map(str, inputs), "--out", str(out),
                             "--model", model, "--workers", str(workers), "--quiet", *extra],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _marked(mark):
    """The processes of the killed run still alive (found by their environment, orphans included)."""
    psutil = pytest.importorskip("psutil")
    alive = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("CLAIMEX_TEST_MARK") == mark:
                alive.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return alive


@pytest.mark.parametrize("when,workers", [("at-start", 2), ("mid-shard", 2), ("mid-part", 2),
                                          ("after-first-shard", 1)])
def test_kill9_then_resume_gives_the_uninterrupted_records(inputs, reference, tmp_path, model, when, workers):
    out = tmp_path / "out"
    mark = uuid.uuid4().hex
    # mid-part: parts of 32 documents (one nlp.pipe batch), killed while a file's second part is written
    proc = _start(inputs, out, model, workers, mark, ["--part-size", "1"] if when == "mid-part" else [])
    deadline = time.time() + 90
    try:
        while time.time() < deadline and proc.poll() is None:
            if when == "at-start" and (out / MANIFEST).exists():  # workers still starting
                break
            if when == "after-first-shard" and list(out.glob("*.jsonl.gz")):
                break
            if when == "mid-part" and list(out.glob(".pubmed26n*.p00001.*.part")):
                break
            if when == "mid-shard" and list(out.glob(".pubmed26n*.part")):  # a shard is being written
                time.sleep(0.2)
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed: " + proc.stderr.read().decode()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    # pool workers die with the driver (no orphan keeps writing into the directory)
    deadline = time.time() + 20
    while _marked(mark) and time.time() < deadline:
        time.sleep(0.2)
    orphans = _marked(mark)
    for orphan in orphans:
        orphan.kill()
    assert not orphans, f"orphan workers: {[o.pid for o in orphans]}"
    manifest = json.loads((out / MANIFEST).read_text())
    done_before = sum(e["status"] == "complete" for e in manifest["shards"])
    assert done_before < len(inputs)

    # resume; after the kill at start or in a part, with the process pool (a whole pool run checked against
    # the reference)
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False,
                       workers=2 if when in ("at-start", "mid-part") else 1, part_size=1)
    assert result.ok
    assert len(result.skipped) == done_before and len(result.results) == len(inputs) - done_before
    assert outputs(out) == reference  # same shards, same ids, byte-identical records
    assert not list(out.glob(".*.part"))
    assert all(e["status"] == "complete" for e in json.loads((out / MANIFEST).read_text())["shards"])
