"""Session 13 typing cues (:func:`claimex.assemble.claims.typecues.general` / ``known`` / ``weighs_arms``,
:func:`claimex.assemble.claims.nonresult.measured_only`) on real sentences of Evidence Inference 2.0 unlabelled
(train-side) abstracts and PubMed samples in ../shared, cited by id; none is in the findings gold. Typed in
unlabelled abstracts as ``bench/typing_dev.py`` reads headed abstracts with their headings stripped."""

from claims_helpers import types_of

from claimex.assemble.claims.nonresult import measured_only
from claimex.assemble.claims.typecues import general, known, weighs_arms

DESIGN = "Patients were randomized to the two arms. "


def test_what_is_known_in_the_background_zone_is_background():
    cases = [  # the abstract's opening sentences, before any aim or methods sentence
        # PMC 4532714: a result of other work, present perfect
        ("Preference-based tempo-pace synchronized music has been shown to reduce perceived physical activity "
         "exertion and improve exercise performance.", "perceived physical activity exertion"),
        # PMC 3338089: "have demonstrated significant impact"
        ("Long-lasting insecticide-treated bed nets (LLITN) have demonstrated significant impact in reducing "
         "malaria-related childhood morbidity and mortality.", "malaria-related childhood morbidity and mortality"),
        # PubMed 26702177: present tense, no past one
        ("Physical and mental comorbidity is common and has significant implications for overall health outcomes.",
         "overall health outcomes"),
        # PMC 5360580: an earlier result of the same authors
        ("Recently we showed that intraperitoneal administration of Pls improved cognitive function in experimental "
         "animals.", "cognitive function"),
    ]
    for sentence, outcome in cases:
        assert general(sentence), sentence
        got = types_of("Background. " + sentence, entities=[("OUTCOME", outcome)])
        assert got[1] not in ("finding", "adverse_effect"), sentence


def test_a_result_of_the_study_before_its_methods_stays_a_finding():
    # PMC 4871204, its 4th sentence: the abstract reports before any design sentence (past tense, the study's groups)
    sentence = "There was no significant difference between the two groups in the incidence of acute rejection."
    assert not general(sentence)
    got = types_of("Background. " + sentence, entities=[("OUTCOME", "incidence of acute rejection")])
    assert got[1] == "finding"


def test_a_verdict_of_other_work_is_background_unless_it_weighs_two_arms():
    # PMC 5193306: "has been reported as being beneficial" - a belief of the field
    sentence = "Hypnotherapy has been reported as being beneficial in the treatment of irritable bowel syndrome (IBS)."
    assert known(sentence) and not weighs_arms(sentence)
    got = types_of("Background. " + sentence, entities=[("INTERVENTION", "Hypnotherapy"),
                                                        ("OUTCOME", "irritable bowel syndrome")])
    assert got[1] == "background"
    # Evidence Inference asks about "studies have shown that LMWHs are as effective as unfractionated heparin"
    assert weighs_arms("Randomized studies have shown that LMWHs are as effective as unfractionated heparin.")


def test_what_was_compared_is_no_result():
    cases = [  # methods sentences whose result words stand in the subject only
        # PMC 3349250
        ("Between-treatment differences in the mean duration of each state were calculated.",
         [("OUTCOME", "mean duration of each state")]),
        # PMC 4898395
        ("Differences in physiological parameters and quality of sedation were compared using Area Under the Curve "
         "(AUC) method and either Mann-Witney or t-student tests.", [("OUTCOME", "quality of sedation")]),
        # PMC 3160381
        ("PFS times with defining the disease progression as death or a ≥ 5% decline in VC were also compared between "
         "high-dose pirfenidone and placebo groups, and low-dose pirfenidone and placebo groups.", [("OUTCOME", "PFS times"), ("INTERVENTION", "high-dose pirfenidone"),
                                                        ("COMPARATOR", "placebo")]),
    ]
    for sentence, ents in cases:
        assert measured_only(sentence, [], frozenset({"percentage"})), sentence
        assert types_of(DESIGN + sentence, entities=ents)[1] is None, sentence


def test_a_comparison_that_says_how_it_came_out_reports():
    cases = [  # Results sentences of the dev abstracts: the result words after the verb, or in the subject
        # PMC 5446455
        ("When the groups were compared at the end of the study, a significant decrease was observed in VAS, PDI and "
         "HIT values in the individuals in the BAT and aerobic exercise groups.", [("OUTCOME", "VAS")]),
        # PMC 3525032
        ("Although no statistically significant differences were observed between and within groups when adrenalin, "
         "noradrenalin and dopamine values were compared, serum cortisol levels after CO2 insufflation in PLMA group "
         "were significantly lower than the ETT group (p = 0.024).",
         [("OUTCOME", "serum cortisol levels")]),
    ]
    for sentence, ents in cases:
        assert not measured_only(sentence, [], frozenset({"percentage"})), sentence
        assert types_of(DESIGN + sentence, entities=ents)[1] == "finding", sentence
