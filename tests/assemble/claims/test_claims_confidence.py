"""Per-field claim confidence (:mod:`claimex.assemble.claims.confidence`) on the seed abstract (PMID 10940692,
``../shared/seeds``; its gold entities): scored after assembly from the claim and its record only."""

from __future__ import annotations

import json

import numpy as np
import pytest
from claims_helpers import claims_of

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import AbstractFacts, default_ranker_path, load_ranker
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.confidence import (
    FEATURES,
    TARGETS,
    ConfidenceModel,
    default_confidence_path,
    feature_rows,
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


def test_arm_ranker_and_wording_features(seed):
    """Session 26: the arm ranker's probabilities of the claim's slots, the title's arms, the tagger's scores and
    whether the sentence's change words agree with the direction."""
    claims = ClaimAssembler("cues", confidence="off")(seed.model_copy())
    claim = next(c for c in claims if c.type == "finding" and c.intervention and not c.comparator)
    ranker = load_ranker(default_ranker_path())
    if ranker is None:
        pytest.skip("no shipped arm ranker")
    facts = AbstractFacts(seed, sentence_views(seed))
    x = dict(zip(FEATURES, features(claim, seed, facts=facts, ranker=ranker)))
    plain = dict(zip(FEATURES, features(claim, seed, facts=facts)))
    assert x["rank_margin_i"] != 0.0 and plain["rank_margin_i"] == 0.0  # without the ranker: 0
    assert x["rank_c"] == 0.0 and x["rank_margin_c"] <= 0.0  # no comparator: no probability of its own
    title = {facts.group[i] for i in claim.intervention} & facts.title
    assert x["i_title"] == float(bool(title)) and x["tagger_i"] == 1.0  # gold entities carry no tagger score
    against = claim.model_copy(update={"direction": "increase", "text": "Pain was lower with A than with B."})
    y = dict(zip(FEATURES, features(against, seed, facts=facts, ranker=ranker)))
    assert y["direction_against_words"] == 1.0 and y["compare_cue"] == 1.0 and y["compared_no_words"] == 0.0
    null = claim.model_copy(update={"direction": "decrease", "text": "Pain did not differ significantly."})
    z = dict(zip(FEATURES, features(null, seed, facts=facts, ranker=ranker)))
    assert z["compared_null_words"] == 1.0 and z["compared_no_words"] == 1.0 and z["significance_word"] == 1.0
    # the assembler hands the scoring its ranker: the rows it scores are the trainer's (feature_rows, same ranker)
    rows = dict((c.id, r) for c, r in feature_rows(seed.model_copy(update={"claims": claims}), claims, ranker))
    scored = ClaimAssembler("cues")(seed.model_copy())
    model = load_confidence(default_confidence_path())
    if model is not None:
        for c in scored:
            if c.confidence is not None:
                p = model.predict(np.array(rows[c.id]))[0]
                assert c.confidence.model_dump() == {t: round(float(v), 3) for t, v in zip(TARGETS, p)}
