"""Across shards: which records a later shard supersedes or deletes (``superseded.json``), and a reader of
the output directory that honours it.

Shards are written independently (in parallel, on any worker), so a shard never drops records because
of another shard. Instead, at the end of every run (``claimex batch`` does it; :func:`write_superseded`),
the ids files of all shards are compared, in manifest order (= the order the inputs were given, which
for PubMed ``pubmedNNnXXXX`` files is baseline then updates, oldest first):

* of several records with the same id in different shards, the one with the highest
  ``(version, shard position)`` wins; the others are *superseded*;
* a shard's ``<DeleteCitation>`` PMIDs delete the records of those ids in that shard and all earlier
  shards (a later shard may bring the PMID back).

``superseded.json``::

    {"schema": "claimex-batch-superseded/1", "fingerprint": "...",
     "counts": {"records": N, "current": N, "superseded": N, "deleted": N},
     "shards": {"pubmed25n0001": {"superseded": ["123", ...], "deleted": ["456", ...]}, ...}}

``iter_run_records(out_dir)`` yields the current records only (``current=False``: every record).
Within one shard the worker already resolved duplicates and deletions the same way.

Damaged output: a shard whose files differ from the SHA-256 in the manifest (or, for an entry without
checksums, one that stops being readable) is named in one line (``on_error``; by default a warning on the
``claimex.batch`` logger) and left out; the other shards are read. ``superseded.json`` is then computed
without that shard and not saved, so it is recomputed once the shard is redone.

Memory: 24 bytes per record for the comparison (numpy), e.g. about 0.9 GB for a whole PubMed
baseline (36M records); ids are compared as integers when they are plain decimal numbers (PMIDs), and
by 56-bit hash (then checked exactly) otherwise.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from ..schema import Record
from ..write.atomic import atomic_path
from ..write.jsonl import read_records
from ..write.parquet import read_parquet_records
from .integrity import DAMAGE_ERRORS, shard_damage
from .manifest import Manifest
from .shardfiles import id_key

log = logging.getLogger("claimex.batch")
OnError = Callable[[str], None]

SUPERSEDED = "superseded.json"
SCHEMA = "claimex-batch-superseded/1"


def _shards_with_output(manifest: Manifest, exclude: frozenset[str] = frozenset()) -> list[dict]:
    out = []
    for e in manifest.shards:
        files = e.get("files") or {}
        if e.get("status") in ("complete", "failed") and files.get("records") and files.get("ids") \
                and (manifest.out_dir / files["records"]).exists() and e.get("name") not in exclude:
            out.append(e)
    return out


def damaged_shards(manifest: Manifest, on_error: OnError | None = None) -> frozenset[str]:
    """The names of the shards with output whose files are not what the manifest recorded; each is named
    in one line through ``on_error`` (default: a warning on the ``claimex.batch`` logger)."""
    say = on_error or log.warning
    bad = set()
    for e in _shards_with_output(manifest):
        why = shard_damage(manifest.out_dir, e)
        if why:
            bad.add(e["name"])
            say(f"{manifest.out_dir}: shard {e['name']} skipped: {why} (rerun `claimex batch` to redo it)")
    return frozenset(bad)


def fingerprint(manifest: Manifest, exclude: frozenset[str] = frozenset()) -> str:
    h = hashlib.sha256()
    for e in _shards_with_output(manifest, exclude):
        h.update(json.dumps([e["name"], e.get("sha256"), e.get("records"), e.get("deletions"),
                             e.get("timings", {}).get("finished")]).encode())
    return h.hexdigest()


def _read_ids(path: Path) -> Iterator[tuple[str, int]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            ident, _, version = line.rstrip("\n").rpartition("\t")
            yield ident, int(version) if version else -1


def compute_superseded(manifest: Manifest, exclude: frozenset[str] = frozenset()) -> dict:
    """``superseded.json``'s content for the shards with output (less those named in ``exclude``)."""
    import numpy as np

    shards = _shards_with_output(manifest, exclude)
    out_dir = manifest.out_dir
    key_parts, ver_parts, shard_parts, pos_parts = [], [], [], []
    del_keys, del_shard = [], []
    for s, e in enumerate(shards):
        ids = list(_read_ids(out_dir / e["files"]["ids"]))
        key_parts.append(np.fromiter((id_key(i) for i, _ in ids), dtype=np.int64, count=len(ids)))
        ver_parts.append(np.fromiter((v for _, v in ids), dtype=np.int32, count=len(ids)))
        shard_parts.append(np.full(len(ids), s, dtype=np.int32))
        pos_parts.append(np.arange(len(ids), dtype=np.int32))
        if e.get("files", {}).get("deletions"):
            path = out_dir / e["files"]["deletions"]
            if path.exists():
                for line in path.read_text(encoding="utf-8").split():
                    del_keys.append(id_key(line))
                    del_shard.append(s)
    if key_parts:
        keys, vers = np.concatenate(key_parts), np.concatenate(ver_parts)
        shard_ix, pos = np.concatenate(shard_parts), np.concatenate(pos_parts)
    else:
        keys = vers = shard_ix = pos = np.zeros(0, dtype=np.int64)
    total = len(keys)
    # deletions: a record is deleted when its id is deleted in its own shard or a later one
    last_del: dict[int, int] = {}
    for k, s in zip(del_keys, del_shard):
        last_del[k] = max(last_del.get(k, -1), s)
    deleted_mask = np.zeros(total, dtype=bool)
    if last_del:
        dk = np.fromiter(last_del.keys(), dtype=np.int64, count=len(last_del))
        ds = np.fromiter(last_del.values(), dtype=np.int64, count=len(last_del))
        order = np.argsort(dk)
        dk, ds = dk[order], ds[order]
        at = np.clip(np.searchsorted(dk, keys), 0, len(dk) - 1)
        hit = dk[at] == keys
        deleted_mask = hit & (shard_ix <= ds[at])
    # duplicates among the surviving records: the max (version, shard, position) of each key wins
    alive = np.nonzero(~deleted_mask)[0]
    superseded_ix: list[int] = []
    if len(alive):
        order = alive[np.lexsort((pos[alive], shard_ix[alive], vers[alive], keys[alive]))]
        k_sorted = keys[order]
        last_of_group = np.ones(len(order), dtype=bool)
        last_of_group[:-1] = k_sorted[:-1] != k_sorted[1:]
        superseded_ix = order[~last_of_group].tolist()
        hashed = [i for i in superseded_ix if keys[i] < 0]
        if hashed:  # hashed (non-numeric) ids: verify exactly, keep any that only collided
            superseded_ix = [i for i in superseded_ix if keys[i] >= 0] + _exact(shards, out_dir, keys, vers,
                                                                             shard_ix, pos, order, hashed)
    deleted_ix = np.nonzero(deleted_mask)[0].tolist()
    result: dict = {"schema": SCHEMA, "fingerprint": fingerprint(manifest, exclude),
                    "counts": {"records": total, "current": total - len(superseded_ix) - len(deleted_ix),
                               "superseded": len(superseded_ix), "deleted": len(deleted_ix)},
                    "shards": {}}
    if superseded_ix or deleted_ix:
        want: dict[int, dict[int, str]] = {}
        for kind, ix in (("superseded", superseded_ix), ("deleted", deleted_ix)):
            for i in ix:
                want.setdefault(int(shard_ix[i]), {})[int(pos[i])] = kind
        for s, positions in sorted(want.items()):
            entry = result["shards"].setdefault(shards[s]["name"], {"superseded": [], "deleted": []})
            for p, (ident, _v) in enumerate(_read_ids(out_dir / shards[s]["files"]["ids"])):
                if p in positions:
                    entry[positions[p]].append(ident)
    return result


def _exact(shards, out_dir, keys, vers, shard_ix, pos, order, hashed) -> list[int]:
    """Re-decide the hashed-id groups that had duplicates using the exact id strings."""
    groups = {int(keys[i]) for i in hashed}
    members = [int(i) for i in order if int(keys[i]) in groups]
    need: dict[int, set[int]] = {}
    for i in members:
        need.setdefault(int(shard_ix[i]), set()).add(int(pos[i]))
    names: dict[tuple[int, int], str] = {}
    for s, positions in need.items():
        for p, (ident, _v) in enumerate(_read_ids(out_dir / shards[s]["files"]["ids"])):
            if p in positions:
                names[(s, p)] = ident
    best: dict[str, tuple] = {}
    for i in members:
        ident = names[(int(shard_ix[i]), int(pos[i]))]
        cand = (int(vers[i]), int(shard_ix[i]), int(pos[i]), i)
        if ident not in best or cand > best[ident]:
            best[ident] = cand
    winners = {c[3] for c in best.values()}
    return [i for i in members if i not in winners]


def write_superseded(manifest: Manifest, force: bool = False, exclude: frozenset[str] = frozenset()) -> dict:
    """(Re)compute ``superseded.json`` unless it is up to date with the manifest; returns its content.

    ``exclude``: shards to leave out (damaged ones); the result is then returned but not saved."""
    path = manifest.out_dir / SUPERSEDED
    fp = fingerprint(manifest, exclude)
    if not force and path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            if old.get("fingerprint") == fp:
                return old
        except (OSError, ValueError):
            pass
    data = compute_superseded(manifest, exclude)
    if not exclude:
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    return data


def iter_run_records(out_dir: str | Path, current: bool = True, include_failed: bool = True,
                     shards: list[str] | None = None, on_error: OnError | None = None) -> Iterator[Record]:
    """The records of a batch output directory, shard by shard in manifest order.

    ``current=True`` skips the records superseded or deleted by a later shard (``superseded.json``,
    recomputed if stale); ``include_failed=False`` leaves out the partial output of failed shards. A
    damaged shard (see the module docstring) is named in one line through ``on_error`` and skipped; a
    shard that breaks while it is read (no checksum to tell beforehand) is named with the records read
    so far, and reading goes on with the next shard.
    """
    say = on_error or log.warning
    manifest = Manifest.load(Path(out_dir))
    damaged = damaged_shards(manifest, say)
    skip_map = write_superseded(manifest, exclude=damaged)["shards"] if current else {}
    for e in _shards_with_output(manifest, damaged):
        if (shards is not None and e["name"] not in shards) or (not include_failed and e["status"] != "complete"):
            continue
        drop = set()
        if e["name"] in skip_map:
            drop = set(skip_map[e["name"]]["superseded"]) | set(skip_map[e["name"]]["deleted"])
        path = manifest.out_dir / e["files"]["records"]
        reader = read_parquet_records if path.suffix == ".parquet" else read_records
        n = 0
        try:
            for record in reader(path):
                n += 1
                if record.id not in drop:
                    yield record
        except DAMAGE_ERRORS as exc:
            first = str(exc).splitlines()[0] if str(exc) else ""
            say(f"{path}: shard {e['name']} damaged after {n} record(s), rest skipped: {type(exc).__name__}: {first}")
