"""Instructions per client-request section of callgrind dumps (``bench/count_pass.py --callgrind``,
``bench/count_stages.py --callgrind``): the totals of each dump ``<tree>.<pid>.<n>`` in a folder, keyed by the
name the instrumentation toggle gave it (the last word of its ``desc: Trigger: Client Request:`` line). Used by
``bench/ab_pass_callgrind.sh`` and ``bench/ab_stage_callgrind.sh``."""

from __future__ import annotations

from pathlib import Path


def totals(folder: Path, tree: str) -> dict[str, int]:
    """``{section name: instructions}`` of the dumps of ``tree`` (``base`` / ``new``) in ``folder``."""
    out = {}
    for f in folder.glob(f"{tree}.*.*"):
        desc = total = None
        for line in f.read_text().splitlines():
            if line.startswith("desc: Trigger: Client Request: "):
                desc = line.split(": ", 2)[2].split()[-1]
            elif line.startswith("totals: "):
                total = int(line.split()[1])
        if desc is not None and total is not None:
            out[desc] = total
    return out
