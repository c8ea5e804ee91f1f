"""JSON Lines rows of a shared corpus file (plain or gzip): the one reader every corpus loader uses."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

from .. import paths


def corpus_rows(*parts: str) -> Iterator[dict]:
    """The JSON objects of ``paths.corpus_path(*parts)``, one per non-blank line (``.gz`` files decompressed on the
    fly); a line that is not JSON raises ``ValueError`` naming the file and the line."""
    path = paths.corpus_path(*parts)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
            yield row
