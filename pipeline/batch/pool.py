"""The process pool of ``claimex batch --workers N``: workers that share one loaded pipeline and take parts of
shards as they come free.

Units of work: parts of ``Settings.part_size`` citations (:mod:`claimex.batch.parts`): the driver reads each
input and cuts it into parts, keeps ``2 x workers`` of them in flight (memory: a few parts), and assembles
each shard from its parts in order; any free worker takes the next part, so the workers end within a part of
each other however few or unequal the files (with whole files as units, 3 files on 2 workers left one worker
alone with the third: estimated 2-core ratio 1.48-1.55x against 1.89-1.90x with parts, bench/BATCH.md; one
file ran on one worker). ``part_size`` 0: whole shards as units (``process_shard``), as before. The output
is the same bytes either way.

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
a dead worker, the workers are spawned as before and each loads the pipeline itself. A dead worker's units
(the parts or shards it and the pool held) are tried again on the new pool, each ``retries`` times.
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator

from .assembler import Assembler
from .outcome import OnDocs, OnDone, drain, failed_result
from .parts import Part, ShardEnd, Sizer, cut, process_part
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

    The units of work are parts of shards (:mod:`claimex.batch.parts`; ``settings.part_size`` <= 0: whole
    shards). ``on_start`` is called once the workers exist (the driver's progress bar starts its thread
    there). A pool broken by a dying worker (OOM kill, segfault) is replaced by a spawned one and the units
    it held are tried again, each ``retries`` times; then their shards fail."""
    first = start_method(settings.model, method) if specs else "spawn"
    units = (_Parts(specs, settings, on_done, workers) if settings.part_size > 0
             else _Shards(specs, settings, on_done))
    try:
        _run(units, settings, on_docs, workers, retries, on_start, first)
    except BaseException:
        units.abandon()
        raise
    finally:
        if first == "fork":
            gc.unfreeze()  # the workers are gone: a library caller's garbage is collected again
    return first


class _Shards:
    """Whole shards as the units of work (``process_shard`` in a worker)."""

    def __init__(self, specs: list[ShardSpec], settings: Settings, on_done: OnDone):
        self.feed, self.settings, self.on_done = iter(specs), settings, on_done

    @staticmethod
    def task():
        return pool_task

    def wanted(self, spec: ShardSpec) -> bool:
        return True

    def done(self, spec: ShardSpec, result: dict | None, error: str | None = None) -> None:
        self.on_done(spec, result if error is None else failed_result(spec, self.settings, error))

    @staticmethod
    def order(spec: ShardSpec) -> tuple:
        return (spec.index,)

    def abandon(self) -> None:
        pass


class _Parts:
    """Parts of shards as the units of work (``process_part`` in a worker, assembled by the driver)."""

    def __init__(self, specs: list[ShardSpec], settings: Settings, on_done: OnDone, workers: int):
        self.settings = settings
        self.assembler = Assembler(settings, on_done)
        self.feed = self._parts(specs, Sizer(specs, settings, workers))

    def _parts(self, specs: list[ShardSpec], sizer: Sizer) -> Iterator[Part]:
        for spec in specs:
            self.assembler.begin(spec)
            for item in cut(spec, self.settings, sizer):
                if isinstance(item, ShardEnd):
                    self.assembler.shard_end(item)
                elif not self.assembler.is_closed(spec):
                    yield item

    @staticmethod
    def task():
        return part_task

    def wanted(self, part: Part) -> bool:
        return not self.assembler.is_closed(part.shard)

    def done(self, part: Part, result: dict | None, error: str | None = None) -> None:
        if error is not None:
            self.assembler.fail(part.shard, error)
        else:
            self.assembler.part_done(part, result)

    @staticmethod
    def order(part: Part) -> tuple:
        return (part.shard.index, part.number)

    def abandon(self) -> None:
        self.assembler.abandon()


DEAD = "worker process died (out of memory? see the system log); retried"


def _run(units, settings: Settings, on_docs: OnDocs, workers: int, retries: int,
         on_start: Callable[[], None] | None, method_used: str) -> None:
    retry: collections.deque = collections.deque()
    lost: dict[int, int] = {}  # id(unit) -> times its worker died
    limit = 2 * max(1, workers)  # units in flight: workers busy, none idle between units, memory bounded
    while True:
        unit = retry.popleft() if retry else next(units.feed, None)
        if unit is None:
            return
        ctx = multiprocessing.get_context(method_used)
        reports = ctx.Queue()
        pool = cf.ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx, initializer=init_pool_worker,
                                      initargs=(settings.model, reports, os.getpid()))
        broken: list = []
        futures: dict = {}
        try:
            while unit is not None or futures:
                while unit is not None and len(futures) < limit and not broken:
                    if units.wanted(unit):
                        # with fork, the first submit forks every worker (before the pool's own threads start)
                        futures[pool.submit(units.task(), unit, settings)] = unit
                        if on_start is not None:
                            on_start()
                            on_start = None
                    unit = retry.popleft() if retry else next(units.feed, None)
                if not futures:
                    continue
                done, _ = cf.wait(futures, timeout=0.25, return_when=cf.FIRST_COMPLETED)
                drain(reports, on_docs)
                for fut in done:
                    item = futures.pop(fut)
                    try:
                        result = fut.result()
                    except cf.process.BrokenProcessPool:
                        broken.append(item)
                        continue
                    except Exception as exc:
                        units.done(item, None, f"{type(exc).__name__}: {exc}")
                        continue
                    units.done(item, result)
                if broken and unit is not None:  # not submitted to this pool: tried on the next one
                    retry.appendleft(unit)
                    unit = None
            drain(reports, on_docs)
        except BaseException:
            _terminate(pool)
            raise
        pool.shutdown(wait=True)
        method_used = "spawn"  # a retry starts clean workers
        for item in sorted(broken, key=units.order, reverse=True):
            lost[id(item)] = lost.get(id(item), 0) + 1
            if lost[id(item)] > retries:
                units.done(item, None, DEAD)
            else:
                retry.appendleft(item)


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
    return process_shard(spec, settings, _reporter())


def part_task(part: Part, settings: Settings) -> dict:
    return process_part(part, settings, _reporter())


def _reporter():
    queue = _REPORT_QUEUE
    return (lambda name, n: queue.put((name, n))) if queue is not None else None
