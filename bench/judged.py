"""The found gold findings of each tune abstract with the claim the findings scorer judged (for the bench scripts
that count arm errors: arm_classes, arm_stages, carry_counts, pair_classes).

``judged(golds)`` runs the pipeline over the gold abstracts (as ``claimex evaluate --task findings`` does) and yields,
per abstract, ``(gold, record, text, found)`` with ``found`` the list of ``(finding, judgement, claim)`` of its gold
findings that :func:`claimex.evaluate.findings_match.judge` finds.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import judge


def judged(golds) -> Iterator[tuple]:
    for g, record, text in _predict(golds, None, None, []):
        claims = {c.id: c for c in record.claims}
        found = []
        for finding in g.findings:
            j = judge(finding, record, text)
            if j.found:
                found.append((finding, j, claims[j.claim]))
        yield g, record, text, found
