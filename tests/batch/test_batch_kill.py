"""kill -9 at any moment, then rerun: exactly the records of an uninterrupted run, none lost or doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline.batch import MANIFEST, run_batch

from batch_helpers import REPO, cli_env, corpus, outputs


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("kill") / "in", n_files=4, per_file=40)


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory, model):
    out = tmp_path_factory.mktemp("ref") / "out"
    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False)
    assert result.ok
    return outputs(out)


def _start(inputs, out, model, workers):
    return subprocess.Popen([sys.executable, "-m", "pipeline", "batch", *map(str, inputs), "--out", str(out),
                             "--model", model, "--workers", str(workers), "--quiet"],
                            cwd=REPO, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _children(pid):
    psutil = pytest.importorskip("psutil")
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.parametrize("when,workers", [("after-first-shard", 1), ("mid-shard", 2)])
def test_kill9_then_resume_gives_the_uninterrupted_records(inputs, reference, tmp_path, model, when, workers):
    out = tmp_path / "out"
    proc = _start(inputs, out, model, workers)
    deadline = time.time() + 90
    children = []
    try:
        while time.time() < deadline and proc.poll() is None:
            children = _children(proc.pid) or children
            if when == "after-first-shard" and list(out.glob("*.jsonl.gz")):
                break
            if when == "mid-shard" and list(out.glob(".*.part")):  # a shard is being written
                time.sleep(0.3)
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
    for child in children:
        try:
            child.wait(timeout=10)
        except Exception:  # noqa: BLE001 - already gone
            pass
        assert not child.is_running(), f"orphan worker {child.pid}"
    manifest = json.loads((out / MANIFEST).read_text())
    done_before = sum(e["status"] == "complete" for e in manifest["shards"])
    assert done_before < len(inputs)

    result = run_batch([str(p) for p in inputs], out, model=model, show_progress=False)
    assert result.ok
    assert len(result.skipped) == done_before and len(result.results) == len(inputs) - done_before
    assert outputs(out) == reference  # same shards, same ids, byte-identical records
    assert not list(out.glob(".*.part"))
    assert all(e["status"] == "complete" for e in json.loads((out / MANIFEST).read_text())["shards"])
