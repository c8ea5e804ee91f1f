"""A span the sentence frames as the outcome's measuring method or as the condition treated is no arm (issue 10,
session 22, :mod:`claimex.assemble.claims.framed`). Real abstracts with the entities the shipped tagger gives them
(populations left out): two OPEN tune abstracts of the findings gold (not the report half) - PubMed 22331954 ("...
compared with docetaxel alone when given to an unselected HER2/neu-negative cohort as first-line treatment for ABC",
where "ABC", advanced breast cancer, is tagged INTERVENTION) and PubMed 4577526 ("By HBPM, SBP dropped by 17±10.8 at
week 6", home blood pressure monitoring) - and one PICO-Corpus abstract outside the gold (PubMed 27013473, "In a
randomized, sham-controlled trial of EA for prevention of taxane-induced CIPN, there were no differences in pain or
neuropathy")."""

from claims_helpers import claims_of, entity_texts, make_record

import claimex.assemble.claims.arms as arms_mod
from claimex.assemble.claims import framed
from claimex.assemble.claims.framed import framed_not_arm
from claimex.assemble.claims.switches import without

TEXT_ABC = 'First-line treatment of advanced breast cancer with sunitinib in combination with docetaxel versus docetaxel alone: results of a prospective, randomized phase III study. To investigate whether sunitinib plus docetaxel improves clinical outcomes for patients with human epidermal growth factor receptor 2 (HER2)/neu-negative advanced breast cancer (ABC) versus docetaxel alone. In this phase III study, patients were randomly assigned to open-label combination therapy (sunitinib 37.5 mg/d, days 2 to 15 every 3 weeks; and docetaxel 75 mg/m(2), day 1 every 3 weeks) or monotherapy (docetaxel 100 mg/m(2) every 3 weeks). Progression-free survival (PFS) was the primary end point. Two hundred ninety-six patients were randomly assigned to combination therapy, and 297 patients were assigned to monotherapy. Median PFS times were 8.6 and 8.3 months with combination therapy and monotherapy, respectively (hazard ratio, 0.92; one-sided P = .265). The objective response rate (ORR) was significantly higher with the combination (55%) than with monotherapy (42%; one-sided P = .001). Duration of response was similar in both arms (7.5 months with the combination v 7.2 months with monotherapy). Median overall survival (OS) times were 24.8 and 25.5 months with combination therapy and monotherapy, respectively (one-sided P = .904). There were 107 deaths with the combination and 91 deaths with monotherapy. The frequency of common adverse events (AEs) was higher with the combination, as were treatment discontinuations caused by AEs. The combination of sunitinib plus docetaxel improved ORR but did not prolong either PFS or OS compared with docetaxel alone when given to an unselected HER2/neu-negative cohort as first-line treatment for ABC. Sunitinib combination therapy may also have resulted in AEs that yield an unfavorable risk-benefit ratio. The sunitinib-docetaxel regimen evaluated in this study is not recommended for further use in ABC.'
ENTS_ABC = [
    ('INTERVENTION', 'sunitinib'),
    ('INTERVENTION', 'combination with docetaxel'),
    ('INTERVENTION', 'docetaxel alone'),
    ('INTERVENTION', 'sunitinib plus docetaxel'),
    ('INTERVENTION', 'advanced breast cancer', 1),
    ('INTERVENTION', 'ABC'),
    ('INTERVENTION', 'docetaxel alone', 1),
    ('INTERVENTION', 'combination therapy'),
    ('INTERVENTION', 'sunitinib', 2),
    ('INTERVENTION', 'docetaxel', 4),
    ('INTERVENTION', 'monotherapy'),
    ('INTERVENTION', 'docetaxel', 5),
    ('OUTCOME', 'Progression-free survival (PFS)'),
    ('INTERVENTION', 'combination therapy', 1),
    ('INTERVENTION', 'monotherapy', 1),
    ('OUTCOME', 'Median PFS times'),
    ('INTERVENTION', 'combination therapy', 2),
    ('INTERVENTION', 'monotherapy', 2),
    ('OUTCOME', 'objective response rate (ORR)'),
    ('INTERVENTION', 'combination', 4),
    ('INTERVENTION', 'monotherapy', 3),
    ('OUTCOME', 'Duration of response'),
    ('INTERVENTION', 'combination', 5),
    ('INTERVENTION', 'monotherapy', 4),
    ('OUTCOME', 'Median overall survival (OS) times'),
    ('INTERVENTION', 'combination therapy', 3),
    ('INTERVENTION', 'monotherapy', 5),
    ('INTERVENTION', 'combination', 7),
    ('INTERVENTION', 'monotherapy', 6),
    ('OUTCOME', 'frequency of common adverse events'),
    ('OUTCOME', 'AEs'),
    ('INTERVENTION', 'combination', 8),
    ('OUTCOME', 'AEs', 1),
    ('INTERVENTION', 'combination', 9),
    ('INTERVENTION', 'sunitinib plus docetaxel', 1),
    ('OUTCOME', 'ORR', 1),
    ('OUTCOME', 'PFS', 2),
    ('OUTCOME', 'OS', 1),
    ('INTERVENTION', 'docetaxel alone', 2),
    ('INTERVENTION', 'ABC', 1),
    ('INTERVENTION', 'Sunitinib combination therapy'),
    ('OUTCOME', 'AEs', 2),
    ('INTERVENTION', 'sunitinib-docetaxel'),
    ('INTERVENTION', 'ABC', 2),
]

TEXT_HBPM = 'TITLE: Efficacy of Blood Pressure reduction of Losartan in selected Thai populations using Home Blood Pressure Monitoring and Office Blood Pressure measurements\n\n  ABSTRACT.BACKGROUND::\nAngiotensin Receptor Blockades (ARB) is becoming a first line drug for essential Hypertension for many types of patient. Losartan is the prototype of ARB due to its vast clinical trials. Home Blood pressure monitoring can provide accurate evaluation of certain drug effect on blood pressure with small number of patient samples. Local production of medicine has made the Medicine readily available and could bring about clinical improvement. Our hypothesis was that Thai population with essential hypertension responded quite well to Losartan and Generic Losartan was not inferior to Original- Losartan.\n\nABSTRACT.OBJECTIVE::\nTo evaluate the effectiveness and safety in BP reduction by Losartan in certain Thai population and to compare these parameters between Generic Losartan and Original-Losartan using both office and HBPM method.\n\nABSTRACT.METHOD::\nAfter a two-week run-in period when they would learn to use HBPM device and their blood pressure were still recorded to be higher than 140/90 by office BP or 135/85 by HBPM with or without previous medical regimen, 24 patients were randomized to receive either Generic Losartan or Original-Losartan for 6 weeks. Then they would cross over to receive the alternative and were followed again at 6 weeks. HBPM was performed in the morning and in the evening for 5 days, at baseline, and after 6 & 12 weeks. Office BP measurements were obtained at baseline and after 6 & 12 weeks.\n\nABSTRACT.RESULT::\nOne patient in each group dropped out from the study. 22 patients with average age of 54 and averaged office BP 154/88 completed the 12 weeks study. By office BP, SBP was reduced by 27±14.2 at week 6 and 28±15.1 mmHg at week 12. By HBPM, SBP dropped by 17±10.8 at week 6 and by 18±9. at week12. At the end of 12 weeks 68% (15/22) of patients had Office BP <140/90 and 64% (14/22) of patients had HBPM <135/85. There was no significant difference of BP reduction at week 6 between Original-xLosartan and Generic Losartan group. After crossover the BP reduction was maintained in both groups. The percentage of patient whose Office BP <140/90 or HBPM <135/85 were not different among the two Losartan groups. There was no serious adverse side effect.\n\nABSTRACT.CONCLUSION::\nUsing both office BP and HBPM this group of Thai patient with essential hypertension responded well to Losartan and Generic Losartan.\n'
ENTS_HBPM = [
    ('OUTCOME', 'Efficacy of Blood Pressure reduction'),
    ('INTERVENTION', 'Losartan'),
    ('OUTCOME', 'Home Blood Pressure'),
    ('INTERVENTION', 'Pressure Monitoring'),
    ('INTERVENTION', 'Office'),
    ('OUTCOME', 'Office Blood Pressure measurements'),
    ('INTERVENTION', 'Angiotensin Receptor Blockades'),
    ('INTERVENTION', 'ARB'),
    ('INTERVENTION', 'Losartan', 1),
    ('INTERVENTION', 'ARB', 1),
    ('OUTCOME', 'Home Blood pressure'),
    ('INTERVENTION', 'pressure monitoring'),
    ('OUTCOME', 'blood pressure with small number of patient'),
    ('OUTCOME', 'Local production of medicine'),
    ('INTERVENTION', 'Losartan and Generic Losartan'),
    ('INTERVENTION', 'Losartan', 4),
    ('OUTCOME', 'effectiveness'),
    ('OUTCOME', 'safety in BP reduction'),
    ('INTERVENTION', 'Losartan', 5),
    ('INTERVENTION', 'Generic Losartan and Original-Losartan'),
    ('INTERVENTION', 'office'),
    ('INTERVENTION', 'HBPM'),
    ('INTERVENTION', 'HBPM device'),
    ('OUTCOME', 'blood pressure', 1),
    ('INTERVENTION', 'office', 1),
    ('OUTCOME', 'office BP'),
    ('INTERVENTION', 'HBPM', 2),
    ('INTERVENTION', 'Generic Losartan', 2),
    ('INTERVENTION', 'Original-Losartan', 1),
    ('INTERVENTION', 'HBPM', 3),
    ('INTERVENTION', 'Office', 1),
    ('OUTCOME', 'Office BP measurements'),
    ('INTERVENTION', 'office', 2),
    ('OUTCOME', 'office BP', 1),
    ('INTERVENTION', 'office', 3),
    ('OUTCOME', 'office BP, SBP'),
    ('INTERVENTION', 'HBPM', 4),
    ('OUTCOME', 'SBP', 1),
    ('INTERVENTION', 'Office', 2),
    ('OUTCOME', 'Office BP', 1),
    ('INTERVENTION', 'HBPM', 5),
    ('OUTCOME', 'BP reduction at week'),
    ('INTERVENTION', 'Original-xLosartan'),
    ('INTERVENTION', 'Generic Losartan', 3),
    ('OUTCOME', 'BP reduction', 2),
    ('OUTCOME', 'percentage of patient'),
    ('INTERVENTION', 'Office', 3),
    ('OUTCOME', 'Office BP', 2),
    ('INTERVENTION', 'HBPM', 6),
    ('INTERVENTION', 'Losartan', 12),
    ('OUTCOME', 'serious adverse side effect'),
    ('INTERVENTION', 'office', 4),
    ('OUTCOME', 'office BP', 3),
    ('INTERVENTION', 'HBPM', 7),
    ('INTERVENTION', 'Losartan and Generic Losartan', 2),
]

TEXT_CIPN = 'Randomized sham-controlled pilot trial of weekly electro-acupuncture for the prevention of taxane-induced peripheral neuropathy in women with early stage breast cancer. To investigate the effect of electro-acupuncture (EA) as a non-pharmacological intervention to prevent or reduce chemotherapy-induced peripheral neuropathy (CIPN) in breast cancer patients undergoing chemotherapy of taxane. Women with stage I-III breast cancer scheduled to receive taxane therapy were randomized to receive a standardized protocol of 12 true or sham EA (SEA) weekly treatments concurrent with taxane treatment. Subjects completed the Brief Pain Inventory-Short Form (BPI-SF), Functional Assessment of Cancer Therapy-Taxane neurotoxicity subscale (FACT-NTX), and other assessments at baseline and weeks 6, 12, and 16. A total of 180 subjects were screened, 63 enrolled and 48 completed week 16 assessments. Mean age was 50 with 25 % white, 25 % black, and 43 % Hispanic; 52 % had no prior chemotherapy. At week 12, both groups reported an increase in mean BPI-SF worst pain score, but no mean differences were found between groups (SEA 2.8 vs. EA 2.6, P = .86). By week 16, the SEA group returned to baseline, while the EA group continued to worsen (SEA 1.7 vs. EA 3.4, P = .03). The increase in BPI-SF worst pain score was 1.62 points higher in the EA group than in the SEA group at week 16 (P = .04). In a randomized, sham-controlled trial of EA for prevention of taxane-induced CIPN, there were no differences in pain or neuropathy between groups at week 12. Of concern, subjects on EA had a slower recovery than SEA subjects. Future studies should focus on EA for treatment as opposed to prevention of CIPN. '
ENTS_CIPN = [
    ('INTERVENTION', 'electro-acupuncture'),
    ('INTERVENTION', 'electro-acupuncture (EA)'),
    ('INTERVENTION', 'non-pharmacological intervention'),
    ('INTERVENTION', 'chemotherapy-induced peripheral neuropathy'),
    ('INTERVENTION', 'CIPN'),
    ('INTERVENTION', 'chemotherapy', 1),
    ('INTERVENTION', 'taxane', 1),
    ('INTERVENTION', 'taxane therapy'),
    ('INTERVENTION', 'sham EA (SEA)'),
    ('INTERVENTION', 'treatments concurrent with taxane treatment'),
    ('OUTCOME', 'Brief Pain Inventory-Short Form (BPI-SF)'),
    ('OUTCOME', 'Functional Assessment of Cancer Therapy-Taxane neurotoxicity subscale (FACT-NTX)'),
    ('OUTCOME', 'other assessments'),
    ('INTERVENTION', 'chemotherapy', 2),
    ('OUTCOME', 'mean BPI-SF worst pain score'),
    ('INTERVENTION', 'SEA', 1),
    ('INTERVENTION', 'EA', 4),
    ('INTERVENTION', 'SEA', 2),
    ('INTERVENTION', 'EA', 6),
    ('INTERVENTION', 'SEA', 3),
    ('INTERVENTION', 'EA', 8),
    ('OUTCOME', 'BPI-SF worst pain score', 1),
    ('INTERVENTION', 'EA', 9),
    ('INTERVENTION', 'SEA', 4),
    ('INTERVENTION', 'EA', 11),
    ('INTERVENTION', 'taxane-induced CIPN'),
    ('OUTCOME', 'pain or neuropathy'),
    ('INTERVENTION', 'EA', 12),
    ('OUTCOME', 'recovery'),
    ('INTERVENTION', 'SEA', 5),
    ('INTERVENTION', 'EA', 14),
    ('INTERVENTION', 'CIPN', 2),
]


def _interventions(text, ents, opening):
    rec = make_record(text.strip(), ents, title=True)
    return [entity_texts(rec, c.intervention) for c in claims_of(rec)
            if c.text.startswith(opening) and c.type in ("finding", "adverse_effect")]


ABC = "The combination of sunitinib plus docetaxel improved ORR"
HBPM = "By HBPM, SBP dropped"
CIPN = "In a randomized, sham-controlled trial of EA for prevention"




def test_the_condition_a_treatment_is_for_is_no_arm():
    got = _interventions(TEXT_ABC, ENTS_ABC, ABC)
    assert got and all("ABC" not in arms for arms in got)
    assert ["sunitinib plus docetaxel"] in got


def test_without_the_rule_the_condition_is_an_intervention():
    with without("framed_not_arm"):
        assert ["ABC"] in _interventions(TEXT_ABC, ENTS_ABC, ABC)


def test_the_outcome_s_measuring_method_is_no_arm():
    got = _interventions(TEXT_HBPM, ENTS_HBPM, HBPM)
    assert got and all("HBPM" not in arms for arms in got)


def test_without_the_rule_the_method_is_the_intervention():
    with without("framed_not_arm"):
        assert ["HBPM"] in _interventions(TEXT_HBPM, ENTS_HBPM, HBPM)


def test_prevention_of_a_condition_outside_the_gold():
    assert _interventions(TEXT_CIPN, ENTS_CIPN, CIPN) == [["EA"]]


def test_without_the_rule_the_prevented_condition_is_the_intervention():
    with without("framed_not_arm"):
        assert _interventions(TEXT_CIPN, ENTS_CIPN, CIPN) == [["taxane-induced CIPN"]]


def test_treatment_of_introduces_a_therapy_not_a_condition():
    # "sequential treatment of AC-chemotherapy and hormonal therapy" (PICO-Corpus PubMed 18777410): not framed
    rec = make_record("Our findings show that sequential treatment of AC-chemotherapy and hormonal therapy is "
                      "associated with lower test scores.", [("INTERVENTION", "AC-chemotherapy")])
    view = arms_mod.SentenceView(0, 0, len(rec.text), rec.text, None, list(rec.entities))
    assert not framed_not_arm(view, rec.entities[0])


def test_gate_never_rejects_a_framing():
    """``_may_frame`` (the cheap word test in front of the two searches) is True wherever either pattern matches:
    every 60-character window ending at each character of the abstracts above, plus framings in several cases and
    spacings."""
    texts = [t[max(0, k - 60):k] for t in (TEXT_ABC, TEXT_HBPM, TEXT_CIPN) for k in range(len(t) + 1)]
    texts += ["the pain was measured by ", "as Assessed With The ", "first-line treatment for patients with ",
              "prevention of an ", "prophylaxis  against\n", "was evaluated via a ", "monitored using  an "]
    matched = [t for t in texts if framed._MEASURED_BY.search(t) or framed._TREATS.search(t)]
    assert len(matched) >= 9
    assert all(framed._may_frame(t) for t in matched)
    assert not framed._may_frame("the pain was measured by") and not framed._may_frame("given with docetaxel ")
