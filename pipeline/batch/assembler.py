"""Assembling a shard from its parts (:mod:`claimex.batch.parts`), in the pool's driver.

Method:

* :class:`Assembler` (the driver) appends the parts' files to the shard's temporary files as soon as the
  parts before them are in (a gzip member appended to a gzip file; Parquet rows re-grouped by 1,000 as a
  whole shard writes them), deletes the part files, and once the input is read and every part is in,
  drops within-shard duplicates and deleted records (:func:`claimex.batch.shardfiles.settle`) and publishes
  the files as :func:`~claimex.batch.worker.process_shard` does (records last), then calls ``on_done`` with
  the shard's manifest entry. A killed run leaves only ``.*.part`` files (removed by the next run) and redoes
  the shard; a failed part fails its shard (the other shards go on).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..write.parquet import _schema
from .outcome import OnDone
from .parts import KINDS, Part, ShardEnd
from .shardfiles import SIDECARS, ItemWriter, RecordSink, TempFile, publish_sidecars, settle
from .shards import Settings, ShardSpec
from .worker import finish_entry, new_entry, shard_targets, timings


class _Shard:
    """One shard being assembled: its temporary files and what its parts brought so far."""

    def __init__(self, spec: ShardSpec, settings: Settings):
        self.spec, self.settings = spec, settings
        self.started = time.time()
        self.targets = shard_targets(spec, settings)
        Path(spec.out_dir).mkdir(parents=True, exist_ok=True)
        self.temps = {kind: TempFile(self.targets[kind]) for kind in KINDS}
        self.writer = ItemWriter(spec.input, None, None, None, None)
        self.next = 0  # the number of the next part to append
        self.waiting: dict[int, dict] = {}
        self.end: ShardEnd | None = None
        self.workers: list[str] = []
        self.version_info = None
        self._parquet = None
        self._rows = None

    def append(self, res: dict) -> None:
        """Append a part's files (the parts before it are in) and take over its keys and counts."""
        files, w = res["files"], self.writer
        if self.settings.output_format == "parquet":
            self._append_parquet(Path(files["records"]))
        else:
            _append_bytes(self.temps["records"].path, Path(files["records"]))
        for kind in SIDECARS:
            _append_bytes(self.temps[kind].path, Path(files[kind]))
        for path in files.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        before = len(w.keys)
        w.keys.extend(res["keys"])
        w.versions.extend(res["versions"])
        w.del_keys.extend(res["del_keys"])
        w.del_pos.extend(p + before for p in res["del_pos"])
        w.documents += res["documents"]
        w.errors += res["errors"]
        w.deletions += res["deletions"]
        w.file_errors.extend(res["file_errors"])
        if res["worker"] not in self.workers:
            self.workers.append(res["worker"])
        self.version_info = self.version_info or res.get("version_info")
        self.next += 1

    def _append_parquet(self, path: Path) -> None:
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.temps["records"].path, _schema(), compression="zstd")
        table = pq.read_table(path)
        self._rows = table if self._rows is None else pa.concat_tables([self._rows, table])
        group = RecordSink.ROW_GROUP
        while self._rows.num_rows >= group:
            self._parquet.write_table(self._rows.slice(0, group))
            self._rows = self._rows.slice(group)

    def finish(self) -> dict:
        """Every part is in and the input read: settle, publish, and return the manifest entry."""
        result = new_entry(self.spec, self.settings)
        end, w = self.end, self.writer
        result.update(size=end.size, sha256=end.sha256, version_info=self.version_info)
        if self.settings.output_format == "parquet":
            if self._parquet is None:
                RecordSink(self.temps["records"].path, "parquet").close()
            else:
                if self._rows is not None and self._rows.num_rows:
                    self._parquet.write_table(self._rows)
                self._parquet.close()
        t0 = time.time()
        with open(self.temps["errors"].path, "a", encoding="utf-8") as err_fh:
            w.err_fh = err_fh
            if end.read_error:
                w.file_error(end.read_error)
            counts = settle(w, self.temps["records"].path, self.temps["ids"].path, self.temps["deletions"].path,
                            self.settings.output_format)
        publish_sidecars({k: self.temps[k] for k in SIDECARS}, counts, result["files"])
        self.temps["records"].publish()  # last: records present = shard done
        finish_entry(result, counts, Path(self.spec.out_dir), self.settings, self.targets)
        result["worker"] = ",".join(self.workers) or result["worker"]
        result["parts"] = end.parts
        result["timings"] = timings(self.started, self.started, result["documents"], 0.0)
        result["timings"]["assemble_seconds"] = round(time.time() - t0, 3)
        return result

    def discard(self) -> None:
        """Remove the shard's temporary files and those of the parts waiting for an earlier one."""
        if self._parquet is not None:
            with contextlib.suppress(Exception):
                self._parquet.close()
        for tmp in self.temps.values():
            tmp.discard()
        for res in self.waiting.values():
            _remove(res)
        self.waiting.clear()


def _append_bytes(dst: Path, src: Path) -> None:
    with open(src, "rb") as fin, open(dst, "ab") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)


class Assembler:
    """The driver's side of parts: shards open for assembly, each finished (``on_done``) exactly once."""

    def __init__(self, settings: Settings, on_done: OnDone):
        self.settings, self.on_done = settings, on_done
        self.open: dict[str, _Shard] = {}
        self.closed: set[str] = set()

    def _shard(self, spec: ShardSpec) -> _Shard | None:
        if spec.name in self.closed:
            return None
        if spec.name not in self.open:
            self.open[spec.name] = _Shard(spec, self.settings)
        return self.open[spec.name]

    def begin(self, spec: ShardSpec) -> None:
        """The driver starts reading ``spec``'s input (the shard's timings start here)."""
        self._shard(spec)

    def is_closed(self, spec: ShardSpec) -> bool:
        return spec.name in self.closed

    def part_done(self, part: Part, res: dict) -> None:
        shard = self._shard(part.shard)
        if shard is None:  # the shard failed already: drop the part's files
            _remove(res)
            return
        if res["status"] != "complete":
            _remove(res)
            self.fail(part.shard, res.get("error") or "part failed")
            return
        shard.waiting[part.number] = res
        while shard.next in shard.waiting:
            shard.append(shard.waiting.pop(shard.next))
        self._maybe_finish(shard)

    def shard_end(self, end: ShardEnd) -> None:
        if end.failure:
            self.fail(end.shard, end.failure)
            return
        shard = self._shard(end.shard)
        if shard is not None:
            shard.end = end
            self._maybe_finish(shard)

    def _maybe_finish(self, shard: _Shard) -> None:
        if shard.end is None or shard.next < shard.end.parts:
            return
        try:
            result = shard.finish()
        except Exception as exc:
            shard.discard()
            self._close(shard.spec, _failed(shard.spec, self.settings, f"{type(exc).__name__}: {exc}", shard.started))
            return
        self._close(shard.spec, result)

    def fail(self, spec: ShardSpec, message: str) -> None:
        """Fail ``spec``'s shard now (its later parts are dropped as they come)."""
        shard = self.open.get(spec.name)
        if shard is not None:
            shard.discard()
        if spec.name not in self.closed:
            self._close(spec, _failed(spec, self.settings, message, shard.started if shard else time.time()))

    def _close(self, spec: ShardSpec, result: dict) -> None:
        self.open.pop(spec.name, None)
        self.closed.add(spec.name)
        self.on_done(spec, result)

    def abandon(self) -> None:
        """The run stops (Ctrl-C): remove the temporary files of the shards being assembled."""
        for shard in self.open.values():
            shard.discard()
        self.open.clear()


def _failed(spec: ShardSpec, settings: Settings, message: str, started: float) -> dict:
    result = new_entry(spec, settings)
    result.update(error=message, size=spec.size)
    result["timings"] = {"started": timings(started, started, 0, 0.0)["started"],
                         "seconds": round(time.time() - started, 3)}
    return result


def _remove(res: dict) -> None:
    for path in (res.get("files") or {}).values():
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
