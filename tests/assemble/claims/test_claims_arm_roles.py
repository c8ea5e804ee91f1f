"""Arm roles of issue 10 (arms3): bare control labels resolved to the design's named control arm, arms
coordinated with a syntactic comparator, two valued arms set against each other - each on real sentences
from ../shared."""

from claims_helpers import claims_of, ent, finding_of, make_record

from claimex.assemble.claims.arms import _coordinated_comparators
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import Arm


def test_bare_control_group_is_the_control_arm_the_design_named():
    # Evidence Inference 3917487: "the control group" is the ordinary yogurt of the design sentence, not a
    # bare "control" mention
    text = ("Effects of probiotic yogurt on performance of young adult female endurance swimmers: a randomized "
            "controlled trial. "
            "Subjects were randomly assigned into two groups,receiving either 400 ml probiotic yogurt "
            "(intervention group) or ordinary yogurt (control group) daily for 8weeks. "
            "The average numberof episodes of respiratory infection in the intervention group was 0.9 day, which "
            "was statistically fewer than thatin the control group (1.4 days), P=0.009.")
    rec = make_record(text, [("INTERVENTION", "probiotic yogurt"), ("INTERVENTION", "probiotic yogurt", 1),
                             ("COMPARATOR", "ordinary yogurt"), ("COMPARATOR", "control", 1),
                             ("INTERVENTION", "intervention group", 1), ("COMPARATOR", "control", 2),
                             ("OUTCOME", "episodes of respiratory infection")], title=True)
    claim = finding_of(rec, "respiratory infection")
    assert claim.comparator == [ent(rec, "ordinary yogurt")]
    assert ent(rec, "control", 1) in claim.arm_mentions  # the sentence's own mention


def _rocuronium():
    # Evidence Inference 3558644 (methods and a result sentence)
    text = ("For this prospective, randomized, placebo-controlled, double-blind study a total of 140 patients were "
            "randomly allocated to one of 4 treatment groups to receive intravenously placebo (saline), lidocaine "
            "(20 mg), ketorolac (10 mg), or both (n = 35 for each group), with venous occlusion. "
            "There was a significantly lower incidence of withdrawal movements in patients receiving the "
            "lidocaine/ketorolac combination than in those receiving lidocaine or ketorolac alone (P = 0.009 and "
            "0.002, respectively).")
    return make_record(text, [("COMPARATOR", "placebo"), ("INTERVENTION", "lidocaine"),
                              ("INTERVENTION", "ketorolac"), ("INTERVENTION", "lidocaine/ketorolac combination"),
                              ("INTERVENTION", "lidocaine", 2), ("INTERVENTION", "ketorolac", 2),
                              ("OUTCOME", "incidence of withdrawal movements")])


def test_arms_coordinated_after_than_are_all_comparators():
    # "than in those receiving lidocaine or ketorolac alone": both are what the combination is set against,
    # never an intervention beside it
    rec = _rocuronium()
    claims = [c for c in claims_of(rec) if "lidocaine/ketorolac" in c.text]
    assert claims and all(c.intervention == [ent(rec, "lidocaine/ketorolac combination")] for c in claims)


def test_one_claim_per_comparator_arm_with_its_own_p_value():
    # one comparison per claim: combination vs lidocaine (P = 0.009), combination vs ketorolac (P = 0.002)
    rec = _rocuronium()
    claims = [c for c in claims_of(rec) if "lidocaine/ketorolac" in c.text]
    meas = {m.id: m.text for m in rec.measures}
    got = sorted((rec_text(rec, c.comparator), [meas[i] for i in c.measures]) for c in claims)
    # round 8 (joined.alone_kept): the span cut before "alone" takes the word in, as the design names the arm
    assert got == [(["ketorolac alone"], ["0.002"]), (["lidocaine"], ["P = 0.009"])]


def test_a_list_of_arms_after_no_comparison_cue_sets_none_against_another():
    # Evidence Inference 3558644's methods sentence: "placebo (saline), lidocaine (20 mg), ketorolac (10 mg),
    # or both" lists the arms; only an arm introduced by "than" / "compared with" passes its side on
    rec = _rocuronium()
    view = sentence_views(rec)[0]
    arms = [Arm(e.start, e.end, e.text, e, "I") for e in view.label("INTERVENTION")]
    _coordinated_comparators(view, arms)
    assert [a.side for a in arms] == ["I", "I"]
    result = sentence_views(rec)[1]
    arms = [Arm(e.start, e.end, e.text, e, "I") for e in result.label("INTERVENTION")]
    _coordinated_comparators(result, arms)
    assert [a.side for a in arms] == ["I", "C", "C"]


def test_as_effective_as_introduces_the_reference_arm():
    # Evidence Inference 59610: "LMWHs are as effective as unfractionated heparin" - heparin is the comparator
    text = ("Low-molecular-weight heparins in the treatment of venous thromboembolism. "
            "Randomized studies have shown that LMWHs are as effective as unfractionated heparin in the prevention "
            "of recurrent venous thromboembolism, and are as safe with respect to the occurrence of major "
            "bleeding.")
    rec = make_record(text, [("INTERVENTION", "Low-molecular-weight heparins"),
                             ("INTERVENTION", "LMWHs", 0, "low-molecular-weight heparins"),
                             ("INTERVENTION", "unfractionated heparin"),
                             ("OUTCOME", "recurrent venous thromboembolism")], title=True)
    claim = finding_of(rec, "as effective as")
    assert claim.intervention == [ent(rec, "LMWHs")] and claim.comparator == [ent(rec, "unfractionated heparin")]


def rec_text(rec, ids):
    by = {e.id: e.text for e in rec.entities}
    return [by[i] for i in ids]


def test_two_arms_with_values_of_their_own_are_set_against_each_other():
    # Evidence Inference 1968186: the design names the arms in one span; the result gives each arm its value
    # and names no comparator - the later arm is the comparator, not a second intervention
    text = ("Forty patients with advanced breast cancer, randomised to receive CMF or weekly low dose Epirubicin, "
            "were evaluated by UICC criteria of response and WHO toxicity criteria. "
            "Median time to treatment failure was 24 weeks for CMF, 7 weeks for epirubicin (P < 0.05) but survival "
            "was similar in both groups.")
    rec = make_record(text, [("POPULATION", "advanced breast cancer"),
                             ("INTERVENTION", "CMF or weekly low dose Epirubicin"), ("INTERVENTION", "CMF", 1),
                             ("INTERVENTION", "epirubicin"), ("OUTCOME", "Median time to treatment failure")])
    claim = finding_of(rec, "treatment failure")
    # the result sentence's own mentions (the design span is split into "CMF" / "weekly low dose Epirubicin" first)
    assert claim.intervention == [ent(rec, "CMF", -1)] and claim.comparator == [ent(rec, "epirubicin")]
    assert claim.direction == "increase"  # 24 vs 7 weeks, read relative to the claim's own arms


def test_a_change_in_every_subject_is_no_comparison_of_arms():
    # EvidenceMap 10563544: the sign test is over the subjects' own change after nicotine; the placebo arm of
    # the crossover design is not carried as the claim's comparator
    text = ("All 17 subjects were given nicotine or placebo solution on two separate occasions in a randomized "
            "sequence. "
            "Tone in all 17 subjects was reduced significantly at 3 min after nicotine ( P = 0.000015 , sign "
            "test ) ; the rate of recovery varied in individuals .")
    rec = make_record(text, [("INTERVENTION", "nicotine"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "Tone"), ("INTERVENTION", "nicotine", 1)])
    claim = finding_of(rec, "Tone in all")
    assert claim.intervention == [ent(rec, "nicotine", 1)] and claim.comparator == []


def test_a_comparative_said_of_one_arm_compares_it_with_the_design_comparator():
    # EvidenceMap 8885803: "greater ... for the triamcinolone ... group" with no "than": the placebo arm of the
    # design is the comparator
    text = ("METHODS One hundred forty patients received either a once daily 220-microgram dose of triamcinolone "
            "acetonide aqueous nasal spray or placebo for 2 weeks. "
            "Both patients and physicians reported a greater overall improvement in symptoms for the triamcinolone "
            "acetonide aqueous nasal spray group .")
    rec = make_record(text, [("INTERVENTION", "triamcinolone acetonide aqueous nasal spray"),
                             ("COMPARATOR", "placebo"), ("OUTCOME", "overall improvement in symptoms"),
                             ("INTERVENTION", "triamcinolone acetonide aqueous nasal spray", 1)])
    claim = finding_of(rec, "greater overall")
    assert claim.intervention == [ent(rec, "triamcinolone acetonide aqueous nasal spray", 1)]
    assert claim.comparator == [ent(rec, "placebo")]


def test_the_arm_after_allocated_to_is_no_design_alternative():
    # Evidence Inference 5827033: "to" after "allocated" introduces the first arm; only "compare X to Y" makes
    # the arm after "to" the alternative
    from claimex.assemble.claims.context import design_comparators

    text = "After gastrectomy, the patients were randomly allocated to the TEA (n = 33) or control (n = 30) group."
    rec = make_record(text, [("INTERVENTION", "gastrectomy"), ("INTERVENTION", "TEA"), ("COMPARATOR", "control")])
    view = sentence_views(rec)[0]
    assert design_comparators(view, view.label("INTERVENTION", "COMPARATOR")) == {ent(rec, "control")}


def test_combined_with_joins_one_regimen_not_an_alternative():
    # Evidence Inference 5728271: "X combined with the Connect parenting programme" is what the intervention
    # group received, not the design's alternative (no "compare" in the sentence)
    from claimex.assemble.claims.context import design_comparators

    text = ("Parents in the intervention group received culturally tailored societal information combined with the "
            "Connect parenting programme during 12 weeks for 1–2 hours per week.")
    rec = make_record(text, [("INTERVENTION", "intervention"),
                             ("INTERVENTION", "culturally tailored societal information combined"),
                             ("INTERVENTION", "Connect parenting programme")])
    view = sentence_views(rec)[0]
    assert design_comparators(view, view.label("INTERVENTION")) == set()


def test_arms_after_following_that_a_comparison_sets_against_each_other_are_arms():
    # Evidence Inference 5883528: "following HIT than following MCT" names the arms, not the setting
    text = ("Exercise and postprandial lipemia: effects on vascular health in inactive adults. "
            "The aim of this study was to determine the effects of a 12-week high-intensity training (HIT) and "
            "moderate continuous training (MCT) protocol on postprandial lipemia. "
            "The total cholesterol response expressed as area under curve (AUC)(0–240) was lower following HIT "
            "than following MCT, but no significant differences were observed (8%, P > 0.05).")
    rec = make_record(text, [("INTERVENTION", "Exercise"), ("INTERVENTION", "high-intensity training (HIT)"),
                             ("INTERVENTION", "moderate continuous training (MCT)"),
                             ("INTERVENTION", "HIT", 1, "high-intensity training"),
                             ("INTERVENTION", "MCT", 1, "moderate continuous training"),
                             ("OUTCOME", "total cholesterol response")], title=True)
    claim = finding_of(rec, "total cholesterol response")
    assert claim.intervention == [ent(rec, "HIT")] and claim.comparator == [ent(rec, "MCT")]


def test_non_x_is_the_other_arm_not_a_mention_of_x():
    # Evidence Inference 5816600: "non-ARB" is control-worded and a different arm from "ARB" (its words hold
    # ARB's, but "non" negates them), so "comparable between ARB and non-ARB groups" sets ARB against non-ARB
    from claimex.assemble.claims.base import entity_words
    from claimex.assemble.claims.context import is_control, same_intervention

    text = ("Cardiovascular and renal protective role of angiotensin blockade in hypertension with advanced CKD. "
            "In patients with G3b and/or A3, the incidence of cardiovascular events was significantly less in ARB "
            "group than in non-ARB group (11 vs 22, respectively) (HR = 0.465: 95%CI = 0.224–0.965; P = 0.040). "
            "On the other hand, in the other patients, the occurrence of cardiovascular events was comparable "
            "between ARB and non-ARB groups.")
    rec = make_record(text, [("INTERVENTION", "angiotensin blockade"), ("INTERVENTION", "ARB"),
                             ("INTERVENTION", "non-ARB"), ("INTERVENTION", "ARB", 2), ("INTERVENTION", "non-ARB", 1),
                             ("OUTCOME", "incidence of cardiovascular events"),
                             ("OUTCOME", "occurrence of cardiovascular events")], title=True)
    by = {e.id: e for e in rec.entities}
    arb, non = by[ent(rec, "ARB")], by[ent(rec, "non-ARB")]
    assert is_control(non) and not same_intervention(entity_words(arb), entity_words(non))
    claim = finding_of(rec, "comparable between")
    assert claim.intervention == [ent(rec, "ARB", 1)] and claim.comparator == [ent(rec, "non-ARB", 1)]


def test_x_alone_beside_another_arm_is_the_comparator():
    # Evidence Inference 5217661: "between the FMS/RSV and FMS alone groups" - FMS alone is the control arm
    text = ("Reductions in siSBP and siDBP were not significantly different between the FMS/RSV and FMS alone "
            "groups (p = 0.500 and p = 0.734, respectively).")
    rec = make_record(text, [("OUTCOME", "siSBP"), ("OUTCOME", "siDBP"), ("INTERVENTION", "FMS/RSV"),
                             ("INTERVENTION", "FMS", 1)])
    claim = finding_of(rec, "FMS alone")
    # round 8 (joined.alone_kept): the tagged "FMS" takes "alone" into its span
    assert claim.intervention == [ent(rec, "FMS/RSV")] and claim.comparator == [ent(rec, "FMS alone")]


def test_an_abbreviation_in_an_arm_phrase_resolves_through_its_long_form():
    # Evidence Inference 4218764: "the PVB group" (PVB = paravertebral nerve block) is the paravertebral block
    # arm, not the title's main intervention
    from claimex.schema import Abbreviation

    text = ("Ropivacaine after right-lobe hepatectomy. "
            "We hypothesized that continuous right thoracic paravertebral block, following bolus initiation, "
            "decreases opioid consumption after right-lobe hepatectomy. "
            "The cumulative sufentanil consumption in the PVB group (54.3 ± 12.1 μg) at 24 postoperative hours was "
            "more than 20% less than that of the control group (68.1 ± 9.9 μg) (P < 0.001).")
    rec = make_record(text, [("INTERVENTION", "Ropivacaine"),
                             ("INTERVENTION", "continuous right thoracic paravertebral block"),
                             ("COMPARATOR", "control"), ("OUTCOME", "cumulative sufentanil consumption")],
                      title=True)
    at = text.index("PVB")
    rec.abbreviations = [Abbreviation(start=at, end=at + 3, short="PVB", long="Paravertebral nerve block")]
    claim = finding_of(rec, "PVB group")
    assert claim.intervention == [ent(rec, "continuous right thoracic paravertebral block")]


def test_an_and_far_from_the_cue_and_from_any_arm_joins_measures_not_arms():
    # PubMed 19368899: "... or a computer game control condition, followed by reassessment of cognition and
    # serum BDNF" - BDNF (tagged as an intervention) is measured, not the design's alternative
    from claimex.assemble.claims.context import design_comparators

    text = ("Schizophrenia subjects were randomly assigned to either 50 hours (10 weeks) of computerized auditory "
            "training or a computer game control condition, followed by reassessment of cognition and serum BDNF.")
    rec = make_record(text, [("INTERVENTION", "computerized auditory training"), ("INTERVENTION", "computer game"),
                             ("COMPARATOR", "control condition"), ("INTERVENTION", "BDNF")])
    view = sentence_views(rec)[0]
    assert design_comparators(view, view.label("INTERVENTION", "COMPARATOR")) == {ent(rec, "control condition")}


def test_span_the_design_never_named_leaves_a_slot_that_holds_a_design_arm():
    # EI train PMC 3573541: "pre-eclampsia (PE)", tagged as interventions in a result sentence, are outcome
    # words the design never named as arms; the claim's intervention is the yoga arm alone
    text = ("Effect of the integrated approach of yoga therapy on platelet count and uric acid in pregnancy: A "
            "multicenter stratified randomized single-blind study. "
            "To examine the effect of yoga on platelet counts and serum Ua in high-risk pregnancy. "
            "Significantly lesser number of women in the yoga group (n = 3) developed pregnancy-induced "
            "hypertension (PIH) / pre-eclampsia (PE) than those in the control group (n = 12), with absolute risk "
            "reduction (ARR) by 21%.")
    rec = make_record(text, [("INTERVENTION", "yoga therapy"), ("OUTCOME", "platelet count"),
                             ("INTERVENTION", "yoga", 1), ("OUTCOME", "platelet counts"),
                             ("INTERVENTION", "yoga", 2), ("OUTCOME", "pregnancy-induced hypertension"),
                             ("INTERVENTION", "pre-eclampsia"), ("INTERVENTION", "PE"), ("COMPARATOR", "control")],
                      title=True)
    claim = finding_of(rec, "lesser number")
    assert claim.intervention == [ent(rec, "yoga", 1)]
    assert claim.comparator == [ent(rec, "control")]


def test_arm_coordinated_with_a_design_arm_stays():
    # EvidenceMap 11199239: "workshop-only and enriched-model nurses" - both are arms, though the design
    # sentences named only the workshops
    text = ("Is hands-on experience more effective than didactic workshops in postgraduate cancer pain education ? "
            "Four hundred ninety six home , hospital , and hospice nurses participated in a one-day workshop or "
            "two half-day workshops on cancer pain assessment and management . "
            "Attitudes , knowledge , and application skills significantly improved for workshop-only and "
            "enriched-model nurses relative to controls .")
    rec = make_record(text, [("INTERVENTION", "didactic workshops"), ("INTERVENTION", "one-day workshop"),
                             ("INTERVENTION", "two half-day workshops"), ("OUTCOME", "Attitudes"),
                             ("OUTCOME", "knowledge"), ("INTERVENTION", "workshop-only"),
                             ("INTERVENTION", "enriched-model"), ("COMPARATOR", "controls")], title=True)
    # both arms stay arms; coordinated, they give one finding each (coordinated.py), each against the controls,
    # the other arm kept as a mention of the sentence
    for arms in ("rules", None):
        claims = [c for c in claims_of(rec, arms=arms) if "application skills" in c.text and c.type == "finding"]
        assert sorted(c.intervention for c in claims) == sorted([[ent(rec, "workshop-only")],
                                                                 [ent(rec, "enriched-model")]])
        assert all(c.comparator == [ent(rec, "controls")] for c in claims)
        assert all({ent(rec, "enriched-model"), ent(rec, "workshop-only")} <= {*c.intervention, *c.arm_mentions}
                   for c in claims)
