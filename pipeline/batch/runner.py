"""``run_batch``: plan the shards, skip the current ones, run the rest (in this process, a process pool, or
on Dask), record each in the manifest as it finishes, then supersede across shards.

Crash safety: every shard file is written under a temporary name and renamed when complete; the
manifest is rewritten atomically after each shard; a shard counts as done only when its manifest entry
says ``complete``. A run killed at any moment (kill -9 included) therefore leaves complete shards
(skipped next time) and at most some leftover ``.*.part`` files (removed next time) or a renamed
shard whose manifest entry was not yet written (redone next time, giving the same file). Pool workers
die with the driver (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .dask_runner import run_dask
from .lock import OutputLock
from .manifest import DAMAGED, Manifest, ManifestSaveError, now_iso
from .outcome import OnDocs, OnDone
from .pool import run_pool
from .progress import BatchProgress
from .shards import PART_SIZE, Settings, ShardSpec, clean_partials, plan
from .supersede import SUPERSEDED, write_superseded
from .worker import process_shard


@dataclass
class BatchResult:
    out_dir: Path
    results: list[dict] = field(default_factory=list)  # manifest entries of the shards run now
    skipped: list[str] = field(default_factory=list)  # shards left as they were (current)
    damaged: list[tuple[str, str]] = field(default_factory=list)  # (shard, why): finished, files damaged, redone
    seconds: float = 0.0
    superseded: dict | None = None  # counts from superseded.json
    interrupted: bool = False

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.results if r["status"] != "complete"]

    @property
    def records(self) -> int:
        return sum(r.get("records", 0) for r in self.results)

    @property
    def errors(self) -> int:
        return sum(r.get("errors", 0) for r in self.results)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted


# -- executors ---------------------------------------------------------------------------------------------
def run_inline(specs: list[ShardSpec], settings: Settings, on_done: OnDone, on_docs: OnDocs) -> None:
    for spec in specs:
        on_done(spec, process_shard(spec, settings, on_docs))


# -- the run -----------------------------------------------------------------------------------------------
def run_batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    *,
    model: str | None = None,
    input_format: str | None = None,
    output_format: str = "jsonl",
    workers: int = 1,
    dask_scheduler: str | None = None,
    dask_local: int | None = None,
    dask_processes: bool = True,
    force: bool = False,
    batch_size: int = 32,
    zone_size: int = 1000,
    part_size: int = PART_SIZE,
    retries: int = 1,
    start_method: str | None = None,
    quiet: bool = False,
    show_progress: bool = True,
    dedupe: bool = True,
    console=None,
) -> BatchResult:
    """Run ``claimex batch`` (see :mod:`claimex.batch`). Raises ``OutputLocked`` when another run holds
    ``out_dir``, ``InputError`` for an input that names nothing, ``ManifestError`` for a foreign manifest.

    ``start_method``: how the process pool starts its workers (:mod:`claimex.batch.pool`): ``None`` forks
    them from a driver that has loaded the pipeline where that is safe, else spawns them; ``"fork"`` or
    ``"spawn"`` forces one. ``part_size``: citations per unit of work of the process pool
    (:mod:`claimex.batch.parts`; 0: whole files)."""
    out = Path(out_dir).expanduser().resolve()
    settings = Settings(model=None if model is None else str(model), input_format=input_format,
                        output_format=output_format, batch_size=batch_size, zone_size=zone_size,
                        part_size=part_size)
    if output_format not in ("jsonl", "parquet"):
        raise ValueError(f"unknown output format {output_format!r} (jsonl, parquet)")
    started = time.time()
    result = BatchResult(out_dir=out)
    with OutputLock(out):
        clean_partials(out)
        manifest = Manifest.load(out)
        shards = plan(inputs, out, manifest.known_names()).shards
        todo: list[ShardSpec] = []
        for spec in shards:
            if not force:
                current, why = manifest.current(spec, settings)
                if current:
                    result.skipped.append(spec.name)
                    continue
                if why.startswith(DAMAGED):
                    result.damaged.append((spec.name, why))
                    if show_progress:
                        sys.stderr.write(f"claimex batch: shard {spec.name}: {why}; redoing it\n")
            todo.append(spec)
        manifest.reserve(shards, todo)
        parallel = len(todo) > 1 or (len(todo) == 1 and part_size > 0)  # parts: one file is enough
        executor = "dask" if dask_scheduler or dask_local else "pool" if workers > 1 and parallel else "inline"
        run = manifest.start_run({"settings": settings.to_dict(), "executor": executor,
                                  "workers": dask_local or workers, "dask_scheduler": dask_scheduler,
                                  "todo": len(todo), "skipped": len(result.skipped), "status": "running"})
        manifest.save()
        reported: dict[str, int] = {}
        with BatchProgress(len(todo), sum(s.size for s in todo), quiet=quiet, silent=not show_progress,
                           console=console) as progress:
            def on_docs(name: str, n: int) -> None:
                reported[name] = reported.get(name, 0) + n
                progress.documents(n)

            def on_done(spec: ShardSpec, res: dict) -> None:
                res.setdefault("name", spec.name)
                manifest.update(res)
                manifest.save()
                result.results.append(res)
                progress.shard_done(res, spec.size, reported.pop(spec.name, 0))

            try:
                if executor == "dask":
                    progress.start()
                    run_dask(todo, settings, on_done, on_docs, scheduler=dask_scheduler, local_workers=dask_local,
                             processes=dask_processes, retries=retries)
                elif executor == "pool":  # the progress bar's thread starts once the workers are forked
                    run["start_method"] = run_pool(todo, settings, on_done, on_docs, workers=workers,
                                                   retries=retries, on_start=progress.start, method=start_method)
                else:
                    progress.start()
                    run_inline(todo, settings, on_done, on_docs)
            except KeyboardInterrupt:
                result.interrupted = True
        if executor != "dask":  # no worker of this run is left: what a killed worker was writing goes
            clean_partials(out)  # (a Dask task the client gave up on may still be writing)
        run.update(finished=now_iso(), complete=len(result.results) - len(result.failed),
                   failed=len(result.failed),
                   status="interrupted" if result.interrupted else "failed" if result.failed else "complete")
        manifest.save()
        if dedupe and not result.interrupted:
            try:
                result.superseded = write_superseded(manifest)["counts"]
            except OSError as exc:  # disk full: the shards and the manifest are complete; a rerun retries
                raise ManifestSaveError(f"{out / SUPERSEDED}: cannot save: {exc.strerror or exc}") from None
    result.seconds = time.time() - started
    return result
