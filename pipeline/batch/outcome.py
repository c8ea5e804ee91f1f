"""What every executor (``runner``: inline and process pool; ``dask_runner``: Dask) shares: the callback
types, the manifest entry of a shard that could not run, and the draining of progress events.

A lower module than both executors, so that neither imports the other.
"""

from __future__ import annotations

import queue
from collections.abc import Callable

from .shards import Settings, ShardSpec

OnDone = Callable[[ShardSpec, dict], None]  # a shard finished (its manifest entry)
OnDocs = Callable[[str, int], None]  # (shard name, documents done since the last report)


def failed_result(spec: ShardSpec, settings: Settings, message: str) -> dict:
    """The manifest entry of a shard whose worker never returned one (died, or raised)."""
    return {"name": spec.name, "input": spec.input, "status": "failed", "error": message, "size": spec.size,
            "sha256": None, "documents": 0, "records": 0, "errors": 0, "superseded": 0, "deleted": 0,
            "deletions": 0, "settings": settings.key(), "files": {}, "timings": {}}


def drain(events, on_docs: OnDocs) -> None:
    """Pass every ``(shard name, documents)`` event waiting in ``events`` (a ``queue.Queue`` or a
    ``multiprocessing`` queue) to ``on_docs``, without blocking."""
    while True:
        try:
            name, n = events.get_nowait()
        except (queue.Empty, OSError, ValueError):  # empty; a multiprocessing queue closed under us
            return
        on_docs(name, n)
