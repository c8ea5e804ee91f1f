"""The fixed dev split: a document is dev when ``sha1(SALT + key)`` falls in the first
``DEV_FRACTION`` of the hash range. ``key`` is ``pmid:N`` (or a hash of the normalised text
when there is no PMID), so one abstract lands on the same side in every corpus that holds it
(EBM-NLP train doc, its expert intervention layer, EvidenceMap's copy...).
"""

from __future__ import annotations

import hashlib

SALT = "claimex-dev-v1:"
DEV_FRACTION = 0.15


def hash_score(salt: str, key: str, digits: int = 12) -> float:
    """Where ``sha1(salt + key)`` falls in [0, 1), read from its first ``digits`` hex digits: a fixed,
    content-blind split (dev split here, model-selection splits of the trainers)."""
    return int(hashlib.sha1((salt + key).encode("utf-8")).hexdigest()[:digits], 16) / float(16**digits)


def dev_score(key: str) -> float:
    return hash_score(SALT, key)


def is_dev(key: str, fraction: float = DEV_FRACTION) -> bool:
    return dev_score(key) < fraction


def in_split(key: str, split: str, fraction: float = DEV_FRACTION) -> bool:
    """``split``: ``train`` (not dev), ``dev``, or ``all``."""
    if split == "all":
        return True
    if split not in ("train", "dev"):
        raise ValueError(f"split must be train, dev or all, not {split!r}")
    return is_dev(key, fraction) == (split == "dev")
