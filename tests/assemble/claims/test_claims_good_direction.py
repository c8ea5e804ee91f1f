"""An outcome's good direction is that of what it measures (issue 10, session 18; GUIDELINES, Findings: "Improved X"
is an increase when more X is better; docs/claims-rounds.md section 32.6): an outcome that names a harm while measuring
freedom from it, the time until it happens, or knowing / handling it is one where more is better. Real outcome names
and sentences from ../shared (Evidence Inference train prompts, EBM-NLP train abstracts; none in the findings gold)."""

import pytest
from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.harms import harmful


@pytest.mark.parametrize("outcome", [
    "The 2- and 5-year recurrence-free survival rate",  # Evidence Inference PMC4282697
    "days alive and free of  acute lung injury (ALI)",  # PMC1550825
    "Median time to treatment failure",  # PMC1968186
    "time to first relapse",  # PMC5027814
    "Average time to death",  # PMC4809387
    "time to first pulmonary exacerbation",  # PMC3931289
    "Stress Management",  # PMC1913939
    "CASE Children's Arthritis Self-Efficacy scale",  # PMC5852975
    "Attitudes Toward a Healthful Diet",  # PMC1913939 ("die" is a word of its own, not inside "Diet")
    "dietary intake",
])
def test_freedom_time_until_and_handling_of_a_harm_are_not_harmful(outcome):
    assert not harmful(outcome)


@pytest.mark.parametrize("outcome", [
    "recurrence rate", "Time to onset of sensory block", "pain scores", "mortality", "relapse", "patients who died",
    "dying at home",
    "serum free testosterone and anxiety",  # "free" not of the harm
    "relapse-free survival and toxicity",  # a harm outside the stretch that names freedom from another
    # Evidence Inference PMC4990415: the self-efficacy is the weight's; the emotions and the discomfort are harms
    "total weight self-efficacy score, negative emotions and physical discomfort subscales",
])
def test_the_harms_themselves_stay_harmful(outcome):
    assert harmful(outcome)


def test_an_improved_recurrence_free_survival_is_an_increase():
    # EBM-NLP PMID 16864164 (radiotherapy vs chemotherapy after mastectomy): "improved" of an event-free survival
    # was read as less of a harm (decrease)
    text = ("Among premenopausal patients distant metastases occurred less frequently in the CT group (relative hazard: "
            "1.68, p > 0.001) resulting in an improved recurrence-free survival (p = 0.04).")
    rec = make_record(text, [("OUTCOME", "distant metastases"), ("INTERVENTION", "CT"),
                             ("OUTCOME", "recurrence-free survival")])
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    got = {tuple(entity_texts(rec, c.outcome)): (c.direction, c.significant) for c in claims_of(rec)}
    assert got[("recurrence-free survival",)] == ("increase", True)
    assert got[("distant metastases",)][0] == "decrease"


@pytest.mark.parametrize("outcome", [
    "time of diagnosis", "Mean time from diagnosis to initiation of NAT", "OSA diagnosis rate", "prognosis",
    "hypothesis testing", "Active extension ROM", "flexion/extension", "sustained attention", "retention rate",
    "intention to quit", "switch rate", "Langerhans cell density", "asymptomatic", "painless delivery",
    "anti-inflammatory effect", "antiviral activity", "blood pressure control", "BP control", "good nausea control",
    "control of acute and delayed CINV", "pain threshold", "mechanical hyperalgesia threshold", "glucose tolerance",
    "time to distant metastasis", "Median time to progression", "progression-free survival", "empathy scores",
    "osteopathy", "breast abscess healing rate", "Time to second disease progression", "event-free survival",
    "event free survival", "pain free days",
    "time to first event", "retention rate", "complete cell-cycle arrest", "academic performance",
])
def test_words_that_only_end_like_a_disease_are_no_harm(outcome):
    # "-osis" names a disease ("fibrosis"), "hypo-" a disorder ("hypoglycaemia"); "diagnosis", "prognosis",
    # "hypothesis" name neither; "tension" and "itch" are harms as words, not inside "extension", "attention",
    # "switch" (findings gold outcome names and common outcome words; session 31)
    assert not harmful(outcome)


@pytest.mark.parametrize("outcome", ["liver fibrosis", "new diagnoses of osteoporosis", "stenosis", "hypoglycaemia",
                                     "gingivitis", "abdominal distension", "abdominal distention", "muscle tension",
                                     "tension-type headache", "hypertension", "itching", "anger",
                                     "asymptomatic bacteriuria and urinary tract infection", "bladder control symptoms",
                                     "pain scores in the control group",
                                     # session 31: disorders that name toxicities and complications
                                     "Grade 3/4 neutropenia", "febrile neutropenia", "seroma formation",
                                     "erectile dysfunction", "Grade 3 sensory neuropathy", "distant metastases",
                                     "hand-foot syndrome", "arthralgia", "grade 3 anemia", "anaemia", "alopecia",
                                     "acne-like rash", "wound dehiscence", "postoperative hematoma", "air leak",
                                     "amount of lymphatic leakage", "leg cramps", "laryngospasm", "disease progression",
                                     "diabetic retinopathy", "xerostomia", "dysphagia", "cardiovascular events",
                                     "event rates", "leukemia", "skin flap ischaemia", "fever", "pulmonary embolism",
                                     "bradycardia", "somnolence", "chills", "episodes of central apnea", "tinnitus",
                                     "cardiac arrest", "fluid retention", "postoperative urinary retention"])
def test_the_diseases_of_those_suffixes_stay_harmful(outcome):
    assert harmful(outcome)


def test_an_improved_survival_beside_the_time_of_diagnosis_is_an_increase():
    # PICO-Corpus PMID 22105826 (findings gold, tune half): "at the time of diagnosis", tagged as an outcome of the
    # claim, made the whole claim's outcome a harm ("diagnosis" read as a disease in -osis): "improved" became a decrease
    text = ("In exploratory analyses, TX/CEX improved breast cancer-specific survival (HR, 0.64; 95% CI, 0.44 to 0.95; "
            "P = .027) and RFS in women with triple-negative disease and in women who had more than three metastatic "
            "axillary lymph nodes at the time of diagnosis.")
    rec = make_record(text, [("INTERVENTION", "TX/CEX"), ("OUTCOME", "breast cancer-specific survival"),
                             ("OUTCOME", "RFS"), ("OUTCOME", "time of diagnosis")])
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    got = [(entity_texts(rec, c.outcome), c.direction) for c in claims_of(rec)]
    assert got and all(direction == "increase" for outcomes, direction in got
                       if "breast cancer-specific survival" in outcomes), got


def test_fewer_neutropenias_with_the_intervention_is_a_decrease():
    # EBM-NLP-style result sentence built on the outside abstracts' commonest missed harm (session 31): a harm named
    # by its disorder ("neutropenia") was read as a good outcome, so "improved" and the prior turned the wrong way
    text = "Neutropenia improved significantly with pegfilgrastim compared with placebo (P = 0.01)."
    rec = make_record(text, [("OUTCOME", "Neutropenia"), ("INTERVENTION", "pegfilgrastim"),
                             ("COMPARATOR", "placebo")])
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    got = [(entity_texts(rec, c.outcome), c.direction, c.significant) for c in claims_of(rec)]
    assert (["Neutropenia"], "decrease", True) in got, got
