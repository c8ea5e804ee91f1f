"""Within one input file: later versions and ``<DeleteCitation>`` win, as in ``claimex batch``.

A PubMed update file can hold a record and, later in the same file, a newer version of it or a
``<DeleteCitation>`` of its PMID; any file can hold an id twice. :func:`resolve_in_file` reads the file twice:
a first pass notes each document's id, version and position and each deletion's position (ids only in
memory), the second yields the file's items less the documents that lose, and names each of those in one
line (``on_drop``; default: a warning on the ``claimex.read`` logger). The rule is the batch worker's
(:mod:`claimex.batch.worker`): a ``<DeleteCitation>`` removes the records of its PMIDs that came before it;
of the remaining records with one id, the one with the highest ``(version, position)`` is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from .base import Deletion, Document, ReadItem

log = logging.getLogger("claimex.read")
OnDrop = Callable[[Document, str], None]


def _warn(doc: Document, why: str) -> None:
    log.warning("%s: record %s not written: %s", doc.source or "<input>", doc.id, why)


def _losers(items: Iterator[ReadItem]) -> dict[int, str]:
    """Position (among the file's documents) -> why that document loses."""
    occurrences: dict[str, list[tuple[int, int]]] = {}  # id -> [(version, position)]
    deleted_at: dict[str, int] = {}  # id -> documents before its last deletion
    pos = 0
    for item in items:
        if isinstance(item, Document):
            occurrences.setdefault(item.id, []).append((-1 if item.version is None else item.version, pos))
            pos += 1
        elif isinstance(item, Deletion):
            for pmid in item.pmids:
                deleted_at[pmid] = pos
    out: dict[int, str] = {}
    for ident, occ in occurrences.items():
        gone = deleted_at.get(ident, -1)
        if len(occ) == 1 and occ[0][1] >= gone:
            continue
        alive = [o for o in occ if o[1] >= gone]
        winner = max(alive) if alive else None
        for version, p in occ:
            if p < gone:
                out[p] = "deleted by a later <DeleteCitation> in the same file"
            elif (version, p) != winner:
                v = f" (version {winner[0]})" if winner[0] >= 0 else ""
                out[p] = f"duplicate id: superseded by record #{winner[1] + 1} of the file{v}"
    return out


def resolve_in_file(read: Callable[[], Iterator[ReadItem]], on_drop: OnDrop | None = None) -> Iterator[ReadItem]:
    """The items of ``read()`` (called twice: it must give the same items each time) less the documents that
    a later version, a duplicate or a later ``<DeleteCitation>`` in the same file replaces."""
    losers = _losers(read())
    if not losers:
        yield from read()
        return
    say = on_drop or _warn
    pos = 0
    for item in read():
        if isinstance(item, Document):
            why = losers.get(pos)
            pos += 1
            if why is not None:
                say(item, why)
                continue
        yield item
