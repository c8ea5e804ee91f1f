"""Direction and significance rules of issue 10, round 3, each on a real sentence from ../shared: mostly
Evidence Inference 2.0 *train* abstracts (PMC ids in the comments), a few from the findings gold's tune
abstracts (EvidenceMap, Evidence Inference)."""

from claims_helpers import claims_of, finding_of, make_record, significance_of

from claimex.assemble.claims.clauses import clauses
from claimex.assemble.claims.direction import comparison_evidence
from claimex.assemble.claims.harms import harmful
from claimex.assemble.claims.polarity import _hits, _subject_side, cue_edges, own_cue
from claimex.assemble.claims.significance import (
    BETWEEN_NULL,
    NONE_IN_ANY_ARM,
    ONE_ARM_ONLY,
    compares_arms,
)


def test_compound_cue_needs_exactly_one_comparative():
    # PMC4756971: "lower and longer" are two cues (one per outcome), not one compound whose signs multiply
    hits = _hits("the first analgesic demand were significantly lower and longer in study group", harmful=False)
    assert [h[2] for h in hits] == [-1, 1]
    assert [h[2] for h in _hits("greater reduction", harmful=False)] == [-1]


def test_reference_arm_after_its_value():
    # PMC5866829: the placebo group follows "compared with 2.6 ± 2.9 times per week in": it is the reference
    text = ("Japanese patients with chronic constipation were randomized to receive elobixibat (5, 10, or 15 mg) or "
            "placebo once daily for 2 weeks. In the 10- and 15-mg groups, frequency of spontaneous bowel movements "
            "(±standard deviation) were significantly higher than baseline (5.7 ± 4.2 and 5.6 ± 3.5 times per week, "
            "respectively, compared with 2.6 ± 2.9 times per week in the placebo group [P = 0.0005, P = 0.0001, "
            "respectively]).")
    rec = make_record(text, [("INTERVENTION", "elobixibat"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "frequency of spontaneous bowel movements"), ("COMPARATOR", "placebo", 1)])
    claim = finding_of(rec, "significantly higher")
    assert claim.direction == "increase" and claim.significant is True


def test_result_words_inside_an_outcome_span_are_cues():
    # PMC1224861: the tagger took "poorer" into the outcome; it is the sentence's cue all the same
    text = ("Those patients undergoing off-pump surgery had significantly poorer left ventricular function than "
            "those undergoing on-pump surgery (28.6 ± 5.8% vs. 40.5 ± 7.4%, respectively, p < 0.05).")
    rec = make_record(text, [("INTERVENTION", "off-pump surgery"), ("COMPARATOR", "on-pump surgery"),
                             ("OUTCOME", "poorer left ventricular function")])
    claim = finding_of(rec, "poorer")
    assert claim.direction == "decrease" and claim.significant is True
    assert cue_edges("weight decrease", 0, 15) == (0, 7)
    assert cue_edges("improvements", 0, 12) == (0, 0)
    assert cue_edges("clinical improvement", 0, 20) == (0, 20)  # an outcome's name, not a result word


def test_reference_word_beats_subject_mentions_of_the_same_side():
    # PMC5587887: both arms came out on the comparator side; "than in the telephone group" still makes the
    # Internet group the subject of "lower"
    text = ("The mean global satisfaction score was lower (P=.03) in the Internet group (68.9; 95% CI 66.4-71.4) "
            "than in the telephone group (72.1; 95% CI 70.4-74.6).")
    arms = [(text.index("Internet"), text.index("Internet") + 8, "C"),
            (text.index("telephone"), text.index("telephone") + 9, "C")]
    cue = text.index("lower")
    assert _subject_side(text, arms, cue, cue + 5) == "I"
    # a reference on each side: the nearest subject decides (PMC1702540)
    text = ("The 18 hungry subjects of the trained group had significantly lower glucose levels (80.1 ± 6.3 mg/dL) "
            "than the 42 hungry control subjects (89.2 ± 10.2 mg/dL; p = 0.01).")
    arms = [(text.index("hungry"), text.index("hungry") + 6, "I"), (text.index("trained"), text.index("trained") + 7, "I"),
            (text.index("hungry", 40), text.index("hungry", 40) + 6, "I"),
            (text.index("control"), text.index("control") + 7, "C")]
    cue = text.index("lower")
    assert _subject_side(text, arms, cue, cue + 5) == "I"


def test_harmful_outcomes_read_improvement_as_decrease():
    # PMC2649924: amiodarone "more effective" for total arrhythmia = less arrhythmia
    text = ("The use of amiodarone for total arrhythmia was significantly more effective than prophylactic treatment "
            "with magnesium sulphate (p = 0.015).")
    rec = make_record(text, [("INTERVENTION", "amiodarone"), ("COMPARATOR", "magnesium sulphate"),
                             ("OUTCOME", "total arrhythmia")])
    assert finding_of(rec, "more effective").direction == "decrease"
    assert harmful("independence level in activities of daily living") is False
    # PMC3961245: "pain control" is gained, not suffered
    assert harmful("strength gain for all muscles and pain control") is False
    assert harmful("pain") is True
    # PMC546184, PMC3661377: severity scales (a higher score is worse)
    assert harmful("HAMD17 total score") and harmful("baseline in DLQI scores")


def test_p_equal_to_alpha_read_with_the_authors_word():
    # PMC3474775: "significant declines ... (−3.3 mmHg, p = 0.05)" is significant; a bare p = 0.05 is not
    assert significance_of("Participants randomized to lisinopril vs. L-placebo had significant declines in diastolic BP "
                           "(−3.3 mmHg, p = 0.05)") is True
    assert significance_of("had no significant declines in diastolic BP (−3.3 mmHg, p = 0.05)") is False
    assert significance_of("was lower (p = 0.05)") is False


def test_curly_brackets_and_a_glued_but_end_a_clause():
    # PMC3606612: "{p = 0.82}but the serum ferritin was significantly higher in the IV iron sucrose group"
    text = ("The TSAT at 6 months was not different between the two groups {p = 0.82}but the serum ferritin was "
            "significantly higher in the IV iron sucrose group {85.5 ug/L in HIP and 244 ug/L; p = 0.004}.")
    assert [text[a:b].split()[:3] for a, b in clauses(text)][1] == ["but", "the", "serum"]
    rec = make_record(text, [("INTERVENTION", "HIP"), ("COMPARATOR", "IV iron sucrose"), ("OUTCOME", "TSAT"),
                             ("OUTCOME", "serum ferritin")])
    claim = next(c for c in claims_of(rec) if rec.entities[3].id in c.outcome)
    assert claim.direction == "decrease" and claim.significant is True


def test_a_significance_level_is_no_result():
    # PMC1513247: "at the p < .05 level" names the level; the words say the differences were not significant
    assert significance_of("The differences between conditions for diarrhoea, bloating and flatulence were not significant at "
                           "the p < .05 level.") is False
    assert significance_of("The difference was significant at p < 0.05.") is True


def test_no_difference_between_groups_in_the_outcomes_clause():
    # PMC3672778: the P-values test the change with each treatment; between the groups there is none
    text = ("PgR and Ki67 expression were significantly reduced with all treatments (means were -34% to -45%, and "
            "-75% to -85%, respectively; all P = 0.0001), with no differences between groups.")
    ms = make_record(text).measures
    spans = [(0, len("PgR and Ki67 expression"), "O")]
    ev = comparison_evidence(text, 0, ms, spans, [], "PgR and Ki67 expression")
    assert ev.significant is False


def test_equivalence_and_denied_change_words():
    # PMC59610, PMC3747867
    assert significance_of("Randomized studies have shown that LMWHs are as effective as unfractionated heparin in the prevention "
                           "of recurrent venous thromboembolism.") is False
    assert significance_of("Reductions in DD were accompanied by significant improvements in healthy eating, physical activity, "
                           "and medication adherence, although not by change in HbA1c.".split(", although ")[1]) is False
    assert significance_of("was twice as effective as placebo (p < 0.01)") is True


def test_two_values_side_by_side_compare_two_groups():
    # PMC5006415: no arm entity for "in parallel", yet the sentence compares the two choreographies
    text = ("The median (IQR) time to completion of the tasks in series was 125 (112 – 158) seconds and in parallel "
            "122 (108 – 158) seconds, p = 0.92.")
    assert compares_arms(text, make_record(text).measures)
    assert not compares_arms("Pain scores decreased from 6.4 to 2.4 in the closed capsule group.")
    # PMC4722945: the intranasal value against the untagged intramuscular one decides the sign
    text = "Mean time to success was 16 min for intranasal and 13 min for intramuscular (P < 0.001)."
    rec = make_record(text, [("INTERVENTION", "intranasal"), ("OUTCOME", "Mean time to success")])
    claim = finding_of(rec, "Mean time")
    assert claim.direction == "increase" and claim.significant is True


def test_nothing_in_any_arm_of_a_controlled_design_is_no_difference():
    # PMC3580671 (title, then a results sentence)
    text = ("Clinical and microbiological efficacy of continuous versus intermittent application of meropenem in "
            "critically ill patients: a randomized open-label controlled trial\n"
            "No severe adverse events related to meropenem administration in either group were observed.")
    rec = make_record(text, [("INTERVENTION", "continuous"), ("COMPARATOR", "intermittent application of meropenem"),
                             ("OUTCOME", "severe adverse events")], title=True)
    rec.sentences[1].section = "RESULTS"
    assert finding_of(rec, "No severe").direction == "no_difference"
    assert NONE_IN_ANY_ARM.search("No postoperative morbidity or mortality occurred in either group.")
    assert not NONE_IN_ANY_ARM.search("No postoperative complications such as hemorrhage were observed.")


def test_a_test_after_respectively_compares_the_arms():
    # PMC3532036: one test per outcome after the arm values "respectively" pairs up: a comparison, not arms apart
    text = ("The one-year recurrence rates were 53.3% and 86.6% in patients treated with sorafenib and capecitabine, "
            "respectively (χ2 = 3.968, P < 0.05), and the one-year survival rates were 93.3% and 46.6%, respectively "
            "(χ2 = 7.777, P < 0.05).")
    rec = make_record(text, [("OUTCOME", "one-year recurrence rates"), ("INTERVENTION", "sorafenib"),
                             ("COMPARATOR", "capecitabine"), ("OUTCOME", "one-year survival rates")])
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    assert [c.direction for c in claims] == ["decrease", "increase"]
    assert all(c.comparator == [rec.entities[2].id] for c in claims)


def test_a_change_in_one_arm_but_not_the_other_is_a_comparison():
    # PMC3759413
    text = "Circulating irisin increased significantly in simvastatin-treated but not in ezetimibe-treated subjects."
    assert compares_arms(text)
    rec = make_record(text, [("OUTCOME", "Circulating irisin"), ("INTERVENTION", "simvastatin-treated"),
                             ("COMPARATOR", "ezetimibe-treated")])
    claim = finding_of(rec, "irisin")
    assert claim.direction == "increase" and claim.significant is True
    assert ONE_ARM_ONLY.search("In addition, the blood caffeine level also increased only in the caffeine group")


def test_earlier_is_less_time():
    # PMC5827033
    text = ("Time to nasogastric tube removal in the TEA group was earlier than in the control group (4.22 ± 1.01 vs "
            "4.97 ± 1.67 d, P = 0.049).")
    rec = make_record(text, [("OUTCOME", "Time to nasogastric tube removal"), ("INTERVENTION", "TEA"),
                             ("COMPARATOR", "control")])
    claim = finding_of(rec, "earlier")
    assert claim.direction == "decrease" and claim.significant is True


def test_reference_phrase_with_a_bracketed_value():
    # PMC3781573: "than in the IP (72%) strategy group": the strategy group is the reference, not the subject
    text = ("In 1,075 BARI 2D participants with no DPN at baseline, the 4-year cumulative incidence rate of DPN was "
            "significantly lower in the IS (66%) than in the IP (72%) strategy group (P = 0.02).")
    cue = text.index("lower")
    arms = [(text.index("BARI 2D"), text.index("BARI 2D") + 7, "I"), (text.index("IP ("), text.index("IP (") + 2, "C"),
            (text.index("strategy group"), text.index("strategy group") + 14, "C")]
    assert _subject_side(text, arms, cue, cue + 5) == "I"
    # PMC2836833: every mention on the intervention side: the nearest subject decides, as before
    text = ("Fecal fat loss expressed as percent of fat intake was significantly higher with 1500 mg (high-Ca) "
            "compared to 500 mg (low-Ca) calcium intake per day (mean: 3.0%; the 95% CI: 2.3 to 3.7%; P <0.001) "
            "independent of calcium source and lactose digestion status.")
    cue = text.index("higher")
    arms = [(text.index(w), text.index(w) + len(w), "I") for w in ("high-Ca", "low-Ca", "calcium", "calcium source",
                                                                    "lactose")]
    assert _subject_side(text, arms, cue, cue + 6) == "I"


def test_change_within_and_no_difference_between_give_two_findings():
    # PMC3751503 (methods, then results): the single-arm change and the between-group comparison
    text = ("A total of 67 patients undergoing ACL reconstruction at 6 independent investigation sites were "
            "randomized into one of two intervention groups, BioCleanse-sterilized or aseptic BTB allografts. "
            "Active flexion ROM significantly improved from pre-op to 24-month follow-up (P < 0.0001) with no "
            "difference between groups at any time point.")
    rec = make_record(text, [("INTERVENTION", "BioCleanse-sterilized"), ("INTERVENTION", "aseptic BTB allografts"),
                             ("OUTCOME", "Active flexion ROM")])
    rec.sentences[1].section = "RESULTS"
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    assert [(c.direction, c.significant) for c in claims] == [("no_difference", False), ("positive", True)]
    assert claims[1].comparator == [] and claims[1].outcome == claims[0].outcome
    # EvidenceMap 10348763: the no-difference words are of the methods; the change within them is significant
    text = ("In an analysis of 82 children who received a full course of 6 days or more of AmB ( 117 courses ) , it "
            "was shown that there were significant increases in plasma urea and creatinine concentrations and in "
            "potassium requirement after 6 days of therapy with both AmB infused in dextrose and AmB infused in lipid "
            "emulsion , with there being no difference between the two methods of AmB administration .")
    rec = make_record(text, [("OUTCOME", "plasma urea"), ("INTERVENTION", "AmB infused in dextrose"),
                             ("INTERVENTION", "AmB infused in lipid emulsion")])
    rec.sentences[0].section = "RESULTS"
    claims = claims_of(rec)
    assert [(c.direction, c.significant, bool(c.comparator)) for c in claims] == [("no_difference", False, True),
                                                                                  ("positive", True, False)]


def test_not_different_between_the_two_formulas():
    # PMC1852321: a significant increase within both groups, not different between the formulas
    assert BETWEEN_NULL.search("but was not significantly different between the two formulas (p = 0.36)")
    text = ("A significant increase in defecation frequency (NF: 3.5 pre versus 5.6/week post treatment; SF 3.6 pre "
            "versus 4.9/week post treatment) was found in both groups, but was not significantly different between "
            "the two formulas (p = 0.36).")
    ms = make_record(text).measures
    start = text.index("defecation frequency")
    ev = comparison_evidence(text, 0, ms, [(start, start + 20, "O")], [], "defecation frequency")
    assert ev.significant is False and ev.within


def test_significance_not_taken_across_a_contrast():
    # PMC3131514: the trend (p = 0.062) is of lipolysis in the fasted state, not of the outcome after "but"
    text = ("Compared with placebo, prednisolone treatment tended to decrease lipolysis in the fasted state "
            "(p = 0.062), but both prednisolone 7.5 mg and prednisolone 30 mg decreased insulin-mediated suppression "
            "of lipolysis by 11 ± 5% and 34 ± 6%, respectively.")
    ms = make_record(text).measures
    start = text.index("insulin-mediated")
    spans = [(start, start + len("insulin-mediated suppression of lipolysis"), "O")]
    ev = comparison_evidence(text, 0, ms, spans, [], "insulin-mediated suppression of lipolysis")
    assert ev.significant is None and ev.cue == "decrease"


def test_outcomes_with_opposite_change_words_are_claims_of_their_own():
    # PMC5777641: "better ... and coping style" is one result, "higher levels of IL-2" and "lower levels of
    # cortisol" one each; the test after the list is every one's
    text = ("Compared with the controls, patients in the intervention group had a better mental state and coping "
            "style (confrontation), higher levels of IL-2 and lower levels of cortisol (all P<0.05).")
    rec = make_record(text, [("COMPARATOR", "controls"), ("INTERVENTION", "intervention group"),
                             ("OUTCOME", "mental state"), ("OUTCOME", "coping style"), ("OUTCOME", "levels of IL-2"),
                             ("OUTCOME", "lower levels of cortisol")])
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    names = {e.id: e.text for e in rec.entities}
    assert [([names[o] for o in c.outcome], c.direction) for c in claims] == [
        (["mental state", "coping style"], "increase"), (["levels of IL-2"], "increase"),
        (["lower levels of cortisol"], "decrease")]
    assert all(c.significant is True for c in claims)
    assert own_cue("the i-gel provided shorter insertion time and higher OLP", 27, 41) == -1


def test_significant_difference_without_its_sign_favours_the_intervention():
    # EI train PMC3636954 (label increase): a significant difference, no change word, no arm values: the prior
    # (more of a beneficial outcome with the intervention) gives the sign, with or without the classifier
    text = ("Patients were treated with Periobone-G or hydroxyapatite granules. "
            "The mean change in alveolar crest level between control and experimental groups was significant (P=0.02).")
    rec = make_record(text, [("INTERVENTION", "Periobone-G"), ("COMPARATOR", "hydroxyapatite granules"),
                             ("OUTCOME", "mean change in alveolar crest level")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "increase" and claim.significant is True
    # EI train PMC1868017 (label decrease): of a harmful outcome, less
    text = ("Participants were randomised to a fall prevention programme or a control group. "
            "Differences in the changes between IG and CG were found in depression (p = 0.017).")
    rec = make_record(text, [("INTERVENTION", "fall prevention programme"), ("COMPARATOR", "control group"),
                             ("INTERVENTION", "IG"), ("COMPARATOR", "CG"), ("OUTCOME", "depression")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "decrease" and claim.significant is True


def test_null_of_the_other_side_of_a_contrast():
    # PubMed XML sample 19368899 (findings gold, tune): the no-change words after "whereas" are said of the control
    # arm alone; the outcome's own clause has no test: its change word decides, significance not stated
    text = ("Subjects were randomised to computerized auditory training or a computer game control condition. "
            "This increase was evident after 2 weeks of training, and after 10 weeks in the active condition, "
            "subjects \"normalized\" their mean serum BDNF levels, whereas the control group showed no change.")
    rec = make_record(text, [("INTERVENTION", "computerized auditory training"),
                             ("COMPARATOR", "computer game control condition"), ("INTERVENTION", "training", 1),
                             ("OUTCOME", "mean serum BDNF levels"), ("COMPARATOR", "the control group")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "increase" and claim.significant is None
    # EI train PMC3556314 and PMC3672764 (both labelled no significant difference): the other side names neither
    # an arm nor another outcome ("this difference"), or writes the claim's outcome again: its null is this one's
    for text, ents in (
            ("Patients were randomised to PEMF or sham treatment. Patients in the PEMF group showed a higher rate of "
             "union than those in the control group after the first three months of treatment, but this difference "
             "failed to achieve statistical significance.",
             [("INTERVENTION", "PEMF"), ("COMPARATOR", "sham treatment"), ("INTERVENTION", "PEMF group"),
              ("OUTCOME", "rate of union"), ("COMPARATOR", "control group")]),
            ("Patients were randomised to rilonacept or placebo. Pain reduction over the 72-hour period with "
             "rilonacept alone (-0.69 ± 0.97) was less than that in the other groups, but pain reduction was similar "
             "among groups at 72 hours.",
             [("INTERVENTION", "rilonacept"), ("COMPARATOR", "placebo"), ("OUTCOME", "Pain reduction"),
              ("INTERVENTION", "rilonacept", 1), ("OUTCOME", "pain reduction")])):
        rec = make_record(text, ents)
        rec.sentences[1].section = "RESULTS"
        outcome = next(e.id for e in rec.entities if e.label == "OUTCOME")
        claim = next(c for c in claims_of(rec) if c.sentence == 1 and outcome in c.outcome)
        assert claim.direction == "no_difference" and claim.significant is False
