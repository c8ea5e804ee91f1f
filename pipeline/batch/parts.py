"""Parts: a shard's input cut into runs of consecutive items ("parts") that any pool worker annotates (the
shard's files are assembled from the parts' files by :mod:`claimex.batch.assembler`).

Why: with whole files as the unit of work the workers' shares differ by up to a file: 3 files on 2 workers
keep one worker busy alone for the third (bench/BATCH.md: estimated 2-core ratio 1.55 with whole files, 1.89
with parts), one file runs on one worker; with parts the workers finish within a (small, last) part of each
other however few or unequal the files.

Method:

* :func:`cut` (the driver) reads the input with the same reader as a whole shard and cuts its items
  (Documents, ReadErrors, Deletions) into :class:`Part` s of at least ``part_size`` items. A part ends only
  where a whole-file run starts a new ``nlp.pipe`` batch (after every ``batch_size`` documents) or a new
  memory zone (every ``zone_size`` items), and :func:`claimex.batch.worker.annotated` starts its zones at the
  part's place in the file, so every document is annotated in the same batch as in a 1-worker run: the
  shard's files are the same bytes (records and ids decompressed: there they are gzip members per part) on a
  batch-invariant matrix-product route (blis, ``CLAIMEX_GEMM=numpy64``; :mod:`claimex.annotate.tagger.ops`). On the
  float32 OpenBLAS route a worker's embedding cache meets the words in another order than one worker's, and a few
  records' entity scores differ in their last digits (session 28: 21 of 1,500, no entity span or claim).
  Reading is 2-3% of the pipeline's CPU (bench/BATCH.md), so one driver reads for ~30 workers (rules
  model) to ~45 (default model) before it is the bottleneck.
* :func:`process_part` (a worker) writes the part's records, ids, errors and deletions into temporary files
  ``.NAME.*.pNNNNN.*.part`` beside the shard's files (gzip files as one gzip member each).
* the driver assembles the parts' files into the shard's (:mod:`claimex.batch.assembler`).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..read import read_documents
from ..read.base import Document
from ..write.gz import gzip_text
from .shardfiles import SIDECARS, ItemWriter, RecordSink, TempFile
from .shards import Settings, ShardSpec, sha256_file
from .worker import (
    Reporter,
    annotated,
    get_extractor,
    shard_targets,
    zone_length,
)

KINDS = ("records", *SIDECARS)


@dataclass
class Part:
    """Items ``start`` .. ``start + len(items) - 1`` of ``shard``'s input, the ``number``-th part."""

    shard: ShardSpec
    number: int
    start: int
    items: list = field(repr=False)


@dataclass
class ShardEnd:
    """The driver has read ``shard``'s input to its end: ``parts`` parts in all. ``read_error``: the reader
    broke off with an exception (a file-level error line, as in a whole shard); ``failure``: the input could
    not be opened at all (the shard fails)."""

    shard: ShardSpec
    parts: int
    size: int | None = None
    sha256: str | None = None
    read_error: str | None = None
    failure: str | None = None


# -- the driver: cutting -----------------------------------------------------------------------------------
class Sizer:
    """How many items the next part wants: ``part_size``, and fewer toward the end of the run (guided
    self-scheduling), so that the last parts are small and the workers end together.

    The items still to come are estimated from the input bytes not yet read, at the items per byte of the
    shards read so far (none read yet: ``part_size``); a part then wants a ``4 x workers``-th of them, at
    least one ``nlp.pipe`` batch. The first part of each worker is one batch, so that every worker starts as
    soon as the driver has read a batch (~10 ms), not a whole part. In the run's last shard the driver holds
    back the last ``workers x part_size`` items it has read (:meth:`hold`) and ends the shard with them in
    one-batch parts, which needs no estimate (a run of one file has none). Sizes only move where parts end,
    never what is written."""

    def __init__(self, specs: list[ShardSpec], settings: Settings, workers: int):
        self.most, self.least = max(1, settings.part_size), max(1, min(settings.batch_size, settings.part_size))
        self.workers = max(1, workers)
        self.bytes_after = {s.name: sum(t.size for t in specs[k + 1:]) for k, s in enumerate(specs)}
        self.items_read = self.bytes_read = self.parts = 0

    def wanted(self, spec: ShardSpec, items: int) -> int:
        """Items for the next part of ``spec``, of which ``items`` are in parts already."""
        self.parts += 1
        if self.parts <= self.workers:
            return self.least
        if not self.items_read or not self.bytes_read:
            return self.most
        per_byte = self.items_read / self.bytes_read
        left = max(0.0, spec.size * per_byte - items) + self.bytes_after.get(spec.name, 0) * per_byte
        return int(min(self.most, max(self.least, left / (4 * self.workers))))

    def hold(self, spec: ShardSpec) -> int:
        """Items to keep back from the parts until ``spec``'s input ends (memory: at most 4,096 items)."""
        if self.parts < self.workers or self.bytes_after.get(spec.name, 0):
            return 0
        return min(4096, self.workers * self.most)

    def shard_read(self, spec: ShardSpec, items: int) -> None:
        self.items_read += items
        self.bytes_read += spec.size


def cut(spec: ShardSpec, settings: Settings, sizer: Sizer | None = None) -> Iterator[Part | ShardEnd]:
    """``spec``'s input as parts of at least ``settings.part_size`` items (``sizer``: as many as it wants, and
    the last ones one batch each; see the module docstring), then its :class:`ShardEnd`. Memory: one part
    (and what the sizer holds back)."""
    try:
        size = os.stat(spec.input).st_size
    except Exception as exc:
        yield ShardEnd(spec, 0, failure=f"{type(exc).__name__}: {exc}")
        return
    zone, batch = zone_length(settings), settings.batch_size
    wanted = sizer.wanted(spec, 0) if sizer is not None else max(1, settings.part_size)
    buf: list = []  # items read, in no part yet
    ends: list[int] = []  # places in buf where a part may end: where a whole-file run starts a batch or zone
    start = n = number = pending = 0
    error = None

    def take(k: int) -> Part:  # the first k items of buf as the next part
        nonlocal buf, ends, start, number
        part = Part(spec, number, start, buf[:k])
        buf, ends = buf[k:], [e - k for e in ends if e > k]
        start, number = start + k, number + 1
        return part

    try:
        for item in read_documents([spec.input], format=settings.input_format):
            buf.append(item)
            n += 1
            pending += isinstance(item, Document)
            if n % zone == 0 or pending >= batch:  # Extractor.records flushes a batch here
                pending = 0
                ends.append(len(buf))
                hold = sizer.hold(spec) if sizer is not None else 0
                end = next((e for e in ends if e >= wanted), None)
                while end is not None and len(buf) - end >= hold:
                    yield take(end)
                    if sizer is not None:
                        wanted = sizer.wanted(spec, start)
                    end = next((e for e in ends if e >= wanted), None)
    except Exception as exc:  # the reader reports bad input as items; this is a reader bug
        error = f"{type(exc).__name__}: {exc}"
    if sizer is not None and sizer.hold(spec):  # what was held back: a part per batch
        while ends and ends[0] < len(buf):
            yield take(ends[0])
    if buf:
        yield take(len(buf))
    if sizer is not None:
        sizer.shard_read(spec, n)
    try:  # hashed once read (the first worker need not wait for it; the file is in the page cache now)
        sha = sha256_file(spec.input)
    except Exception as exc:
        yield ShardEnd(spec, number, failure=f"{type(exc).__name__}: {exc}")
        return
    yield ShardEnd(spec, number, size, sha, read_error=error)


# -- the worker --------------------------------------------------------------------------------------------
def process_part(part: Part, settings: Settings, report: Reporter | None = None) -> dict:
    """Annotate one part into its temporary files; returns what the assembler needs (never raises)."""
    res: dict = {"status": "failed", "error": None, "files": {}, "worker": f"{socket.gethostname()}:{os.getpid()}"}
    temps: dict[str, TempFile] = {}
    try:
        extractor, use_lock = get_extractor(settings.model)
        res["version_info"] = extractor.version_info
        targets = shard_targets(part.shard, settings)
        Path(part.shard.out_dir).mkdir(parents=True, exist_ok=True)
        temps = {kind: TempFile(targets[kind], f"p{part.number:05d}.") for kind in KINDS}
        sink = RecordSink(temps["records"].path, settings.output_format)
        with use_lock, gzip_text(temps["ids"].path, compresslevel=6) as ids_fh, \
                open(temps["errors"].path, "w", encoding="utf-8") as err_fh, \
                open(temps["deletions"].path, "w", encoding="utf-8") as del_fh:
            writer = ItemWriter(part.shard.input, sink, ids_fh, err_fh, del_fh)
            try:
                for out, src in annotated(extractor, part.items, settings, first=part.start):
                    writer.add(out, src)
            except Exception as exc:  # e.g. no space left: the shard fails, naming it, as a whole shard does
                writer.file_error(f"{type(exc).__name__}: {exc}")
            finally:
                sink.close()
        res.update(status="complete", files={k: str(t.path) for k, t in temps.items()}, keys=writer.keys,
                   versions=writer.versions, del_keys=writer.del_keys, del_pos=writer.del_pos,
                   documents=writer.documents, errors=writer.errors, deletions=writer.deletions,
                   file_errors=writer.file_errors)
        if report is not None and writer.documents:
            report(part.shard.name, writer.documents)
        temps = {}  # the assembler owns the files now
    except Exception as exc:
        res["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        for tmp in temps.values():
            tmp.discard()
    return res
