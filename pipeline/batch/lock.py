"""One run per output directory: ``.claimex-batch.lock`` (an OS file lock via ``filelock``).

The lock is an ``flock``: the kernel drops it when its process dies, kill -9 included, so a crashed run
never leaves a stale lock behind. ``.claimex-batch.owner.json`` says who holds it (pid, host, start,
command) so the refusal can name the other run. On network file systems, ``flock`` works on NFSv4 and
Lustre/GPFS with locking enabled; run the driver (``claimex batch``) on one node only.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".claimex-batch.lock"
OWNER_NAME = ".claimex-batch.owner.json"


class OutputLocked(RuntimeError):
    """Another run is active on this output directory."""


class OutputLock:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self._lock = FileLock(str(self.out_dir / LOCK_NAME))

    def owner(self) -> dict | None:
        try:
            return json.loads((self.out_dir / OWNER_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def acquire(self) -> OutputLock:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            who = self.owner() or {}
            desc = f"pid {who.get('pid')} on {who.get('host')} since {who.get('started')}" if who else "another run"
            raise OutputLocked(f"{self.out_dir}: output directory in use by {desc}; "
                               "wait for it to finish or use another --out") from None
        info = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "argv": sys.argv}
        (self.out_dir / OWNER_NAME).write_text(json.dumps(info) + "\n", encoding="utf-8")
        return self

    def release(self) -> None:
        try:
            (self.out_dir / OWNER_NAME).unlink()
        except FileNotFoundError:
            pass
        self._lock.release()

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
