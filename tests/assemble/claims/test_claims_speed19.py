"""Claim assembly made cheaper (session 19, issue 13): each rewritten function gives the same answer as the form it
replaces (kept here), on word keys and sentences of the shared PubMed samples."""

from __future__ import annotations

import random
import re

from claimex.assemble.claims import design
from claimex.assemble.claims.base import content_words, same_stem, shares_stem


def _old_same_intervention(a: frozenset[str], b: frozenset[str]) -> bool:
    """``design.same_intervention`` before session 19 (a :func:`same_stem` call per pair of words)."""
    if not a or not b:
        return False
    if (a ^ b) & design.NEGATIONS:
        return False
    if a <= b or b <= a:
        return True
    own_a = [w for w in a if not any(same_stem(w, v) for v in b)]
    own_b = [w for w in b if not any(same_stem(w, v) for v in a)]
    if own_a and own_b:
        return False
    shared = len(a) - len(own_a)
    return shared >= 0.6 * max(len(a), len(b))


def _phrase_keys(sentences: list[str], limit: int) -> list[frozenset[str]]:
    """Word keys of the 1-4 word runs of real sentences (what :func:`.base.entity_words` makes of a mention)."""
    keys: dict[frozenset[str], None] = {}
    for sentence in sentences:
        words = re.findall(r"[\w'-]+", sentence)
        for n in (1, 2, 3, 4):
            for k in range(len(words) - n + 1):
                key = frozenset(content_words(" ".join(words[k:k + n])))
                if key:
                    keys.setdefault(key, None)
        if len(keys) >= limit:
            break
    return list(keys)


def test_shares_stem_as_any_same_stem(pubmed_sentences):
    keys = _phrase_keys(pubmed_sentences[:400], 3000)
    words = sorted({w for key in keys for w in key})
    rng = random.Random(19)
    checked = shared = 0
    for key in keys:
        for word in rng.sample(words, 8) + sorted(key):
            # a word of another key with the same first five letters, so that the stem rule is reached
            near = [w for w in words if w[:5] == word[:5]][:3]
            for w in [word, *near]:
                got = shares_stem(w, key)
                assert got == any(same_stem(w, v) for v in key), (w, key)
                checked += 1
                shared += got
    assert checked > 10000 and 0 < shared < checked


def test_same_intervention_as_before(pubmed_sentences):
    keys = _phrase_keys(pubmed_sentences[:600], 4000)
    by_head: dict[str, list[frozenset[str]]] = {}
    for key in keys:
        for w in key:
            by_head.setdefault(w[:5], []).append(key)
    rng = random.Random(19)
    outcomes = {True: 0, False: 0}
    stem_pairs = 0
    for key in keys:
        # keys that share a word or a stem with this one (where the word-by-word rule decides), and random keys
        near = [o for w in key for o in by_head.get(w[:5], [])[:6]]
        for other in near + rng.sample(keys, 4):
            design.same_intervention.cache_clear()
            got = design.same_intervention(key, other)
            assert got == _old_same_intervention(key, other), (key, other)
            outcomes[got] += 1
            stem_pairs += not (key <= other or other <= key) and bool(key & other or any(
                same_stem(w, v) for w in key for v in other))
    assert outcomes[True] > 1000 and outcomes[False] > 1000 and stem_pairs > 1000

