"""The direction trainer's article-hash folds (:func:`claimex.train.direction.fold_of`), used by ``--cv K``."""

from collections import Counter

from claimex.corpora.split import hash_score
from claimex.train.direction import _select_dev, fold_of


def test_folds_partition_articles_by_their_hash():
    ids = [str(5000000 + 37 * k) for k in range(500)]
    folds = Counter(fold_of(pmcid, 5) for pmcid in ids)
    assert set(folds) == {0, 1, 2, 3, 4} and min(folds.values()) > 60  # every fold holds about a fifth
    assert all(fold_of(pmcid, 5) == fold_of(pmcid, 5) for pmcid in ids[:20])  # deterministic
    # the same hash as the trainer's epoch-selection split, sha1("claimex-direction:" + pmcid)
    for pmcid in ids:
        score = hash_score("claimex-direction:", pmcid, digits=8)
        assert fold_of(pmcid, 5) == min(4, int(score * 5))
        assert _select_dev(pmcid) == (score < 0.15)
