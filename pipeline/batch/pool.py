"""The process pool of ``claimex batch --workers N``: workers that share one loaded pipeline.

Start method (:func:`start_method`): where it is safe, the driver loads the pipeline itself, compiles the
lazy measure patterns, moves every object into the garbage collector's permanent generation (``gc.freeze``)
and then *forks* the workers, which start with the pipeline in memory, shared copy-on-write. With the
``spawn`` start method every worker started a fresh interpreter, imported claimex and spaCy, loaded the
model and compiled the patterns again: ~2.5 CPU-s per worker (measured: import 0.4 s, ``Extractor.load``
1.1 s, pattern compilation 1.0 s), paid N times instead of once, which is most of what a 2-worker run cost
more CPU than a 1-worker run (bench/batch_cpu.py). Output is the same either way: the same pipeline, loaded
from the same files, processes each shard.

``fork`` is used only on Linux, when the driver runs a single thread (a thread holding a lock at the fork
would leave it locked in the child: the driver starts its progress bar only after the workers are forked,
and an embedding program with threads of its own gets ``spawn``), and when the pipeline did not import
torch (whose OpenMP pool does not survive a fork). Otherwise, and for the pool that retries the shards of
a dead worker, the workers are spawned as before and each loads the pipeline itself.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

from .outcome import OnDocs, OnDone, drain, failed_result
from .shards import Settings, ShardSpec
from .worker import get_extractor, limit_threads, process_shard

START_METHODS = ("fork", "spawn")


# -- the driver side ---------------------------------------------------------------------------------------
def start_method(model: str | None, wanted: str | None = None) -> str:
    """``fork`` (after :func:`preload`) where it is safe, else ``spawn``; ``wanted`` forces one (``fork``
    still falls back to ``spawn`` where the platform has no fork)."""
    if wanted not in (None, *START_METHODS):
        raise ValueError(f"unknown start method {wanted!r} ({', '.join(START_METHODS)})")
    if wanted == "spawn" or "fork" not in multiprocessing.get_all_start_methods():
        return "spawn"
    if wanted is None and (not sys.platform.startswith("linux") or threading.active_count() > 1):
        return "spawn"
    if not preload(model) or (wanted is None and "torch" in sys.modules):
        return "spawn"
    return "fork"


def preload(model: str | None) -> bool:
    """Load the pipeline in this process for workers forked from it: compile its lazy patterns, then
    ``gc.freeze`` (objects the collector never scans are not copied into each worker by the collector's
    writes). False when the model does not load (each worker then reports the error in its shards)."""
    try:
        get_extractor(model)
    except Exception:
        return False
    # imported here, as in get_extractor: spaCy and numpy load after the driver has limited their threads
    from ..annotate.measures.lazy import compile_all

    compile_all()
    gc.freeze()
    return True


def run_pool(specs: list[ShardSpec], settings: Settings, on_done: OnDone, on_docs: OnDocs, workers: int,
             retries: int = 1, on_start: Callable[[], None] | None = None, method: str | None = None) -> str:
    """Run ``specs`` on a pool of ``workers`` processes; returns the start method of the first pool.

    ``on_start`` is called once the workers exist (the driver's progress bar starts its thread there). A
    pool broken by a dying worker (OOM kill, segfault) is replaced by a spawned one and the unfinished
    shards are tried again, ``retries`` times."""
    first = start_method(settings.model, method) if specs else "spawn"
    try:
        _run(list(specs), settings, on_done, on_docs, workers, retries, on_start, first)
    finally:
        if first == "fork":
            gc.unfreeze()  # the workers are gone: a library caller's garbage is collected again
    return first


def _run(todo: list[ShardSpec], settings: Settings, on_done: OnDone, on_docs: OnDocs, workers: int, retries: int,
         on_start: Callable[[], None] | None, method_used: str) -> None:
    attempt = 0
    while todo:
        ctx = multiprocessing.get_context(method_used)
        reports = ctx.Queue()
        pool = cf.ProcessPoolExecutor(max_workers=max(1, min(workers, len(todo))), mp_context=ctx,
                                      initializer=init_pool_worker,
                                      initargs=(settings.model, reports, os.getpid()))
        broken: list[ShardSpec] = []
        try:
            # with fork, the first submit forks every worker (before the pool's own threads start)
            futures = {pool.submit(pool_task, spec, settings): spec for spec in todo}
            if on_start is not None:
                on_start()
                on_start = None
            pending = set(futures)
            while pending:
                done, pending = cf.wait(pending, timeout=0.25, return_when=cf.FIRST_COMPLETED)
                drain(reports, on_docs)
                for fut in done:
                    spec = futures[fut]
                    try:
                        result = fut.result()
                    except cf.process.BrokenProcessPool:
                        broken.append(spec)
                        continue
                    except Exception as exc:
                        result = failed_result(spec, settings, f"{type(exc).__name__}: {exc}")
                    on_done(spec, result)
            drain(reports, on_docs)
        except BaseException:
            _terminate(pool)
            raise
        pool.shutdown(wait=True)
        todo = sorted(broken, key=lambda s: s.index)
        method_used = "spawn"  # a retry starts clean workers
        attempt += 1
        if todo and attempt > retries:
            for spec in todo:
                on_done(spec, failed_result(spec, settings, "worker process died (out of memory? see the "
                                                            "system log); retried"))
            return


def _terminate(pool: cf.ProcessPoolExecutor) -> None:
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


# -- the worker side ---------------------------------------------------------------------------------------
_REPORT_QUEUE = None


def init_pool_worker(model: str | None, queue=None, parent: int | None = None) -> None:
    """ProcessPoolExecutor initializer: die with the parent (pid ``parent``), load the pipeline once (a
    forked worker has it already)."""
    global _REPORT_QUEUE
    _REPORT_QUEUE = queue
    _die_with_parent(parent or os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver handles Ctrl-C
    limit_threads()
    # not raising here: a failing initializer breaks the whole pool; the shard's own get_extractor() call
    # reports the error in its manifest entry
    with contextlib.suppress(Exception):
        get_extractor(model)
        limit_threads()  # again, for what the model loaded


def _die_with_parent(parent: int) -> None:
    try:  # Linux: the kernel kills us when the parent dies (kill -9 included)
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the driver died while this worker was starting
        os._exit(1)

    def watch() -> None:  # portable fallback: poll the parent pid
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="claimex-parent-watch", daemon=True).start()


def pool_task(spec: ShardSpec, settings: Settings) -> dict:
    queue = _REPORT_QUEUE
    reporter = (lambda name, n: queue.put((name, n))) if queue is not None else None
    return process_shard(spec, settings, reporter)
