"""Round 8 typing cues (:mod:`claimex.assemble.claims.typecues`, the title rule of :mod:`.zones`) on real sentences
of ../shared that are not in the findings gold: PubMed XML samples (``pubmed-xml-samples``, cited by PMID) and
Evidence Inference 2.0 train abstracts (cited by PMC id). Sentences are typed in unlabelled abstracts (no section),
as the PubMed samples come in, unless a section is given."""

from claims_helpers import types_of

from claimex.assemble.claims import typecues
from claimex.assemble.claims.zones import title_like

# PMID 26702213: the title names the design; the background after it stays background
PROPOFOL = ("Prevention of hypotension associated with the induction dose of propofol: A randomized controlled trial. "
            "Propofol, the most commonly used intravenous (IV) anesthetic agent is associated with hypotension on "
            "induction. "
            "Different methods have been used to prevent hypotension but with variable results.")


def test_a_title_naming_the_design_does_not_end_the_background():
    got = types_of(PROPOFOL, entities=[("INTERVENTION", "propofol"), ("OUTCOME", "hypotension", 1),
                                      ("INTERVENTION", "Propofol"), ("OUTCOME", "hypotension", 2)])
    assert got[1:] == ["background", "background"]
    assert title_like("Prevention of hypotension ...: A randomized controlled trial.", None, 0)
    # a first sentence with a verb is a sentence of the abstract (synthetic records start so)
    assert not title_like("Patients received pemetrexed.", None, 0)
    # a title-case relative clause is part of the title (PMID 30646110 in PICO-Corpus style)
    assert title_like("Effects of a Hypnosis Session in Patients Who Underwent Minor Breast Cancer Surgery.", None, 0)
    assert title_like("A prospective, randomized, placebo-controlled clinical trial.", None, 1)
    assert not title_like("Randomized controlled trial.", "TITLE", 0)  # labelled titles are the zones' business


def test_earlier_work_is_background():
    # PMID 26702360 / 26703908: what earlier studies associated, in the background of an unlabelled abstract
    for sentence in ("Achievement of normal volume status is crucial in hemodialysis (HD), since both volume expansion "
                     "and volume contraction have been associated with adverse outcome and events.",
                     "High achievement in school has been associated with increased risk of eating disorders."):
        assert typecues.EARLIER_WORK.search(sentence), sentence
    assert not typecues.EARLIER_WORK.search("Randomized studies have shown that LMWHs are as effective as heparin.")


def test_a_hedged_belief_in_the_background_is_no_verdict():
    # PMID 26321012: "low" is an evaluation word, but "likely contribute" states a belief
    text = ("Dietary advice and potassium-enriched groceries for African Americans with hypertension. "
            "Unhealthy diets, often low in potassium, likely contribute to racial disparities in blood pressure.")
    got = types_of(text, entities=[("INTERVENTION", "Unhealthy diets"), ("OUTCOME", "blood pressure")])
    assert got[1] == "background"


def test_zero_counts_and_counted_events_are_results():
    # PMID 25345997, 26702289, 26702272, 26702316 (unlabelled abstracts, after their methods sentences)
    methods = "Patients were randomized to brain stimulation or sham. "
    cases = [("There was no operative mortality.", [("OUTCOME", "operative mortality")], "finding"),
             ("There were no postoperative complications.", [("OUTCOME", "postoperative complications")],
              "adverse_effect"),
             ("During the post-discharge follow-up period (median 49 months) 32 patients died for any reason.",
              [("OUTCOME", "died")], "finding"),
             ("No patients suffered from symptomatic gastric hypomotility.",
              [("OUTCOME", "symptomatic gastric hypomotility")], "finding")]
    for sentence, ents, want in cases:
        assert types_of(methods + sentence, entities=ents)[1] == want, sentence
    # "had" is no event: "The questionnaire had items to assess two aspects" (PMID 26702258)
    assert types_of(methods + "The questionnaire had items to assess two aspects.")[1] is None


def test_method_lists_report_nothing():
    # PMID 26702211, 26702202: what was recorded, whatever its words ("complications", "changes")
    methods = "Patients were randomized to PLMA or ETT. "
    for sentence, outcome in (("Postoperative complications if any, were noted.", "Postoperative complications"),
                              ("Duration of postoperative analgesia, hemodynamic changes, central nervous system and "
                               "cardiovascular system toxicity were recorded.", "hemodynamic changes")):
        assert types_of(methods + sentence, entities=[("OUTCOME", outcome)])[1] is None, sentence
    # a zero count is no list of methods
    assert not typecues.lists_methods("No complications were noted.")


def test_tolerability_verdicts_are_results_generalisations_are_not():
    # PMID 26702392: a past-tense verdict on harms
    text = "Patients were randomized to trastuzumab doses. Patients in each group of different dosage were well-tolerated."
    assert types_of(text, entities=[("OUTCOME", "well-tolerated")])[1] == "finding"
    # PMID 26432126: "results show that X is a safe, well-tolerated approach" generalises
    assert not typecues.TOLERABILITY.search("Long-term follow-up results show that BIL IOL implantation is a safe, "
                                            "well-tolerated approach for treatment.")


def test_equivalence_is_a_result_unless_hedged():
    # PMID 26200789 (observed) and 25466483 (hedged: "appear to be")
    assert typecues.ZERO_COUNT.search("Pyriproxyfen was equally effective against older parous mosquitoes.")
    methods = "Eyes were randomized to laser or manual surgery. "
    assert types_of(methods + "The 2 cataract surgery techniques appear to be equally safe.",
                    entities=[("OUTCOME", "safe")])[1] is None


def test_design_participles_that_modify_a_noun_are_no_methods_cue():
    from claimex.assemble.claims.types import is_methods

    # PICO-Corpus-style sentences; "randomly assigned" is an adjective of the counted patients
    assert not is_methods("Among 5,637 randomly assigned patients, 323 events were observed in the intent-to-treat "
                          "population.")
    assert is_methods("Patients were randomly assigned to exercise or usual care.")
    assert is_methods("We randomly assigned 120 patients to A or B.")
    # PMID 26668917: a passive in a leading "when" clause sets the scene
    assert typecues.leading_passive("When data of each LHU were analysed, the SIR estimate makes it evident") \
        == "analysed"
    assert not is_methods("When side effects were investigated nausea was observed in 30 patients (3.6%).")


def test_a_power_calculation_and_groups_alike_report_nothing():
    assert typecues.POWER.search("The trial was powered for 33% reduction in recurrence rate (from 60 to 40%).")
    # EI 2.0 train, PMC 5745479: a limitation, no calculation
    assert not typecues.POWER.search("Although the study was not powered for subgroup analysis, this suggests ...")
    # PMID 26207958: a list of sample attributes led by age
    assert typecues.groups_alike("Age, body mass index (BMI), results of RPL evaluation, and number of prior losses "
                                 "were not significantly different between the groups.")
    assert typecues.groups_alike("Treatment arms were comparable for tumor size and performance status.")
    assert not typecues.groups_alike("Pain scores were not significantly different between the groups.")


def test_a_judging_tail_does_not_hedge_the_result_before_it():
    # PMID 25378408: ", a result that provides further evidence that ..." judges what the clause found
    text = ("we used the purified CsrS extracellular domain to pull down LL-37 in vitro, a result that provides "
            "further evidence that LL-37 binds to CsrS.")
    assert typecues.judging_tail(text) == "we used the purified CsrS extracellular domain to pull down LL-37 in vitro"
    assert typecues.judging_tail("No tail here.") == "No tail here."


def test_every_cue_match_holds_a_gate_keyword(pubmed_sentences):
    # the gates' promise (gates.Gated): a text without a keyword has no match, so skipping it changes nothing
    gates = [typecues.EARLIER_WORK, typecues.POWER, typecues._ARMS_ALIKE, typecues._ALIKE_SUBJECT,
             typecues.METHOD_LIST, typecues.ZERO_COUNT, typecues.TOLERABILITY, typecues.HARMS, typecues._TAIL]
    gates = [run for gate in gates for run in getattr(gate, "runs", (gate,))]  # an Alternation: each run's gate
    hits = 0
    for text in [t for t in pubmed_sentences if t.isascii()]:
        for gate in gates:
            for m in gate.pattern.finditer(text):
                hits += 1
                assert any(k in m.group().lower() for k in gate.keywords), (gate.pattern.pattern[:40], m.group())
    assert hits > 20


def test_a_conclusion_saying_what_there_was_states_a_result():
    # PubMed 25345997's sentence under a Conclusions label: the past tense reports what was seen
    got = types_of("There was no operative mortality.", ["CONCLUSIONS"], [("OUTCOME", "operative mortality")])
    assert got == ["finding"]
    assert types_of("There is no effective therapy for X.", ["CONCLUSIONS"], [("OUTCOME", "X")]) == ["conclusion"]
