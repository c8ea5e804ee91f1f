"""The comparator slot and the trial-arm check (:mod:`claimex.assemble.claims.trialarm`; docs/claims-rounds.md section 29,
s15-comp): a mention of a group the check calls no arm of the trial is no comparator - neither kept from its own
sentence nor carried from the design (:meth:`InterventionContext.named_comparator`); the design's comparator is
carried instead.
Real sentences of an Evidence Inference 2.0 train abstract (PMC 5850179, ../shared/corpora/evidence-inference-v2;
not in the findings gold; four of its sentences left out), the entities and scores as the shipped tagger gives
them."""

import pytest
from claims_helpers import claims_of, entity_texts, make_record

from claimex import paths
from claimex.assemble.claims.armrank import ArmRanker, default_ranker_path
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.trialarm import MODEL_NAME

needs_models = pytest.mark.skipif(not (default_ranker_path().exists() and paths.weights_path(MODEL_NAME).exists()),
                                  reason="models/claimex-arms or models/claimex-trialarm not shipped")

# every patient had primary percutaneous coronary intervention (the setting, tagged as an arm, score .53-.61); the
# trial compares morphine with no morphine
MORPHINE = (
    "Effect and Safety of Morphine Use in Acute Anterior ST-Segment Elevation Myocardial Infarction\n"
    "The aim of this study was to examine the effect and safety of morphine in patients with acute anterior "
    "ST-segment elevation myocardial infarction followed up for 1 year. "
    "We used the database of the CIRCUS (Does Cyclosporine Improve Outcome in ST Elevation Myocardial Infarction "
    "Patients) trial, which included 969 patients with anterior ST-segment elevation myocardial infarction, admitted "
    "for primary percutaneous coronary intervention. "
    "Two groups were defined according to use of morphine preceding coronary angiography. "
    "The all-cause mortality was 5.3% in the morphine group versus 5.8% in the no-morphine group (P=0.89). "
    "There was no difference between groups in infarct size as assessed by the creatine kinase peak after primary "
    "percutaneous coronary intervention (4023±118 versus 3903±149 IU/L; P=0.52). "
    "In anterior ST-segment elevation myocardial infarction patients treated by primary percutaneous coronary "
    "intervention, morphine was used in half of patients during initial management and was not associated with a "
    "significant increase in major adverse cardiovascular events at 1 year.")
PCI = "percutaneous coronary intervention"
MORPHINE_ENTITIES = [  # (label, text, occurrence), score
    (("OUTCOME", "Safety"), 0.8412), (("INTERVENTION", "Morphine"), 0.9091), (("OUTCOME", "safety"), 0.8795),
    (("INTERVENTION", "morphine"), 0.9413),
    (("POPULATION", "patients with acute anterior ST-segment elevation myocardial infarction followed"), 0.7138),
    (("OUTCOME", "myocardial infarction"), 0.5265), (("INTERVENTION", "CIRCUS"), 0.9182),
    (("INTERVENTION", "Cyclosporine"), 0.9527), (("OUTCOME", "ST Elevation"), 0.6901),
    (("OUTCOME", "Myocardial Infarction", 1), 0.5265),
    (("POPULATION", "trial, which included 969 patients with anterior ST-segment elevation myocardial infarction, "
                    "admitted for primary percutaneous coronary intervention"), 0.6589),
    (("OUTCOME", "myocardial infarction", 1), 0.5073), (("INTERVENTION", PCI), 0.5299),
    (("INTERVENTION", "morphine", 1), 0.9192), (("OUTCOME", "all-cause mortality"), 0.8568),
    (("INTERVENTION", "morphine", 2), 0.9756), (("INTERVENTION", "no-morphine"), 0.9811),
    (("OUTCOME", "infarct size"), 0.6349), (("OUTCOME", "creatine kinase peak"), 0.7875),
    (("INTERVENTION", PCI, 1), 0.607),
    (("POPULATION", "anterior ST-segment elevation myocardial infarction patients treated by primary percutaneous "
                    "coronary intervention"), 0.5993),
    (("OUTCOME", "myocardial infarction", 2), 0.5265), (("INTERVENTION", PCI, 2), 0.5868),
    (("INTERVENTION", "morphine", 4), 0.9383), (("OUTCOME", "major adverse cardiovascular events"), 0.9174),
]


def _record():
    rec = make_record(MORPHINE, [spec for spec, _ in MORPHINE_ENTITIES], title=True)
    for e, (_, score) in zip(rec.entities, MORPHINE_ENTITIES):
        e.score = score
    return rec


def _ranker_without_check() -> ArmRanker:
    return ArmRanker.load(default_ranker_path(), trial_arms=paths.weights_path(MODEL_NAME).parent / "missing")


def _last(rec, claims):
    """The claim of the last sentence ("... treated by primary percutaneous coronary intervention, morphine was
    used ... not associated with a significant increase in major adverse cardiovascular events")."""
    return next(c for c in claims if "not associated" in c.text)


@needs_models
def test_the_setting_tagged_as_an_arm_is_no_comparator():
    rec = _record()
    before = _last(rec, claims_of(rec, arms=_ranker_without_check()))
    assert entity_texts(rec, before.comparator) == [PCI]  # its own sentence's mention of the setting
    rec = _record()
    claim = _last(rec, claims_of(rec))
    assert entity_texts(rec, claim.intervention) == ["morphine"]
    assert entity_texts(rec, claim.comparator) == ["no-morphine"]  # the design's comparator, carried
    assert claim.direction == before.direction == "no_difference"


@needs_models
def test_the_trial_arms_keep_their_comparisons():
    rec = _record()
    claims = claims_of(rec)
    mortality = next(c for c in claims if "all-cause mortality" in c.text)
    assert entity_texts(rec, mortality.intervention) == ["morphine"]
    assert entity_texts(rec, mortality.comparator) == ["no-morphine"]


@needs_models
def test_the_check_names_the_setting_and_not_the_arms():
    rec = _record()
    ranker = ArmRanker.load(default_ranker_path())
    facts, not_arm = ranker.trial_check(rec, sentence_views(rec))
    texts = {e.text for e in rec.entities if e.id in not_arm}
    assert PCI in texts
    assert not texts & {"morphine", "Morphine", "no-morphine"}
    assert facts is not None and facts.record is rec


def test_a_comparator_of_no_arm_is_never_carried():
    rec = _record()
    ents = {(e.text, e.start): e for e in rec.entities}
    no_morphine = next(e for (t, _), e in ents.items() if t == "no-morphine")
    pci = [e for (t, _), e in ents.items() if t == PCI][-1]
    ctx = InterventionContext(comparators=[no_morphine, pci])
    assert ctx.named_comparator() is pci  # the latest one
    ctx.no_arms = lambda: frozenset([pci.id])
    assert ctx.named_comparator() is no_morphine
    ctx.no_arms = lambda: frozenset([pci.id, no_morphine.id])
    assert ctx.named_comparator() is None  # the design set up no arm to carry


def test_without_the_check_nothing_is_set_aside(tmp_path):
    rec = _record()
    rules = ArmRanker.load(default_ranker_path(), trial_arms=tmp_path / "missing") \
        if default_ranker_path().exists() else None
    if rules is None:
        pytest.skip("models/claimex-arms not shipped")
    assert rules.trial_check(rec, sentence_views(rec)) == (None, frozenset())
