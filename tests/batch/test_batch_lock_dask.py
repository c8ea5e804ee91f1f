"""One run per output directory (lock); the Dask paths (LocalCluster on loopback, scheduler address)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from batch_helpers import REPO, cli_env, cli_inprocess, corpus, outputs

from claimex.batch import MANIFEST, OutputLock, OutputLocked, run_batch

HOLD = """
import sys, time
from claimex.batch.lock import OutputLock
lock = OutputLock(sys.argv[1]).acquire()  # keep a reference: a collected FileLock releases
print("locked", flush=True)
time.sleep(60)
"""


def test_active_run_is_refused_and_a_dead_one_is_not(tmp_path, model):
    files = corpus(tmp_path / "in", n_files=1, per_file=2)
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], cwd=REPO, env=cli_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputLocked, match=f"pid {holder.pid}"):
            run_batch([str(files[0])], out, model=model, show_progress=False)
        res = cli_inprocess(str(files[0]), "--out", str(out), "--model", model, "--quiet")
        assert res.exit_code == 2 and "in use by" in res.stderr
        assert not (out / MANIFEST).exists()  # nothing written by the refused runs
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        holder.stdout.close()
    # the holder died without releasing: the kernel dropped its lock, no stale-lock cleanup needed
    result = run_batch([str(files[0])], out, model=model, show_progress=False)
    assert result.ok and result.records == 2
    with OutputLock(out):  # released after the run
        pass


@pytest.fixture(scope="module")
def dask_inputs(tmp_path_factory, model):
    tmp = tmp_path_factory.mktemp("dask")
    files = corpus(tmp / "in", n_files=3, per_file=5)
    ref = run_batch([str(p) for p in files], tmp / "ref", model=model, show_progress=False)
    assert ref.ok
    return files, outputs(tmp / "ref")


def test_dask_local_cluster(dask_inputs, tmp_path, model):
    pytest.importorskip("distributed")
    files, reference = dask_inputs
    out = tmp_path / "out"
    result = run_batch([str(p) for p in files], out, model=model, dask_local=1, dask_processes=False,
                       show_progress=False)
    assert result.ok and len(result.results) == 3
    assert outputs(out) == reference
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["runs"][-1]["executor"] == "dask"


def test_dask_scheduler_address_and_resume(dask_inputs, tmp_path, model):
    distributed = pytest.importorskip("distributed")
    files, reference = dask_inputs
    out = tmp_path / "out"
    # a first run that did only one shard, as if killed
    run_batch([str(files[0])], out, model=model, show_progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  protocol="tcp://", host="127.0.0.1") as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        t0 = time.time()
        result = run_batch([str(p) for p in files], out, model=model, dask_scheduler=cluster.scheduler_address,
                           show_progress=False)
        assert time.time() - t0 < 60
    assert result.ok and result.skipped == ["pubmed26n0001"] and len(result.results) == 2
    assert outputs(out) == reference
