"""A comparison that names no other arm takes the trial's other arm as the results report it (issue 10, session 20,
:mod:`claimex.assemble.claims.emptyother`). Real sentences from ../shared (Evidence Inference train PMC 5850179, not in
the findings gold; the PMC headings left out), with the entities the shipped tagger gives them: the design names no
comparator ("Two groups were defined according to use of morphine"), so the first comparison had none to carry; the
next result names the other arm, "the no-morphine group"."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.switches import without

MORPHINE = (
    "Effect and Safety of Morphine Use in Acute Anterior ST‐Segment Elevation Myocardial InfarctionBonin et\xa0al\n"
    "Morphine is commonly used to treat chest pain during myocardial infarction, but its effect on cardiovascular "
    "outcome has never been directly evaluated. "
    "The aim of this study was to examine the effect and safety of morphine in patients with acute anterior "
    "ST‐segment elevation myocardial infarction followed up for 1\xa0year. "
    "We used the database of the CIRCUS (Does Cyclosporine Improve Outcome in ST Elevation Myocardial Infarction "
    "Patients) trial, which included 969 patients with anterior ST‐segment elevation myocardial infarction, admitted "
    "for primary percutaneous coronary intervention. "
    "Two groups were defined according to use of morphine preceding coronary angiography. "
    "The composite primary outcome was the combined incidence of major adverse cardiovascular events, including "
    "cardiovascular death, heart failure, cardiogenic shock, myocardial infarction, unstable angina, and stroke "
    "during 1\xa0year. "
    "A total of 554 (57.1%) patients received morphine at first medical contact. "
    "Both groups, with and without morphine treatment, were comparable with respect to demographic and "
    "periprocedural characteristics. "
    "There was no significant difference in major adverse cardiovascular events between patients who received "
    "morphine compared with those who did not (26.2% versus 22.0%, respectively; P=0.15). "
    "The all‐cause mortality was 5.3% in the morphine group versus 5.8% in the no‐morphine group (P=0.89). "
    "There was no difference between groups in infarct size as assessed by the creatine kinase peak after primary "
    "percutaneous coronary intervention (4023±118 versus 3903±149\xa0IU/L; P=0.52).")
_MI = "myocardial infarction"
MORPHINE_ENTS = [
    ("OUTCOME", "Safety"), ("INTERVENTION", "Morphine"), ("OUTCOME", "Elevation Myocardial InfarctionBonin"),
    ("INTERVENTION", "Morphine", 1), ("OUTCOME", _MI), ("OUTCOME", "cardiovascular outcome"), ("OUTCOME", "safety"),
    ("INTERVENTION", "morphine"),
    ("POPULATION", "patients with acute anterior ST‐segment elevation myocardial infarction followed"),
    ("OUTCOME", _MI, 1), ("INTERVENTION", "CIRCUS"), ("INTERVENTION", "Cyclosporine"), ("OUTCOME", "ST Elevation"),
    ("OUTCOME", "Myocardial Infarction", 1),
    ("POPULATION", "trial, which included 969 patients with anterior ST‐segment elevation myocardial infarction, "
                   "admitted for primary percutaneous coronary intervention"),
    ("OUTCOME", _MI, 2), ("INTERVENTION", "percutaneous coronary intervention"), ("INTERVENTION", "morphine", 1),
    ("OUTCOME", "composite primary outcome"), ("OUTCOME", "incidence of major adverse cardiovascular events"),
    ("OUTCOME", "cardiovascular death"), ("OUTCOME", "heart failure"), ("OUTCOME", "cardiogenic shock"),
    ("OUTCOME", _MI, 3), ("OUTCOME", "unstable angina"), ("OUTCOME", "stroke"), ("INTERVENTION", "morphine", 2),
    ("INTERVENTION", "morphine treatment"), ("OUTCOME", "demographic"), ("OUTCOME", "periprocedural characteristics"),
    ("OUTCOME", "major adverse cardiovascular events", 1), ("INTERVENTION", "morphine", 4),
    ("OUTCOME", "all‐cause mortality"), ("INTERVENTION", "morphine", 5), ("INTERVENTION", "no‐morphine"),
    ("OUTCOME", "infarct size"), ("OUTCOME", "creatine kinase peak"),
    ("INTERVENTION", "percutaneous coronary intervention", 1)]


def _mace(claims):
    return next(c for c in claims if c.text.startswith("There was no significant difference in major adverse"))


def test_a_comparison_with_no_other_arm_takes_the_arm_the_results_compare_with():
    rec = make_record(MORPHINE, MORPHINE_ENTS, title=True)
    claim = _mace(claims_of(rec, arms="rules"))
    assert claim.direction == "no_difference"
    assert entity_texts(rec, claim.comparator) == ["no‐morphine"]
    assert claim.comparator[0] in claim.inherited


def test_without_the_rule_the_slot_stays_empty():
    rec = make_record(MORPHINE, MORPHINE_ENTS, title=True)
    with without("fill_empty_comparator"):
        assert _mace(claims_of(rec, arms="rules")).comparator == []
