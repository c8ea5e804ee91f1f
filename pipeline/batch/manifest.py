"""``manifest.json``: what a batch output directory holds, rewritten atomically after every shard.

Layout (``"schema": "claimex-batch/1"``)::

    {"schema": "claimex-batch/1", "created": ..., "updated": ...,
     "shards": [                      # in run order (the order used to supersede across shards)
        {"name": "pubmed25n0001", "input": "/abs/path/pubmed25n0001.xml.gz", "size": 31457280,
         "sha256": "...", "status": "complete" | "failed", "error": null | "what broke",
         "documents": 30000, "records": 29990, "errors": 10, "superseded": 0, "deleted": 0, "deletions": 0,
         "files": {"records": "pubmed25n0001.jsonl.gz", "ids": "...", "errors": "...", "deletions": "..."},
         "checksums": {"records": "<sha256>", "ids": "<sha256>", ...},   # one per file in "files"
         "settings": {"model": "rules", "input_format": null, "output_format": "jsonl"},
         "version_info": {"claimex": "0.1.0", "model": "rules", "pipeline": [...]},
         "timings": {"started": ..., "finished": ..., "seconds": 95.2, "load_seconds": 2.1,
                     "documents_per_s": 315.1},
         "worker": "host:pid",         # with parts: the workers of its parts, "host:pid,host:pid"
         "parts": 12}, ...],           # process pool only: the parts it was written in
     "runs": [{"started", "finished", "argv", "settings", "executor", "workers", "todo", "skipped",
               "complete", "failed", "status"}, ...]}

A shard is *current* (skipped on a rerun) when its entry is ``complete``, was made with the same
settings (model, input and output format), its input has the same size and SHA-256 as recorded, and its
files are there with the SHA-256 recorded in ``checksums`` (:mod:`claimex.batch.integrity`; a damaged
shard is redone, and the run says so in one line). Everything else is redone. :func:`verify_run` checks a
run directory without redoing anything (``claimex batch --verify DIR``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from ..write.atomic import atomic_path
from .integrity import ShardCheck, check_shards, shard_damage
from .shards import Settings, ShardSpec, make_readable, sha256_file

MANIFEST = "manifest.json"
SCHEMA = "claimex-batch/1"
MAX_RUNS = 100


class ManifestError(ValueError):
    pass


class ManifestSaveError(ManifestError):
    """The manifest could not be written (no space left on device, permissions): the run stops."""


DAMAGED = "output damaged"  # how Manifest.current starts the reason for a shard whose files changed


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class Manifest:
    def __init__(self, out_dir: Path, data: dict | None = None):
        self.out_dir = Path(out_dir)
        self.data: dict[str, Any] = data or {"schema": SCHEMA, "created": now_iso(), "updated": None,
                                             "shards": [], "runs": []}
        self._index = {e["input"]: k for k, e in enumerate(self.data["shards"])}

    @property
    def path(self) -> Path:
        return self.out_dir / MANIFEST

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = Path(out_dir) / MANIFEST
        if not path.exists():
            return cls(out_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ManifestError(f"{path}: unreadable manifest ({exc}); move it away to start afresh") from exc
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise ManifestError(f"{path}: not a claimex batch manifest (schema {data.get('schema')!r})")
        return cls(out_dir, data)

    # -- shards --------------------------------------------------------------------------------------------
    @property
    def shards(self) -> list[dict]:
        return self.data["shards"]

    def entry(self, input_path: str) -> dict | None:
        k = self._index.get(str(input_path))
        return None if k is None else self.shards[k]

    def known_names(self) -> dict[str, str]:
        return {e["input"]: e["name"] for e in self.shards}

    def reserve(self, specs: list[ShardSpec], todo: list[ShardSpec]) -> None:
        """Give new inputs a place (in run order, so the shard order is fixed before any finishes) and mark
        the shards about to be (re)done ``pending``: until each is complete again, its old files are not
        current (``iter_run_records`` and the supersede step leave them out)."""
        redo = {s.input for s in todo}
        for spec in specs:
            if spec.input not in self._index:
                self._index[spec.input] = len(self.shards)
                self.shards.append({})
            if spec.input in redo or not self.shards[self._index[spec.input]]:
                self.shards[self._index[spec.input]] = {"name": spec.name, "input": spec.input, "size": spec.size,
                                                        "sha256": None, "status": "pending", "error": None}

    def update(self, result: dict) -> None:
        k = self._index.get(result["input"])
        if k is None:
            self._index[result["input"]] = len(self.shards)
            self.shards.append(result)
        else:
            self.shards[k] = result

    def current(self, spec: ShardSpec, settings: Settings) -> tuple[bool, str]:
        """Whether ``spec``'s shard can be skipped, and why (not)."""
        e = self.entry(spec.input)
        if e is None:
            return False, "new"
        if e.get("status") != "complete":
            return False, str(e.get("status") or "incomplete")
        if e.get("settings") != settings.key():
            return False, "settings changed"
        files = e.get("files") or {}
        for kind in ("records", "ids"):
            if not files.get(kind) or not (self.out_dir / files[kind]).exists():
                return False, f"{kind} file missing"
        if e.get("size") != spec.size:
            return False, "input changed (size)"
        if e.get("sha256") != sha256_file(spec.input):
            return False, "input changed (sha256)"
        damage = shard_damage(self.out_dir, e)
        if damage:
            return False, f"{DAMAGED}: {damage}"
        return True, "unchanged"

    # -- runs ----------------------------------------------------------------------------------------------
    def start_run(self, info: dict) -> dict:
        run = {"started": now_iso(), "finished": None, "argv": sys.argv, **info}
        self.data.setdefault("runs", []).append(run)
        del self.data["runs"][:-MAX_RUNS]
        return run

    def save(self) -> None:
        """Rewrite ``manifest.json`` atomically. Raises ``ManifestError`` (one line: the file and the OS
        error, e.g. no space left on device) when it cannot be written; the old manifest is then intact."""
        self.data["updated"] = now_iso()
        text = json.dumps(self.data, indent=1, ensure_ascii=False)
        try:
            with atomic_path(self.path) as tmp:
                tmp.write_text(text + "\n", encoding="utf-8")
                make_readable(tmp)
        except OSError as exc:
            raise ManifestSaveError(f"{self.path}: cannot save the manifest: {exc.strerror or exc}") from None
        try:  # make the rename itself durable
            fd = os.open(self.out_dir, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass


def verify_run(out_dir: str | Path, on_check=None) -> list[ShardCheck]:
    """Check every shard of a run directory against its manifest without redoing anything: one
    :class:`~claimex.batch.integrity.ShardCheck` per shard (``ok``, ``damaged``, ``failed``, ``pending``).
    Raises ``ManifestError`` when there is no readable manifest."""
    out = Path(out_dir)
    if not (out / MANIFEST).is_file():
        raise ManifestError(f"{out}: no {MANIFEST} here (not a claimex batch run directory)")
    manifest = Manifest.load(out)
    return check_shards(manifest.out_dir, manifest.shards, on_check)
