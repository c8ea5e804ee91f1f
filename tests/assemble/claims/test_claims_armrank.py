"""The learned arm ranker (:mod:`claimex.assemble.claims.armrank`, ``models/claimex-arms``) on real sentences of
Evidence Inference 2.0 train abstracts (../shared/corpora/evidence-inference-v2), entities as the shipped tagger
gives them, trimmed to those the case needs; and its fallback and decision mechanics."""

import json

import pytest
from claims_helpers import claims_of, ent, finding_of, make_record

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import FEATURES, ArmRanker, default_ranker_path, load_ranker

needs_model = pytest.mark.skipif(not default_ranker_path().exists(), reason="models/claimex-arms not shipped")

# PMC 5827033: the tagger took the setting "open gastrectomy" of a result sentence for an intervention
TEA = ("Transcutaneous electroacupuncture alleviates postoperative ileus after gastrectomy: A randomized "
       "clinical trial\n"
       "After gastrectomy, the patients were randomly allocated to the TEA (n = 33) or control (n = 30) group. "
       "Time to first flatus in the TEA group was significantly shorter than in the control group (73.19 ± 15.61 "
       "vs 82.82 ± 20.25 h, P = 0.038), especially for open gastrectomy (76.53 ± 14.29 vs 87.23 ± 20.75 h, "
       "P = 0.048).")
TEA_ENTITIES = [("INTERVENTION", "Transcutaneous electroacupuncture"), ("INTERVENTION", "TEA", 0),
                ("COMPARATOR", "control", 0), ("INTERVENTION", "TEA", 1), ("COMPARATOR", "control", 1),
                ("OUTCOME", "Time to first flatus"), ("INTERVENTION", "gastrectomy", 2)]


@needs_model
def test_setting_word_tagged_as_an_arm_leaves_the_intervention_slot():
    rec = make_record(TEA, TEA_ENTITIES, title=True)
    rules = finding_of(rec, "Time to first flatus", arms="rules")
    assert ent(rec, "gastrectomy") in rules.intervention  # the rules keep the stray span beside TEA
    claim = finding_of(rec, "Time to first flatus")
    assert claim.intervention == [ent(rec, "TEA", 1)] and claim.comparator == rules.comparator
    assert ent(rec, "gastrectomy") in claim.arm_mentions  # still a mention of the sentence
    assert claim.direction == rules.direction == "decrease"


def test_without_the_weights_the_rules_arms_stay(tmp_path):
    rec = make_record(TEA, TEA_ENTITIES, title=True)
    assert load_ranker(tmp_path / "missing") is None
    without = ClaimAssembler("cues", arms=tmp_path / "missing")(rec)
    assert [c.model_dump() for c in without] == [c.model_dump() for c in claims_of(rec, arms="rules")]


def test_weights_for_other_features_are_refused(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"features": ["bias"], "w_i": [0.0], "w_c": [0.0]}), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        ArmRanker.load(path)


def _ranker(intervention: dict[str, float], comparator: dict[str, float], **kw) -> ArmRanker:
    w_i = [intervention.get(f, 0.0) for f in FEATURES]
    w_c = [comparator.get(f, 0.0) for f in FEATURES]
    return ArmRanker(w_i, w_c, **kw)


def test_swapped_arms_flip_the_direction():
    # PMC 5834094: "dot mapping ... equivalent to colour mapping"; a ranker that prefers the design's
    # alternative (colour mapping) for the intervention swaps the arms - and the direction with them
    text = ("Dot mapping versus colour mapping of intracardiac activation\n"
            "Participants were randomised to read dot mapping or colour mapping first. "
            "Accuracy was higher with dot mapping than with colour mapping (P = 0.01).")
    rec = make_record(text, [("INTERVENTION", "Dot mapping"), ("INTERVENTION", "colour mapping", 0),
                             ("INTERVENTION", "dot mapping", 0), ("INTERVENTION", "colour mapping", 1),
                             ("INTERVENTION", "dot mapping", 1), ("INTERVENTION", "colour mapping", 2),
                             ("OUTCOME", "Accuracy")], title=True)
    rules = finding_of(rec, "Accuracy", arms="rules")
    assert rules.intervention == [ent(rec, "dot mapping", 1)] and rules.comparator == [ent(rec, "colour mapping", 2)]
    swap = _ranker({"rule_c": 5.0, "bias": -2.0}, {"rule_i": 5.0, "bias": -2.0}, margin_i=0.1, margin_c=0.1,
                   keep_c=0.5, keep_i=0.5)
    rec.claims = claims_of(rec, arms="rules")
    claim = next(c for c in swap.rerank(rec, rec.claims) if c.id == rules.id)
    # a sentence's own single named arm is never moved (the single-arm rule); here the rules' intervention is one
    # such arm, so nothing changes
    assert claim.intervention == rules.intervention and claim.direction == rules.direction == "increase"
    rec.claims = [c.model_copy(update={"intervention": [ent(rec, "dot mapping", 1), ent(rec, "Dot mapping")]})
                  if c.id == rules.id else c for c in rec.claims]
    claim = next(c for c in swap.rerank(rec, rec.claims) if c.id == rules.id)
    assert claim.intervention == [ent(rec, "colour mapping", 2)]
    assert set(claim.comparator) == {ent(rec, "dot mapping", 1), ent(rec, "Dot mapping")}  # the rules' intervention
    assert claim.direction == "decrease"


# PMC 4884360 (EI 2.0 train, not in the findings gold): a population phrase tagged as an arm must not count as
# the sentence's own arm, and the ranker may replace it by the arm the sentence names ("the VR group")
NRT = ("Flexible, dual-form nicotine replacement therapy or varenicline in comparison with nicotine patch for "
       "smoking cessation: a randomized controlled trial\n"
       "The CARs for weeks 5-52 were 10.0 %, 12.4 %, and 15.3 % in the NRT, NRT+, and VR groups, respectively; "
       "no group differences were observed. "
       "All medications were well tolerated, but participants in the VR group experienced more fatigue, "
       "digestive symptoms (e.g., nausea, diarrhea), and sleep-related concerns (e.g., abnormal dreams, "
       "insomnia), but less dermatologic symptoms than those in the NRT or NRT+ groups.")


def _nrt_record():
    return make_record(NRT, [("INTERVENTION", "varenicline"), ("COMPARATOR", "nicotine patch"),
                             ("INTERVENTION", "NRT", 0), ("INTERVENTION", "NRT+", 0), ("INTERVENTION", "VR", 0),
                             ("INTERVENTION", "participants"), ("INTERVENTION", "VR", 1),
                             ("OUTCOME", "fatigue")], title=True)


def test_a_population_tagged_as_an_arm_is_not_the_sentences_own_arm():
    from claimex.assemble.claims.armrank import _own_arm

    rec = _nrt_record()
    ents = {e.id: e for e in rec.entities}
    claim = finding_of(rec, "fatigue", arms="rules")
    people = claim.model_copy(update={"intervention": [ent(rec, "participants")], "comparator": []})
    named = claim.model_copy(update={"intervention": [ent(rec, "VR", 1)], "comparator": []})
    assert not _own_arm(people, ents) and _own_arm(named, ents)
    # a ranker that has learnt that populations name no arm moves the slot to the sentence's named arm
    ranker = _ranker({"person": -4.0, "in_sentence": 2.0, "bias": -1.0}, {"bias": -3.0}, margin_c=1.0)
    rec.claims = [people]
    assert ranker.rerank(rec, rec.claims)[0].intervention == [ent(rec, "VR", 1)]
    # and even one that has not: a population never holds the slot when another candidate is there
    fond = _ranker({"person": 4.0, "in_sentence": 2.0, "bias": -1.0}, {"bias": -3.0}, margin_c=1.0)
    assert fond.rerank(rec, rec.claims)[0].intervention == [ent(rec, "VR", 1)]


def test_coordinated_and_population_features_read_the_text():
    from claimex.assemble.claims.armrank import AbstractFacts, candidates

    rec = _nrt_record()
    claim = finding_of(rec, "fatigue", arms="rules").model_copy(update={"intervention": [ent(rec, "participants")],
                                                                        "comparator": []})
    feats = {c.entity.id: dict(zip(FEATURES, c.x)) for c in candidates(AbstractFacts(rec), claim)}
    assert feats[ent(rec, "participants")]["person"] == 1.0 and feats[ent(rec, "VR", 1)]["person"] == 0.0
    nrt_plus = next(e for e in rec.entities if e.id == ent(rec, "NRT+"))
    static = dict(zip(("person", "abbreviation", "negated", "coordinated", "first_pos"),
                      AbstractFacts(rec).static(nrt_plus, -1)[-5:]))
    assert static["coordinated"] == 1.0  # "the NRT, NRT+, and VR groups"
    assert feats[ent(rec, "VR", 1)]["coordinated"] == 0.0  # "in the VR group experienced"


# PMC 3868679 (EI 2.0 train, not in the findings gold): "in group 1" stands for the arm the design labelled
SILS = ("The comparison of single incision laparoscopic cholecystectomy and three port laparoscopic "
        "cholecystectomy: prospective randomized study\n"
        "In this prospective study, 100 patients who underwent laparoscopic cholecystectomy for gallbladder disease "
        "were randomly allocated to SILS cholecystectomy (group 1) or TPCL cholecystectomy (group 2). "
        "There was higher cosmetic satisfaction in group 1 (P < 0.05).")


def test_the_arm_a_label_of_the_sentence_stands_for_is_kept():
    from claimex.assemble.claims.armrank import AbstractFacts, candidates

    rec = make_record(SILS, [("INTERVENTION", "single incision laparoscopic cholecystectomy"),
                             ("INTERVENTION", "three port laparoscopic cholecystectomy"),
                             ("INTERVENTION", "SILS cholecystectomy"), ("INTERVENTION", "TPCL cholecystectomy"),
                             ("OUTCOME", "cosmetic satisfaction")], title=True)
    rules = finding_of(rec, "cosmetic satisfaction", arms="rules")
    assert rules.intervention == [ent(rec, "SILS cholecystectomy")]  # resolved from "group 1"
    facts = AbstractFacts(rec)
    assert set(facts.labels) == {"1", "2"}
    feats = {c.entity.id: dict(zip(FEATURES, c.x)) for c in candidates(facts, rules)}
    assert feats[ent(rec, "SILS cholecystectomy")]["labelled_here"] == 1.0
    assert feats[ent(rec, "TPCL cholecystectomy")]["labelled_here"] == 0.0
    # a ranker that prefers the title's wording keeps the labelled arm all the same
    title_lover = _ranker({"in_title": 6.0, "bias": -2.0}, {"bias": -3.0}, margin_c=1.0)
    rec.claims = [rules]
    assert title_lover.rerank(rec, rec.claims)[0].intervention == rules.intervention


# PMC 4920563 (Evidence Inference 2.0 train): "in control group" is resolved to the arm's earlier named mention
PSA = ("Effect of ejaculation on Serum Prostate-Specific Antigen concentration\n"
       "Our study includes 98 men (62 study and 36 control). "
       "Then the patients were told to ejaculate. "
       "Serum PSA sampling was performed at the same intervals in the control group without ejaculation. "
       "No significant changes in tPSA, fPSA, cPSA levels and f/tPSA values were found in control group "
       "(p=0.223, p=0.224, p=0.444, and p=0.718, respectively).")
PSA_ENTITIES = [("INTERVENTION", "ejaculation"), ("COMPARATOR", "control", 0), ("INTERVENTION", "ejaculate"),
                ("COMPARATOR", "control", 1), ("COMPARATOR", "control", 2), ("OUTCOME", "tPSA, fPSA, cPSA levels")]


def test_an_arm_the_sentence_names_through_a_resolved_phrase_keeps_the_slot():
    # session 15: the rules resolve the sentence's "control group" to the control arm named in the sentence before;
    # a ranker that prefers any other candidate would move the single-arm finding to "ejaculate"
    rec = make_record(PSA, PSA_ENTITIES, title=True)
    rules = finding_of(rec, "tPSA, fPSA, cPSA levels", arms="rules")
    assert rules.intervention == [ent(rec, "control", 1)] and ent(rec, "control", 2) in rules.arm_mentions
    away = _ranker({"rule_i": -5.0}, {}, margin_i=0.1)
    rec.claims = claims_of(rec, arms="rules")
    claim = next(c for c in away.rerank(rec, rec.claims) if c.id == rules.id)
    assert claim.intervention == rules.intervention
    # an arm carried from the context that the sentence does not name is re-ranked as before
    carried = rules.model_copy(update={"intervention": [ent(rec, "ejaculation")], "arm_mentions": []})
    assert away.rerank(rec, [carried])[0].intervention != carried.intervention
