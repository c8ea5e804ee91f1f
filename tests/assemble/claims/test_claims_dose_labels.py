"""Dose arms named by their dose ("the 75 mg group", "1200 mg: -34.5%") become arm mentions (claimex.assemble.claims.
doselabels; issue 10, session 18). Real sentences from ../shared (Evidence Inference abstracts outside the findings
gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.doselabels import dose_labels, sentence_dose_labels

# PMC3095445 (naftopidil 50 mg/day vs 75 mg/day)
NAFTOPIDIL = (
    "Clinical Feature of Men Who Benefit from Dose Escalation of Naftopidil for Lower Urinary Tract Symptoms: A "
    "Prospective Study. "
    "Based on the IPSS, men reporting LUTS were prospectively studied using 50 mg/day of naftopidil for the first 4 "
    "weeks; satisfied patients continued its 50 mg/day (n = 11), and those reporting unsatisfactory improvement "
    "received its 75 mg/day (n = 35) for the next 4 weeks. "
    "The 75 mg group showed improvement in the total IPSS and QOL score in a dose-dependent manner (at 4 weeks: "
    "P < .001, at 4 weeks versus 8 weeks: P < .05). "
    "The baseline slow stream score alone was higher in the 75 mg group (P = .013).")
# PMC3166670, PMC4033571, PMC2782153, PMC2265739
LISTED = ("A positive PPI test was observed in 91.7%, 89.4%, and 87.2% of the 15 mg, 30 mg, and 60 mg groups, "
          "respectively.")
PER_ARM = ("When data were analyzed separately for study site clusters, a post hoc analysis demonstrated that both "
           "SPN-804 dosages were significantly superior to placebo in median percent seizure reduction (placebo: "
           "−13.3%; 1200 mg: −34.5%, P = 0.02; 2400 mg: −52.7%, P = 0.006) in the North American study site cluster.")
STRATA = ("The comparisons were made individually in two subsets of infants by birth weight (<1,500 g group [n=253] "
          "and ≥1,500 g group [n=239]).")
DESIGN = ("Subjects (n = 70) with moderate to severe osteoarthritis of the knee were randomized to four "
          "double-blinded treatments for 12 weeks: (a) Glucosamine sulfate (1500 mg/d); (b) Aquamin (2400 mg/d); (c) "
          "Combined treatment composed of Glucosamine sulfate (1500 mg/d) plus Aquamin (2400 mg/d) and (d) Placebo.")


def labels(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_dose_labels(text, 0, len(text))]


def test_a_dose_before_a_group_word_or_in_a_per_arm_list_is_an_arm_label():
    assert labels(NAFTOPIDIL.split(". ")[2]) == ["75 mg"]  # not the time points "4 weeks:", "8 weeks:"
    assert labels(LISTED) == ["15 mg", "30 mg", "60 mg"]
    assert labels(PER_ARM) == ["1200 mg", "2400 mg"]


def test_strata_and_design_doses_are_not():
    assert labels(STRATA) == []
    assert labels(DESIGN) == []


def test_the_labels_become_intervention_entities_in_text_order_where_untagged():
    rec = make_record(NAFTOPIDIL, [("INTERVENTION", "naftopidil"), ("OUTCOME", "total IPSS"),
                                   ("OUTCOME", "baseline slow stream score"), ("INTERVENTION", "75 mg group", 1)],
                      title=True)
    dose_labels(rec)
    added = [e for e in rec.entities if e.id.startswith("D")]
    assert [(e.text, e.label) for e in added] == [("75 mg", "INTERVENTION")]
    assert [e.start for e in rec.entities] == sorted(e.start for e in rec.entities)
    assert sum(1 for e in rec.entities if "75 mg" in e.text) == 2  # the tagged "75 mg group" stays as it was


def test_a_finding_of_the_dose_arm_names_it():
    rec = make_record(NAFTOPIDIL, [("INTERVENTION", "naftopidil"), ("OUTCOME", "total IPSS"),
                                   ("OUTCOME", "baseline slow stream score")], title=True)
    claim = finding_of(rec, "The 75 mg group showed")
    assert entity_texts(rec, claim.intervention) == ["75 mg"]
