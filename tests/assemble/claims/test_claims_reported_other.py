"""The other arm as the results report it (issue 10, session 19, :mod:`claimex.assemble.claims.reportedother`).
Real sentences from ../shared (Evidence Inference train PMC 3269572, not in the findings gold; its key points left
out), with the entities the shipped tagger gives them: the aim tags "cancer liver metastases" (the disease) as an
arm, and it was the comparator the closing sentence carried."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.reportedother import names_arm
from claimex.assemble.claims.switches import without

MRI = (
    "MRI of colorectal cancer liver metastases: comparison of orally administered manganese with intravenously "
    "administered gadobenate dimeglumine. "
    "To compare the sensitivity of MRI to detect colorectal cancer liver metastases (CRLM) after ingestion of "
    "manganese-based contrast agent (CMC-001) with that of a comprehensive intravenous gadobenate dimeglumine "
    "protocol, and to assess the safety and acceptability of oral manganese. "
    "20 patients suspected of having 1–6 CRLM were included prospectively in this randomised cross-over study. "
    "Liver MRI was performed with a one-week interval at 1.5\xa0T and included T1-w VIBE and T2-HASTE, before and "
    "after administration of 1.6\xa0g CMC-001 or 0.1\xa0mmol/kg gadobenate dimeglumine. "
    "The metastasis-to-liver signal intensity (SI) ratio was calculated. "
    "Standard of reference was histopathology after surgery, or combination of other imaging studies and/or follow "
    "up. "
    "Adverse events (AE) and clinicolaboratory tests were monitored. "
    "Of 44 metastases, 41 were detected after CMC-001 (93%) and 42 after gadobenate dimeglumine (95%). "
    "Fifteen false–positive lesions were found after CMC-001 and 2 after gadobenate dimeglumine. "
    "The metastasis-to-liver SI ratio was significantly higher after CMC-001 than after gadobenate dimeglumine (0.51 "
    "and 0.21 respectively, P\u2009<\u20090.0001). "
    "More AE occurred after manganese compared to gadobenate dimeglumine. "
    "CMC-001 is as sensitive as an extensive intravenous gadobenate dimeglumine protocol in detecting CRLM. "
    "It was relatively well tolerated but had higher rates of gastrointestinal AE.")
GBD = "gadobenate dimeglumine"
MRI_ENTS = [
    ("INTERVENTION", "MRI"), ("OUTCOME", "colorectal cancer"), ("INTERVENTION", GBD),
    ("OUTCOME", "sensitivity"), ("INTERVENTION", "MRI", 1), ("OUTCOME", "colorectal cancer liver metastases", 1),
    ("INTERVENTION", "cancer liver metastases", 1), ("INTERVENTION", "CRLM"), ("INTERVENTION", "ingestion"),
    ("INTERVENTION", "manganese-based contrast agent (CMC-001)"), ("INTERVENTION", GBD, 1),
    ("OUTCOME", "safety and acceptability of oral manganese"),
    ("INTERVENTION", "CRLM", 1, "cancer liver metastases"),
    ("INTERVENTION", "Liver MRI"), ("OUTCOME", "T1-w VIBE"), ("OUTCOME", "T2-HASTE"),
    ("INTERVENTION", "CMC-001", 1), ("INTERVENTION", GBD, 2),
    ("OUTCOME", "metastasis-to-liver signal intensity (SI) ratio"),
    ("INTERVENTION", "surgery"), ("INTERVENTION", "combination"),
    ("OUTCOME", "Adverse events (AE)"), ("OUTCOME", "clinicolaboratory tests"),
    ("INTERVENTION", "CMC-001", 2), ("INTERVENTION", GBD, 3),
    ("OUTCOME", "Fifteen false–positive lesions"), ("INTERVENTION", "CMC-001", 3), ("INTERVENTION", GBD, 4),
    ("OUTCOME", "metastasis-to-liver SI ratio"), ("INTERVENTION", "CMC-001", 4), ("INTERVENTION", GBD, 5),
    ("OUTCOME", "More AE"), ("INTERVENTION", GBD, 6),
    ("INTERVENTION", "CMC-001", 5), ("INTERVENTION", GBD, 7), ("INTERVENTION", "CRLM", 2, "cancer liver metastases"),
    ("OUTCOME", "tolerated"), ("OUTCOME", "rates of gastrointestinal AE")]


def _closing(rec, claims):
    return next(c for c in claims if c.text.startswith("It was relatively well tolerated"))


def test_a_result_that_names_no_comparator_takes_the_arm_the_results_compare():
    rec = make_record(MRI, MRI_ENTS, title=True)
    assert entity_texts(rec, _closing(rec, claims_of(rec, arms="rules")).comparator) == [GBD]


def test_without_the_rule_it_carried_the_disease():
    rec = make_record(MRI, MRI_ENTS, title=True)
    with without("carry_reported_comparator"):
        assert entity_texts(rec, _closing(rec, claims_of(rec, arms="rules")).comparator) != [GBD]


def test_a_control_worded_carried_comparator_is_kept():
    # where the aim names a placebo (control words), the results' other arm does not replace it
    text = MRI.replace("manganese-based contrast agent (CMC-001) with", "manganese-based contrast agent (CMC-001) or placebo with")
    ents = [("INTERVENTION", "placebo") if e == ("INTERVENTION", "cancer liver metastases", 1) else e for e in MRI_ENTS]
    rec = make_record(text, ents, title=True)
    assert entity_texts(rec, _closing(rec, claims_of(rec, arms="rules")).comparator) == ["placebo"]


def test_an_arm_phrase_names_the_sentence_comparator():
    # PICO-Corpus 30646110 (the results say "in the control arm"), 2921405 (EI train: "in Co group")
    assert names_arm("The mean (SD) breast pain score (range, 0-10) was 1.75 (1.59) in the control arm vs 2.63 "
                     "(1.62) in the hypnosis arm (P = .004).")
    assert names_arm("Compared to children in Co group, children in PP group had 16% reduction in days with severe "
                     "illness.")
    assert not names_arm("Baseline characteristics were similar in the 2 arms.")
    assert not names_arm("It was relatively well tolerated but had higher rates of gastrointestinal AE.")
