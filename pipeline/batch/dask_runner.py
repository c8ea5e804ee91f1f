"""Shards as Dask tasks: ``--dask-scheduler ADDRESS`` (an existing cluster, e.g. from dask-jobqueue) or
``--dask-local N`` (a LocalCluster of N single-threaded worker processes).

* The task is :func:`dask_task` -> :func:`claimex.batch.worker.process_shard`: the worker reads the input
  and writes the shard's files itself, under the shared output path (inputs and output must be on a
  file system every worker sees, at the same absolute paths); only the small manifest entry travels back.
* The pipeline is loaded once per worker process (a cached global, :func:`worker.get_extractor`); a
  worker with several threads runs its shards one at a time on it (give workers one thread each and
  scale with processes).
* Lost workers: the scheduler re-runs their tasks on other workers (``distributed.scheduler.allowed-failures``,
  default 3); ``retries`` re-runs a task that raised. Writes are atomic and deterministic, so a re-run,
  or a task that finished on a worker the client had given up on, writes the same file.
* Progress: workers send ``(shard, documents)`` events on the ``claimex-batch`` topic.
* Threads: Dask's nanny starts worker processes with ``OMP_NUM_THREADS=1`` (and MKL/OpenBLAS likewise), as
  the process pool does (:func:`worker.limit_threads`): one worker, one core.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import time
import uuid

from .outcome import OnDocs, OnDone, drain, failed_result
from .shards import Settings, ShardSpec
from .worker import process_shard

TOPIC = "claimex-batch"


def dask_task(spec: ShardSpec, settings: Settings) -> dict:
    from distributed import get_worker

    try:
        worker = get_worker()
    except ValueError:  # pragma: no cover - not on a worker
        worker = None

    def report(name: str, n: int) -> None:
        if worker is not None:
            with contextlib.suppress(Exception):  # progress is best effort
                worker.log_event(TOPIC, [name, n])

    return process_shard(spec, settings, report)


def run_dask(specs: list[ShardSpec], settings: Settings, on_done: OnDone, on_docs: OnDocs, *,
             scheduler: str | None = None,
             local_workers: int | None = None, processes: bool = True, retries: int = 1,
             timeout: str = "30s") -> None:
    from distributed import Client, LocalCluster, as_completed  # optional dependency: claimex[distributed]

    if not specs:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    else:
        cluster = LocalCluster(n_workers=max(1, local_workers or 1), threads_per_worker=1, processes=processes,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster, set_as_default=False)
    events: queue.Queue = queue.Queue()
    try:
        client.subscribe_topic(TOPIC, lambda event: events.put(event[1]))
        run_id = uuid.uuid4().hex[:8]
        futures = client.map(dask_task, specs, settings=settings, pure=False, retries=retries,
                             key=[f"claimex-batch-{run_id}-{s.index}-{s.name}" for s in specs])
        spec_of = {f.key: s for f, s in zip(futures, specs)}
        pending = as_completed(futures, loop=client.loop)
        while not pending.is_empty():
            batch = pending.next_batch(block=False) if pending.has_ready() else []
            drain(events, on_docs)
            if not batch:
                time.sleep(0.2)
                continue
            for fut in batch:
                spec = spec_of[fut.key]
                try:
                    result = fut.result()
                except Exception as exc:
                    result = failed_result(spec, settings, f"dask: {type(exc).__name__}: {exc}")
                drain(events, on_docs)
                on_done(spec, result)
                fut.release()
        drain(events, on_docs)
    finally:
        with contextlib.suppress(Exception):
            client.unsubscribe_topic(TOPIC)
        client.close()
        if cluster is not None:
            cluster.close()
