"""Per-field claim confidence (:mod:`claimex.assemble.claims.confidence`) on the seed abstract (PMID 10940692,
``../shared/seeds``; its gold entities): scored after assembly from the claim and its record only."""

from __future__ import annotations

import json

import numpy as np
import pytest
from claims_helpers import claims_of

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.confidence import (
    FEATURES,
    TARGETS,
    ConfidenceModel,
    default_confidence_path,
    features,
    load_confidence,
)


@pytest.fixture(scope="module")
def seed(gold_fixture):
    return gold_fixture.model_copy(update={"claims": []})


def test_findings_get_a_confidence_and_other_claims_none(seed):
    if load_confidence(default_confidence_path()) is None:
        pytest.skip("no shipped confidence weights")
    claims = claims_of(seed)
    found = [c for c in claims if c.type in ("finding", "adverse_effect")]
    assert found and all(c.confidence is not None for c in found)
    assert all(c.confidence is None for c in claims if c not in found)
    for c in found:
        p = c.confidence.model_dump()
        assert set(p) == set(TARGETS) and all(0 < v < 1 for v in p.values())
        assert p["all"] <= max(p[t] for t in TARGETS if t != "all") + 0.2  # all is no likelier than its parts


def test_without_weights_there_is_no_confidence(seed, tmp_path):
    assert load_confidence(tmp_path / "absent") is None
    claims = ClaimAssembler("cues", confidence=tmp_path / "absent")(seed.model_copy())
    assert claims and all(c.confidence is None for c in claims)
    off = ClaimAssembler("cues", confidence="off")(seed.model_copy())
    assert [c.model_copy(update={"confidence": None}) for c in claims] == off  # confidence changes nothing else


def test_features_read_the_claim_arms_and_sentence(seed):
    claims = ClaimAssembler("cues", confidence="off")(seed.model_copy())
    claim = next(c for c in claims if c.type == "finding" and c.intervention)
    x = dict(zip(FEATURES, features(claim, seed)))
    assert len(x) == len(FEATURES) and x["bias"] == 1.0
    inherited = claim.model_copy(update={"inherited": list(claim.intervention)})
    xi = dict(zip(FEATURES, features(inherited, seed)))
    assert xi["i_inherited"] == 1.0 and xi["i_in_sentence"] == 0.0
    bare = claim.model_copy(update={"comparator": []})
    assert dict(zip(FEATURES, features(bare, seed)))["c_none"] == 1.0
    assert dict(zip(FEATURES, features(claim, seed, claims_here=3)))["claims_3"] == 1.0


def test_a_model_scores_by_its_weights_and_checks_its_features(seed, tmp_path):
    w = {t: [0.0] * len(FEATURES) for t in TARGETS}
    w["comparator"][FEATURES.index("c_none")] = -3.0  # an empty comparator: unlikely right
    model = ConfidenceModel(w)
    model.save(tmp_path / "weights.json", data="test")
    loaded = load_confidence(tmp_path)
    claims = ClaimAssembler("cues", confidence=loaded)(seed.model_copy())
    for c in claims:
        if c.confidence is not None:
            assert c.confidence.intervention == 0.5
            assert c.confidence.comparator == (0.047 if not c.comparator else 0.5)
    assert np.allclose(model.predict(np.zeros(len(FEATURES))), 0.5)
    data = json.loads((tmp_path / "weights.json").read_text())
    with pytest.raises(ValueError, match="features"):
        ConfidenceModel(data["weights"], data["features"][:-1])
