"""Claim assembly's per-process caches emptied on request (``claimex.assemble.claims.caches``; session 28): what the
timings of ``claimex evaluate --task claims`` and ``bench/`` use to time abstracts the process has not met."""

from __future__ import annotations

from claimex.assemble.claims import assemble_claims, base, caches, gates
from claimex.schema import Record


def _claims(record: Record) -> list[str]:
    return [c.model_dump_json() for c in assemble_claims(Record.from_json(record.to_json()))]


def test_clear_empties_the_caches_and_changes_no_claim(gold_fixture):
    record = gold_fixture  # the seed abstract (PMID 10940692) with its hand-made entities
    before = _claims(record)
    assert gates._FOLDED and base.same_stem.cache_info().currsize > 0  # the assembly filled them
    emptied = caches.clear()
    assert emptied > 10  # every lru cache of the package, and the folded texts
    assert not gates._FOLDED and base.same_stem.cache_info().currsize == 0
    assert _claims(record) == before  # a cache holds nothing that changes an answer
